"""``eipkit water target | network`` through Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eipkit.cli import app

runner = CliRunner()
# Wang & Smith (1994) example 1 as sources and sinks (Manan, Tan & Foo 2004), split in two plants.
WS_CSV = (
    "id,kind,flow,concentration,plant\n"
    "SR1,source,20,100,A\nSR2,source,100,100,A\nSR3,source,40,800,B\nSR4,source,10,800,B\n"
    "SK1,sink,20,0,A\nSK2,sink,100,50,A\nSK3,sink,40,50,B\nSK4,sink,10,400,B\n"
)


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_target_csv_json_with_plants(tmp_path: Path) -> None:
    f = tmp_path / "ws.csv"
    f.write_text(WS_CSV, encoding="utf-8")
    code, out = run("water", "target", str(f), "--json", "--out", str(tmp_path / "o"))
    assert code == 0, out
    data = json.loads(out)
    assert data["freshwater_flow"] == pytest.approx(90.0)
    assert data["wastewater_flow"] == pytest.approx(90.0)
    assert data["pinch_concentration"] == pytest.approx(100.0)
    assert data["plants"]["A"]["freshwater_flow"] == pytest.approx(70.0)
    assert data["plants"]["B"]["freshwater_flow"] == pytest.approx(42.5)
    assert (tmp_path / "o" / "cascade.png").exists()
    assert (tmp_path / "o" / "cascade.csv").exists()


def test_target_limiting_data_writes_composite_curve(tmp_path: Path) -> None:
    f = tmp_path / "lim.csv"
    f.write_text("id,mass_load,cin_max,cout_max\n1,2,0,100\n2,5,50,100\n3,30,50,800\n4,4,400,800\n", encoding="utf-8")
    code, out = run("water", "target", str(f), "--json", "--out", str(tmp_path / "o"))
    assert code == 0, out
    assert json.loads(out)["freshwater_flow"] == pytest.approx(90.0)
    assert (tmp_path / "o" / "limiting_composite.png").exists()


def test_network_csv_multi_contaminant(tmp_path: Path) -> None:
    f = tmp_path / "n.csv"
    f.write_text("id,kind,flow,c:A,c:B\nS1,source,50,40,0\nS2,source,50,0,100\nD1,sink,100,10,50\n", encoding="utf-8")
    code, out = run("water", "network", str(f), "--json", "--out", str(tmp_path / "o"))
    assert code == 0, out
    data = json.loads(out)
    assert data["freshwater_flow"] == pytest.approx(25.0)
    assert data["wastewater_flow"] == pytest.approx(25.0)
    assert {r["sink"] for r in data["allocation"]} >= {"D1"}
    assert (tmp_path / "o" / "network.png").exists()
    assert (tmp_path / "o" / "allocation.csv").exists()


def test_network_limiting_data(tmp_path: Path) -> None:
    f = tmp_path / "l.csv"
    f.write_text(
        "id,mass_load:a,cin_max:a,cout_max:a,mass_load:b,cin_max:b,cout_max:b\n1,2,0,100,1,0,50\n2,5,50,100,1,20,80\n",
        encoding="utf-8",
    )
    code, out = run("water", "network", str(f), "--json", "--out", str(tmp_path / "o"))
    assert code == 0, out
    data = json.loads(out)
    assert data["lower_bound"] <= data["freshwater_flow"] + 1e-9
    assert "gap" in data["guarantee"]


def test_infeasible_input_exits_1_with_message(tmp_path: Path) -> None:
    f = tmp_path / "bad.csv"
    f.write_text("id,kind,flow,concentration\nS1,source,10,100\nD1,sink,5,2\n", encoding="utf-8")
    code, out = run("water", "target", str(f), "--json", "--freshwater-concentration", "10", "--out", str(tmp_path))
    assert code == 1
    data = json.loads(out)
    assert data["infeasible"] is True
    assert "D1" in data["error"]


def test_negative_flow_exits_1(tmp_path: Path) -> None:
    f = tmp_path / "neg.csv"
    f.write_text("id,kind,flow,concentration\nS1,source,-10,100\n", encoding="utf-8")
    code, out = run("water", "network", str(f), "--lang", "en", "--out", str(tmp_path))
    assert code == 1
    assert "negative" in out


def test_demo_park_target_and_network(tmp_path: Path) -> None:
    code, out = run("water", "target", "demo", "--json", "--out", str(tmp_path / "t"))
    assert code == 0, out
    assert "freshwater_flow" in json.loads(out)
    code, out = run("water", "network", "demo", "--json", "--out", str(tmp_path / "n"))
    assert code == 0, out
    data = json.loads(out)
    assert data["freshwater_flow"] <= data["study"]["current"]["freshwater_flow"] + 1e-6


def test_demo_outputs(tmp_path: Path) -> None:
    from eipkit.cli._water import demo_outputs
    from eipkit.datasets import demo_park

    files = demo_outputs(demo_park(), tmp_path, "vi")
    assert "water_study" in files
    for path in files.values():
        assert Path(path).exists()

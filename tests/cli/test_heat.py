"""``eipkit heat targets | site`` through Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from eipkit.cli import app
from eipkit.cli._heat import demo_outputs
from eipkit.park import Park, write_park

runner = CliRunner()

KEMP_CSV = "id,supply_temperature,target_temperature,cp\nC1,20,135,2\nH1,170,60,3\nC2,80,140,4\nH2,150,30,1.5\n"
FIRMS: list[dict[str, Any]] = [
    {"id": "F1", "name": "Thép A", "sector": "steel_metal", "latitude": 21.000, "longitude": 106.0},
    {"id": "F2", "name": "Thực phẩm B", "sector": "food", "latitude": 21.004, "longitude": 106.0},
]
STREAMS: list[dict[str, Any]] = [
    {
        "id": "H1",
        "firm": "F1",
        "direction": "out",
        "category": "heat",
        "quantity": 500.0,
        "unit": "kW",
        "temperature": 250.0,
        "target_temperature": 80.0,
    },
    {
        "id": "D2",
        "firm": "F2",
        "direction": "in",
        "category": "heat",
        "quantity": 300.0,
        "unit": "kW",
        "temperature": 25.0,
        "target_temperature": 80.0,
    },
]


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def _park_folder(tmp_path: Path, streams: list[dict[str, Any]] | None = STREAMS) -> str:
    park = (
        Park.from_records({"id": "P_HEAT", "name": "KCN nhiệt", "province": "Bắc Ninh"}, firms=FIRMS, streams=streams)
        if streams
        else Park.from_records({"id": "P_HEAT", "name": "KCN nhiệt", "province": "Bắc Ninh"}, firms=FIRMS)
    )
    return str(write_park(park, tmp_path / "park"))


def test_targets_csv_json(tmp_path: Path) -> None:
    """Kemp (2007) four-stream example: 20 kW hot, 60 kW cold, pinch 90/80 °C at ΔTmin = 10 K."""
    csv = tmp_path / "kemp.csv"
    csv.write_text(KEMP_CSV, encoding="utf-8")
    code, out = run(
        "heat",
        "targets",
        str(csv),
        "--dtmin",
        "10",
        "--json",
        "--out",
        str(tmp_path / "o"),
        "--hot-level",
        "150",
        "--cold-level",
        "15",
    )
    assert code == 0
    data = json.loads(out)
    assert data["hot_utility"] == pytest.approx(20.0) and data["cold_utility"] == pytest.approx(60.0)
    assert (data["pinch_hot_temperature"], data["pinch_cold_temperature"]) == (90.0, 80.0)
    assert [u["duty"] for u in data["utilities"]] == pytest.approx([20.0, 60.0])
    for name in ("composite_plot", "grand_composite_plot", "cascade"):
        assert Path(data["files"][name]).exists()


def test_targets_csv_with_duty_and_rich_output(tmp_path: Path) -> None:
    csv = tmp_path / "duty.csv"
    csv.write_text("id,supply_temperature,target_temperature,duty,firm\nH,150,50,200,A\nC,20,120,150,B\n")
    code, out = run("heat", "targets", str(csv), "--out", str(tmp_path / "o"), "--lang", "en")
    assert code == 0
    assert "Minimum cold utility" in out and "50.0 kW" in out


def test_targets_bad_csv_exits_1_with_reason(tmp_path: Path) -> None:
    csv = tmp_path / "bad.csv"
    csv.write_text("id,supply_temperature,target_temperature,cp\nX,100,100,1\n")
    code, out = run("heat", "targets", str(csv), "--json")
    assert code == 1
    assert "no direction" in json.loads(out)["error"]
    code, _ = run("heat", "targets", str(tmp_path / "missing.csv"))
    assert code == 2


def test_targets_of_a_park(tmp_path: Path) -> None:
    code, out = run("heat", "targets", _park_folder(tmp_path), "--json", "--out", str(tmp_path / "o"))
    assert code == 0
    data = json.loads(out)
    assert data["hot_utility"] == pytest.approx(0.0) and data["cold_utility"] == pytest.approx(200.0)


def test_site_json(tmp_path: Path) -> None:
    code, out = run("heat", "site", _park_folder(tmp_path), "--json", "--out", str(tmp_path / "s"))
    assert code == 0
    data = json.loads(out)
    assert data["targets"]["inter_firm_recovery"] == pytest.approx(300.0)
    assert data["matches"][0]["supplier"] == "F1" and data["matches"][0]["receiver"] == "F2"
    assert Path(data["files"]["site_profiles_plot"]).exists()
    code, out = run("heat", "site", _park_folder(tmp_path), "--out", str(tmp_path / "s2"), "--lang", "vi")
    assert code == 0 and "F1" in out


def test_park_without_heat_exits_1(tmp_path: Path) -> None:
    code, out = run("heat", "site", _park_folder(tmp_path, None), "--json")
    assert code == 1 and "heat" in json.loads(out)["error"]


def test_demo_outputs(tmp_path: Path) -> None:
    park = Park.from_records({"id": "P", "name": "KCN", "province": "Bắc Ninh"}, firms=FIRMS, streams=STREAMS)
    files = demo_outputs(park, tmp_path, "vi")
    assert Path(files["heat_targets_composite_plot"]).exists()
    assert Path(files["heat_site_heat_matches"]).exists()
    empty = Park.from_records({"id": "P", "name": "KCN", "province": "Bắc Ninh"}, firms=FIRMS)
    assert json.loads(Path(demo_outputs(empty, tmp_path / "e", "en")["heat"]).read_text())["heat_streams"] == 0

"""``eipkit optimize`` through Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import network_testing
import pytest
from typer.testing import CliRunner

from eipkit.cli import app
from eipkit.cli._network import demo_outputs
from eipkit.park import Park, write_park

runner = CliRunner()

# The hand-solvable park of tests/network (firms A-C and their spent grain) plus a heat pair.
FIRMS: list[dict[str, Any]] = network_testing.FIRMS[:3]
STREAMS: list[dict[str, Any]] = [
    *network_testing.STREAMS[:3],
    {
        "id": "HA",
        "firm": "A",
        "direction": "out",
        "category": "heat",
        "quantity": 400.0,
        "unit": "kW",
        "temperature": 180.0,
        "target_temperature": 60.0,
    },
    {
        "id": "HB",
        "firm": "B",
        "direction": "in",
        "category": "heat",
        "quantity": 200.0,
        "unit": "kW",
        "temperature": 30.0,
        "target_temperature": 90.0,
    },
]


def _park() -> Park:
    return Park.from_records({"id": "P_NET", "name": "KCN mạng", "province": "Hải Dương"}, firms=FIRMS, streams=STREAMS)


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_optimize_json_respects_capacities(tmp_path: Path) -> None:
    folder = str(write_park(_park(), tmp_path / "park"))
    code, out = run("optimize", folder, "--json", "--pareto", "3", "--time-limit", "20", "--out", str(tmp_path / "o"))
    assert code == 0
    data = json.loads(out)
    s = data["solution"]
    assert s["status"] == "optimal" and s["violations"] == [] and s["gap"] is not None
    assert data["heat_candidates"] == 1 and data["no_firm_worse_off"] is True
    for link in s["links"]:
        assert 0 < link["flow"] <= link["max_amount"] * (1 + 1e-9)
    grain = sum(link["flow"] for link in s["links"] if link["resource_class"] == "spent_grain")
    assert grain <= 1200.0 + 1e-6
    assert {"HEAT_A_B"} <= {link["id"] for link in s["links"]}
    assert len(data["pareto_front"]) >= 1
    for name in ("network_map", "pareto_plot", "firm_gains", "link_shares"):
        assert Path(data["files"][name]).exists()


def test_optimize_table_output_and_no_heat(tmp_path: Path) -> None:
    folder = str(write_park(_park(), tmp_path / "park"))
    code, out = run(
        "optimize",
        folder,
        "--no-heat",
        "--pareto",
        "0",
        "--lang",
        "en",
        "--rule",
        "proportional",
        "--out",
        str(tmp_path / "o"),
    )
    assert code == 0
    assert "Chosen links" in out and "What each firm gains" in out


@pytest.mark.parametrize("args", [("--rule", "shapley"), ("--pareto", "1")])
def test_bad_options_exit_2(tmp_path: Path, args: tuple[str, str]) -> None:
    code, _ = run("optimize", "demo", *args)
    assert code == 2


def test_demo_outputs(tmp_path: Path) -> None:
    files = demo_outputs(_park(), tmp_path, "vi")
    assert Path(files["network"]).exists() and Path(files["pareto_front"]).exists()
    assert json.loads(Path(files["network"]).read_text())["solution"]["status"] == "optimal"

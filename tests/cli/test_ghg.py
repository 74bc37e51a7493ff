"""``eipkit ghg`` through Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

from energy_cli_testing import small_park
from typer.testing import CliRunner

from eipkit.cli import app
from eipkit.cli._ghg import demo_outputs
from eipkit.park import write_park

runner = CliRunner()


def test_ghg_json(tmp_path: Path) -> None:
    folder = write_park(small_park(), tmp_path / "park")
    result = runner.invoke(app, ["ghg", str(folder), "--json", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    # A: 400 t x 22 MJ/kg x 98.3 kg/GJ = 865.04 t; electricity 3,600 MWh x 0.6592 = 2,373.12 t
    assert data["totals"]["scope1"] == 865.04
    assert round(data["totals"]["scope2"], 2) == 2373.12
    assert (tmp_path / "out" / "ghg_summary.json").exists()


def test_ghg_table_and_year(tmp_path: Path) -> None:
    folder = write_park(small_park(), tmp_path / "park")
    result = runner.invoke(app, ["ghg", str(folder), "--year", "2022", "--out", str(tmp_path / "o"), "--lang", "en"])
    assert result.exit_code == 0
    assert "0.6766" in result.output
    bad = runner.invoke(app, ["ghg", str(folder), "--year", "2030", "--lang", "en"])
    assert bad.exit_code == 1 and "2030" in bad.output


def test_ghg_on_the_demo_park(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ghg", "demo", "--json", "--out", str(tmp_path)])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["totals"]["total"] > 0 and data["avoided"]["measures_achieved"] > 0


def test_demo_outputs(tmp_path: Path) -> None:
    files = demo_outputs(small_park(), tmp_path, "vi")
    assert {"ghg_firms", "ghg_summary", "avoided_exchanges"} <= set(files)

"""``eipkit recp`` through Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

from energy_cli_testing import small_park
from typer.testing import CliRunner

from eipkit.cli import app
from eipkit.cli._recp import demo_outputs
from eipkit.park import write_park

runner = CliRunner()


def test_recp_json_without_solar(tmp_path: Path) -> None:
    folder = write_park(small_park(), tmp_path / "park")
    result = runner.invoke(
        app,
        [
            "recp",
            str(folder),
            "--no-solar",
            "--json",
            "--discount-rate",
            "0.1",
            "--lifetime",
            "10",
            "--out",
            str(tmp_path / "out"),
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [o["option"] for o in data["mac_curve"]] == ["M1"]
    assert any(o["option"] == "boiler_economiser" for o in data["options"])
    assert (tmp_path / "out" / "recp_mac_curve.png").exists()


def test_recp_with_solar_options(tmp_path: Path) -> None:
    folder = write_park(small_park(), tmp_path / "park")
    result = runner.invoke(app, ["recp", str(folder), "--firm", "A", "--out", str(tmp_path / "o"), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "PV_A" in result.output and "M1" in result.output


def test_recp_unknown_firm(tmp_path: Path) -> None:
    folder = write_park(small_park(), tmp_path / "park")
    result = runner.invoke(app, ["recp", str(folder), "--firm", "ZZ", "--no-solar", "--lang", "en"])
    assert result.exit_code == 1 and "ZZ" in result.output


def test_demo_outputs(tmp_path: Path) -> None:
    files = demo_outputs(small_park(), tmp_path, "en")
    assert {"recp_indicators", "recp_mac_curve", "recp_mac_png"} <= set(files)

"""``eipkit coprocess`` through Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

from energy_cli_testing import small_park
from typer.testing import CliRunner

from eipkit.cli import app
from eipkit.cli._coprocess import demo_outputs
from eipkit.park import Park, write_park

runner = CliRunner()


def test_coprocess_default_shows_unverified_limits(tmp_path: Path) -> None:
    folder = write_park(small_park(), tmp_path / "park")
    result = runner.invoke(app, ["coprocess", str(folder), "--lang", "en", "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert "limit unverified" in result.output
    assert (tmp_path / "o" / "coprocess_receiver_streams.csv").exists()


def test_coprocess_with_user_limits_json(tmp_path: Path) -> None:
    folder = write_park(small_park(), tmp_path / "park")
    result = runner.invoke(
        app,
        [
            "coprocess",
            str(folder),
            "--json",
            "--limit",
            "calorific_value=15",
            "--limit",
            "chlorine=0.5",
            "--criteria",
            "calorific_value,chlorine",
            "--out",
            str(tmp_path / "o"),
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    status = {w["stream"]: w["status"] for w in data["wastes"]}
    assert status == {"B.oil": "passes", "B.boards": "excluded"}
    assert data["kiln"]["firm"] == "K"


def test_coprocess_bad_limit_and_no_kiln(tmp_path: Path) -> None:
    folder = write_park(small_park(), tmp_path / "park")
    result = runner.invoke(app, ["coprocess", str(folder), "--limit", "chlorine", "--lang", "en"])
    assert result.exit_code == 1 and "name=value" in result.output
    result = runner.invoke(app, ["coprocess", str(folder), "--kiln", "B", "--lang", "en"])
    assert result.exit_code == 1 and "kiln" in result.output


def test_demo_outputs_without_kiln(tmp_path: Path) -> None:
    park = Park.from_records(
        {"id": "N", "name": "No kiln", "province": "Hà Nội"}, firms=[{"id": "A", "name": "A", "sector": "food"}]
    )
    files = demo_outputs(park, tmp_path, "en")
    assert json.loads(Path(files["coprocess"]).read_text(encoding="utf-8"))["kiln"] is None
    assert "coprocess_wastes" in demo_outputs(small_park(), tmp_path / "k", "en")

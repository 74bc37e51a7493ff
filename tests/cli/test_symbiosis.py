"""``eipkit match`` through Typer's CliRunner, and the demo hook."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eipkit.cli import app
from eipkit.cli._symbiosis import demo_outputs
from eipkit.park import Park, write_park

runner = CliRunner()


def fly_ash_park() -> Park:
    """A coal boiler whose fly ash goes to landfill, 2 km from a cement grinding plant buying fly ash."""
    return Park.from_records(
        {"id": "P1", "name": "KCN Thử", "province": "Bắc Ninh", "latitude": 21.0, "longitude": 106.0},
        firms=[
            {"id": "BOIL", "name": "Lò hơi", "sector": "power_steam", "latitude": 21.0, "longitude": 106.0},
            {"id": "CEM", "name": "Xi măng", "sector": "building_materials", "latitude": 21.0, "longitude": 106.02},
        ],
        streams=[
            {
                "id": "BOIL.ash",
                "firm": "BOIL",
                "direction": "out",
                "category": "by_product",
                "description": "Tro bay",
                "quantity": 1000,
                "unit": "t/a",
                "unit_cost": 150_000,
                "cost_unit": "VND/t",
                "destination": "landfill",
            },
            {
                "id": "CEM.ash",
                "firm": "CEM",
                "direction": "in",
                "category": "material",
                "resource_class": "fly_ash",
                "quantity": 4000,
                "unit": "t/a",
                "unit_cost": 350_000,
                "cost_unit": "VND/t",
            },
        ],
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_park(fly_ash_park(), tmp_path / "park")


def test_match_prints_a_ranked_table_and_writes_files(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    res = runner.invoke(app, ["match", str(folder), "--lang", "en", "--out", str(out), "--no-excel"])
    assert res.exit_code == 0, res.output
    assert "Symbiosis opportunities of P1" in res.output
    assert "BOIL" in res.output and "CEM" in res.output
    assert "Consistent set (optimal" in res.output
    assert (out / "opportunities.csv").exists() and (out / "matching.json").exists()
    assert not (out / "matching.xlsx").exists()


def test_match_json_on_the_demo(tmp_path: Path) -> None:
    res = runner.invoke(
        app,
        ["match", "demo", "--json", "--no-select", "--no-excel", "--top", "3", "--out", str(tmp_path), "--lang", "vi"],
    )
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["summary"]["park"] == "DEMO_SONGCAU"
    assert data["summary"]["selection"] is None
    assert len(data["opportunities"]) == 3
    assert "triệu đồng" in data["opportunities"][0]["reason"]
    assert Path(data["files"]["opportunities"]).exists()


def test_match_with_a_partner_park_and_bad_options(folder: Path, tmp_path: Path) -> None:
    other = Park.from_records(
        {"id": "P2", "name": "KCN 2", "province": "Bắc Ninh"},
        firms=[{"id": "REC", "name": "Tái chế", "sector": "waste_management", "latitude": 21.01, "longitude": 106.0}],
        streams=[
            {
                "id": "REC.ash",
                "firm": "REC",
                "direction": "in",
                "category": "material",
                "resource_class": "ash",
                "quantity": 500,
                "unit": "t/a",
            }
        ],
    )
    other_folder = write_park(other, tmp_path / "p2")
    res = runner.invoke(
        app,
        [
            "match",
            str(folder),
            "--with-park",
            str(other_folder),
            "--json",
            "--no-select",
            "--no-excel",
            "--out",
            str(tmp_path / "o"),
        ],
    )
    assert res.exit_code == 0, res.output
    receivers = {o["receiver"] for o in json.loads(res.output)["opportunities"]}
    assert receivers == {"CEM"}  # REC is not a building-materials firm, so ash masonry does not apply
    assert runner.invoke(app, ["match", str(folder), "--radius-km", "0"]).exit_code == 2
    assert runner.invoke(app, ["match", str(tmp_path / "missing")]).exit_code == 2


def test_demo_outputs(tmp_path: Path) -> None:
    files = demo_outputs(fly_ash_park(), tmp_path, "vi")
    assert {"opportunities", "json", "excel", "selection"} <= set(files)
    assert all(Path(p).exists() for p in files.values())

"""``eipkit energy solar | wind | models`` through Typer's CliRunner, on a small park folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from energy_cli_testing import small_park
from typer.testing import CliRunner

from eipkit.cli import app
from eipkit.cli._energy import demo_outputs
from eipkit.park import write_park

runner = CliRunner()


@pytest.fixture(scope="module")
def park_folder(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(write_park(small_park(), tmp_path_factory.mktemp("energy") / "park"))


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_help_lists_the_energy_commands() -> None:
    code, out = run("energy", "--help")
    assert code == 0
    for command in ("solar", "wind", "models"):
        assert command in out


def test_solar_json_and_files(park_folder: str, tmp_path: Path) -> None:
    code, out = run("energy", "solar", park_folder, "--json", "--out", str(tmp_path), "--lang", "en")
    assert code == 0, out
    data = json.loads(out)
    status = {f["firm"]: f["status"] for f in data["firms"]}
    assert status == {"A": "ok", "B": "ok"}
    assert data["totals"]["capacity"] > 0
    assert any("air_temperature" in n for n in data["notes"])
    for name in ("solar_firms.csv", "solar_totals.json", "solar_monthly.png"):
        assert (tmp_path / name).exists()


def test_solar_table_in_vietnamese(park_folder: str, tmp_path: Path) -> None:
    code, out = run("energy", "solar", park_folder, "--out", str(tmp_path), "--sizing", "no_curtailment")
    assert code == 0
    assert "Điện mặt trời mái nhà" in out


def test_wind_needs_a_wind_speed(park_folder: str) -> None:
    code, out = run("energy", "wind", park_folder, "--lang", "en")
    assert code == 2
    assert "--wind-speed" in out


def test_wind_with_speed(park_folder: str, tmp_path: Path) -> None:
    code, out = run("energy", "wind", park_folder, "--wind-speed", "6", "--json", "--out", str(tmp_path))
    assert code == 0, out
    data = json.loads(out)
    assert {r["option"] for r in data["mix"]} == {"solar", "wind", "solar_wind"}


def test_models_for_a_firm(park_folder: str, tmp_path: Path) -> None:
    code, out = run(
        "energy",
        "models",
        park_folder,
        "--firm",
        "A",
        "--surplus-price",
        "1000",
        "--strike-price",
        "1500",
        "--json",
        "--out",
        str(tmp_path),
    )
    assert code == 0, out
    data = json.loads(out)
    models = {m["model"]: m for m in data["models"]}
    assert set(models) == {"self_investment", "lease", "onsite_ppa", "dppa_private", "dppa_grid"}
    assert models["dppa_grid"]["firm_npv"] is not None
    assert data["tornado"][0]["swing"] >= data["tornado"][-1]["swing"]
    for name in ("business_models.csv", "cash_flows.png", "tornado.png", "assumptions.json"):
        assert (tmp_path / name).exists()


def test_models_errors_are_clear(park_folder: str) -> None:
    code, out = run("energy", "models", park_folder, "--firm", "K", "--lang", "en")
    assert code == 1 and "K" in out
    code, out = run("energy", "models", park_folder, "--technology", "wind", "--lang", "en")
    assert code == 1 and "wind-speed" in out
    code, out = run("energy", "models", park_folder, "--voltage", "1kv", "--lang", "en")
    assert code == 1 and "1kv" in out


def test_demo_outputs(tmp_path: Path) -> None:
    files = demo_outputs(small_park(), tmp_path, "en")
    assert {"solar_firms", "models_business_models", "energy_mix", "wind_example"} <= set(files)
    assert all(Path(p).exists() for p in files.values())
    assert "EXAMPLE" in Path(files["wind_example"]).read_text(encoding="utf-8")

"""The eipkit command, driven through Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from eipkit.cli import app
from eipkit.datasets import demo_park
from eipkit.park import read_park

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_help_lists_commands() -> None:
    code, out = run("--help")
    assert code == 0
    for command in ("demo", "template", "validate", "info", "convert"):
        assert command in out


def test_validate_demo_json() -> None:
    code, out = run("validate", "demo", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["valid"] is True
    assert data["errors"] == 0


def test_validate_broken_file_exits_1_and_names_the_place(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    code, _ = run("convert", "demo", str(folder))
    assert code == 0
    streams = pl.read_csv(folder / "streams.csv", infer_schema=False)
    streams = streams.with_columns(
        pl.when(pl.int_range(pl.len()) == 4).then(pl.lit("t/xyz")).otherwise(pl.col("unit")).alias("unit")
    )
    streams.write_csv(folder / "streams.csv")
    code, out = run("validate", str(folder), "--json", "--lang", "en")
    assert code == 1
    data = json.loads(out)
    issue = next(i for i in data["issues"] if i["check"] == "units.unknown")
    assert issue["location"] == "streams.csv"
    assert issue["row"] == 6  # data row 5 is line 6 of the file
    assert issue["column"] == "unit"
    assert "t/xyz" in issue["message"]


def test_validate_missing_file_exits_2(tmp_path: Path) -> None:
    code, _ = run("validate", str(tmp_path / "nothing.xlsx"))
    assert code == 2


def test_strict_turns_warnings_into_errors(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    run("convert", "demo", str(folder))
    firms = pl.read_csv(folder / "firms.csv", infer_schema=False).with_columns(pl.lit("x").alias("colour_of_roof"))
    firms.write_csv(folder / "firms.csv")
    assert run("validate", str(folder))[0] == 0
    code, out = run("validate", str(folder), "--strict", "--json")
    assert code == 1
    assert any(i["check"] == "columns.unknown" for i in json.loads(out)["issues"])


def test_info_json_totals_match_library() -> None:
    from eipkit.park.summary import park_totals

    code, out = run("info", "demo", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["totals"] == pytest.approx(park_totals(demo_park()))
    assert data["counts"]["firms"] == demo_park().firms.height


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_info_tables_in_both_languages(lang: str) -> None:
    code, out = run("info", "demo", "--lang", lang)
    assert code == 0
    assert ("Doanh nghiệp theo ngành" if lang == "vi" else "Firms by sector") in out


def test_template_roundtrip_gives_required_field_errors(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    assert run("template", str(path), "--lang", "en")[0] == 0
    code, out = run("validate", str(path), "--json")
    assert code == 1
    checks = {(i["check"], i["column"]) for i in json.loads(out)["issues"]}
    assert ("values.required", "name") in checks


def test_convert_workbook_and_back(tmp_path: Path) -> None:
    xlsx, folder = tmp_path / "demo.xlsx", tmp_path / "back"
    assert run("convert", "demo", str(xlsx))[0] == 0
    assert run("convert", str(xlsx), str(folder))[0] == 0
    assert read_park(folder) == demo_park()


def test_demo_writes_outputs(tmp_path: Path) -> None:
    out = tmp_path / "demo-out"
    code, text = run("demo", "--out", str(out), "--json")
    assert code == 0
    data = json.loads(text)
    for key in ("summary", "workbook_vi", "workbook_en", "park_folder", "report_vi", "report_en"):
        assert Path(data["files"][key]).exists(), key
    assert "## " in (out / "report_vi.md").read_text(encoding="utf-8")
    assert read_park(out / "park") == demo_park()


def test_unknown_language_is_a_usage_error() -> None:
    assert run("info", "demo", "--lang", "fr")[0] == 2

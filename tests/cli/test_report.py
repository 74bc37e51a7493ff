"""``eipkit report`` and ``eipkit monitor``, driven through Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
from typer.testing import CliRunner

from eipkit.cli import app
from eipkit.park import read_park

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_help_lists_report_and_monitor() -> None:
    code, out = run("--help")
    assert code == 0 and "report" in out and "monitor" in out


def test_report_writes_chosen_formats(tmp_path: Path) -> None:
    code, out = run(
        "report",
        "demo",
        "--format",
        "html",
        "--format",
        "xlsx",
        "--sections",
        "profile",
        "--lang",
        "en",
        "--out",
        str(tmp_path),
        "--json",
    )
    assert code == 0, out
    files = json.loads(out)["files"]
    assert set(files) == {"html_en", "xlsx_en"}
    html = Path(files["html_en"]).read_text(encoding="utf-8")
    assert "Park profile and land use" in html and "Executive summary" in html


def test_report_rejects_unknown_format_and_section(tmp_path: Path) -> None:
    assert run("report", "demo", "--format", "docx", "--out", str(tmp_path))[0] == 2
    assert run("report", "demo", "--format", "html", "--sections", "nope", "--out", str(tmp_path))[0] == 2


def test_monitor_trends_json() -> None:
    code, out = run("monitor", "trends", "demo", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["year"] == 2025
    water = next(r for r in data["changes"] if r["entity"] == "DEMO_SONGCAU" and r["indicator"] == "water_use")
    assert water["change"] == 50000.0


def test_monitor_trends_tables_in_vietnamese() -> None:
    code, out = run("monitor", "trends", "demo", "--entity", "F01_BREW")
    assert code == 0 and "Xu hướng" in out and "Nước sử dụng" in out


def test_monitor_import_csv_then_refuse_repeat(tmp_path: Path) -> None:
    rows = tmp_path / "kpis_2026.csv"
    pl.DataFrame(
        [{"entity": "DEMO_SONGCAU", "indicator": "water_use", "year": 2026, "value": 4_600_000.0, "unit": "m3/a"}]
    ).write_csv(rows)
    target = tmp_path / "park2026"
    code, out = run("monitor", "import", "demo", str(rows), "--out", str(target), "--json")
    assert code == 0, out
    assert json.loads(out)["counts"] == {"added": 1}
    park = read_park(target)
    assert park.kpis.filter(year=2026)["value"].item() == 4_600_000.0
    code, out = run("monitor", "import", str(target), str(rows), "--out", str(tmp_path / "again"), "--lang", "en")
    assert code == 1 and "replace" in out
    assert run("monitor", "import", "demo", str(tmp_path / "missing.csv"))[0] == 2

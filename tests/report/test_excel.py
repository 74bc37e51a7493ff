from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from eipkit.report import Report, write_excel


def test_workbook_has_every_table_with_bilingual_headers(reports: dict[str, Report], tmp_path: Path) -> None:
    report = reports["en"]
    path = write_excel(report, tmp_path / "r.xlsx")
    book = openpyxl.load_workbook(path, read_only=True)
    tables = [t for _, t in report.tables()]
    assert len(book.sheetnames) == len(tables) + 1
    assert any(t.excel_only for t in tables)
    contents = book[book.sheetnames[0]]
    assert contents.cell(4, 1).value == book.sheetnames[1]
    land = next(t for t in tables if t.key == "profile.land_use")
    sheet = book["profile.land_use"]
    header = sheet.cell(3, 2).value
    assert "Diện tích" in header and "Area" in header and "[ha]" in header
    values = [sheet.cell(4 + i, 2).value for i in range(land.frame.height)]
    assert values == pytest.approx(land.frame["area"].to_list())

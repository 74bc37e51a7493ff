"""Excel layout of the Circular 05/2025 forms (xlsxwriter): a title block, the note on the source, a table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import polars as pl
import xlsxwriter

from eipkit.assessment._render import number
from eipkit.park import Park

__all__ = ["write_firm_forms", "write_park_forms"]


def _labels() -> dict[str, Any]:
    from eipkit.assessment.forms import _labels as labels

    return labels()


def _l(group: str, key: str, lang: str) -> str:
    entry = _labels()[group].get(key)
    return str(entry.get(lang) or entry["en"]) if entry else key


class _Sheet:
    def __init__(
        self, book: Any, name: str, title: str, park: Park, lang: str, as_of: dt.date, widths: list[int]
    ) -> None:
        self.ws = book.add_worksheet(name)
        self.bold = book.add_format({"bold": True, "font_size": 13})
        self.head = book.add_format(
            {"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True, "valign": "top"}
        )
        self.section = book.add_format({"bold": True, "bg_color": "#F2F2F2"})
        self.cell = book.add_format({"text_wrap": True, "valign": "top", "border": 1})
        self.num = book.add_format({"num_format": "#,##0.##", "valign": "top", "border": 1})
        self.note = book.add_format({"italic": True, "font_color": "#7F7F7F", "text_wrap": True})
        for i, w in enumerate(widths):
            self.ws.set_column(i, i, w)
        self.ws.write(0, 0, title, self.bold)
        self.ws.write(1, 0, f"{_l('columns', 'park', lang)}: {park.name} ({park.id})")
        year = park.meta.get("data_year")
        self.ws.write(
            2, 0, f"{_l('columns', 'data_year', lang)}: {year or '–'} · {_l('columns', 'as_of', lang)}: {as_of}"
        )
        self.ws.merge_range(3, 0, 3, max(len(widths) - 1, 1), str(_labels()["note"][lang]), self.note)
        self.ws.set_row(3, 45)
        self.row = 5

    def header(self, names: list[str]) -> None:
        for i, name in enumerate(names):
            self.ws.write(self.row, i, name, self.head)
        self.ws.freeze_panes(self.row + 1, 0)
        self.row += 1

    def values(self, values: list[Any]) -> None:
        for i, v in enumerate(values):
            if isinstance(v, bool):
                self.ws.write(self.row, i, "x" if v else "", self.cell)
            elif isinstance(v, int | float) and v is not None:
                self.ws.write_number(self.row, i, float(v), self.num)
            elif isinstance(v, dt.date):
                self.ws.write(self.row, i, v.isoformat(), self.cell)
            else:
                self.ws.write(self.row, i, "" if v is None else str(v), self.cell)
        self.row += 1

    def section_row(self, text: str, width: int) -> None:
        self.ws.merge_range(self.row, 0, self.row, width - 1, text, self.section)
        self.row += 1


def write_park_forms(
    path: Path,
    park: Park,
    a4: list[tuple[str, str, Any, str, Any]],
    a5: list[dict[str, Any]],
    lang: str,
    as_of: dt.date,
) -> Path:
    """Write forms A.4 and A.5 of ``park`` into the workbook ``path``."""
    book = xlsxwriter.Workbook(str(path))
    s = _Sheet(book, "A.4", _l("titles", "A4", lang), park, lang, as_of, [6, 52, 18, 10, 60])
    s.header([_l("columns", k, lang) for k in ("no", "item", "value", "unit", "note")])
    section = None
    for n, (sec, key, value, unit, note) in enumerate(a4, start=1):
        if sec != section:
            section = sec
            s.section_row(_l("sections", sec, lang), 5)
            if sec == "links":
                s.values(["", _l("items", "link_header", lang), "", "", ""])
        label = _l("items", key, lang) if sec not in ("social", "links") else key
        if isinstance(note, float):
            note = f"{number(note, lang, 1)} %"
        s.values([n, label, value, unit, note])
    s = _Sheet(book, "A.5", _l("titles", "A5", lang), park, lang, as_of, [8, 52, 16, 16, 70])
    s.header([_l("columns", k, lang) for k in ("code", "indicator", "result", "value", "note")])
    for r in a5:
        s.values([r["code"], r["indicator"], r["result"], r["value"], r["note"]])
    book.close()
    return path


def write_firm_forms(path: Path, park: Park, b4: pl.DataFrame, b5: pl.DataFrame, lang: str, as_of: dt.date) -> Path:
    """Write forms B.4 and B.5 (one row per operating firm) into the workbook ``path``."""
    book = xlsxwriter.Workbook(str(path))
    s = _Sheet(book, "B.4", _l("titles", "B4", lang), park, lang, as_of, [12, 34] + [14] * (b4.width - 2))
    s.header([_l("firm_columns", c, lang) for c in b4.columns])
    for row in b4.iter_rows():
        s.values(list(row))
    cols = ["firm", "name", "employees", "ENV.2", "SOC.1", "SOC.2", "SOC.4", "SOC.6"]
    s = _Sheet(book, "B.5", _l("titles", "B5", lang), park, lang, as_of, [12, 34, 10] + [22] * 5)
    s.header([_l("firm_columns", c, lang) for c in cols])
    yes, no = ("có", "không") if lang == "vi" else ("yes", "no")
    for r in b5.iter_rows(named=True):
        cells: list[Any] = [r["firm"], r["name"], r["employees"]]
        for code in cols[3:]:
            if code in ("SOC.1", "SOC.4") and r.get(f"{code}_applies") is False:
                cells.append(_l("firm_columns", "not_applicable", lang))
            elif r[code] is None:
                cells.append(_l("firm_columns", "not_recorded", lang))
            else:
                doc = r.get(f"{code} document")
                cells.append((yes if r[code] else no) + (f" ({doc})" if doc else ""))
        s.values(cells)
    book.close()
    return path

"""Render a :class:`~eipkit.report.model.Report`: self-contained HTML, PDF (WeasyPrint) and Excel.

* HTML works offline: images are embedded as ``data:`` URIs and plotly.js, when interactive
  figures are used, is inlined once (in the first figure); nothing is fetched from a network.
* The PDF is rendered by WeasyPrint from the same HTML with the static images only, in DejaVu
  Sans so that Vietnamese diacritics render (Debian packages ``fonts-dejavu-core``,
  ``libpango-1.0-0`` and ``libpangoft2-1.0-0``).
* The Excel workbook has one sheet per result table (the long detail tables too) with
  Vietnamese and English headers and units, and a contents sheet.
"""

from __future__ import annotations

import base64
import datetime as dt
import math
import os
import re
from pathlib import Path
from typing import Any

from eipkit.report._template import CSS, TEMPLATE
from eipkit.report._text import fmt, tr
from eipkit.report.model import Bullets, Column, Figure, Paragraph, Report, Table

__all__ = ["cell_text", "render_html", "write_excel", "write_html", "write_pdf"]


def _missing(extra: str, exc: ImportError) -> ImportError:
    return ImportError(f"{exc.name or extra} is needed for this output: pip install 'eipkit[report]' ({exc})")


def cell_text(value: Any, column: Column, lang: str) -> str:
    """Format one table cell for ``lang`` (numbers with the column's decimals, missing as '–')."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, bool):
        return tr("yes" if value else "no", lang)
    if isinstance(value, int):
        return str(value) if column.name in ("year", "month", "first_year", "last_year") else fmt(value, lang, 0)
    if isinstance(value, float):
        return fmt(value, lang, _digits(value, column.digits))
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _digits(value: float, digits: int) -> int:
    """Decimals to show: the column's, or with ``digits < 0`` by magnitude (0 from 100, 1 from 1, else 2)."""
    if digits >= 0:
        return digits
    size = abs(value)
    return 0 if size >= 100 or float(value).is_integer() else (1 if size >= 1 else 2)


def _is_numeric(table: Table, column: Column) -> bool:
    return bool(table.frame.schema[column.name].is_numeric())


def _widths(headers: list[dict[str, Any]], rows: list[list[str]]) -> tuple[list[float], bool]:
    """Column widths (percent) from the length of their text, so that tables lay out in fixed mode.

    A fixed table layout is much faster in WeasyPrint than measuring every cell; long-text tables
    are printed smaller.
    """
    sample = rows[:300]
    fixed: dict[int, float] = {}
    flexible: dict[int, float] = {}
    long_text = False
    for i, h in enumerate(headers):
        label = str(h["label"]) + (f" [{h['unit']}]" if h["unit"] else "")
        words = max(max((len(w) for w in label.split()), default=4), len(label) / 3.0) + 1.0
        cells = [len(r[i]) for r in sample] or [0]
        mean, longest = sum(cells) / len(cells), max(cells)
        long_text = long_text or mean > 45
        if h["numeric"] or longest <= 16:
            fixed[i] = max(words, longest + 1.5, 4.0)
        else:
            flexible[i] = max(words, min(mean * 1.3, 70.0), 12.0)
    budget = 138.0 if long_text else 112.0  # characters across the printed page at the table's font size
    room = budget - sum(fixed.values())
    if flexible and room > 12.0 * len(flexible):
        scale = room / sum(flexible.values())
        flexible = {i: w * scale for i, w in flexible.items()}
    weights = {**fixed, **flexible}
    total = sum(weights.values()) or 1.0
    return [round(100.0 * weights[i] / total, 2) for i in range(len(headers))], long_text


def _blocks(report: Report, interactive: bool) -> list[dict[str, Any]]:
    import plotly.io as pio  # type: ignore[import-untyped]

    sections = []
    n_table = n_figure = 0
    plotly_done = False
    for section in report.sections:
        blocks: list[dict[str, Any]] = []
        for b in section.blocks:
            if isinstance(b, Paragraph):
                blocks.append({"type": "p", "text": b.text})
            elif isinstance(b, Bullets):
                blocks.append({"type": "ul", "points": b.items})
            elif isinstance(b, Table):
                if b.excel_only:
                    continue
                n_table += 1
                headers = [
                    {"label": c.label(report.lang), "unit": c.unit, "numeric": _is_numeric(b, c)} for c in b.columns
                ]
                names = [c.name for c in b.columns]
                rows = [
                    [cell_text(v, c, report.lang) for v, c in zip(row, b.columns, strict=True)]
                    for row in b.frame.select(names).iter_rows()
                ]
                widths, small = _widths(headers, rows)
                blocks.append(
                    {
                        "type": "table",
                        "key": b.key,
                        "number": n_table,
                        "title": b.title,
                        "headers": headers,
                        "rows": rows,
                        "note": b.note,
                        "widths": widths,
                        "small": small,
                    }
                )
            elif isinstance(b, Figure):
                n_figure += 1
                plotly_html = None
                if interactive and b.plotly_json:
                    plotly_html = pio.from_json(b.plotly_json).to_html(
                        full_html=False,
                        include_plotlyjs=not plotly_done,
                        div_id=f"plotly-{b.key}",
                        config={"displaylogo": False, "responsive": True},
                    )
                    plotly_done = True
                img = "data:image/png;base64," + base64.b64encode(b.png).decode("ascii")
                blocks.append(
                    {
                        "type": "figure",
                        "key": b.key,
                        "number": n_figure,
                        "title": b.title,
                        "caption": b.caption,
                        "img": img,
                        "plotly": plotly_html,
                    }
                )
        sections.append({"key": section.key, "title": section.title, "blocks": blocks})
    return sections


def render_html(report: Report, interactive: bool = True) -> str:
    """Return the report as one self-contained HTML document.

    Parameters
    ----------
    report : Report
    interactive : bool
        Use the interactive Plotly figures (plotly.js inlined once); False gives static images
        only (what the PDF uses).
    """
    try:
        import jinja2
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise _missing("jinja2", exc) from None
    env = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.globals["zip"] = zip
    lang = report.lang
    words = {
        "contents": tr("html.contents", lang),
        "table": tr("html.table", lang),
        "figure": tr("html.figure", lang),
        "static": tr("html.static", lang),
        "generated": tr(
            "html.generated",
            lang,
            date=report.meta.get("generated", ""),
            version=report.meta.get("version", ""),
            source=report.meta.get("source", ""),
        ),
        "footer": tr("html.footer", lang, version=report.meta.get("version", "")),
    }
    return env.from_string(TEMPLATE).render(
        lang=lang,
        title=report.title,
        meta=report.meta,
        words=words,
        css=CSS,
        sections=_blocks(report, interactive),
    )


def write_html(report: Report, path: str | os.PathLike[str], interactive: bool = True) -> Path:
    """Write :func:`render_html` to ``path`` (UTF-8) and return the path."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_html(report, interactive), encoding="utf-8")
    return out


def write_pdf(report: Report, path: str | os.PathLike[str]) -> Path:
    """Render the report to a PDF with WeasyPrint (static figures) and return the path.

    Raises
    ------
    ImportError
        If WeasyPrint (extra ``report``) or its system libraries (Pango) are missing.
    """
    try:
        from weasyprint import HTML  # type: ignore[import-untyped]
    except (ImportError, OSError) as exc:  # OSError: Pango missing
        raise ImportError(
            f"WeasyPrint cannot run ({exc}); install the 'report' extra and the Debian packages libpango-1.0-0, "
            "libpangoft2-1.0-0 and fonts-dejavu-core (scripts/setup.sh does both)"
        ) from None
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    HTML(string=render_html(report, interactive=False), base_url=str(out.parent)).write_pdf(out)
    return out


_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def _sheet_name(key: str, used: set[str]) -> str:
    base = _SHEET_CHARS.sub("_", key)[:31]
    name, i = base, 2
    while name.lower() in used:
        suffix = f"~{i}"
        name, i = base[: 31 - len(suffix)] + suffix, i + 1
    used.add(name.lower())
    return name


def _excel_value(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return value


def write_excel(report: Report, path: str | os.PathLike[str]) -> Path:
    """Write every table of ``report`` to one workbook (one sheet each, bilingual headers with units).

    Returns
    -------
    pathlib.Path
    """
    import xlsxwriter

    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    book = xlsxwriter.Workbook(str(out), {"nan_inf_to_errors": True})
    try:
        title = book.add_format({"bold": True, "font_size": 13, "font_color": "#12324F"})
        head = book.add_format(
            {"bold": True, "text_wrap": True, "valign": "bottom", "bg_color": "#E4ECF4", "border": 1}
        )
        link = book.add_format({"font_color": "blue", "underline": 1})
        wrap = book.add_format({"text_wrap": True, "valign": "top"})
        number = {d: book.add_format({"num_format": "#,##0" + ("." + "0" * d if d else "")}) for d in range(4)}
        contents = book.add_worksheet(tr("excel.contents", "vi")[:31])
        contents.write(0, 0, report.title, title)
        contents.write_row(
            2,
            0,
            [
                f"{tr('excel.sheet', 'vi')} / {tr('excel.sheet', 'en')}",
                f"{tr('excel.section', 'vi')} / {tr('excel.section', 'en')}",
                f"{tr('excel.table', 'vi')} / {tr('excel.table', 'en')}",
            ],
            head,
        )
        contents.set_column(0, 0, 30)
        contents.set_column(1, 2, 50)
        used = {contents.name.lower()}
        for i, (section, table) in enumerate(report.tables()):
            name = _sheet_name(table.key, used)
            contents.write_url(3 + i, 0, f"internal:'{name}'!A1", link, name)
            contents.write(3 + i, 1, section.title)
            contents.write(3 + i, 2, table.title)
            sheet = book.add_worksheet(name)
            sheet.write(0, 0, table.title, title)
            headers = [f"{c.vi}\n{c.en}" + (f"\n[{c.unit}]" if c.unit else "") for c in table.columns]
            sheet.write_row(2, 0, headers, head)
            sheet.set_row(2, 45)
            frame = table.frame.select([c.name for c in table.columns])
            numeric = [frame.schema[c.name].is_numeric() for c in table.columns]
            for r, row in enumerate(frame.iter_rows()):
                for c, (value, is_num, column) in enumerate(zip(row, numeric, table.columns, strict=True)):
                    v = _excel_value(value)
                    if v is None:
                        continue
                    if is_num and column.name not in ("year", "month"):
                        sheet.write_number(3 + r, c, float(v), number[min(_digits(float(v), column.digits), 3)])
                    elif isinstance(v, str) and len(v) > 60:
                        sheet.write_string(3 + r, c, v, wrap)
                    else:
                        sheet.write(3 + r, c, v)
            for c, column in enumerate(table.columns):
                longest = max(
                    [len(s) for s in headers[c].split("\n")]
                    + [len(str(v)) for v in frame.get_column(column.name).head(200).to_list() if v is not None]
                )
                sheet.set_column(c, c, min(max(8, longest + 2), 60))
            sheet.freeze_panes(3, 0)
            if frame.height:
                sheet.autofilter(2, 0, 2 + frame.height, len(table.columns) - 1)
            if table.note:
                sheet.write(4 + frame.height, 0, table.note)
    finally:
        book.close()
    return out

"""Park workbooks: one sheet per table with bilingual headers, drop-down lists and instructions.

Layout of every table sheet:

* row 1: column keys (``quantity``, ``land_area [m2]``): what eipkit reads;
* row 2: column names in the workbook's language, row 3: in the other language;
* data from row 4; drop-downs for allowed values, firm ids and booleans; a note with the
  description on every header cell.

The ``park`` sheet lists the park record as ``field``/``value`` rows. The ``instructions`` sheet
explains how to fill the workbook and the ``lists`` sheet holds every allowed value with its
English and Vietnamese name. Reading uses fastexcel (calamine); writing uses XlsxWriter.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

import polars as pl
import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

from eipkit.park._raw import RawTable
from eipkit.park.io_csv import table_as_text
from eipkit.park.issues import Issue, ParkValidationError, ValidationReport
from eipkit.park.schema import TABLES, Column, TableSchema, schema
from eipkit.vocab import vocabulary

__all__ = ["LABEL_ROWS", "read_workbook", "write_workbook"]

#: Rows of labels between the key row and the data in table sheets.
LABEL_ROWS = 2
_MAX_VALIDATION_ROWS = 5000

_INSTRUCTIONS = {
    "en": [
        ("eipkit park workbook", "title"),
        (
            "Fill in one sheet per table. Row 1 holds the column keys eipkit reads: do not change them. "
            "Rows 2 and 3 give each column's name in English and Vietnamese; data start on row 4.",
            "",
        ),
        ("The 'park' sheet describes the park itself, one field per row: fill in the 'value' column.", ""),
        (
            "Every firm, stream, exchange and measure needs a short id (letters, digits, '_', '-', '.') that "
            "never changes; other sheets refer to firms and streams by these ids.",
            "",
        ),
        (
            "Quantities are written with their unit in the next column, e.g. 120 and 't/month', 35 and "
            "'m3/day', 850 and 'MWh/a'. A unit without a period (t, GJ) needs the 'period' column.",
            "",
        ),
        (
            "A unit in a header (e.g. 'land_area [m2]') may be changed to another unit of the same kind "
            "(e.g. 'land_area [ha]'): eipkit converts the values.",
            "",
        ),
        (
            "Cells with a drop-down accept only the listed values; the 'lists' sheet explains every value. "
            "Leave a cell empty when a value is unknown: eipkit never guesses.",
            "",
        ),
        (
            "Check the workbook with:  eipkit validate WORKBOOK.xlsx  - every problem is reported with its "
            "sheet, row and column.",
            "",
        ),
        ("Sheets", "title"),
    ],
    "vi": [
        ("Biểu mẫu dữ liệu KCN của eipkit", "title"),
        (
            "Mỗi trang tính là một bảng. Dòng 1 là mã cột mà eipkit đọc: không sửa. Dòng 2 và 3 là tên cột "
            "bằng tiếng Việt và tiếng Anh; số liệu bắt đầu từ dòng 4.",
            "",
        ),
        ("Trang 'park' mô tả KCN, mỗi dòng một thông tin: điền vào cột 'value'.", ""),
        (
            "Mỗi doanh nghiệp, dòng vật chất, liên kết và giải pháp cần một mã ngắn (chữ, số, '_', '-', '.') "
            "không thay đổi; các trang khác tham chiếu doanh nghiệp và dòng bằng mã này.",
            "",
        ),
        (
            "Khối lượng ghi kèm đơn vị ở cột bên cạnh, ví dụ 120 và 't/month', 35 và 'm3/day', 850 và "
            "'MWh/a'. Đơn vị không có kỳ (t, GJ) cần điền cột 'period'.",
            "",
        ),
        (
            "Đơn vị trong tiêu đề (ví dụ 'land_area [m2]') có thể đổi sang đơn vị cùng loại (ví dụ "
            "'land_area [ha]'): eipkit tự quy đổi.",
            "",
        ),
        (
            "Ô có danh sách chọn chỉ nhận các giá trị trong danh sách; trang 'lists' giải thích từng giá trị. "
            "Để trống ô khi chưa có số liệu: eipkit không tự đoán.",
            "",
        ),
        (
            "Kiểm tra biểu mẫu bằng lệnh:  eipkit validate TEN_TEP.xlsx  - mỗi lỗi được báo kèm trang tính, "
            "dòng và cột.",
            "",
        ),
        ("Các trang tính", "title"),
    ],
}


def _other(lang: str) -> str:
    return "en" if lang == "vi" else "vi"


def _excel_exact(text: str) -> bool:
    """Return True if the number survives XlsxWriter's 16-significant-digit output.

    Numbers that need 17 digits (e.g. 0.30000000000000004) are written as text instead, so that
    reading the workbook back gives exactly the same float.
    """
    value = float(text)
    return math.isfinite(value) and float(f"{value:.16G}") == value


def _list_entries() -> list[tuple[str, list[tuple[str, str, str]]]]:
    """Every drop-down list: (name, [(value, English, Vietnamese)])."""
    lists: list[tuple[str, list[tuple[str, str, str]]]] = []
    for name in ("sectors", "resource_classes", "quality_parameters", "facts"):
        items = vocabulary(name)
        lists.append((name, [(k, str(v.get("en", "")), str(v.get("vi", ""))) for k, v in items.items()]))
    for table in schema().values():
        for c in table.columns:
            if c.values is not None:
                lists.append((f"{table.table}.{c.name}", [(v, "", "") for v in c.values]))
    lists.append(("boolean", [("true", "yes", "có"), ("false", "no", "không")]))
    return lists


def _list_ranges() -> dict[str, str]:
    """{list name: absolute range on the 'lists' sheet} for data validations."""
    ranges = {}
    for k, (name, entries) in enumerate(_list_entries()):
        letter = xl_col_to_name(4 * k)
        ranges[name] = f"=lists!${letter}$3:${letter}${2 + len(entries)}"
    return ranges


def _write_lists(wb: Any, fmt: dict[str, Any]) -> None:
    """Write the 'lists' sheet row by row (the workbook streams rows to disk)."""
    ws = wb.add_worksheet("lists")
    lists = _list_entries()
    described = [any(en or vi for _, en, vi in entries) for _, entries in lists]
    for k, (name, _) in enumerate(lists):
        ws.write(0, 4 * k, name, fmt["key"])
        ws.set_column(4 * k, 4 * k, 22)
        ws.set_column(4 * k + 1, 4 * k + 2, 28 if described[k] else 2)
    for k in range(len(lists)):
        if described[k]:
            ws.write(1, 4 * k + 1, "English", fmt["label"])
            ws.write(1, 4 * k + 2, "Tiếng Việt", fmt["label"])
    for i in range(max(len(entries) for _, entries in lists)):
        for k, (_, entries) in enumerate(lists):
            if i < len(entries):
                key, en, vi = entries[i]
                ws.write_string(2 + i, 4 * k, key)
                if described[k]:
                    ws.write_string(2 + i, 4 * k + 1, en)
                    ws.write_string(2 + i, 4 * k + 2, vi)


def _validation(c: Column, table: str, ranges: dict[str, str]) -> dict[str, Any] | None:
    if c.type == "enum":
        key = c.values_from if c.values_from else f"{table}.{c.name}"
        return {
            "validate": "list",
            "source": ranges[key],
            "error_title": c.label.en,
            "error_message": "Choose a value from the list (see sheet 'lists').",
        }
    if c.type == "boolean":
        return {"validate": "list", "source": ranges["boolean"]}
    if c.type == "ref" and c.ref == ("firms",):
        return {
            "validate": "list",
            "source": f"=firms!$A${3 + LABEL_ROWS}:$A${_MAX_VALIDATION_ROWS}",
            "ignore_blank": True,
        }
    if c.type in ("float", "integer") and c.min is not None:
        kind = "decimal" if c.type == "float" else "integer"
        maximum = c.max if c.max is not None else 1e308
        return {
            "validate": kind,
            "criteria": "between",
            "minimum": c.min,
            "maximum": maximum,
            "error_message": f"Enter a number from {c.min:g}" + (f" to {c.max:g}." if c.max is not None else "."),
        }
    return None


def _write_table(
    wb: Any, table: TableSchema, text: pl.DataFrame, lang: str, fmt: dict[str, Any], ranges: dict[str, str]
) -> None:
    ws = wb.add_worksheet(table.table)
    ws.freeze_panes(1 + LABEL_ROWS, 1)
    for j, c in enumerate(table.columns):
        ws.set_column(j, j, max(12, min(40, len(c.label.get(lang)) + 4)))
        rule = _validation(c, table.table, ranges)
        if rule is not None:
            ws.data_validation(1 + LABEL_ROWS, j, _MAX_VALIDATION_ROWS, j, rule)
        ws.write_string(0, j, c.header(), fmt["key"])
        ws.write_comment(
            0, j, f"{c.description.get(lang)}\n\n{c.description.get(_other(lang))}", {"x_scale": 2.5, "y_scale": 2}
        )
    for j, c in enumerate(table.columns):
        ws.write_string(1, j, c.label.get(lang) + (f" [{c.unit}]" if c.unit else ""), fmt["label"])
    for j, c in enumerate(table.columns):
        ws.write_string(2, j, c.label.get(_other(lang)), fmt["label2"])
    numeric = [c.type in ("float", "integer") for c in table.columns]
    first = 1 + LABEL_ROWS
    for i, row in enumerate(text.iter_rows()):
        for j, value in enumerate(row):
            if value is None:
                continue
            if numeric[j] and _excel_exact(value):
                ws.write_number(first + i, j, float(value))
            else:
                ws.write_string(first + i, j, value)


def _write_park(wb: Any, text: pl.DataFrame, lang: str, fmt: dict[str, Any], ranges: dict[str, str]) -> None:
    table = schema()["park"]
    ws = wb.add_worksheet("park")
    headers = [
        "field",
        "value",
        "English" if lang == "en" else "Tiếng Việt",
        "Tiếng Việt" if lang == "en" else "English",
        "description",
    ]
    ws.write_row(0, 0, headers, fmt["key"])
    ws.set_column(0, 0, 34)
    ws.set_column(1, 1, 40)
    ws.set_column(2, 3, 30)
    ws.set_column(4, 4, 90)
    row = text.row(0, named=True) if text.height else {}
    for i, c in enumerate(table.columns):
        r = 1 + i
        ws.write_string(r, 0, c.header(), fmt["key"])
        value = row.get(c.header())
        if value is not None:
            if c.type in ("float", "integer") and _excel_exact(value):
                ws.write_number(r, 1, float(value))
            else:
                ws.write_string(r, 1, value)
        ws.write_string(r, 2, c.label.get(lang), fmt["label"])
        ws.write_string(r, 3, c.label.get(_other(lang)), fmt["label2"])
        ws.write_string(r, 4, c.description.get(lang))
        rule = _validation(c, "park", ranges)
        if rule is not None:
            ws.data_validation(r, 1, r, 1, rule)
    ws.freeze_panes(1, 2)


def _write_instructions(wb: Any, lang: str, fmt: dict[str, Any]) -> None:
    ws = wb.add_worksheet("instructions")
    ws.set_column(0, 0, 24)
    ws.set_column(1, 1, 110)
    r = 0
    for text, style in _INSTRUCTIONS[lang] + _INSTRUCTIONS[_other(lang)][:1]:
        if style == "title":
            r += 1
            ws.write_string(r, 0, text, fmt["title"])
        else:
            ws.write_string(r, 1, text, fmt["wrap"])
        r += 1
    for table in schema().values():
        ws.write_string(r, 0, table.table, fmt["key"])
        ws.write_string(r, 1, f"{table.label.get(lang)}: {table.description.get(lang)}", fmt["wrap"])
        r += 1


def write_workbook(tables: dict[str, pl.DataFrame], path: str | os.PathLike[str], lang: str = "vi") -> Path:
    """Write park tables to an Excel workbook (the template when the tables are empty).

    Parameters
    ----------
    tables : dict of polars.DataFrame
        Typed tables; derived columns are not written.
    path : path
        ``.xlsx`` file to create (replaced if it exists).
    lang : {"vi", "en"}
        Language of the labels, instructions and notes (the other language is shown too).

    Returns
    -------
    pathlib.Path
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    wb = xlsxwriter.Workbook(
        str(tmp),
        {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False, "constant_memory": True},
    )
    fmt = {
        "key": wb.add_format({"bold": True, "font_color": "#1F4E79", "bg_color": "#DDEBF7", "border": 1}),
        "label": wb.add_format({"bold": True, "bg_color": "#F2F2F2", "text_wrap": True}),
        "label2": wb.add_format({"italic": True, "font_color": "#595959", "bg_color": "#F2F2F2"}),
        "title": wb.add_format({"bold": True, "font_size": 14}),
        "wrap": wb.add_format({"text_wrap": True, "valign": "top"}),
    }
    _write_instructions(wb, lang, fmt)
    ranges = _list_ranges()
    park_text = table_as_text(tables["park"], "park")
    _write_park(wb, park_text, lang, fmt, ranges)
    for name in TABLES[1:]:
        _write_table(wb, schema()[name], table_as_text(tables[name], name), lang, fmt, ranges)
    _write_lists(wb, fmt)
    wb.close()
    os.replace(tmp, target)
    return target


def _label_rows(frame: pl.DataFrame, table: TableSchema) -> int:
    """Count the leading label rows (names in English or Vietnamese) under the key row."""
    labels = {c.label.en.lower() for c in table.columns} | {c.label.vi.lower() for c in table.columns}
    labels |= {f"{c.label.en} [{c.unit}]".lower() for c in table.columns if c.unit}
    labels |= {f"{c.label.vi} [{c.unit}]".lower() for c in table.columns if c.unit}
    count = 0
    for i in range(min(LABEL_ROWS, frame.height)):
        cells = [str(v).strip().lower() for v in frame.row(i) if v is not None]
        if cells and sum(v in labels for v in cells) >= max(1, len(cells) // 2):
            count = i + 1
        else:
            break
    return count


def _load_exact(reader: Any, name: str) -> pl.DataFrame:
    """Load a sheet as text without losing digits.

    calamine formats numbers as text with at most 9 decimals, so the sheet is also read as floats:
    where a cell's text reads as a number different from the cell's float value, the float's
    shortest exact text is used instead. Text that is not a number (dates, codes) is kept.
    """
    text: pl.DataFrame = reader.load_sheet(name, header_row=0, dtypes="string").to_polars()
    if text.width == 0:
        return text
    numbers: pl.DataFrame = reader.load_sheet(name, header_row=0, dtypes="float").to_polars()
    exprs = []
    for col in text.columns:
        t = pl.col(col)
        f = numbers.get_column(col).cast(pl.Float64, strict=False)
        parsed = t.cast(pl.Float64, strict=False)
        lost = f.is_not_null() & parsed.is_not_null() & (parsed != f)
        exact = f.cast(pl.String)
        exprs.append(pl.when(lost).then(exact).otherwise(t).alias(col))
    return text.select(exprs)


def read_workbook(path: str | os.PathLike[str]) -> dict[str, RawTable]:
    """Read the table sheets of a park workbook as raw tables (other sheets are ignored).

    Raises
    ------
    ParkValidationError
        If the file is not a readable Excel workbook.
    """
    import fastexcel

    file = Path(path)
    try:
        reader = fastexcel.read_excel(str(file))
    except Exception as exc:  # fastexcel raises its own error types
        report = ValidationReport(
            [
                Issue(
                    "file.unreadable",
                    "error",
                    "park",
                    location=file.name,
                    params={"reason": str(exc).splitlines()[0], "kind": "Excel (.xlsx)"},
                )
            ]
        )
        raise ParkValidationError(report, str(file)) from None
    raws: dict[str, RawTable] = {}
    for name in TABLES:
        if name not in reader.sheet_names:
            continue
        frame = _load_exact(reader, name)
        head = reader.load_sheet(name, header_row=None, n_rows=1, dtypes="string").to_polars()
        written = ["" if v is None else str(v) for v in head.row(0)] if head.height else []
        keep_cols = [i for i, c in enumerate(frame.columns) if not c.startswith("__UNNAMED__")]
        frame = frame.select([frame.columns[i] for i in keep_cols])
        written = [written[i] for i in keep_cols] if len(written) >= len(keep_cols) else list(frame.columns)
        skip = 0 if name == "park" else _label_rows(frame, schema()[name])
        rows = list(range(2 + skip, 2 + frame.height))
        frame = frame.slice(skip)
        keep = ~pl.all_horizontal(pl.col(c).is_null() for c in frame.columns) if frame.width else pl.lit(True)
        mask = frame.select(keep.alias("k")).get_column("k") if frame.width else pl.Series([], dtype=pl.Boolean)
        frame = frame.filter(mask) if frame.width else frame
        rows = [r for r, k in zip(rows, mask.to_list(), strict=True) if k]
        raws[name] = RawTable(
            name, frame, location=f"sheet '{name}'", first_row=2 + skip, rows=rows, raw_headers=written
        )
    return raws

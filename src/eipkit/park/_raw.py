"""Raw tables: what a reader hands over before typing and validation.

A reader (CSV folder, Excel workbook, Python records) produces one :class:`RawTable` per table:
all cells as strings (empty cells as null), headers as written, and where each row sits in the
file so that every issue can name the place a user must look.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

import polars as pl

__all__ = ["RawTable", "cell_text", "records_to_raw"]


@dataclass
class RawTable:
    """A table as read from a file: string cells and file positions.

    Attributes
    ----------
    name : str
        Table name (``firms``, ``streams`` ...).
    frame : polars.DataFrame
        All columns of dtype ``String``; headers as written in the file.
    location : str
        ``streams.csv`` or ``sheet 'streams'``, for messages.
    first_row : int
        File row number (1-based) of the first data row.
    rows : list of int, optional
        File row number of each data row, when rows are not contiguous.
    field_rows : dict, optional
        For a record sheet (``field``/``value``): the file row of each field (by frame column).
    raw_headers : list of str, optional
        Headers exactly as written, in frame-column order, when the reader had to rename
        duplicates to build the frame (so that duplicates can be reported).
    """

    name: str
    frame: pl.DataFrame
    location: str
    first_row: int = 2
    rows: list[int] | None = field(default=None)
    field_rows: dict[str, int] = field(default_factory=dict)
    raw_headers: list[str] | None = None

    def file_row(self, index: int) -> int:
        """Return the file row number of data row ``index`` (0-based)."""
        if self.rows is not None:
            return self.rows[index]
        return self.first_row + index


def cell_text(value: Any) -> str | None:
    """Return the text a value is written as in a park file (None for missing).

    Floats use the shortest representation that reads back to the same float, booleans are
    ``true``/``false`` and dates ISO 8601, so that files round-trip exactly.

    Examples
    --------
    >>> cell_text(0.1), cell_text(3.0), cell_text(True), cell_text(dt.date(2020, 1, 2))
    ('0.1', '3', 'true', '2020-01-02')
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    return text if text.strip() != "" else None


def records_to_raw(name: str, records: list[dict[str, Any]] | pl.DataFrame, location: str = "") -> RawTable:
    """Turn Python records (or a typed DataFrame) into a :class:`RawTable`.

    Parameters
    ----------
    name : str
        Table name.
    records : list of dict or polars.DataFrame
        Rows with column keys as in the schema.
    location : str, optional
        Label for messages (defaults to ``table '<name>'``).
    """
    if isinstance(records, pl.DataFrame):
        rows = records.to_dicts()
        columns = list(records.columns)
    else:
        rows = records
        columns = []
        for row in rows:
            for key in row:
                if key not in columns:
                    columns.append(key)
    data = {col: [cell_text(row.get(col)) for row in rows] for col in columns}
    frame = pl.DataFrame(data, schema={col: pl.String for col in columns})
    return RawTable(name=name, frame=frame, location=location or f"table '{name}'", first_row=1)

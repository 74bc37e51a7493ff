"""Park folders: one CSV file per table plus ``meta.json``; diffable and exactly round-tripping.

Layout of a park folder::

    my_park/
      meta.json          format name and version, park id, list of tables
      park.csv           the park record as field,value rows
      firms.csv          one CSV per table, columns in schema order
      streams.csv
      ...

Headers are column keys; fixed-unit columns carry their unit (``land_area [m2]``). Files are
UTF-8, empty cells are missing values, booleans ``true``/``false``, dates ``YYYY-MM-DD``, and
floats the shortest text that reads back to the same number.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import polars as pl

from eipkit.park._raw import RawTable
from eipkit.park.issues import Issue, ParkValidationError, ValidationReport
from eipkit.park.schema import TABLES, schema

__all__ = ["FORMAT", "FORMAT_VERSION", "read_folder", "table_as_text", "write_folder"]

FORMAT = "eipkit-park"
FORMAT_VERSION = 1


def table_as_text(frame: pl.DataFrame, name: str) -> pl.DataFrame:
    """Return the schema columns of a typed table as text, with file headers (``name [unit]``)."""
    table = schema()[name]
    exprs = []
    for col in table.columns:
        c = pl.col(col.name)
        if col.type == "float":
            whole = c.is_not_nan() & (c == c.round(0)) & (c.abs() < 1e15)
            text = pl.when(whole).then(c.cast(pl.Int64, strict=False).cast(pl.String)).otherwise(c.cast(pl.String))
            text = pl.when(c.is_nan()).then(None).otherwise(text)
        elif col.type == "boolean":
            text = pl.when(c).then(pl.lit("true")).when(c.not_()).then(pl.lit("false")).otherwise(None)
        else:
            text = c.cast(pl.String)
        exprs.append(text.alias(col.header()))
    return frame.select(exprs)


def _record_as_text(frame: pl.DataFrame) -> pl.DataFrame:
    text = table_as_text(frame, "park")
    row = text.row(0) if text.height else tuple(None for _ in text.columns)
    return pl.DataFrame({"field": text.columns, "value": list(row)}, schema={"field": pl.String, "value": pl.String})


def write_folder(tables: dict[str, pl.DataFrame], folder: str | os.PathLike[str], eipkit_version: str = "") -> Path:
    """Write typed park tables to a park folder (all files or none).

    Files are first written to a temporary folder next to the target and moved in place at the
    end, so a failure never leaves a half-written park.

    Parameters
    ----------
    tables : dict of polars.DataFrame
        Typed tables (``Park.tables``); derived columns are not written.
    folder : path
        Target folder; created, or its park files replaced.
    eipkit_version : str
        Recorded in ``meta.json``.

    Returns
    -------
    pathlib.Path
        The folder written.
    """
    target = Path(folder)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".eipkit-", dir=target.parent))
    try:
        for name in TABLES:
            text = _record_as_text(tables[name]) if name == "park" else table_as_text(tables[name], name)
            text.write_csv(tmp / f"{name}.csv", null_value="")
        park_id = tables["park"].get_column("id")[0] if tables["park"].height else None
        meta: dict[str, Any] = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "park": park_id,
            "tables": list(TABLES),
            "eipkit_version": eipkit_version,
        }
        (tmp / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        target.mkdir(exist_ok=True)
        for item in tmp.iterdir():
            os.replace(item, target / item.name)
    finally:
        for item in tmp.glob("*"):
            item.unlink()
        tmp.rmdir()
    return target


def _header_line(file: Path) -> list[str]:
    """Return the header cells of a CSV file exactly as written (polars renames duplicates)."""
    with file.open(encoding="utf-8", newline="") as fh:
        return [h.lstrip("\ufeff") for h in next(csv.reader(fh), [])]


def read_folder(folder: str | os.PathLike[str]) -> dict[str, RawTable]:
    """Read the CSV files of a park folder as raw tables.

    Raises
    ------
    ParkValidationError
        If a file cannot be read, or ``meta.json`` names another format or a newer version.
    """
    path = Path(folder)
    report = ValidationReport()
    meta_path = path / "meta.json"
    if meta_path.exists():
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            meta = {}
            report.add(
                Issue(
                    "file.unreadable",
                    "error",
                    "park",
                    location="meta.json",
                    params={"reason": str(exc), "kind": "JSON"},
                )
            )
        if meta.get("format", FORMAT) != FORMAT or int(meta.get("format_version", 1)) > FORMAT_VERSION:
            report.add(
                Issue(
                    "file.unreadable",
                    "error",
                    "park",
                    location="meta.json",
                    params={
                        "reason": f"format {meta.get('format')} version {meta.get('format_version')} "
                        f"is not {FORMAT} <= {FORMAT_VERSION}; update eipkit",
                        "kind": "eipkit park",
                    },
                )
            )
    raws: dict[str, RawTable] = {}
    for name in TABLES:
        file = path / f"{name}.csv"
        if not file.exists():
            continue
        try:
            frame = pl.read_csv(file, infer_schema=False, encoding="utf8", truncate_ragged_lines=False)
        except (pl.exceptions.PolarsError, OSError, UnicodeDecodeError) as exc:
            report.add(
                Issue(
                    "file.unreadable",
                    "error",
                    name,
                    location=file.name,
                    params={"reason": str(exc).splitlines()[0], "kind": "CSV (UTF-8)"},
                )
            )
            continue
        frame = frame.rename({c: c.lstrip("\ufeff") for c in frame.columns})
        raws[name] = RawTable(name, frame, location=file.name, first_row=2, raw_headers=_header_line(file))
    if report.errors:
        raise ParkValidationError(report, str(path))
    return raws

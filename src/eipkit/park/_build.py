"""From raw tables to a validated :class:`~eipkit.park.Park`: type, check, derive, or refuse."""

from __future__ import annotations

import dataclasses

import polars as pl

from eipkit.park._raw import RawTable
from eipkit.park._typing import type_table
from eipkit.park._units_check import check_units, derive_columns
from eipkit.park.checks import run_checks
from eipkit.park.issues import Issue, ParkValidationError, ValidationReport
from eipkit.park.schema import TABLES, schema

__all__ = ["REQUIRED_TABLES", "build_tables", "record_to_raw"]

#: Tables a park file must contain; the others may be absent (then empty).
REQUIRED_TABLES: tuple[str, ...] = ("park", "firms")


def record_to_raw(raw: RawTable) -> RawTable:
    """Turn a ``field``/``value`` park sheet into a one-row table (keeping each field's file row)."""
    frame = raw.frame
    if "field" not in frame.columns or "value" not in frame.columns:
        return raw  # already one row per record (e.g. built from Python)
    fields = frame.get_column("field").to_list()
    values = frame.get_column("value").to_list()
    data: dict[str, list[str | None]] = {}
    rows: dict[str, int] = {}
    written: list[str] = []
    for i, (f, v) in enumerate(zip(fields, values, strict=True)):
        if f is None or str(f).strip() == "":
            continue
        key = str(f).strip()
        column = key if key not in data else f"{key}#{i}"  # a duplicate field, reported by header_map
        data[column] = [v]
        rows[column] = raw.file_row(i)
        written.append(key)
    one = pl.DataFrame(data, schema={k: pl.String for k in data}) if data else pl.DataFrame()
    return RawTable(raw.name, one, raw.location, first_row=raw.first_row, field_rows=rows, raw_headers=written)


def _fix_record_rows(issues: list[Issue], raw: RawTable) -> list[Issue]:
    by_name = {k.split("[")[0].strip(): v for k, v in raw.field_rows.items()}
    fixed = []
    for issue in issues:
        if issue.check in ("columns.unknown", "columns.duplicate"):
            pass  # header_map already gave the field's own line
        elif issue.column is not None and issue.column in by_name:
            issue = dataclasses.replace(issue, row=by_name[issue.column])
        else:
            issue = dataclasses.replace(issue, row=None)
        fixed.append(issue)
    return fixed


def _empty(table: str, location: str) -> RawTable:
    cols = schema()[table].names
    return RawTable(table, pl.DataFrame({c: [] for c in cols}, schema={c: pl.String for c in cols}), location)


def build_tables(
    raws: dict[str, RawTable],
    source: str = "",
    strict: bool = False,
) -> tuple[dict[str, pl.DataFrame], ValidationReport]:
    """Type and check raw tables; return typed tables with derived columns and the report.

    Parameters
    ----------
    raws : dict of RawTable
        Raw tables by name; tables other than ``park`` and ``firms`` may be missing.
    source : str
        Name of the file or folder, for the error message.
    strict : bool
        If True, warnings are errors too.

    Raises
    ------
    ParkValidationError
        With every issue found, if any error (or, when strict, any warning) was found.
    """
    report = ValidationReport()
    raws = dict(raws)
    for name in REQUIRED_TABLES:
        if name not in raws:
            report.add(Issue("file.missing_table", "error", name, location=source))
    frames: dict[str, pl.DataFrame] = {}
    for name in TABLES:
        raw = raws.get(name)
        if raw is None:
            raw = _empty(name, f"{name} (absent)")
        if name == "park":
            raw = record_to_raw(raw)
        raws[name] = raw
        frame, issues = type_table(raw, schema()[name])
        frames[name] = frame
        report.extend(issues)
    typed_raws = {name: raws[name] for name in TABLES}
    report.extend(check_units(typed_raws, frames))
    report.extend(run_checks(frames, typed_raws))
    park_issues = _fix_record_rows([i for i in report.issues if i.table == "park"], raws["park"])
    report.issues = [i for i in report.issues if i.table != "park"] + park_issues
    if report.failed(strict):
        raise ParkValidationError(report, source, strict)
    return derive_columns(frames), report

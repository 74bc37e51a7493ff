"""Read and write parks: an Excel workbook or a park folder, chosen by the path."""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl

from eipkit._version import __version__
from eipkit.park._park import Park
from eipkit.park.io_csv import read_folder, write_folder
from eipkit.park.io_excel import read_workbook, write_workbook
from eipkit.park.issues import Issue, ParkValidationError, ValidationReport
from eipkit.park.schema import TABLES, schema

__all__ = ["read_park", "write_park", "write_template"]

_EXCEL = (".xlsx", ".xlsm")


def read_park(path: str | os.PathLike[str], strict: bool = False) -> Park:
    """Read a park from an Excel workbook (``.xlsx``) or a park folder (CSV files).

    Parameters
    ----------
    path : path
        Workbook file or folder.
    strict : bool
        If True, warnings (e.g. an unknown column) are errors too.

    Returns
    -------
    Park

    Raises
    ------
    ParkValidationError
        With every problem found (file/sheet, row, column and fix); nothing is loaded.
    FileNotFoundError
        If ``path`` does not exist.
    """
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"no park file or folder at '{p}'")
    if p.is_dir():
        raws = read_folder(p)
    elif p.suffix.lower() in _EXCEL:
        raws = read_workbook(p)
    else:
        report = ValidationReport(
            [
                Issue(
                    "file.unreadable",
                    "error",
                    "park",
                    location=p.name,
                    params={"reason": "not a .xlsx workbook or a park folder", "kind": "Excel (.xlsx) or park folder"},
                )
            ]
        )
        raise ParkValidationError(report, str(p))
    return Park.from_raw(raws, source=str(p), strict=strict)


def write_park(park: Park, path: str | os.PathLike[str], lang: str = "vi") -> Path:
    """Write ``park`` to a workbook (path ends in ``.xlsx``) or to a park folder (any other path).

    Parameters
    ----------
    park : Park
    path : path
    lang : {"vi", "en"}
        Language of the workbook labels (ignored for folders).
    """
    p = Path(path)
    tables = {name: park.table(name, derived=False) for name in park.tables}
    if p.suffix.lower() in _EXCEL:
        return write_workbook(tables, p, lang=lang)
    return write_folder(tables, p, eipkit_version=__version__)


def write_template(path: str | os.PathLike[str], lang: str = "vi") -> Path:
    """Write an empty park workbook for a management board to fill in.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = write_template(pathlib.Path(tempfile.mkdtemp()) / "template.xlsx", lang="en")
    >>> out.suffix
    '.xlsx'
    """
    tables = {
        name: pl.DataFrame(
            {c.name: [] for c in schema()[name].columns},
            schema={c.name: _polars_type(c.type) for c in schema()[name].columns},
        )
        for name in TABLES
    }
    return write_workbook(tables, path, lang=lang)


def _polars_type(kind: str) -> pl.DataType:
    import polars as pl

    return {"integer": pl.Int64(), "float": pl.Float64(), "boolean": pl.Boolean(), "date": pl.Date()}.get(
        kind, pl.String()
    )

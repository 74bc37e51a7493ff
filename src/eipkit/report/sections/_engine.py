"""Helpers for the sections that present an engine's results (one module per engine)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl

from eipkit.i18n import messages, t
from eipkit.park import Park
from eipkit.report._text import col, short_name
from eipkit.report.model import Column

__all__ = ["firm_names", "named", "plot_png", "spec_columns", "text_or"]


def plot_png(plot: Callable[..., Any], *args: Any, **kwargs: Any) -> bytes:
    """Run an engine's plot function (which writes to ``path``) and return the PNG bytes."""
    with tempfile.TemporaryDirectory(prefix="eipkit-report-") as folder:
        path = Path(folder) / "figure.png"
        written = plot(*args, path=path, **kwargs)
        return Path(written or path).read_bytes()


def firm_names(park: Park) -> dict[str, str]:
    """Short firm names by id (the park's own name for its id)."""
    names = {fid: short_name(name) for fid, name in park.firms.select("id", "name").iter_rows()}
    names[park.id] = park.name
    return names


def named(frame: pl.DataFrame, park: Park, *columns: str) -> pl.DataFrame:
    """Add ``<column>_name`` with the firm's short name for each firm-id column."""
    names = firm_names(park)
    return frame.with_columns(
        pl.col(c).map_elements(lambda f: names.get(f, f), return_dtype=pl.String).alias(f"{c}_name") for c in columns
    )


def text_or(key: str, lang: str, default: str, **values: Any) -> str:
    """Message ``key`` in ``lang`` if the catalogue has it (engines add theirs), else ``default``."""
    return t(key, lang, **values) if key in messages() else default


def spec_columns(*specs: tuple[str, str, str, int]) -> tuple[Column, ...]:
    """Columns from ``(frame column, message key under report., unit, digits)`` tuples."""
    return tuple(col(name, key, unit, digits) for name, key, unit, digits in specs)

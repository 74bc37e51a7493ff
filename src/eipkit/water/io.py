"""Plain CSV inputs for water studies, so engineers need not build a whole park.

Two layouts are read (one row per item, a header row, ``#`` comment lines allowed):

* sources and sinks: ``id,kind,flow,concentration`` (``kind`` = source or sink, ``flow`` in t/h,
  ``concentration`` in ppm: measured for a source, maximum inlet for a sink), or one column per
  contaminant named ``c:<name>``; optional ``plant`` column;
* limiting data of fixed-load operations: ``id,mass_load,cin_max,cout_max`` (kg/h, ppm, ppm), or
  per contaminant ``mass_load:<name>``, ``cin_max:<name>``, ``cout_max:<name>``; optional ``plant``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

import numpy as np
import polars as pl

from eipkit.water._problem import LimitingData, WaterInputError, WaterProblem

__all__ = ["read_water_csv"]

T = TypeVar("T")


def _float_column(frame: pl.DataFrame, name: str, path: str, blank_ok: bool = False) -> np.ndarray:
    col = frame.get_column(name).cast(pl.String).str.strip_chars()
    out = np.full(frame.height, np.nan)
    for i, v in enumerate(col.to_list()):
        if v is None or v == "":
            if not blank_ok:
                raise WaterInputError(f"{path}, line {i + 2}, column '{name}': empty; give a number")
            continue
        try:
            out[i] = float(v)
        except ValueError:
            raise WaterInputError(f"{path}, line {i + 2}, column '{name}': '{v}' is not a number") from None
    return out


def _select(mask: np.ndarray, seq: Sequence[T]) -> list[T]:
    return [seq[int(i)] for i in np.nonzero(mask)[0]]


def read_water_csv(path: str | os.PathLike[str], freshwater_concentration: float = 0.0) -> WaterProblem | LimitingData:
    """Read a sources/sinks CSV (a :class:`WaterProblem`) or a limiting-data CSV (:class:`LimitingData`).

    Parameters
    ----------
    path : str or path
        The CSV file.
    freshwater_concentration : float
        Freshwater concentration for every contaminant [ppm] (sources/sinks layout).

    Raises
    ------
    WaterInputError
        Unknown layout, empty or non-numeric cells, unknown ``kind`` values; the message names
        the line and column.
    """
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"no file '{p}'")
    frame = pl.read_csv(p, infer_schema=False, comment_prefix="#")
    frame = frame.rename({c: c.strip() for c in frame.columns})
    cols = set(frame.columns)
    where = p.name
    if "id" not in cols:
        raise WaterInputError(f"{where}: no 'id' column; columns are {', '.join(frame.columns)}")
    ids = [str(v).strip() for v in frame.get_column("id").to_list()]
    plant = (
        tuple(
            None if v is None or str(v).strip() == "" else str(v).strip() for v in frame.get_column("plant").to_list()
        )
        if "plant" in cols
        else None
    )
    if "mass_load" in cols or any(c.startswith("mass_load:") for c in cols):
        if "mass_load" in cols:
            names: list[str] = ["C"]
            keys = {"C": ("mass_load", "cin_max", "cout_max")}
        else:
            names = [c.split(":", 1)[1] for c in frame.columns if c.startswith("mass_load:")]
            keys = {n: (f"mass_load:{n}", f"cin_max:{n}", f"cout_max:{n}") for n in names}
        missing = [c for n in names for c in keys[n] if c not in cols]
        if missing:
            raise WaterInputError(f"{where}: limiting data needs the columns {', '.join(missing)}")
        arrays = [np.column_stack([_float_column(frame, keys[n][j], where) for n in names]) for j in range(3)]
        return LimitingData(tuple(ids), arrays[0], arrays[1], arrays[2], tuple(names), plant or ())
    if not {"kind", "flow"} <= cols:
        raise WaterInputError(
            f"{where}: give either id,kind,flow,concentration (or c:<name> columns) or id,mass_load,cin_max,cout_max"
        )
    if "concentration" in cols:
        names, conc_cols = ["C"], ["concentration"]
    else:
        conc_cols = [c for c in frame.columns if c.startswith("c:")]
        names = [c.split(":", 1)[1] for c in conc_cols]
        if not names:
            raise WaterInputError(f"{where}: no 'concentration' column and no 'c:<name>' columns")
    kinds = [str(v).strip().lower() for v in frame.get_column("kind").to_list()]
    bad = [f"line {i + 2}: '{k}'" for i, k in enumerate(kinds) if k not in ("source", "sink")]
    if bad:
        raise WaterInputError(f"{where}: kind must be 'source' or 'sink' ({'; '.join(bad[:5])})")
    flow = _float_column(frame, "flow", where)
    conc = np.column_stack([_float_column(frame, c, where, blank_ok=True) for c in conc_cols])
    src = np.array([k == "source" for k in kinds])
    for i in np.nonzero(src)[0]:
        for j, n in enumerate(names):
            if np.isnan(conc[i, j]):
                raise WaterInputError(f"{where}, line {i + 2}: source '{ids[i]}' has no concentration of {n}")
    snk = ~src
    return WaterProblem.build(
        _select(src, ids),
        flow[src],
        conc[src],
        _select(snk, ids),
        flow[snk],
        conc[snk],
        contaminants=names,
        freshwater_concentration=freshwater_concentration,
        source_plant=_select(src, plant) if plant else None,
        sink_plant=_select(snk, plant) if plant else None,
    )

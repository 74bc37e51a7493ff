"""Checks on heat-stream data: every error names the stream, what is wrong and how to fix it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import polars as pl

__all__ = ["HEAT_STREAM_COLUMNS", "HeatInputError", "as_float_array", "heat_stream_table", "stream_kinds"]

FloatArray = npt.NDArray[np.float64]

#: Columns of a normalised heat-stream table (see :func:`heat_stream_table`).
HEAT_STREAM_COLUMNS: tuple[str, ...] = (
    "id",
    "firm",
    "supply_temperature",
    "target_temperature",
    "cp",
    "duty",
    "dtmin_contribution",
)

_MAX_NAMED = 5


class HeatInputError(ValueError):
    """Heat-stream data that cannot be analysed; the message names the streams and the fix."""


def _names(ids: Sequence[Any], mask: npt.NDArray[np.bool_]) -> str:
    bad = [str(ids[int(i)]) for i in np.flatnonzero(mask)]
    more = f" and {len(bad) - _MAX_NAMED} more" if len(bad) > _MAX_NAMED else ""
    return ", ".join(bad[:_MAX_NAMED]) + more


def as_float_array(values: Any, name: str, size: int | None = None) -> FloatArray:
    """Return ``values`` as a 1-D float array (a scalar is broadcast to ``size``).

    Raises
    ------
    HeatInputError
        If the values are not numbers or the length differs from ``size``.
    """
    try:
        arr = np.asarray(values, dtype=float)
    except (TypeError, ValueError) as exc:
        raise HeatInputError(f"'{name}' must be numbers; got {values!r}") from exc
    if arr.ndim == 0 and size is not None:
        arr = np.full(size, float(arr))
    arr = np.atleast_1d(arr)
    if arr.ndim != 1:
        raise HeatInputError(f"'{name}' must be one-dimensional; got shape {arr.shape}")
    if size is not None and arr.size != size:
        raise HeatInputError(f"'{name}' has {arr.size} values but there are {size} streams; give one per stream")
    return arr


def stream_kinds(
    supply_temperature: FloatArray,
    target_temperature: FloatArray,
    cp: FloatArray,
    ids: Sequence[Any] | None = None,
) -> npt.NDArray[np.bool_]:
    """Check stream data and return ``True`` for hot streams (to be cooled), ``False`` for cold ones.

    Raises
    ------
    HeatInputError
        On a missing temperature, a stream whose supply equals its target temperature (it has no
        direction), or a heat capacity flowrate that is missing, zero or negative.
    """
    n = supply_temperature.size
    names = list(ids) if ids is not None else [f"#{i}" for i in range(n)]
    for arr, col in ((supply_temperature, "supply_temperature"), (target_temperature, "target_temperature")):
        bad = ~np.isfinite(arr)
        if bad.any():
            raise HeatInputError(
                f"stream(s) {_names(names, bad)}: '{col}' is missing or not a number; give a temperature in °C"
            )
    flat = supply_temperature == target_temperature
    if flat.any():
        raise HeatInputError(
            f"stream(s) {_names(names, flat)}: supply_temperature equals target_temperature, so the stream has no "
            "direction (neither heated nor cooled); for a phase change give a small range (e.g. 100 -> 99 °C) "
            "with the latent duty"
        )
    bad_cp = ~np.isfinite(cp) | (cp <= 0)
    if bad_cp.any():
        raise HeatInputError(
            f"stream(s) {_names(names, bad_cp)}: cp (heat capacity flowrate, kW/K) must be a positive number; "
            "the direction comes from the temperatures, so give cp (or duty) without a sign"
        )
    return np.asarray(supply_temperature > target_temperature)


def heat_stream_table(heat_streams: pl.DataFrame) -> pl.DataFrame:
    """Check a heat-stream table and return it normalised to :data:`HEAT_STREAM_COLUMNS`.

    Parameters
    ----------
    heat_streams : polars.DataFrame
        One row per stream: ``id``, ``supply_temperature`` and ``target_temperature`` [°C], and
        either ``cp`` [kW/K] or ``duty`` [kW] (both may be given if they agree); optional
        ``firm`` and ``dtmin_contribution`` [K] (individual ΔT contribution; empty = ΔTmin/2).
        An optional ``kind`` column (``hot``/``cold``) is checked against the temperatures.

    Returns
    -------
    polars.DataFrame
        Columns of :data:`HEAT_STREAM_COLUMNS`, with ``cp`` and ``duty`` both filled and extra input
        columns kept at the end.

    Raises
    ------
    HeatInputError
        On missing columns, duplicate ids, missing or inconsistent values (see :func:`stream_kinds`).

    Examples
    --------
    >>> t = heat_stream_table(pl.DataFrame({"id": ["H1", "C1"], "supply_temperature": [150.0, 20.0],
    ...                                     "target_temperature": [50.0, 120.0], "duty": [200.0, 150.0]}))
    >>> t["cp"].to_list()
    [2.0, 1.5]
    """
    cols = set(heat_streams.columns)
    missing = [c for c in ("supply_temperature", "target_temperature") if c not in cols]
    if missing:
        raise HeatInputError(
            f"heat-stream table lacks column(s) {', '.join(missing)}; columns needed: id, supply_temperature, "
            "target_temperature, and cp (kW/K) or duty (kW)"
        )
    if "cp" not in cols and "duty" not in cols:
        raise HeatInputError("heat-stream table needs a 'cp' column (kW/K) or a 'duty' column (kW)")
    n = heat_streams.height
    if n == 0:
        raise HeatInputError("heat-stream table is empty; give at least one hot or cold stream")
    frame = heat_streams
    if "id" not in cols:
        frame = frame.with_columns(pl.format("S{}", pl.int_range(1, n + 1)).alias("id"))
    ids = frame.get_column("id").cast(pl.String).to_list()
    dup = frame.get_column("id").cast(pl.String).is_duplicated().to_numpy()
    if dup.any():
        raise HeatInputError(f"stream id(s) {_names(ids, dup)} appear more than once; give each stream its own id")
    ts = as_float_array(frame.get_column("supply_temperature").cast(pl.Float64).to_numpy(), "supply_temperature")
    tt = as_float_array(frame.get_column("target_temperature").cast(pl.Float64).to_numpy(), "target_temperature")
    span = np.abs(ts - tt)
    cp = _column(frame, "cp", n)
    duty = _column(frame, "duty", n)
    from_duty = np.isnan(cp) & np.isfinite(duty)
    with np.errstate(divide="ignore", invalid="ignore"):
        cp = np.where(from_duty, duty / span, cp)
    both = np.isfinite(duty) & ~from_duty & np.isfinite(cp)
    clash = both & ~np.isclose(cp * span, duty, rtol=1e-6, atol=1e-9)
    if clash.any():
        raise HeatInputError(
            f"stream(s) {_names(ids, clash)}: cp × |supply - target| differs from duty; give only one of them"
        )
    bad_duty = np.isfinite(duty) & (duty <= 0)
    if bad_duty.any():
        raise HeatInputError(
            f"stream(s) {_names(ids, bad_duty)}: duty (kW) must be positive; the sign comes from the temperatures"
        )
    hot = stream_kinds(ts, tt, cp, ids)
    if "kind" in cols:
        kind = frame.get_column("kind").cast(pl.String).str.to_lowercase().to_numpy()
        wrong = ((kind == "hot") & ~hot) | ((kind == "cold") & hot) | ~np.isin(kind, ["hot", "cold"])
        if wrong.any():
            raise HeatInputError(
                f"stream(s) {_names(ids, wrong)}: 'kind' contradicts the temperatures (hot = cooled from "
                "supply to a lower target, cold = heated); correct the kind or the temperatures"
            )
    contrib = _column(frame, "dtmin_contribution", n)
    bad_c = np.isfinite(contrib) & (contrib < 0)
    if bad_c.any():
        raise HeatInputError(f"stream(s) {_names(ids, bad_c)}: dtmin_contribution must be zero or positive (K)")
    firm = frame.get_column("firm").cast(pl.String) if "firm" in cols else pl.Series("firm", [None] * n, pl.String)
    out = pl.DataFrame(
        {
            "id": pl.Series(ids, dtype=pl.String),
            "firm": firm,
            "supply_temperature": ts,
            "target_temperature": tt,
            "cp": cp,
            "duty": cp * span,
            "dtmin_contribution": pl.Series(np.where(np.isfinite(contrib), contrib, np.nan)).fill_nan(None),
        }
    )
    extra = [c for c in frame.columns if c not in HEAT_STREAM_COLUMNS and c != "kind"]
    return pl.concat([out, frame.select(extra)], how="horizontal") if extra else out


def _column(frame: pl.DataFrame, name: str, n: int) -> FloatArray:
    if name not in frame.columns:
        return np.full(n, np.nan)
    return frame.get_column(name).cast(pl.Float64).fill_null(np.nan).to_numpy().astype(float)

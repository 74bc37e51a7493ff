r"""Composite curves, the grand composite curve and utility placement (Kemp 2007, ch. 2 and 4).

Composite curves
    The hot composite curve sums the hot streams in each temperature interval of their *actual*
    temperatures: between consecutive temperatures :math:`T_k < T_{k+1}`,
    :math:`H_{k+1} = H_k + (T_{k+1} - T_k)\sum_{\text{hot in }k} CP_i`, starting from
    :math:`H = 0`. The cold composite curve is built the same way from the cold streams and
    starts at :math:`H = Q_{C,min}`, so the two curves overlap by the heat recovery and are
    ΔTmin apart at the pinch.

Grand composite curve
    The cascade heat flow :math:`R(S)` against the shifted temperature :math:`S` (see
    :mod:`eipkit.heat.pinch`).

Utility placement
    With several utility levels, a hot utility at temperature :math:`T_u` (shifted
    :math:`S_u = T_u - \Delta T_{min}/2`) can deliver at most
    :math:`\min_{S \ge S_u} R(S)` minus what lower levels already deliver; levels are filled from
    the coldest (cheapest) up. A cold utility (:math:`S_u = T_u + \Delta T_{min}/2`) can take at most
    :math:`\min_{S \le S_u} R(S)`, filled from the hottest down (Kemp 2007, sec. 4.3 on multiple
    utilities and the grand composite curve). Heat that no level can deliver or take is reported
    as ``unmet``.

References
----------
.. [1] Kemp, I. C. (2007). Pinch Analysis and Process Integration, 2nd ed. Butterworth-Heinemann.
.. [2] Linnhoff, B. et al. (1982). A User Guide on Process Integration for the Efficient Use of
   Energy. IChemE, Rugby.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import polars as pl

from eipkit.heat._validate import FloatArray, HeatInputError, as_float_array, stream_kinds
from eipkit.heat.pinch import pinch_targets

__all__ = ["composite_curves", "grand_composite_curve", "place_utilities"]


def _composite(temp_a: FloatArray, temp_b: FloatArray, cp: FloatArray, start: float) -> tuple[FloatArray, FloatArray]:
    lo, hi = np.minimum(temp_a, temp_b), np.maximum(temp_a, temp_b)
    if lo.size == 0:
        return np.empty(0), np.empty(0)
    bounds = np.unique(np.concatenate([lo, hi]))
    k = bounds.size - 1
    j_lo, j_hi = np.searchsorted(bounds, lo), np.searchsorted(bounds, hi)
    diff = np.bincount(j_lo, weights=cp, minlength=k + 1) - np.bincount(j_hi, weights=cp, minlength=k + 1)
    heat = np.concatenate([[0.0], np.cumsum(np.cumsum(diff)[:k] * np.diff(bounds))])
    return bounds, heat + start


def composite_curves(
    supply_temperature: Any,
    target_temperature: Any,
    cp: Any,
    dtmin: float,
    dtmin_contribution: Any = None,
) -> pl.DataFrame:
    """Return the hot and cold composite curves in actual temperatures.

    Parameters
    ----------
    supply_temperature, target_temperature : array_like
        Stream temperatures [°C].
    cp : array_like
        Heat capacity flowrates [kW/K], positive.
    dtmin : float
        Minimum approach temperature ΔTmin [K] (positions the cold curve).
    dtmin_contribution : array_like, optional
        Individual ΔT contributions [K] (NaN = ΔTmin/2).

    Returns
    -------
    polars.DataFrame
        Columns ``curve`` (``hot`` or ``cold``), ``temperature`` [°C] (ascending within a curve) and
        ``enthalpy_flow`` [kW]; the hot curve starts at 0, the cold one at the minimum cold utility.

    Examples
    --------
    >>> cc = composite_curves([150, 20], [50, 120], [2.0, 1.5], 10)
    >>> cc.filter(pl.col("curve") == "cold")["enthalpy_flow"].to_list()
    [50.0, 200.0]
    """
    ts = as_float_array(supply_temperature, "supply_temperature")
    tt = as_float_array(target_temperature, "target_temperature", ts.size)
    cps = as_float_array(cp, "cp", ts.size)
    hot = stream_kinds(ts, tt, cps)
    targets = pinch_targets(ts, tt, cps, dtmin, dtmin_contribution)
    t_hot, h_hot = _composite(ts[hot], tt[hot], cps[hot], 0.0)
    t_cold, h_cold = _composite(ts[~hot], tt[~hot], cps[~hot], targets.cold_utility)
    return pl.DataFrame(
        {
            "curve": ["hot"] * t_hot.size + ["cold"] * t_cold.size,
            "temperature": np.concatenate([t_hot, t_cold]),
            "enthalpy_flow": np.concatenate([h_hot, h_cold]),
        },
        schema={"curve": pl.String, "temperature": pl.Float64, "enthalpy_flow": pl.Float64},
    )


def grand_composite_curve(cascade: pl.DataFrame) -> pl.DataFrame:
    """Return the grand composite curve (``shifted_temperature``, ``heat_flow``) of a problem table.

    Parameters
    ----------
    cascade : polars.DataFrame
        Result of :func:`eipkit.heat.problem_table`.

    Examples
    --------
    >>> from eipkit.heat import problem_table
    >>> gcc = grand_composite_curve(problem_table([150, 20], [50, 120], [2.0, 1.5], 10))
    >>> gcc.row(0)
    (145.0, 0.0)
    """
    _check_cascade(cascade)
    return cascade.select("shifted_temperature", "heat_flow")


def _check_cascade(cascade: pl.DataFrame) -> None:
    missing = {"shifted_temperature", "heat_flow"} - set(cascade.columns)
    if missing or cascade.height == 0:
        raise HeatInputError("'cascade' must be a problem table from eipkit.heat.problem_table()")


def _levels(levels: Sequence[float] | Mapping[str, float] | None, side: str) -> list[tuple[str, float]]:
    if levels is None:
        return []
    items = list(levels.items()) if isinstance(levels, Mapping) else [(f"{side}_{t:g}", t) for t in levels]
    out = []
    for name, temp in items:
        value = float(temp)
        if not np.isfinite(value):
            raise HeatInputError(f"{side} utility '{name}': temperature must be a number of °C; got {temp!r}")
        out.append((str(name), value))
    return out


def place_utilities(
    cascade: pl.DataFrame,
    dtmin: float,
    hot_levels: Sequence[float] | Mapping[str, float] | None = None,
    cold_levels: Sequence[float] | Mapping[str, float] | None = None,
) -> pl.DataFrame:
    """Split the minimum utilities between utility levels using the grand composite curve.

    Parameters
    ----------
    cascade : polars.DataFrame
        Result of :func:`eipkit.heat.problem_table`.
    dtmin : float
        ΔTmin [K]; each utility is shifted by ΔTmin/2 (hot down, cold up).
    hot_levels, cold_levels : sequence of float or mapping of name to float, optional
        Temperatures [°C] of the available hot utilities (steam mains, hot oil, flue gas) and cold
        utilities (cooling water, refrigeration); constant-temperature levels.

    Returns
    -------
    polars.DataFrame
        Columns ``utility``, ``side`` (``hot``/``cold``), ``temperature`` [°C],
        ``shifted_temperature`` [°C] and ``duty`` [kW]. When the levels cannot deliver the whole
        target (e.g. every steam level is below a process temperature), a row ``unmet`` holds the
        remainder for that side: the target is then infeasible with these utilities.

    Examples
    --------
    Kemp (2007) four-stream example (hot utility 20 kW above the 85 °C shifted pinch):

    >>> from eipkit.heat import problem_table
    >>> pt = problem_table([20, 170, 80, 150], [135, 60, 140, 30], [2.0, 3.0, 4.0, 1.5], 10)
    >>> place_utilities(pt, 10, hot_levels={"LP": 150.0, "HP": 200.0}, cold_levels=[15.0])["duty"].to_list()
    [20.0, 0.0, 60.0]
    """
    _check_cascade(cascade)
    temps = cascade.get_column("shifted_temperature").to_numpy()[::-1]  # ascending
    flow = cascade.get_column("heat_flow").to_numpy()[::-1]
    hot_target, cold_target = float(flow[-1]), float(flow[0])
    tol = 1e-9 * max(1.0, float(np.abs(flow).max()))
    rows: list[dict[str, Any]] = []
    used = 0.0
    for name, temp in sorted(_levels(hot_levels, "hot"), key=lambda x: x[1]):
        shifted = temp - dtmin / 2.0
        cap = min(float(np.interp(shifted, temps, flow)), float(flow[temps >= shifted].min(initial=np.inf)))
        duty = max(0.0, min(cap - used, hot_target - used))
        used += duty
        rows.append({"utility": name, "side": "hot", "temperature": temp, "shifted_temperature": shifted, "duty": duty})
    if hot_levels is not None and hot_target - used > tol:
        rows.append(
            {
                "utility": "unmet",
                "side": "hot",
                "temperature": None,
                "shifted_temperature": None,
                "duty": hot_target - used,
            }
        )
    used = 0.0
    for name, temp in sorted(_levels(cold_levels, "cold"), key=lambda x: -x[1]):
        shifted = temp + dtmin / 2.0
        cap = min(float(np.interp(shifted, temps, flow)), float(flow[temps <= shifted].min(initial=np.inf)))
        duty = max(0.0, min(cap - used, cold_target - used))
        used += duty
        rows.append(
            {"utility": name, "side": "cold", "temperature": temp, "shifted_temperature": shifted, "duty": duty}
        )
    if cold_levels is not None and cold_target - used > tol:
        rows.append(
            {
                "utility": "unmet",
                "side": "cold",
                "temperature": None,
                "shifted_temperature": None,
                "duty": cold_target - used,
            }
        )
    return pl.DataFrame(
        rows,
        schema={
            "utility": pl.String,
            "side": pl.String,
            "temperature": pl.Float64,
            "shifted_temperature": pl.Float64,
            "duty": pl.Float64,
        },
    )

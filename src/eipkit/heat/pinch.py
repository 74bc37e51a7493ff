r"""Energy targets by the problem table algorithm (Linnhoff & Flower 1978; Kemp 2007, ch. 2).

The problem table algorithm finds the minimum hot and cold utility of a set of process streams
for a minimum approach temperature :math:`\Delta T_{min}`, the pinch and the heat cascade.

Streams
    A *hot* stream is cooled from its supply temperature :math:`T_s` to a lower target
    :math:`T_t`; a *cold* stream is heated. Each has a constant heat capacity flowrate
    :math:`CP` [kW/K], so its duty is :math:`Q = CP\,|T_s - T_t|` [kW].

Shifted temperatures
    Hot streams are shifted down and cold streams up by their ΔT contribution
    :math:`\Delta T_{c,i}` (default :math:`\Delta T_{min}/2`):

    .. math:: S_i = T_i - \Delta T_{c,i}\ \text{(hot)}, \qquad S_i = T_i + \Delta T_{c,i}\ \text{(cold)}

    so that hot and cold streams at the same shifted temperature are
    :math:`\Delta T_{c,h} + \Delta T_{c,c}` apart (Kemp 2007, sec. 2.10.3 on individual contributions).

Intervals and cascade
    The sorted shifted temperatures :math:`S_0 > S_1 > \dots > S_K` bound :math:`K` intervals.
    In interval :math:`k`

    .. math::
        CP_{net,k} = \sum_{\text{hot in }k} CP_i - \sum_{\text{cold in }k} CP_j, \qquad
        \Delta H_k = CP_{net,k}\,(S_{k-1} - S_k)

    and the cascade :math:`R_k = Q_H + \sum_{m \le k} \Delta H_m` (heat flowing down across
    :math:`S_k`, with :math:`R_0 = Q_H`). The minimum hot utility makes the cascade feasible,
    :math:`Q_{H,min} = \max(0, -\min_k \sum_{m \le k}\Delta H_m)`, the minimum cold utility is
    what reaches the bottom, :math:`Q_{C,min} = R_K`, and the pinch is where :math:`R_k = 0`.
    The energy balance :math:`Q_{H,min} - Q_{C,min} = \sum Q_{cold} - \sum Q_{hot}` always holds.

References
----------
.. [1] Linnhoff, B. and Flower, J. R. (1978). Synthesis of heat exchanger networks: I.
   Systematic generation of energy optimal networks. AIChE Journal 24(4), 633-642.
.. [2] Kemp, I. C. (2007). Pinch Analysis and Process Integration: A User Guide on Process
   Integration for the Efficient Use of Energy, 2nd ed. Butterworth-Heinemann. Ch. 2 and
   sec. 3.9 (algorithms for the problem table and composite curves).
.. [3] Smith, R. (2005). Chemical Process Design and Integration. Wiley. Ch. 16.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import polars as pl

from eipkit.heat._validate import FloatArray, HeatInputError, as_float_array, stream_kinds

__all__ = ["PinchTargets", "pinch_targets", "problem_table", "shifted_temperatures"]

_REL_TOL = 1e-9


@dataclass(frozen=True)
class PinchTargets:
    """Energy targets of a set of streams (all duties in kW, temperatures in °C).

    Attributes
    ----------
    hot_utility, cold_utility : float
        Minimum hot and cold utility.
    heat_recovery : float
        Maximum process-to-process heat recovery (hot duty minus cold utility).
    hot_duty, cold_duty : float
        Total duty of the hot and cold streams.
    pinch_shifted_temperature : float or None
        Shifted pinch temperature (None if no stream); see ``pinches`` for all zero-flow points.
    pinch_hot_temperature, pinch_cold_temperature : float or None
        Pinch on the hot and cold side: shifted pinch ± ΔTmin/2.
    pinches : tuple of float
        Every shifted temperature where the cascade heat flow is zero, highest first.
    threshold : bool
        True when only one utility is needed (a threshold problem; the reported "pinch" is then the
        end of the cascade where the flow is zero).
    dtmin : float
        ΔTmin used [K].
    """

    hot_utility: float
    cold_utility: float
    heat_recovery: float
    hot_duty: float
    cold_duty: float
    pinch_shifted_temperature: float | None
    pinch_hot_temperature: float | None
    pinch_cold_temperature: float | None
    pinches: tuple[float, ...]
    threshold: bool
    dtmin: float

    def as_dict(self) -> dict[str, Any]:
        """Return the targets as a plain dict (for JSON)."""
        data = asdict(self)
        data["pinches"] = list(self.pinches)
        return data

    def __repr__(self) -> str:
        pinch = "none" if self.pinch_shifted_temperature is None else f"{self.pinch_shifted_temperature:g} °C shifted"
        return (
            f"<PinchTargets ΔTmin={self.dtmin:g} K: hot utility {self.hot_utility:,.1f} kW, "
            f"cold utility {self.cold_utility:,.1f} kW, pinch {pinch}>"
        )


def _inputs(
    supply_temperature: Any, target_temperature: Any, cp: Any, dtmin: float, dtmin_contribution: Any
) -> tuple[FloatArray, FloatArray, FloatArray, npt.NDArray[np.bool_], FloatArray]:
    ts = as_float_array(supply_temperature, "supply_temperature")
    n = ts.size
    tt = as_float_array(target_temperature, "target_temperature", n)
    cps = as_float_array(cp, "cp", n)
    if not np.isfinite(dtmin) or dtmin < 0:
        raise HeatInputError(f"dtmin must be a number of kelvin >= 0; got {dtmin!r}")
    hot = stream_kinds(ts, tt, cps)
    if dtmin_contribution is None:
        contrib = np.full(n, dtmin / 2.0)
    else:
        contrib = as_float_array(dtmin_contribution, "dtmin_contribution", n)
        if (contrib[np.isfinite(contrib)] < 0).any():
            raise HeatInputError("dtmin_contribution must be zero or positive (K)")
        contrib = np.where(np.isfinite(contrib), contrib, dtmin / 2.0)
    return ts, tt, cps, hot, contrib


def shifted_temperatures(
    supply_temperature: Any,
    target_temperature: Any,
    cp: Any,
    dtmin: float,
    dtmin_contribution: Any = None,
) -> tuple[FloatArray, FloatArray, npt.NDArray[np.bool_]]:
    r"""Shift hot streams down and cold streams up by their ΔT contribution.

    Parameters
    ----------
    supply_temperature, target_temperature : array_like
        Stream temperatures [°C].
    cp : array_like
        Heat capacity flowrates [kW/K] (positive; only checked here).
    dtmin : float
        Minimum approach temperature ΔTmin [K].
    dtmin_contribution : array_like, optional
        Individual contributions [K]; NaN or None means ΔTmin/2.

    Returns
    -------
    shifted_supply, shifted_target : numpy.ndarray
        Shifted temperatures [°C], :math:`T \mp \Delta T_c`.
    hot : numpy.ndarray of bool
        True for hot streams.

    Examples
    --------
    >>> s, t, hot = shifted_temperatures([170, 20], [60, 135], [3.0, 2.0], 10)
    >>> s.tolist(), t.tolist(), hot.tolist()
    ([165.0, 25.0], [55.0, 140.0], [True, False])
    """
    ts, tt, _, hot, contrib = _inputs(supply_temperature, target_temperature, cp, dtmin, dtmin_contribution)
    sign = np.where(hot, -1.0, 1.0)
    return ts + sign * contrib, tt + sign * contrib, hot


def _cascade(
    shifted_supply: FloatArray, shifted_target: FloatArray, cp: FloatArray, hot: npt.NDArray[np.bool_]
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Return descending boundaries, CPnet per interval and the infeasible cascade (starting at 0)."""
    lo = np.minimum(shifted_supply, shifted_target)
    hi = np.maximum(shifted_supply, shifted_target)
    bounds = np.unique(np.concatenate([lo, hi]))  # ascending
    k = bounds.size - 1
    signed = np.where(hot, cp, -cp)
    j_lo = np.searchsorted(bounds, lo)
    j_hi = np.searchsorted(bounds, hi)
    diff = np.bincount(j_lo, weights=signed, minlength=k + 1) - np.bincount(j_hi, weights=signed, minlength=k + 1)
    cp_net = np.cumsum(diff)[:k]
    surplus = cp_net * np.diff(bounds)
    return bounds[::-1].copy(), cp_net[::-1].copy(), np.concatenate([[0.0], np.cumsum(surplus[::-1])])


def problem_table(
    supply_temperature: Any,
    target_temperature: Any,
    cp: Any,
    dtmin: float,
    dtmin_contribution: Any = None,
) -> pl.DataFrame:
    r"""Return the problem table and heat cascade of a set of streams.

    Parameters
    ----------
    supply_temperature, target_temperature : array_like
        Stream temperatures [°C]; supply > target for a hot stream, < for a cold one.
    cp : array_like
        Heat capacity flowrates [kW/K], positive.
    dtmin : float
        Minimum approach temperature ΔTmin [K].
    dtmin_contribution : array_like, optional
        Individual ΔT contributions [K] (NaN = ΔTmin/2).

    Returns
    -------
    polars.DataFrame
        One row per shifted temperature boundary, highest first: ``shifted_temperature`` [°C],
        ``cp_net`` [kW/K] and ``heat_surplus`` [kW] of the interval below the boundary (null on the
        last row), ``infeasible_heat_flow`` [kW] (cascade started at zero) and ``heat_flow`` [kW]
        (feasible cascade; the first row is the minimum hot utility, the last the minimum cold
        utility). The grand composite curve is ``heat_flow`` against ``shifted_temperature``.

    Raises
    ------
    HeatInputError
        On inconsistent streams (see :func:`eipkit.heat.heat_stream_table`).

    Examples
    --------
    Kemp (2007), four-stream example, ΔTmin = 10 K:

    >>> pt = problem_table([20, 170, 80, 150], [135, 60, 140, 30], [2.0, 3.0, 4.0, 1.5], 10)
    >>> pt["shifted_temperature"].to_list()
    [165.0, 145.0, 140.0, 85.0, 55.0, 25.0]
    >>> pt["heat_flow"].to_list()
    [20.0, 80.0, 82.5, 0.0, 75.0, 60.0]
    """
    ts, tt, cps, hot, contrib = _inputs(supply_temperature, target_temperature, cp, dtmin, dtmin_contribution)
    sign = np.where(hot, -1.0, 1.0)
    bounds, cp_net, cascade0 = _cascade(ts + sign * contrib, tt + sign * contrib, cps, hot)
    hot_utility = max(0.0, -float(cascade0.min()))
    flow = cascade0 + hot_utility
    flow[np.abs(flow) <= _tolerance(ts, tt, cps)] = 0.0
    return pl.DataFrame(
        {
            "shifted_temperature": bounds,
            "cp_net": pl.Series(np.append(cp_net, np.nan)).fill_nan(None),
            "heat_surplus": pl.Series(np.append(cp_net * -np.diff(bounds), np.nan)).fill_nan(None),
            "infeasible_heat_flow": cascade0,
            "heat_flow": flow,
        }
    )


def _tolerance(ts: FloatArray, tt: FloatArray, cp: FloatArray) -> float:
    return _REL_TOL * max(1.0, float(np.sum(cp * np.abs(ts - tt))))


def pinch_targets(
    supply_temperature: Any,
    target_temperature: Any,
    cp: Any,
    dtmin: float,
    dtmin_contribution: Any = None,
) -> PinchTargets:
    r"""Minimum hot and cold utility, maximum heat recovery and the pinch of a set of streams.

    See the module docstring for the method (problem table algorithm). Duties in kW when ``cp`` is
    in kW/K (any consistent power unit works).

    Parameters
    ----------
    supply_temperature, target_temperature : array_like
        Stream temperatures [°C].
    cp : array_like
        Heat capacity flowrates [kW/K], positive.
    dtmin : float
        Minimum approach temperature ΔTmin [K].
    dtmin_contribution : array_like, optional
        Individual ΔT contributions [K] (NaN = ΔTmin/2).

    Returns
    -------
    PinchTargets

    Examples
    --------
    Smith (2005), Table 16.1 (CP in MW/K), ΔTmin = 10 K:

    >>> t = pinch_targets([20, 250, 140, 200], [180, 40, 230, 80], [0.2, 0.15, 0.3, 0.25], 10)
    >>> round(t.hot_utility, 6), round(t.cold_utility, 6), t.pinch_hot_temperature, t.pinch_cold_temperature
    (7.5, 10.0, 150.0, 140.0)
    """
    ts, tt, cps, hot, contrib = _inputs(supply_temperature, target_temperature, cp, dtmin, dtmin_contribution)
    sign = np.where(hot, -1.0, 1.0)
    bounds, _, cascade0 = _cascade(ts + sign * contrib, tt + sign * contrib, cps, hot)
    tol = _tolerance(ts, tt, cps)
    hot_utility = max(0.0, -float(cascade0.min()))
    flow = cascade0 + hot_utility
    cold_utility = max(0.0, float(flow[-1]))
    if hot_utility <= tol:
        hot_utility = 0.0
    if cold_utility <= tol:
        cold_utility = 0.0
    duties = cps * np.abs(ts - tt)
    hot_duty, cold_duty = float(duties[hot].sum()), float(duties[~hot].sum())
    zero = np.flatnonzero(np.abs(flow) <= tol)
    pinches = tuple(float(bounds[i]) for i in zero)
    interior = [i for i in zero if 0 < i < bounds.size - 1]
    main = interior[0] if interior else (zero[0] if zero.size else None)
    pinch = None if main is None else float(bounds[main])
    return PinchTargets(
        hot_utility=hot_utility,
        cold_utility=cold_utility,
        heat_recovery=max(0.0, hot_duty - cold_utility),
        hot_duty=hot_duty,
        cold_duty=cold_duty,
        pinch_shifted_temperature=pinch,
        pinch_hot_temperature=None if pinch is None else pinch + dtmin / 2.0,
        pinch_cold_temperature=None if pinch is None else pinch - dtmin / 2.0,
        pinches=pinches,
        threshold=hot_utility == 0.0 or cold_utility == 0.0,
        dtmin=float(dtmin),
    )

r"""Water pinch targeting for one contaminant: water cascade analysis and limiting data.

Fixed-flowrate problems (sources and sinks)
-------------------------------------------
The water cascade analysis (WCA) of Manan, Tan & Foo (2004) sorts every concentration level
:math:`C_1 < C_2 < \dots < C_n` (sources, sinks and the freshwater) and cascades the net flow
upwards. With freshwater flow :math:`F_{fw}` entering at :math:`C_{fw}`:

.. math::

    q_k = \sum_{i \in S(C_k)} F_i - \sum_{j \in D(C_k)} F_j,\qquad
    Q_k = \sum_{l \le k} q_l + F_{fw}\,[C_k \ge C_{fw}],\\
    M_k = \sum_{l < k} Q_l\,(C_{l+1} - C_l)
        = M_k^0 + F_{fw}\,\max(0, C_k - C_{fw}),

where :math:`Q_k` is the flow cascaded from level :math:`k` to :math:`k+1` and :math:`M_k`
the cumulative contaminant load [g/h] at level :math:`k`. A network exists if and only if
:math:`M_k \ge 0` at every level and the wastewater :math:`F_{ww} = F_{fw} + \sum F_i - \sum F_j
\ge 0` (El-Halwagi, Gabriel & Harell 2003). Hence the minimum freshwater is

.. math::

    F_{fw}^{min} = \max\Big(0,\ \max_{k:\,C_k > C_{fw}} \frac{-M_k^0}{C_k - C_{fw}},\
                   \sum_j F_j - \sum_i F_i\Big)

and the pinch is the level where :math:`M_k = 0` sets it. Levels at or below :math:`C_{fw}` need
:math:`M^0_k \ge 0` (freshwater cannot help there), otherwise the problem is infeasible.
A *threshold* problem is one where the freshwater target is set by zero freshwater or by zero
wastewater (the flow balance) rather than by a pinch (Foo 2008).

Fixed-load operations (limiting data)
-------------------------------------
An operation picking up :math:`m` [kg/h] between :math:`C^{in}_{max}` and :math:`C^{out}_{max}`
has the limiting flow :math:`F^{lim} = 1000\,m / (C^{out}_{max} - C^{in}_{max})` (Wang & Smith
1994); as a sink of :math:`F^{lim}` at :math:`C^{in}_{max}` and a source of :math:`F^{lim}` at
:math:`C^{out}_{max}` it has the same freshwater target (Hallale 2002; Manan et al. 2004).
The limiting composite curve is the cumulative load :math:`\sum F^{lim}\,\Delta C / 1000` against
concentration; the freshwater target is the steepest water supply line below it.

References
----------
Wang, Y.P., Smith, R. (1994). Wastewater minimisation. Chem. Eng. Sci. 49(7), 981-1006.
Hallale, N. (2002). A new graphical targeting method for water minimisation. Adv. Environ. Res. 6, 377-390.
El-Halwagi, M.M., Gabriel, F., Harell, D. (2003). Rigorous graphical targeting for resource
conservation via material recycle/reuse networks. Ind. Eng. Chem. Res. 42, 4319-4328.
Manan, Z.A., Tan, Y.L., Foo, D.C.Y. (2004). Targeting the minimum water flow rate using water
cascade analysis technique. AIChE J. 50(12), 3169-3183.
Foo, D.C.Y. (2008). Flowrate targeting for threshold problems and plant-wide integration for
water network synthesis. J. Environ. Manage. 88, 253-274.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
import polars as pl

from eipkit.water._problem import LOAD_TO_PPM, WaterInputError

__all__ = [
    "CascadeResult",
    "InfeasibleWaterError",
    "fixed_load_cascade",
    "limiting_composite_curve",
    "limiting_flow",
    "water_cascade",
]

_REL_TOL = 1e-9


class InfeasibleWaterError(ValueError):
    """No water network can meet the sinks; the message names the sinks and why."""


@dataclass(frozen=True)
class CascadeResult:
    """Targets of a single-contaminant water cascade.

    Attributes
    ----------
    freshwater_flow, wastewater_flow : float
        Minimum freshwater and wastewater flows [t/h].
    pinch_concentration : float or None
        Concentration [ppm] of the pinch; ``None`` for a threshold problem without pinch.
    kind : str
        ``pinch``, ``threshold_zero_freshwater`` or ``threshold_zero_wastewater``.
    table : polars.DataFrame
        The cascade table at the target (one row per concentration level).
    notes : tuple of str
        Remarks (e.g. sources no sink can take, which all leave as wastewater).
    """

    freshwater_flow: float
    wastewater_flow: float
    pinch_concentration: float | None
    kind: str
    freshwater_concentration: float
    table: pl.DataFrame
    notes: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        """Return the targets and the cascade table as plain Python data."""
        return {
            "freshwater_flow": self.freshwater_flow,
            "wastewater_flow": self.wastewater_flow,
            "pinch_concentration": self.pinch_concentration,
            "kind": self.kind,
            "freshwater_concentration": self.freshwater_concentration,
            "cascade": self.table.to_dicts(),
            "notes": list(self.notes),
        }

    def __repr__(self) -> str:
        pinch = "none" if self.pinch_concentration is None else f"{self.pinch_concentration:g} ppm"
        return (
            f"<CascadeResult freshwater {self.freshwater_flow:.6g} t/h, wastewater {self.wastewater_flow:.6g} t/h, "
            f"pinch {pinch} ({self.kind})>"
        )


def _ids(ids: Sequence[str] | None, n: int, prefix: str) -> list[str]:
    return [f"{prefix}{i + 1}" for i in range(n)] if ids is None else [str(i) for i in ids]


def water_cascade(
    source_flow: npt.ArrayLike,
    source_concentration: npt.ArrayLike,
    sink_flow: npt.ArrayLike,
    sink_concentration: npt.ArrayLike,
    freshwater_concentration: float = 0.0,
    source_id: Sequence[str] | None = None,
    sink_id: Sequence[str] | None = None,
) -> CascadeResult:
    """Minimum freshwater and wastewater of a fixed-flowrate problem by water cascade analysis.

    Parameters
    ----------
    source_flow, source_concentration : array_like
        Flows [t/h] and concentrations [ppm] of the water sources.
    sink_flow, sink_concentration : array_like
        Flows [t/h] and maximum inlet concentrations [ppm] of the sinks (``inf``: no limit).
    freshwater_concentration : float
        Concentration of the freshwater [ppm].
    source_id, sink_id : sequence of str, optional
        Names used in messages and notes.

    Returns
    -------
    CascadeResult

    Raises
    ------
    WaterInputError
        Negative or missing flows or concentrations.
    InfeasibleWaterError
        A sink needs water cleaner than the freshwater and the cleaner sources do not suffice.

    Examples
    --------
    Wang & Smith (1994) four operations as sources and sinks (Manan et al. 2004):

    >>> r = water_cascade([20, 100, 40, 10], [100, 100, 800, 800], [20, 100, 40, 10], [0, 50, 50, 400])
    >>> r.freshwater_flow, r.wastewater_flow, r.pinch_concentration
    (90.0, 90.0, 100.0)
    """
    sf = np.asarray(source_flow, dtype=float).reshape(-1)
    sc = np.asarray(source_concentration, dtype=float).reshape(-1)
    df = np.asarray(sink_flow, dtype=float).reshape(-1)
    dc = np.asarray(sink_concentration, dtype=float).reshape(-1)
    sid, did = _ids(source_id, sf.size, "SR"), _ids(sink_id, df.size, "SK")
    if sf.size != sc.size or df.size != dc.size or len(sid) != sf.size or len(did) != df.size:
        raise WaterInputError("give one flow, one concentration and one id per source and per sink")
    for ids, flows, what in ((sid, sf, "source"), (did, df, "sink")):
        bad = ~np.isfinite(flows) | (flows < 0)
        if bad.any():
            i = int(np.argmax(bad))
            raise WaterInputError(f"{what} '{ids[i]}': flow {flows[i]:g} t/h is missing or negative")
    if (np.isnan(sc) | (sc < 0) | ~np.isfinite(sc)).any():
        i = int(np.argmax(np.isnan(sc) | (sc < 0) | ~np.isfinite(sc)))
        raise WaterInputError(f"source '{sid[i]}': concentration {sc[i]:g} ppm is missing, negative or infinite")
    if (np.isnan(dc) | (dc < 0)).any():
        i = int(np.argmax(np.isnan(dc) | (dc < 0)))
        raise WaterInputError(f"sink '{did[i]}': concentration {dc[i]:g} ppm is missing or negative")
    cfw = float(freshwater_concentration)
    if not np.isfinite(cfw) or cfw < 0:
        raise WaterInputError(f"freshwater concentration {cfw:g} ppm must be a number >= 0")
    top = max([cfw, *sc.tolist(), *dc[np.isfinite(dc)].tolist()])
    dc = np.where(np.isfinite(dc), dc, top)  # a sink without limit takes the dirtiest water

    levels = np.unique(np.concatenate([sc, dc, [cfw]]))
    net0 = np.zeros(levels.size)
    np.add.at(net0, np.searchsorted(levels, sc), sf)
    np.subtract.at(net0, np.searchsorted(levels, dc), df)
    cum_flow0 = np.cumsum(net0)
    gaps = np.diff(levels)
    cum_load0 = np.concatenate([[0.0], np.cumsum(cum_flow0[:-1] * gaps)])
    scale = max(1.0, float(np.abs(cum_load0).max()))
    above = levels > cfw
    below_bad = (~above) & (cum_load0 < -_REL_TOL * scale)
    if below_bad.any():
        level = float(levels[int(np.argmax(below_bad))])
        culprits = [did[j] for j in range(df.size) if dc[j] < cfw and dc[j] <= level and df[j] > 0]
        raise InfeasibleWaterError(
            f"infeasible: sink(s) {', '.join(culprits) or '?'} need water cleaner than the freshwater "
            f"({cfw:g} ppm) and the cleaner sources do not carry enough flow; supply cleaner freshwater, "
            "add a regeneration unit or relax their limits"
        )
    with np.errstate(divide="ignore", invalid="ignore"):
        need = np.where(above, -cum_load0 / (levels - cfw), -np.inf)
    balance = float(df.sum() - sf.sum())
    best = int(np.argmax(need)) if need.size else 0
    pinch_need = float(need[best]) if need.size else -np.inf
    fresh = max(0.0, pinch_need, balance)
    flow_scale = max(1.0, float(df.sum()), float(sf.sum()))
    tol = 1e-9 * flow_scale
    if fresh <= tol:
        fresh, kind, pinch = 0.0, "threshold_zero_freshwater", None
    elif pinch_need >= balance - tol:
        kind, pinch = "pinch", float(levels[best])
    else:
        kind, pinch = "threshold_zero_wastewater", None
    waste = fresh + float(sf.sum()) - float(df.sum())
    waste = 0.0 if abs(waste) <= tol else waste
    in_fw = levels >= cfw
    net = net0 + np.where(levels == cfw, fresh, 0.0)
    cum_flow = cum_flow0 + np.where(in_fw, fresh, 0.0)
    cum_load = cum_load0 + fresh * np.maximum(0.0, levels - cfw)
    table = pl.DataFrame(
        {
            "concentration": levels,
            "net_flow": net,
            "cumulative_flow": cum_flow,
            "interval_load": np.concatenate([cum_flow[:-1] * gaps, [0.0]]),
            "cumulative_load": cum_load,
            "freshwater_needed": np.where(np.isfinite(need), np.maximum(need, 0.0), 0.0),
        }
    )
    notes = []
    max_sink = float(dc.max()) if dc.size else -np.inf
    for i in range(sf.size):
        if sc[i] > max_sink and sf[i] > 0:
            notes.append(
                f"source '{sid[i]}' ({sc[i]:g} ppm) is richer than every sink accepts: it leaves as wastewater"
            )
    return CascadeResult(fresh, waste, pinch, kind, cfw, table, tuple(notes))


def limiting_flow(mass_load: npt.ArrayLike, cin_max: npt.ArrayLike, cout_max: npt.ArrayLike) -> npt.NDArray[np.float64]:
    r"""Limiting flow rate of fixed-load operations, :math:`F^{lim} = 1000\,m/(C^{out}_{max}-C^{in}_{max})` [t/h].

    Parameters
    ----------
    mass_load : array_like
        Contaminant picked up [kg/h].
    cin_max, cout_max : array_like
        Maximum inlet and outlet concentrations [ppm].

    Examples
    --------
    >>> limiting_flow([2, 5, 30, 4], [0, 50, 50, 400], [100, 100, 800, 800]).tolist()
    [20.0, 100.0, 40.0, 10.0]
    """
    m = np.asarray(mass_load, dtype=float)
    cin, cout = np.asarray(cin_max, dtype=float), np.asarray(cout_max, dtype=float)
    if (np.isnan(m) | (m < 0)).any():
        raise WaterInputError("mass loads must be numbers >= 0 kg/h")
    if (cout <= cin).any():
        raise WaterInputError("every cout_max must exceed its cin_max")
    return np.asarray(LOAD_TO_PPM * m / (cout - cin), dtype=float)


def fixed_load_cascade(
    mass_load: npt.ArrayLike,
    cin_max: npt.ArrayLike,
    cout_max: npt.ArrayLike,
    freshwater_concentration: float = 0.0,
    operation_id: Sequence[str] | None = None,
) -> CascadeResult:
    """Freshwater target of fixed-load operations (limiting data), one contaminant.

    Each operation becomes a sink of its limiting flow at ``cin_max`` and a source of the same
    flow at ``cout_max`` (Hallale 2002); the cascade then gives the targets.

    Examples
    --------
    Wang & Smith (1994), example 1: 90 t/h of freshwater, pinch at 100 ppm.

    >>> fixed_load_cascade([2, 5, 30, 4], [0, 50, 50, 400], [100, 100, 800, 800]).freshwater_flow
    90.0
    """
    flow = limiting_flow(mass_load, cin_max, cout_max)
    ids = _ids(operation_id, flow.size, "OP")
    return water_cascade(
        flow,
        np.asarray(cout_max, dtype=float),
        flow,
        np.asarray(cin_max, dtype=float),
        freshwater_concentration,
        source_id=[f"{i}:out" for i in ids],
        sink_id=[f"{i}:in" for i in ids],
    )


def limiting_composite_curve(mass_load: npt.ArrayLike, cin_max: npt.ArrayLike, cout_max: npt.ArrayLike) -> pl.DataFrame:
    r"""Limiting composite curve of fixed-load operations (Wang & Smith 1994).

    Returns
    -------
    polars.DataFrame
        ``concentration`` [ppm] and ``cumulative_load`` [kg/h]: the load picked up below each
        level, :math:`\sum_{l<k} \sum_{i \ni [C_l, C_{l+1}]} F^{lim}_i (C_{l+1}-C_l)/1000`.

    Examples
    --------
    >>> limiting_composite_curve([2, 5, 30, 4], [0, 50, 50, 400], [100, 100, 800, 800])["cumulative_load"].to_list()
    [0.0, 1.0, 9.0, 21.0, 41.0]
    """
    flow = limiting_flow(mass_load, cin_max, cout_max)
    cin, cout = np.asarray(cin_max, dtype=float).reshape(-1), np.asarray(cout_max, dtype=float).reshape(-1)
    levels = np.unique(np.concatenate([cin, cout]))
    lo, hi = levels[:-1], levels[1:]
    spans = (cin[None, :] <= lo[:, None]) & (cout[None, :] >= hi[:, None])
    loads = (spans * flow[None, :]).sum(axis=1) * (hi - lo) / LOAD_TO_PPM
    return pl.DataFrame({"concentration": levels, "cumulative_load": np.concatenate([[0.0], np.cumsum(loads)])})

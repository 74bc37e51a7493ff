r"""Inter-firm heat recovery: firm targets, total site profiles and the site target.

Each firm first recovers what it can inside its own fence (its own pinch targets). What is left
is, below the firm's pinch, surplus heat (a *source*) and, above it, a heat deficit (a *sink*).
Following the Total Site method (Dhole & Linnhoff 1993; Klemeš et al. 1997) these are read from
the firm's grand composite curve with the pockets removed, in shifted temperatures :math:`S`:

.. math::
    \text{sink capacity } \; C_f(S) = \min_{S' \ge S} R_f(S'), \qquad
    \text{source availability } \; A_f(S) = \min_{S' \le S} R_f(S')

where :math:`R_f` is the firm's heat cascade. :math:`C_f` rises from 0 at the pinch to the firm's
hot utility :math:`Q_{H,f}` at the top; :math:`A_f` rises from 0 at the pinch to
:math:`Q_{C,f}` at the bottom. Between two cascade boundaries each becomes a straight segment (a
cold segment for sinks, a hot one for sources), and the site profiles are the composites of all
firms' segments.

Heat passes between firms through a heat network (a hot-water or steam loop), i.e. through two
exchangers instead of one. The site target is therefore the problem table on all source and sink
segments with a further approach :math:`\Delta T_{net}` (default ΔTmin): a source at shifted
temperature :math:`S_a` can serve a sink at :math:`S_b` only if
:math:`S_a - S_b \ge \Delta T_{net}`. The inter-firm recovery is

.. math:: Q_{rec} = \sum_f Q_{H,f} - Q_{H,site}

Pairwise recovery (one source firm, one sink firm) uses the same calculation on the two firms'
segments; it is the most that link could carry on its own (pairs are not additive).

References
----------
.. [1] Dhole, V. R. and Linnhoff, B. (1993). Total site targets for fuel, co-generation,
   emissions, and cooling. Computers & Chemical Engineering 17 (Suppl.), S101-S109.
.. [2] Klemeš, J., Dhole, V. R., Raissi, K., Perry, S. J. and Puigjaner, L. (1997). Targeting and
   design methodology for reduction of fuel, power and CO2 on total sites. Applied Thermal
   Engineering 17(8-10), 993-1003.
.. [3] Liew, P. Y., Wan Alwi, S. R., Varbanov, P. S., Manan, Z. A. and Klemeš, J. J. (2012). A
   numerical technique for Total Site sensitivity analysis. Applied Thermal Engineering 40, 397-408.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import polars as pl

from eipkit.heat._validate import HeatInputError, heat_stream_table
from eipkit.heat.pinch import pinch_targets, problem_table

__all__ = ["SiteTargets", "firm_targets", "pairwise_recovery", "site_segments", "site_targets"]

_SEGMENT_SCHEMA = {
    "firm": pl.String,
    "profile": pl.String,
    "supply_temperature": pl.Float64,
    "target_temperature": pl.Float64,
    "cp": pl.Float64,
    "duty": pl.Float64,
}


@dataclass(frozen=True)
class SiteTargets:
    """Site-level heat targets (kW while the streams flow).

    Attributes
    ----------
    firms_hot_utility, firms_cold_utility : float
        Sum of the firms' own minimum utilities (each firm on its own).
    site_hot_utility, site_cold_utility : float
        Minimum utilities when firms also exchange heat through a heat network.
    inter_firm_recovery : float
        Heat that firms can pass to each other: ``firms_hot_utility - site_hot_utility``.
    direct_hot_utility : float
        Hot utility if all streams could exchange heat directly (one exchanger, ΔTmin): a bound.
    dtmin, dt_network : float
        Approach temperatures used [K].
    """

    firms_hot_utility: float
    firms_cold_utility: float
    site_hot_utility: float
    site_cold_utility: float
    inter_firm_recovery: float
    direct_hot_utility: float
    dtmin: float
    dt_network: float

    def as_dict(self) -> dict[str, Any]:
        """Return the targets as a plain dict (for JSON)."""
        return asdict(self)


def _normalised(heat_streams: pl.DataFrame) -> pl.DataFrame:
    table = heat_stream_table(heat_streams)
    if table.get_column("firm").null_count():
        raise HeatInputError("every heat stream needs a 'firm' for site analysis")
    return table


def _groups(table: pl.DataFrame) -> list[tuple[str, pl.DataFrame]]:
    return [(str(key[0]), frame) for key, frame in table.group_by("firm", maintain_order=True)]


def _arrays(frame: pl.DataFrame) -> tuple[Any, Any, Any, Any]:
    return (
        frame.get_column("supply_temperature").to_numpy(),
        frame.get_column("target_temperature").to_numpy(),
        frame.get_column("cp").to_numpy(),
        frame.get_column("dtmin_contribution").cast(pl.Float64).fill_null(np.nan).to_numpy(),
    )


def firm_targets(heat_streams: pl.DataFrame, dtmin: float) -> pl.DataFrame:
    """Return each firm's own pinch targets (no exchange with other firms).

    Parameters
    ----------
    heat_streams : polars.DataFrame
        Heat-stream table with a ``firm`` column (see :func:`eipkit.heat.heat_stream_table`).
    dtmin : float
        ΔTmin inside a firm [K].

    Returns
    -------
    polars.DataFrame
        ``firm``, ``streams``, ``hot_duty``, ``cold_duty``, ``hot_utility``, ``cold_utility``,
        ``heat_recovery`` [kW] and ``pinch_shifted_temperature`` [°C].
    """
    rows = []
    for firm, frame in _groups(_normalised(heat_streams)):
        t = pinch_targets(*_arrays(frame)[:3], dtmin, _arrays(frame)[3])
        rows.append(
            {
                "firm": firm,
                "streams": frame.height,
                "hot_duty": t.hot_duty,
                "cold_duty": t.cold_duty,
                "hot_utility": t.hot_utility,
                "cold_utility": t.cold_utility,
                "heat_recovery": t.heat_recovery,
                "pinch_shifted_temperature": t.pinch_shifted_temperature,
            }
        )
    return pl.DataFrame(
        rows,
        schema={
            "firm": pl.String,
            "streams": pl.Int64,
            "hot_duty": pl.Float64,
            "cold_duty": pl.Float64,
            "hot_utility": pl.Float64,
            "cold_utility": pl.Float64,
            "heat_recovery": pl.Float64,
            "pinch_shifted_temperature": pl.Float64,
        },
    )


def _firm_segments(firm: str, frame: pl.DataFrame, dtmin: float) -> list[dict[str, Any]]:
    ts, tt, cp, contrib = _arrays(frame)
    cascade = problem_table(ts, tt, cp, dtmin, contrib)
    temps = cascade.get_column("shifted_temperature").to_numpy()
    flow = cascade.get_column("heat_flow").to_numpy()
    tol = 1e-9 * max(1.0, float(np.abs(flow).max()))
    sink = np.minimum.accumulate(flow)  # C(S): min over S' >= S (temps descending)
    source = np.minimum.accumulate(flow[::-1])[::-1]  # A(S): min over S' <= S
    rows = []
    for profile, values, sign in (("sink", sink, 1.0), ("source", source, -1.0)):
        step = sign * (values[:-1] - values[1:])  # heat in each interval, >= 0
        for i in np.flatnonzero(step > tol):
            upper, lower = float(temps[i]), float(temps[i + 1])
            duty = float(step[i])
            supply, target = (lower, upper) if profile == "sink" else (upper, lower)
            rows.append(
                {
                    "firm": firm,
                    "profile": profile,
                    "supply_temperature": supply,
                    "target_temperature": target,
                    "cp": duty / (upper - lower),
                    "duty": duty,
                }
            )
    return rows


def site_segments(heat_streams: pl.DataFrame, dtmin: float) -> pl.DataFrame:
    """Return every firm's source and sink segments (pocket-free grand composite curve).

    Parameters
    ----------
    heat_streams : polars.DataFrame
        Heat-stream table with a ``firm`` column.
    dtmin : float
        ΔTmin inside a firm [K].

    Returns
    -------
    polars.DataFrame
        ``firm``, ``profile`` (``source`` = surplus heat, a hot segment; ``sink`` = heat deficit, a
        cold segment), ``supply_temperature`` and ``target_temperature`` in *shifted* °C, ``cp``
        [kW/K] and ``duty`` [kW]. A firm's sink duties add up to its hot utility and its source
        duties to its cold utility.
    """
    rows: list[dict[str, Any]] = []
    for firm, frame in _groups(_normalised(heat_streams)):
        rows += _firm_segments(firm, frame, dtmin)
    return pl.DataFrame(rows, schema=_SEGMENT_SCHEMA)


def _segment_target(segments: pl.DataFrame, dt_network: float) -> float:
    """Hot utility of a set of site segments with the network approach (0 sinks -> 0)."""
    if segments.filter(pl.col("profile") == "sink").height == 0:
        return 0.0
    t = pinch_targets(
        segments.get_column("supply_temperature").to_numpy(),
        segments.get_column("target_temperature").to_numpy(),
        segments.get_column("cp").to_numpy(),
        dt_network,
    )
    return t.hot_utility


def site_targets(heat_streams: pl.DataFrame, dtmin: float, dt_network: float | None = None) -> SiteTargets:
    """Return the site-level targets: firms alone, firms linked by a heat network, all-direct bound.

    Parameters
    ----------
    heat_streams : polars.DataFrame
        Heat-stream table with a ``firm`` column.
    dtmin : float
        ΔTmin inside a firm [K].
    dt_network : float, optional
        Extra approach for passing heat through a heat network [K]; default ``dtmin``.

    Returns
    -------
    SiteTargets
    """
    table = _normalised(heat_streams)
    net = float(dtmin if dt_network is None else dt_network)
    if net < 0:
        raise HeatInputError(f"dt_network must be >= 0 K; got {dt_network!r}")
    firms = firm_targets(table, dtmin)
    segments = site_segments(table, dtmin)
    firms_hot = float(firms.get_column("hot_utility").sum())
    firms_cold = float(firms.get_column("cold_utility").sum())
    site_hot = min(firms_hot, _segment_target(segments, net)) if segments.height else firms_hot
    recovery = max(0.0, firms_hot - site_hot)
    ts, tt, cp, contrib = _arrays(table)
    direct = pinch_targets(ts, tt, cp, dtmin, contrib)
    return SiteTargets(
        firms_hot_utility=firms_hot,
        firms_cold_utility=firms_cold,
        site_hot_utility=firms_hot - recovery,
        site_cold_utility=firms_cold - recovery,
        inter_firm_recovery=recovery,
        direct_hot_utility=direct.hot_utility,
        dtmin=float(dtmin),
        dt_network=net,
    )


def pairwise_recovery(heat_streams: pl.DataFrame, dtmin: float, dt_network: float | None = None) -> pl.DataFrame:
    """Return, for every source firm and sink firm, the heat one could pass to the other.

    Parameters
    ----------
    heat_streams : polars.DataFrame
        Heat-stream table with a ``firm`` column.
    dtmin : float
        ΔTmin inside a firm [K].
    dt_network : float, optional
        Extra approach through the heat network [K]; default ``dtmin``.

    Returns
    -------
    polars.DataFrame
        ``supplier``, ``receiver``, ``recovery`` [kW] (largest heat the pair can exchange on its
        own, > 0 only), ``source_temperature`` (hottest source heat, actual °C),
        ``sink_temperature`` (hottest sink need, actual °C) and ``sink_low_temperature`` (coldest
        sink need, actual °C). Pairs are not additive: one source may be listed with several sinks.
    """
    net = float(dtmin if dt_network is None else dt_network)
    segments = site_segments(heat_streams, dtmin)
    half = dtmin / 2.0
    sources = {f: s for (f,), s in segments.filter(pl.col("profile") == "source").group_by("firm")}
    sinks = {f: s for (f,), s in segments.filter(pl.col("profile") == "sink").group_by("firm")}
    rows = []
    for supplier in sorted(sources, key=str):
        for receiver in sorted(sinks, key=str):
            if supplier == receiver:
                continue
            src, snk = sources[supplier], sinks[receiver]
            need = float(snk.get_column("duty").sum())
            left = _segment_target(pl.concat([src, snk]), net)
            recovery = need - left
            if recovery <= 1e-9 * max(1.0, need):
                continue
            rows.append(
                {
                    "supplier": str(supplier),
                    "receiver": str(receiver),
                    "recovery": recovery,
                    "source_temperature": float(src.get_column("supply_temperature").to_numpy().max()) + half,
                    "sink_temperature": float(snk.get_column("target_temperature").to_numpy().max()) - half,
                    "sink_low_temperature": float(snk.get_column("supply_temperature").to_numpy().min()) - half,
                }
            )
    return pl.DataFrame(
        rows,
        schema={
            "supplier": pl.String,
            "receiver": pl.String,
            "recovery": pl.Float64,
            "source_temperature": pl.Float64,
            "sink_temperature": pl.Float64,
            "sink_low_temperature": pl.Float64,
        },
    )

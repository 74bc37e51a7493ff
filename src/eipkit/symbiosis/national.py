"""Matching at national scale: every park of a country in one stream table, in bounded memory.

:func:`match_streams` runs the same steps as :class:`~eipkit.symbiosis.MatchStudy` on a stream
table of any size (columns :data:`~eipkit.symbiosis.STREAM_COLUMNS`, e.g. all of Viet Nam's
about 400 industrial parks): blocked candidate generation over all parks at once (within parks
and across parks within the radius), then checks and benefits chunk by chunk over supplies, keeping
the ``top_k`` feasible receivers per supply with a positive central net benefit. Reason traces,
tracking and the selection MILP are for park-level studies.
"""

from __future__ import annotations

import time
from typing import Any

import polars as pl

from eipkit.symbiosis.benefits import candidate_benefits, receiver_fuels
from eipkit.symbiosis.candidates import candidate_pairs, rule_reach
from eipkit.symbiosis.factors import Factors, symbiosis_factors
from eipkit.symbiosis.feasibility import assess_candidates
from eipkit.symbiosis.knowledge import KnowledgeBase, knowledge_base

__all__ = ["NATIONAL_COLUMNS", "match_streams"]

#: Columns of the result of :func:`match_streams`.
NATIONAL_COLUMNS = (
    "supply_stream", "demand_stream", "supplier", "receiver", "s_park", "d_park", "resource_class", "demand_class",
    "rule", "distance_km", "amount", "coverage_demand", "status", "net_benefit_low", "net_benefit_mid",
    "net_benefit_high", "investment_mid", "co2e_mid", "landfill_diverted", "water_saved", "energy_saved",
)  # fmt: skip


def _chunks(pairs: pl.DataFrame, rows: int) -> list[pl.DataFrame]:
    """Split pairs (sorted by supply) into pieces of about ``rows`` rows that never split a supply."""
    if pairs.height <= rows:
        return [pairs]
    s = pairs.get_column("s")
    out, start = [], 0
    while start < pairs.height:
        end = min(start + rows, pairs.height)
        if end < pairs.height:
            last = s[end - 1]
            end = int(s.search_sorted(last, side="right"))
        out.append(pairs.slice(start, end - start))
        start = end
    return out


def match_streams(
    streams: pl.DataFrame,
    qualities: pl.DataFrame | None = None,
    radius_km: float = 30.0,
    top_k: int = 5,
    nearest: int | None = 10,
    min_coverage: float = 0.01,
    chunk_rows: int = 400_000,
    kb: KnowledgeBase | None = None,
    factors: Factors | None = None,
) -> tuple[pl.DataFrame, dict[str, Any]]:
    """Match every supply of a large stream table with its best feasible receivers.

    Parameters
    ----------
    streams : polars.DataFrame
        Stream table (:data:`~eipkit.symbiosis.STREAM_COLUMNS`), classes already set.
    qualities : polars.DataFrame, optional
        ``stream``, ``parameter``, ``value``, ``bound``.
    radius_km : float
        Transport radius [km].
    top_k : int
        Receivers kept per supply (best central net benefit first).
    nearest : int, optional
        Candidate receivers examined per supply and rule: the nearest ones (None: every receiver
        in reach, which in a dense cluster can be thousands).
    min_coverage : float
        Share of a receiver's input below which a match is a small lot.
    chunk_rows : int
        Candidate pairs checked and costed at a time (bounds the memory).
    kb, factors : optional
        Knowledge base and factors (default: shipped ones).

    Returns
    -------
    opportunities : polars.DataFrame
        Columns :data:`NATIONAL_COLUMNS`, sorted by central net benefit.
    stats : dict
        Counts (streams, candidate pairs, feasible pairs, kept) and seconds per step.
    """
    kb = kb or knowledge_base()
    factors = factors or symbiosis_factors()
    if top_k < 1 or chunk_rows < 1:
        raise ValueError(f"top_k and chunk_rows must be at least 1 (got {top_k}, {chunk_rows})")
    qualities = (
        qualities
        if qualities is not None
        else pl.DataFrame(schema={"stream": pl.String, "parameter": pl.String, "value": pl.Float64, "bound": pl.String})
    )
    clock = time.perf_counter()
    pairs = candidate_pairs(streams, kb.class_pairs(), rule_reach(kb, factors, radius_km), radius_km, False, nearest)
    t_pairs = time.perf_counter() - clock
    fuels = receiver_fuels(streams, factors, kb)
    kept, feasible = [], 0
    for chunk in _chunks(pairs, chunk_rows):
        cand, _ = assess_candidates(chunk, streams, qualities, kb, factors, min_coverage)
        cand = cand.filter(pl.col("feasible"))
        feasible += cand.height
        if cand.height == 0:
            continue
        money = candidate_benefits(cand, factors, fuels)
        keep = ["cid", "s", "supply_stream", "demand_stream", "s_firm", "d_firm", "s_park", "d_park", "s_class"]
        keep += ["d_class", "rule", "distance_km", "amount", "coverage_demand", "status"]
        cols = ["cid", *[c for c in NATIONAL_COLUMNS if c in money.columns]]
        best = (
            cand.select(keep)
            .join(money.select(cols), on="cid")
            .filter(pl.col("net_benefit_mid") > 0)
            .sort("net_benefit_mid", descending=True)
            .group_by("s", maintain_order=True)
            .head(top_k)
        )
        renamed = best.rename(
            {"s_firm": "supplier", "d_firm": "receiver", "s_class": "resource_class", "d_class": "demand_class"}
        )
        kept.append(renamed.select(NATIONAL_COLUMNS))
    out = pl.concat(kept) if kept else pl.DataFrame(schema=dict.fromkeys(NATIONAL_COLUMNS, pl.Float64))
    out = out.sort("net_benefit_mid", descending=True)
    stats = {
        "streams": streams.height,
        "candidate_pairs": pairs.height,
        "feasible_pairs": feasible,
        "kept": out.height,
        "seconds_candidates": t_pairs,
        "seconds_total": time.perf_counter() - clock,
    }
    return out, stats

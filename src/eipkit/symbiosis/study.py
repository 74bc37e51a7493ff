"""Running a matching study: classify, generate candidates, check, cost, rank, select, track.

:class:`MatchStudy` only holds the inputs and calls the pure steps in order
(:func:`park_streams`, :func:`candidate_pairs`, :func:`assess_candidates`,
:func:`candidate_benefits`, :func:`tracked_status`, :func:`select_opportunities`,
:func:`pool_opportunities`); :func:`match_park` is the one-call form.

>>> from eipkit.datasets import demo_park
>>> result = match_park(demo_park(), select=False)
>>> result.opportunities.height > 10
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

import polars as pl

from eipkit.park import Park
from eipkit.symbiosis.benefits import candidate_benefits, receiver_fuels
from eipkit.symbiosis.candidates import candidate_pairs, rule_reach
from eipkit.symbiosis.factors import symbiosis_factors
from eipkit.symbiosis.feasibility import STATUS, assess_candidates
from eipkit.symbiosis.knowledge import KnowledgeBase, knowledge_base
from eipkit.symbiosis.pooling import pool_opportunities
from eipkit.symbiosis.reasons import flag_text, infeasible_reason, opportunity_reason
from eipkit.symbiosis.results import OPPORTUNITY_COLUMNS, MatchResult
from eipkit.symbiosis.select import select_opportunities
from eipkit.symbiosis.streams import check_unique_streams, park_qualities, park_streams
from eipkit.symbiosis.tracking import stream_fingerprints, tracked_status
from eipkit.units import CANONICAL_UNITS
from eipkit.vocab import label

__all__ = ["MatchStudy", "match_park"]

_LANGS = ("en", "vi")


def _barriers(c: pl.DataFrame) -> pl.Expr:
    items = [
        pl.when(pl.col("s_hazardous")).then(pl.lit("regulatory")),
        pl.when((pl.col("s_category") == "waste") & pl.col("effect").is_in(["material", "feed", "fuel"])).then(
            pl.lit("by_product_status")
        ),
        pl.when(pl.col("investment_mid") > 0).then(pl.lit("capital")),
        pl.when((pl.col("scope") != "park") | (pl.col("distance_km") > 10)).then(pl.lit("distance")),
        pl.when(pl.col("chk_quality").is_in([1, 2])).then(pl.lit("quality")),
        pl.when(pl.col("chk_quantity") == 2).then(pl.lit("quantity")),
    ]
    return pl.concat_list(items).list.drop_nulls()


def _flags(c: pl.DataFrame) -> pl.Expr:
    extra = [
        pl.when(pl.min_horizontal("s_class_confidence", "d_class_confidence") < 1).then(pl.lit("class_inferred")),
        pl.when(pl.col("chk_quantity") == 2).then(pl.lit("small_lot")),
        pl.when(pl.col("chk_timing") == 2).then(pl.lit("coincident_hours")),
        pl.when(pl.col("tracking") == "reopened").then(pl.lit("reopened")),
    ]
    return pl.concat_list([pl.col("money_flags"), pl.concat_list(extra).list.drop_nulls()])


class MatchStudy:
    """A symbiosis matching study of one park, with its city and neighbouring parks.

    Parameters
    ----------
    park : Park
        The park studied; its tenants, operator and external partners are matched.
    radius_km : float
        Transport radius [km] for trucks; pipelines reach less (``factors.yaml``).
    city : Park, optional
        City actors (municipal waste, sewage sludge, reclaimed water, district heat) as a park
        file; its firms get the scope ``city``.
    partners : sequence of Park
        Other parks whose firms may exchange with this park (scope ``external``).
    assumptions : mapping, optional
        Overrides of factors and assumptions by name (:func:`symbiosis_factors`).
    min_coverage : float
        Share of a receiver's input below which a match is flagged as a small lot.
    select : bool
        Run the selection MILP.
    time_limit, relative_gap : float
        Solver time limit [s] and relative gap of the selection.
    kb : KnowledgeBase, optional
        Knowledge base (default: the shipped one).
    """

    def __init__(
        self,
        park: Park,
        radius_km: float = 30.0,
        city: Park | None = None,
        partners: Sequence[Park] = (),
        assumptions: Mapping[str, float] | None = None,
        min_coverage: float = 0.01,
        select: bool = True,
        time_limit: float = 10.0,
        relative_gap: float = 1e-3,
        kb: KnowledgeBase | None = None,
    ) -> None:
        if not radius_km > 0:
            raise ValueError(f"radius_km must be positive, got {radius_km}")
        self.park = park
        self.radius_km = float(radius_km)
        self.city = city
        self.partners = tuple(partners)
        self.factors = symbiosis_factors(assumptions)
        self.min_coverage = min_coverage
        self.select = select
        self.time_limit = time_limit
        self.relative_gap = relative_gap
        self.kb = kb or knowledge_base()

    def __repr__(self) -> str:
        return f"<MatchStudy '{self.park.id}' radius {self.radius_km:g} km, {len(self.partners)} partner parks>"

    def _streams(self) -> tuple[pl.DataFrame, pl.DataFrame, dict[str, str]]:
        parts = [(self.park, None)] + ([(self.city, "city")] if self.city is not None else [])
        parts += [(p, "external") for p in self.partners]
        frames, infos, prints = [], [], {}
        for park, scope in parts:
            frame, info = park_streams(park, scope, "en", self.kb)
            frames.append(frame)
            infos.append(info.with_columns(pl.lit(park.id).alias("park")))
            prints.update(stream_fingerprints(park))
        streams = pl.concat(frames)
        check_unique_streams(streams)
        firms = streams.select("park", "firm").unique().group_by("firm").len().filter(pl.col("len") > 1)
        if firms.height:
            raise ValueError(
                f"firm ids {firms.get_column('firm').to_list()[:5]} appear in several parks; "
                "give each park's firms distinct ids"
            )
        return streams, pl.concat(infos), prints

    def run(self) -> MatchResult:
        """Run every step and return the :class:`MatchResult`."""
        kb, factors = self.kb, self.factors
        streams, info, prints = self._streams()
        parks = [self.park, *([self.city] if self.city is not None else []), *self.partners]
        qualities = park_qualities(parks)
        pairs = candidate_pairs(streams, kb.class_pairs(), rule_reach(kb, factors, self.radius_km), self.radius_km)
        cand, quality = assess_candidates(pairs, streams, qualities, kb, factors, self.min_coverage)
        money = candidate_benefits(cand, factors, receiver_fuels(streams, factors, kb))
        track = tracked_status(cand, self.park.table("exchanges", derived=False), prints)
        scope = (
            pl.when((pl.col("s_scope") == "city") | (pl.col("d_scope") == "city"))
            .then(pl.lit("city"))
            .when((pl.col("s_scope") == "external") | (pl.col("d_scope") == "external"))
            .then(pl.lit("inter_park"))
            .otherwise(pl.lit("park"))
        )
        cand = cand.join(money, on="cid").join(track, on="cid").with_columns(scope.alias("scope"))
        cand = cand.with_columns(
            _barriers(cand).alias("barriers"),
            _flags(cand).alias("flags"),
            pl.when(pl.col("scope") == "inter_park").then(pl.lit("inter_park")).otherwise(pl.col("type")).alias("type"),
        )
        q_rows: dict[int, list[dict[str, object]]] = {}
        for row in quality.iter_rows(named=True):
            q_rows.setdefault(row["cid"], []).append(row)
        new = cand.filter(pl.col("feasible") & pl.col("tracking").is_in(["new", "reopened"]))
        new = new.sort(["net_benefit_mid", "co2e_mid"], descending=True)
        selection = None
        if self.select:
            selection = select_opportunities(
                new.select(
                    "cid",
                    "supply_stream",
                    "demand_stream",
                    "amount",
                    "factor",
                    "s_amount",
                    "d_amount",
                    "unit_margin",
                    "fixed_cost",
                ),
                self.time_limit,
                self.relative_gap,
            )
            new = new.join(selection.chosen, on="cid", how="left")
        else:
            new = new.with_columns(pl.lit(False).alias("selected"), pl.lit(0.0).alias("selected_amount"))
        opportunities = self._table(new, q_rows, feasible=True)
        infeasible = self._table(cand.filter(~pl.col("feasible")), q_rows, feasible=False)
        tracked = self._table(cand.filter(pl.col("tracking").is_in(["tracked", "suppressed"])), q_rows, feasible=True)
        tracked = tracked.join(
            cand.select(pl.col("cid"), "exchange", "exchange_status", "tracking_note"), on="cid"
        ).drop("cid")
        classification = info.select(
            "park",
            "id",
            "firm",
            "direction",
            "description",
            "class",
            "class_confidence",
            "class_method",
            "class_reason",
            "class_conflict",
        )
        unclassified = classification.filter(pl.col("class").is_null())
        prospects = self._prospects(streams, cand)
        return MatchResult(
            park=self.park.id,
            radius_km=self.radius_km,
            opportunities=opportunities.drop("cid"),
            tracked=tracked,
            infeasible=infeasible.drop("cid"),
            pools=pool_opportunities(streams, kb),
            prospects=prospects,
            unclassified=unclassified,
            classification=classification,
            quality=quality.join(cand.select("cid", "supply_stream", "demand_stream"), on="cid").drop("cid"),
            selection=selection,
            assumptions=factors.table().join(
                pl.DataFrame({"ref": list(kb.references), "source": [r["text"] for r in kb.references.values()]}),
                on="ref",
                how="left",
            ),
            references=kb.references,
        )

    def _table(self, c: pl.DataFrame, q_rows: dict[int, list[dict[str, object]]], feasible: bool) -> pl.DataFrame:
        """Shape assessed candidates into the result columns, with reasons in both languages."""
        kb = self.kb
        reasons: dict[str, list[str]] = {lang: [] for lang in _LANGS}
        for row in c.iter_rows(named=True):
            quality = q_rows.get(row["cid"], [])
            for lang in _LANGS:
                text = (
                    opportunity_reason(row, quality, kb, lang)
                    if feasible
                    else infeasible_reason(row, quality, kb, lang)
                )
                if feasible and row["flags"]:
                    flags = flag_text(row["flags"], lang)
                    text += " " + flags[:1].upper() + flags[1:] + "."
                reasons[lang].append(text)
        ids = [
            "SYM-" + hashlib.sha256(f"{s}|{d}".encode()).hexdigest()[:8]
            for s, d in c.select("supply_stream", "demand_stream").iter_rows()
        ]
        if "selected" not in c.columns:
            c = c.with_columns(
                pl.lit(None, pl.Boolean).alias("selected"), pl.lit(None, pl.Float64).alias("selected_amount")
            )
        out = c.with_columns(
            pl.int_range(1, pl.len() + 1).alias("rank"),
            pl.Series("id", ids, dtype=pl.String),
            pl.col("s_firm").alias("supplier"),
            pl.col("d_firm").alias("receiver"),
            pl.col("s_class").alias("resource_class"),
            pl.col("d_class").alias("demand_class"),
            pl.col("rule")
            .replace_strict({r.id: r.name.en for r in kb.rules.values()}, return_dtype=pl.String)
            .alias("rule_name"),
            pl.col("status").replace_strict(STATUS, return_dtype=pl.String),
            pl.col("s_amount_kind").replace_strict(CANONICAL_UNITS, default=None, return_dtype=pl.String).alias("unit"),
            pl.col("d_amount_kind")
            .replace_strict(CANONICAL_UNITS, default=None, return_dtype=pl.String)
            .alias("receiver_unit"),
            pl.min_horizontal("s_class_confidence", "d_class_confidence").alias("class_confidence"),
            pl.col("flags").map_elements(lambda k: flag_text(list(k), "en"), return_dtype=pl.String).alias("flags_text")
            if c.height
            else pl.lit(None, pl.String).alias("flags_text"),
            pl.Series("reason_en", reasons["en"], dtype=pl.String),
            pl.Series("reason_vi", reasons["vi"], dtype=pl.String),
        )
        return out.select("cid", *OPPORTUNITY_COLUMNS)

    def _prospects(self, streams: pl.DataFrame, cand: pl.DataFrame) -> pl.DataFrame:
        """Supplies of the park with no feasible receiver, with the sectors that typically use them."""
        served = cand.filter(pl.col("feasible")).select(pl.col("supply_stream").alias("stream")).unique()
        tried = cand.group_by(pl.col("supply_stream").alias("stream")).len().rename({"len": "candidates"})
        sup = streams.filter(
            (pl.col("direction") == "out")
            & (pl.col("scope") == "park")
            & pl.col("class").is_not_null()
            & pl.col("category").is_in(["waste", "by_product", "heat", "water"])
            & (pl.col("destination").is_null() | ~pl.col("destination").is_in(["onsite_reuse", "sold", "recycler"]))
        ).join(served, on="stream", how="anti")
        users = {c: ", ".join(label("sectors", s, "en") for s in i.users) for c, i in self.kb.info.items()}
        users_vi = {c: ", ".join(label("sectors", s, "vi") for s in i.users) for c, i in self.kb.info.items()}
        return (
            sup.join(tried, on="stream", how="left")
            .select(
                "firm",
                "stream",
                pl.col("class").alias("resource_class"),
                "amount",
                pl.col("amount_kind")
                .replace_strict(CANONICAL_UNITS, default=None, return_dtype=pl.String)
                .alias("unit"),
                "destination",
                pl.col("candidates").fill_null(0),
                pl.col("class").replace_strict(users, default="", return_dtype=pl.String).alias("typical_users"),
                pl.col("class").replace_strict(users_vi, default="", return_dtype=pl.String).alias("typical_users_vi"),
            )
            .sort("amount", descending=True)
        )


def match_park(
    park: Park,
    radius_km: float = 30.0,
    city: Park | None = None,
    partners: Sequence[Park] = (),
    assumptions: Mapping[str, float] | None = None,
    min_coverage: float = 0.01,
    select: bool = True,
    time_limit: float = 10.0,
    relative_gap: float = 1e-3,
) -> MatchResult:
    """Find, check, cost and rank the symbiosis opportunities of a park.

    Parameters are those of :class:`MatchStudy`; returns its :class:`MatchResult`.
    """
    return MatchStudy(
        park, radius_km, city, partners, assumptions, min_coverage, select, time_limit, relative_gap
    ).run()

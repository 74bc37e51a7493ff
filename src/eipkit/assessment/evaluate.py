"""Evaluate criteria catalogues against computed indicators: results, verdicts and category summaries.

All parks, frameworks and criteria are scored in a few polars joins (no loop over parks):

1. the conditions of every criterion (main condition plus ``also``) are crossed with the parks
   (or, for ``scope: firm`` criteria, with the operating tenants) and joined to the indicators;
2. each condition is scored with :func:`~eipkit.assessment.scoring.condition_status` and its gap
   with :func:`~eipkit.assessment.scoring.gap_value`;
3. conditions combine into one result per criterion; ``applies_if`` turns criteria that do not
   concern the park into ``not_applicable``; ``depends_on`` (the greenfield deadline of Decree
   35/2022 Art. 38) is met once the criteria it lists are met;
4. a verdict per park and framework is drawn from the verdict criteria (see
   :attr:`Framework.verdict_ids`), counting only criteria that are scored: never those with an
   unverified threshold, never those of low confidence (shown as *indicative*).

Verdicts: ``meets``; ``does_not_meet``; ``greenfield_window`` (a new EIP inside its 8-year window,
with criteria still open and the deadline); ``insufficient_data``; ``indicative_only`` (nothing
scorable).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from eipkit.assessment._stack import ParkStack
from eipkit.assessment.catalogue import Framework
from eipkit.assessment.indicators import compute_indicators, indicator_spec
from eipkit.assessment.scoring import combine_statuses, condition_status, gap_value

__all__ = ["Evaluation", "conditions_table", "criteria_table", "evaluate"]

_EMPTY = pl.lit([], dtype=pl.List(pl.String))
_VERDICTS = ("meets", "does_not_meet", "greenfield_window", "insufficient_data", "indicative_only")


def criteria_table(frameworks: Sequence[Framework]) -> pl.DataFrame:
    """One row per criterion of ``frameworks`` with the fields the evaluation needs, in catalogue order."""
    rows = []
    for fw in frameworks:
        verdict = set(fw.verdict_ids)
        for order, c in enumerate(fw.criteria):
            rows.append(
                {
                    "framework": fw.id,
                    "criterion": c.id,
                    "order": order,
                    "category": c.category,
                    "kind": c.kind,
                    "confidence": c.confidence,
                    "scope": c.scope,
                    "unit": c.unit,
                    "in_verdict": c.id in verdict,
                    "depends_on": list(c.depends_on),
                }
            )
    return pl.DataFrame(
        rows,
        schema={
            "framework": pl.String,
            "criterion": pl.String,
            "order": pl.Int64,
            "category": pl.String,
            "kind": pl.String,
            "confidence": pl.String,
            "scope": pl.String,
            "unit": pl.String,
            "in_verdict": pl.Boolean,
            "depends_on": pl.List(pl.String),
        },
    )


def conditions_table(frameworks: Sequence[Framework]) -> pl.DataFrame:
    """One row per condition (``cond`` 0 is the main one) of every criterion of ``frameworks``."""
    rows = []
    for fw in frameworks:
        for c in fw.criteria:
            for i, cond in enumerate(c.conditions):
                spec = indicator_spec(cond.indicator)
                rows.append(
                    {
                        "framework": fw.id,
                        "criterion": c.id,
                        "cond": i,
                        "scope": c.scope,
                        "indicator": cond.indicator,
                        "level": spec.level,
                        "kind": spec.kind,
                        "gap": spec.gap,
                        "comparator": cond.comparator,
                        "threshold": cond.threshold,
                        "threshold_status": cond.threshold_status,
                        "candidate_threshold": cond.candidate_threshold,
                    }
                )
    return pl.DataFrame(
        rows,
        schema={
            "framework": pl.String,
            "criterion": pl.String,
            "cond": pl.Int64,
            "scope": pl.String,
            "indicator": pl.String,
            "level": pl.String,
            "kind": pl.String,
            "gap": pl.String,
            "comparator": pl.String,
            "threshold": pl.Float64,
            "threshold_status": pl.String,
            "candidate_threshold": pl.Float64,
        },
    )


@dataclass(frozen=True)
class Evaluation:
    """Everything an evaluation produces, as tables keyed by ``park`` (and ``entity`` for firms).

    Attributes
    ----------
    indicators : polars.DataFrame
        The computed indicators (:func:`~eipkit.assessment.compute_indicators`).
    conditions : polars.DataFrame
        One row per park (or firm), criterion and condition: value, threshold, ``status``,
        ``gap_value``, evidence and missing inputs.
    criteria : polars.DataFrame
        One row per park (or firm) and criterion: ``status``, ``indicative``, ``scored``,
        ``deadline``, ``open`` (criteria a deadline still waits for).
    verdicts : polars.DataFrame
        One row per park and framework: ``verdict`` and counts.
    categories : polars.DataFrame
        One row per park, framework and category: counts per result.
    """

    indicators: pl.DataFrame
    conditions: pl.DataFrame
    criteria: pl.DataFrame
    verdicts: pl.DataFrame
    categories: pl.DataFrame


def _tenants(stack: ParkStack) -> pl.DataFrame:
    firms = stack.firms.filter((pl.col("role") == "tenant") & (pl.col("status") == "operating"))
    return firms.select("park", pl.col("id").alias("entity"))


def _join_conditions(stack: ParkStack, conds: pl.DataFrame, ind: pl.DataFrame) -> pl.DataFrame:
    ind_park = ind.filter(pl.col("entity") == pl.col("park")).drop("entity")
    parks = stack.parks.select("park", pl.col("park").alias("entity"))
    park_c = parks.join(conds.filter(pl.col("scope") == "park"), how="cross").join(
        ind_park, on=["park", "indicator"], how="left"
    )
    frames = [park_c]
    firm_c = conds.filter(pl.col("scope") == "firm")
    if firm_c.height:
        tenants = _tenants(stack)
        per_firm = tenants.join(firm_c.filter(pl.col("level") == "firm"), how="cross").join(
            ind, on=["park", "entity", "indicator"], how="left"
        )
        per_park = tenants.join(firm_c.filter(pl.col("level") == "park"), how="cross").join(
            ind_park, on=["park", "indicator"], how="left"
        )
        frames += [per_firm.select(park_c.columns), per_park.select(park_c.columns)]
    return pl.concat(frames, how="vertical_relaxed")


def _applies(stack: ParkStack, frameworks: Sequence[Framework]) -> pl.DataFrame:
    """``park``, ``framework``, ``criterion`` of criteria that do NOT apply to the park (``applies_if``)."""
    frames = []
    for fw in frameworks:
        for c in fw.criteria:
            if not c.applies_if:
                continue
            cond = pl.all_horizontal([pl.col(k).is_in(v) for k, v in c.applies_if.items()]).fill_null(False)
            frames.append(
                stack.parks.filter(~cond).select(
                    "park", pl.lit(fw.id).alias("framework"), pl.lit(c.id).alias("criterion")
                )
            )
    if not frames:
        return pl.DataFrame(schema={"park": pl.String, "framework": pl.String, "criterion": pl.String})
    return pl.concat(frames)


def _dependencies(crit: pl.DataFrame) -> pl.DataFrame:
    """Deadline criteria: met when their dependencies are met; ``open`` lists those still not met."""
    deps = crit.filter(pl.col("depends_on").list.len() > 0).select(
        "park", "entity", "framework", "criterion", pl.col("depends_on").alias("dep")
    )
    if deps.height == 0:
        return crit.with_columns(pl.lit([], dtype=pl.List(pl.String)).alias("open"))
    status = crit.select("park", "entity", "framework", pl.col("criterion").alias("dep"), pl.col("status").alias("s"))
    joined = deps.explode("dep").join(status, on=["park", "entity", "framework", "dep"], how="left")
    open_ = joined.group_by("park", "entity", "framework", "criterion").agg(
        pl.col("dep").filter(pl.col("s") != "met").sort().alias("open")
    )
    out = crit.join(open_, on=["park", "entity", "framework", "criterion"], how="left").with_columns(
        pl.col("open").fill_null(_EMPTY)
    )
    return out.with_columns(
        pl.when(
            (pl.col("depends_on").list.len() > 0)
            & (pl.col("open").list.len() == 0)
            & (pl.col("status") != "not_applicable")
        )
        .then(pl.lit("met"))
        .otherwise(pl.col("status"))
        .alias("status")
    )


def evaluate(stack: ParkStack, frameworks: Sequence[Framework], as_of: dt.date | None = None) -> Evaluation:
    """Evaluate ``frameworks`` for every park of ``stack``.

    Parameters
    ----------
    stack : ParkStack
        Parks from :func:`~eipkit.assessment.stack_parks`.
    frameworks : sequence of Framework
        Catalogues from :func:`~eipkit.assessment.load_framework`.
    as_of : datetime.date, optional
        Assessment (registration) date; default today.

    Returns
    -------
    Evaluation
    """
    as_of = as_of or dt.date.today()
    conds = conditions_table(frameworks)
    ind = compute_indicators(stack, as_of, conds.get_column("indicator").unique(maintain_order=True).to_list())
    c = _join_conditions(stack, conds, ind).with_columns(
        pl.col("complete").fill_null(False),
        *(pl.col(n).fill_null(_EMPTY) for n in ("missing", "evidence", "others", "notes")),
    )
    c = c.with_columns(
        condition_status(
            pl.col("value"), pl.col("threshold"), pl.col("comparator"), pl.col("threshold_status"), pl.col("complete")
        ).alias("status"),
    ).with_columns(
        pl.when(pl.col("status") == "not_met")
        .then(
            gap_value(
                pl.col("gap"),
                pl.col("value"),
                pl.col("numerator"),
                pl.col("denominator"),
                pl.col("threshold"),
                pl.col("others"),
            )
        )
        .otherwise(None)
        .alias("gap_value"),
        pl.when(pl.col("kind") == "years")
        .then(pl.col("date").dt.offset_by(pl.format("{}y", pl.col("threshold").cast(pl.Int64))))
        .otherwise(None)
        .alias("deadline"),
    )
    keys = ["park", "entity", "framework", "criterion"]
    status = c.group_by(keys).agg(combine_statuses(pl.col("status")))
    main = c.filter(pl.col("cond") == 0).drop("status", "cond", "scope", "level", "gap", "kind")
    crit = (
        criteria_table(frameworks)
        .join(main, on=["framework", "criterion"], how="left")
        .join(status, on=keys, how="left")
    )
    skip = _applies(stack, frameworks).with_columns(pl.lit(True).alias("_na"))
    crit = (
        crit.join(skip, on=["park", "framework", "criterion"], how="left")
        .with_columns(
            pl.when(pl.col("_na").fill_null(False)).then(pl.lit("not_applicable")).otherwise("status").alias("status")
        )
        .drop("_na")
    )
    crit = _dependencies(crit)
    crit = (
        crit.with_columns(
            (pl.col("confidence") == "low").alias("indicative"),
        )
        .with_columns((pl.col("status").is_in(["met", "not_met"]) & ~pl.col("indicative")).alias("scored"))
        .sort("park", "entity", "framework", "order")
    )
    c = (
        c.join(skip, on=["park", "framework", "criterion"], how="left")
        .with_columns(
            pl.when(pl.col("_na").fill_null(False)).then(pl.lit("not_applicable")).otherwise("status").alias("status")
        )
        .drop("_na")
    )
    return Evaluation(
        indicators=ind,
        conditions=c.sort("park", "entity", "framework", "criterion", "cond"),
        criteria=crit,
        verdicts=_verdicts(crit, frameworks, as_of),
        categories=_categories(crit),
    )


def _counts() -> list[pl.Expr]:
    s, ind = pl.col("status"), pl.col("indicative")
    return [
        ((s == "met") & ~ind).sum().alias("met"),
        ((s == "not_met") & ~ind).sum().alias("not_met"),
        ((s == "insufficient_data") & ~ind).sum().alias("insufficient_data"),
        (s == "threshold_unverified").sum().alias("threshold_unverified"),
        (ind & s.is_in(["met", "not_met", "insufficient_data"])).sum().alias("indicative"),
        (s == "not_applicable").sum().alias("not_applicable"),
        pl.len().alias("criteria"),
    ]


def _verdicts(crit: pl.DataFrame, frameworks: Sequence[Framework], as_of: dt.date) -> pl.DataFrame:
    v = crit.filter(pl.col("in_verdict") & (pl.col("scope") == "park"))
    window = (pl.col("depends_on").list.len() > 0) & (pl.col("status") == "met") & (pl.col("open").list.len() > 0)
    agg = v.group_by("park", "framework").agg(
        *_counts(),
        window.any().alias("_window"),
        pl.col("deadline")
        .filter((pl.col("depends_on").list.len() > 0) & (pl.col("status") != "not_applicable"))
        .max()
        .alias("deadline"),
    )
    in_force = pl.DataFrame(
        {
            "framework": [fw.id for fw in frameworks],
            "in_force": [
                (fw.valid_from is None or fw.valid_from <= as_of) and (fw.valid_to is None or as_of <= fw.valid_to)
                for fw in frameworks
            ],
        }
    )
    verdict = (
        pl.when((pl.col("not_met") > 0) & pl.col("_window"))
        .then(pl.lit("greenfield_window"))
        .when(pl.col("not_met") > 0)
        .then(pl.lit("does_not_meet"))
        .when(pl.col("insufficient_data") > 0)
        .then(pl.lit("insufficient_data"))
        .when(pl.col("met") == 0)
        .then(pl.lit("indicative_only"))
        .otherwise(pl.lit("meets"))
    )
    order = {fw.id: i for i, fw in enumerate(frameworks)}
    return (
        agg.with_columns(verdict.alias("verdict"))
        .join(in_force, on="framework", how="left")
        .with_columns(pl.col("framework").replace_strict(order, return_dtype=pl.Int64).alias("_o"))
        .sort("park", "_o")
        .select(
            "park",
            "framework",
            "verdict",
            "in_force",
            "deadline",
            "met",
            "not_met",
            "insufficient_data",
            "threshold_unverified",
            "indicative",
            "not_applicable",
            "criteria",
        )
    )


def _categories(crit: pl.DataFrame) -> pl.DataFrame:
    park = crit.filter(pl.col("scope") == "park")
    return (
        park.group_by("park", "framework", "category", maintain_order=True)
        .agg(*_counts(), pl.col("order").min().alias("_o"))
        .sort("park", "framework", "_o")
        .drop("_o")
    )

r"""Indicators read from the facts table (yes/no with evidence) and from park dates.

A park fact is looked up for the park id (``facts.entity``). A fact that is not recorded makes
the indicator incomplete (``missing = ["facts:<key>"]``): a criterion is never passed or failed
on an absent fact. A fact recorded as true without a document is counted, with the note
``no_document``. Ages are in calendar years up to the assessment date :math:`d`:

.. math:: a = n + \frac{d - A_n}{A_{n+1} - A_n}

where :math:`n` is the number of whole years since the start date and :math:`A_n` its
:math:`n`-th anniversary, so an age is exactly 7 on the seventh anniversary.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from eipkit.assessment._ind_common import Compute, Context, finish

__all__ = ["annual_report", "calendar_years", "fact_age", "fact_indicator", "years_since_establishment"]

_EMPTY = pl.lit([], dtype=pl.List(pl.String))


def calendar_years(start: pl.Expr, end: dt.date) -> pl.Expr:
    """Years from ``start`` (a date column) to ``end`` in calendar years (see the module docstring)."""
    before = (pl.lit(end.month) < start.dt.month()) | (
        (pl.lit(end.month) == start.dt.month()) & (pl.lit(end.day) < start.dt.day())
    )
    whole = pl.lit(end.year) - start.dt.year().cast(pl.Int32) - before.cast(pl.Int32)
    anniversary = start.dt.offset_by(pl.format("{}y", whole))
    following = start.dt.offset_by(pl.format("{}y", whole + 1))
    frac = (pl.lit(end) - anniversary).dt.total_days() / (following - anniversary).dt.total_days()
    return whole.cast(pl.Float64) + frac


def _park_fact(ctx: Context, fact: str) -> pl.DataFrame:
    f = ctx.park_facts.filter(pl.col("fact") == fact)
    return ctx.with_all_parks(f.select("park", "value", "document", "date").unique("park", keep="first"))


def fact_indicator(fact: str) -> Compute:
    """Return an indicator function: park fact ``fact`` as yes (1) / no (0), with its evidence."""

    def compute(ctx: Context, key: str) -> pl.DataFrame:
        f = _park_fact(ctx, fact)
        known = pl.col("value").is_not_null()
        out = f.with_columns(
            pl.col("value").cast(pl.Float64).alias("value"),
            known.alias("complete"),
            pl.when(known).then(_EMPTY).otherwise(pl.lit([f"facts:{fact}"])).alias("missing"),
            pl.when(pl.col("value").fill_null(False) & pl.col("document").is_null())
            .then(pl.lit(["no_document"]))
            .otherwise(_EMPTY)
            .alias("notes"),
            pl.when(pl.col("document").is_not_null())
            .then(pl.concat_list(pl.col("document")))
            .otherwise(_EMPTY)
            .alias("evidence"),
            pl.col("park").alias("entity"),
        )
        return finish(out, key)

    return compute


def annual_report(fact: str) -> Compute:
    """Return an indicator function: reports per year from fact ``fact`` (1 if true and dated within a year).

    A true fact whose date is more than 366 days before the assessment date counts 0 (note
    ``outdated``); a true fact without a date is incomplete (``facts:<key>.date``).
    """

    def compute(ctx: Context, key: str) -> pl.DataFrame:
        f = _park_fact(ctx, fact)
        age = (pl.lit(ctx.as_of) - pl.col("date")).dt.total_days()
        yes = pl.col("value").fill_null(False)
        dated = pl.col("date").is_not_null()
        recent = age <= 366
        out = f.with_columns(
            pl.when(pl.col("value").is_null())
            .then(None)
            .when(~yes)
            .then(0.0)
            .when(dated)
            .then(pl.when(recent).then(1.0).otherwise(0.0))
            .otherwise(None)
            .alias("value"),
            pl.when(pl.col("value").is_null())
            .then(pl.lit([f"facts:{fact}"]))
            .when(yes & ~dated)
            .then(pl.lit([f"facts:{fact}.date"]))
            .otherwise(_EMPTY)
            .alias("missing"),
            pl.when(yes & dated & ~recent.fill_null(True)).then(pl.lit(["outdated"])).otherwise(_EMPTY).alias("notes"),
            pl.when(pl.col("document").is_not_null())
            .then(pl.concat_list(pl.col("document")))
            .otherwise(_EMPTY)
            .alias("evidence"),
            pl.col("park").alias("entity"),
        )
        return finish(out.with_columns((pl.col("missing").list.len() == 0).alias("complete")), key)

    return compute


def fact_age(fact: str) -> Compute:
    """Return an indicator function: years since the document of park fact ``fact`` (when the fact holds).

    When the fact is false there is nothing to age (no value, note ``absent``); the criterion
    using it pairs it with the fact itself, which then fails.
    """

    def compute(ctx: Context, key: str) -> pl.DataFrame:
        f = _park_fact(ctx, fact)
        yes = pl.col("value").fill_null(False)
        age = calendar_years(pl.col("date"), ctx.as_of)
        out = f.with_columns(
            pl.when(yes).then(age).otherwise(None).alias("value"),
            pl.when(pl.col("value").is_null())
            .then(pl.lit([f"facts:{fact}"]))
            .when(yes & pl.col("date").is_null())
            .then(pl.lit([f"facts:{fact}.date"]))
            .otherwise(_EMPTY)
            .alias("missing"),
            pl.when(pl.col("value") == False).then(pl.lit(["absent"])).otherwise(_EMPTY).alias("notes"),  # noqa: E712
            pl.when(pl.col("document").is_not_null())
            .then(pl.concat_list(pl.col("document")))
            .otherwise(_EMPTY)
            .alias("evidence"),
            pl.col("park").alias("entity"),
        )
        complete = (pl.col("missing").list.len() == 0) & pl.col("value").is_not_null()
        return finish(out.with_columns(complete.alias("complete")), key)

    return compute


def years_since_establishment(ctx: Context, key: str) -> pl.DataFrame:
    """Years from the park's establishment decision (``park.established``) to the assessment date."""
    p = ctx.parks
    known = pl.col("established").is_not_null()
    out = p.select(
        "park",
        pl.col("park").alias("entity"),
        calendar_years(pl.col("established"), ctx.as_of).alias("value"),
        known.alias("complete"),
        pl.when(known).then(_EMPTY).otherwise(pl.lit(["park:established"])).alias("missing"),
        pl.col("established").alias("date"),
    )
    return finish(out, key)

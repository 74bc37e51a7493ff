"""Quality comparison of candidate pairs: supply values against receiver limits and rule defaults.

For each parameter the receiver limits (``qualities`` rows of its demand stream with bound
``max`` or ``min``) or, where it states none, each default condition of the pairing rule, the
supply's measured value (``bound`` = ``value``) is compared, or the value the rule's processing
reaches (``treated``, e.g. CO2 purified to 99.95 %). Status codes as in
:mod:`eipkit.symbiosis.feasibility`: 3 pass, 2 warn (a rule default exceeded, severity warn),
1 unknown (receiver limit, no supply value: test needed), 0 fail. Rule defaults are only
checked when the supply has a value.
"""

from __future__ import annotations

import polars as pl

from eipkit.symbiosis.knowledge import KnowledgeBase

__all__ = ["quality_table"]

_FAIL, _UNKNOWN, _WARN, _PASS = 0, 1, 2, 3


def quality_table(candidates: pl.DataFrame, qualities: pl.DataFrame, kb: KnowledgeBase) -> pl.DataFrame:
    """Compare supply values with receiver limits and rule defaults, one row per candidate and parameter.

    Parameters
    ----------
    candidates : polars.DataFrame
        ``cid``, ``supply_stream``, ``demand_stream``, ``rule``.
    qualities : polars.DataFrame
        ``stream``, ``parameter``, ``value`` (canonical unit), ``bound`` (value, max, min).
    kb : KnowledgeBase
        For the rules' default conditions and processing results.

    Returns
    -------
    polars.DataFrame
        ``cid``, ``parameter``, ``limit``, ``bound``, ``source`` (receiver or a reference key),
        ``value``, ``treated`` (value after processing), ``status`` (0-3).
    """
    limits = qualities.filter(pl.col("bound").is_in(["max", "min"])).select(
        pl.col("stream").alias("demand_stream"), "parameter", pl.col("value").alias("limit"), "bound"
    )
    values = qualities.filter(pl.col("bound") == "value").group_by("stream", "parameter").agg(pl.col("value").max())
    base = candidates.select("cid", "supply_stream", "demand_stream", "rule")
    own = base.join(limits, on="demand_stream", how="inner").with_columns(
        pl.lit("receiver").alias("source"), pl.lit("fail").alias("severity")
    )
    defaults = [
        {
            "rule": r.id,
            "parameter": c.parameter,
            "limit": c.max if c.max is not None else c.min,
            "bound": "max" if c.max is not None else "min",
            "source": c.ref,
            "severity": c.severity,
        }
        for r in kb.rules.values()
        for c in r.quality
    ]
    treated = [{"rule": r.id, "parameter": p, "treated": v} for r in kb.rules.values() for p, v in r.treated.items()]
    schema = {
        "rule": pl.String,
        "parameter": pl.String,
        "limit": pl.Float64,
        "bound": pl.String,
        "source": pl.String,
        "severity": pl.String,
    }
    rule_limits = base.join(pl.DataFrame(defaults, schema=schema), on="rule", how="inner").join(
        own.select("cid", "parameter"), on=["cid", "parameter"], how="anti"
    )
    checks = pl.concat([own, rule_limits.select(own.columns)], how="vertical_relaxed")
    checks = checks.join(
        values.rename({"stream": "supply_stream"}), on=["supply_stream", "parameter"], how="left"
    ).join(
        pl.DataFrame(treated, schema={"rule": pl.String, "parameter": pl.String, "treated": pl.Float64}),
        on=["rule", "parameter"],
        how="left",
    )
    used = pl.coalesce("treated", "value")
    checks = checks.filter((pl.col("source") == "receiver") | used.is_not_null())
    ok = pl.when(pl.col("bound") == "max").then(used <= pl.col("limit")).otherwise(used >= pl.col("limit"))
    status = (
        pl.when(used.is_null())
        .then(pl.lit(_UNKNOWN))
        .when(ok)
        .then(pl.lit(_PASS))
        .when(pl.col("severity") == "warn")
        .then(pl.lit(_WARN))
        .otherwise(pl.lit(_FAIL))
    )
    return (
        checks.with_columns(status.cast(pl.Int8).alias("status"))
        .select("cid", "parameter", "limit", "bound", "source", "value", "treated", "status")
        .sort("cid", "parameter")
    )

r"""Pooling: firms that buy the same input, or dispose of the same waste, acting together.

For each pooling rule (``rules.yaml``, section ``pooling``) and each class flagged for it in
``classes.yaml`` (``pool: purchase`` or ``pool: waste``), the streams of the park's own firms
(tenants and operator; partners elsewhere are not pooled) with the rule's direction and current
destination are grouped by class. A group of at least two firms is a pool with

.. math:: A = \sum_i A_i, \qquad C = \sum_i \max(0, p_i A_i), \qquad
          S_{low,mid,high} = \sigma_{low,mid,high}\,C

the total amount, what the firms pay for it now [VND/a] and the saving range from a joint
contract (share :math:`\sigma` of the spend; an eipkit assumption, confidence L). Pooled small
lots also reach the minimum lot of receivers (kilns, recyclers) that single firms miss.
Reference: Chertow (2000) joint provision of services; NISP and UNIDO EIP practice.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from eipkit.i18n import t
from eipkit.symbiosis.knowledge import KnowledgeBase
from eipkit.symbiosis.reasons import fmt
from eipkit.units import CANONICAL_UNITS
from eipkit.vocab import label

__all__ = ["pool_opportunities"]


def pool_opportunities(streams: pl.DataFrame, kb: KnowledgeBase, lang: str = "en", min_firms: int = 2) -> pl.DataFrame:
    """Return joint purchasing and joint waste-handling pools of a stream table.

    Parameters
    ----------
    streams : polars.DataFrame
        Stream table (:data:`eipkit.symbiosis.streams.STREAM_COLUMNS`).
    kb : KnowledgeBase
        Pooling rules and class flags.
    lang : str
        Language of the ``reason``.
    min_firms : int
        Smallest number of firms that makes a pool.

    Returns
    -------
    polars.DataFrame
        ``id``, ``rule``, ``park``, ``resource_class``, ``amount_kind``, ``firms`` (list),
        ``n_firms``, ``amount``, ``annual_cost`` [VND/a], ``saving_low``/``mid``/``high``
        [VND/a], ``reason``; sorted by central saving.
    """
    frames = []
    for rule in kb.pools.values():
        classes = [c for c, info in kb.info.items() if rule.pool in info.pool]
        if not classes:
            continue
        low, mid, high = rule.saving_share
        grouped = (
            streams.filter(
                (pl.col("scope") == "park")
                & (pl.col("direction") == rule.direction)
                & pl.col("class").is_in(classes)
                & pl.col("destination").is_in(list(rule.destinations))
                & (pl.col("amount") > 0)
            )
            .group_by("park", "class", "amount_kind")
            .agg(
                pl.col("firm").unique().sort().alias("firms"),
                pl.col("amount").sum(),
                (pl.col("price").fill_null(0.0).clip(lower_bound=0.0) * pl.col("amount")).sum().alias("annual_cost"),
            )
            .with_columns(pl.col("firms").list.len().alias("n_firms"))
            .filter(pl.col("n_firms") >= min_firms)
            .with_columns(
                pl.lit(rule.id).alias("rule"),
                (pl.col("annual_cost") * low).alias("saving_low"),
                (pl.col("annual_cost") * mid).alias("saving_mid"),
                (pl.col("annual_cost") * high).alias("saving_high"),
            )
        )
        frames.append(grouped)
    schema: dict[str, Any] = {
        "id": pl.String,
        "rule": pl.String,
        "park": pl.String,
        "resource_class": pl.String,
        "amount_kind": pl.String,
        "firms": pl.List(pl.String),
        "n_firms": pl.UInt32,
        "amount": pl.Float64,
        "annual_cost": pl.Float64,
        "saving_low": pl.Float64,
        "saving_mid": pl.Float64,
        "saving_high": pl.Float64,
        "reason": pl.String,
    }
    if not frames:
        return pl.DataFrame(schema=schema)
    pools = pl.concat(frames).rename({"class": "resource_class"}).sort(["saving_mid", "amount"], descending=True)
    reasons, ids = [], []
    for row in pools.iter_rows(named=True):
        rule = kb.pools[row["rule"]]
        ids.append(f"POOL_{row['rule'].upper()}_{row['park']}_{row['resource_class']}")
        reasons.append(
            t(
                "symbiosis.pool.reason",
                lang,
                rule=getattr(rule.name, lang),
                cls=label("resource_classes", row["resource_class"], lang),
                n=row["n_firms"],
                amount=fmt(row["amount"], lang),
                unit=CANONICAL_UNITS.get(row["amount_kind"] or "", ""),
                cost=fmt(row["annual_cost"] / 1e6, lang),
                low=fmt(row["saving_low"] / 1e6, lang),
                high=fmt(row["saving_high"] / 1e6, lang),
                firms=", ".join(row["firms"][:8]) + (" ..." if row["n_firms"] > 8 else ""),
            )
        )
    return pools.with_columns(pl.Series("id", ids), pl.Series("reason", reasons)).select(list(schema)).cast(schema)  # type: ignore[arg-type]

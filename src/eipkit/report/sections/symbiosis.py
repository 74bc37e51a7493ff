"""Symbiosis opportunities (eipkit.symbiosis): the selected opportunities with reasons, benefits and a map."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import polars as pl

from eipkit.park import Park
from eipkit.report._text import fmt, tr
from eipkit.report.figures.parkmap import map_plotly, map_png
from eipkit.report.model import Block, Bullets, Figure, Paragraph, Section, Table
from eipkit.report.sections._engine import named, spec_columns
from eipkit.report.sections._spec import SectionSpec
from eipkit.vocab import label

__all__ = ["REASON_CHARS", "SPEC", "TOP", "build", "run"]

#: Opportunities shown in the report (all of them are in the Excel export).
TOP = 10
#: Characters of an opportunity's reason shown in the report (the Excel export has the whole text).
REASON_CHARS = 220


def run(park: Park) -> Any:
    """Find, cost and select the park's symbiosis opportunities (:func:`eipkit.symbiosis.match_park`)."""
    from eipkit.symbiosis import match_park

    return match_park(park)


def build(park: Park, results: Mapping[str, Any], lang: str) -> Section | None:
    """Build the opportunities section from ``results['symbiosis']`` (a MatchResult)."""
    result = results["symbiosis"]
    opps = named(result.opportunities, park, "supplier", "receiver").with_columns(
        pl.col("resource_class")
        .map_elements(lambda c: label("resource_classes", c, lang), return_dtype=pl.String)
        .alias("class_name"),
        (pl.col("net_benefit_mid") / 1e9).alias("benefit_bn"),
        (pl.col("investment_mid") / 1e9).alias("investment_bn"),
        pl.col("reason_vi" if lang == "vi" else "reason_en").alias("reason"),
    )
    opps = opps.with_columns(
        pl.when(pl.col("reason").str.len_chars() > REASON_CHARS)
        .then(pl.col("reason").str.slice(0, REASON_CHARS).str.replace(r"\s+\S*$", "") + pl.lit(" …"))
        .otherwise(pl.col("reason"))
        .alias("reason_short")
    )
    selected = opps.filter(pl.col("selected")) if "selected" in opps.columns else opps
    top = selected.sort("rank").head(TOP)
    summary = result.summary()
    totals = summary.get("selected_totals") or {}
    sel = summary.get("selection") or {}
    blocks: list[Block] = [
        Paragraph(
            tr(
                "symbiosis.intro",
                lang,
                found=summary.get("opportunities", opps.height),
                selected=selected.height,
                benefit=fmt((totals.get("net_benefit_mid") or 0.0) / 1e9, lang, 1),
                co2=fmt(totals.get("co2e_mid"), lang),
            )
        )
    ]
    if sel:
        gap = sel.get("gap")
        blocks.append(
            Paragraph(
                tr(
                    "symbiosis.solver",
                    lang,
                    status=sel.get("status", "–"),
                    gap="–" if gap is None else fmt(100.0 * float(gap), lang, 2),
                    limit=fmt(sel.get("time_limit"), lang, 0),
                )
            )
        )
    short = spec_columns(
        ("rank", "col.rank", "", 0),
        ("supplier_name", "col.from", "", 0),
        ("receiver_name", "col.to", "", 0),
        ("class_name", "col.resource_class", "", 0),
        ("amount", "col.amount", "", -1),
        ("unit", "col.unit", "", 0),
        ("benefit_bn", "col.net_benefit", "10⁹ VND/a", 2),
        ("co2e_mid", "col.co2_avoided", "t/a", 0),
        ("reason_short", "col.reason", "", 0),
    )
    columns = spec_columns(
        ("rank", "col.rank", "", 0),
        ("supplier_name", "col.from", "", 0),
        ("receiver_name", "col.to", "", 0),
        ("class_name", "col.resource_class", "", 0),
        ("amount", "col.amount", "", -1),
        ("unit", "col.unit", "", 0),
        ("benefit_bn", "col.net_benefit", "10⁹ VND/a", 2),
        ("investment_bn", "col.investment", "10⁹ VND", 2),
        ("co2e_mid", "col.co2_avoided", "t/a", 0),
        ("reason", "col.reason", "", 0),
    )
    if top.height:
        blocks.append(Table("symbiosis.top", tr("symbiosis.top", lang, count=top.height), top, short))
        links = top.select(pl.col("id"), "supplier", "receiver", "resource_class", pl.lit("idea").alias("status"))
        title = tr("symbiosis.map", lang)
        blocks.append(
            Figure(
                "symbiosis_map",
                title,
                map_png(park, lang, title, links),
                map_plotly(park, lang, title, links),
                tr("symbiosis.map_caption", lang),
            )
        )
    blocks.append(
        Table("symbiosis.opportunities", tr("symbiosis.all", lang), opps.sort("rank"), columns, excel_only=True)
    )
    if summary.get("infeasible"):
        blocks.append(Bullets((tr("symbiosis.infeasible", lang, count=summary["infeasible"]),)))
    highlight = tr(
        "symbiosis.highlight",
        lang,
        selected=selected.height,
        benefit=fmt((totals.get("net_benefit_mid") or 0.0) / 1e9, lang, 1),
        co2=fmt(totals.get("co2e_mid"), lang),
    )
    return Section("symbiosis", tr("symbiosis.title", lang), tuple(blocks), (highlight,))


SPEC = SectionSpec("symbiosis", build, order=50, run=run, title_key="symbiosis.title")

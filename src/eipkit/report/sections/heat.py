"""Heat (eipkit.heat): firm and site heat targets, the total site profiles and costed inter-firm matches."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import polars as pl

from eipkit.park import Park
from eipkit.report._text import fmt, tr
from eipkit.report.model import Block, Bullets, Figure, Paragraph, Section, Table
from eipkit.report.sections._engine import named, plot_png, spec_columns
from eipkit.report.sections._spec import SectionSpec

__all__ = ["SPEC", "TOP", "build", "run"]

#: Matches shown in the report (all are in the Excel export).
TOP = 10
_TARGETS = (
    "firms_hot_utility",
    "firms_cold_utility",
    "site_hot_utility",
    "site_cold_utility",
    "inter_firm_recovery",
)


def run(park: Park) -> Any:
    """Run the park's inter-firm heat study (:class:`eipkit.heat.SiteStudy`)."""
    from eipkit.heat import SiteStudy

    return SiteStudy(park)


def build(park: Park, results: Mapping[str, Any], lang: str) -> Section | None:
    """Build the heat section from ``results['heat']`` (a SiteStudy)."""
    from eipkit.heat import plot_site_profiles

    study = results["heat"]
    if not study.has_heat:
        return Section("heat", tr("heat.title", lang), (Paragraph(tr("heat.none", lang)),))
    summary = study.summary()
    targets = summary["targets"]
    rows = [(tr(f"heat.{k}", lang), float(targets[k])) for k in _TARGETS if targets.get(k) is not None]
    frame = pl.DataFrame(rows, schema={"item": pl.String, "value": pl.Float64}, orient="row")
    blocks: list[Block] = [
        Paragraph(tr("heat.intro", lang, dtmin=fmt(targets.get("dtmin"), lang, 0))),
        Table(
            "heat.targets",
            tr("heat.targets", lang),
            frame,
            spec_columns(("item", "col.item", "", 0), ("value", "col.value", "kW", 0)),
        ),
    ]
    title = tr("heat.profiles", lang)
    blocks.append(
        Figure("heat_site_profiles", title, plot_png(plot_site_profiles, study.segments, study.targets, lang=lang))
    )
    matches = (
        named(study.matches, park, "supplier", "receiver")
        .with_columns(
            (pl.col("investment") / 1e9).alias("investment_bn"), (pl.col("net_benefit") / 1e9).alias("benefit_bn")
        )
        .sort("net_benefit", descending=True)
    )
    columns = spec_columns(
        ("supplier_name", "col.from", "", 0),
        ("receiver_name", "col.to", "", 0),
        ("distance_km", "col.distance", "km", 2),
        ("delivered", "col.delivered", "kW", 0),
        ("fuel_saved", "col.fuel_saved", "MWh/a", 0),
        ("co2_avoided", "col.co2_avoided", "t/a", 0),
        ("investment_bn", "col.investment", "10⁹ VND", 2),
        ("benefit_bn", "col.net_benefit", "10⁹ VND/a", 2),
    )
    if matches.height:
        blocks.append(
            Table("heat.matches", tr("heat.matches", lang, count=min(TOP, matches.height)), matches.head(TOP), columns)
        )
        blocks.append(Table("heat.all_matches", tr("heat.all_matches", lang), matches, columns, excel_only=True))
    excluded = summary.get("excluded_streams") or []
    if excluded:
        blocks.append(
            Bullets((tr("heat.excluded", lang, count=len(excluded), ids=", ".join(e["id"] for e in excluded[:6])),))
        )
    highlight = tr(
        "heat.highlight",
        lang,
        recovery=fmt(targets.get("inter_firm_recovery"), lang, 0),
        positive=matches.filter(pl.col("net_benefit") > 0).height,
    )
    return Section("heat", tr("heat.title", lang), tuple(blocks), (highlight,))


SPEC = SectionSpec("heat", build, order=70, run=run, title_key="heat.title")

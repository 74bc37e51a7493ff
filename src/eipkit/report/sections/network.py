"""Exchange network (eipkit.network): the chosen set of links, its benefit and CO2, and each firm's gain."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import polars as pl

from eipkit.park import Park
from eipkit.report._text import fmt, tr
from eipkit.report.model import Block, Column, Figure, Paragraph, Section, Table
from eipkit.report.sections._engine import named, plot_png, spec_columns
from eipkit.report.sections._spec import SectionSpec
from eipkit.vocab import label

__all__ = ["SPEC", "TOP", "build", "run"]

#: Links shown in the report (all are in the Excel export).
TOP = 20


def run(park: Park) -> Any:
    """Choose the park's exchange network (:meth:`eipkit.network.NetworkStudy.from_park`, 60 s limit)."""
    from eipkit.network import NetworkStudy

    return NetworkStudy.from_park(park, time_limit=60.0)


def build(park: Park, results: Mapping[str, Any], lang: str) -> Section | None:
    """Build the network section from ``results['network']`` (a NetworkStudy)."""
    from eipkit.network import plot_network_map

    study = results["network"]
    sol = study.solution
    links = sol.links.filter(pl.col("built")) if "built" in sol.links.columns else sol.links
    links = named(links, park, "supplier", "receiver").with_columns(
        pl.col("resource_class")
        .map_elements(lambda c: label("resource_classes", c, lang), return_dtype=pl.String)
        .alias("class_name"),
        (pl.col("benefit") / 1e9).alias("benefit_bn"),
    )
    gap = sol.gap
    blocks: list[Block] = [
        Paragraph(
            tr(
                "network.intro",
                lang,
                status=sol.status,
                benefit=fmt(sol.net_benefit / 1e9, lang, 1),
                co2=fmt(sol.co2_avoided, lang),
                links=links.height,
                gap="–" if gap is None else fmt(100.0 * gap, lang, 2),
                limit=fmt(sol.time_limit, lang, 0),
            )
        )
    ]
    columns = spec_columns(
        ("supplier_name", "col.from", "", 0),
        ("receiver_name", "col.to", "", 0),
        ("class_name", "col.resource_class", "", 0),
        ("flow", "col.amount", "", -1),
        ("distance_km", "col.distance", "km", 2),
        ("co2", "col.co2_avoided", "t/a", 0),
        ("benefit_bn", "col.net_benefit", "10⁹ VND/a", 2),
    )
    links = links.sort("benefit", descending=True)
    if links.height:
        blocks.append(Table("network.links", tr("network.links", lang), links.head(TOP), columns))
        blocks.append(Table("network.all_links", tr("network.all_links", lang), links, columns, excel_only=True))
        title = tr("network.map", lang)
        png = plot_png(plot_network_map, links, firms=park.firms, lang=lang)
        blocks.append(Figure("network_map", title, png))
    gains = study.gains
    if isinstance(gains, pl.DataFrame) and gains.height:
        blocks.append(Table("network.gains", tr("network.gains", lang), gains, _gain_columns(gains), excel_only=True))
    highlight = tr("network.highlight", lang, links=links.height, benefit=fmt(sol.net_benefit / 1e9, lang, 1))
    return Section("network", tr("network.title", lang), tuple(blocks), (highlight,))


def _gain_columns(gains: pl.DataFrame) -> tuple[Column, ...]:
    """Columns of the firms' gains table, labelled by their keys (an Excel-only detail table)."""
    return tuple(Column(c, c, c, "", -1) for c in gains.columns)


SPEC = SectionSpec("network", build, order=80, run=run, title_key="network.title")

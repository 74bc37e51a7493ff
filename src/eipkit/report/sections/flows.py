"""The park's metabolism: Sankey diagrams of material, water and energy flows, and the exchanges."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import polars as pl

from eipkit.park import Park
from eipkit.report._text import col, fmt, schema_col, short_name, tr
from eipkit.report.figures.sankey import sankey_plotly, sankey_png
from eipkit.report.flows import FLOW_KINDS, SankeyData, sankey_data
from eipkit.report.model import Block, Figure, Paragraph, Section, Table
from eipkit.report.sections._spec import SectionSpec
from eipkit.vocab import label

__all__ = ["SPEC", "build", "exchange_table"]


def exchange_table(park: Park, lang: str) -> pl.DataFrame:
    """Return the exchanges with partner names, class and status in ``lang`` and benefit in 10⁹ VND/a."""
    names = dict(park.firms.select("id", "name").iter_rows())
    x = park.exchanges
    return x.with_columns(
        pl.col("supplier").map_elements(lambda f: short_name(names.get(f, f)), return_dtype=pl.String).alias("from"),
        pl.col("receiver").map_elements(lambda f: short_name(names.get(f, f)), return_dtype=pl.String).alias("to"),
        pl.col("resource_class")
        .map_elements(lambda c: label("resource_classes", c, lang), return_dtype=pl.String)
        .alias("class_name"),
        pl.col("status").map_elements(lambda s: tr(f"flows.xstatus.{s}", lang), return_dtype=pl.String),
        (pl.col("annual_benefit") / 1e9).alias("benefit_bn"),
        pl.col("amount_kind")
        .map_elements(
            lambda k: {"mass_flow": "t/a", "volume_flow": "m³/a", "energy_flow": "MWh/a"}.get(k, ""),
            return_dtype=pl.String,
        )
        .alias("canonical_unit"),
    )


def _caption(data: SankeyData, lang: str) -> str:
    parts = []
    if data.total("existing") or data.total("proposed"):
        existing, proposed = fmt(data.total("existing"), lang), fmt(data.total("proposed"), lang)
        parts.append(tr("flows.caption", lang, existing=existing, proposed=proposed, unit=data.unit))
    if data.notes.get("no_amount"):
        parts.append(tr("flows.no_amount", lang, count=data.notes["no_amount"]))
    if data.notes.get("exchanges_no_stream"):
        parts.append(tr("flows.no_stream", lang, count=data.notes["exchanges_no_stream"]))
    return " ".join(parts)


def build(park: Park, results: Mapping[str, Any], lang: str) -> Section:
    """Build the flows section (one Sankey per quantity kind, exchange table, link tables)."""
    blocks: list[Block] = [Paragraph(tr("flows.intro", lang))]
    link_tables: list[Block] = []
    highlights = []
    for kind in FLOW_KINDS:
        data = sankey_data(park, kind, lang)
        title = tr(f"flows.title.{kind}", lang)
        if data.links.is_empty():
            blocks.append(Paragraph(tr("flows.empty", lang, title=title, unit=data.unit)))
            continue
        blocks.append(
            Figure(
                f"sankey_{kind}",
                title,
                sankey_png(data, lang, title),
                sankey_plotly(data, lang, title),
                _caption(data, lang),
            )
        )
        names = dict(data.nodes.select("id", "label").iter_rows())
        links = data.links.with_columns(
            pl.col("source").replace_strict(names, return_dtype=pl.String).alias("source_name"),
            pl.col("target").replace_strict(names, return_dtype=pl.String).alias("target_name"),
            pl.col("status").map_elements(lambda s: tr(f"flows.status.{s}", lang), return_dtype=pl.String),
        )
        link_tables.append(
            Table(
                f"flows.links_{kind}",
                tr("flows.links_table", lang, title=title),
                links,
                (
                    col("source_name", "col.from"),
                    col("target_name", "col.to"),
                    col("status", "col.status"),
                    col("value", "col.amount", data.unit.replace("³", "3"), 0),
                    col("detail", "col.detail"),
                ),
                excel_only=True,
            )
        )
        if data.total("existing") > 0:
            highlights.append(
                tr(
                    "flows.highlight",
                    lang,
                    title=title,
                    existing=fmt(data.total("existing"), lang),
                    unit=data.unit,
                    proposed=fmt(data.total("proposed"), lang),
                )
            )
    x = exchange_table(park, lang)
    if x.height:
        blocks.append(
            Table(
                "flows.exchanges",
                tr("flows.exchanges", lang),
                x,
                (
                    schema_col("exchanges", "id"),
                    col("from", "col.from"),
                    col("to", "col.to"),
                    col("class_name", "col.resource_class"),
                    schema_col("exchanges", "status"),
                    col("amount", "col.amount", "", 0),
                    col("canonical_unit", "col.unit"),
                    col("benefit_bn", "col.benefit", "10⁹ VND/a", 2),
                ),
                note=tr("flows.exchanges_note", lang),
            )
        )
        operating = park.exchanges.filter(pl.col("status") == "operating")
        highlights.insert(
            0,
            tr(
                "flows.highlight_count",
                lang,
                operating=operating.height,
                proposed=park.exchanges.filter(pl.col("status").is_in(["idea", "feasibility", "agreed"])).height,
                benefit=fmt(float(operating.get_column("annual_benefit").sum() or 0.0) / 1e9, lang, 1),
            ),
        )
    return Section("flows", tr("flows.section", lang), (*blocks, *link_tables), tuple(highlights))


SPEC = SectionSpec("flows", build, order=20, title_key="flows.section")

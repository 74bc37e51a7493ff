"""Co-processing (eipkit.coprocessing): which wastes a cement kiln could take, and the coal and CO2 saved."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import polars as pl

from eipkit.park import Park
from eipkit.report._text import fmt, tr
from eipkit.report.model import Block, Bullets, Paragraph, Section, Table
from eipkit.report.sections._engine import named, spec_columns
from eipkit.report.sections._spec import SectionSpec

__all__ = ["SPEC", "build", "run"]


def run(park: Park) -> Any:
    """Screen the park's wastes for co-processing (:func:`eipkit.coprocessing.screen_wastes`)."""
    from eipkit.coprocessing import screen_wastes

    return screen_wastes(park)


def build(park: Park, results: Mapping[str, Any], lang: str) -> Section | None:
    """Build the co-processing section from ``results['coprocessing']`` (a Screening)."""
    s = results["coprocessing"]
    totals = s.totals
    wastes = named(s.wastes, park, "firm")
    counts = dict(wastes.group_by("status").len().iter_rows()) if wastes.height else {}
    blocks: list[Block] = [
        Paragraph(
            tr(
                "coprocessing.intro",
                lang,
                kiln=s.kiln.name,
                passes=counts.get("passes", 0),
                incomplete=counts.get("incomplete", 0),
                excluded=counts.get("excluded", 0),
                total=wastes.height,
                coal=fmt(totals.get("candidates_coal_replaced"), lang),
                co2=fmt(totals.get("candidates_co2_saved"), lang),
            )
        )
    ]
    columns = spec_columns(
        ("firm_name", "col.firm", "", 0),
        ("resource_class", "col.resource_class", "", 0),
        ("mass", "col.amount", "t/a", 0),
        ("calorific_value", "col.calorific_value", "MJ/kg", 1),
        ("status", "col.status", "", 0),
        ("reason", "col.reason", "", 0),
        ("coal_replaced", "col.coal_replaced", "t/a", 0),
        ("co2_saved", "col.co2_avoided", "t/a", 0),
    )
    shown = wastes.filter(pl.col("status") != "excluded") if "status" in wastes.columns else wastes
    blocks.append(
        Table(
            "coprocessing.wastes",
            tr("coprocessing.wastes", lang),
            shown.sort("mass", descending=True, nulls_last=True).head(20),
            columns,
        )
    )
    blocks.append(Table("coprocessing.all", tr("coprocessing.all", lang), wastes, columns, excel_only=True))
    if s.notes:
        blocks.append(Bullets(tuple(str(n) for n in s.notes[:5])))
    highlight = tr(
        "coprocessing.highlight",
        lang,
        passes=counts.get("passes", 0),
        incomplete=counts.get("incomplete", 0),
        coal=fmt(totals.get("candidates_coal_replaced"), lang),
    )
    return Section("coprocessing", tr("coprocessing.title", lang), tuple(blocks), (highlight,))


SPEC = SectionSpec("coprocessing", build, order=96, run=run, title_key="coprocessing.title")

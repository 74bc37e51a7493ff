"""Greenhouse gases (eipkit.ghg): scope 1 and 2 CO2 of the park and its firms, with the factors used."""

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
    """Return the park's scope 1 and 2 CO2 account (:func:`eipkit.ghg.ghg_account`)."""
    from eipkit.ghg import ghg_account

    return ghg_account(park)


def build(park: Park, results: Mapping[str, Any], lang: str) -> Section | None:
    """Build the GHG section from ``results['ghg']`` (a GhgAccount)."""
    account = results["ghg"]
    totals = account.totals
    firms = named(account.firms, park, "firm").sort("total", descending=True, nulls_last=True)
    blocks: list[Block] = [
        Paragraph(
            tr(
                "ghg.intro",
                lang,
                total=fmt(totals.get("total"), lang),
                scope1=fmt(totals.get("scope1"), lang),
                scope2=fmt(totals.get("scope2"), lang),
                factor=fmt(totals.get("grid_factor"), lang, 4),
            )
        )
    ]
    columns = spec_columns(
        ("firm_name", "col.firm", "", 0),
        ("scope1", "col.scope1", "t/a", 0),
        ("scope2", "col.scope2", "t/a", 0),
        ("total", "col.total_co2", "t/a", 0),
        ("reported_co2", "col.reported_co2", "t/a", 0),
        ("intensity", "col.intensity", "t/10⁹ VND", 2),
    )
    blocks.append(Table("ghg.firms", tr("ghg.firms", lang), firms.head(15), columns))
    blocks.append(Table("ghg.all_firms", tr("ghg.all_firms", lang), firms, columns, excel_only=True))
    factors = pl.DataFrame(
        [(f.name, f.value, f.unit, f.confidence, f.source) for f in account.factors],
        schema={
            "name": pl.String,
            "value": pl.Float64,
            "unit": pl.String,
            "confidence": pl.String,
            "source": pl.String,
        },
        orient="row",
    )
    if factors.height:
        blocks.append(
            Table(
                "ghg.factors",
                tr("ghg.factors", lang),
                factors,
                spec_columns(
                    ("name", "col.entry", "", 0),
                    ("value", "col.value", "", -1),
                    ("unit", "col.unit", "", 0),
                    ("confidence", "col.confidence", "", 0),
                    ("source", "col.source", "", 0),
                ),
            )
        )
    if account.notes:
        blocks.append(Bullets(tuple(str(n) for n in account.notes[:6])))
    highlight = tr(
        "ghg.highlight",
        lang,
        total=fmt(totals.get("total"), lang),
        scope2=fmt(100 * (totals.get("scope2") or 0.0) / (totals.get("total") or 1.0), lang, 0),
    )
    return Section("ghg", tr("ghg.title", lang), tuple(blocks), (highlight,))


SPEC = SectionSpec("ghg", build, order=92, run=run, title_key="ghg.title")

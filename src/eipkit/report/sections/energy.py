"""Energy (eipkit.energy): rooftop solar on every firm, self-consumption and what the park would import."""

from __future__ import annotations

import warnings
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
    """Rooftop PV of every firm with a roof area (:func:`eipkit.energy.park_solar`)."""
    from eipkit.energy import park_solar

    with warnings.catch_warnings():  # indicative values are listed in the result's notes
        warnings.simplefilter("ignore")
        return park_solar(park)


def build(park: Park, results: Mapping[str, Any], lang: str) -> Section | None:
    """Build the energy section from ``results['energy']`` (a ParkSolar)."""
    solar = results["energy"]
    totals = solar.totals() if callable(solar.totals) else solar.totals
    firms = named(solar.firms, park, "firm").sort("generation", descending=True, nulls_last=True)
    blocks: list[Block] = [
        Paragraph(
            tr(
                "energy.intro",
                lang,
                capacity=fmt(totals.get("capacity", 0.0) / 1000.0, lang, 1),
                generation=fmt(totals.get("generation"), lang),
                share=fmt(100 * totals.get("coverage_share", 0.0), lang, 1),
                selfuse=fmt(100 * totals.get("self_consumption_share", 0.0), lang, 1),
            )
        )
    ]
    keys = ("capacity", "generation", "load", "self_consumed", "exported", "curtailed", "imported")
    units = {"capacity": "kWp"}
    rows = [(tr(f"energy.{k}", lang), float(totals[k]), units.get(k, "MWh/a")) for k in keys if k in totals]
    blocks.append(
        Table(
            "energy.totals",
            tr("energy.totals", lang),
            pl.DataFrame(rows, schema={"item": pl.String, "value": pl.Float64, "unit": pl.String}, orient="row"),
            spec_columns(("item", "col.item", "", 0), ("value", "col.value", "", 0), ("unit", "col.unit", "", 0)),
        )
    )
    columns = spec_columns(
        ("firm_name", "col.firm", "", 0),
        ("roof_area", "col.roof_area", "m²", 0),
        ("capacity", "col.capacity", "kWp", 0),
        ("generation", "col.generation", "MWh/a", 0),
        ("self_consumed", "col.self_consumed", "MWh/a", 0),
        ("exported", "col.exported", "MWh/a", 0),
        ("coverage_share", "col.coverage", "1", 2),
    )
    blocks.append(Table("energy.firms", tr("energy.firms", lang), firms.head(15), columns))
    blocks.append(Table("energy.all_firms", tr("energy.all_firms", lang), firms, columns, excel_only=True))
    if solar.notes:
        blocks.append(Bullets(tuple(str(n) for n in solar.notes[:6])))
    highlight = tr(
        "energy.highlight",
        lang,
        generation=fmt(totals.get("generation"), lang),
        share=fmt(100 * totals.get("coverage_share", 0.0), lang, 1),
    )
    return Section("energy", tr("energy.title", lang), tuple(blocks), (highlight,))


SPEC = SectionSpec("energy", build, order=90, run=run, title_key="energy.title")

"""RECP (eipkit.recp): the park's proposed measures as a marginal abatement cost curve."""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import Any

import polars as pl

from eipkit.park import Park
from eipkit.report._text import fmt, tr
from eipkit.report.model import Block, Bullets, Figure, Paragraph, Section, Table
from eipkit.report.sections._engine import named, plot_png, spec_columns
from eipkit.report.sections._spec import SectionSpec

__all__ = ["SPEC", "build", "run"]


def run(park: Park) -> dict[str, Any]:
    """Return the MAC curve of the park's proposed and planned measures (:func:`eipkit.recp.mac_curve`)."""
    from eipkit.recp import mac_curve, measure_options

    with warnings.catch_warnings():  # indicative values are listed in the notes
        warnings.simplefilter("ignore")
        curve, left_out, notes = mac_curve(measure_options(park))
    return {"curve": curve, "left_out": left_out, "notes": notes}


def build(park: Park, results: Mapping[str, Any], lang: str) -> Section | None:
    """Build the RECP section from ``results['recp']``."""
    from eipkit.recp import plot_mac_curve

    r = results["recp"]
    curve: pl.DataFrame = r["curve"]
    blocks: list[Block] = [Paragraph(tr("recp.intro", lang))]
    if curve.height:
        title = tr("recp.mac", lang)
        blocks.append(Figure("recp_mac_curve", title, plot_png(plot_mac_curve, curve, lang=lang)))
        table = named(curve, park, "firm").with_columns(
            (pl.col("capex") / 1e9).alias("capex_bn"), (pl.col("npv") / 1e9).alias("npv_bn")
        )
        blocks.append(
            Table(
                "recp.curve",
                tr("recp.curve", lang),
                table,
                spec_columns(
                    ("option", "col.option", "", 0),
                    ("firm_name", "col.firm", "", 0),
                    ("title", "col.title", "", 0),
                    ("co2_saving", "col.co2_avoided", "t/a", 0),
                    ("capex_bn", "col.investment", "10⁹ VND", 2),
                    ("npv_bn", "col.npv", "10⁹ VND", 2),
                    ("payback", "col.payback", "a", 1),
                    ("mac", "col.mac", "VND/t", 0),
                ),
            )
        )
    left_out: pl.DataFrame = r["left_out"]
    notes = [str(n) for n in r["notes"][:4]]
    if left_out.height:
        notes.append(tr("recp.left_out", lang, count=left_out.height))
    if notes:
        blocks.append(Bullets(tuple(notes)))
    negative = curve.filter(pl.col("mac") < 0) if curve.height else curve
    highlight = tr(
        "recp.highlight",
        lang,
        count=curve.height,
        negative=negative.height,
        co2=fmt(float(curve["co2_saving"].sum()) if curve.height else 0.0, lang),
    )
    return Section("recp", tr("recp.title", lang), tuple(blocks), (highlight,))


SPEC = SectionSpec("recp", build, order=94, run=run, title_key="recp.title")

"""Executive summary: what the data say, the other sections' highlights, and which analyses are in."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import polars as pl

from eipkit.park import Park
from eipkit.park.summary import park_totals
from eipkit.report._text import col, fmt, tr
from eipkit.report.model import Block, Bullets, Paragraph, Section, Table
from eipkit.report.sections._spec import AnalysisFailed, SectionSpec

__all__ = ["build_summary", "key_figures"]


def key_figures(park: Park, lang: str) -> pl.DataFrame:
    """Return the park's headline numbers (``label``, ``value``, ``unit``) from the park data alone."""
    meta, totals = park.meta, park_totals(park)
    tenants = park.firms.filter(pl.col("role") == "tenant")
    occupancy = None
    if meta.get("leased_industrial_area") is not None and meta.get("industrial_land_area"):
        occupancy = 100.0 * meta["leased_industrial_area"] / meta["industrial_land_area"]
    operating = park.exchanges.filter(pl.col("status") == "operating")
    rows: list[tuple[str, float | None, str]] = [
        (tr("summary.kf.area", lang), meta.get("total_area"), "ha"),
        (tr("summary.kf.occupancy", lang), occupancy, "%"),
        (tr("summary.kf.tenants", lang), float(tenants.height), ""),
        (tr("summary.kf.workers", lang), float(meta.get("workers") or tenants.get_column("employees").sum() or 0), ""),
        (tr("summary.kf.electricity", lang), totals["electricity_use"], "MWh/a"),
        (tr("summary.kf.water", lang), totals["water_use"], "m³/a"),
        (tr("summary.kf.wastewater", lang), totals["wastewater"], "m³/a"),
        (tr("summary.kf.solid_waste", lang), totals["solid_waste"], "t/a"),
        (tr("summary.kf.co2", lang), totals["co2_emissions"], "t/a"),
        (tr("summary.kf.exchanges", lang), float(operating.height), ""),
        (
            tr("summary.kf.benefit", lang),
            float(operating.get_column("annual_benefit").sum() or 0.0) / 1e9,
            "10⁹ VND/a",
        ),
    ]
    return pl.DataFrame(rows, schema={"label": pl.String, "value": pl.Float64, "unit": pl.String}, orient="row")


def build_summary(
    park: Park,
    results: Mapping[str, Any],
    lang: str,
    sections: Sequence[Section],
    specs: Sequence[SectionSpec],
) -> Section:
    """Build the executive summary from the park, the built sections and the registered analyses."""
    meta = park.meta
    tenants = park.firms.filter(pl.col("role") == "tenant")
    intro = tr(
        "summary.intro",
        lang,
        name=park.name,
        province=meta.get("province") or "–",
        area=fmt(meta.get("total_area"), lang, 0),
        tenants=tenants.height,
        sectors=tenants.get_column("sector").n_unique(),
        year=meta.get("data_year") or "–",
    )
    blocks: list[Block] = [Paragraph(intro)]
    points = [h for s in sections for h in s.highlights]
    if points:
        blocks.append(Paragraph(tr("summary.findings", lang)))
        blocks.append(Bullets(tuple(points)))
    blocks.append(
        Table(
            "summary.key_figures",
            tr("summary.key_figures", lang),
            key_figures(park, lang),
            (col("label", "col.quantity"), col("value", "col.value", "", -1), col("unit", "col.unit")),
        )
    )
    built = {s.key for s in sections}
    rows = []
    for spec in specs:
        result = results.get(spec.key)
        if isinstance(result, AnalysisFailed):
            status = tr("summary.status.failed", lang, error=result.error)
        elif spec.key in built:
            status = tr("summary.status.included", lang)
        else:
            status = tr("summary.status.missing", lang)
        rows.append((tr(spec.title_key, lang) if spec.title_key else spec.key, status))
    blocks.append(
        Table(
            "summary.analyses",
            tr("summary.analyses", lang),
            pl.DataFrame(rows, schema={"analysis": pl.String, "status": pl.String}, orient="row"),
            (col("analysis", "col.analysis"), col("status", "col.status")),
        )
    )
    if meta.get("notes"):
        blocks.append(Paragraph(tr("summary.park_notes", lang, notes=meta["notes"])))
    return Section("summary", tr("summary.title", lang), tuple(blocks))

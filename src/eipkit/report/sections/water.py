"""Water (eipkit.water): current use, pinch targets per contaminant, the optimal network, WWTP compliance."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import polars as pl

from eipkit.park import Park
from eipkit.report._text import fmt, mpl_figure, png_bytes, tr
from eipkit.report.model import Block, Bullets, Figure, Paragraph, Section, Table
from eipkit.report.sections._engine import spec_columns
from eipkit.report.sections._spec import SectionSpec

__all__ = ["SPEC", "build", "cascade_png", "run"]


def run(park: Park) -> dict[str, Any]:
    """Run the park's water study (:func:`eipkit.water.park_water_study`, 30 s solver limit)."""
    from eipkit.water import park_water_study

    return park_water_study(park, time_limit=30.0)


def cascade_png(targets: Mapping[str, Mapping[str, Any]], lang: str, title: str = "") -> bytes:
    """Water cascade plots: cumulative mass load against concentration, one panel per contaminant."""
    names = list(targets)
    cols = min(2, max(len(names), 1))
    rows = (len(names) + cols - 1) // cols
    fig = mpl_figure(8.5, 0.6 + 2.4 * rows, layout="constrained")
    axes = fig.subplots(rows, cols, squeeze=False)
    for k, name in enumerate(names):
        ax = axes[k // cols][k % cols]
        cascade = pl.DataFrame(targets[name].get("cascade") or [])
        if cascade.is_empty():
            ax.axis("off")
            continue
        ax.plot(cascade["cumulative_load"], cascade["concentration"], marker="o", markersize=3, color="#2f6fa8")
        pinch = targets[name].get("pinch_concentration")
        if pinch is not None:
            ax.axhline(pinch, color="#d73027", linestyle="--", linewidth=1)
            ax.text(
                ax.get_xlim()[1],
                pinch,
                f" {tr('water.pinch', lang)} {fmt(pinch, lang)} ppm",
                va="bottom",
                ha="right",
                fontsize=6.5,
                color="#d73027",
            )
        ax.set_title(
            f"{name}: {tr('water.freshwater', lang)} {fmt(targets[name]['freshwater_flow'], lang, 1)} t/h", fontsize=7.5
        )
        ax.set_xlabel(tr("water.cumulative_load", lang), fontsize=7)
        ax.set_ylabel("ppm", fontsize=7)
        ax.tick_params(labelsize=6.5)
    for k in range(len(names), rows * cols):
        axes[k // cols][k % cols].axis("off")
    if title:
        fig.suptitle(title, fontsize=9)
    return png_bytes(fig)


def build(park: Park, results: Mapping[str, Any], lang: str) -> Section | None:
    """Build the water section from ``results['water']`` (:func:`eipkit.water.park_water_study`)."""
    w = results["water"]
    current, network = w["current"], w.get("network") or {}
    rows = [
        (tr("water.now", lang), current["freshwater_flow"], current["wastewater_flow"], None),
        (tr("water.network", lang), w["freshwater_flow"], w["wastewater_flow"], network.get("gap")),
    ]
    rows += [
        (f"{tr('water.target', lang)} {c}", v["freshwater_flow"], v["wastewater_flow"], None)
        for c, v in w["targets"].items()
    ]
    overview = pl.DataFrame(
        rows, schema={"case": pl.String, "fresh": pl.Float64, "waste": pl.Float64, "gap": pl.Float64}, orient="row"
    ).with_columns((100.0 * pl.col("gap")).alias("gap_pct"))
    saving = w["savings"]["freshwater_flow"]
    blocks: list[Block] = [
        Paragraph(tr("water.intro", lang, standard=w.get("discharge_standard", "–"))),
        Table(
            "water.overview",
            tr("water.overview", lang),
            overview,
            spec_columns(
                ("case", "col.case", "", 0),
                ("fresh", "col.freshwater", "t/h", 1),
                ("waste", "col.wastewater", "t/h", 1),
                ("gap_pct", "col.gap_percent", "%", 2),
            ),
            note=tr("water.overview_note", lang, status=network.get("status", "–")),
        ),
    ]
    title = tr("water.cascade", lang)
    blocks.append(Figure("water_cascade", title, cascade_png(w["targets"], lang, title)))
    compliance = pl.DataFrame(w.get("wwtp_compliance") or [])
    if compliance.height:
        blocks.append(
            Table(
                "water.compliance",
                tr("water.compliance", lang),
                compliance,
                spec_columns(
                    ("plant", "col.plant", "", 0),
                    ("parameter", "col.parameter", "", 0),
                    ("effluent", "col.effluent", "mg/L", 1),
                    ("limit", "col.limit", "mg/L", 1),
                    ("complies", "col.complies", "", 0),
                ),
            )
        )
    notes = [str(n) for n in w.get("notes") or []][:6]
    if w.get("qcvn_40_2025"):
        notes.append(f"QCVN 40:2025/BTNMT: {w['qcvn_40_2025']}")
    if notes:
        blocks.append(Bullets(tuple(notes)))
    highlight = tr(
        "water.highlight",
        lang,
        now=fmt(current["freshwater_flow"], lang, 0),
        target=fmt(w["freshwater_flow"], lang, 0),
        saving=fmt(saving, lang, 0),
    )
    return Section("water", tr("water.title", lang), tuple(blocks), (highlight,))


SPEC = SectionSpec("water", build, order=60, run=run, title_key="water.title")

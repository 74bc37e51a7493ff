"""EIP scorecards (eipkit.assessment): verdict per framework, criteria by category, gaps and actions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import polars as pl

from eipkit.park import Park
from eipkit.report._text import mpl_figure, png_bytes, tr
from eipkit.report.model import Block, Figure, Paragraph, Section, Table
from eipkit.report.sections._engine import spec_columns, text_or
from eipkit.report.sections._spec import SectionSpec

__all__ = ["SPEC", "build", "run", "scorecard_png"]

_STATUSES = ("met", "not_met", "insufficient_data", "threshold_unverified", "indicative", "not_applicable")
_COLOURS = ("#1a9850", "#d73027", "#9aa5b1", "#f2b134", "#9ecae1", "#e4e7eb")


def run(park: Park) -> Any:
    """Assess the park against every framework eipkit ships (:func:`eipkit.assessment.assess`)."""
    from eipkit.assessment import assess, framework_ids

    return assess(park, framework_ids())


def scorecard_png(categories: pl.DataFrame, lang: str, title: str = "") -> bytes:
    """Stacked bars: criteria of each category by status, one panel per framework."""
    frameworks = categories.get_column("framework").unique(maintain_order=True).to_list()
    heights = [categories.filter(pl.col("framework") == f).height for f in frameworks]
    fig = mpl_figure(9.0, 0.9 + 0.32 * sum(heights) + 0.5 * len(frameworks), layout="constrained")
    axes = fig.subplots(len(frameworks), 1, squeeze=False, height_ratios=[max(h, 1) for h in heights])
    for ax, framework in zip(axes[:, 0], frameworks, strict=True):
        rows = categories.filter(pl.col("framework") == framework)
        labels = rows.get_column("category_name").to_list()[::-1]
        left = [0.0] * len(labels)
        for status, colour in zip(_STATUSES, _COLOURS, strict=True):
            values = rows.get_column(status).cast(pl.Float64).to_list()[::-1]
            ax.barh(
                labels,
                values,
                left=left,
                color=colour,
                label=text_or(f"assessment.status.{status}", lang, status.replace("_", " ")),
            )
            left = [a + b for a, b in zip(left, values, strict=True)]
        ax.set_title(framework, fontsize=8.5, loc="left")
        ax.tick_params(labelsize=7)
        ax.spines[["top", "right"]].set_visible(False)
    handles, names = axes[0, 0].get_legend_handles_labels()
    fig.legend(handles, names, loc="outside lower center", ncol=3, fontsize=7, frameon=False)
    if title:
        fig.suptitle(title, fontsize=9)
    return png_bytes(fig)


def build(park: Park, results: Mapping[str, Any], lang: str) -> Section | None:
    """Build the scorecard section from ``results['assessment']`` (an AssessmentResult)."""
    result = results["assessment"]
    verdicts = result.verdicts.with_columns(
        pl.col("verdict")
        .map_elements(
            lambda v: text_or(f"assessment.verdict.{v}", lang, v) if v != "greenfield_window" else v,
            return_dtype=pl.String,
        )
        .alias("verdict_text")
    )
    frameworks = verdicts.get_column("framework").unique(maintain_order=True).to_list()
    categories = pl.concat(
        [pl.DataFrame(result.categories(framework=f, lang=lang)) for f in frameworks], how="diagonal_relaxed"
    )
    scorecard = pl.concat(
        [pl.DataFrame(result.scorecard(framework=f, lang=lang)) for f in frameworks], how="diagonal_relaxed"
    )
    blocks: list[Block] = [Paragraph(tr("assessment.intro", lang))]
    blocks.append(
        Table(
            "assessment.verdicts",
            tr("assessment.verdicts", lang),
            verdicts,
            spec_columns(
                ("framework", "col.framework", "", 0),
                ("verdict_text", "col.verdict", "", 0),
                ("met", "col.met", "", 0),
                ("not_met", "col.not_met", "", 0),
                ("insufficient_data", "col.insufficient", "", 0),
                ("threshold_unverified", "col.unverified", "", 0),
                ("criteria", "col.criteria", "", 0),
            ),
        )
    )
    if categories.height:
        title = tr("assessment.chart", lang)
        blocks.append(Figure("assessment_scorecard", title, scorecard_png(categories, lang, title)))
    gaps = scorecard.filter(pl.col("status").is_in(["not_met", "insufficient_data"]))
    if gaps.height:
        blocks.append(
            Table(
                "assessment.gaps",
                tr("assessment.gaps", lang),
                gaps,
                spec_columns(
                    ("criterion", "col.criterion", "", 0),
                    ("title", "col.title", "", 0),
                    ("status_text", "col.status", "", 0),
                    ("gap_text", "col.gap", "", 0),
                    ("helps", "col.action", "", 0),
                ),
            )
        )
    blocks.append(
        Table(
            "assessment.scorecard",
            tr("assessment.scorecard", lang),
            scorecard,
            spec_columns(
                ("framework", "col.framework", "", 0),
                ("criterion", "col.criterion", "", 0),
                ("category_name", "col.category", "", 0),
                ("title", "col.title", "", 0),
                ("status_text", "col.status", "", 0),
                ("value_text", "col.value", "", 0),
                ("threshold_text", "col.threshold", "", 0),
                ("evidence_text", "col.evidence", "", 0),
            ),
            excel_only=True,
        )
    )
    highlights = tuple(
        tr(
            "assessment.highlight",
            lang,
            framework=r["framework"],
            verdict=r["verdict_text"],
            met=r["met"],
            not_met=r["not_met"],
            total=r["criteria"],
        )
        for r in verdicts.iter_rows(named=True)
    )
    return Section("assessment", tr("assessment.title", lang), tuple(blocks), highlights)


SPEC = SectionSpec("assessment", build, order=40, run=run, title_key="assessment.title")

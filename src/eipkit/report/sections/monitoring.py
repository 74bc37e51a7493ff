"""Annual monitoring: KPI series of the park and its firms, year-on-year changes, trends, savings in place."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import polars as pl

from eipkit.monitoring import MonitoringResult, MonitoringStudy, indicator_info
from eipkit.park import Park
from eipkit.report._text import col, fmt, tr
from eipkit.report.figures.charts import kpi_lines_plotly, kpi_lines_png, timeline_png
from eipkit.report.model import Block, Bullets, Column, Figure, Paragraph, Section, Table
from eipkit.report.sections._spec import SectionSpec

__all__ = ["SPEC", "build", "park_kpi_table", "run"]

_YEARS_SHOWN = 5


def run(park: Park) -> MonitoringResult:
    """Run the monitoring study of ``park`` (report year: its ``data_year``)."""
    return MonitoringStudy(park).run()


def _named(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    keys = frame.get_column("indicator").to_list()
    return frame.with_columns(
        pl.Series("indicator_name", [indicator_info(k, lang)["name"] for k in keys], dtype=pl.String),
        pl.col("direction")
        .map_elements(lambda d: tr(f"monitoring.direction.{d}", lang), return_dtype=pl.String)
        .alias("direction_text")
        if "direction" in frame.columns
        else pl.lit(None, pl.String).alias("direction_text"),
    )


def park_kpi_table(result: MonitoringResult, lang: str) -> tuple[pl.DataFrame, list[Column]]:
    """Park KPIs: one row per indicator, the last years as columns, change and trend.

    Returns
    -------
    frame, columns
        ``indicator_name``, ``unit``, ``y<year>`` per year shown, ``change_percent`` (report
        year vs previous), ``direction_text``, ``relative_slope`` (%/a) and ``trend_text``.
    """
    series = result.series.filter(pl.col("scope") == "park")
    years = sorted(set(series.filter(pl.col("complete")).get_column("year").to_list()))[-_YEARS_SHOWN:]
    wide = (
        series.filter(pl.col("complete") & pl.col("year").is_in(years))
        .with_columns(pl.format("y{}", pl.col("year")).alias("col"))
        .pivot(on="col", index=["indicator", "unit"], values="value", aggregate_function="first")
    )
    changes = result.changes.filter(pl.col("scope") == "park").select("indicator", "change_percent", "direction")
    trends = result.trends.filter(pl.col("scope") == "park").select(
        "indicator", "relative_slope", pl.col("direction").alias("trend_direction")
    )
    frame = _named(wide.join(changes, on="indicator", how="left").join(trends, on="indicator", how="left"), lang)
    frame = frame.with_columns(
        pl.col("trend_direction")
        .map_elements(lambda d: tr(f"monitoring.direction.{d}", lang), return_dtype=pl.String)
        .alias("trend_text")
    )
    for y in years:
        if f"y{y}" not in frame.columns:
            frame = frame.with_columns(pl.lit(None, pl.Float64).alias(f"y{y}"))
    columns = [col("indicator_name", "col.indicator"), col("unit", "col.unit")]
    columns += [Column(f"y{y}", str(y), str(y), "", -1) for y in years]
    columns += [
        col("change_percent", "col.change_yoy", "%", 1),
        col("direction_text", "col.assessment"),
        col("relative_slope", "col.trend", "%/a", 1),
        col("trend_text", "col.trend_assessment"),
    ]
    return frame.sort("indicator"), columns


def _firm_table(result: MonitoringResult, lang: str) -> pl.DataFrame:
    last = (
        result.series.filter((pl.col("scope") == "firm") & pl.col("complete"))
        .sort("year")
        .group_by(["entity", "indicator"], maintain_order=True)
        .agg(pl.col("entity_name").last(), pl.col("year").last(), pl.col("value").last(), pl.col("unit").last())
    )
    changes = result.changes.filter(pl.col("scope") == "firm").select(
        "entity", "indicator", "change_percent", "direction"
    )
    trends = result.trends.filter(pl.col("scope") == "firm").select("entity", "indicator", "relative_slope")
    frame = last.join(changes, on=["entity", "indicator"], how="left").join(
        trends, on=["entity", "indicator"], how="left"
    )
    return _named(frame, lang).sort(["entity", "indicator"])


def _highlights(result: MonitoringResult, lang: str) -> list[str]:
    park = result.changes.filter(pl.col("scope") == "park")
    out = []
    if park.height and result.year is not None:
        better = park.filter(pl.col("direction") == "better").height
        worse = park.filter(pl.col("direction") == "worse").height
        out.append(
            tr("monitoring.highlight_count", lang, year=result.year, better=better, worse=worse, total=park.height)
        )
        ranked = park.filter(pl.col("change_percent").is_not_null()).sort("change_percent", descending=True)
        for row in _named(ranked, lang).filter(pl.col("direction") == "worse").head(2).iter_rows(named=True):
            out.append(
                tr(
                    "monitoring.highlight_change",
                    lang,
                    indicator=row["indicator_name"],
                    change=("+" if row["change_percent"] > 0 else "") + fmt(row["change_percent"], lang, 1),
                    year=row["year"],
                    previous=row["previous_year"],
                )
            )
    m = result.measures
    if m.height:
        last = m.row(-1, named=True)
        out.append(
            tr(
                "monitoring.highlight_measures",
                lang,
                count=last["measures_total"],
                year=last["year"],
                saving=fmt(last["annual_saving"] / 1e9, lang, 1),
                verified=fmt(last["verified_saving"] / 1e9, lang, 1),
                co2=fmt(last["co2_saving"], lang),
            )
        )
    return out


def build(park: Park, results: Mapping[str, Any], lang: str) -> Section | None:
    """Build the monitoring section from ``results['monitoring']`` (a :class:`MonitoringResult`)."""
    result: MonitoringResult = results["monitoring"]
    if result.series.is_empty() and result.measures.is_empty() and result.exchanges.is_empty():
        return Section("monitoring", tr("monitoring.title", lang), (Paragraph(tr("monitoring.no_data", lang)),))
    blocks: list[Block] = [Paragraph(tr("monitoring.intro", lang, year=result.year or "–"))]
    park_series = result.series.filter(pl.col("scope") == "park")
    if park_series.height:
        frame, columns = park_kpi_table(result, lang)
        blocks.append(
            Table(
                "monitoring.park_kpis",
                tr("monitoring.park_kpis", lang),
                frame,
                tuple(columns),
                note=tr("monitoring.kpi_note", lang),
            )
        )
        named = _named(park_series.with_columns(pl.lit(None, pl.String).alias("direction")), lang)
        title = tr("monitoring.park_chart", lang)
        blocks.append(
            Figure(
                "monitoring_park",
                title,
                kpi_lines_png(named, lang, title=title),
                kpi_lines_plotly(named, lang, title),
                tr("monitoring.chart_caption", lang),
            )
        )
    firm_series = result.series.filter(pl.col("scope") == "firm")
    if firm_series.height:
        table = _firm_table(result, lang)
        blocks.append(
            Table(
                "monitoring.firm_kpis",
                tr("monitoring.firm_kpis", lang),
                table,
                (
                    col("entity_name", "col.firm"),
                    col("indicator_name", "col.indicator"),
                    col("year", "col.year"),
                    col("value", "col.last_value", "", -1),
                    col("unit", "col.unit"),
                    col("change_percent", "col.change_yoy", "%", 1),
                    col("direction_text", "col.assessment"),
                    col("relative_slope", "col.trend", "%/a", 1),
                ),
            )
        )
        named = _named(firm_series.with_columns(pl.lit(None, pl.String).alias("direction")), lang)
        title = tr("monitoring.firm_chart", lang)
        blocks.append(Figure("monitoring_firms", title, kpi_lines_png(named, lang, group="entity", title=title)))
    if result.measures.height or result.exchanges.height:
        title = tr("monitoring.savings_chart", lang)
        blocks.append(Figure("monitoring_savings", title, timeline_png(result.measures, result.exchanges, lang, title)))
    if result.measures.height:
        m = result.measures.with_columns(
            (pl.col("capex") / 1e9).alias("capex_bn"),
            (pl.col("annual_saving") / 1e9).alias("saving_bn"),
            (pl.col("verified_saving") / 1e9).alias("verified_bn"),
        )
        blocks.append(
            Table(
                "monitoring.measures",
                tr("monitoring.measures", lang),
                m,
                (
                    col("year", "col.year"),
                    col("measures", "col.new_measures"),
                    col("measures_total", "col.measures_total"),
                    col("verified_total", "col.verified_total"),
                    col("capex_bn", "col.capex", "10⁹ VND", 1),
                    col("saving_bn", "col.saving", "10⁹ VND/a", 2),
                    col("verified_bn", "col.verified_saving", "10⁹ VND/a", 2),
                    col("co2_saving", "col.co2_saving", "t/a", 0),
                ),
            )
        )
    if result.exchanges.height:
        x = result.exchanges.with_columns((pl.col("annual_benefit") / 1e9).alias("benefit_bn"))
        blocks.append(
            Table(
                "monitoring.exchanges",
                tr("monitoring.exchanges", lang),
                x,
                (
                    col("year", "col.year"),
                    col("exchanges", "col.new_exchanges"),
                    col("exchanges_total", "col.exchanges_total"),
                    col("benefit_bn", "col.benefit", "10⁹ VND/a", 2),
                ),
            )
        )
    notes = []
    partial = result.series.filter(~pl.col("complete"))
    if partial.height:
        notes.append(tr("monitoring.partial", lang, count=partial.height))
    if result.undated.get("measures") or result.undated.get("exchanges"):
        notes.append(
            tr(
                "monitoring.undated",
                lang,
                measures=result.undated.get("measures", 0),
                exchanges=result.undated.get("exchanges", 0),
            )
        )
    if result.monthly.height:
        notes.append(tr("monitoring.monthly", lang, count=result.monthly.height))
        monthly = _named(result.monthly.with_columns(pl.lit(None, pl.String).alias("direction")), lang)
        blocks.append(
            Table(
                "monitoring.monthly",
                tr("monitoring.monthly_table", lang),
                monthly,
                (
                    col("entity_name", "col.firm"),
                    col("indicator_name", "col.indicator"),
                    col("year", "col.year"),
                    col("month", "col.month"),
                    col("value", "col.value", "", 1),
                    col("unit", "col.unit"),
                ),
                excel_only=True,
            )
        )
    if notes:
        blocks.append(Bullets(tuple(notes)))
    return Section("monitoring", tr("monitoring.title", lang), tuple(blocks), tuple(_highlights(result, lang)))


SPEC = SectionSpec("monitoring", build, order=100, run=run, title_key="monitoring.title")

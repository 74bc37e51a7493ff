"""Charts of the park profile and of monitoring: land use, KPI series, savings timelines."""

from __future__ import annotations

import math
from typing import Any

import polars as pl

from eipkit.report._text import fmt, mpl_figure, png_bytes, tr

__all__ = ["kpi_lines_plotly", "kpi_lines_png", "land_use_png", "timeline_png"]

_BLUE, _GREEN, _ORANGE, _GREY = "#2f6fa8", "#1a9850", "#f28e2b", "#9aa5b1"


def _integer_years() -> Any:
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(integer=True)


def land_use_png(shares: pl.DataFrame, lang: str, title: str = "") -> bytes:
    """Horizontal bar of the park's land use (``shares``: ``label``, ``area`` [ha], ``share`` [%])."""
    fig = mpl_figure(8.0, 0.5 + 0.38 * shares.height, layout="constrained")
    ax = fig.add_subplot()
    labels = shares.get_column("label").to_list()[::-1]
    values = shares.get_column("area").to_list()[::-1]
    pct = shares.get_column("share").to_list()[::-1]
    ax.barh(labels, values, color=_BLUE)
    for i, (v, p) in enumerate(zip(values, pct, strict=True)):
        ax.text(v, i, f"  {fmt(v, lang, 1)} ha ({fmt(p, lang, 1)} %)", va="center", fontsize=7)
    ax.set_xlim(0, max(values or [1.0]) * 1.35)
    ax.tick_params(labelsize=7.5)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlabel("ha", fontsize=8)
    if title:
        ax.set_title(title, fontsize=9)
    return png_bytes(fig)


def _grid(n: int) -> tuple[int, int]:
    cols = 3 if n > 4 else max(1, min(n, 2))
    return math.ceil(n / cols), cols


def kpi_lines_png(series: pl.DataFrame, lang: str, group: str = "indicator", title: str = "") -> bytes:
    """Small multiples of KPI series: one panel per indicator (lines per entity when ``group`` is firms).

    ``series`` has the columns of :func:`eipkit.monitoring.kpi_series`; filled markers are verified
    values, hollow ones unverified; a dashed segment joins across a missing year.
    """
    indicators = series.select("indicator", "indicator_name", "unit").unique("indicator", maintain_order=True)
    rows, cols = _grid(max(indicators.height, 1))
    height = 2.1 * rows + 0.5
    fig = mpl_figure(9.0, height)
    axes = fig.subplots(rows, cols, squeeze=False)
    fig.subplots_adjust(left=0.07, right=0.98, bottom=0.35 / height, top=1 - 0.55 / height, wspace=0.28, hspace=0.55)
    palette = [_BLUE, _ORANGE, _GREEN, "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22"]
    for k, (key, name, unit) in enumerate(indicators.iter_rows()):
        ax = axes[k // cols][k % cols]
        data = series.filter(pl.col("indicator") == key)
        for j, (_, part) in enumerate(data.group_by(["entity"], maintain_order=True)):
            part = part.sort("year")
            c = palette[j % len(palette)]
            years, values = part["year"].to_list(), part["value"].to_list()
            ax.plot(
                years,
                values,
                color=c,
                linewidth=1.4,
                label=str(part["entity_name"][0]) if group != "indicator" else None,
            )
            verified = part["verified"].fill_null(False).to_list()
            ax.scatter(years, values, s=16, zorder=3, color=[c if v else "white" for v in verified], edgecolor=c)
        ax.set_title(f"{name}" + (f" [{unit}]" if unit else ""), fontsize=7.5)
        years_all = data.get_column("year")
        ax.set_xlim(float(years_all.min()) - 0.5, float(years_all.max()) + 0.5)  # type: ignore[arg-type]
        ax.tick_params(labelsize=6.5)
        ax.xaxis.set_major_locator(_integer_years())
        ax.yaxis.set_major_formatter(lambda v, _pos: fmt(v, lang, 0 if abs(v) >= 100 else 1))
        ax.spines[["top", "right"]].set_visible(False)
        if group != "indicator":
            ax.legend(fontsize=5.5, frameon=False)
    for k in range(indicators.height, rows * cols):
        axes[k // cols][k % cols].axis("off")
    if title:
        fig.suptitle(title, fontsize=9)
    return png_bytes(fig)


def kpi_lines_plotly(series: pl.DataFrame, lang: str, title: str = "") -> str:
    """Interactive version of :func:`kpi_lines_png` (one panel per indicator, hover for values)."""
    from plotly.subplots import make_subplots  # type: ignore[import-untyped]

    indicators = series.select("indicator", "indicator_name", "unit").unique("indicator", maintain_order=True)
    rows, cols = _grid(max(indicators.height, 1))
    names = [f"{n} [{u}]" if u else str(n) for _, n, u in indicators.iter_rows()]
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=names, vertical_spacing=0.12)
    verified_text = tr("monitoring.verified", lang)
    for k, (key, _name, unit) in enumerate(indicators.iter_rows()):
        data = series.filter(pl.col("indicator") == key)
        for (entity,), part in data.group_by(["entity"], maintain_order=True):
            part = part.sort("year")
            fig.add_scatter(
                x=part["year"].to_list(),
                y=part["value"].to_list(),
                mode="lines+markers",
                name=str(entity),
                showlegend=False,
                row=k // cols + 1,
                col=k % cols + 1,
                text=[
                    f"{part['entity_name'][0]}: {fmt(v, lang)} {unit or ''}" + (f" ({verified_text})" if ver else "")
                    for v, ver in zip(part["value"], part["verified"].fill_null(False), strict=True)
                ],
                hoverinfo="text+x",
            )
    fig.update_layout(
        height=260 * rows,
        title={"text": title},
        margin={"l": 40, "r": 10, "t": 60, "b": 30},
        font={"family": "DejaVu Sans, Arial, sans-serif", "size": 10},
    )
    fig.update_xaxes(dtick=1)
    return str(fig.to_json())


def timeline_png(measures: pl.DataFrame, exchanges: pl.DataFrame, lang: str, title: str = "") -> bytes:
    """Bars of measures' annual savings in place (verified part darker) and the exchanges' benefit line."""
    fig = mpl_figure(8.0, 3.2)
    ax = fig.add_axes((0.09, 0.12, 0.89, 0.78))
    if measures.height:
        years = measures["year"].to_list()
        total = (measures["annual_saving"] / 1e9).to_list()
        verified = (measures["verified_saving"] / 1e9).to_list()
        ax.bar(years, total, color=_GREY, label=tr("monitoring.chart.measures_saving", lang))
        ax.bar(years, verified, color=_GREEN, label=tr("monitoring.chart.measures_verified", lang))
    if exchanges.height:
        ax.plot(
            exchanges["year"].to_list(),
            (exchanges["annual_benefit"] / 1e9).to_list(),
            color=_BLUE,
            marker="o",
            markersize=3,
            linewidth=1.6,
            label=tr("monitoring.chart.exchange_benefit", lang),
        )
    ax.set_ylabel(tr("monitoring.chart.bn_vnd", lang), fontsize=8)
    ax.tick_params(labelsize=7)
    ax.xaxis.set_major_locator(_integer_years())
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(fontsize=7, frameon=False, loc="upper left")
    if title:
        ax.set_title(title, fontsize=9)
    return png_bytes(fig)

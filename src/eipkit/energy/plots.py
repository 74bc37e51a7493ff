"""Figures of energy studies: monthly balance, business-model cash flows, tornado (PNG or SVG).

matplotlib (extra ``plot``) is imported inside each function with the Agg backend.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl

from eipkit._plotting import pyplot as _pyplot
from eipkit._plotting import save_figure as _save
from eipkit.energy._validate import month_of_hour
from eipkit.energy.load import SelfConsumption
from eipkit.i18n import t

__all__ = ["plot_cash_flows", "plot_monthly_balance", "plot_tornado"]


def _monthly(values: np.ndarray) -> np.ndarray:
    return np.bincount(month_of_hour(), weights=values, minlength=12) / 1000.0


def plot_monthly_balance(selfuse: SelfConsumption, path: str | Path, lang: str = "en") -> Path:
    """Monthly generation split (self-consumed, exported, curtailed) against the load [MWh].

    Parameters
    ----------
    selfuse : SelfConsumption
        Hour-by-hour balance (:func:`~eipkit.energy.self_consumption`).
    path : str or path
        Image file to write (``.png`` or ``.svg``).
    lang : str
        Language of the labels.
    """
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(8, 4.5))
    months = np.arange(1, 13)
    used, exported, curtailed = (_monthly(x) for x in (selfuse.self_consumed, selfuse.exported, selfuse.curtailed))
    ax.bar(months, used, label=t("energy.plot.self_consumed", lang), color="#2e7d32")
    ax.bar(months, exported, bottom=used, label=t("energy.plot.exported", lang), color="#f9a825")
    ax.bar(months, curtailed, bottom=used + exported, label=t("energy.plot.curtailed", lang), color="#bdbdbd")
    ax.plot(months, _monthly(selfuse.load), "k-o", label=t("energy.plot.load", lang))
    ax.set_xticks(months)
    ax.set_xlabel(t("energy.plot.month", lang))
    ax.set_ylabel("MWh")
    ax.set_title(t("energy.plot.monthly_title", lang))
    ax.legend()
    return _save(fig, path)


def plot_cash_flows(cash_flows: pl.DataFrame, path: str | Path, lang: str = "en", side: str = "firm") -> Path:
    """Cumulative cash flow of each business model for the firm (or the investor) [billion VND].

    Parameters
    ----------
    cash_flows : polars.DataFrame
        ``BusinessComparison.cash_flows`` (model, year, firm, investor).
    path : str or path
        Image file to write.
    lang : str
        Language of the labels.
    side : str
        ``firm`` or ``investor``.
    """
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(8, 4.5))
    for model in cash_flows["model"].unique(maintain_order=True).to_list():
        rows = cash_flows.filter(pl.col("model") == model).sort("year")
        values = rows[side].fill_null(np.nan).to_numpy().astype(float)
        if np.all(np.isnan(values)):
            continue
        ax.plot(rows["year"].to_numpy(), np.cumsum(values) / 1e9, marker=".", label=t(f"energy.model.{model}", lang))
    ax.axhline(0.0, color="k", lw=0.8)
    ax.set_xlabel(t("energy.plot.year", lang))
    ax.set_ylabel(t("energy.plot.cumulative", lang))
    ax.set_title(t(f"energy.plot.cash_title_{side}", lang))
    ax.legend()
    return _save(fig, path)


def plot_tornado(table: pl.DataFrame, path: str | Path, lang: str = "en") -> Path:
    """Tornado chart of an NPV sensitivity (:func:`~eipkit.energy.tornado`) [billion VND].

    Parameters
    ----------
    table : polars.DataFrame
        Output of :func:`~eipkit.energy.tornado`.
    path : str or path
        Image file to write.
    lang : str
        Language of the labels.
    """
    plt = _pyplot()
    rows = table.sort("swing")
    base = float(rows["npv_base"][0]) / 1e9 if rows.height else 0.0
    fig, ax = plt.subplots(figsize=(8, 0.5 * rows.height + 1.5))
    y = np.arange(rows.height)
    low = rows["npv_low"].to_numpy() / 1e9
    high = rows["npv_high"].to_numpy() / 1e9
    ax.barh(y, low - base, left=base, color="#c62828", label=t("energy.plot.minus", lang))
    ax.barh(y, high - base, left=base, color="#1565c0", label=t("energy.plot.plus", lang))
    ax.axvline(base, color="k", lw=0.8)
    ax.set_yticks(y)
    ax.set_yticklabels([t(f"energy.param.{p}", lang) for p in rows["parameter"].to_list()])
    ax.set_xlabel(t("energy.plot.npv", lang))
    ax.set_title(t("energy.plot.tornado_title", lang))
    ax.legend()
    return _save(fig, path)

"""Figures of a pinch study: composite curves, grand composite curve, site profiles (PNG or SVG).

matplotlib (extra ``plot``) is imported inside each function with the Agg backend, so importing
:mod:`eipkit.heat` stays light and works without a display.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from eipkit._plotting import pyplot as _pyplot
from eipkit._plotting import save_figure as _save
from eipkit.heat.curves import _composite
from eipkit.heat.site import SiteTargets
from eipkit.i18n import t

__all__ = ["plot_composite_curves", "plot_grand_composite", "plot_site_profiles"]


def plot_composite_curves(composite: pl.DataFrame, path: str | Path, lang: str = "en") -> Path:
    """Draw the hot and cold composite curves (from :func:`eipkit.heat.composite_curves`).

    Parameters
    ----------
    composite : polars.DataFrame
        Columns ``curve``, ``temperature``, ``enthalpy_flow``.
    path : str or path
        Image file to write (``.png`` or ``.svg``).
    lang : str
        Language of the labels (``vi`` or ``en``).

    Returns
    -------
    pathlib.Path
        The file written.
    """
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7, 5))
    for curve, colour in (("hot", "tab:red"), ("cold", "tab:blue")):
        part = composite.filter(pl.col("curve") == curve)
        if part.height:
            ax.plot(
                part["enthalpy_flow"],
                part["temperature"],
                color=colour,
                marker="o",
                ms=3,
                label=t(f"heat.plot.{curve}_composite", lang),
            )
    ax.set_xlabel(t("heat.plot.enthalpy_flow", lang))
    ax.set_ylabel(t("heat.plot.temperature", lang))
    ax.set_title(t("heat.plot.composite_title", lang))
    ax.grid(alpha=0.3)
    ax.legend()
    return _save(fig, path)


def plot_grand_composite(cascade: pl.DataFrame, path: str | Path, lang: str = "en") -> Path:
    """Draw the grand composite curve of a problem table (:func:`eipkit.heat.problem_table`).

    Parameters
    ----------
    cascade : polars.DataFrame
        Problem table with ``shifted_temperature`` and ``heat_flow``.
    path : str or path
        Image file to write.
    lang : str
        Language of the labels.

    Returns
    -------
    pathlib.Path
    """
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7, 5))
    ax.plot(cascade["heat_flow"], cascade["shifted_temperature"], color="black", marker="o", ms=3)
    ax.fill_betweenx(cascade["shifted_temperature"].to_numpy(), 0, cascade["heat_flow"].to_numpy(), alpha=0.1)
    ax.axvline(0, color="grey", lw=0.8)
    ax.set_xlabel(t("heat.plot.heat_flow", lang))
    ax.set_ylabel(t("heat.plot.shifted_temperature", lang))
    ax.set_title(t("heat.plot.gcc_title", lang))
    ax.grid(alpha=0.3)
    return _save(fig, path)


def plot_site_profiles(segments: pl.DataFrame, targets: SiteTargets, path: str | Path, lang: str = "en") -> Path:
    """Draw the site source and sink profiles, placed so that they overlap by the inter-firm recovery.

    Parameters
    ----------
    segments : polars.DataFrame
        Result of :func:`eipkit.heat.site_segments` (shifted temperatures).
    targets : SiteTargets
        Result of :func:`eipkit.heat.site_targets`.
    path : str or path
        Image file to write.
    lang : str
        Language of the labels.

    Returns
    -------
    pathlib.Path
    """
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7, 5))
    for profile, colour, start in (("source", "tab:red", 0.0), ("sink", "tab:blue", targets.site_cold_utility)):
        part = segments.filter(pl.col("profile") == profile)
        temps, heat = _composite(
            part["supply_temperature"].to_numpy().astype(float),
            part["target_temperature"].to_numpy().astype(float),
            part["cp"].to_numpy().astype(float),
            start,
        )
        if temps.size:
            ax.plot(heat, temps, color=colour, marker="o", ms=3, label=t(f"heat.plot.site_{profile}", lang))
    ax.set_xlabel(t("heat.plot.enthalpy_flow", lang))
    ax.set_ylabel(t("heat.plot.shifted_temperature", lang))
    ax.set_title(t("heat.plot.site_title", lang, recovery=f"{targets.inter_firm_recovery:,.0f}"))
    ax.grid(alpha=0.3)
    if ax.get_legend_handles_labels()[0]:
        ax.legend()
    return _save(fig, path)

"""Figure of the marginal abatement cost curve (PNG or SVG); matplotlib imported when drawing."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from eipkit._plotting import pyplot as _pyplot
from eipkit.i18n import t

__all__ = ["plot_mac_curve"]

_COLOURS = {"recp": "#2e7d32", "symbiosis": "#6a1b9a", "solar": "#f9a825", "wind": "#1565c0", "coprocessing": "#8d6e63"}


def plot_mac_curve(curve: pl.DataFrame, path: str | Path, lang: str = "en") -> Path:
    """Draw a MAC curve (:func:`~eipkit.recp.mac_curve`): bar width = abatement, height = MAC.

    Bars wider than 3 % of the total abatement carry their option id.

    Parameters
    ----------
    curve : polars.DataFrame
        The ``curve`` table of :func:`~eipkit.recp.mac_curve`.
    path : str or path
        Image file to write (``.png`` or ``.svg``).
    lang : str
        Language of the labels.
    """
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(9, 5))
    seen: set[str] = set()
    total = float(curve["co2_saving"].sum()) if curve.height else 0.0
    for row in curve.iter_rows(named=True):
        group = row["group"]
        label = None if group in seen else t(f"recp.group.{group}", lang)
        seen.add(group)
        ax.bar(
            row["start"],
            row["mac"] / 1e6,
            width=row["co2_saving"],
            align="edge",
            color=_COLOURS.get(group, "#607d8b"),
            edgecolor="white",
            label=label,
        )
        if row["co2_saving"] >= 0.03 * total:  # label the wider bars only; the CSV lists every option
            ax.annotate(
                row["option"],
                (row["start"] + row["co2_saving"] / 2, row["mac"] / 1e6),
                fontsize=7,
                ha="center",
                va="bottom" if row["mac"] >= 0 else "top",
            )
    ax.axhline(0.0, color="k", lw=0.8)
    ax.set_xlabel(t("recp.plot.abatement", lang))
    ax.set_ylabel(t("recp.plot.mac", lang))
    ax.set_title(t("recp.plot.mac_title", lang))
    if seen:
        ax.legend()
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    fig.savefig(target, dpi=120)
    plt.close(fig)
    return target

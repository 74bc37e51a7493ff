"""Figures of an exchange network: a map of the chosen links and the Pareto front (PNG or SVG).

matplotlib (extra ``plot``) is imported inside the functions with the Agg backend.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from eipkit._plotting import pyplot as _pyplot
from eipkit._plotting import save_figure as _save
from eipkit.i18n import t

__all__ = ["plot_network_map", "plot_pareto_front"]

_COLOURS = {"mass_flow": "tab:brown", "volume_flow": "tab:blue", "energy_flow": "tab:red"}


def _positions(firms: pl.DataFrame | None, names: list[str]) -> dict[str, tuple[float, float]]:
    pos: dict[str, tuple[float, float]] = {}
    if firms is not None and {"id", "latitude", "longitude"} <= set(firms.columns):
        for r in firms.iter_rows(named=True):
            if r["latitude"] is not None and r["longitude"] is not None:
                pos[str(r["id"])] = (float(r["longitude"]), float(r["latitude"]))
    missing = [n for n in names if n not in pos]
    if missing:  # firms without coordinates go on a circle around the others
        cx, cy = (np.mean([p[0] for p in pos.values()]), np.mean([p[1] for p in pos.values()])) if pos else (0.0, 0.0)
        radius = 0.01 if pos else 1.0
        for k, name in enumerate(missing):
            angle = 2 * np.pi * k / len(missing)
            pos[name] = (float(cx + radius * np.cos(angle)), float(cy + radius * np.sin(angle)))
    return pos


def plot_network_map(
    links: pl.DataFrame, path: str | Path, firms: pl.DataFrame | None = None, lang: str = "en"
) -> Path:
    """Draw the chosen links between firms (arrows from supplier to receiver, width ~ benefit).

    Parameters
    ----------
    links : polars.DataFrame
        Built links (``NetworkSolution.selected``).
    path : str or path
        Image file to write.
    firms : polars.DataFrame, optional
        Firms with ``id``, ``latitude``, ``longitude`` (e.g. ``park.firms``); firms without
        coordinates are placed on a circle.
    lang : str
        Language of the labels.

    Returns
    -------
    pathlib.Path
    """
    plt = _pyplot()
    names = sorted({*links.get_column("supplier").to_list(), *links.get_column("receiver").to_list()})
    pos = _positions(firms, names)
    outside: set[str] = set()
    if firms is not None and "role" in firms.columns:
        outside = set(firms.filter(pl.col("role") == "external").get_column("id").cast(pl.String).to_list())
    inside_links = links.filter(~pl.col("supplier").is_in(list(outside)) & ~pl.col("receiver").is_in(list(outside)))
    panels = [(links, t("network.plot.map_title", lang, links=links.height))]
    if outside & set(names) and inside_links.height:  # a second panel zooms on the park itself
        panels.append((inside_links, t("network.plot.inside_title", lang, links=inside_links.height)))
    fig, axes = plt.subplots(1, len(panels), figsize=(8 * len(panels), 7), squeeze=False)
    scale = float(np.abs(links.get_column("benefit").to_numpy()).max()) if "benefit" in links.columns else 1.0
    for ax, (part, title) in zip(axes[0], panels, strict=True):
        _draw(ax, part, pos, scale or 1.0)
        for kind, colour in _COLOURS.items():
            ax.plot([], [], color=colour, label=t(f"network.kind.{kind}", lang))
        ax.legend(loc="best", fontsize=8)
        ax.set_xlabel(t("network.plot.longitude", lang))
        ax.set_ylabel(t("network.plot.latitude", lang))
        ax.set_title(title)
        ax.ticklabel_format(useOffset=False)
        ax.grid(alpha=0.3)
    return _save(fig, path)


def _draw(ax: Any, links: pl.DataFrame, pos: dict[str, tuple[float, float]], scale: float) -> None:
    """Arrows from supplier to receiver (width ~ benefit; parallel links bent apart) and firm labels."""
    benefit = links.get_column("benefit").to_numpy() if "benefit" in links.columns else np.ones(links.height)
    pairs = [(r["supplier"], r["receiver"]) for r in links.iter_rows(named=True)]
    seen: dict[tuple[str, str], int] = {}
    for r, b, pair in zip(links.iter_rows(named=True), benefit, pairs, strict=True):
        (x0, y0), (x1, y1) = pos[r["supplier"]], pos[r["receiver"]]
        k = seen.get(pair, 0)
        seen[pair] = k + 1
        bend = 0.25 * (k - (pairs.count(pair) - 1) / 2)
        ax.annotate(
            "",
            xy=(x1, y1),
            xytext=(x0, y0),
            arrowprops={
                "connectionstyle": f"arc3,rad={bend:.3f}",
                "arrowstyle": "-|>",
                "color": _COLOURS.get(r.get("amount_kind") or "", "tab:grey"),
                "lw": 0.8 + 4 * abs(b) / scale,
                "alpha": 0.75,
                "shrinkA": 5,
                "shrinkB": 5,
            },
        )
    for name in sorted({p for pair in pairs for p in pair}):
        x, y = pos[name]
        ax.plot(x, y, "o", color="black", ms=5)
        ax.annotate(name, (x, y), textcoords="offset points", xytext=(3, 3), fontsize=6)


def plot_pareto_front(front: pl.DataFrame, path: str | Path, lang: str = "en") -> Path:
    """Draw net annual benefit against CO2e avoided for the points of :func:`eipkit.network.pareto_front`.

    Parameters
    ----------
    front : polars.DataFrame
        Result of :func:`eipkit.network.pareto_front`.
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
    ax.plot(front["co2_avoided"], front["net_benefit"] / 1e6, "o-", color="tab:green")
    for r in front.iter_rows(named=True):
        ax.annotate(
            str(r["links"]),
            (r["co2_avoided"], r["net_benefit"] / 1e6),
            textcoords="offset points",
            xytext=(4, 4),
            fontsize=8,
        )
    ax.set_xlabel(t("network.plot.co2", lang))
    ax.set_ylabel(t("network.plot.benefit", lang))
    ax.set_title(t("network.plot.pareto_title", lang))
    ax.grid(alpha=0.3)
    return _save(fig, path)

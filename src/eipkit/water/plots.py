"""Figures of water studies: limiting composite curve, cascade diagram, network diagram (matplotlib, Agg)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl

from eipkit._plotting import pyplot as _pyplot
from eipkit._plotting import save_figure as _save

__all__ = ["plot_cascade", "plot_limiting_composite", "plot_network"]


def plot_limiting_composite(curve: pl.DataFrame, freshwater_flow: float, path: str | Path) -> Path:
    """Draw the limiting composite curve and the water supply line at the freshwater target.

    Parameters
    ----------
    curve : polars.DataFrame
        ``concentration`` [ppm] and ``cumulative_load`` [kg/h] (see :func:`limiting_composite_curve`).
    freshwater_flow : float
        Freshwater target [t/h]; the supply line has slope ``1000 / freshwater_flow`` ppm per kg/h.
    path : str or Path
        PNG or SVG file to write.
    """
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6, 4))
    load, conc = curve["cumulative_load"].to_numpy(), curve["concentration"].to_numpy()
    ax.plot(load, conc, "o-", label="limiting composite curve")
    if freshwater_flow > 0:
        x = np.array([0.0, float(load.max()) if load.size else 0.0])
        ax.plot(x, 1000.0 * x / freshwater_flow, "--", label=f"water supply line ({freshwater_flow:.4g} t/h)")
    ax.set_xlabel("mass load [kg/h]")
    ax.set_ylabel("concentration [ppm]")
    ax.legend()
    ax.grid(alpha=0.3)
    return _save(fig, path, dpi=110)


def plot_cascade(table: pl.DataFrame, path: str | Path) -> Path:
    """Draw the water cascade: cumulative flow and load at each concentration level.

    Parameters
    ----------
    table : polars.DataFrame
        The cascade table of a :class:`~eipkit.water.CascadeResult`.
    path : str or Path
        PNG or SVG file to write.
    """
    plt = _pyplot()
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(8, 4), sharey=True)
    y = np.arange(table.height)
    labels = [f"{c:g}" for c in table["concentration"].to_list()]
    a1.barh(y, table["cumulative_flow"].to_numpy(), color="tab:blue")
    a1.set_xlabel("cascaded flow [t/h]")
    a2.barh(y, table["cumulative_load"].to_numpy() / 1000.0, color="tab:orange")
    a2.set_xlabel("cumulative load [kg/h]")
    a1.set_yticks(y, labels)
    a1.set_ylabel("concentration [ppm]")
    zero = np.isclose(table["cumulative_load"].to_numpy(), 0.0, atol=1e-6) & (table["freshwater_needed"].to_numpy() > 0)
    for i in np.nonzero(zero)[0]:
        a2.axhline(i, color="red", lw=1, ls="--")
    return _save(fig, path, dpi=110)


def plot_network(allocation: pl.DataFrame, path: str | Path) -> Path:
    """Draw the network: sources (and freshwater) on the left, sinks (and wastewater) on the right.

    Parameters
    ----------
    allocation : polars.DataFrame
        ``source``, ``sink``, ``flow`` [t/h] rows.
    path : str or Path
        PNG or SVG file to write.
    """
    plt = _pyplot()
    left = list(dict.fromkeys(allocation["source"].to_list()))
    right = list(dict.fromkeys(allocation["sink"].to_list()))
    middle = [n for n in left if n in right]
    left = [n for n in left if n not in middle]
    right = [n for n in right if n not in middle]
    pos: dict[str, tuple[float, float]] = {}
    for x, names in ((0.0, left), (0.5, middle), (1.0, right)):
        for i, n in enumerate(names):
            pos[n] = (x, -i * 1.0 + (len(names) - 1) / 2)
    height = max(len(left), len(right), len(middle), 2)
    fig, ax = plt.subplots(figsize=(7, 0.45 * height + 1.5))
    top = float(allocation["flow"].to_numpy().max()) if allocation.height else 1.0
    for s, d, f in allocation.select("source", "sink", "flow").rows():
        (x0, y0), (x1, y1) = pos[s], pos[d]
        ax.plot([x0, x1], [y0, y1], color="tab:blue", lw=0.5 + 4 * f / top, alpha=0.6)
        ax.text((x0 + x1) / 2, (y0 + y1) / 2, f"{f:.3g}", fontsize=6, ha="center")
    for n, (x, y) in pos.items():
        ax.plot(x, y, "o", color="tab:red" if n in ("FW", "WW") else "k")
        ax.text(x + (-0.02 if x < 0.5 else 0.02), y, n, ha="right" if x < 0.5 else "left", va="center", fontsize=7)
    ax.set_axis_off()
    ax.set_title("water network [t/h]")
    return _save(fig, path, dpi=110)

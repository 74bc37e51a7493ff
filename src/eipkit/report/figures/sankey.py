"""Sankey diagrams of :class:`~eipkit.report.flows.SankeyData`: static (matplotlib) and interactive (Plotly).

The static drawing is eipkit's own: nodes are bars stacked in their column, with heights
proportional to their value; each link is a band between two nodes bounded by two cubic Bézier
curves, stacked at both ends in the order of the other end's position (fewest crossings for
the usual left-to-right flows). Both drawings share the same node positions.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import polars as pl

from eipkit.report._text import fmt, mpl_figure, png_bytes, tr
from eipkit.report.flows import SankeyData

__all__ = ["STATUS_COLOURS", "SankeyLayout", "sankey_layout", "sankey_plotly", "sankey_png"]

#: Colour of each link status (hex), shared by the static and the interactive figure.
STATUS_COLOURS: dict[str, str] = {
    "market": "#9aa5b1",
    "service": "#4a90c8",
    "existing": "#1a9850",
    "proposed": "#f28e2b",
    "balance": "#d9d9d9",
}
_GAP = 0.018
_NODE_WIDTH = 0.018


@dataclass
class SankeyLayout:
    """Positions of nodes (0..1 axes, y downwards from the top) and of link ends."""

    x: dict[str, float]
    y0: dict[str, float]
    height: dict[str, float]
    scale: float
    link_ends: list[tuple[float, float, float, float, float]]  # y_source_top, y_target_top, thickness, x0, x1


def sankey_layout(data: SankeyData) -> SankeyLayout:
    """Place the nodes of ``data`` and the two ends of every link."""
    nodes, links = data.nodes, data.links
    columns = sorted(set(nodes.get_column("column").to_list()))
    xpos = {c: i / max(len(columns) - 1, 1) for i, c in enumerate(columns)}
    per_col = nodes.group_by("column").agg(pl.col("value").sum(), pl.len())
    worst = max(
        (v / max(1e-9, 1.0 - _GAP * (n - 1)) for v, n in per_col.select("value", "len").iter_rows()), default=1.0
    )
    scale = 1.0 / worst if worst > 0 else 1.0
    x, y0, height = {}, {}, {}
    for c in columns:
        col_nodes = nodes.filter(pl.col("column") == c)
        used = float(col_nodes.get_column("value").sum()) * scale + _GAP * (col_nodes.height - 1)
        y = (1.0 - used) / 2.0
        for nid, value in col_nodes.select("id", "value").iter_rows():
            x[nid], y0[nid], height[nid] = xpos[c] * (1 - _NODE_WIDTH), y, value * scale
            y += value * scale + _GAP
    centre = {n: y0[n] + height[n] / 2 for n in x}
    out_next = dict(y0)
    in_next = dict(y0)
    ends: list[tuple[float, float, float, float, float]] = []
    order = sorted(
        range(links.height),
        key=lambda i: (centre[links["source"][i]], centre[links["target"][i]]),
    )
    by_source = sorted(order, key=lambda i: (links["source"][i], centre[links["target"][i]]))
    source_top: dict[int, float] = {}
    for i in by_source:
        s = links["source"][i]
        source_top[i] = out_next[s]
        out_next[s] += links["value"][i] * scale
    by_target = sorted(order, key=lambda i: (links["target"][i], centre[links["source"][i]]))
    target_top: dict[int, float] = {}
    for i in by_target:
        tgt = links["target"][i]
        target_top[i] = in_next[tgt]
        in_next[tgt] += links["value"][i] * scale
    for i in range(links.height):
        s, tgt = links["source"][i], links["target"][i]
        ends.append((source_top[i], target_top[i], links["value"][i] * scale, x[s] + _NODE_WIDTH, x[tgt]))
    return SankeyLayout(x, y0, height, scale, ends)


def _band(y_s: float, y_t: float, thick: float, x0: float, x1: float) -> tuple[list[tuple[float, float]], list[Any]]:
    """Outline of a band from a source end (x0, y_s) to a target end (x1, y_t): two cubic Béziers."""
    from matplotlib.path import Path

    if x1 > x0:
        c0 = c1 = (x0 + x1) / 2
    else:  # a link against the flow (a cycle): loop out and back
        c0, c1 = x0 + 0.08, x1 - 0.08
    verts = [
        (x0, y_s), (c0, y_s), (c1, y_t), (x1, y_t),
        (x1, y_t + thick), (c1, y_t + thick), (c0, y_s + thick), (x0, y_s + thick), (x0, y_s),
    ]  # fmt: skip
    codes = [Path.MOVETO, Path.CURVE4, Path.CURVE4, Path.CURVE4, Path.LINETO, Path.CURVE4, Path.CURVE4, Path.CURVE4,
             Path.CLOSEPOLY]  # fmt: skip
    return verts, codes


def _place_labels(data: SankeyData, layout: SankeyLayout, lang: str) -> dict[int, list[tuple[str, str, float]]]:
    """Label text and height of every node, pushed apart within a column so that none overlap."""
    out: dict[int, list[tuple[str, str, float]]] = {}
    for column in sorted(set(data.nodes.get_column("column").to_list())):
        rows = data.nodes.filter(pl.col("column") == column).select("id", "label", "value").rows()
        items = []
        for nid, lab, value in rows:
            big = layout.height[nid] >= 0.045
            text = f"{lab}\n{fmt(value, lang)}" if big else f"{lab}: {fmt(value, lang)}"
            items.append([nid, text, layout.y0[nid] + layout.height[nid] / 2, 0.042 if big else 0.021])
        items.sort(key=lambda item: item[2])
        for prev, item in itertools.pairwise(items):
            item[2] = max(item[2], prev[2] + (prev[3] + item[3]) / 2)
        overflow = (items[-1][2] + items[-1][3] / 2 - 1.0) if items else 0.0
        if overflow > 0:
            for item in items:
                item[2] -= overflow
            for prev, item in zip(items[::-1], items[-2::-1], strict=False):
                item[2] = min(item[2], prev[2] - (prev[3] + item[3]) / 2)
        out[column] = [(str(i[0]), str(i[1]), float(i[2])) for i in items]
    return out


def sankey_png(data: SankeyData, lang: str, title: str = "") -> bytes:
    """Draw ``data`` as a static Sankey diagram and return PNG bytes."""
    from matplotlib.patches import PathPatch, Rectangle
    from matplotlib.path import Path

    layout = sankey_layout(data)
    fig = mpl_figure(10.0, 6.6)
    ax = fig.add_axes((0.005, 0.05, 0.99, 0.89))
    ax.set_xlim(-0.01, 1.01)
    ax.set_ylim(1.02, -0.02)
    ax.axis("off")
    links = data.links
    for i, (y_s, y_t, thick, x0, x1) in enumerate(layout.link_ends):
        status = links["status"][i]
        verts, codes = _band(y_s, y_t, thick, x0, x1)
        patch = PathPatch(
            Path(verts, codes),
            facecolor=STATUS_COLOURS[status],
            edgecolor=STATUS_COLOURS[status] if status != "proposed" else "#b35806",
            alpha=0.45 if status in ("market", "balance") else 0.7,
            linewidth=0.2 if status != "proposed" else 0.8,
            linestyle="-" if status != "proposed" else "--",
            hatch="///" if status == "proposed" else ("..." if status == "balance" else None),
        )
        ax.add_patch(patch)
    last_col = max(data.nodes.get_column("column").to_list(), default=0)
    for column, labels in _place_labels(data, layout, lang).items():
        right = column != last_col
        for nid, text, y in labels:
            ax.text(
                layout.x[nid] + (_NODE_WIDTH + 0.006 if right else -0.006),
                y,
                text,
                ha="left" if right else "right",
                va="center",
                fontsize=6.3,
                linespacing=0.95,
                bbox={"facecolor": "white", "alpha": 0.65, "edgecolor": "none", "pad": 0.2},
            )
    for nid in data.nodes.get_column("id"):
        h = layout.height[nid]
        ax.add_patch(Rectangle((layout.x[nid], layout.y0[nid]), _NODE_WIDTH, max(h, 0.002), color="#3b4252"))
    from matplotlib.patches import Patch

    present = [s for s in STATUS_COLOURS if (links.get_column("status") == s).any()]
    handles = [
        Patch(
            facecolor=STATUS_COLOURS[s],
            alpha=0.7,
            hatch="///" if s == "proposed" else None,
            label=tr(f"flows.status.{s}", lang),
        )
        for s in present
    ]
    ax.legend(
        handles=handles, loc="lower center", bbox_to_anchor=(0.5, -0.06), ncol=len(handles), fontsize=7, frameon=False
    )
    if title:
        ax.set_title(f"{title} [{data.unit}]", fontsize=10)
    return png_bytes(fig)


def _rgba(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def sankey_plotly(data: SankeyData, lang: str, title: str = "") -> str:
    """Return an interactive Plotly Sankey of ``data`` as JSON (nodes at the static positions)."""
    import plotly.graph_objects as go  # type: ignore[import-untyped]

    layout = sankey_layout(data)
    ids = data.nodes.get_column("id").to_list()
    index = {n: i for i, n in enumerate(ids)}
    labels = data.nodes.get_column("label").to_list()
    values = data.nodes.get_column("value").to_list()
    links = data.links
    status_names = {s: tr(f"flows.status.{s}", lang) for s in STATUS_COLOURS}
    node = {
        "label": labels,
        "x": [min(max(layout.x[n], 0.001), 0.999) for n in ids],
        "y": [min(max(layout.y0[n] + layout.height[n] / 2, 0.001), 0.999) for n in ids],
        "pad": 8,
        "thickness": 14,
        "color": "#3b4252",
        "customdata": [fmt(v, lang) for v in values],
        "hovertemplate": "%{label}<br>%{customdata} " + data.unit + "<extra></extra>",
    }
    link = {
        "source": [index[s] for s in links.get_column("source")],
        "target": [index[s] for s in links.get_column("target")],
        "value": links.get_column("value").to_list(),
        "color": [_rgba(STATUS_COLOURS[s], 0.75 if s in ("existing", "proposed") else 0.45) for s in links["status"]],
        "customdata": [
            f"{status_names[s]}: {d}<br>{fmt(v, lang)} {data.unit}"
            for s, d, v in zip(links["status"], links["detail"], links["value"], strict=True)
        ],
        "hovertemplate": "%{source.label} → %{target.label}<br>%{customdata}<extra></extra>",
    }
    fig = go.Figure(go.Sankey(arrangement="fixed", node=node, link=link, valueformat=",.0f"))
    fig.update_layout(
        title={"text": f"{title} [{data.unit}]" if title else ""},
        font={"family": "DejaVu Sans, Arial, sans-serif", "size": 11},
        height=620,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
    )
    return str(fig.to_json())

r"""Map of firms and symbiosis links on the park's own coordinates (no tiles, works offline).

Positions are projected to kilometres east and north of the park centre with a local
equirectangular projection,

.. math::

    x = R\,\Delta\lambda \cos\varphi_0, \qquad y = R\,\Delta\varphi,

with :math:`R` = 6371.0088 km (IUGG mean Earth radius), :math:`\varphi_0` the latitude of the
centre and angles in radians; over a park of a few kilometres the distortion is far below the
precision of firm coordinates (Snyder, *Map Projections: A Working Manual*, USGS Professional
Paper 1395, 1987, p. 90). Partners outside the frame (e.g. a cement kiln 20 km away) are drawn
on the frame edge in their direction, with their distance.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import polars as pl

from eipkit.park import Park
from eipkit.report._text import fmt, mpl_figure, png_bytes, short_name, tr
from eipkit.report.figures.sankey import STATUS_COLOURS
from eipkit.vocab import label

__all__ = ["EARTH_RADIUS_KM", "MapData", "local_xy", "map_data", "map_plotly", "map_png"]

#: Mean Earth radius (IUGG), km.
EARTH_RADIUS_KM = 6371.0088
_LINK_STYLE: dict[str, Any] = {"existing": "-", "proposed": "--", "ended": ":"}


def local_xy(
    latitude: npt.ArrayLike, longitude: npt.ArrayLike, lat0: float, lon0: float
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Project coordinates (degrees) to km east and north of (``lat0``, ``lon0``).

    Examples
    --------
    >>> x, y = local_xy([0.0], [1.0], 0.0, 0.0)
    >>> round(float(x[0]), 1), float(y[0])
    (111.2, 0.0)
    """
    lat = np.radians(np.asarray(latitude, dtype=float))
    lon = np.radians(np.asarray(longitude, dtype=float))
    x = EARTH_RADIUS_KM * (lon - math.radians(lon0)) * math.cos(math.radians(lat0))
    y = EARTH_RADIUS_KM * (lat - math.radians(lat0))
    return x, y


@dataclass
class MapData:
    """Firms (``firms``: id, label, sector, role, x, y, size, outside, distance) and links."""

    firms: pl.DataFrame
    links: pl.DataFrame
    frame: tuple[float, float, float, float]
    missing: int


def map_data(park: Park, lang: str = "en", links: pl.DataFrame | None = None) -> MapData:
    """Project firms and exchanges of ``park`` for drawing.

    ``links`` (``id``, ``supplier``, ``receiver``, ``resource_class``, ``status``) replaces the
    park's exchanges, e.g. to draw the opportunities a study found.
    """
    firms = park.firms
    located = firms.filter(pl.col("latitude").is_not_null() & pl.col("longitude").is_not_null())
    missing = firms.height - located.height
    inside = located.filter(pl.col("role") != "external")
    ref = inside if inside.height else located
    lat0 = park.meta.get("latitude") or float(ref.get_column("latitude").mean() or 0.0)  # type: ignore[arg-type]
    lon0 = park.meta.get("longitude") or float(ref.get_column("longitude").mean() or 0.0)  # type: ignore[arg-type]
    x, y = local_xy(located.get_column("latitude").to_numpy(), located.get_column("longitude").to_numpy(), lat0, lon0)
    located = located.with_columns(pl.Series("x", x), pl.Series("y", y))
    box = located.filter(pl.col("role") != "external") if inside.height else located
    xs, ys = box.get_column("x").to_numpy(), box.get_column("y").to_numpy()
    span = max(float(xs.max() - xs.min()), float(ys.max() - ys.min()), 0.5)
    pad = 0.12 * span
    frame = (float(xs.min()) - pad, float(xs.max()) + pad, float(ys.min()) - pad, float(ys.max()) + pad)
    cx, cy = (frame[0] + frame[1]) / 2, (frame[2] + frame[3]) / 2
    px, py, out = [], [], []
    for xi, yi in zip(x, y, strict=True):
        dx, dy = xi - cx, yi - cy
        scale = max(abs(dx) / ((frame[1] - frame[0]) / 2), abs(dy) / ((frame[3] - frame[2]) / 2), 1e-12)
        outside = scale > 1.0
        px.append(cx + dx / scale if outside else xi)
        py.append(cy + dy / scale if outside else yi)
        out.append(outside)
    area = located.get_column("land_area").fill_null(0.0).to_numpy()
    size = 12.0 + 60.0 * np.sqrt(area / max(float(area.max()), 1.0))
    names = [short_name(n) for n in located.get_column("name").to_list()]
    firms_out = located.select("id", "role", "sector").with_columns(
        pl.Series("label", names),
        pl.Series("sector_name", [label("sectors", s, lang) for s in located.get_column("sector")]),
        pl.Series("x", px),
        pl.Series("y", py),
        pl.Series("size", size),
        pl.Series("outside", out),
        pl.Series("distance", np.hypot(x, y)),
    )
    status = (
        pl.when(pl.col("status") == "operating")
        .then(pl.lit("existing"))
        .when(pl.col("status").is_in(["idea", "feasibility", "agreed"]))
        .then(pl.lit("proposed"))
        .otherwise(pl.lit("ended"))
    )
    pos = firms_out.select("id", "x", "y")
    source = park.exchanges if links is None else links
    drawn = (
        source.select("id", "supplier", "receiver", "resource_class", "status")
        .with_columns(status.alias("kind"))
        .join(pos.rename({"id": "supplier", "x": "x0", "y": "y0"}), on="supplier", how="inner")
        .join(pos.rename({"id": "receiver", "x": "x1", "y": "y1"}), on="receiver", how="inner")
        .select("id", "supplier", "receiver", "resource_class", "status", "kind", "x0", "y0", "x1", "y1")
    )
    return MapData(firms_out, drawn, frame, missing)


def _place(
    x: float,
    y: float,
    text: str,
    placed: list[tuple[float, float, float, float]],
    km_per_pt: float,
    frame: tuple[float, float, float, float],
) -> tuple[float, float, str]:
    """Offset (points) and alignment of a label inside the frame that overlaps none placed so far (greedy)."""
    w, h = len(text) * 3.6 * km_per_pt, 8.0 * km_per_pt
    inside = []
    for dx, dy, ha in ((4, 3, "left"), (4, -11, "left"), (-4, 3, "right"), (-4, -11, "right")):
        left = x + dx * km_per_pt - (w if ha == "right" else 0.0)
        bottom = y + dy * km_per_pt
        box = (left, bottom, left + w, bottom + h)
        if box[0] < frame[0] or box[2] > frame[1] or box[1] < frame[2] or box[3] > frame[3]:
            continue
        inside.append((dx, dy, ha, box))
        if all(box[2] < p[0] or box[0] > p[2] or box[3] < p[1] or box[1] > p[3] for p in placed):
            placed.append(box)
            return dx, dy, ha
    dx, dy, ha, box = inside[0] if inside else (4, 3, "left", (x, y, x + w, y + h))
    placed.append(box)
    return dx, dy, ha


def map_png(park: Park, lang: str, title: str = "", links: pl.DataFrame | None = None) -> bytes:
    """Draw the park map (firms by sector, exchanges or ``links`` by status) and return PNG bytes."""
    import matplotlib as mpl
    from matplotlib.lines import Line2D

    data = map_data(park, lang, links)
    x0, x1, y0, y1 = data.frame
    sectors = sorted(set(data.firms.filter(pl.col("role") != "external").get_column("sector").to_list()))
    legend_rows = math.ceil((len(sectors) + 4) / 3)
    width_in = 9.0
    axes_w = 0.86 * width_in
    axes_h = min(axes_w * (y1 - y0) / (x1 - x0), 7.5)
    legend_h = 0.19 * legend_rows + 0.35
    height_in = axes_h + legend_h + 0.9
    fig = mpl_figure(width_in, height_in)
    ax = fig.add_axes((0.09, (legend_h + 0.45) / height_in, 0.86, axes_h / height_in))
    km_per_pt = (x1 - x0) / (axes_w * 72.0)
    cmap = mpl.colormaps["tab20"]
    colour = {s: cmap(i % 20) for i, s in enumerate(sectors)}
    involved = set(data.links.get_column("supplier").to_list()) | set(data.links.get_column("receiver").to_list())
    placed: list[tuple[float, float, float, float]] = []
    for row in data.links.iter_rows(named=True):
        kind = row["kind"]
        ax.annotate(
            "",
            xy=(row["x1"], row["y1"]),
            xytext=(row["x0"], row["y0"]),
            arrowprops={
                "arrowstyle": "-|>",
                "color": STATUS_COLOURS.get(kind, "#888888"),
                "lw": 2.2 if kind == "existing" else 1.4,
                "linestyle": _LINK_STYLE[kind],
                "shrinkA": 5,
                "shrinkB": 5,
                "connectionstyle": "arc3,rad=0.12",
                "alpha": 0.9 if kind != "ended" else 0.6,
            },
            zorder=2,
        )
    for sector in sectors:
        rows = data.firms.filter((pl.col("sector") == sector) & (pl.col("role") != "external"))
        ax.scatter(
            rows["x"],
            rows["y"],
            s=rows["size"],
            color=colour[sector],
            edgecolor="#333333",
            linewidth=0.4,
            label=label("sectors", sector, lang),
            zorder=3,
        )
    ext = data.firms.filter(pl.col("role") == "external")
    ax.scatter(
        ext["x"],
        ext["y"],
        s=40,
        marker="^",
        color="white",
        edgecolor="#333333",
        linewidth=0.8,
        label=tr("map.external", lang),
        zorder=3,
    )
    for row in data.firms.iter_rows(named=True):
        if row["id"] not in involved and row["role"] == "tenant":
            continue
        text = row["label"] + (f" ({fmt(row['distance'], lang, 0)} km)" if row["outside"] else "")
        dx, dy, ha = _place(row["x"], row["y"], text, placed, km_per_pt, (x0, x1, y0, y1))
        ax.annotate(
            text,
            (row["x"], row["y"]),
            xytext=(dx, dy),
            textcoords="offset points",
            fontsize=6.5,
            ha=ha,
            zorder=5,
            bbox={"facecolor": "white", "alpha": 0.75, "edgecolor": "none", "pad": 0.3},
        )
    seen: list[tuple[float, float, str]] = []
    for row in data.links.iter_rows(named=True):
        if not row["resource_class"] or row["kind"] == "ended":
            continue
        name = label("resource_classes", row["resource_class"], lang)
        mx, my = 0.6 * row["x0"] + 0.4 * row["x1"], 0.6 * row["y0"] + 0.4 * row["y1"]
        if any(n == name and math.hypot(mx - a, my - b) < 0.25 * (x1 - x0) for a, b, n in seen):
            continue
        seen.append((mx, my, name))
        ax.text(
            mx,
            my,
            name,
            fontsize=5.5,
            color="#333333",
            ha="center",
            va="center",
            zorder=4,
            style="italic",
            bbox={"facecolor": "white", "alpha": 0.7, "edgecolor": "none", "pad": 0.2},
        )
    margin = 0.02 * (x1 - x0)
    ax.set_xlim(x0 - margin, x1 + margin)
    ax.set_ylim(y0 - margin, y1 + margin)
    ax.set_aspect("equal", adjustable="box")
    ax.grid(True, color="#eeeeee", linewidth=0.6)
    ax.set_xlabel(tr("map.km_east", lang), fontsize=8)
    ax.set_ylabel(tr("map.km_north", lang), fontsize=8)
    ax.tick_params(labelsize=7)
    ax.annotate(
        "N",
        xy=(0.97, 0.97),
        xytext=(0.97, 0.88),
        xycoords="axes fraction",
        ha="center",
        fontsize=9,
        arrowprops={"arrowstyle": "-|>", "color": "#333333"},
    )
    link_handles = [
        Line2D(
            [],
            [],
            color=STATUS_COLOURS.get(k, "#888888"),
            linestyle=_LINK_STYLE[k],
            lw=2,
            label=tr(f"map.link.{k}", lang),
        )
        for k in ("existing", "proposed", "ended")
        if (data.links.get_column("kind") == k).any()
    ]
    handles, _ = ax.get_legend_handles_labels()
    fig.legend(
        handles=[*handles, *link_handles],
        fontsize=6.5,
        loc="lower center",
        ncol=3,
        frameon=False,
        markerscale=0.7,
        bbox_to_anchor=(0.5, 0.0),
    )
    if title:
        ax.set_title(title, fontsize=10)
    return png_bytes(fig)


def map_plotly(park: Park, lang: str, title: str = "", links: pl.DataFrame | None = None) -> str:
    """Return the interactive park map (Plotly JSON): hover a firm for its name, sector and id."""
    import plotly.graph_objects as go  # type: ignore[import-untyped]

    data = map_data(park, lang, links)
    fig = go.Figure()
    for kind in ("existing", "proposed", "ended"):
        rows = data.links.filter(pl.col("kind") == kind)
        if rows.is_empty():
            continue
        xs: list[float | None] = []
        ys: list[float | None] = []
        for r in rows.iter_rows(named=True):
            xs += [r["x0"], r["x1"], None]
            ys += [r["y0"], r["y1"], None]
        dash = {"existing": "solid", "proposed": "dash", "ended": "dot"}[kind]
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                name=tr(f"map.link.{kind}", lang),
                hoverinfo="skip",
                line={
                    "color": STATUS_COLOURS.get(kind, "#888888"),
                    "width": 3 if kind == "existing" else 2,
                    "dash": dash,
                },
            )
        )
        fig.add_trace(
            go.Scatter(
                x=[(r["x0"] + r["x1"]) / 2 for r in rows.iter_rows(named=True)],
                y=[(r["y0"] + r["y1"]) / 2 for r in rows.iter_rows(named=True)],
                mode="markers",
                marker={"size": 6, "color": STATUS_COLOURS.get(kind, "#888888")},
                showlegend=False,
                text=[
                    f"{r['id']}: {r['supplier']} → {r['receiver']} ({r['status']})" for r in rows.iter_rows(named=True)
                ],
                hoverinfo="text",
            )
        )
    for sector in sorted(set(data.firms.get_column("sector").to_list())):
        rows = data.firms.filter(pl.col("sector") == sector)
        ext = rows.get_column("role") == "external"
        fig.add_trace(
            go.Scatter(
                x=rows["x"].to_list(),
                y=rows["y"].to_list(),
                mode="markers",
                name=label("sectors", sector, lang),
                marker={
                    "size": (rows["size"] / 4).to_list(),
                    "symbol": ["triangle-up" if e else "circle" for e in ext],
                    "line": {"width": 0.5, "color": "#333333"},
                },
                text=[
                    f"{r['label']} ({r['id']})<br>{r['sector_name']}"
                    + (f"<br>{fmt(r['distance'], lang, 1)} km" if r["outside"] else "")
                    for r in rows.iter_rows(named=True)
                ],
                hoverinfo="text",
            )
        )
    fig.update_layout(
        title={"text": title},
        height=620,
        margin={"l": 40, "r": 10, "t": 40, "b": 40},
        font={"family": "DejaVu Sans, Arial, sans-serif", "size": 11},
        plot_bgcolor="white",
        xaxis={"title": tr("map.km_east", lang), "gridcolor": "#eeeeee", "zeroline": False},
        yaxis={"title": tr("map.km_north", lang), "gridcolor": "#eeeeee", "zeroline": False, "scaleanchor": "x"},
    )
    return str(fig.to_json())

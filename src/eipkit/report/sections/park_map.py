"""Map of firms and symbiosis links on the park's own coordinates."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import polars as pl

from eipkit.park import Park
from eipkit.report._text import tr
from eipkit.report.figures.parkmap import map_data, map_plotly, map_png
from eipkit.report.model import Block, Figure, Paragraph, Section
from eipkit.report.sections._spec import SectionSpec

__all__ = ["SPEC", "build"]


def build(park: Park, results: Mapping[str, Any], lang: str) -> Section | None:
    """Build the map section; None when no firm has coordinates."""
    data = map_data(park, lang)
    if data.firms.is_empty():
        return None
    title = tr("map.title", lang)
    caption = tr("map.caption", lang)
    if data.missing:
        caption += " " + tr("map.missing", lang, count=data.missing)
    outside = data.firms.filter(pl.col("outside")).height
    if outside:
        caption += " " + tr("map.outside", lang, count=outside)
    blocks: list[Block] = [
        Paragraph(tr("map.intro", lang)),
        Figure("park_map", title, map_png(park, lang, title), map_plotly(park, lang, title), caption),
    ]
    return Section("map", title, tuple(blocks))


SPEC = SectionSpec("map", build, order=30, title_key="map.title")

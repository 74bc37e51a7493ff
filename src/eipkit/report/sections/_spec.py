"""What a report section is.

A builder ``(park, results, lang) -> Section | None`` and, optionally, the analysis whose result
it presents.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from eipkit.park import Park
from eipkit.report.model import Section

__all__ = ["AnalysisFailed", "SectionBuilder", "SectionSpec"]

#: A section builder: reads the park and the results, returns a section (None: nothing to show).
SectionBuilder = Callable[[Park, Mapping[str, Any], str], Section | None]


@dataclass(frozen=True)
class AnalysisFailed:
    """Stands in ``results`` for an analysis that raised: the report shows the error, never hides it."""

    key: str
    error: str


@dataclass(frozen=True)
class SectionSpec:
    """A registered section.

    Attributes
    ----------
    key : str
        Section id, and the key of its analysis in ``results``.
    build : SectionBuilder
    order : int
        Position in the report (lower first).
    run : callable, optional
        ``run(park) -> result``: computes ``results[key]`` when it is not given.
    title_key : str
        Message key (``report.<title_key>``) of the analysis name in the executive summary.
    """

    key: str
    build: SectionBuilder
    order: int
    run: Callable[[Park], Any] | None = None
    title_key: str = ""

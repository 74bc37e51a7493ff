"""Write a park's report in several formats and languages in one call."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from eipkit.park import Park
from eipkit.report.build import build_report, compute_results
from eipkit.report.render import write_excel, write_html, write_pdf

__all__ = ["REPORT_FORMATS", "write_report"]

#: Output formats of :func:`write_report`.
REPORT_FORMATS: tuple[str, ...] = ("html", "pdf", "xlsx")


def write_report(
    park: Park,
    path: str | os.PathLike[str],
    results: Mapping[str, Any] | None = None,
    lang: str | Sequence[str] = "vi",
    formats: Sequence[str] = REPORT_FORMATS,
    sections: Sequence[str] | None = None,
) -> dict[str, Path]:
    """Build the report of ``park`` and write it to the folder ``path``.

    The analyses run once and serve every language. Files are named
    ``report_<lang>.html``, ``report_<lang>.pdf`` and ``report_<lang>.xlsx``.

    Parameters
    ----------
    park : Park
    path : path
        Output folder (created).
    results : mapping, optional
        Results already computed, by section key.
    lang : str or sequence of str
        One language or several (``("vi", "en")``).
    formats : sequence of str
        Any of :data:`REPORT_FORMATS`.
    sections : sequence of str, optional
        Section keys to include (default: all).

    Returns
    -------
    dict
        ``{"<format>_<lang>": path}``.

    Raises
    ------
    ValueError
        If a format is unknown.
    """
    unknown = [f for f in formats if f not in REPORT_FORMATS]
    if unknown:
        raise ValueError(f"unknown report format(s) {', '.join(unknown)}; use {', '.join(REPORT_FORMATS)}")
    out = Path(path)
    out.mkdir(parents=True, exist_ok=True)
    languages = [lang] if isinstance(lang, str) else list(lang)
    computed = compute_results(park, results, sections)
    written: dict[str, Path] = {}
    for code in languages:
        report = build_report(park, computed, code, sections)
        if "html" in formats:
            written[f"html_{code}"] = write_html(report, out / f"report_{code}.html")
        if "pdf" in formats:
            written[f"pdf_{code}"] = write_pdf(report, out / f"report_{code}.pdf")
        if "xlsx" in formats:
            written[f"xlsx_{code}"] = write_excel(report, out / f"report_{code}.xlsx")
    return written

"""Build a report: run the analyses that are missing, build every section, then the executive summary."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from typing import Any

from eipkit._version import __version__
from eipkit.i18n import LANGUAGES
from eipkit.park import Park
from eipkit.report._text import tr
from eipkit.report.model import Paragraph, Report, Section
from eipkit.report.sections import SECTIONS, AnalysisFailed, SectionSpec
from eipkit.report.sections.annex import is_demo
from eipkit.report.sections.summary import build_summary

__all__ = ["build_report", "compute_results"]

_log = logging.getLogger(__name__)


def _specs(sections: Sequence[str] | None) -> list[SectionSpec]:
    if sections is None:
        chosen = list(SECTIONS.values())
    else:
        unknown = [s for s in sections if s not in SECTIONS and s != "summary"]
        if unknown:
            raise ValueError(
                f"unknown report section(s) {', '.join(unknown)}; available: summary, {', '.join(SECTIONS)}"
            )
        chosen = [SECTIONS[s] for s in sections if s in SECTIONS]
    return sorted(chosen, key=lambda s: s.order)


def compute_results(
    park: Park, results: Mapping[str, Any] | None = None, sections: Sequence[str] | None = None
) -> dict[str, Any]:
    """Run the analyses of the chosen sections whose result is not given.

    An analysis that raises is recorded as :class:`~eipkit.report.sections.AnalysisFailed` (its
    section then shows the error) and logged; the other analyses still run.

    Returns
    -------
    dict
        ``results`` completed, by section key.
    """
    out = dict(results or {})
    for spec in _specs(sections):
        if spec.run is None or spec.key in out:
            continue
        try:
            out[spec.key] = spec.run(park)
        except Exception as exc:  # shown in the report and logged, never hidden
            _log.warning("analysis '%s' failed: %s", spec.key, exc)
            out[spec.key] = AnalysisFailed(spec.key, f"{type(exc).__name__}: {exc}")
    return out


def build_report(
    park: Park,
    results: Mapping[str, Any] | None = None,
    lang: str = "vi",
    sections: Sequence[str] | None = None,
) -> Report:
    """Build the park report in ``lang``.

    Parameters
    ----------
    park : Park
    results : mapping, optional
        Results of analyses by section key (``"monitoring"``, ``"water"`` ...); those missing are
        computed (:func:`compute_results`).
    lang : {"vi", "en"}
    sections : sequence of str, optional
        Keys of the sections to include (default: all registered); the executive summary is
        always first.

    Returns
    -------
    Report

    Raises
    ------
    ValueError
        If ``lang`` or a section key is unknown.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language '{lang}'; use one of {', '.join(LANGUAGES)}")
    specs = _specs(sections)
    results = compute_results(park, results, sections)
    built: list[Section] = []
    for spec in specs:
        result = results.get(spec.key)
        if isinstance(result, AnalysisFailed):
            built.append(
                Section(spec.key, tr(spec.title_key, lang), (Paragraph(tr("failed", lang, error=result.error)),))
            )
            continue
        try:
            section = spec.build(park, results, lang)
        except Exception as exc:  # an engine changed or failed: shown in the report and logged
            _log.warning("report section '%s' failed: %s", spec.key, exc)
            failed = AnalysisFailed(spec.key, f"{type(exc).__name__}: {exc}")
            results = {**results, spec.key: failed}
            built.append(
                Section(spec.key, tr(spec.title_key, lang), (Paragraph(tr("failed", lang, error=failed.error)),))
            )
            continue
        if section is not None:
            built.append(section)
    summary = build_summary(park, results, lang, built, specs)
    meta = park.meta
    info = {
        "subtitle": " · ".join(str(v) for v in (meta.get("name_en"), meta.get("province")) if v),
        "generated": dt.date.today().isoformat(),
        "version": __version__,
        "source": park.source or park.id,
        "notice": tr("demo_notice", lang) if is_demo(park) else "",
    }
    return Report(park.id, park.name, tr("full_title", lang, name=park.name), lang, (summary, *built), info)

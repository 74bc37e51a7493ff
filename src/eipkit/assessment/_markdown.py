"""Markdown scorecards of an assessment (one section per framework) in Vietnamese or English."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eipkit._version import __version__
from eipkit.i18n import t

if TYPE_CHECKING:
    from eipkit.assessment.assess import AssessmentResult

__all__ = ["markdown_table", "scorecard_markdown"]

_ICONS = {"met": "✅", "not_met": "❌", "insufficient_data": "❔", "threshold_unverified": "⚠️", "not_applicable": "–"}


def _cell(value: Any) -> str:
    return str(value if value is not None else "").replace("|", "\\|").replace("\n", " ")


def markdown_table(header: list[str], rows: list[list[Any]]) -> str:
    """Return a Markdown table with ``header`` and ``rows`` (pipes escaped)."""
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def scorecard_markdown(result: AssessmentResult, park: str, lang: str = "vi") -> str:
    """Return the scorecard of ``park``: verdict, category summary and criteria of every framework assessed."""
    parts = []
    for fw in result.frameworks.values():
        v = result.verdict(park, fw.id, lang)
        parts.append(
            f"## {t('assessment.scorecard.title', lang, framework=fw.title(lang), park=result.park_name(park, lang))}"
        )
        parts.append(t("assessment.scorecard.as_of", lang, date=result.as_of.isoformat(), version=__version__))
        parts.append(f"**{t('assessment.col.verdict', lang)}: {v['verdict_text']}**  \n" + "  \n".join(v["details"]))
        parts.append(f"> {v['notice']}")
        cats = result.categories(park, fw.id, lang)
        parts.append(f"### {t('assessment.scorecard.categories', lang)}")
        parts.append(
            markdown_table(
                [t("assessment.col.category", lang)]
                + [t(f"assessment.status.{s}", lang) for s in _ICONS]
                + [t("assessment.col.indicative", lang)],
                [
                    [
                        c["category_name"],
                        c["met"],
                        c["not_met"],
                        c["insufficient_data"],
                        c["threshold_unverified"],
                        c["not_applicable"],
                        c["indicative"],
                    ]
                    for c in cats
                ],
            )
        )
        rows = result.scorecard(park, fw.id, lang)
        header = [
            t(f"assessment.col.{k}", lang)
            for k in ("criterion", "title", "status", "value", "threshold", "gap", "evidence", "helps")
        ]
        body = [
            [
                r["criterion"],
                r["title"],
                f"{_ICONS[r['status']]} {r['status_text']}",
                r["value_text"],
                r["threshold_text"],
                r["gap_text"],
                r["evidence_text"],
                r["helps"],
            ]
            for r in rows
        ]
        parts.append(markdown_table(header, body))
        firms = [e for e in result.enterprises(park, lang) if e["framework"] == fw.id]
        if firms:
            met = sum(e["status"] == "met" for e in firms)
            not_met = sum(e["status"] == "not_met" for e in firms)
            parts.append(f"### {t('assessment.enterprise.title', lang)}")
            parts.append(
                t(
                    "assessment.enterprise.summary",
                    lang,
                    met=met,
                    not_met=not_met,
                    insufficient=len(firms) - met - not_met,
                    total=len(firms),
                )
            )
            parts.append(
                markdown_table(
                    [t("assessment.col.firm", lang), t("assessment.col.status", lang), t("assessment.col.gap", lang)],
                    [
                        [f"{e['firm']} {e['name']}", f"{_ICONS[e['status']]} {e['status_text']}", e["gap_text"]]
                        for e in firms
                    ],
                )
            )
    return "\n\n".join(parts) + "\n"

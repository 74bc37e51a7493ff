"""Text of assessment results in Vietnamese or English: values, thresholds, gaps, evidence.

The evaluation is language-neutral (statuses, numbers, ids); this module turns one park's rows
into sentences a management board reads ("3 more firms must apply RECP measures").
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from eipkit.assessment.catalogue import Criterion, Framework
from eipkit.assessment.indicators import IndicatorSpec, indicator_spec
from eipkit.i18n import messages, t
from eipkit.vocab import vocabulary

__all__ = ["condition_gap", "criterion_row", "ids_text", "number", "status_text", "threshold_text", "value_text"]

_IDS_SHOWN = 8


def number(value: float | None, lang: str, digits: int = 0) -> str:
    """Format a number with the separators of ``lang`` (vi: ``1.234,5``; en: ``1,234.5``)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{digits}f}"
    if lang == "vi":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value is not None else "–"


def ids_text(ids: list[str] | None, limit: int = _IDS_SHOWN) -> str:
    """Comma-separated ids, at most ``limit`` then ``+N``."""
    items = list(ids or [])
    if len(items) <= limit:
        return ", ".join(items)
    return ", ".join(items[:limit]) + f", +{len(items) - limit}"


def status_text(status: str, lang: str) -> str:
    """Name of a result (``met``, ``not_met`` ...) in ``lang``."""
    return t(f"assessment.status.{status}", lang)


def value_text(spec: IndicatorSpec, value: float | None, lang: str, exact: bool = False) -> str:
    """Value of an indicator with its unit (``exact``: whole numbers without decimals, for thresholds)."""
    if value is None:
        return "–"
    if exact and float(value).is_integer() and spec.kind in ("share", "years", "ratio"):
        unit = {"share": " %", "years": f" {t('assessment.years', lang)}", "ratio": ""}[spec.kind]
        return number(value, lang, 0) + unit
    if spec.kind == "boolean":
        return t("assessment.yes" if value >= 0.5 else "assessment.no", lang)
    if spec.kind == "share":
        return f"{number(value, lang, 1)} %"
    if spec.kind == "years":
        return f"{number(value, lang, 1)} {t('assessment.years', lang)}"
    if spec.kind == "ratio":
        return number(value, lang, 2)
    return number(value, lang, 0)


def threshold_text(cond: Any, spec: IndicatorSpec, lang: str) -> str:
    """Threshold of a condition as text; unverified ones say so (with the candidate, never scored)."""
    if cond.threshold_status == "unverified":
        if cond.candidate_threshold is not None:
            value = value_text(spec, cond.candidate_threshold, lang, exact=True) if spec.kind != "boolean" else "1"
            sign = {">=": "≥", "<=": "≤", "==": "="}.get(cond.comparator, cond.comparator)
            return t("assessment.threshold.candidate", lang, value=f"{sign} {value}")
        return t("assessment.threshold.unverified", lang)
    if cond.comparator in ("exists", "documented"):
        return t(f"assessment.threshold.{cond.comparator}", lang)
    if cond.comparator == "within":
        return t("assessment.threshold.within", lang, n=number(cond.threshold, lang))
    sign = {">=": "≥", "<=": "≤", "==": "="}[cond.comparator]
    return f"{sign} {value_text(spec, cond.threshold, lang, exact=True)}"


def _token(token: str, lang: str) -> str:
    key = f"assessment.missing.{token}"
    if key in messages():
        return t(key, lang)
    if token.startswith("facts:"):
        fact = token[6:].split("@")[0].split(".")[0]
        entry = vocabulary("facts").get(fact)
        label = str(entry.get(lang) or entry["en"]) if entry else fact
        where = token[6 + len(fact) :].lstrip("@.")
        return t("assessment.facts_sheet", lang, label=label) + (f" [{where}]" if where else "")
    if token.startswith("kpis:"):
        return "KPI " + token[5:]
    table, _, rest = token.partition(":")
    if f"assessment.table.{table}" in messages():
        ident, _, column = rest.rpartition(".") if "." in rest else (rest, "", "")
        return f"{t(f'assessment.table.{table}', lang)} {ident}" + (f": {column}" if column else "")
    return rest or token


def missing_text(tokens: list[str] | None, lang: str) -> str:
    """'missing: ...' naming what an indicator needs and does not have (per-firm facts grouped)."""
    grouped: dict[str, list[str]] = {}
    for token in tokens or []:
        head, _, firm = token.partition("@")
        grouped.setdefault(head, [])
        if firm:
            grouped[head].append(firm)
    items = [_token(h, lang) + (f" [{ids_text(f, 5)}]" if f else "") for h, f in grouped.items()]
    return t("assessment.missing", lang, items=ids_text(items, 5)) if items else ""


def condition_gap(row: dict[str, Any], lang: str) -> str:
    """Gap of a condition that is not met, in the criterion's unit (see :mod:`~eipkit.assessment.scoring`)."""
    spec = indicator_spec(row["indicator"])
    gap, action = row.get("gap_value"), spec.action(lang)
    if spec.gap == "firms":
        text = t("assessment.gap.firms", lang, n=number(gap, lang), action=action)
        if row.get("others"):
            text += "; " + t("assessment.gap.candidates", lang, ids=ids_text(row["others"]))
        return text
    if spec.gap == "count":
        return t("assessment.gap.count", lang, n=number(gap, lang), action=action)
    if spec.gap == "amount":
        pp = (row["threshold"] or 0.0) - (row["value"] or 0.0)
        return t(
            "assessment.gap.amount",
            lang,
            pp=number(pp, lang, 1),
            amount=number(gap, lang),
            unit=spec.amount_unit or "",
            action=action,
        )
    if spec.gap == "ratio":
        return t("assessment.gap.ratio", lang, amount=number(gap, lang), action=action)
    if spec.gap == "years":
        return t("assessment.gap.years", lang, over=number(gap, lang, 1), action=action)
    if spec.gap == "violations":
        window = number(spec.window, lang)
        if spec.level == "firm":
            return t("assessment.gap.firm_violations", lang, n=number(gap, lang), window=window)
        return t("assessment.gap.violations", lang, n=number(gap, lang), window=window, ids=ids_text(row["evidence"]))
    if row.get("others"):
        return t("assessment.gap.boolean_ids", lang, action=action, ids=ids_text(row["others"]))
    return t("assessment.gap.boolean", lang, action=action)


def _notes(conds: list[dict[str, Any]], lang: str) -> list[str]:
    out = []
    for c in conds:
        for note in c.get("notes") or []:
            key = f"assessment.note.{note}"
            if key in messages():
                out.append(t(key, lang))
    return out


def criterion_row(fw: Framework, crit: dict[str, Any], conds: list[dict[str, Any]], lang: str) -> dict[str, Any]:
    """One scorecard row: the criterion's result with its value, threshold, gap and evidence as text.

    Parameters
    ----------
    fw : Framework
        The criterion's framework.
    crit : dict
        The criterion's row of :attr:`Evaluation.criteria`.
    conds : list of dict
        Its rows of :attr:`Evaluation.conditions` (main condition first).
    lang : str
        ``vi`` or ``en``.
    """
    c: Criterion = fw.criterion(crit["criterion"])
    spec = indicator_spec(c.indicator)
    status = crit["status"]
    gaps: list[str] = []
    if status == "not_met":
        gaps = [condition_gap(x, lang) for x in conds if x["status"] == "not_met"]
    if c.depends_on and status in ("met", "not_met") and crit.get("open"):
        key = "assessment.gap.deadline" if status == "met" else "assessment.gap.deadline_passed"
        gaps = [t(key, lang, deadline=_date(crit.get("deadline")), ids=ids_text(crit["open"]))]
    elif status == "met" and crit.get("deadline") is not None and spec.kind == "years":
        gaps = [t("assessment.gap.update_by", lang, deadline=_date(crit["deadline"]))]
    applies = status != "not_applicable"
    tokens = [m for x in conds if not x["complete"] for m in (x["missing"] or [])]
    missing = missing_text(list(dict.fromkeys(tokens)), lang)
    notes = _notes(conds, lang)
    if crit["indicative"] and applies:
        notes.append(t("assessment.note.indicative", lang))
    if not applies:
        missing, notes = "", []
    evidence = [ids_text(conds[0]["evidence"])] if conds and conds[0]["evidence"] else []
    if conds and conds[0].get("date") is not None and spec.key.startswith("fact:"):
        evidence.append(_date(conds[0]["date"]))
    failing = [x for x in conds if x["status"] == status] if status in ("not_met", "insufficient_data") else []
    helps_key = indicator_spec(failing[0]["indicator"]).helps if failing else None
    return {
        "framework": fw.id,
        "criterion": c.id,
        "category": c.category,
        "category_name": fw.categories[c.category][lang if lang in ("en", "vi") else "en"],  # type: ignore[index]
        "kind": c.kind,
        "title": c.title(lang),
        "status": status,
        "status_text": status_text(status, lang),
        "indicative": bool(crit["indicative"]),
        "scored": bool(crit["scored"]),
        "in_verdict": bool(crit["in_verdict"]),
        "indicator": c.indicator,
        "value": crit["value"],
        "value_text": value_text(spec, crit["value"], lang),
        "threshold": c.threshold,
        "threshold_status": c.threshold_status,
        "candidate_threshold": c.candidate_threshold,
        "threshold_text": threshold_text(c, spec, lang),
        "gap_text": "; ".join(gaps + ([missing] if missing else []) + notes),
        "evidence_text": " · ".join(evidence),
        "evidence": list(conds[0]["evidence"]) if conds else [],
        "missing": [m for x in conds for m in (x["missing"] or [])],
        "helps": t(f"assessment.help.{helps_key}", lang) if helps_key else "",
        "confidence": c.confidence,
        "source": c.source,
        "threshold_note": c.threshold_note or "",
    }

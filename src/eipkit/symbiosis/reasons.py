"""Reason traces a person can read: why a pair is proposed, or why it cannot work.

A trace joins short clauses (messages ``symbiosis.reason.*`` in English and Vietnamese): what
the two streams are and the rule with its sources, the quality comparison, the quantity and its
coverage, the distance and transport mode, temperatures for heat, timing, hazard, processing,
caveats and the money and CO2 range, e.g.

    Coal fly ash (EWC 10 01 02) from F44_STEAM -> fly ash demand of F29_CEM: fly ash as mineral
    additive [Kalundborg Symbiosis; ASTM C618]; quality: loss on ignition 7.5 % <= 8 % ...
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from eipkit.i18n import t
from eipkit.symbiosis.feasibility import CHECKS
from eipkit.symbiosis.knowledge import KnowledgeBase
from eipkit.units import CANONICAL_UNITS
from eipkit.vocab import label

__all__ = ["fmt", "infeasible_reason", "opportunity_reason"]

_PERCENT = {"1"}


def fmt(value: float | None, lang: str = "en", digits: int = 0) -> str:
    """Format a number with thousands separators (``1,234.5``; Vietnamese ``1.234,5``).

    >>> fmt(1234567.891, "en", 1), fmt(1234567.891, "vi", 1), fmt(None)
    ('1,234,567.9', '1.234.567,9', '-')
    """
    if value is None or (isinstance(value, float) and (math.isnan(value) or math.isinf(value))):
        return "-"
    if round(value, digits) == 0:
        value = 0.0
    text = f"{value:,.{digits}f}"
    if lang == "vi":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def _sig(value: float, lang: str) -> str:
    """Format with about three significant figures."""
    if value == 0 or math.isnan(value):
        return fmt(value, lang)
    digits = max(0, 2 - math.floor(math.log10(abs(value))))
    return fmt(value, lang, min(digits, 4))


def _quality_value(parameter: str, value: float, lang: str) -> str:
    from eipkit.vocab import vocabulary

    unit = str(vocabulary("quality_parameters").get(parameter, {}).get("canonical", ""))
    if unit in _PERCENT or parameter == "purity":
        return f"{_sig(100 * value, lang)} %"
    return f"{_sig(value, lang)} {unit}".strip()


def _refs(kb: KnowledgeBase, keys: Sequence[str]) -> str:
    return "; ".join(str(kb.references[k].get("short", k)) for k in keys if k in kb.references)


def _quality_items(
    rows: Sequence[Mapping[str, Any]], kb: KnowledgeBase, lang: str
) -> tuple[list[str], list[str], list[str]]:
    ok: list[str] = []
    unknown: list[str] = []
    bad: list[str] = []
    for q in rows:
        name = label("quality_parameters", q["parameter"], lang)
        source = t("symbiosis.reason.receiver", lang) if q["source"] == "receiver" else _refs(kb, [q["source"]])
        value = q["treated"] if q["treated"] is not None else q["value"]
        if value is None:
            unknown.append(f"{name} ({source})")
            continue
        passed = q["status"] == 3
        op = ("<=" if passed else ">") if q["bound"] == "max" else (">=" if passed else "<")
        after = t("symbiosis.reason.after_processing", lang) if q["treated"] is not None else ""
        shown = _quality_value(q["parameter"], value, lang)
        limit = _quality_value(q["parameter"], q["limit"], lang)
        text = f"{name} {shown}{after} {op} {limit} ({source})"
        (ok if q["status"] == 3 else bad).append(text)
    return ok, unknown, bad


def _stream_label(row: Mapping[str, Any], side: str, kb: KnowledgeBase, lang: str) -> str:
    name = label("resource_classes", row[f"{side}_class"], lang)
    if row.get(f"{side}_ewc_code"):
        return f"{name} (EWC {row[f'{side}_ewc_code']})"
    if row.get(f"{side}_waste_code_vn"):
        return f"{name} ({t('symbiosis.class.code_vn', lang)} {row[f'{side}_waste_code_vn']})"
    return name


def _head(row: Mapping[str, Any], kb: KnowledgeBase, lang: str) -> list[str]:
    rule = kb.rules[row["rule"]]
    return [
        t(
            "symbiosis.reason.head",
            lang,
            supply=_stream_label(row, "s", kb, lang),
            supplier=row["s_firm"],
            demand=label("resource_classes", row["d_class"], lang),
            receiver=row["d_firm"],
        ),
        t("symbiosis.reason.rule", lang, rule=getattr(rule.name, lang), refs=_refs(kb, rule.refs)),
    ]


def _distance(row: Mapping[str, Any], lang: str) -> str:
    mode = t(f"symbiosis.mode.{row['transport']}", lang)
    if row.get("distance_km") is None:
        return t("symbiosis.reason.distance_assumed", lang, mode=mode)
    return t("symbiosis.reason.distance", lang, km=fmt(row["distance_km"], lang, 1), mode=mode)


def opportunity_reason(
    row: Mapping[str, Any], quality: Sequence[Mapping[str, Any]], kb: KnowledgeBase, lang: str = "en"
) -> str:
    """Return the reason trace of a feasible opportunity.

    Parameters
    ----------
    row : mapping
        One row of the assessed and costed candidates (``s_*``, ``d_*``, rule and benefit columns).
    quality : sequence of mapping
        Its rows of :func:`eipkit.symbiosis.quality.quality_table`.
    kb : KnowledgeBase
        For rule names, processing, caveats and reference names.
    lang : str
        ``"en"`` or ``"vi"``.
    """
    rule = kb.rules[row["rule"]]
    parts = _head(row, kb, lang)
    ok, unknown, warn = _quality_items(quality, kb, lang)
    if ok or warn:
        parts.append(t("symbiosis.reason.quality", lang, items="; ".join(ok + warn)))
    elif not unknown and rule.effect in ("material", "feed", "fuel", "water"):
        parts.append(t("symbiosis.reason.quality_none", lang))
    if unknown:
        parts.append(t("symbiosis.reason.quality_unknown", lang, items="; ".join(unknown)))
    unit = CANONICAL_UNITS.get(row["s_amount_kind"] or "", "")
    d_unit = CANONICAL_UNITS.get(row["d_amount_kind"] or "", "")
    parts.append(
        t(
            "symbiosis.reason.quantity",
            lang,
            amount=_sig(row["amount"], lang),
            unit=unit,
            coverage=_sig(100 * row["coverage_demand"], lang),
            demand=_sig(row["d_amount"], lang),
            dunit=d_unit,
        )
    )
    parts.append(_distance(row, lang))
    if rule.dtmin is not None:
        needed = row.get("d_target_temperature")
        needed = needed if needed is not None else row.get("d_temperature")
        parts.append(
            t(
                "symbiosis.reason.temperature",
                lang,
                ts=fmt(row.get("s_temperature"), lang),
                td=fmt(needed, lang),
                dt=fmt(rule.dtmin, lang),
            )
        )
        share = row.get("heat_share_demand")
        if share is not None and not math.isnan(share) and share < 1:
            parts.append(t("symbiosis.reason.heat_partial", lang, share=fmt(100 * share, lang)))
    if row.get("chk_timing") == 2:
        parts.append(t("symbiosis.reason.hours", lang, hours=fmt(row.get("hours_shared"), lang)))
    if row.get("s_hazardous"):
        parts.append(t("symbiosis.reason.hazard", lang))
    if rule.processing is not None:
        parts.append(t("symbiosis.reason.processing", lang, text=getattr(rule.processing, lang)))
    if rule.caveat is not None:
        parts.append(t("symbiosis.reason.caveat", lang, text=getattr(rule.caveat, lang)))
    parts.append(
        t(
            "symbiosis.reason.benefit",
            lang,
            low=fmt(row["net_benefit_low"] / 1e6, lang),
            mid=fmt(row["net_benefit_mid"] / 1e6, lang),
            high=fmt(row["net_benefit_high"] / 1e6, lang),
            inv=fmt(row["investment_mid"] / 1e6, lang),
            co2=fmt(row["co2e_mid"], lang),
        )
    )
    return "; ".join(parts) + "."


def infeasible_reason(
    row: Mapping[str, Any], quality: Sequence[Mapping[str, Any]], kb: KnowledgeBase, lang: str = "en"
) -> str:
    """Return why a candidate cannot work: its failed checks, each with the numbers behind it."""
    parts = _head(row, kb, lang)[:1]
    failed = [c for c in CHECKS if row.get(f"chk_{c}") == 0]
    for check in failed:
        if check == "quality":
            _, _, bad = _quality_items([q for q in quality if q["status"] == 0], kb, lang)
            parts.append(t("symbiosis.fail.quality", lang, items="; ".join(bad)))
        elif check == "distance":
            parts.append(
                t(
                    "symbiosis.fail.distance",
                    lang,
                    km=fmt(row["distance_km"], lang, 1),
                    max=fmt(row["reach_km"], lang, 1),
                    mode=t(f"symbiosis.mode.{row['transport']}", lang),
                )
            )
        elif check == "temperature":
            needed = row.get("d_target_temperature")
            needed = needed if needed is not None else row.get("d_temperature")
            parts.append(
                t(
                    "symbiosis.fail.temperature",
                    lang,
                    ts=fmt(row.get("s_temperature"), lang),
                    td=fmt(needed, lang),
                    dt=fmt(kb.rules[row["rule"]].dtmin, lang),
                )
            )
        elif check == "units":
            parts.append(t("symbiosis.fail.units", lang, s=row["s_amount_kind"], d=row["d_amount_kind"]))
        else:
            parts.append(t(f"symbiosis.fail.{check}", lang))
    return "; ".join(parts) + "."


def flag_text(keys: Sequence[str], lang: str = "en") -> str:
    """Return the data-quality flags as one readable text."""
    return "; ".join(t(f"symbiosis.flag.{k}", lang) for k in keys)

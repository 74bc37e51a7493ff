"""The park data report: profile, land use, firms, flows, totals and data validation (Markdown)."""

from __future__ import annotations

from typing import Any

from eipkit._version import __version__
from eipkit.i18n import t
from eipkit.park import Park
from eipkit.park.schema import schema
from eipkit.park.summary import park_summary
from eipkit.units import CANONICAL_UNITS

__all__ = ["format_number", "park_data_report"]

_TOTAL_UNITS = {
    "electricity_use": "MWh/a",
    "fuel_use": "MWh/a",
    "water_use": "m³/a",
    "wastewater": "m³/a",
    "solid_waste": "t/a",
    "hazardous_waste": "t/a",
    "co2_emissions": "t/a",
    "energy_cost": "VND/a",
    "disposal_cost": "VND/a",
}


def format_number(value: float | int | None, lang: str = "en", digits: int = 0) -> str:
    """Format a number with the thousands and decimal separators of ``lang``.

    Examples
    --------
    >>> format_number(1234567.891, "vi", 1), format_number(1234567.891, "en", 1)
    ('1.234.567,9', '1,234,567.9')
    """
    if value is None:
        return "–"
    text = f"{value:,.{digits}f}"
    if lang == "vi":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def _table(headers: list[str], rows: list[list[str]]) -> str:
    line = "| " + " | ".join(headers) + " |"
    sep = "|" + "|".join("---" for _ in headers) + "|"
    body = ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join([line, sep, *body])


def park_data_report(park: Park, lang: str = "en", summary: dict[str, Any] | None = None) -> str:
    """Return a Markdown report of the park's data in ``lang`` (``"vi"`` or ``"en"``).

    Parameters
    ----------
    park : Park
    lang : {"vi", "en"}
    summary : dict, optional
        Result of :func:`eipkit.park.summary.park_summary`, if already computed.
    """
    s = summary or park_summary(park, lang)
    meta = s["park"]
    out = [
        f"# {t('report.title', lang, name=meta['name'])}",
        "",
        t("report.generated", lang, version=__version__, source=park.source or park.id),
        "",
    ]
    out += [f"## {t('info.profile', lang)}", ""]
    counts = s["counts"]
    out.append(
        _table(
            ["", ""],
            [
                [t("info.province", lang), str(meta.get("province") or "–")],
                [t("info.area", lang), f"{format_number(meta.get('total_area'), lang, 1)} ha"],
                [t("info.firms", lang), str(counts["tenants"])],
                [t("info.externals", lang), str(counts["externals"])],
                [t("info.streams", lang), str(counts["streams"])],
                [t("info.exchanges", lang), str(counts["exchanges"])],
            ],
        )
    )
    total = meta.get("total_area")
    if total:
        rows = []
        for key in (
            "industrial_land_area",
            "green_area",
            "road_area",
            "technical_infrastructure_area",
            "social_infrastructure_area",
        ):
            area = meta.get(key)
            share = None if area is None else 100.0 * area / total
            name = schema()["park"].column(key).label.get(lang)
            rows.append([name, format_number(area, lang, 1), format_number(share, lang, 1)])
        out += ["", f"## {t('report.land', lang)}", "", _table([t("info.col_quantity", lang), "ha", "%"], rows)]
    out += ["", f"## {t('info.totals', lang)}", ""]
    out.append(
        _table(
            [t("info.col_quantity", lang), t("info.col_value", lang), t("info.col_unit", lang)],
            [[t(f"total.{k}", lang), format_number(v, lang), _TOTAL_UNITS[k]] for k, v in s["totals"].items()],
        )
    )
    out += ["", f"## {t('info.by_sector', lang)}", ""]
    out.append(
        _table(
            [t("info.col_sector", lang), t("info.col_firms", lang), t("info.col_employees", lang)],
            [[r["sector_name"], str(r["firms"]), format_number(r["employees"], lang)] for r in s["firms_by_sector"]],
        )
    )
    out += ["", f"## {t('info.by_class', lang)}", ""]
    rows = [
        [
            r["class_name"],
            t(f"direction.{r['direction']}", lang),
            format_number(r["amount"], lang),
            CANONICAL_UNITS.get(r["amount_kind"] or "", "–") if r["amount_kind"] else "–",
            str(r["streams"]),
        ]
        for r in s["flows_by_class"]
    ]
    out.append(
        _table(
            [
                t("info.col_class", lang),
                t("info.col_direction", lang),
                t("info.col_amount", lang),
                t("info.col_unit", lang),
                t("info.col_streams", lang),
            ],
            rows,
        )
    )
    if s["exchanges_by_status"]:
        out += ["", f"## {t('report.exchanges_status', lang)}", ""]
        out.append(
            _table(
                [t("report.col_status", lang), t("report.col_count", lang)],
                [[k, str(v)] for k, v in sorted(s["exchanges_by_status"].items())],
            )
        )
    out += ["", f"## {t('report.validation', lang)}", ""]
    issues = park.report.sorted()
    if not issues:
        out.append(t("report.no_issues", lang))
    else:
        out.append(
            _table(
                [
                    t("validate.col_severity", lang),
                    t("validate.col_where", lang),
                    t("validate.col_problem", lang),
                    t("validate.col_fix", lang),
                ],
                [[t(f"severity.{i.severity}", lang), i.where(lang), i.message(lang), i.fix(lang)] for i in issues],
            )
        )
    return "\n".join(out) + "\n"

"""Commands on park files: template, validate, info, convert."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eipkit.cli._app import AsJson, Lang, Out, ParkArg, Strict, app, check_lang, console, load, print_json, print_report

__all__ = ["convert", "info", "template", "validate"]


@app.command()
def template(
    out: Annotated[
        Path | None, typer.Argument(help="Workbook to write (default: eipkit-template-<lang>.xlsx).")
    ] = None,
    lang: Lang = "vi",
) -> None:
    """Write an empty park workbook to fill in (sheets, drop-downs, instructions)."""
    from eipkit.i18n import t
    from eipkit.park import write_template

    check_lang(lang)
    path = write_template(out or Path(f"eipkit-template-{lang}.xlsx"), lang=lang)
    console.print(t("template.written", lang, path=path))


@app.command()
def validate(park: ParkArg, lang: Lang = "vi", as_json: AsJson = False, strict: Strict = False) -> None:
    """Check a park file; list every problem with its place and fix. Exit 1 if there are errors."""
    from eipkit.i18n import t

    check_lang(lang)
    loaded = load(park, lang, as_json, strict=strict)
    report = loaded.report
    if as_json:
        print_json(
            {
                "source": park,
                "valid": True,
                "errors": 0,
                "warnings": len(report.warnings),
                "issues": [i.as_dict(lang) for i in report.sorted()],
            }
        )
        return
    if report.issues:
        print_report(report, lang)
        console.print(f"[yellow]{t('validate.ok_warnings', lang, source=park, count=len(report.warnings))}[/yellow]")
    else:
        console.print(f"[green]{t('validate.ok', lang, source=park)}[/green]")


@app.command()
def info(park: ParkArg, lang: Lang = "vi", as_json: AsJson = False, strict: Strict = False) -> None:
    """Summarise a park: firms by sector, flows by resource class, totals."""
    from rich.table import Table

    from eipkit.i18n import t
    from eipkit.park.summary import park_summary
    from eipkit.report.data_report import _TOTAL_UNITS, format_number
    from eipkit.units import CANONICAL_UNITS

    check_lang(lang)
    loaded = load(park, lang, as_json, strict=strict)
    summary = park_summary(loaded, lang)
    if as_json:
        print_json(summary)
        return
    meta, counts = summary["park"], summary["counts"]
    console.rule(t("info.title", lang, name=meta["name"], id=meta["id"]))
    profile = Table(title=t("info.profile", lang), show_header=False)
    profile.add_row(t("info.province", lang), str(meta.get("province") or "–"))
    profile.add_row(t("info.area", lang), f"{format_number(meta.get('total_area'), lang, 1)} ha")
    for key, count in (
        ("info.firms", counts["tenants"]),
        ("info.externals", counts["externals"]),
        ("info.streams", counts["streams"]),
        ("info.exchanges", counts["exchanges"]),
    ):
        profile.add_row(t(key, lang), str(count))
    console.print(profile)
    sectors = Table(title=t("info.by_sector", lang))
    for key in ("info.col_sector", "info.col_firms", "info.col_employees"):
        sectors.add_column(t(key, lang), justify="left" if key == "info.col_sector" else "right")
    for row in summary["firms_by_sector"]:
        sectors.add_row(row["sector_name"], str(row["firms"]), format_number(row["employees"], lang))
    console.print(sectors)
    flows = Table(title=t("info.by_class", lang))
    for key in ("info.col_class", "info.col_direction", "info.col_amount", "info.col_unit", "info.col_streams"):
        flows.add_column(t(key, lang), justify="right" if key in ("info.col_amount", "info.col_streams") else "left")
    for row in summary["flows_by_class"]:
        unit = CANONICAL_UNITS.get(row["amount_kind"] or "", "–")
        flows.add_row(
            row["class_name"],
            t(f"direction.{row['direction']}", lang),
            format_number(row["amount"], lang),
            unit,
            str(row["streams"]),
        )
    console.print(flows)
    totals = Table(title=t("info.totals", lang))
    for key in ("info.col_quantity", "info.col_value", "info.col_unit"):
        totals.add_column(t(key, lang), justify="right" if key == "info.col_value" else "left")
    for key, value in summary["totals"].items():
        totals.add_row(t(f"total.{key}", lang), format_number(value, lang), _TOTAL_UNITS[key])
    console.print(totals)
    if loaded.report.issues:
        print_report(loaded.report, lang, limit=20)


@app.command()
def convert(
    park: ParkArg,
    out: Annotated[Path, typer.Argument(help="Target: a .xlsx workbook or a folder.")],
    lang: Lang = "vi",
    strict: Strict = False,
) -> None:
    """Convert a park between a workbook (.xlsx) and a park folder (CSV files)."""
    from eipkit.i18n import t
    from eipkit.park import write_park

    check_lang(lang)
    loaded = load(park, lang, False, strict=strict)
    path = write_park(loaded, out, lang=lang)
    console.print(t("convert.written", lang, id=loaded.id, path=path))


del Out

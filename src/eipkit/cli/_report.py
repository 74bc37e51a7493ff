"""``eipkit report`` and ``eipkit monitor import | trends | report``: reports people read, annual monitoring."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from eipkit.cli._app import (
    AsJson,
    Lang,
    Out,
    ParkArg,
    Strict,
    app,
    check_lang,
    console,
    err_console,
    load,
    out_dir,
    print_json,
)

if TYPE_CHECKING:
    from eipkit.park import Park

__all__ = ["demo_outputs", "monitor_app", "monitor_import", "monitor_report", "report", "trends"]

monitor_app = typer.Typer(
    help="Annual monitoring: import a new year's data, KPI trends and year-on-year changes.", no_args_is_help=True
)
app.add_typer(monitor_app, name="monitor")

Formats = Annotated[
    list[str] | None,
    typer.Option("--format", "-f", help="html, pdf or xlsx; repeat for several (default: all three)."),
]
Sections = Annotated[
    str | None,
    typer.Option("--sections", help="Comma-separated section keys (default: all), e.g. profile,flows,monitoring."),
]


def _write(
    park: Park, folder: Path, lang: str, formats: list[str] | None, sections: list[str] | None
) -> dict[str, str]:
    from eipkit.report import REPORT_FORMATS, write_report

    chosen = formats or list(REPORT_FORMATS)
    bad = [f for f in chosen if f not in REPORT_FORMATS]
    if bad:
        err_console.print(f"[red]--format: {', '.join(bad)} (html, pdf, xlsx)[/red]")
        raise typer.Exit(2)
    try:
        written = write_report(park, folder, lang=lang, formats=chosen, sections=sections)
    except ImportError as exc:
        err_console.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from None
    except ValueError as exc:
        err_console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None
    return {k: str(v) for k, v in written.items()}


def _done(written: dict[str, str], lang: str, as_json: bool, park_id: str) -> None:
    from eipkit.i18n import t

    if as_json:
        print_json({"park": park_id, "files": written})
        return
    for path in written.values():
        console.print(t("report.cli.written", lang, path=path))


@app.command()
def report(
    park: ParkArg,
    lang: Lang = "vi",
    formats: Formats = None,
    sections: Sections = None,
    out: Out = None,
    as_json: AsJson = False,
    strict: Strict = False,
) -> None:
    """Write the park report: self-contained HTML, PDF and an Excel workbook of every table."""
    check_lang(lang)
    loaded = load(park, lang, as_json, strict=strict)
    folder = out_dir(out, loaded.id, "report")
    keys = [s.strip() for s in sections.split(",") if s.strip()] if sections else None
    _done(_write(loaded, folder, lang, formats, keys), lang, as_json, loaded.id)


@monitor_app.command("import")
def monitor_import(
    park: ParkArg,
    new_data: Annotated[
        str, typer.Argument(help="KPI rows (.csv) or the park file of the new year (.xlsx workbook or park folder).")
    ],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Where to write the new park: a .xlsx file or a folder.")
    ] = None,
    replace: Annotated[bool, typer.Option("--replace", help="Overwrite KPI values already in the park.")] = False,
    derive: Annotated[
        bool, typer.Option("--derive/--no-derive", help="Add resource totals computed from a new park file's streams.")
    ] = True,
    lang: Lang = "vi",
    as_json: AsJson = False,
) -> None:
    """Add a new year's data to a park and write the new park (the input is never changed)."""
    from eipkit.cli._app import fail_with_report
    from eipkit.i18n import t
    from eipkit.monitoring import MonitoringInputError, import_year, kpi_changes
    from eipkit.park import ParkValidationError, write_park

    check_lang(lang)
    loaded = load(park, lang, as_json)
    if not Path(new_data).exists():
        err_console.print(t("report.cli.no_file", lang, path=new_data))
        raise typer.Exit(2)
    try:
        updated = import_year(loaded, new_data, replace=replace, derive=derive)
    except ParkValidationError as exc:
        fail_with_report(exc, lang, as_json, new_data)
    except MonitoringInputError as exc:
        if as_json:
            print_json({"error": str(exc)})
        else:
            err_console.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from None
    target = out if out is not None else out_dir(None, loaded.id, "monitor") / "park"
    path = write_park(updated, target, lang=lang)
    changes = kpi_changes(loaded, updated)
    counts = {k: int(v) for k, v in changes.group_by("change").len().iter_rows()}
    if as_json:
        print_json({"park": updated.id, "out": str(path), "counts": counts, "changes": changes.to_dicts()})
        return
    console.print(
        t("report.cli.imported", lang, added=counts.get("added", 0), changed=counts.get("changed", 0), path=path)
    )


def _trend_tables(result: Any, lang: str) -> None:
    from rich.table import Table

    from eipkit.i18n import t
    from eipkit.monitoring import indicator_info
    from eipkit.report.data_report import format_number

    table = Table(title=t("report.cli.changes_title", lang, year=result.year))
    for key in ("col.firm", "col.indicator", "col.value", "col.unit", "col.change_yoy", "col.assessment"):
        table.add_column(t(f"report.{key}", lang))
    for row in result.changes.sort(["scope", "entity", "indicator"], descending=[True, False, False]).iter_rows(
        named=True
    ):
        pct = row["change_percent"]
        table.add_row(
            str(row["entity_name"]),
            indicator_info(row["indicator"], lang)["name"],
            format_number(row["value"], lang),
            str(row["unit"] or ""),
            "–" if pct is None else format_number(pct, lang, 1) + " %",
            t(f"report.monitoring.direction.{row['direction']}", lang),
        )
    console.print(table)
    trends = Table(title=t("report.cli.trends_title", lang))
    for key in ("col.firm", "col.indicator", "col.year", "col.trend", "col.trend_assessment"):
        trends.add_column(t(f"report.{key}", lang))
    for row in result.trends.iter_rows(named=True):
        trends.add_row(
            str(row["entity_name"]),
            indicator_info(row["indicator"], lang)["name"],
            f"{row['first_year']}–{row['last_year']}",
            format_number(row["relative_slope"], lang, 1) + " %/a",
            t(f"report.monitoring.direction.{row['direction']}", lang),
        )
    console.print(trends)


@monitor_app.command("trends")
def trends(
    park: ParkArg,
    year: Annotated[int | None, typer.Option("--year", help="Report year (default: the park's data year).")] = None,
    entity: Annotated[str | None, typer.Option("--entity", help="Only this firm id (or the park id).")] = None,
    lang: Lang = "vi",
    as_json: AsJson = False,
) -> None:
    """Show KPI trends and year-on-year changes of a park and its firms."""
    import polars as pl

    from eipkit.monitoring import MonitoringInputError, MonitoringStudy

    check_lang(lang)
    loaded = load(park, lang, as_json)
    try:
        result = MonitoringStudy(loaded, year=year, lang=lang).run()
    except MonitoringInputError as exc:
        err_console.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from None
    if entity is not None:
        keep = pl.col("entity") == entity
        result = type(result)(
            result.park_id,
            result.year,
            result.series.filter(keep),
            result.monthly.filter(keep),
            result.changes.filter(keep),
            result.trends.filter(keep),
            result.measures,
            result.exchanges,
            result.undated,
        )
    if as_json:
        print_json(result.as_dict())
        return
    _trend_tables(result, lang)


@monitor_app.command("report")
def monitor_report(
    park: ParkArg,
    lang: Lang = "vi",
    formats: Formats = None,
    out: Out = None,
    as_json: AsJson = False,
) -> None:
    """Write the annual monitoring report (summary, monitoring, annex) as HTML, PDF and Excel."""
    check_lang(lang)
    loaded = load(park, lang, as_json)
    folder = out_dir(out, loaded.id, "monitoring-report")
    _done(_write(loaded, folder, lang, formats, ["monitoring", "annex"]), lang, as_json, loaded.id)


def demo_outputs(park: Park, folder: Path, lang: str) -> dict[str, str]:
    """Write the full report of ``park`` in both languages plus its tables and figures to ``folder``.

    Files: ``report_<vi|en>.html|pdf|xlsx``; ``monitoring_<table>.csv``; ``figures/<key>.png``
    (labels in ``lang``). The analyses run once for both languages.

    Returns
    -------
    dict
        ``{name: path}`` of every file written.
    """
    from eipkit.i18n import LANGUAGES
    from eipkit.report import build_report, compute_results, write_excel, write_html, write_pdf

    folder.mkdir(parents=True, exist_ok=True)
    results = compute_results(park)
    written: dict[str, str] = {}
    for code in LANGUAGES:
        rep = build_report(park, results, code)
        written[f"report_html_{code}"] = str(write_html(rep, folder / f"report_{code}.html"))
        written[f"report_pdf_{code}"] = str(write_pdf(rep, folder / f"report_{code}.pdf"))
        written[f"report_xlsx_{code}"] = str(write_excel(rep, folder / f"report_{code}.xlsx"))
        if code == lang:
            figures = folder / "figures"
            figures.mkdir(exist_ok=True)
            for _, fig in rep.figures():
                path = figures / f"{fig.key}.png"
                path.write_bytes(fig.png)
                written[f"figure_{fig.key}"] = str(path)
    monitoring = results.get("monitoring")
    if monitoring is not None and hasattr(monitoring, "series"):
        for name in ("series", "changes", "trends", "measures", "exchanges"):
            path = folder / f"monitoring_{name}.csv"
            getattr(monitoring, name).write_csv(path)
            written[f"monitoring_{name}"] = str(path)
        path = folder / "monitoring.json"
        path.write_text(
            json.dumps(monitoring.as_dict(), ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8"
        )
        written["monitoring_json"] = str(path)
    return written

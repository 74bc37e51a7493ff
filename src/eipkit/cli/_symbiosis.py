"""``eipkit match PARK``: ranked, explained symbiosis opportunities of a park."""

from __future__ import annotations

import pathlib
from typing import TYPE_CHECKING, Annotated

import typer

from eipkit.cli._app import AsJson, Lang, Out, ParkArg, app, check_lang, console, err_console, load, out_dir, print_json

if TYPE_CHECKING:
    from eipkit.park import Park
    from eipkit.symbiosis import MatchResult

__all__ = ["demo_outputs", "match"]


def _money(value: float, lang: str = "en") -> str:
    from eipkit.symbiosis.reasons import fmt

    return fmt(value / 1e6, lang)


def _print_result(result: MatchResult, lang: str, top: int) -> None:
    import polars as pl
    from rich.table import Table

    from eipkit.i18n import t
    from eipkit.symbiosis.reasons import fmt
    from eipkit.vocab import label

    rows = result.opportunities
    key = "symbiosis.cli.table"
    if result.selection is not None and rows.get_column("selected").any():
        rows, key = rows.filter(pl.col("selected")), "symbiosis.cli.table_selected"
    table = Table(title=t(key, lang, top=min(top, rows.height)), show_lines=True)
    for key in ("rank", "link", "what", "amount", "benefit", "co2", "distance", "selected", "reason"):
        table.add_column(
            t(f"symbiosis.cli.col.{key}", lang),
            justify="right" if key in ("rank", "amount", "benefit", "co2") else "left",
            overflow="fold",
            max_width=70 if key == "reason" else None,
        )
    for r in rows.head(top).iter_rows(named=True):
        supply, demand = (label("resource_classes", r[k], lang) for k in ("resource_class", "demand_class"))
        what = f"{supply} -> {demand}"
        dist = "-" if r["distance_km"] is None else f"{fmt(r['distance_km'], lang, 1)} km"
        table.add_row(
            str(r["rank"]),
            f"{r['supplier']} -> {r['receiver']}",
            what,
            f"{fmt(r['amount'], lang)} {r['unit']}",
            f"{_money(r['net_benefit_low'], lang)} .. {_money(r['net_benefit_high'], lang)}",
            fmt(r["co2e_mid"], lang),
            f"{dist} {t('symbiosis.mode.' + r['transport'], lang)}",
            "x" if r["selected"] else "",
            r[f"reason_{lang}"],
        )
    console.print(table)


@app.command()
def match(
    park: ParkArg,
    radius_km: Annotated[float, typer.Option("--radius-km", help="Truck transport radius (km).")] = 30.0,
    with_city: Annotated[
        str | None, typer.Option("--with-city", help="Park file or folder describing the city's actors.")
    ] = None,
    with_park: Annotated[
        list[str] | None, typer.Option("--with-park", help="Another park (file or folder); repeat for several.")
    ] = None,
    top: Annotated[int, typer.Option("--top", help="Opportunities shown in the table.")] = 15,
    select: Annotated[bool, typer.Option("--select/--no-select", help="Choose a consistent set (MILP).")] = True,
    time_limit: Annotated[float, typer.Option("--time-limit", help="Selection time limit (s).")] = 10.0,
    gap: Annotated[float, typer.Option("--gap", help="Relative MIP gap of the selection.")] = 1e-3,
    excel: Annotated[bool, typer.Option("--excel/--no-excel", help="Also write an Excel workbook.")] = True,
    out: Out = None,
    lang: Lang = "vi",
    as_json: AsJson = False,
) -> None:
    """Find, check, cost and rank industrial-symbiosis opportunities, with the reason for each."""
    from eipkit.i18n import t
    from eipkit.symbiosis import match_park

    check_lang(lang)
    if not radius_km > 0 or top < 0:
        err_console.print(f"[red]{t('symbiosis.cli.bad_option', lang)}[/red]")
        raise typer.Exit(2)
    loaded = load(park, lang, as_json)
    city = load(with_city, lang, as_json) if with_city else None
    partners = [load(spec, lang, as_json) for spec in (with_park or [])]
    try:
        result = match_park(loaded, radius_km, city, partners, select=select, time_limit=time_limit, relative_gap=gap)
    except ValueError as exc:
        if as_json:
            print_json({"error": str(exc)})
        else:
            err_console.print(f"[red]{t('symbiosis.cli.error', lang, error=str(exc))}[/red]")
        raise typer.Exit(1) from None
    folder = out_dir(out, loaded.id, "match")
    files = result.write(folder, excel=excel, lang=lang)
    if as_json:
        data = result.to_dict(lang, top)
        data["out"] = str(folder)
        data["files"] = files
        print_json(data)
        return
    summary = result.summary()
    console.rule(t("symbiosis.cli.title", lang, park=loaded.id, radius=f"{radius_km:g}"))
    _print_result(result, lang, top)
    console.print(
        t(
            "symbiosis.cli.summary",
            lang,
            opportunities=summary["opportunities"],
            infeasible=summary["infeasible"],
            tracked=summary["tracked"],
            suppressed=summary["suppressed"],
            pools=summary["pools"],
            unclassified=summary["unclassified"],
        )
    )
    if result.selection is not None:
        s = result.selection
        totals = summary["selected_totals"]
        console.print(
            t(
                "symbiosis.cli.selection",
                lang,
                status=s.status,
                n=summary["selection"]["selected"],
                low=_money(totals["net_benefit_low"], lang),
                high=_money(totals["net_benefit_high"], lang),
                co2=_money(totals["co2e_mid"] * 1e6, lang),
                gap=f"{s.gap:.2%}" if s.gap == s.gap else "-",
                seconds=f"{s.runtime:.1f}",
            )
        )
    console.print(t("symbiosis.cli.written", lang, path=folder))


def demo_outputs(park: Park, folder: pathlib.Path, lang: str) -> dict[str, str]:
    """Match the park's symbiosis opportunities and write the result tables into ``folder``.

    Writes every table as CSV (opportunities, by_firm, pools, tracked, infeasible, prospects,
    unclassified, classification, quality_checks, assumptions, selection), ``matching.json`` and
    ``matching.xlsx``; returns ``{name: path}``.
    """
    from eipkit.symbiosis import match_park

    result = match_park(park)
    return result.write(pathlib.Path(folder), excel=True, lang=lang)

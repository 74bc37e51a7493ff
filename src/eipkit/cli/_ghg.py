"""``eipkit ghg``: scope 1 and 2 CO2 of every firm and of the park, and avoided emissions."""

from __future__ import annotations

import json
import pathlib
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from eipkit.cli._app import (
    AsJson,
    Lang,
    Out,
    ParkArg,
    app,
    check_lang,
    console,
    failure,
    load,
    out_dir,
    print_json,
)

if TYPE_CHECKING:
    from eipkit.park import Park

__all__ = ["demo_outputs", "ghg"]


def run_ghg(
    park: Park,
    year: int | None = None,
    include_external: bool = False,
    boiler_efficiency: float | None = None,
    steam_enthalpy: float | None = None,
) -> dict[str, Any]:
    """GHG account, avoided emissions and indicator of a park, as tables and totals."""
    from eipkit.ghg import avoided_emissions, ghg_account, ghg_indicator

    account = ghg_account(park, year, include_external=include_external)
    avoided = avoided_emissions(park, year, boiler_efficiency, steam_enthalpy)
    return {"account": account, "avoided": avoided, "indicator": ghg_indicator(park, year)}


def _write(result: dict[str, Any], folder: Path) -> dict[str, str]:
    account, avoided = result["account"], result["avoided"]
    files = {}
    for name, frame in (
        ("ghg_firms", account.firms),
        ("ghg_fuels", account.fuels),
        ("ghg_electricity", account.electricity),
        ("avoided_measures", avoided["measures"]),
        ("avoided_exchanges", avoided["exchanges"]),
    ):
        path = folder / f"{name}.csv"
        frame.write_csv(path)
        files[name] = str(path)
    path = folder / "ghg_summary.json"
    summary = {
        "totals": account.totals,
        "avoided": avoided["totals"],
        "indicator": result["indicator"],
        "factors": [f.as_dict() for f in account.factors],
        "notes": account.notes,
    }
    path.write_text(json.dumps(summary, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    files["ghg_summary"] = str(path)
    return files


@app.command("ghg")
def ghg(
    park: ParkArg,
    year: Annotated[int | None, typer.Option("--year", help="Data year of the grid factor (default 2023).")] = None,
    include_external: Annotated[bool, typer.Option("--include-external", help="Count external partners.")] = False,
    boiler_efficiency: Annotated[
        float | None, typer.Option("--boiler-efficiency", help="Efficiency of boilers displaced by heat exchanges.")
    ] = None,
    steam_enthalpy: Annotated[
        float | None, typer.Option("--steam-enthalpy", help="Heat per kg of exchanged steam (MJ/kg).")
    ] = None,
    out: Out = None,
    lang: Lang = "vi",
    as_json: AsJson = False,
) -> None:
    """Account the park's GHG: scope 1 (fuels, IPCC 2006), scope 2 (grid factor by year), avoided CO2."""
    from rich.table import Table

    from eipkit.factors import UnverifiedValueError
    from eipkit.i18n import t

    check_lang(lang)
    loaded = load(park, lang, as_json)
    try:
        result = run_ghg(loaded, year, include_external, boiler_efficiency, steam_enthalpy)
    except (UnverifiedValueError, ValueError) as exc:
        raise failure(t("ghg.error.input", lang, error=str(exc)), as_json) from None
    folder = out_dir(out, loaded.id, "ghg")
    files = _write(result, folder)
    account, avoided = result["account"], result["avoided"]
    if as_json:
        print_json(
            {
                "park": loaded.id,
                "totals": account.totals,
                "avoided": avoided["totals"],
                "firms": account.firms.to_dicts(),
                "notes": account.notes,
                "files": files,
            }
        )
        return
    table = Table(title=t("ghg.title", lang, name=loaded.name), header_style="bold")
    for key in (
        "ghg.col.firm",
        "ghg.col.scope1",
        "ghg.col.scope2",
        "ghg.col.total",
        "ghg.col.reported",
        "ghg.col.intensity",
    ):
        table.add_column(t(key, lang), justify="left" if key == "ghg.col.firm" else "right")
    for row in (
        account.firms.filter(account.firms["in_boundary"]).sort("total", descending=True).head(20).iter_rows(named=True)
    ):
        table.add_row(
            row["firm"],
            f"{row['scope1']:,.0f}",
            f"{row['scope2']:,.0f}",
            f"{row['total']:,.0f}",
            "–" if row["reported_co2"] is None else f"{row['reported_co2']:,.0f}",
            "–" if row["intensity"] is None else f"{row['intensity']:,.1f}",
        )
    console.print(table)
    totals = account.totals
    console.print(
        t(
            "ghg.totals",
            lang,
            total=f"{totals['total']:,.0f}",
            scope1=f"{totals['scope1']:,.0f}",
            scope2=f"{totals['scope2']:,.0f}",
            intensity=f"{totals['intensity']:,.1f}",
            factor=totals["grid_factor"],
        )
    )
    av = avoided["totals"]
    console.print(
        t(
            "ghg.avoided",
            lang,
            achieved=f"{av['measures_achieved'] + av['exchanges_achieved']:,.0f}",
            potential=f"{av['measures_potential'] + av['exchanges_potential']:,.0f}",
            missing=int(av["exchanges_not_quantified"]),
        )
    )
    for note in account.notes:
        console.print(f"[yellow]- {note}[/yellow]")
    console.print(t("energy.written", lang, path=folder))


def demo_outputs(park: Park, folder: pathlib.Path, lang: str) -> dict[str, str]:
    """Run the GHG account on a park and write its tables and summary into ``folder``; return ``{name: path}``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return _write(run_ghg(park), folder)

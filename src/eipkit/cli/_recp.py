"""``eipkit recp``: RECP indicators, benchmarks, options, cost-benefit and the MAC curve of a park."""

from __future__ import annotations

import json
import pathlib
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
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
    import polars as pl

    from eipkit.park import Park

__all__ = ["demo_outputs", "recp", "solar_options"]


@contextmanager
def _quiet() -> Iterator[None]:
    """Silence Python warnings about indicative values: the command prints them as notes."""
    from eipkit.factors import LowConfidenceWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LowConfidenceWarning)
        yield


def solar_options(park: Park, year: int | None = None) -> tuple[pl.DataFrame, list[str]]:
    """Rooftop PV of each firm (sized without curtailment) as options of the MAC curve.

    capex and O&M from the cited (L) defaults of :func:`eipkit.energy.business_case`; saving =
    self-consumed energy at the hourly EVN tariff minus O&M (surplus valued at 0: its price is
    unverified); abatement = (self-consumed + exported) energy times the grid factor.
    """
    import polars as pl

    from eipkit.energy import business_case, park_solar
    from eipkit.factors import grid_emission_factor

    grid = float(grid_emission_factor(year).require())
    result = park_solar(park, sizing="no_curtailment")
    rows, notes = [], list(result.notes)
    for firm, balance in result.selfuse.items():
        capacity = float(result.firms.filter(pl.col("firm") == firm)["capacity"][0])
        if capacity <= 0:
            continue
        case = business_case(balance.generation, balance.load, capacity)
        notes.extend(n for n in case.notes if n not in notes)
        used = float(balance.self_consumed.sum()) / 1000.0
        exported = float(balance.exported.sum()) / 1000.0
        saving = float(balance.self_consumed @ case.tariff) / 1000.0 + case.surplus_price * exported - case.annual_opex
        rows.append(
            {
                "option": f"PV_{firm}",
                "group": "solar",
                "firm": firm,
                "title": f"Rooftop PV {capacity:,.0f} kWp",
                "capex": case.capex,
                "annual_saving": saving,
                "co2_saving": (used + exported) * grid,
                "lifetime": float(case.lifetime),
            }
        )
    schema = {
        "option": pl.String,
        "group": pl.String,
        "firm": pl.String,
        "title": pl.String,
        "capex": pl.Float64,
        "annual_saving": pl.Float64,
        "co2_saving": pl.Float64,
        "lifetime": pl.Float64,
    }
    return pl.DataFrame(rows, schema=schema), notes


def symbiosis_options(park: Park, year: int | None = None) -> pl.DataFrame:
    """Potential symbiosis exchanges as MAC options (CO2 from :mod:`eipkit.ghg`; no capex in park data)."""
    import polars as pl

    from eipkit.ghg import exchange_emissions

    ex = exchange_emissions(park, year).filter(pl.col("state") == "potential")
    benefit = park.exchanges.select(pl.col("id").alias("exchange"), "annual_benefit")
    return ex.join(benefit, on="exchange", how="left").select(
        pl.col("exchange").alias("option"),
        pl.lit("symbiosis").alias("group"),
        pl.col("supplier").alias("firm"),
        pl.col("resource_class").alias("title"),
        pl.lit(None, dtype=pl.Float64).alias("capex"),
        pl.col("annual_benefit").cast(pl.Float64).alias("annual_saving"),
        pl.col("avoided_co2").alias("co2_saving"),
        pl.lit(None, dtype=pl.Float64).alias("lifetime"),
    )


def run_recp(
    park: Park,
    firm: str | None = None,
    solar: bool = True,
    discount_rate: float | None = None,
    lifetime: float | None = None,
    lang: str = "en",
) -> dict[str, Any]:
    """All RECP tables of a park (or one firm): indicators, benchmarks, options, cost-benefit, MAC."""
    import polars as pl

    from eipkit.ghg import ghg_account
    from eipkit.recp import compare_benchmarks, firm_indicators, mac_curve, measure_options, screen_options

    account = ghg_account(park)
    co2 = dict(zip(account.firms["firm"].to_list(), account.firms["total"].to_list(), strict=True))
    indicators = firm_indicators(park, co2_emissions=co2)
    benchmarks = compare_benchmarks(park)
    options = screen_options(park, lang=lang)
    parts = [measure_options(park), symbiosis_options(park)]
    notes: list[str] = ["co2_emissions indicator = scope 1 + 2 of eipkit.ghg (see eipkit ghg)"]
    if solar:
        pv, pv_notes = solar_options(park)
        parts.append(pv)
        notes.extend(pv_notes)
    all_options = pl.concat(parts, how="vertical_relaxed")
    if firm is not None:
        if firm not in park.firms["id"].to_list():
            raise KeyError(f"firm '{firm}' is not in the park")
        indicators, benchmarks, options = (f.filter(pl.col("firm") == firm) for f in (indicators, benchmarks, options))
        all_options = all_options.filter(pl.col("firm") == firm)
    curve, excluded, mac_notes = mac_curve(all_options, discount_rate, lifetime)
    return {
        "indicators": indicators,
        "benchmarks": benchmarks,
        "options": options,
        "mac_curve": curve,
        "mac_excluded": excluded,
        "notes": notes + mac_notes,
    }


def _write(result: dict[str, Any], folder: Path, lang: str) -> dict[str, str]:
    from eipkit.recp import plot_mac_curve

    files = {}
    for name in ("indicators", "benchmarks", "options", "mac_curve", "mac_excluded"):
        path = folder / f"recp_{name}.csv"
        result[name].write_csv(path)
        files[f"recp_{name}"] = str(path)
    if result["mac_curve"].height:
        files["recp_mac_png"] = str(plot_mac_curve(result["mac_curve"], folder / "recp_mac_curve.png", lang))
    path = folder / "recp_notes.json"
    path.write_text(json.dumps(result["notes"], ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    files["recp_notes"] = str(path)
    return files


@app.command("recp")
def recp(
    park: ParkArg,
    firm: Annotated[str | None, typer.Option("--firm", help="Firm id; default every firm and the whole park.")] = None,
    solar: Annotated[bool, typer.Option("--solar/--no-solar", help="Add rooftop PV options to the MAC curve.")] = True,
    discount_rate: Annotated[float | None, typer.Option("--discount-rate", help="Real rate, e.g. 0.08.")] = None,
    lifetime: Annotated[float | None, typer.Option("--lifetime", help="Lifetime of measures (years).")] = None,
    out: Out = None,
    lang: Lang = "vi",
    as_json: AsJson = False,
) -> None:
    """Resource productivity and pollution intensity, benchmarks, RECP options and the MAC curve."""
    from rich.table import Table

    from eipkit.energy import EnergyInputError
    from eipkit.i18n import t

    check_lang(lang)
    loaded = load(park, lang, as_json)
    try:
        with _quiet():
            result = run_recp(loaded, firm, solar, discount_rate, lifetime, lang)
    except (KeyError, ValueError, EnergyInputError) as exc:
        raise failure(t("recp.error.input", lang, error=str(exc).strip("'\"")), as_json) from None
    folder = out_dir(out, loaded.id, "recp")
    files = _write(result, folder, lang)
    if as_json:
        print_json(
            {
                "park": loaded.id,
                "firm": firm,
                **{
                    k: result[k].to_dicts()
                    for k in ("indicators", "benchmarks", "options", "mac_curve", "mac_excluded")
                },
                "notes": result["notes"],
                "files": files,
            }
        )
        return
    bench = Table(title=t("recp.benchmarks_title", lang), header_style="bold")
    for key in ("recp.col.firm", "recp.col.indicator", "recp.col.intensity", "recp.col.typical", "recp.col.position"):
        bench.add_column(t(key, lang))
    for row in result["benchmarks"].iter_rows(named=True):
        bench.add_row(
            row["firm"],
            f"{row['indicator']} ({row['unit']})",
            f"{row['intensity']:.4g}",
            f"{row['typical']:.4g}",
            row["position"],
        )
    console.print(bench)
    mac = Table(title=t("recp.mac_title", lang), header_style="bold")
    for key in ("recp.col.option", "recp.col.group", "recp.col.firm", "recp.col.co2", "recp.col.mac", "recp.col.npv"):
        mac.add_column(
            t(key, lang), justify="right" if key in ("recp.col.co2", "recp.col.mac", "recp.col.npv") else "left"
        )
    for row in result["mac_curve"].iter_rows(named=True):
        mac.add_row(
            row["option"],
            row["group"],
            row["firm"],
            f"{row['co2_saving']:,.0f}",
            f"{row['mac'] / 1e3:,.0f}",
            f"{row['npv'] / 1e9:,.2f}",
        )
    console.print(mac)
    console.print(t("recp.excluded", lang, count=result["mac_excluded"].height))
    for note in result["notes"]:
        console.print(f"[yellow]- {note}[/yellow]")
    console.print(t("energy.written", lang, path=folder))


def demo_outputs(park: Park, folder: pathlib.Path, lang: str) -> dict[str, str]:
    """Run the RECP analyses (with rooftop PV options), write their tables and MAC figure; return ``{name: path}``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with _quiet():
        result = run_recp(park, lang=lang)
    return _write(result, folder, lang)

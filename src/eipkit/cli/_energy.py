"""``eipkit energy solar | wind | models``: rooftop PV, wind and their business models for a park."""

from __future__ import annotations

import json
import math
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

    from eipkit.energy import BusinessComparison, ParkSolar
    from eipkit.park import Park

__all__ = ["demo_outputs", "energy_app", "models", "solar", "wind"]


@contextmanager
def _quiet() -> Iterator[None]:
    """Silence Python warnings about indicative values: the command prints them as notes."""
    from eipkit.factors import LowConfidenceWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LowConfidenceWarning)
        yield


energy_app = typer.Typer(
    name="energy",
    help="Energy: rooftop solar, wind, and business models (self-investment, lease, PPA, DPPA).",
    no_args_is_help=True,
)
app.add_typer(energy_app, name="energy")

Sizing = Annotated[str, typer.Option("--sizing", help="roof (whole usable roof) or no_curtailment.")]
ZeroExport = Annotated[bool, typer.Option("--zero-export", help="Anti-backflow device: nothing exported.")]
Ghi = Annotated[float | None, typer.Option("--ghi", help="Annual GHI of the site (kWh/m²/a); default: cited province.")]
AirTemp = Annotated[float | None, typer.Option("--air-temperature", help="Daytime air temperature (°C).")]
WindSpeed = Annotated[
    float | None, typer.Option("--wind-speed", help="Annual mean wind speed (m/s); required, no default.")
]
Turbine = Annotated[str, typer.Option("--turbine", help="Turbine type of windpowerlib's library.")]
HubHeight = Annotated[float, typer.Option("--hub-height", help="Hub height (m).")]
MeasHeight = Annotated[float | None, typer.Option("--measurement-height", help="Height of the wind speed (m).")]
Turbines = Annotated[int, typer.Option("--turbines", help="Number of turbines.")]


def _num(value: Any, digits: int = 0, scale: float = 1.0) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    return f"{float(value) / scale:,.{digits}f}"


def _print_notes(notes: list[str], lang: str) -> None:
    from eipkit.i18n import t

    if notes:
        console.print(f"[yellow]{t('energy.notes', lang)}[/yellow]")
        for note in notes:
            console.print(f"[yellow]- {note}[/yellow]")


def _table(frame: pl.DataFrame, columns: list[tuple[str, str, int, float]], title: str, lang: str) -> None:
    from rich.table import Table

    from eipkit.i18n import t

    table = Table(title=title, header_style="bold")
    for _, key, _, _ in columns:
        table.add_column(
            t(key, lang),
            justify="left"
            if key.endswith(("firm", "status", "model", "option", "parameter", "eligibility"))
            else "right",
        )
    for row in frame.iter_rows(named=True):
        table.add_row(*[str(row[c]) if d < 0 else _num(row[c], d, s) for c, _, d, s in columns])
    console.print(table)


def _solar(
    park: Park,
    sizing: str,
    zero_export: bool,
    ghi: float | None,
    air_temperature: float | None,
    as_json: bool,
    lang: str,
) -> ParkSolar:
    from eipkit.energy import EnergyInputError, park_solar
    from eipkit.i18n import t

    try:
        with _quiet():
            return park_solar(park, sizing=sizing, zero_export=zero_export, ghi=ghi, air_temperature=air_temperature)
    except EnergyInputError as exc:
        raise failure(t("energy.error.input", lang, error=str(exc)), as_json) from None


def _write_solar(result: ParkSolar, folder: Path, lang: str) -> dict[str, str]:
    from eipkit.energy import plot_monthly_balance

    files = {}
    path = folder / "solar_firms.csv"
    result.firms.write_csv(path)
    files["solar_firms"] = str(path)
    path = folder / "solar_totals.json"
    path.write_text(
        json.dumps({"totals": result.totals(), "notes": result.notes}, ensure_ascii=False, indent=2, default=str)
        + "\n",
        encoding="utf-8",
    )
    files["solar_totals"] = str(path)
    if result.selfuse:
        files["solar_monthly"] = str(plot_monthly_balance(result.total(), folder / "solar_monthly.png", lang))
    return files


@energy_app.command("solar")
def solar(
    park: ParkArg,
    sizing: Sizing = "roof",
    zero_export: ZeroExport = False,
    ghi: Ghi = None,
    air_temperature: AirTemp = None,
    out: Out = None,
    lang: Lang = "vi",
    as_json: AsJson = False,
) -> None:
    """Rooftop PV of every firm: capacity, yield, self-consumption under the export cap (Decree 243/2026)."""
    from eipkit.i18n import t

    check_lang(lang)
    loaded = load(park, lang, as_json)
    result = _solar(loaded, sizing, zero_export, ghi, air_temperature, as_json, lang)
    folder = out_dir(out, loaded.id, "energy-solar")
    files = _write_solar(result, folder, lang)
    if as_json:
        print_json(
            {
                "park": loaded.id,
                "totals": result.totals(),
                "firms": result.firms.to_dicts(),
                "notes": result.notes,
                "files": files,
            }
        )
        return
    _table(
        result.firms,
        [
            ("firm", "energy.col.firm", -1, 1),
            ("capacity", "energy.col.capacity", 0, 1),
            ("specific_yield", "energy.col.specific_yield", 0, 1),
            ("generation", "energy.col.generation", 0, 1),
            ("self_consumption_share", "energy.col.self_share", 2, 1),
            ("coverage_share", "energy.col.coverage", 2, 1),
            ("status", "energy.col.status", -1, 1),
        ],
        t("energy.solar.title", lang, name=loaded.name),
        lang,
    )
    totals = result.totals()
    console.print(
        t(
            "energy.solar.totals",
            lang,
            capacity=_num(totals.get("capacity"), 0),
            generation=_num(totals.get("generation"), 0),
            used=_num(totals.get("self_consumed"), 0),
            share=_num(100 * totals.get("coverage_share", 0.0), 1),
        )
    )
    _print_notes(result.notes, lang)
    console.print(t("energy.written", lang, path=folder))


@energy_app.command("wind")
def wind(
    park: ParkArg,
    wind_speed: WindSpeed = None,
    turbine: Turbine = "E-82/2350",
    hub_height: HubHeight = 100.0,
    measurement_height: MeasHeight = None,
    turbines: Turbines = 1,
    out: Out = None,
    lang: Lang = "vi",
    as_json: AsJson = False,
) -> None:
    """Wind turbines for the park (windpowerlib) and the solar/wind/mix comparison."""
    from eipkit.energy import EnergyInputError, compare_mix, wind_profile
    from eipkit.i18n import t

    check_lang(lang)
    if wind_speed is None:
        raise failure(t("energy.error.wind_speed", lang), as_json, 2)
    loaded = load(park, lang, as_json)
    try:
        profile = wind_profile(turbine, hub_height, wind_speed, measurement_height)
        solar_result = _solar(loaded, "roof", False, None, None, as_json, lang)
        mix = compare_mix(solar_result, profile, turbines)
    except EnergyInputError as exc:
        raise failure(t("energy.error.input", lang, error=str(exc)), as_json) from None
    folder = out_dir(out, loaded.id, "energy-wind")
    mix.write_csv(folder / "energy_mix.csv")
    notes = profile.notes + solar_result.notes
    summary: dict[str, Any] = {
        "turbine": turbine,
        "turbines": turbines,
        "hub_height": hub_height,
        "wind_speed": wind_speed,
        "hub_wind_speed": profile.hub_wind_speed,
        "annual_energy": profile.annual_energy * turbines,
        "capacity_factor": profile.capacity_factor,
        "notes": notes,
    }
    (folder / "wind.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if as_json:
        print_json({"park": loaded.id, "wind": summary, "mix": mix.to_dicts(), "files": [str(folder)]})
        return
    console.print(
        t(
            "energy.wind.summary",
            lang,
            turbines=turbines,
            turbine=turbine,
            energy=_num(profile.annual_energy * turbines, 0),
            cf=_num(100 * profile.capacity_factor, 1),
            speed=_num(profile.hub_wind_speed, 1),
        )
    )
    _table(
        mix,
        [
            ("option", "energy.col.option", -1, 1),
            ("capacity", "energy.col.capacity", 0, 1),
            ("generation", "energy.col.generation", 0, 1),
            ("used_in_park", "energy.col.used", 0, 1),
            ("coverage_share", "energy.col.coverage", 3, 1),
            ("avoided_co2", "energy.col.co2", 0, 1),
        ],
        t("energy.mix.title", lang),
        lang,
    )
    _print_notes(notes, lang)
    console.print(t("energy.written", lang, path=folder))


def run_models(
    park: Park,
    firm: str | None = None,
    technology: str = "solar",
    sizing: str = "no_curtailment",
    wind_speed: float | None = None,
    turbine: str = "E-82/2350",
    hub_height: float = 100.0,
    turbines: int = 1,
    **case: Any,
) -> tuple[BusinessComparison, pl.DataFrame]:
    """Return the business models and tornado of one firm (or the whole park as one meter); raise on bad input."""
    from eipkit.energy import EnergyInputError, business_case, business_models, park_solar, tornado, wind_profile

    solar_result = park_solar(park, sizing=sizing)
    if firm is None:
        balance = solar_result.total()
        capacity = float(solar_result.totals()["capacity"])
    else:
        if firm not in solar_result.selfuse:
            rows = solar_result.firms.filter(solar_result.firms["firm"] == firm)
            status = rows["status"][0] if rows.height else "not a tenant of the park"
            raise EnergyInputError(f"firm {firm}: {status} (needs roof_area and electricity streams)")
        balance = solar_result.selfuse[firm]
        capacity = float(solar_result.firms.filter(solar_result.firms["firm"] == firm)["capacity"][0])
    generation, load_kw = balance.generation, balance.load
    if technology in ("wind", "mix"):
        if wind_speed is None:
            raise EnergyInputError("wind needs --wind-speed (m/s): eipkit ships no wind-speed default")
        w = wind_profile(turbine, hub_height, wind_speed)
        wind_kw = w.output * turbines
        generation = wind_kw if technology == "wind" else generation + wind_kw
        capacity = w.capacity * turbines if technology == "wind" else capacity + w.capacity * turbines
    base = business_case(generation, load_kw, capacity, technology=technology, **case)
    return business_models(base), tornado(base)


@energy_app.command("models")
def models(
    park: ParkArg,
    firm: Annotated[str | None, typer.Option("--firm", help="Firm id; default the park as one meter.")] = None,
    technology: Annotated[str, typer.Option("--technology", help="solar, wind or mix.")] = "solar",
    sizing: Sizing = "no_curtailment",
    wind_speed: WindSpeed = None,
    turbine: Turbine = "E-82/2350",
    hub_height: HubHeight = 100.0,
    turbines: Turbines = 1,
    capex: Annotated[float | None, typer.Option("--capex", help="Investment (VND).")] = None,
    annual_opex: Annotated[float | None, typer.Option("--annual-opex", help="O&M (VND/a).")] = None,
    lifetime: Annotated[int | None, typer.Option("--lifetime", help="Lifetime (years).")] = None,
    discount_rate: Annotated[float | None, typer.Option("--discount-rate", help="Real rate, e.g. 0.08.")] = None,
    surplus_price: Annotated[
        float | None, typer.Option("--surplus-price", help="Surplus/spot price (VND/kWh).")
    ] = None,
    strike_price: Annotated[float | None, typer.Option("--strike-price", help="DPPA strike (VND/kWh).")] = None,
    voltage: Annotated[str, typer.Option("--voltage", help="Tariff voltage level.")] = "22_to_110kv",
    schedule: Annotated[str | None, typer.Option("--schedule", help="Time-of-use schedule.")] = None,
    out: Out = None,
    lang: Lang = "vi",
    as_json: AsJson = False,
) -> None:
    """Compare self-investment, lease, on-site PPA and DPPA: NPV, IRR, payback, LCOE; tornado of the NPV."""
    from eipkit.energy import EnergyInputError, plot_cash_flows, plot_tornado
    from eipkit.factors import UnverifiedValueError
    from eipkit.i18n import t

    check_lang(lang)
    loaded = load(park, lang, as_json)
    case = {
        "capex": capex,
        "annual_opex": annual_opex,
        "lifetime": lifetime,
        "discount_rate": discount_rate,
        "surplus_price": None if surplus_price is None else surplus_price * 1000.0,
        "strike_price": None if strike_price is None else strike_price * 1000.0,
        "voltage": voltage,
        "schedule": schedule,
    }
    try:
        with _quiet():
            result, sensitivity = run_models(
                loaded, firm, technology, sizing, wind_speed, turbine, hub_height, turbines, **case
            )
    except (EnergyInputError, UnverifiedValueError, KeyError) as exc:
        raise failure(t("energy.error.input", lang, error=str(exc).strip("'")), as_json) from None
    folder = out_dir(out, loaded.id, "energy-models")
    result.summary.write_csv(folder / "business_models.csv")
    result.cash_flows.write_csv(folder / "cash_flows.csv")
    sensitivity.write_csv(folder / "tornado.csv")
    plot_cash_flows(result.cash_flows, folder / "cash_flows.png", lang)
    plot_tornado(sensitivity, folder / "tornado.png", lang)
    assumptions = [a.as_dict() for a in result.assumptions]
    (folder / "assumptions.json").write_text(
        json.dumps(assumptions, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    if as_json:
        print_json(
            {
                "park": loaded.id,
                "firm": firm,
                "technology": technology,
                "energy": result.energy,
                "models": result.summary.to_dicts(),
                "tornado": sensitivity.to_dicts(),
                "assumptions": assumptions,
                "notes": result.notes,
                "out": str(folder),
            }
        )
        return
    console.print(
        t(
            "energy.models.energy",
            lang,
            who=firm or loaded.id,
            generation=_num(result.energy["generation"]),
            used=_num(result.energy["self_consumed"]),
            exported=_num(result.energy["exported"]),
        )
    )
    _table(
        result.summary,
        [
            ("model", "energy.col.model", -1, 1),
            ("firm_npv", "energy.col.firm_npv", 2, 1e9),
            ("firm_irr", "energy.col.firm_irr", 3, 1),
            ("firm_payback", "energy.col.payback", 1, 1),
            ("investor_npv", "energy.col.investor_npv", 2, 1e9),
            ("investor_irr", "energy.col.investor_irr", 3, 1),
            ("lcoe", "energy.col.lcoe", 0, 1e3),
            ("strike_break_even_firm", "energy.col.strike_firm", 0, 1e3),
            ("strike_break_even_investor", "energy.col.strike_investor", 0, 1e3),
            ("eligibility", "energy.col.eligibility", -1, 1),
        ],
        t("energy.models.title", lang),
        lang,
    )
    _table(
        sensitivity,
        [
            ("parameter", "energy.col.parameter", -1, 1),
            ("npv_low", "energy.col.npv_low", 2, 1e9),
            ("npv_high", "energy.col.npv_high", 2, 1e9),
        ],
        t("energy.tornado.title", lang),
        lang,
    )
    _print_notes(result.notes, lang)
    console.print(t("energy.written", lang, path=folder))


def demo_outputs(park: Park, folder: pathlib.Path, lang: str) -> dict[str, str]:
    """Run the energy analyses on a park and write their outputs into ``folder``; return ``{name: path}``.

    Rooftop PV of every firm (``solar_*``), and the park-level business models with the tornado
    (``models_*``). Wind needs a site wind speed (none is shipped), so the demo adds it only with a
    clearly labelled example value of 5.5 m/s at 100 m (``wind_example.json``, ``energy_mix.csv``).
    """
    from eipkit.energy import compare_mix, park_solar, plot_cash_flows, plot_tornado, wind_profile

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with _quiet():
        result = park_solar(park)
        files = _write_solar(result, folder, lang)
        if not result.selfuse:
            return files
        models_result, sensitivity = run_models(park)
    for name, frame in (
        ("business_models", models_result.summary),
        ("cash_flows", models_result.cash_flows),
        ("tornado", sensitivity),
    ):
        path = folder / f"{name}.csv"
        frame.write_csv(path)
        files[f"models_{name}"] = str(path)
    files["models_cash_flows_png"] = str(plot_cash_flows(models_result.cash_flows, folder / "cash_flows.png", lang))
    files["models_tornado_png"] = str(plot_tornado(sensitivity, folder / "tornado.png", lang))
    example = wind_profile("E-82/2350", 100.0, 5.5)
    mix = compare_mix(result, example, 1)
    mix.write_csv(folder / "energy_mix.csv")
    files["energy_mix"] = str(folder / "energy_mix.csv")
    path = folder / "wind_example.json"
    path.write_text(
        json.dumps(
            {
                "label": "EXAMPLE wind speed 5.5 m/s at 100 m (not site data)",
                "annual_energy": example.annual_energy,
                "capacity_factor": example.capacity_factor,
                "notes": example.notes,
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    files["wind_example"] = str(path)
    return files

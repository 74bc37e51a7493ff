"""``eipkit heat targets | site``: pinch targets of a stream table or a park, inter-firm heat recovery."""

from __future__ import annotations

import pathlib
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from eipkit.cli._app import AsJson, Lang, Out, app, check_lang, console, failure, load, out_dir, print_json

if TYPE_CHECKING:
    import polars as pl

    from eipkit.park import Park

__all__ = ["demo_outputs", "heat_app", "site", "targets"]

heat_app = typer.Typer(
    name="heat",
    help="Heat integration: pinch targets, utilities and inter-firm heat recovery.",
    no_args_is_help=True,
)
app.add_typer(heat_app, name="heat")

Dtmin = Annotated[float, typer.Option("--dtmin", help="Minimum approach temperature ΔTmin (K).")]
Source = Annotated[
    str,
    typer.Argument(
        help="A CSV of heat streams (id, supply_temperature, target_temperature, cp or duty; optional firm, "
        "dtmin_contribution) or a park (workbook, folder, dataset name)."
    ),
]


def _read_streams(source: str, lang: str, as_json: bool) -> tuple[pl.DataFrame, str, list[dict[str, Any]]]:
    """Heat streams from a CSV file or a park; also the name for the output folder and excluded streams."""
    import polars as pl

    from eipkit.heat import HeatInputError, heat_stream_table, park_heat_streams
    from eipkit.i18n import t

    path = Path(source)
    if path.suffix.lower() == ".csv":
        if not path.exists():
            raise failure(t("heat.error.no_file", lang, path=source), as_json, 2)
        try:
            frame = pl.read_csv(path, infer_schema_length=None)
            return heat_stream_table(frame), path.stem, []
        except (HeatInputError, pl.exceptions.PolarsError) as exc:
            raise failure(t("heat.error.input", lang, source=source, error=str(exc)), as_json) from None
    park = load(source, lang, as_json)
    streams, excluded = park_heat_streams(park)
    if streams.height == 0:
        raise failure(t("heat.error.no_streams", lang, source=source, excluded=excluded.height), as_json)
    return streams, park.id, excluded.to_dicts()


@heat_app.command("targets")
def targets(
    source: Source,
    dtmin: Dtmin = 10.0,
    hot_level: Annotated[
        list[float] | None, typer.Option("--hot-level", help="Temperature (°C) of a hot utility level; repeat.")
    ] = None,
    cold_level: Annotated[
        list[float] | None, typer.Option("--cold-level", help="Temperature (°C) of a cold utility level; repeat.")
    ] = None,
    out: Out = None,
    lang: Lang = "vi",
    as_json: AsJson = False,
) -> None:
    """Minimum hot and cold utility, pinch, cascade and curves of a set of heat streams (kW, °C)."""
    from rich.table import Table

    from eipkit.heat import HeatInputError, PinchStudy
    from eipkit.i18n import t

    check_lang(lang)
    streams, name, excluded = _read_streams(source, lang, as_json)
    try:
        study = PinchStudy(streams, dtmin)
        _ = study.targets
    except HeatInputError as exc:
        raise failure(t("heat.error.input", lang, source=source, error=str(exc)), as_json) from None
    folder = out_dir(out, name, "heat-targets")
    files = study.write(folder, lang, hot_level, cold_level)
    utilities = study.utilities(hot_level, cold_level).to_dicts() if hot_level or cold_level else []
    result = {
        **_rounded(study.targets.as_dict()),
        "streams": study.streams.height,
        "utilities": utilities,
        "excluded_streams": excluded,
        "out": str(folder),
        "files": files,
    }
    if as_json:
        print_json(result)
        return
    table = Table(title=t("heat.targets.title", lang, source=source, dtmin=f"{dtmin:g}"), show_header=False)
    for key in ("hot_utility", "cold_utility", "heat_recovery", "pinch_hot_temperature", "pinch_cold_temperature"):
        value = result[key]
        unit = "°C" if "temperature" in key else "kW"
        table.add_row(t(f"heat.targets.{key}", lang), "–" if value is None else f"{value:,.1f} {unit}")
    console.print(table)
    if utilities:
        ut = Table(title=t("heat.targets.utilities", lang))
        for key in ("utility", "side", "temperature", "duty"):
            ut.add_column(t(f"heat.col.{key}", lang))
        for row in utilities:
            temp = "–" if row["temperature"] is None else f"{row['temperature']:g}"
            ut.add_row(row["utility"], row["side"], temp, f"{row['duty']:,.1f}")
        console.print(ut)
    if excluded:
        console.print(f"[yellow]{t('heat.excluded', lang, count=len(excluded))}[/yellow]")
    console.print(t("heat.written", lang, path=folder))


def _rounded(data: dict[str, Any]) -> dict[str, Any]:
    return {k: round(v, 6) if isinstance(v, float) else v for k, v in data.items()}


@heat_app.command("site")
def site(
    park: Annotated[str, typer.Argument(help="A .xlsx workbook, a park folder, or a bundled dataset name (demo).")],
    dtmin: Dtmin = 10.0,
    dt_network: Annotated[
        float | None, typer.Option("--dt-network", help="Extra approach through the heat network (K); default ΔTmin.")
    ] = None,
    out: Out = None,
    lang: Lang = "vi",
    as_json: AsJson = False,
) -> None:
    """Inter-firm heat recovery of a park: firm targets, site target, costed matches (kW, MWh/a, VND, t CO2)."""
    from eipkit.heat import SiteStudy
    from eipkit.i18n import t

    check_lang(lang)
    loaded = load(park, lang, as_json)
    study = SiteStudy(loaded, dtmin, dt_network)
    if not study.has_heat:
        raise failure(t("heat.error.no_streams", lang, source=park, excluded=study.excluded.height), as_json)
    folder = out_dir(out, loaded.id, "heat-site")
    files = study.write(folder, lang)
    if as_json:
        print_json({**study.summary(), "out": str(folder), "files": files})
        return
    _print_site(study, lang)
    console.print(t("heat.written", lang, path=folder))


def _print_site(study: Any, lang: str) -> None:
    from rich.table import Table

    from eipkit.i18n import t

    targets = study.targets
    summary = Table(title=t("heat.site.title", lang, park=study.park.id), show_header=False)
    for key in ("firms_hot_utility", "site_hot_utility", "inter_firm_recovery", "direct_hot_utility"):
        summary.add_row(t(f"heat.site.{key}", lang), f"{getattr(targets, key):,.0f} kW")
    console.print(summary)
    matches = Table(title=t("heat.site.matches", lang))
    for key in ("supplier", "receiver", "recovery", "distance_km", "max_amount", "net_benefit", "co2_avoided"):
        matches.add_column(t(f"heat.col.{key}", lang), justify="left" if key in ("supplier", "receiver") else "right")
    for r in study.matches.iter_rows(named=True):
        matches.add_row(
            r["supplier"],
            r["receiver"],
            f"{r['recovery']:,.0f}",
            f"{r['distance_km']:,.2f}",
            f"{r['max_amount']:,.0f}",
            f"{r['net_benefit'] / 1e6:,.0f}",
            f"{r['co2_avoided']:,.0f}",
        )
    console.print(matches)
    if study.excluded.height:
        console.print(f"[yellow]{t('heat.excluded', lang, count=study.excluded.height)}[/yellow]")


def demo_outputs(park: Park, folder: pathlib.Path, lang: str) -> dict[str, str]:
    """Run the heat analyses on a park and write their outputs into ``folder``; return ``{name: path}``.

    Writes the park-level pinch targets (all heat streams together) in ``folder/heat_targets`` and
    the inter-firm study in ``folder/heat_site``. A park without usable heat streams gets a short
    ``heat.json`` saying so.
    """
    import json

    from eipkit.heat import PinchStudy, SiteStudy

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    study = SiteStudy(park)
    if not study.has_heat:
        path = folder / "heat.json"
        note = {"park": park.id, "heat_streams": 0, "excluded_streams": study.excluded.to_dicts()}
        path.write_text(json.dumps(note, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return {"heat": str(path)}
    files = {f"heat_targets_{k}": v for k, v in PinchStudy(study.streams).write(folder / "heat_targets", lang).items()}
    files.update({f"heat_site_{k}": v for k, v in study.write(folder / "heat_site", lang).items()})
    return files

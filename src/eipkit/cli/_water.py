"""``eipkit water target | network``: water-pinch targets and water-network optimisation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from eipkit.cli._app import AsJson, Lang, Out, app, check_lang, console, err_console, load, out_dir, print_json

if TYPE_CHECKING:
    from eipkit.park import Park

__all__ = ["demo_outputs", "network", "target", "water_app"]

water_app = typer.Typer(
    help="Water: pinch targets and network optimisation (flows t/h, concentrations ppm).", no_args_is_help=True
)
app.add_typer(water_app, name="water")

Spec = Annotated[
    str,
    typer.Argument(help="A CSV file (sources/sinks or limiting data), a .xlsx workbook, a park folder or 'demo'."),
]
Freshwater = Annotated[
    float, typer.Option("--freshwater-concentration", help="Freshwater concentration [ppm] (CSV input).")
]
Contaminant = Annotated[str | None, typer.Option("--contaminant", "-c", help="Contaminant to target (default: first).")]
Column = Annotated[str, typer.Option("--column", help="QCVN 40:2011/BTNMT column for discharge limits: A or B.")]


def _fail(message: str, lang: str, as_json: bool, infeasible: bool) -> NoReturn:
    from eipkit.i18n import t

    if as_json:
        print_json({"error": message, "infeasible": infeasible})
    else:
        key = "water.infeasible" if infeasible else "water.error"
        err_console.print(f"[red]{t(key, lang, message=message)}[/red]")
    raise typer.Exit(1)


def _write_json(path: Path, data: Any) -> str:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    return str(path)


def _summary(data: dict[str, Any], lang: str, title: str) -> None:
    from rich.table import Table

    from eipkit.i18n import t

    table = Table(title=title, show_header=False)
    for key in ("freshwater_flow", "wastewater_flow", "pinch_concentration"):
        if key in data:
            value = data[key]
            shown = t("water.none", lang) if value is None else f"{value:,.4f}"
            table.add_row(t(f"water.{key}", lang), shown)
    for key in ("status", "guarantee"):
        if key in data:
            table.add_row(key, str(data[key]))
    console.print(table)


def _is_csv(spec: str) -> bool:
    return spec.lower().endswith(".csv")


@water_app.command("target")
def target(
    spec: Spec,
    out: Out = None,
    lang: Lang = "vi",
    as_json: AsJson = False,
    contaminant: Contaminant = None,
    freshwater_concentration: Freshwater = 0.0,
    column: Column = "B",
) -> None:
    """Minimum freshwater and wastewater, pinch and cascade table (one contaminant)."""
    from eipkit.i18n import t
    from eipkit.water import InfeasibleWaterError, LimitingData, WaterInputError, WaterStudy, read_water_csv
    from eipkit.water.cascade import limiting_composite_curve
    from eipkit.water.plots import plot_cascade, plot_limiting_composite
    from eipkit.water.study import park_targets

    check_lang(lang)
    try:
        if _is_csv(spec):
            problem = read_water_csv(spec, freshwater_concentration)
            data = WaterStudy(problem).target(contaminant)
            folder = out_dir(out, Path(spec).stem, "water-target")
        else:
            park = load(spec, lang, as_json)
            result = park_targets(park, column)
            name = contaminant or result["contaminants"][0]
            if name not in result["targets"]:
                raise WaterInputError(
                    f"no contaminant '{name}' in this park; known: {', '.join(result['contaminants'])}"
                )
            data = {**result["targets"][name], "contaminant": name, "targets": result["targets"],
                    "notes": result["notes"]}  # fmt: skip
            if "infeasible" in data:
                raise InfeasibleWaterError(str(data["infeasible"]))
            problem = None
            folder = out_dir(out, park.id, "water-target")
    except FileNotFoundError as exc:
        _fail(str(exc), lang, as_json, False)
    except InfeasibleWaterError as exc:
        _fail(str(exc), lang, as_json, True)
    except WaterInputError as exc:
        _fail(str(exc), lang, as_json, False)
    from polars import DataFrame

    files = {"targets": _write_json(folder / "targets.json", data)}
    cascade = DataFrame(data["cascade"])
    cascade.write_csv(folder / "cascade.csv")
    files["cascade_table"] = str(folder / "cascade.csv")
    files["cascade_plot"] = str(plot_cascade(cascade, folder / "cascade.png"))
    if isinstance(problem, LimitingData):
        k = problem.contaminants.index(data["contaminant"])
        curve = limiting_composite_curve(problem.mass_load[:, k], problem.cin_max[:, k], problem.cout_max[:, k])
        files["limiting_composite"] = str(
            plot_limiting_composite(curve, data["freshwater_flow"], folder / "limiting_composite.png")
        )
    if as_json:
        print_json({**data, "files": files})
        return
    _summary(data, lang, t("water.target.title", lang, name=data["contaminant"]))
    for plant, row in (data.get("plants") or {}).items():
        console.print(
            t("water.plant_line", lang, plant=plant, fresh=row["freshwater_flow"], waste=row["wastewater_flow"])
        )
    console.print(t("water.written", lang, path=folder))


@water_app.command("network")
def network(
    spec: Spec,
    out: Out = None,
    lang: Lang = "vi",
    as_json: AsJson = False,
    freshwater_concentration: Freshwater = 0.0,
    column: Column = "B",
    objective: Annotated[str, typer.Option("--objective", help="freshwater or cost.")] = "freshwater",
    time_limit: Annotated[float, typer.Option("--time-limit", help="Solver time limit [s].")] = 60.0,
) -> None:
    """Optimal water network under every contaminant limit: flows, sink concentrations, pipes."""
    from eipkit.i18n import t
    from eipkit.water import InfeasibleWaterError, WaterInputError, WaterStudy, read_water_csv
    from eipkit.water.study import park_water_study

    check_lang(lang)
    try:
        if _is_csv(spec):
            problem = read_water_csv(spec, freshwater_concentration)
            data = WaterStudy(problem).network(objective=objective, time_limit=time_limit)
            folder = out_dir(out, Path(spec).stem, "water-network")
        else:
            park = load(spec, lang, as_json)
            study = park_water_study(park, column=column, objective=objective, time_limit=time_limit)
            data = {**study["network"], "study": study}
            folder = out_dir(out, park.id, "water-network")
    except FileNotFoundError as exc:
        _fail(str(exc), lang, as_json, False)
    except InfeasibleWaterError as exc:
        _fail(str(exc), lang, as_json, True)
    except (WaterInputError, TimeoutError) as exc:
        _fail(str(exc), lang, as_json, False)
    files = _network_files(data, folder)
    if as_json:
        print_json({**data, "files": files})
        return
    _summary(data, lang, t("water.network.title", lang))
    console.print(t("water.written", lang, path=folder))


def _network_files(data: dict[str, Any], folder: Path) -> dict[str, str]:
    import polars as pl

    from eipkit.water.plots import plot_network

    files = {"network": _write_json(folder / "network.json", data)}
    alloc = pl.DataFrame(data["allocation"], schema={"source": pl.String, "sink": pl.String, "flow": pl.Float64})
    alloc.write_csv(folder / "allocation.csv")
    files["allocation"] = str(folder / "allocation.csv")
    for key in ("sink_concentrations", "connections", "operations"):
        if data.get(key):
            pl.DataFrame(data[key]).write_csv(folder / f"{key}.csv")
            files[key] = str(folder / f"{key}.csv")
    files["network_plot"] = str(plot_network(alloc, folder / "network.png"))
    return files


def demo_outputs(park: Park, folder: Path, lang: str) -> dict[str, str]:
    """Run the park's water study and write its tables, JSON and figures into ``folder``.

    Returns
    -------
    dict
        ``{name: path}`` of the files written. A park without water data gets a JSON saying why.
    """
    import polars as pl

    from eipkit.i18n import t
    from eipkit.water import InfeasibleWaterError, WaterInputError
    from eipkit.water.plots import plot_cascade
    from eipkit.water.study import park_water_study

    folder.mkdir(parents=True, exist_ok=True)
    try:
        study = park_water_study(park)
    except (WaterInputError, InfeasibleWaterError, TimeoutError) as exc:
        return {
            "water_study": _write_json(
                folder / "water_study.json", {"skipped": t("water.skipped", lang, message=str(exc))}
            )
        }
    files = {"water_study": _write_json(folder / "water_study.json", study)}
    for key, path in _network_files(study["network"], folder).items():
        files[f"water_{key}"] = path
    for name, result in study["targets"].items():
        if "cascade" in result:
            table = pl.DataFrame(result["cascade"])
            table.write_csv(folder / f"water_cascade_{name}.csv")
            files[f"water_cascade_{name}"] = str(folder / f"water_cascade_{name}.csv")
            files[f"water_cascade_plot_{name}"] = str(plot_cascade(table, folder / f"water_cascade_{name}.png"))
    return files

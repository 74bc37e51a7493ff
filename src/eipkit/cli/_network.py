"""``eipkit optimize PARK``: the park's optimal exchange network, fair shares and the CO2 trade-off."""

from __future__ import annotations

import pathlib
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from eipkit.cli._app import AsJson, Lang, Out, ParkArg, app, check_lang, console, err_console, load, out_dir, print_json

if TYPE_CHECKING:
    from eipkit.network import NetworkStudy
    from eipkit.park import Park

__all__ = ["demo_outputs", "optimize"]


def _study(
    park: Park, with_heat: bool, time_limit: float, relative_gap: float, sharing_rule: str
) -> tuple[NetworkStudy, int]:
    """Network study of a park; heat matches from :mod:`eipkit.heat` are added when asked (CLI = top floor)."""
    from eipkit.network import NetworkStudy

    extra = None
    if with_heat:
        from eipkit.heat import heat_matches

        extra, _ = heat_matches(park)
    study = NetworkStudy.from_park(
        park, extra, time_limit=time_limit, relative_gap=relative_gap, sharing_rule=sharing_rule
    )
    return study, 0 if extra is None else extra.height


@app.command()
def optimize(
    park: ParkArg,
    time_limit: Annotated[float, typer.Option("--time-limit", help="Solver time limit per solve (s).")] = 60.0,
    gap: Annotated[
        float, typer.Option("--gap", help="Relative optimality gap at which to stop (0.001 = 0.1 %).")
    ] = 1e-3,
    pareto: Annotated[
        int, typer.Option("--pareto", help="Points of the benefit-CO2 Pareto front (0 = skip, else >= 2).")
    ] = 5,
    heat: Annotated[bool, typer.Option("--heat/--no-heat", help="Add inter-firm heat matches as candidates.")] = True,
    rule: Annotated[str, typer.Option("--rule", help="Sharing rule: equal_surplus or proportional.")] = "equal_surplus",
    out: Out = None,
    lang: Lang = "vi",
    as_json: AsJson = False,
) -> None:
    """Choose the exchanges with the largest net annual benefit for the park and share it fairly."""
    from rich.table import Table

    from eipkit.i18n import t
    from eipkit.network import SHARING_RULES, NetworkInputError

    check_lang(lang)
    if rule not in SHARING_RULES:
        err_console.print(f"[red]{t('network.error.rule', lang, rule=rule, rules=', '.join(SHARING_RULES))}[/red]")
        raise typer.Exit(2)
    if pareto == 1 or pareto < 0:
        err_console.print(f"[red]{t('network.error.pareto', lang)}[/red]")
        raise typer.Exit(2)
    loaded = load(park, lang, as_json)
    try:
        study, n_heat = _study(loaded, heat, time_limit, gap, rule)
        folder = out_dir(out, loaded.id, "optimize")
        files = study.write(folder, lang, pareto)
    except NetworkInputError as exc:
        if as_json:
            print_json({"error": str(exc)})
        else:
            err_console.print(f"[red]{t('network.error.input', lang, error=str(exc))}[/red]")
        raise typer.Exit(1) from None
    s = study.solution
    if as_json:
        data = study.summary()
        data.update({"heat_candidates": n_heat, "out": str(folder), "files": files})
        print_json(data)
        if not s.feasible:
            raise typer.Exit(1)
        return
    console.rule(t("network.title", lang, park=loaded.id))
    gap_text = "–" if s.gap is None else f"{s.gap:.2%}"
    console.print(
        t(
            "network.status",
            lang,
            status=s.status,
            gap=gap_text,
            links=s.selected.height,
            candidates=study.candidates.height,
            benefit=f"{s.net_benefit / 1e6:,.0f}",
            co2=f"{s.co2_avoided:,.0f}",
            seconds=f"{s.solve_time:.1f}",
        )
    )
    _print_links(study, lang)
    gains = Table(title=t("network.gains", lang, rule=rule))
    for key in ("firm", "links", "gain", "payments_received"):
        gains.add_column(t(f"network.col.{key}", lang), justify="left" if key == "firm" else "right")
    for r in study.gains.iter_rows(named=True):
        style = "red" if r["worse_off"] else ""
        gains.add_row(
            r["firm"],
            str(r["links"]),
            f"[{style}]{r['gain'] / 1e6:,.1f}[/{style}]" if style else f"{r['gain'] / 1e6:,.1f}",
            f"{r['payments_received'] / 1e6:,.1f}",
        )
    console.print(gains)
    if s.violations:
        console.print(f"[red]{t('network.violations', lang, count=len(s.violations))}[/red]")
    console.print(t("network.written", lang, path=folder))
    if not s.feasible:
        raise typer.Exit(1)


def _print_links(study: Any, lang: str) -> None:
    from rich.table import Table

    from eipkit.i18n import t

    table = Table(title=t("network.links", lang))
    for key in ("supplier", "receiver", "resource_class", "flow", "benefit", "co2"):
        table.add_column(
            t(f"network.col.{key}", lang), justify="right" if key in ("flow", "benefit", "co2") else "left"
        )
    for r in study.solution.selected.sort("benefit", descending=True).iter_rows(named=True):
        table.add_row(
            r["supplier"],
            r["receiver"],
            r["resource_class"] or "–",
            f"{r['flow']:,.0f}",
            f"{r['benefit'] / 1e6:,.1f}",
            f"{r['co2']:,.1f}",
        )
    console.print(table)


def demo_outputs(park: Park, folder: pathlib.Path, lang: str) -> dict[str, str]:
    """Choose the park's exchange network (with heat matches) and write its outputs into ``folder``.

    Writes candidates, chosen links, shares, firm gains, a 5-point Pareto front, ``network.json``
    and the figures; returns ``{name: path}``.
    """
    study, _ = _study(park, True, 60.0, 1e-3, "equal_surplus")
    return study.write(Path(folder), lang, points=5)

"""Commands of the EIP assessment: ``assess``, ``frameworks``, ``dossier``; and the demo outputs."""

from __future__ import annotations

import datetime as dt
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
    from eipkit.assessment import AssessmentResult
    from eipkit.park import Park

__all__ = ["assess", "demo_outputs", "dossier", "frameworks"]

FrameworkOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--framework", "-f", help="Framework id (VN35, VN82, IEF2) or a catalogue .yaml; repeatable. Default VN35."
    ),
]
AsOf = Annotated[str | None, typer.Option("--as-of", help="Assessment (registration) date YYYY-MM-DD; default today.")]
_STYLE = {
    "met": "green",
    "not_met": "red",
    "insufficient_data": "yellow",
    "threshold_unverified": "magenta",
    "not_applicable": "dim",
}
_VERDICT_STYLE = {
    "meets": "green",
    "does_not_meet": "red",
    "greenfield_window": "yellow",
    "insufficient_data": "yellow",
    "indicative_only": "magenta",
}


def _date(value: str | None, lang: str) -> dt.date | None:
    from eipkit.i18n import t

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        err_console.print(t("assessment.error.date", lang, value=value))
        raise typer.Exit(2) from None


def _run(park: Park, framework: list[str] | None, as_of: dt.date | None, lang: str) -> AssessmentResult:
    from eipkit.assessment import CatalogueError, ParkAssessment
    from eipkit.i18n import t

    try:
        return ParkAssessment(park, framework or ["VN35"], as_of).run()
    except (CatalogueError, KeyError) as exc:
        err_console.print(t("assessment.error.framework", lang, error=exc.args[0] if exc.args else exc))
        raise typer.Exit(2) from None


def _print_scorecard(result: AssessmentResult, lang: str, firms: bool) -> None:
    from rich.table import Table

    from eipkit.i18n import t

    for fw_id in result.frameworks:
        v = result.verdict(None, fw_id, lang)
        console.rule(t("assessment.scorecard.title", lang, framework=fw_id, park=result.park_name(None, lang)))
        table = Table(show_lines=False, header_style="bold", expand=True)
        for key, ratio in (("criterion", 2), ("title", 5), ("status", 2), ("value", 2), ("threshold", 2), ("gap", 6)):
            table.add_column(t(f"assessment.col.{key}", lang), overflow="fold", ratio=ratio)
        category = None
        for row in result.scorecard(None, fw_id, lang):
            if row["category"] != category:
                category = row["category"]
                table.add_row(f"[bold]{row['category_name']}[/bold]", "", "", "", "", "")
            style = _STYLE[row["status"]]
            status = f"[{style}]{row['status_text']}[/{style}]" + (" *" if row["indicative"] else "")
            table.add_row(
                row["criterion"], row["title"], status, row["value_text"], row["threshold_text"], row["gap_text"]
            )
        console.print(table)
        style = _VERDICT_STYLE[v["verdict"]]
        console.print(f"[bold {style}]{t('assessment.col.verdict', lang)}: {v['verdict_text']}[/bold {style}]")
        for line in v["details"]:
            console.print(f"  {line}")
        console.print(f"[dim]* {t('assessment.note.indicative', lang)}. {v['notice']}[/dim]")
    rows = result.enterprises(None, lang)
    if rows:
        met = sum(r["status"] == "met" for r in rows)
        not_met = sum(r["status"] == "not_met" for r in rows)
        console.rule(t("assessment.enterprise.title", lang))
        console.print(
            t(
                "assessment.enterprise.summary",
                lang,
                met=met,
                not_met=not_met,
                insufficient=len(rows) - met - not_met,
                total=len(rows),
            )
        )
        if firms:
            table = Table(header_style="bold", expand=True)
            for key in ("firm", "status", "gap"):
                table.add_column(t(f"assessment.col.{key}", lang), overflow="fold")
            for r in rows:
                style = _STYLE[r["status"]]
                table.add_row(f"{r['firm']} {r['name']}", f"[{style}]{r['status_text']}[/{style}]", r["gap_text"])
            console.print(table)


@app.command()
def assess(
    park: ParkArg,
    framework: FrameworkOpt = None,
    lang: Lang = "vi",
    as_json: AsJson = False,
    out: Out = None,
    as_of: AsOf = None,
    firms: Annotated[bool, typer.Option("--firms", help="List the eco-enterprise result of every firm.")] = False,
    strict: Strict = False,
) -> None:
    """Assess a park against EIP criteria: scorecard with gaps and next steps; results written to --out."""
    from eipkit.i18n import t

    check_lang(lang)
    loaded = load(park, lang, as_json, strict=strict)
    result = _run(loaded, framework, _date(as_of, lang), lang)
    written = result.write(out_dir(out, loaded.id, "assess"), lang)
    if as_json:
        print_json({**result.to_dict(lang), "files": written})
        return
    _print_scorecard(result, lang, firms)
    console.print(t("assessment.scorecard.written", lang, path=Path(written["assessment_json"]).parent))


@app.command()
def frameworks(lang: Lang = "vi", as_json: AsJson = False) -> None:
    """List the criteria frameworks available (shipped and from EIPKIT_FRAMEWORKS folders)."""
    from rich.table import Table

    from eipkit.assessment import CatalogueError, framework_ids, load_framework
    from eipkit.i18n import t

    check_lang(lang)
    rows: list[dict[str, Any]] = []
    for fid in framework_ids():
        try:
            fw = load_framework(fid)
        except CatalogueError as exc:
            err_console.print(t("assessment.error.framework", lang, error=exc))
            continue
        rows.append(
            {
                "id": fw.id,
                "name": fw.title(lang),
                "status": fw.status,
                "status_text": t(f"assessment.fw_status.{fw.status}", lang),
                "valid_from": fw.valid_from,
                "valid_to": fw.valid_to,
                "criteria": len(fw.criteria),
                "catalogue_version": fw.catalogue_version,
                "compiled": fw.compiled,
                "sources": fw.sources,
            }
        )
    if as_json:
        print_json(rows)
        return
    table = Table(title=t("assessment.frameworks.title", lang), header_style="bold", expand=True)
    for key in ("framework", "title", "status_in_force", "valid", "criteria"):
        table.add_column(t(f"assessment.col.{key}", lang), overflow="fold")
    for r in rows:
        valid = f"{r['valid_from'] or '…'} → {r['valid_to'] or '…'}"
        table.add_row(r["id"], r["name"], r["status_text"], valid, str(r["criteria"]))
    console.print(table)
    console.print(f"[dim]{t('assessment.frameworks.hint', lang)}[/dim]")


@app.command()
def dossier(
    park: ParkArg,
    lang: Lang = "vi",
    as_json: AsJson = False,
    out: Out = None,
    as_of: AsOf = None,
    strict: Strict = False,
) -> None:
    """Prepare the EIP certification dossier (Decree 35/2022): drafts, Circular 05 forms, checklist, summary."""
    import polars as pl
    from rich.table import Table

    from eipkit.assessment import write_dossier
    from eipkit.i18n import t

    check_lang(lang)
    loaded = load(park, lang, as_json, strict=strict)
    result = _run(loaded, ["VN35"], _date(as_of, lang), lang)
    folder = out_dir(out, loaded.id, "dossier")
    written = write_dossier(loaded, folder, lang, result=result)
    verdict = result.verdict(None, "VN35", lang)
    checklist = pl.read_csv(written["checklist"]).to_dicts()
    if as_json:
        print_json({"park": loaded.id, "verdict": verdict, "checklist": checklist, "files": written})
        return
    style = _VERDICT_STYLE[verdict["verdict"]]
    console.rule(t("assessment.dossier.title", lang, park=result.park_name(None, lang)))
    console.print(f"[bold {style}]{t('assessment.col.verdict', lang)}: {verdict['verdict_text']}[/bold {style}]")
    table = Table(header_style="bold", expand=True)
    for key in ("item", "state", "file"):
        table.add_column(t(f"assessment.dossier.{key}", lang), overflow="fold")
    for r in checklist:
        table.add_row(r["title"], r["state_text"], r["file"] or "")
    console.print(table)
    console.print(t("assessment.dossier.written", lang, path=folder))


def demo_outputs(park: Park, folder: Path, lang: str) -> dict[str, str]:
    """Assess ``park`` (VN35 and IEF2) and write its results, scorecards in both languages and the dossier.

    The assessment date is 30 June of the year after the park's ``data_year`` (a registration with
    last year's data), so the demo outputs do not change with the calendar; today without a data year.

    Returns
    -------
    dict
        ``{name: path}`` of every file written into ``folder``.
    """
    from eipkit.assessment import assess as run_assessment
    from eipkit.assessment import write_dossier
    from eipkit.assessment._markdown import scorecard_markdown
    from eipkit.i18n import LANGUAGES

    year = park.meta.get("data_year")
    as_of = dt.date(int(year) + 1, 6, 30) if year else None
    result = run_assessment(park, ["VN35", "IEF2"], as_of)
    folder.mkdir(parents=True, exist_ok=True)
    written = {f"assessment_{k}": v for k, v in result.write(folder, lang).items()}
    for code in LANGUAGES:
        path = folder / f"scorecard_{code}.md"
        path.write_text(scorecard_markdown(result, park.id, code), encoding="utf-8")
        written[f"scorecard_{code}"] = str(path)
    written.update({f"dossier_{k}": v for k, v in write_dossier(park, folder / "dossier", lang, result=result).items()})
    return written

"""``eipkit coprocess``: screen the park's wastes for co-processing in a cement kiln."""

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
    from eipkit.coprocessing import Screening
    from eipkit.park import Park

__all__ = ["coprocess", "demo_outputs"]


def _parse_limits(items: list[str] | None) -> dict[str, float]:
    limits: dict[str, float] = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        if not sep:
            raise ValueError(f"limit '{item}' must look like name=value (e.g. chlorine=0.5)")
        try:
            limits[name.strip()] = float(value)
        except ValueError:
            raise ValueError(f"limit '{item}': '{value}' is not a number") from None
    return limits


def _write(screening: Screening, folder: Path) -> dict[str, str]:
    from eipkit.coprocessing import kiln_receiver_streams

    files = {}
    for name, frame in (
        ("coprocess_wastes", screening.wastes),
        ("coprocess_criteria", screening.criteria),
        ("coprocess_receiver_streams", kiln_receiver_streams(screening)),
    ):
        path = folder / f"{name}.csv"
        frame.write_csv(path)
        files[name] = str(path)
    path = folder / "coprocess_summary.json"
    summary = {"kiln": screening.kiln.__dict__, "totals": screening.totals, "notes": screening.notes}
    path.write_text(json.dumps(summary, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    files["coprocess_summary"] = str(path)
    return files


@app.command("coprocess")
def coprocess(
    park: ParkArg,
    kiln: Annotated[str | None, typer.Option("--kiln", help="Firm id of the cement kiln (default: found).")] = None,
    limit_set: Annotated[str | None, typer.Option("--limit-set", help="Named limit set (qcvn_41_2025).")] = None,
    limit: Annotated[
        list[str] | None, typer.Option("--limit", help="Your limit, name=value (chlorine=0.5, calorific_value=15).")
    ] = None,
    criteria: Annotated[
        str | None, typer.Option("--criteria", help="Comma-separated criteria to check (default all).")
    ] = None,
    max_substitution: Annotated[
        float | None, typer.Option("--max-substitution", help="Largest share of the kiln's heat (0-1).")
    ] = None,
    out: Out = None,
    lang: Lang = "vi",
    as_json: AsJson = False,
) -> None:
    """Check each waste against kiln acceptance criteria; heat, substitution, coal replaced, CO2 saved."""
    from rich.table import Table

    from eipkit.coprocessing import CoprocessingInputError, screen_wastes
    from eipkit.i18n import t

    check_lang(lang)
    loaded = load(park, lang, as_json)
    try:
        chosen = None if criteria is None else tuple(c.strip() for c in criteria.split(",") if c.strip())
        screening = screen_wastes(loaded, _parse_limits(limit), limit_set, kiln, None, max_substitution, chosen, lang)
    except (CoprocessingInputError, ValueError, KeyError) as exc:
        raise failure(t("coprocess.error.input", lang, error=str(exc).strip("'\"")), as_json) from None
    folder = out_dir(out, loaded.id, "coprocess")
    files = _write(screening, folder)
    counts: dict[str, Any] = (
        dict(screening.wastes.group_by("status").len().iter_rows()) if screening.wastes.height else {}
    )
    if as_json:
        print_json(
            {
                "park": loaded.id,
                "kiln": screening.kiln.__dict__,
                "status_counts": counts,
                "totals": screening.totals,
                "criteria": screening.criteria.to_dicts(),
                "wastes": screening.wastes.to_dicts(),
                "notes": screening.notes,
                "files": files,
            }
        )
        return
    console.print(
        t(
            "coprocess.kiln",
            lang,
            kiln=screening.kiln.firm,
            name=screening.kiln.name,
            energy=f"{screening.kiln.fuel_energy:,.0f}",
        )
    )
    limits = Table(title=t("coprocess.criteria_title", lang), header_style="bold")
    for key in ("coprocess.col.criterion", "coprocess.col.limit", "coprocess.col.status"):
        limits.add_column(t(key, lang))
    for row in screening.criteria.iter_rows(named=True):
        shown = (
            t("coprocess.unverified", lang) if row["limit"] is None else f"{row['kind']} {row['limit']:g} {row['unit']}"
        )
        limits.add_row(row["criterion"], shown, row["status"])
    console.print(limits)
    table = Table(title=t("coprocess.title", lang), header_style="bold")
    for key in (
        "coprocess.col.stream",
        "coprocess.col.mass",
        "coprocess.col.cv",
        "coprocess.col.status",
        "coprocess.col.co2",
    ):
        table.add_column(
            t(key, lang), justify="left" if key in ("coprocess.col.stream", "coprocess.col.status") else "right"
        )
    fuels = screening.wastes.filter(screening.wastes["calorific_value"].is_not_null()).sort("mass", descending=True)
    for row in fuels.head(25).iter_rows(named=True):
        co2 = row.get("co2_saved")
        table.add_row(
            row["stream"],
            f"{row['mass']:,.1f}",
            f"{row['calorific_value']:g}",
            row["status"],
            "–" if co2 is None else f"{co2:,.0f}",
        )
    console.print(table)
    tot = screening.totals
    console.print(
        t(
            "coprocess.totals",
            lang,
            counts=", ".join(f"{k}: {v}" for k, v in sorted(counts.items())),
            tsr=f"{100 * tot.get('candidates_substitution', 0.0):.2f}",
            coal=f"{tot.get('candidates_coal_replaced', 0.0):,.0f}",
            co2=f"{tot.get('candidates_co2_saved', 0.0):,.0f}",
        )
    )
    for note in screening.notes:
        console.print(f"[yellow]- {note}[/yellow]")
    console.print(t("energy.written", lang, path=folder))


def demo_outputs(park: Park, folder: pathlib.Path, lang: str) -> dict[str, str]:
    """Screen the park's wastes for the default kiln and write the tables into ``folder``; return ``{name: path}``.

    The QCVN 41 limits are unverified, so the demo shows the screening with every limit
    ``limit_unverified`` (wastes are ``incomplete`` or ``excluded``) and the heat, coal and CO2 of
    all candidate wastes. A park without a kiln gets ``coprocess.json`` saying so.
    """
    from eipkit.coprocessing import CoprocessingInputError, screen_wastes

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    try:
        screening = screen_wastes(park, lang=lang)
    except CoprocessingInputError as exc:
        path = folder / "coprocess.json"
        path.write_text(
            json.dumps({"park": park.id, "kiln": None, "reason": str(exc)}, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        return {"coprocess": str(path)}
    return _write(screening, folder)

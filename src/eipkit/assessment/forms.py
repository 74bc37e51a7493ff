r"""Circular 05/2025 indicator forms filled from the park data: A.4/A.5 (park) and B.4/B.5 (firms).

Form contents follow a third-party specification of the official forms (secondary source; see
``eip-criteria.md`` §C6); each sheet says so. Quantities come from the park tables in canonical
units; savings are those of RECP measures carried out (``measures.status`` implemented or
verified). Energy saved as a share of use before the measures:

.. math:: p = 100 \, \frac{E_{saved}}{E_{use} + E_{saved}}

where :math:`E_{use}` is the energy the park firms take in now [MWh/a].
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import polars as pl
import yaml

from eipkit.assessment._ind_common import DONE, Context
from eipkit.assessment._render import ids_text
from eipkit.assessment._stack import stack_parks
from eipkit.assessment.assess import AssessmentResult, assess
from eipkit.park import Park
from eipkit.units import CANONICAL_UNITS

__all__ = ["A5_CODES", "form_a4", "form_a5", "form_b4", "form_b5", "write_forms"]

#: Circular 05/2025 park indicators on form A.5 and the VN35 criteria that score them.
A5_CODES: dict[str, str] = {
    code: f"VN35-C05-{code.replace('.', '')}"
    for code in (
        "ENV.1",
        "ENV.3",
        "ENV.4",
        "ENV.5",
        "ENV.6",
        "PM.1",
        "PM.2",
        "PM.3",
        "PM.4",
        "SOC.3",
        "SOC.5",
        "SOC.7",
        "ECO.1",
        "ECO.2",
        "ECO.3",
        "ECO.4",
        "ECO.5",
        "ECO.6",
    )
}
_TYPES = ("by_product", "shared_infrastructure", "shared_service", "inter_park", "other")
#: Link types that carry secondary materials (shared services such as steam are not materials).
_MATERIAL_TYPES = ("by_product", "inter_park", "other")

#: One row of form A.4: section, item key, value, unit, note (a float note is a percentage).
Row = tuple[str, str, Any, str, Any]


@cache
def _labels() -> dict[str, Any]:
    text = resources.files("eipkit.assessment").joinpath("_forms.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _label(group: str, key: str, lang: str) -> str:
    entry = _labels()[group].get(key)
    return str(entry.get(lang) or entry["en"]) if entry else key


def _sum(frame: pl.DataFrame, column: str) -> float:
    value = frame.get_column(column).sum() if frame.height else 0.0
    return float(value or 0.0)


def _pct(part: float | None, whole: float | None) -> float | None:
    return None if part is None or not whole else 100.0 * part / whole


def _energy_mwh(streams: pl.DataFrame) -> pl.Expr:
    return (
        pl.when(pl.col("amount_kind") == "energy_flow")
        .then(pl.col("amount"))
        .when(pl.col("amount_kind") == "mass_flow")
        .then(pl.col("amount") * pl.col("calorific_value") / 3.6)
        .otherwise(None)
    )


def form_a4(park: Park, as_of: dt.date | None = None) -> list[Row]:
    """Rows of form A.4 for ``park``: ``(section, item, value, unit, note)`` with language-neutral keys.

    A note that is a float is a percentage (land shares, occupancy); other notes are text (ids).
    """
    ctx = Context(stack_parks(park), as_of or dt.date.today())
    m = park.meta
    tenants = ctx.tenants
    year = m.get("data_year")
    rows: list[Row] = [
        ("general", "name", m["name"], "", ""),
        ("general", "province", m["province"], "", ""),
        ("general", "operator", m.get("operator"), "", ""),
        ("general", "management_board", m.get("management_board"), "", ""),
        ("general", "established", m.get("established"), "", ""),
        ("general", "eip_path", m.get("eip_path"), "", ""),
        ("general", "firms", tenants.height, "", ""),
        ("general", "employees", _sum(tenants, "employees"), "", ""),
    ]
    total = m.get("total_area")
    rows.append(("land", "total_area", total, "ha", ""))
    for key in (
        "industrial_land_area",
        "green_area",
        "road_area",
        "technical_infrastructure_area",
        "social_infrastructure_area",
    ):
        pct = _pct(m.get(key), total)
        rows.append(("land", key, m.get(key), "ha", pct))
    occ = _pct(m.get("leased_industrial_area"), m.get("industrial_land_area"))
    rows.append(("land", "leased_industrial_area", m.get("leased_industrial_area"), "ha", occ))
    social = park.infrastructure.filter(
        pl.col("kind").is_in(["worker_housing", "canteen", "clinic", "training_centre"])
    )
    for r in social.iter_rows(named=True):
        rows.append(("social", r["name"], r["capacity"], r["capacity_unit"] or "", f"{r['kind']}, {r['status']}"))
    bad = tenants.filter(pl.col("violations_3y").fill_null(0) > 0)
    ops = park.firms.filter(pl.col("role") == "operator")
    rows += [
        ("compliance", "tenant_violations", bad.height, "", ids_text(bad.get_column("id").to_list())),
        ("compliance", "operator_violations", int(_sum(ops, "violations_3y")), "", ""),
    ]
    done = park.measures.filter(pl.col("status").is_in(DONE))
    this_year = done.filter(pl.col("year") == year) if year is not None else done.clear()
    planned = tenants.filter(pl.col("recp_status") == "planned").get_column("id").to_list()
    ahead = park.measures.filter(pl.col("status").is_in(["proposed", "planned"]))
    planned = sorted(set(planned) | set(ahead.get_column("firm").to_list()) - set(done.get_column("firm").to_list()))
    rows += [
        ("recp", "recp_firms", int(tenants.get_column("recp_applying").sum()), "", ""),
        ("recp", "recp_solutions", done.height, "", ""),
        (
            "recp",
            "recp_firms_year",
            this_year.get_column("firm").n_unique() if this_year.height else 0,
            "",
            str(year or ""),
        ),
        ("recp", "recp_solutions_year", this_year.height, "", str(year or "")),
        ("recp", "recp_planned", len(planned), "", ids_text(planned)),
        (
            "recp",
            "ems",
            int(tenants.get_column("iso_50001").sum()),
            "",
            ids_text(tenants.filter(pl.col("iso_50001")).get_column("id").to_list()),
        ),
    ]
    rows += _savings(ctx, done)
    rows += _symbiosis(ctx)
    return rows


def _savings(ctx: Context, done: pl.DataFrame) -> list[Row]:
    def theme(name: str, kind: str) -> pl.DataFrame:
        return done.filter((pl.col("theme") == name) & (pl.col("amount_kind") == kind))

    energy = _sum(theme("energy", "energy_flow"), "amount")
    inputs = ctx.park_firm_streams.filter((pl.col("direction") == "in") & (pl.col("category") == "energy"))
    use = float(inputs.select(_energy_mwh(inputs).sum()).item() or 0.0)
    water = theme("water", "volume_flow")
    s = ctx.park_firm_streams.filter((pl.col("direction") == "out") & pl.col("category").is_in(["waste", "by_product"]))
    linked = ctx.operating_links.get_column("supply_stream").drop_nulls().to_list()
    mass = s.filter(pl.col("amount_kind") == "mass_flow")
    reused = mass.filter((pl.col("destination") == "onsite_reuse") | pl.col("id").is_in(linked))
    recycled = mass.filter(pl.col("destination").is_in(["recycler", "sold"]) & ~pl.col("id").is_in(linked))
    return [
        ("savings", "energy_saved", energy * 1000.0, "kWh/a", ""),
        ("savings", "energy_saved_pct", _pct(energy, use + energy), "%", ""),
        ("savings", "co2_avoided", _sum(done, "co2_saving"), "t/a", ""),
        ("savings", "water_saved", _sum(water, "amount"), "m3/a", ""),
        ("savings", "water_saved_cost", _sum(done.filter(pl.col("theme") == "water"), "annual_saving"), "VND/a", ""),
        ("savings", "waste_saved", _sum(theme("waste", "mass_flow"), "amount"), "t/a", ""),
        ("savings", "waste_reused", _sum(reused, "amount"), "t/a", ids_text(reused.get_column("id").to_list())),
        ("savings", "waste_recycled", _sum(recycled, "amount"), "t/a", ids_text(recycled.get_column("id").to_list())),
        ("savings", "waste_value", _sum(pl.concat([reused, recycled]), "annual_cost"), "VND/a", ""),
        ("savings", "materials_saved", _sum(theme("materials", "mass_flow"), "amount"), "t/a", ""),
        ("savings", "chemicals_saved", _sum(theme("chemicals", "mass_flow"), "amount"), "t/a", ""),
        ("savings", "total_savings", _sum(done, "annual_saving"), "VND/a", ""),
    ]


def _symbiosis(ctx: Context) -> list[Row]:
    links = ctx.operating_links
    planned = ctx.stack.exchanges.filter(pl.col("status").is_in(["idea", "feasibility", "agreed"]))
    rows: list[Row] = [
        ("symbiosis", "links_operating", links.height, "", ""),
        ("symbiosis", "links_planned", planned.height, "", ""),
    ]
    for kind in _TYPES:
        rows.append(
            (
                "symbiosis",
                f"type_{kind}",
                links.filter(pl.col("type") == kind).height,
                "",
                f"+{planned.filter(pl.col('type') == kind).height}",
            )
        )
    firms = ctx.stack.firms
    parties = ctx.link_parties.join(
        firms.select("park", pl.col("id").alias("firm"), "role", "location_park"), on=["park", "firm"], how="left"
    )
    ext = parties.filter(pl.col("role") == "external")
    groups = {
        "partners_same": parties.filter(pl.col("role") != "external"),
        "partners_other_park": ext.filter(pl.col("location_park").is_not_null()),
        "partners_outside": ext.filter(pl.col("location_park").is_null()),
    }
    for key, frame in groups.items():
        ids = sorted(set(frame.get_column("firm").to_list()))
        rows.append(("symbiosis", key, len(ids), "", ids_text(ids)))
    mass = links.filter(pl.col("type").is_in(_MATERIAL_TYPES) & (pl.col("amount_kind") == "mass_flow"))
    shared = links.filter(pl.col("type").is_in(["shared_service", "shared_infrastructure"]))
    rows += [
        ("symbiosis", "secondary_mass", _sum(mass, "amount"), "t/a", ids_text(mass.get_column("id").to_list())),
        ("symbiosis", "secondary_value", _sum(links, "annual_benefit"), "VND/a", ""),
        ("symbiosis", "shared_services", shared.height, "", ids_text(shared.get_column("id").to_list())),
    ]
    for r in links.iter_rows(named=True):
        unit = CANONICAL_UNITS.get(r["amount_kind"] or "", "")
        rows.append(
            (
                "links",
                r["id"],
                r["amount"],
                unit,
                " | ".join(
                    str(r[k] or "–")
                    for k in ("type", "supplier", "receiver", "resource_class", "agreement", "start_date")
                ),
            )
        )
    return rows


def form_a5(result: AssessmentResult, park: str | None = None, lang: str = "vi") -> list[dict[str, Any]]:
    """Rows of form A.5: the 18 park indicators of Circular 05/2025 with their results and evidence."""
    rows = {r["criterion"]: r for r in result.scorecard(park, "VN35", lang)}
    out = []
    for code, crit in A5_CODES.items():
        r = rows[crit]
        out.append(
            {
                "code": code,
                "indicator": r["title"],
                "result": r["status_text"],
                "value": r["value_text"],
                "note": "; ".join(filter(None, (r["evidence_text"], r["gap_text"]))),
            }
        )
    return out


def form_b4(park: Park) -> pl.DataFrame:
    """Form B.4: one row per operating tenant (output, workforce, RECP results, symbiosis, energy per output)."""
    ctx = Context(stack_parks(park), dt.date.today())
    t = ctx.tenants
    done = park.measures.filter(pl.col("status").is_in(DONE))
    saved = done.group_by("firm").agg(
        pl.len().alias("measures"),
        pl.col("annual_saving").sum().alias("savings"),
        pl.col("amount")
        .filter((pl.col("theme") == "energy") & (pl.col("amount_kind") == "energy_flow"))
        .sum()
        .alias("energy_saved"),
        pl.col("amount")
        .filter((pl.col("theme") == "water") & (pl.col("amount_kind") == "volume_flow"))
        .sum()
        .alias("water_saved"),
        pl.col("co2_saving").sum().alias("co2_avoided"),
    )
    s = park.streams.filter((pl.col("direction") == "in") & (pl.col("category") == "energy"))
    energy = s.with_columns(_energy_mwh(s).alias("_e")).group_by("firm").agg(pl.col("_e").sum().alias("energy_use"))
    mass = ctx.operating_links.filter(pl.col("type").is_in(_MATERIAL_TYPES) & (pl.col("amount_kind") == "mass_flow"))
    supplied = mass.group_by("supplier").agg(pl.col("amount").sum().alias("supplied")).rename({"supplier": "firm"})
    received = mass.group_by("receiver").agg(pl.col("amount").sum().alias("received")).rename({"receiver": "firm"})
    links = ctx.link_parties.group_by("firm").agg(pl.col("exchange").sort().str.join(", ").alias("links"))
    iso = pl.concat_str(
        [pl.when(pl.col(c)).then(pl.lit(c.replace("iso_", "ISO "))) for c in ("iso_14001", "iso_50001", "iso_45001")],
        separator=", ",
        ignore_nulls=True,
    )
    out = t.select(
        pl.col("id").alias("firm"),
        "name",
        "sector",
        "product",
        pl.col("output_amount").alias("output"),
        pl.col("output_kind").replace_strict(CANONICAL_UNITS, default=None).alias("output_unit"),
        "employees",
        "employees_female",
        "employees_local",
        iso.alias("iso"),
        "recp_status",
    )
    for extra in (saved, energy, supplied, received, links):
        out = out.join(extra, on="firm", how="left")
    return out.with_columns(
        (pl.col("energy_use") / pl.col("output")).alias("energy_per_output"),
        pl.col("measures").fill_null(0),
    )


def form_b5(park: Park) -> pl.DataFrame:
    """Form B.5: one row per operating tenant with ENV.2, SOC.1, SOC.2, SOC.4, SOC.6 (true/false, null unknown).

    SOC.1 and SOC.4 concern firms with more than 100 workers; for smaller firms ``*_applies`` is false.
    """
    ctx = Context(stack_parks(park), dt.date.today())
    out = ctx.tenants.select(pl.col("id").alias("firm"), "name", "employees", pl.col("recp_applying").alias("ENV.2"))
    for code, fact in (
        ("SOC.1", "grievance_rules"),
        ("SOC.2", "information_disclosure"),
        ("SOC.4", "gender_training"),
        ("SOC.6", "anti_harassment"),
    ):
        f = ctx.firm_fact(fact).select(
            pl.col("id").alias("firm"),
            pl.col("fact_value").alias(code),
            pl.col("fact_document").alias(f"{code} document"),
        )
        out = out.join(f, on="firm", how="left")
    large = pl.col("employees") > 100
    return out.with_columns(large.alias("SOC.1_applies"), large.alias("SOC.4_applies"))


def write_forms(
    park: Park,
    folder: Path,
    lang: str = "vi",
    result: AssessmentResult | None = None,
    as_of: dt.date | None = None,
) -> dict[str, str]:
    """Write the Circular 05/2025 forms of ``park`` as Excel workbooks into ``folder``.

    Parameters
    ----------
    park : Park
    folder : pathlib.Path
        Output folder (created).
    lang : str
        Language of the labels (``vi`` or ``en``).
    result : AssessmentResult, optional
        A VN35 assessment of the park (run here if not given).
    as_of : datetime.date, optional
        Assessment date; default today.

    Returns
    -------
    dict
        ``{"forms_park": path of A.4/A.5, "forms_enterprise": path of B.4/B.5}``.
    """
    from eipkit.assessment._excel import write_firm_forms, write_park_forms

    if result is None or "VN35" not in result.frameworks:
        result = assess(park, "VN35", as_of)
    folder.mkdir(parents=True, exist_ok=True)
    a_path = folder / f"circular05_A4_A5_{park.id}_{lang}.xlsx"
    b_path = folder / f"circular05_B4_B5_{park.id}_{lang}.xlsx"
    write_park_forms(a_path, park, form_a4(park, result.as_of), form_a5(result, park.id, lang), lang, result.as_of)
    write_firm_forms(b_path, park, form_b4(park), form_b5(park), lang, result.as_of)
    return {"forms_park": str(a_path), "forms_enterprise": str(b_path)}

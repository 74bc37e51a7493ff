"""Park profile: facts, land use, firms by sector, resource totals, infrastructure, firm directory."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import polars as pl

from eipkit.i18n import t
from eipkit.park import Park
from eipkit.park.schema import schema
from eipkit.park.summary import firms_by_sector, park_totals
from eipkit.report._text import col, fmt, schema_col, short_name, tr
from eipkit.report.figures.charts import land_use_png
from eipkit.report.model import Block, Figure, Paragraph, Section, Table
from eipkit.report.sections._spec import SectionSpec
from eipkit.vocab import label

__all__ = ["LAND_USE", "SPEC", "TOTAL_UNITS", "build", "land_use", "profile_facts"]

#: Land-use columns of the park record, in report order.
LAND_USE = (
    "industrial_land_area",
    "green_area",
    "road_area",
    "technical_infrastructure_area",
    "social_infrastructure_area",
)
#: Units of the park totals (:func:`eipkit.park.summary.park_totals`).
TOTAL_UNITS = {
    "electricity_use": "MWh/a",
    "fuel_use": "MWh/a",
    "water_use": "m³/a",
    "wastewater": "m³/a",
    "solid_waste": "t/a",
    "hazardous_waste": "t/a",
    "co2_emissions": "t/a",
    "energy_cost": "10⁹ VND/a",
    "disposal_cost": "10⁹ VND/a",
}


def land_use(park: Park, lang: str) -> pl.DataFrame:
    """Return land use by category: ``key``, ``label``, ``area`` [ha] and ``share`` [% of total area].

    An ``unallocated`` row holds the total area not assigned to a category (when positive).
    Empty when the park has no total area.
    """
    meta = park.meta
    total = meta.get("total_area")
    keys, labels, areas = [], [], []
    for key in LAND_USE:
        if meta.get(key) is not None:
            keys.append(key)
            labels.append(schema()["park"].column(key).label.get(lang))
            areas.append(float(meta[key]))
    if total:
        rest = float(total) - sum(areas)
        if rest > 1e-9:
            keys.append("unallocated")
            labels.append(tr("profile.unallocated", lang))
            areas.append(rest)
    frame = pl.DataFrame(
        {"key": keys, "label": labels, "area": areas}, schema={"key": pl.String, "label": pl.String, "area": pl.Float64}
    )
    if not total:
        return frame.with_columns(pl.lit(None, pl.Float64).alias("share"))
    return frame.with_columns((100.0 * pl.col("area") / float(total)).alias("share"))


def _workers(park: Park) -> float:
    """Return the workers of the park record, else the tenants' employees."""
    workers = park.meta.get("workers")
    if workers is not None:
        return float(workers)
    tenants = park.firms.filter(pl.col("role") == "tenant")
    return float(tenants.get_column("employees").fill_null(0).sum())


def profile_facts(park: Park, lang: str) -> pl.DataFrame:
    """Return the park's key facts as text rows (``item``, ``value``)."""
    meta = park.meta
    firms = park.firms
    tenants = firms.filter(pl.col("role") == "tenant")
    occupancy = None
    if meta.get("leased_industrial_area") is not None and meta.get("industrial_land_area"):
        occupancy = 100.0 * meta["leased_industrial_area"] / meta["industrial_land_area"]
    name = meta["name"] + (f" ({meta['name_en']})" if meta.get("name_en") else "")
    rows = [
        (tr("profile.name", lang), name),
        (tr("profile.province", lang), str(meta.get("province") or "–")),
        (tr("profile.established", lang), str(meta.get("established") or "–")),
        (tr("profile.eip_path", lang), tr(f"profile.eip_path.{meta.get('eip_path') or 'existing'}", lang)),
        (tr("profile.operator", lang), str(meta.get("operator") or "–")),
        (tr("profile.management_board", lang), str(meta.get("management_board") or "–")),
        (tr("profile.total_area", lang), f"{fmt(meta.get('total_area'), lang, 1)} ha"),
        (tr("profile.leased", lang), f"{fmt(meta.get('leased_industrial_area'), lang, 1)} ha"),
        (tr("profile.occupancy", lang), f"{fmt(occupancy, lang, 1)} %"),
        (tr("profile.tenants", lang), str(tenants.height)),
        (tr("profile.sectors", lang), str(tenants.get_column("sector").n_unique())),
        (tr("profile.externals", lang), str(firms.filter(pl.col("role") == "external").height)),
        (tr("profile.workers", lang), fmt(_workers(park), lang)),
        (tr("profile.data_year", lang), str(meta.get("data_year") or "–")),
    ]
    return pl.DataFrame(rows, schema={"item": pl.String, "value": pl.String}, orient="row")


def _totals(park: Park, lang: str) -> pl.DataFrame:
    totals = park_totals(park)
    rows = []
    for key, value in totals.items():
        scaled = value / 1e9 if TOTAL_UNITS[key].startswith("10⁹") else value
        rows.append((key, t(f"total.{key}", lang), scaled, TOTAL_UNITS[key]))
    return pl.DataFrame(
        rows, schema={"key": pl.String, "label": pl.String, "value": pl.Float64, "unit": pl.String}, orient="row"
    )


def _sectors(park: Park, lang: str) -> pl.DataFrame:
    by_sector = firms_by_sector(park, lang)
    land = (
        park.firms.filter(pl.col("role") == "tenant")
        .group_by("sector")
        .agg((pl.col("land_area").sum() / 10_000).alias("land_ha"))
    )
    return by_sector.join(land, on="sector", how="left")


def build(park: Park, results: Mapping[str, Any], lang: str) -> Section:
    """Build the park profile section."""
    facts = profile_facts(park, lang)
    blocks: list[Block] = [
        Table(
            "profile.facts",
            tr("profile.facts", lang),
            facts,
            (col("item", "col.item"), col("value", "col.value")),
        )
    ]
    land = land_use(park, lang)
    if land.height:
        blocks.append(
            Table(
                "profile.land_use",
                tr("profile.land_use", lang),
                land,
                (col("label", "col.category"), col("area", "col.area", "ha", 1), col("share", "col.share", "%", 1)),
            )
        )
        blocks.append(Figure("profile_land_use", tr("profile.land_use", lang), land_use_png(land, lang)))
    sectors = _sectors(park, lang)
    blocks.append(
        Table(
            "profile.sectors",
            tr("profile.by_sector", lang),
            sectors,
            (
                col("sector_name", "col.sector"),
                col("firms", "col.firms"),
                col("employees", "col.employees"),
                col("land_ha", "col.land_area", "ha", 1),
            ),
        )
    )
    totals = _totals(park, lang)
    blocks.append(Paragraph(tr("profile.totals_intro", lang)))
    blocks.append(
        Table(
            "profile.totals",
            tr("profile.totals", lang),
            totals,
            (col("label", "col.quantity"), col("value", "col.value", "", -1), col("unit", "col.unit")),
        )
    )
    infra = park.infrastructure
    if infra.height:
        frame = infra.with_columns(
            pl.col("kind").map_elements(lambda k: tr(f"profile.infra.{k}", lang), return_dtype=pl.String),
            pl.col("status").map_elements(lambda k: tr(f"profile.status.{k}", lang), return_dtype=pl.String),
        )
        blocks.append(
            Table(
                "profile.infrastructure",
                tr("profile.infrastructure", lang),
                frame,
                (
                    schema_col("infrastructure", "name"),
                    schema_col("infrastructure", "kind"),
                    schema_col("infrastructure", "capacity", digits=1),
                    schema_col("infrastructure", "capacity_unit"),
                    schema_col("infrastructure", "utilisation", "%", 1),
                    schema_col("infrastructure", "standard"),
                    schema_col("infrastructure", "status"),
                ),
            )
        )
    directory = park.firms.with_columns(
        pl.col("name").map_elements(short_name, return_dtype=pl.String).alias("short"),
        pl.col("sector").map_elements(lambda s: label("sectors", s, lang), return_dtype=pl.String),
        pl.col("role").map_elements(lambda r: tr(f"profile.role.{r}", lang), return_dtype=pl.String),
        (pl.col("land_area") / 10_000).alias("land_ha"),
    )
    blocks.append(
        Table(
            "profile.firms",
            tr("profile.directory", lang),
            directory,
            (
                schema_col("firms", "id"),
                schema_col("firms", "name", alias="short"),
                schema_col("firms", "role"),
                schema_col("firms", "sector"),
                schema_col("firms", "employees"),
                col("land_ha", "col.land_area", "ha", 1),
                schema_col("firms", "recp_status"),
            ),
        )
    )
    meta = park.meta
    tenants = park.firms.filter(pl.col("role") == "tenant")
    highlight = tr(
        "profile.highlight",
        lang,
        name=park.name,
        area=fmt(meta.get("total_area"), lang, 0),
        tenants=tenants.height,
        sectors=tenants.get_column("sector").n_unique(),
        workers=fmt(_workers(park), lang),
    )
    return Section("profile", tr("profile.title", lang), tuple(blocks), (highlight,))


SPEC = SectionSpec("profile", build, order=10, title_key="profile.title")

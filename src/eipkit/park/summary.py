"""A summary of a park: firms by sector, flows by class, and the park's totals.

All amounts are annual and in canonical units (t/a, m³/a, MWh/a); see ``docs/glossary.md``.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from eipkit.park._park import Park
from eipkit.units import CANONICAL_UNITS
from eipkit.vocab import label

__all__ = ["firms_by_sector", "flows_by_class", "park_summary", "park_totals"]


def firms_by_sector(park: Park, lang: str = "en") -> pl.DataFrame:
    """Count tenant firms and their employees per sector.

    Returns
    -------
    polars.DataFrame
        Columns ``sector``, ``sector_name``, ``firms``, ``employees``, sorted by ``firms``.
    """
    tenants = park.firms.filter(pl.col("role") == "tenant")
    out = (
        tenants.group_by("sector")
        .agg(pl.len().alias("firms"), pl.col("employees").sum().alias("employees"))
        .sort(["firms", "sector"], descending=[True, False])
    )
    names = [label("sectors", s, lang) for s in out.get_column("sector").to_list()]
    return out.with_columns(pl.Series("sector_name", names, dtype=pl.String)).select(
        "sector", "sector_name", "firms", "employees"
    )


def flows_by_class(park: Park, lang: str = "en") -> pl.DataFrame:
    """Sum the annual amounts of streams per resource class, direction and amount kind.

    Streams without a class are grouped under ``unclassified``; streams without a quantity are
    counted but add nothing to ``amount``.

    Returns
    -------
    polars.DataFrame
        Columns ``resource_class``, ``class_name``, ``direction``, ``amount_kind``, ``amount``,
        ``unit``, ``streams``, ``firms``.
    """
    s = park.streams.with_columns(pl.col("resource_class").fill_null("unclassified"))
    out = (
        s.group_by("resource_class", "direction", "amount_kind")
        .agg(
            pl.col("amount").sum().alias("amount"), pl.len().alias("streams"), pl.col("firm").n_unique().alias("firms")
        )
        .sort(["resource_class", "direction", "amount_kind"], nulls_last=True)
    )
    units = [CANONICAL_UNITS.get(k or "", "") for k in out.get_column("amount_kind").to_list()]
    names = [label("resource_classes", c, lang) for c in out.get_column("resource_class").to_list()]
    return out.with_columns(
        pl.Series("unit", units, dtype=pl.String), pl.Series("class_name", names, dtype=pl.String)
    ).select("resource_class", "class_name", "direction", "amount_kind", "amount", "unit", "streams", "firms")


def _sum(s: pl.DataFrame, expr: pl.Expr) -> float:
    value = s.filter(expr).get_column("amount").sum()
    return float(value) if value is not None else 0.0


def _own_streams(park: Park) -> pl.DataFrame:
    """Streams that count towards park totals.

    Tenants count fully. The operator counts for its own energy, materials, wastes and emissions
    (e.g. the central wastewater plant's electricity and sludge), not for the water it resells or
    the wastewater it receives: those are counted at the tenants. External partners never count.
    """
    roles = park.firms.select(pl.col("id").alias("firm"), "role")
    s = park.streams.join(roles, on="firm", how="left")
    own = (pl.col("role") == "tenant") | (
        (pl.col("role") == "operator") & ~pl.col("category").is_in(["water", "wastewater", "capacity", "service"])
    )
    return s.filter(own)


def park_totals(park: Park) -> dict[str, float]:
    """Headline annual totals of the park's firms (see :func:`_own_streams` for what counts).

    Returns
    -------
    dict
        ``electricity_use`` [MWh/a], ``fuel_use`` [MWh/a] (fuels given as energy),
        ``water_use`` [m³/a], ``wastewater`` [m³/a], ``solid_waste`` [t/a] (wastes and
        by-products given out), ``hazardous_waste`` [t/a], ``co2_emissions`` [t/a],
        ``energy_cost`` and ``disposal_cost`` [VND/a] (from the streams' unit costs).
    """
    s = _own_streams(park)
    d_in, d_out = pl.col("direction") == "in", pl.col("direction") == "out"
    mass = pl.col("amount_kind") == "mass_flow"
    solid = d_out & mass & pl.col("category").is_in(["waste", "by_product"])
    energy = d_in & (pl.col("category") == "energy")
    fuel = energy & (pl.col("amount_kind") == "energy_flow") & (pl.col("resource_class") != "electricity")
    return {
        "electricity_use": _sum(s, d_in & (pl.col("resource_class") == "electricity")),
        "fuel_use": _sum(s, fuel),
        "water_use": _sum(s, d_in & (pl.col("category") == "water") & (pl.col("amount_kind") == "volume_flow")),
        "wastewater": _sum(s, d_out & (pl.col("category") == "wastewater") & (pl.col("amount_kind") == "volume_flow")),
        "solid_waste": _sum(s, solid),
        "hazardous_waste": _sum(s, solid & pl.col("hazardous")),
        "co2_emissions": _sum(s, d_out & mass & pl.col("resource_class").is_in(["co2", "co2_concentrated"])),
        "energy_cost": float(s.filter(energy).get_column("annual_cost").sum() or 0.0),
        "disposal_cost": float(s.filter(solid & (pl.col("annual_cost") > 0)).get_column("annual_cost").sum() or 0.0),
    }


def park_summary(park: Park, lang: str = "en") -> dict[str, Any]:
    """Everything ``eipkit info`` shows, as plain data.

    Returns
    -------
    dict
        ``park`` (record), ``counts`` (rows per table and firms per role), ``totals``
        (:func:`park_totals`), ``firms_by_sector`` and ``flows_by_class`` (lists of records),
        ``exchanges_by_status``, and ``warnings`` (number of validation warnings).
    """
    firms = park.firms
    roles = dict(firms.group_by("role").len().iter_rows())
    status = dict(park.exchanges.group_by("status").len().iter_rows()) if park.exchanges.height else {}
    meta = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in park.meta.items()}
    return {
        "park": meta,
        "counts": {
            **{name: frame.height for name, frame in park.tables.items() if name != "park"},
            "tenants": int(roles.get("tenant", 0)),
            "operators": int(roles.get("operator", 0)),
            "externals": int(roles.get("external", 0)),
        },
        "totals": park_totals(park),
        "firms_by_sector": firms_by_sector(park, lang).to_dicts(),
        "flows_by_class": flows_by_class(park, lang).to_dicts(),
        "exchanges_by_status": {str(k): int(v) for k, v in status.items()},
        "warnings": len(park.report.warnings),
    }

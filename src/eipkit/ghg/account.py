r"""The park's greenhouse-gas account: scope 1 (fuels) and scope 2 (grid electricity) per firm.

Scope 1 - fuel combustion (IPCC 2006 Vol. 2, tier 1)
    For each fuel a firm takes in (streams ``direction = in``, category ``energy``, resource
    class mapped to a fuel by :func:`eipkit.factors.fuel_of_class`):

    .. math:: E = \begin{cases} \text{amount} & \text{given as energy [MWh/a]} \\
                                 m H / 3.6 & \text{given as mass } m\ \text{[t/a] with the stream's}\ H\ \text{[MJ/kg]}
              \end{cases}, \qquad
              \mathrm{CO_2} = E \cdot 3.6\,f\,(1 - b) / 1000

    with the IPCC default factor :math:`f` [kg CO2/GJ] and biogenic share :math:`b`. Biogenic CO2
    is a memo item, outside the total. A fuel without its ``calorific_value``, given by volume, or
    whose factor is unverified (RDF) is listed with that status and left out (never guessed): fill
    the data and run again. Process emissions (limestone, electrodes) are not computed; firms'
    reported CO2 streams are shown next to the computed value for comparison.

Scope 2 - purchased grid electricity (location-based)
    :math:`\mathrm{CO_2} = E_{el} \cdot EF_{grid}(y)` with the official Vietnamese grid factor of
    the chosen data year (:func:`eipkit.factors.grid_emission_factor`). Electricity delivered by an
    operating exchange from another firm of the park is internal and not counted again.

Park boundary
    Tenants and the operator (role ``tenant``/``operator``) by default; external partners are
    listed but outside the total unless ``include_external``.

References
----------
.. [1] IPCC (2006). 2006 IPCC Guidelines for National Greenhouse Gas Inventories, Vol. 2 Energy,
   ch. 1.4 (biomass), ch. 2 (stationary combustion, eq. 2.1, Table 2.2).
.. [2] WRI/WBCSD (2004). The Greenhouse Gas Protocol: A Corporate Accounting and Reporting
   Standard, revised ed., ch. 4 (scopes 1 and 2); WRI (2015) GHG Protocol Scope 2 Guidance
   (location-based method).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import polars as pl

from eipkit.factors import Factor, fuel_factor, fuel_of_class, grid_emission_factor

__all__ = ["GhgAccount", "GhgInputError", "electricity_emissions", "fuel_emissions", "ghg_account"]

_GJ_PER_MWH = 3.6


class GhgInputError(ValueError):
    """A GHG input is missing or inconsistent (the message says how to fix it)."""


def fuel_emissions(park: Any, fuels: dict[str, str] | None = None) -> pl.DataFrame:
    """CO2 of every fuel stream a firm takes in (see the module docstring).

    Parameters
    ----------
    park : Park
        The park.
    fuels : dict, optional
        Resource class to fuel key overrides (``{"coal": "bituminous_coal"}``), for fuels that
        differ from eipkit's mapping (coal is taken as anthracite).

    Returns
    -------
    polars.DataFrame
        ``stream, firm, resource_class, fuel, energy [MWh/a], co2_factor [kg/GJ], fossil_co2,
        biogenic_co2 [t/a], status, confidence``.
    """
    overrides = fuels or {}
    streams = park.streams.filter(
        (pl.col("direction") == "in") & (pl.col("category") == "energy") & (pl.col("resource_class") != "electricity")
    )
    rows = []
    for s in streams.iter_rows(named=True):
        rc = s["resource_class"]
        fuel = overrides.get(rc) if rc in overrides else fuel_of_class(rc)
        row: dict[str, Any] = {
            "stream": s["id"],
            "firm": s["firm"],
            "resource_class": rc,
            "fuel": fuel,
            "energy": None,
            "co2_factor": None,
            "fossil_co2": None,
            "biogenic_co2": None,
            "confidence": None,
        }
        if fuel is None:
            rows.append({**row, "status": "unknown_fuel"})
            continue
        factor = fuel_factor(fuel)
        if s["amount_kind"] == "energy_flow":
            energy = float(s["amount"])
        elif s["amount_kind"] == "mass_flow":
            if s["calorific_value"] is None:
                rows.append({**row, "status": "no_calorific_value"})
                continue
            energy = float(s["amount"]) * float(s["calorific_value"]) / _GJ_PER_MWH
        else:
            rows.append({**row, "status": "not_mass_or_energy"})
            continue
        row.update({"energy": energy, "confidence": factor.co2.confidence})
        if not factor.co2.verified or factor.biogenic_share is None:
            rows.append({**row, "status": "unverified_factor"})
            continue
        total = energy * _GJ_PER_MWH * float(factor.co2.value or 0.0) / 1000.0
        share = factor.biogenic_share
        rows.append(
            {
                **row,
                "co2_factor": factor.co2.value,
                "fossil_co2": total * (1.0 - share),
                "biogenic_co2": total * share,
                "status": "ok",
            }
        )
    schema = {
        "stream": pl.String,
        "firm": pl.String,
        "resource_class": pl.String,
        "fuel": pl.String,
        "energy": pl.Float64,
        "co2_factor": pl.Float64,
        "fossil_co2": pl.Float64,
        "biogenic_co2": pl.Float64,
        "confidence": pl.String,
        "status": pl.String,
    }
    return pl.DataFrame([{k: r.get(k) for k in schema} for r in rows], schema=schema)


def electricity_emissions(park: Any, year: int | None = None, factor: Factor | None = None) -> pl.DataFrame:
    """Scope-2 CO2 of the electricity each stream takes in from the grid.

    Parameters
    ----------
    park : Park
        The park.
    year : int, optional
        Data year of the grid factor (default the latest official year).
    factor : Factor, optional
        A grid factor to use instead (e.g. ``Factor.user(...)``).

    Returns
    -------
    polars.DataFrame
        ``stream, firm, electricity_use [MWh/a], grid_factor [t/MWh], scope2_co2 [t/a], status``
        (``internal`` for electricity delivered by an operating exchange inside the park).
    """
    grid = factor or grid_emission_factor(year)
    value = grid.require()
    internal = set(
        park.exchanges.filter((pl.col("status") == "operating") & (pl.col("resource_class") == "electricity"))[
            "demand_stream"
        ]
        .drop_nulls()
        .to_list()
    )
    streams = park.streams.filter(
        (pl.col("direction") == "in")
        & (pl.col("resource_class") == "electricity")
        & (pl.col("amount_kind") == "energy_flow")
    )
    table: pl.DataFrame = streams.select(
        pl.col("id").alias("stream"),
        "firm",
        pl.col("amount").alias("electricity_use"),
        pl.lit(value).alias("grid_factor"),
        pl.when(pl.col("id").is_in(list(internal))).then(0.0).otherwise(pl.col("amount") * value).alias("scope2_co2"),
        pl.when(pl.col("id").is_in(list(internal))).then(pl.lit("internal")).otherwise(pl.lit("ok")).alias("status"),
    )
    return table


@dataclass
class GhgAccount:
    """Result of :func:`ghg_account`.

    Attributes
    ----------
    firms : polars.DataFrame
        Per firm: scope1, scope2, total, biogenic [t CO2/a], reported_co2 (the firm's own CO2
        streams), value_added [VND/a], intensity [t CO2 per billion VND], in_boundary.
    fuels, electricity : polars.DataFrame
        Stream-level detail (:func:`fuel_emissions`, :func:`electricity_emissions`).
    totals : dict
        Park totals inside the boundary [t CO2/a]; ``intensity`` [t CO2 per billion VND of value
        added] over the firms that report value added.
    factors : list of Factor
        Factors used, with source and confidence.
    notes : list of str
        Data gaps (fuels left out and why) and caveats.
    """

    firms: pl.DataFrame
    fuels: pl.DataFrame
    electricity: pl.DataFrame
    totals: dict[str, float]
    factors: list[Factor] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def ghg_account(
    park: Any, year: int | None = None, include_external: bool = False, fuels: dict[str, str] | None = None
) -> GhgAccount:
    """Scope 1 and 2 CO2 of every firm and of the park (see the module docstring).

    Parameters
    ----------
    park : Park
        The park.
    year : int, optional
        Data year of the grid emission factor (default 2023, the latest official value).
    include_external : bool
        Count external partners inside the park total.
    fuels : dict, optional
        Resource class to fuel overrides (see :func:`fuel_emissions`).

    Examples
    --------
    >>> from eipkit.park import Park
    >>> p = Park.from_records({"id": "P", "name": "P", "province": "Bắc Ninh"},
    ...     firms=[{"id": "F", "name": "F", "sector": "food"}],
    ...     streams=[{"id": "F.el", "firm": "F", "direction": "in", "category": "energy",
    ...               "resource_class": "electricity", "quantity": 1000, "unit": "MWh/a"}])
    >>> ghg_account(p).totals["scope2"]
    659.2
    """
    grid = grid_emission_factor(year)
    fuel_rows = fuel_emissions(park, fuels)
    elec_rows = electricity_emissions(park, factor=grid)
    notes: list[str] = []
    gaps = fuel_rows.filter(pl.col("status") != "ok")
    for status, group in gaps.group_by("status", maintain_order=True):
        notes.append(
            f"{group.height} fuel streams left out ({status[0]}): "
            + ", ".join(group["stream"].head(8).to_list())
            + (" ..." if group.height > 8 else "")
        )
    biomass = fuel_rows.filter((pl.col("status") == "ok") & (pl.col("co2_factor") == 0.0))
    if biomass.height:
        notes.append(
            f"{biomass.height} biomass fuel streams counted CO2-neutral; their biogenic CO2 is not estimated "
            "(no biomass factor in the compiled sources)"
        )
    if fuel_rows.filter(pl.col("status") == "ok").select((pl.col("confidence") == "L").any()).item():
        notes.append("some fuel factors are indicative (confidence L): see the fuels table")
    scope1 = fuel_rows.group_by("firm").agg(
        pl.col("fossil_co2").sum().alias("scope1"), pl.col("biogenic_co2").sum().alias("biogenic")
    )
    scope2 = elec_rows.group_by("firm").agg(pl.col("scope2_co2").sum().alias("scope2"))
    reported = (
        park.streams.filter(
            (pl.col("direction") == "out")
            & (pl.col("resource_class") == "co2")
            & (pl.col("amount_kind") == "mass_flow")
        )
        .group_by("firm")
        .agg(pl.col("amount").sum().alias("reported_co2"))
    )
    firms = (
        park.firms.select(pl.col("id").alias("firm"), "name", "sector", "role", "value_added")
        .join(scope1, on="firm", how="left")
        .join(scope2, on="firm", how="left")
        .join(reported, on="firm", how="left")
        .with_columns(
            pl.col("scope1").fill_null(0.0), pl.col("scope2").fill_null(0.0), pl.col("biogenic").fill_null(0.0)
        )
        .with_columns((pl.col("scope1") + pl.col("scope2")).alias("total"))
        .with_columns(
            (pl.col("total") / (pl.col("value_added") / 1e9)).alias("intensity"),
            (pl.col("role") != "external").or_(pl.lit(include_external)).alias("in_boundary"),
        )
    )
    inside = firms.filter(pl.col("in_boundary"))
    with_va = inside.filter(pl.col("value_added").is_not_null() & (pl.col("value_added") > 0))
    value_added = float(with_va["value_added"].sum())
    totals = {
        "scope1": float(inside["scope1"].sum()),
        "scope2": float(inside["scope2"].sum()),
        "total": float(inside["total"].sum()),
        "biogenic": float(inside["biogenic"].sum()),
        "reported_co2": float(inside["reported_co2"].drop_nulls().sum()),
        "value_added": float(value_added),
        "intensity": float(with_va["total"].sum()) / (value_added / 1e9) if value_added else float("nan"),
        "grid_factor": float(grid.require()),
    }
    missing_va = inside.height - with_va.height
    if missing_va:
        notes.append(f"{missing_va} firms have no value_added: the park intensity covers the other {with_va.height}")
    used = [grid] + [fuel_factor(f).co2 for f in fuel_rows.filter(pl.col("status") == "ok")["fuel"].unique().sort()]
    return GhgAccount(firms, fuel_rows, elec_rows, totals, used, notes)

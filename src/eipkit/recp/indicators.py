r"""Company-level RECP indicators: resource productivity and pollution intensity.

Following the UNIDO/UNEP enterprise-level indicator set (resource productivity: energy, water,
materials per unit of output; pollution intensity: waste, wastewater, air emissions incl. CO2
per unit of output, with output physical or economic), for each firm :math:`f` and quantity
:math:`Q_f` (summed from its streams, canonical units):

.. math:: \text{intensity}_{out} = \frac{Q_f}{Y_f}, \qquad
          \text{intensity}_{VA} = \frac{Q_f}{VA_f / 10^9}, \qquad
          \text{productivity} = \frac{VA_f}{Q_f}

with physical output :math:`Y_f` (``output_amount``, canonical unit of ``output_kind``) and value
added :math:`VA_f` [VND/a]. Quantities:

============== ============================================================== =========
quantity       streams                                                        unit
============== ============================================================== =========
electricity_use in, resource class electricity (energy)                        MWh/a
fuel_use       in, category energy, other classes: energy, or mass x calorific MWh/a
               value / 3.6 (fuels without calorific value are counted in
               ``fuel_streams_unknown`` and make energy_use incomplete)
energy_use     electricity_use + fuel_use                                      MWh/a
water_use      in, category water (volume)                                    m³/a
material_use   in, category material (mass)                                   t/a
solid_waste    out, category waste or by_product (mass)                        t/a
wastewater     out, category wastewater (volume)                               m³/a
co2_emissions  out, resource class co2 (mass), or the values given (e.g. the   t/a
               scope 1 + 2 of :mod:`eipkit.ghg`, passed by the caller)
============== ============================================================== =========

References
----------
.. [1] UNIDO and UNEP (2010). Enterprise-Level Indicators for Resource Productivity and Pollution
   Intensity: A Primer for Small and Medium-Sized Enterprises. Vienna/Paris.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import polars as pl

from eipkit.units import CANONICAL_UNITS

__all__ = ["POLLUTION", "RESOURCES", "firm_indicators", "firm_resources"]

#: Resource quantities (productivity indicators) and their canonical units.
RESOURCES: dict[str, str] = {
    "electricity_use": "MWh",
    "fuel_use": "MWh",
    "energy_use": "MWh",
    "water_use": "m3",
    "material_use": "t",
}
#: Pollution quantities (intensity indicators) and their canonical units.
POLLUTION: dict[str, str] = {"solid_waste": "t", "wastewater": "m3", "co2_emissions": "t"}


def _sum(frame: pl.DataFrame, condition: pl.Expr, value: pl.Expr, name: str) -> pl.DataFrame:
    return frame.filter(condition).group_by("firm").agg(value.sum().alias(name))


def firm_resources(park: Any, co2_emissions: Mapping[str, float] | None = None) -> pl.DataFrame:
    """Annual resource use and pollution of each firm (tenants and operator), canonical units.

    Parameters
    ----------
    park : Park
        The park.
    co2_emissions : mapping, optional
        CO2 [t/a] by firm id to use instead of the firms' reported CO2 streams.

    Returns
    -------
    polars.DataFrame
        ``firm, sector, output_amount, output_kind, value_added`` and one column per quantity of
        the module table, plus ``fuel_streams_unknown`` and ``energy_complete``.
    """
    s = park.streams
    d_in, d_out = pl.col("direction") == "in", pl.col("direction") == "out"
    fuel = d_in & (pl.col("category") == "energy") & (pl.col("resource_class") != "electricity")
    fuel_energy = (
        pl.when(pl.col("amount_kind") == "energy_flow")
        .then(pl.col("amount"))
        .when((pl.col("amount_kind") == "mass_flow") & pl.col("calorific_value").is_not_null())
        .then(pl.col("amount") * pl.col("calorific_value") / 3.6)
        .otherwise(None)
    )
    parts = [
        _sum(
            s,
            d_in & (pl.col("resource_class") == "electricity") & (pl.col("amount_kind") == "energy_flow"),
            pl.col("amount"),
            "electricity_use",
        ),
        _sum(s, fuel, fuel_energy, "fuel_use"),
        _sum(s, fuel, fuel_energy.is_null().cast(pl.Int64), "fuel_streams_unknown"),
        _sum(
            s,
            d_in & (pl.col("category") == "water") & (pl.col("amount_kind") == "volume_flow"),
            pl.col("amount"),
            "water_use",
        ),
        _sum(
            s,
            d_in & (pl.col("category") == "material") & (pl.col("amount_kind") == "mass_flow"),
            pl.col("amount"),
            "material_use",
        ),
        _sum(
            s,
            d_out & pl.col("category").is_in(["waste", "by_product"]) & (pl.col("amount_kind") == "mass_flow"),
            pl.col("amount"),
            "solid_waste",
        ),
        _sum(
            s,
            d_out & (pl.col("category") == "wastewater") & (pl.col("amount_kind") == "volume_flow"),
            pl.col("amount"),
            "wastewater",
        ),
        _sum(
            s,
            d_out & (pl.col("resource_class") == "co2") & (pl.col("amount_kind") == "mass_flow"),
            pl.col("amount"),
            "co2_emissions",
        ),
    ]
    table = park.firms.filter(pl.col("role") != "external").select(
        pl.col("id").alias("firm"), "name", "sector", "output_amount", "output_kind", "value_added"
    )
    for part in parts:
        table = table.join(part, on="firm", how="left")
    if co2_emissions is not None:
        given = pl.DataFrame(
            {"firm": list(co2_emissions), "co2_given": [float(v) for v in co2_emissions.values()]},
            schema={"firm": pl.String, "co2_given": pl.Float64},
        )
        table = (
            table.join(given, on="firm", how="left")
            .with_columns(pl.col("co2_given").alias("co2_emissions"))
            .drop("co2_given")
        )
    result: pl.DataFrame = table.with_columns(
        pl.col("fuel_streams_unknown").fill_null(0),
        (pl.col("electricity_use").fill_null(0.0) + pl.col("fuel_use").fill_null(0.0)).alias("energy_use"),
    ).with_columns(
        pl.when(pl.col("electricity_use").is_null() & pl.col("fuel_use").is_null())
        .then(None)
        .otherwise(pl.col("energy_use"))
        .alias("energy_use"),
        (pl.col("fuel_streams_unknown") == 0).alias("energy_complete"),
    )
    return result


def firm_indicators(park: Any, co2_emissions: Mapping[str, float] | None = None) -> pl.DataFrame:
    """RECP indicators of every firm in long form (see the module docstring).

    Returns
    -------
    polars.DataFrame
        ``firm, name, sector, indicator, kind (resource|pollution), amount, unit, per_output,
        output_unit, per_value_added (per billion VND), productivity (VND per unit; resources)``.
        Values are null when a denominator is missing (no output or value added reported).

    Examples
    --------
    >>> from eipkit.park import Park
    >>> p = Park.from_records({"id": "P", "name": "P", "province": "Bắc Ninh"},
    ...     firms=[{"id": "F", "name": "F", "sector": "food", "output_quantity": 100, "output_unit": "t/a",
    ...             "value_added": 2e9}],
    ...     streams=[{"id": "F.w", "firm": "F", "direction": "in", "category": "water",
    ...               "resource_class": "freshwater", "quantity": 500, "unit": "m3/a"}])
    >>> row = firm_indicators(p).filter(indicator="water_use").row(0, named=True)
    >>> row["per_output"], row["output_unit"], row["per_value_added"], row["productivity"]
    (5.0, 't', 250.0, 4000000.0)
    """
    base = firm_resources(park, co2_emissions)
    frames = []
    for kind, quantities in (("resource", RESOURCES), ("pollution", POLLUTION)):
        for name, unit in quantities.items():
            frames.append(
                base.select(
                    "firm",
                    "name",
                    "sector",
                    pl.lit(name).alias("indicator"),
                    pl.lit(kind).alias("kind"),
                    pl.col(name).cast(pl.Float64).alias("amount"),
                    pl.lit(unit).alias("unit"),
                    (pl.col(name) / pl.col("output_amount")).alias("per_output"),
                    pl.col("output_kind")
                    .replace_strict({k: v.removesuffix("/a") for k, v in CANONICAL_UNITS.items()}, default=None)
                    .alias("output_unit"),
                    (pl.col(name) / (pl.col("value_added") / 1e9)).alias("per_value_added"),
                    (pl.col("value_added") / pl.col(name)).alias("productivity")
                    if kind == "resource"
                    else pl.lit(None, dtype=pl.Float64).alias("productivity"),
                )
            )
    long = pl.concat(frames).filter(pl.col("amount").is_not_null())
    return long.with_columns(
        pl.when(pl.col("per_output").is_infinite()).then(None).otherwise(pl.col("per_output")).alias("per_output"),
        pl.when(pl.col("productivity").is_infinite())
        .then(None)
        .otherwise(pl.col("productivity"))
        .alias("productivity"),
    ).sort("firm", "kind", "indicator")

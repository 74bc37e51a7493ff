r"""Heat streams of a park: the rows of ``park.streams`` with category ``heat``.

A park heat stream gives its supply temperature in ``temperature``, the temperature it must be
brought to in ``target_temperature`` [°C] and its annual energy in ``amount`` [MWh/a]. An ``out``
stream is surplus heat to be cooled (a hot stream: temperature > target); an ``in`` stream is a
heat demand (a cold stream: temperature < target).

Rates given in kW were annualised with the operating hours when the park was read, so the duty
*while the stream flows* is

.. math:: Q\,[\mathrm{kW}] = \frac{1000 \cdot \text{amount}\,[\mathrm{MWh/a}]}{H\,[\mathrm{h/a}]}

with :math:`H` the stream's ``operating_hours``, else its firm's (8,760 by default); and
:math:`CP = Q / |T_s - T_t|` [kW/K]. An amount given as a yearly or monthly energy is spread over
the same hours.
"""

from __future__ import annotations

import polars as pl

from eipkit.heat._validate import HeatInputError, heat_stream_table
from eipkit.park import Park

__all__ = ["park_heat_streams"]

_REASONS = {
    "no_amount": "no quantity: give the heat as energy (e.g. kW, GJ/h, MWh/a)",
    "not_energy": "quantity is not an energy (e.g. steam in t/h): give the heat duty in kW or MWh/a",
    "no_temperature": "needs both temperature (supply) and target_temperature (°C)",
    "no_direction": "temperature equals target_temperature: the stream is neither heated nor cooled",
    "out_heated": "'out' (surplus) heat must be cooled (temperature > target_temperature); this one is heated",
    "in_cooled": (
        "'in' (demand) heat must be heated (temperature < target_temperature); this one cools, as a utility "
        "does: record the process stream it heats instead"
    ),
    "no_hours": "operating hours are 0: the duty in kW cannot be found",
}


def park_heat_streams(park: Park, strict: bool = False) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Return the park's heat streams ready for pinch analysis, and those that cannot be used.

    Parameters
    ----------
    park : Park
        The park.
    strict : bool
        Raise instead of leaving unusable heat streams out.

    Returns
    -------
    heat_streams : polars.DataFrame
        Normalised heat-stream table (see :func:`eipkit.heat.heat_stream_table`) with ``id``,
        ``firm``, ``supply_temperature``, ``target_temperature``, ``cp`` [kW/K], ``duty`` [kW], plus
        ``direction``, ``amount`` [MWh/a], ``operating_hours`` [h/a], ``resource_class`` and
        ``annual_cost`` [VND/a].
    excluded : polars.DataFrame
        ``id``, ``firm`` and ``reason`` of every heat stream left out.

    Raises
    ------
    HeatInputError
        With ``strict``, if any heat stream is unusable (the message lists each one and why).
    """
    firms = park.firms.select(pl.col("id").alias("firm"), pl.col("operating_hours").alias("_firm_hours"))
    heat = (
        park.streams.filter(pl.col("category") == "heat")
        .join(firms, on="firm", how="left")
        .with_columns(
            pl.coalesce("operating_hours", "_firm_hours", pl.lit(8760.0)).alias("_hours"),
        )
    )
    temp, target = pl.col("temperature"), pl.col("target_temperature")
    reason = (
        pl.when(pl.col("amount").is_null())
        .then(pl.lit("no_amount"))
        .when(pl.col("amount_kind") != "energy_flow")
        .then(pl.lit("not_energy"))
        .when(temp.is_null() | target.is_null())
        .then(pl.lit("no_temperature"))
        .when(temp == target)
        .then(pl.lit("no_direction"))
        .when((pl.col("direction") == "out") & (temp < target))
        .then(pl.lit("out_heated"))
        .when((pl.col("direction") == "in") & (temp > target))
        .then(pl.lit("in_cooled"))
        .when(pl.col("_hours") <= 0)
        .then(pl.lit("no_hours"))
        .otherwise(pl.lit(None, dtype=pl.String))
    )
    heat = heat.with_columns(reason.alias("_reason"))
    bad = heat.filter(pl.col("_reason").is_not_null())
    excluded = bad.select(
        "id", "firm", pl.col("_reason").replace_strict(_REASONS, return_dtype=pl.String).alias("reason")
    )
    if strict and excluded.height:
        lines = "; ".join(f"{r['id']} ({r['firm']}): {r['reason']}" for r in excluded.iter_rows(named=True))
        raise HeatInputError(f"heat streams that cannot be analysed: {lines}")
    good = heat.filter(pl.col("_reason").is_null())
    columns = {
        "id": pl.col("id"),
        "firm": pl.col("firm"),
        "supply_temperature": temp,
        "target_temperature": target,
        "duty": pl.col("amount") * 1000.0 / pl.col("_hours"),
        "direction": pl.col("direction"),
        "amount": pl.col("amount"),
        "operating_hours": pl.col("_hours"),
        "resource_class": pl.col("resource_class"),
        "annual_cost": pl.col("annual_cost"),
    }
    frame = good.select(**columns)
    if frame.height == 0:
        empty = {
            "id": pl.String,
            "firm": pl.String,
            "supply_temperature": pl.Float64,
            "target_temperature": pl.Float64,
            "cp": pl.Float64,
            "duty": pl.Float64,
            "dtmin_contribution": pl.Float64,
            "direction": pl.String,
            "amount": pl.Float64,
            "operating_hours": pl.Float64,
            "resource_class": pl.String,
            "annual_cost": pl.Float64,
        }
        return pl.DataFrame(schema=empty), excluded
    try:
        return heat_stream_table(frame), excluded
    except HeatInputError as exc:  # pragma: no cover - the filters above leave only valid rows
        raise HeatInputError(f"park '{park.id}': {exc}") from exc

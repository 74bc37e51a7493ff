r"""Inter-firm heat matches of a park, costed, as candidate links for :mod:`eipkit.network`.

For every pair (source firm *f*, sink firm *g*) with pairwise recovery :math:`Q_{fg}` [kW]
(:func:`eipkit.heat.pairwise_recovery`):

Distance and heat loss
    Pipe length :math:`L = k_r\,d_{fg}` with :math:`d_{fg}` the great-circle distance between
    the firms and :math:`k_r` the route factor. A supply and a return pipe with heat loss
    coefficient :math:`U'` [W/(m·K)] each lose (EN 13941 steady state)

    .. math:: Q_{loss} = U' L \left[(T_{sup} - T_g) + (T_{ret} - T_g)\right]

    with the loop at :math:`T_{sup} = \min(T_{src} - \Delta T_{min}/2,\ T_{sink,max} + \Delta T_{min}/2)`,
    :math:`T_{ret} = T_{sink,min} + \Delta T_{min}/2` and ground temperature :math:`T_g`. The
    receiver gets :math:`Q_{del} = Q_{fg} - Q_{loss}` [kW] for :math:`H = \min(H_f, H_g)` hours a
    year, i.e. at most :math:`E = Q_{del} H / 1000` [MWh/a].

Money (VND)
    Investment :math:`I = c_{pipe} L + c_{hx} Q_{del}`; fixed cost per year
    :math:`I\,(\mathrm{CRF}(r, n) + s_{O\&M})`; running cost per MWh delivered: pumping
    electricity :math:`e_p` [kWh/MWh] times its price. The receiver saves its heat price per
    MWh (its reported heat-purchase price, else its fuel price divided by the boiler efficiency
    :math:`\eta`, else a default fuel price / :math:`\eta`); the supplier saves its reported
    cooling or disposal cost of the heat, if any.

CO2
    Avoided per MWh delivered: :math:`EF_{fuel} / \eta - e_p\,EF_{grid} / 1000` [t/MWh], with the
    receiver's main fuel (IPCC 2006 defaults) and the Viet Nam grid factor
    (``heat/_data/heat_factors.yaml``).

The result uses the candidate-link columns of :mod:`eipkit.network` (``id``, ``supplier``,
``receiver``, ``resource_class``, ``amount_kind``, ``max_amount``, ``supply_stream``,
``supply_amount``, ``supply_factor``, ``demand_stream``, ``demand_amount``, ``supplier_saving``,
``receiver_saving``, ``variable_cost``, ``fixed_cost``, ``co2_avoided_per_unit``, ``group``,
``group_fixed_cost``) plus heat details, so it can be concatenated with other candidates.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import polars as pl

from eipkit.candidates import candidate_schema
from eipkit.heat.factors import annuity_factor, emission_factor, fuel_classes, heat_assumptions
from eipkit.heat.park_streams import park_heat_streams
from eipkit.heat.site import firm_targets, pairwise_recovery
from eipkit.park import Park
from eipkit.park.checks import haversine_km

__all__ = ["heat_matches", "receiver_prices"]

_DEFAULT_FUEL = "coal"


def _fuel_energy(streams: pl.DataFrame) -> pl.DataFrame:
    """Fuel streams taken in, with their energy [MWh/a] (mass x calorific value when needed)."""
    energy = (
        pl.when(pl.col("amount_kind") == "energy_flow")
        .then(pl.col("amount"))
        .when((pl.col("amount_kind") == "mass_flow") & pl.col("calorific_value").is_not_null())
        .then(pl.col("amount") * pl.col("calorific_value") / 3.6)
        .otherwise(None)
    )
    fuel = pl.col("resource_class").replace_strict(fuel_classes(), default=None, return_dtype=pl.String)
    return (
        streams.filter((pl.col("direction") == "in") & (pl.col("category") == "energy"))
        .with_columns(energy.alias("_energy"), fuel.alias("_fuel"))
        .filter(pl.col("_fuel").is_not_null() & (pl.col("_fuel") != "electricity") & (pl.col("_energy") > 0))
    )


def receiver_prices(park: Park, assumptions: Mapping[str, float] | None = None) -> pl.DataFrame:
    """Return, per firm, what a MWh of delivered heat saves it and which fuel it displaces.

    Parameters
    ----------
    park : Park
        The park.
    assumptions : mapping, optional
        Overrides of :func:`eipkit.heat.heat_assumptions` (``boiler_efficiency``, ``fuel_price``).

    Returns
    -------
    polars.DataFrame
        ``firm``, ``receiver_saving`` [VND/MWh], ``fuel`` and ``price_source`` (``heat_price``: the
        firm's heat-purchase streams; ``fuel_price``: its fuel streams / boiler efficiency;
        ``default``: the default fuel price, an assumption).
    """
    a = heat_assumptions(assumptions)
    eff = a["boiler_efficiency"]
    s = park.streams
    heat_in = (
        s.filter(
            (pl.col("category") == "heat")
            & (pl.col("direction") == "in")
            & pl.col("annual_cost").is_not_null()
            & (pl.col("amount_kind") == "energy_flow")
            & (pl.col("amount") > 0)
        )
        .group_by("firm")
        .agg((pl.col("annual_cost").sum() / pl.col("amount").sum()).alias("_heat_price"))
    )
    fuels = _fuel_energy(s)
    fuel_price = (
        fuels.filter(pl.col("annual_cost").is_not_null())
        .group_by("firm")
        .agg((pl.col("annual_cost").sum() / pl.col("_energy").sum()).alias("_fuel_price"))
    )
    main_fuel = fuels.sort("_energy", descending=True).group_by("firm", maintain_order=True).first()
    out = (
        park.firms.select(pl.col("id").alias("firm"))
        .join(heat_in, on="firm", how="left")
        .join(fuel_price, on="firm", how="left")
        .join(main_fuel.select("firm", "_fuel"), on="firm", how="left")
    )
    return out.select(
        "firm",
        pl.coalesce("_heat_price", pl.col("_fuel_price") / eff, pl.lit(a["fuel_price"] / eff)).alias("receiver_saving"),
        pl.col("_fuel").fill_null(_DEFAULT_FUEL).alias("fuel"),
        pl.when(pl.col("_heat_price").is_not_null())
        .then(pl.lit("heat_price"))
        .when(pl.col("_fuel_price").is_not_null())
        .then(pl.lit("fuel_price"))
        .otherwise(pl.lit("default"))
        .alias("price_source"),
    )


def _hours(streams: pl.DataFrame, direction: str) -> dict[str, float]:
    frame = (
        streams.filter(pl.col("direction") == direction)
        .group_by("firm")
        .agg(((pl.col("operating_hours") * pl.col("duty")).sum() / pl.col("duty").sum()).alias("h"))
    )
    return dict(zip(frame.get_column("firm").to_list(), frame.get_column("h").to_list(), strict=True))


def heat_matches(
    park: Park,
    dtmin: float = 10.0,
    dt_network: float | None = None,
    assumptions: Mapping[str, float] | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Return the costed inter-firm heat matches of a park as candidate links, and the pairs left out.

    Parameters
    ----------
    park : Park
        The park; its heat streams are read with :func:`eipkit.heat.park_heat_streams`.
    dtmin : float
        ΔTmin inside a firm [K].
    dt_network : float, optional
        Extra approach through the heat network [K]; default ``dtmin``.
    assumptions : mapping, optional
        Overrides of the costing assumptions (:func:`eipkit.heat.heat_assumptions`).

    Returns
    -------
    matches : polars.DataFrame
        One row per viable pair in the candidate-link columns of :mod:`eipkit.network` (amounts
        in MWh/a, money in VND, CO2 in t) plus ``distance_km``, ``recovery`` [kW],
        ``heat_loss`` [kW], ``delivered`` [kW], ``operating_hours``, ``source_temperature``,
        ``sink_temperature`` [°C], ``investment`` [VND], ``fuel``, ``price_source``, and for the
        link used at ``max_amount``: ``fuel_saved`` [MWh/a of fuel], ``co2_avoided`` [t/a] and
        ``net_benefit`` [VND/a].
    excluded : polars.DataFrame
        ``supplier``, ``receiver``, ``recovery`` [kW] and ``reason`` for pairs that were found but
        cannot be costed or deliver too little.
    """
    a = heat_assumptions(assumptions)
    net = float(dtmin if dt_network is None else dt_network)
    streams, _ = park_heat_streams(park)
    empty_ex = pl.DataFrame(
        schema={"supplier": pl.String, "receiver": pl.String, "recovery": pl.Float64, "reason": pl.String}
    )
    if streams.height == 0:
        return _empty_matches(), empty_ex
    pairs = pairwise_recovery(streams, dtmin, net)
    if pairs.height == 0:
        return _empty_matches(), empty_ex
    firms = firm_targets(streams, dtmin)
    cold_u = dict(zip(firms["firm"].to_list(), firms["cold_utility"].to_list(), strict=True))
    hot_u = dict(zip(firms["firm"].to_list(), firms["hot_utility"].to_list(), strict=True))
    out_hours, in_hours = _hours(streams, "out"), _hours(streams, "in")
    coords = {r["id"]: (r["latitude"], r["longitude"]) for r in park.firms.iter_rows(named=True)}
    prices = receiver_prices(park, assumptions).rows_by_key("firm", named=True, unique=True)
    cooling = _supplier_costs(streams)
    grid = emission_factor("electricity")
    grid_ef = grid[1] if grid else 0.0
    crf = float(annuity_factor(a["discount_rate"], a["lifetime"]))
    rows, left_out = [], []
    for p in pairs.iter_rows(named=True):
        f, g, rec = p["supplier"], p["receiver"], p["recovery"]
        (lat1, lon1), (lat2, lon2) = coords.get(f, (None, None)), coords.get(g, (None, None))
        if None in (lat1, lon1, lat2, lon2):
            left_out.append(
                {
                    "supplier": f,
                    "receiver": g,
                    "recovery": rec,
                    "reason": "a firm has no latitude/longitude: the pipe length cannot be found",
                }
            )
            continue
        dist = float(haversine_km(lat1, lon1, lat2, lon2)) * a["route_factor"]
        t_sup = min(p["source_temperature"] - dtmin / 2.0, p["sink_temperature"] + dtmin / 2.0)
        t_ret = p["sink_low_temperature"] + dtmin / 2.0
        loss = a["heat_loss_coefficient"] * dist * 1000.0 * max(0.0, t_sup + t_ret - 2 * a["ground_temperature"]) / 1e3
        delivered = rec - loss
        if delivered < a["min_recovery"]:
            left_out.append(
                {
                    "supplier": f,
                    "receiver": g,
                    "recovery": rec,
                    "reason": f"delivers {max(delivered, 0.0):.1f} kW after {loss:.1f} kW pipe losses "
                    f"(minimum {a['min_recovery']:g} kW)",
                }
            )
            continue
        hours = min(out_hours.get(f, 8760.0), in_hours.get(g, 8760.0))
        price = prices.get(g) or {
            "receiver_saving": a["fuel_price"] / a["boiler_efficiency"],
            "fuel": _DEFAULT_FUEL,
            "price_source": "default",
        }
        fuel = emission_factor(price["fuel"])
        investment = a["pipe_cost"] * dist + a["exchanger_cost"] * delivered
        rows.append(
            {
                "id": f"HEAT_{f}_{g}",
                "supplier": f,
                "receiver": g,
                "resource_class": "heat",
                "amount_kind": "energy_flow",
                "max_amount": delivered * hours / 1000.0,
                "supply_stream": f"heat_source:{f}",
                "supply_amount": cold_u.get(f, 0.0) * out_hours.get(f, 8760.0) / 1000.0,
                "supply_factor": rec / delivered,
                "demand_stream": f"heat_sink:{g}",
                "demand_amount": hot_u.get(g, 0.0) * in_hours.get(g, 8760.0) / 1000.0,
                "supplier_saving": cooling.get(f, 0.0),
                "receiver_saving": price["receiver_saving"],
                "variable_cost": a["pumping_electricity"] * a["electricity_price"],
                "fixed_cost": investment * (crf + a["om_share"]),
                "co2_avoided_per_unit": (fuel[1] if fuel else 0.0) / a["boiler_efficiency"]
                - a["pumping_electricity"] * grid_ef / 1000.0,
                "group": None,
                "group_fixed_cost": None,
                "distance_km": dist,
                "recovery": rec,
                "heat_loss": loss,
                "delivered": delivered,
                "operating_hours": hours,
                "source_temperature": p["source_temperature"],
                "sink_temperature": p["sink_temperature"],
                "investment": investment,
                "fuel": price["fuel"],
                "price_source": price["price_source"],
            }
        )
        row = rows[-1]
        row["fuel_saved"] = row["max_amount"] / a["boiler_efficiency"]
        row["co2_avoided"] = row["max_amount"] * row["co2_avoided_per_unit"]
        row["net_benefit"] = (
            row["max_amount"] * (row["supplier_saving"] + row["receiver_saving"] - row["variable_cost"])
            - row["fixed_cost"]
        )
    matches = pl.DataFrame(rows, schema=_MATCH_SCHEMA) if rows else _empty_matches()
    excluded = pl.DataFrame(left_out, schema=empty_ex.schema) if left_out else empty_ex
    return matches.sort("max_amount", descending=True), excluded


def _supplier_costs(streams: pl.DataFrame) -> dict[str, float]:
    """Return what each supplier pays now per MWh of surplus heat (cooling or disposal), if reported."""
    frame = (
        streams.filter((pl.col("direction") == "out") & pl.col("annual_cost").is_not_null() & (pl.col("amount") > 0))
        .group_by("firm")
        .agg((pl.col("annual_cost").sum() / pl.col("amount").sum()).alias("c"))
    )
    return {k: max(0.0, float(v)) for k, v in zip(frame["firm"].to_list(), frame["c"].to_list(), strict=True)}


_MATCH_SCHEMA: dict[str, Any] = candidate_schema(
    distance_km=pl.Float64,
    recovery=pl.Float64,
    heat_loss=pl.Float64,
    delivered=pl.Float64,
    operating_hours=pl.Float64,
    source_temperature=pl.Float64,
    sink_temperature=pl.Float64,
    investment=pl.Float64,
    fuel=pl.String,
    price_source=pl.String,
    fuel_saved=pl.Float64,
    co2_avoided=pl.Float64,
    net_benefit=pl.Float64,
)


def _empty_matches() -> pl.DataFrame:
    return pl.DataFrame(schema=_MATCH_SCHEMA)

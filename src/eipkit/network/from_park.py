r"""Candidate links from a park's own data, so ``eipkit optimize PARK`` works on its own.

Two sources, both in the columns of :mod:`eipkit.network.candidates`:

1. **Planned exchanges**: rows of ``park.exchanges`` with status ``idea`` or ``feasibility`` (the
   ones not yet decided). Their amount is the link capacity.
2. **Same-class pairs**: every output stream (``direction = out``) of one firm and input stream
   (``in``) of another firm with the same resource class and amount kind. Capacity: the smaller
   of the two amounts left after agreed and operating exchanges; the supply and demand streams
   are shared nodes, so one output cannot be sold twice. A demand recorded under a broader class
   (``ash``, ``paper``, ``raw_materials``) is not paired with its subclasses: whether cardboard can
   replace printing paper is a quality question the class tree cannot answer; record the class
   the firm accepts, or add the exchange as an idea. Pairs already covered by an exchange of any
   status are skipped. Heat is left to :mod:`eipkit.heat`, which checks temperatures; wastewater
   (already collected by the central plant), emissions, capacity and services are not paired.

Money per unit (VND per t, m³ or MWh): the supplier saves what it pays now to get rid of the
output (``annual_cost / amount`` of its stream: a disposal fee; negative when it sells it now);
the receiver saves what it pays now for the input (``annual_cost / amount``); the running cost is
transport, :math:`c_{kind} \cdot k_r \cdot d` with :math:`d` the great-circle distance between the
firms [km], :math:`k_r` the route factor and :math:`c_{kind}` a cost per unit and km by amount
kind; each link has a fixed yearly cost. For a planned exchange with ``annual_benefit`` and no
stream prices, the benefit per unit is taken as the receiver's saving.

CO2 avoided per unit: for fuels (per MWh, or per t with the stream's calorific value) the IPCC
2006 factor; for electricity the Viet Nam grid factor; for heat classes the coal-boiler heat it
displaces (factor / boiler efficiency); 0 otherwise (``co2_estimated = False``). Transport
emissions are not counted. Factors and assumptions: ``network/_data/link_factors.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import polars as pl
import yaml

from eipkit.candidates import candidate_schema
from eipkit.park import Park
from eipkit.park.checks import haversine_km

__all__ = ["link_assumptions", "park_candidates"]

_PLANNED = ("idea", "feasibility")
_NOT_PAIRED = ("heat", "wastewater", "emission", "capacity", "service")


@cache
def _data() -> dict[str, Any]:
    text = resources.files("eipkit.network").joinpath("_data", "link_factors.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def link_assumptions(assumptions: Mapping[str, float] | None = None) -> dict[str, float]:
    """Return the costing assumptions for park candidates, ``assumptions`` overriding the defaults.

    Parameters
    ----------
    assumptions : mapping, optional
        Values to use instead of the shipped ones (names and units of
        ``network/_data/link_factors.yaml``).

    Examples
    --------
    >>> link_assumptions()["route_factor"]
    1.3
    """
    values = {name: float(item["value"]) for name, item in _data()["assumptions"].items()}
    for name, value in (assumptions or {}).items():
        if name not in values:
            raise KeyError(f"unknown link assumption '{name}'; known: {', '.join(sorted(values))}")
        values[name] = float(value)
    return values


def _co2_per_mwh(resource_class: str | None, boiler_efficiency: float) -> float | None:
    data = _data()
    kind = data["co2_classes"].get(resource_class) if resource_class else None
    if kind is None:
        return None
    if kind == "electricity":
        return float(data["emission_factors"]["grid_electricity"]["value"])
    fuels = data["emission_factors"]["fuels"]
    if kind == "boiler_heat":
        return float(fuels["coal"]["kg_co2_per_gj"]) * 3.6 / 1000.0 / boiler_efficiency
    return float(fuels[kind]["kg_co2_per_gj"]) * 3.6 / 1000.0


def _stream_table(park: Park) -> pl.DataFrame:
    return park.streams.select(
        "id",
        "firm",
        "direction",
        "category",
        "resource_class",
        "amount_kind",
        "amount",
        "calorific_value",
        (pl.col("annual_cost") / pl.col("amount")).alias("_unit_cost"),
    )


def _pairs(streams: pl.DataFrame) -> pl.DataFrame:
    usable = streams.filter(
        pl.col("resource_class").is_not_null() & (pl.col("amount") > 0) & ~pl.col("category").is_in(_NOT_PAIRED)
    )
    supply = usable.filter(pl.col("direction") == "out").with_columns(pl.col("resource_class").alias("_classes"))
    demand = usable.filter(pl.col("direction") == "in")
    joined = supply.join(demand, left_on="_classes", right_on="resource_class", suffix="_d")
    return joined.filter((pl.col("firm") != pl.col("firm_d")) & (pl.col("amount_kind") == pl.col("amount_kind_d")))


def _committed(park: Park) -> dict[tuple[str, str], float]:
    """Amounts of streams already used by agreed or operating exchanges."""
    ex = park.exchanges.filter(pl.col("status").is_in(["agreed", "operating"]) & pl.col("amount").is_not_null())
    out: dict[tuple[str, str], float] = {}
    for col in ("supply_stream", "demand_stream"):
        for r in ex.filter(pl.col(col).is_not_null()).group_by(col).agg(pl.col("amount").sum()).iter_rows():
            out[(col, r[0])] = float(r[1])
    return out


def _left(stream: dict[str, Any] | None, col: str, committed: dict[tuple[str, str], float]) -> float | None:
    if stream is None or stream["amount"] is None:
        return None
    return max(0.0, float(stream["amount"]) - committed.get((col, stream["id"]), 0.0))


def park_candidates(park: Park, assumptions: Mapping[str, float] | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Build candidate links from a park's planned exchanges and same-class supply/demand pairs.

    Parameters
    ----------
    park : Park
        The park.
    assumptions : mapping, optional
        Overrides of :func:`link_assumptions` (transport costs, fixed cost, route factor ...).

    Returns
    -------
    candidates : polars.DataFrame
        Candidate links (columns of :mod:`eipkit.network.candidates`) plus ``origin``
        (``exchange`` or ``pair``), ``distance_km`` and ``co2_estimated``.
    excluded : polars.DataFrame
        ``supplier``, ``receiver``, ``resource_class`` and ``reason`` for candidates left out.
    """
    a = link_assumptions(assumptions)
    streams = _stream_table(park)
    by_id = {r["id"]: r for r in streams.iter_rows(named=True)}
    coords = {r["id"]: (r["latitude"], r["longitude"]) for r in park.firms.iter_rows(named=True)}
    existing = {(r["supplier"], r["receiver"], r["resource_class"]) for r in park.exchanges.iter_rows(named=True)}
    committed = _committed(park)
    rows: list[dict[str, Any]] = []
    left_out: list[dict[str, Any]] = []

    def add(row: dict[str, Any], supply: dict[str, Any] | None, demand: dict[str, Any] | None) -> None:
        f, g = row["supplier"], row["receiver"]
        (la1, lo1), (la2, lo2) = coords.get(f, (None, None)), coords.get(g, (None, None))
        if None in (la1, lo1, la2, lo2):
            left_out.append(
                {
                    "supplier": f,
                    "receiver": g,
                    "resource_class": row["resource_class"],
                    "reason": "a firm has no latitude/longitude: transport cost cannot be found",
                }
            )
            return
        dist = float(haversine_km(la1, lo1, la2, lo2)) * a["route_factor"]
        kind = row["amount_kind"]
        per_km = {
            "mass_flow": a["transport_cost_mass"],
            "volume_flow": a["transport_cost_volume"],
            "energy_flow": a["transport_cost_energy"],
        }.get(kind)
        if per_km is None:
            left_out.append(
                {
                    "supplier": f,
                    "receiver": g,
                    "resource_class": row["resource_class"],
                    "reason": f"amount kind '{kind}' cannot be transported (t/a, m3/a or MWh/a needed)",
                }
            )
            return
        co2 = _co2_per_mwh(row["resource_class"], a["boiler_efficiency"])
        if co2 is not None and kind == "mass_flow":
            cv = (supply or {}).get("calorific_value") or (demand or {}).get("calorific_value")
            co2 = co2 * cv / 3.6 if cv else None
        elif co2 is not None and kind != "energy_flow":
            co2 = None
        rows.append(
            {
                **row,
                "supply_factor": 1.0,
                "supplier_saving": row.get("supplier_saving") or 0.0,
                "receiver_saving": row.get("receiver_saving") or 0.0,
                "variable_cost": per_km * dist,
                "fixed_cost": a["link_fixed_cost"],
                "co2_avoided_per_unit": co2 or 0.0,
                "co2_estimated": co2 is not None,
                "distance_km": dist,
            }
        )

    planned = park.exchanges.filter(pl.col("status").is_in(_PLANNED))
    for ex in planned.iter_rows(named=True):
        supply, demand = by_id.get(ex["supply_stream"]), by_id.get(ex["demand_stream"])
        kind = ex["amount_kind"] or (supply or demand or {}).get("amount_kind")
        supply = supply if supply and supply["amount_kind"] == kind else None  # a node holds one kind
        demand = demand if demand and demand["amount_kind"] == kind else None
        amount = ex["amount"]
        if amount is None:
            amounts = [s["amount"] for s in (supply, demand) if s and s["amount"]]
            amount = min(amounts) if amounts else None
        if not amount:
            left_out.append(
                {
                    "supplier": ex["supplier"],
                    "receiver": ex["receiver"],
                    "resource_class": ex["resource_class"],
                    "reason": "no quantity on the exchange or its streams",
                }
            )
            continue
        sup_cost = supply["_unit_cost"] if supply else None
        rec_cost = demand["_unit_cost"] if demand else None
        if sup_cost is None and rec_cost is None and ex["annual_benefit"] is not None:
            rec_cost = ex["annual_benefit"] / amount
        add(
            {
                "id": f"EX_{ex['id']}",
                "supplier": ex["supplier"],
                "receiver": ex["receiver"],
                "resource_class": ex["resource_class"] or (supply or demand or {}).get("resource_class"),
                "amount_kind": kind,
                "max_amount": amount,
                "supply_stream": supply["id"] if supply else None,
                "supply_amount": _left(supply, "supply_stream", committed),
                "demand_stream": demand["id"] if demand else None,
                "demand_amount": _left(demand, "demand_stream", committed),
                "supplier_saving": sup_cost,
                "receiver_saving": rec_cost,
                "origin": "exchange",
            },
            supply,
            demand,
        )
    for p in _pairs(streams).iter_rows(named=True):
        if {(p["firm"], p["firm_d"], p["resource_class"]), (p["firm"], p["firm_d"], p["_classes"])} & existing:
            continue
        supply_left = p["amount"] - committed.get(("supply_stream", p["id"]), 0.0)
        demand_left = p["amount_d"] - committed.get(("demand_stream", p["id_d"]), 0.0)
        if min(supply_left, demand_left) <= 0:
            left_out.append(
                {
                    "supplier": p["firm"],
                    "receiver": p["firm_d"],
                    "resource_class": p["resource_class"],
                    "reason": "the stream is already used by agreed or operating exchanges",
                }
            )
            continue
        add(
            {
                "id": f"PAIR_{p['id']}_{p['id_d']}",
                "supplier": p["firm"],
                "receiver": p["firm_d"],
                "resource_class": p["resource_class"],
                "amount_kind": p["amount_kind"],
                "max_amount": min(supply_left, demand_left),
                "supply_stream": p["id"],
                "supply_amount": supply_left,
                "demand_stream": p["id_d"],
                "demand_amount": demand_left,
                "supplier_saving": p["_unit_cost"],
                "receiver_saving": p["_unit_cost_d"],
                "origin": "pair",
            },
            by_id.get(p["id"]),
            by_id.get(p["id_d"]),
        )
    schema = candidate_schema(
        origin=pl.String,
        distance_km=pl.Float64,
        co2_estimated=pl.Boolean,
    )
    candidates = pl.DataFrame([{k: r.get(k) for k in schema} for r in rows], schema=schema)
    excluded = pl.DataFrame(
        left_out,
        schema={"supplier": pl.String, "receiver": pl.String, "resource_class": pl.String, "reason": pl.String},
    )
    return candidates, excluded

r"""Avoided emissions of RECP measures and of symbiosis exchanges.

Measures
    The ``co2_saving`` [t/a] each measure reports, split by status: *achieved* (implemented,
    verified), *potential* (proposed, planned); rejected measures are left out.

Exchanges (computed only where the park data allow it; every other exchange is listed with the
reason it is not quantified, never guessed)

* electricity given as energy: :math:`\Delta = E \cdot EF_{grid}`;
* heat (steam, hot water, waste heat) given as energy :math:`Q` [MWh/a], or steam as mass
  :math:`m` with a ``steam_enthalpy`` :math:`h` [MJ/kg] (:math:`Q = m h / 3.6`): the receiver's
  boiler would have burnt :math:`Q/\eta` of its main fuel (largest fossil fuel stream of the
  receiver) with efficiency :math:`\eta` (``boiler_efficiency``, no cited default: pass it);
* a waste or by-product used as fuel (the supply stream has a ``calorific_value``, the receiver
  burns a fossil fuel): :math:`\Delta = E (f_{main} - f_{waste}(1 - b_{waste}))\cdot 3.6/1000`.

Exchanges count as achieved when ``operating``, as potential when ``idea``, ``feasibility`` or
``agreed``.

References
----------
.. [1] WRI/WBCSD (2005). The GHG Protocol for Project Accounting, ch. 2 (baseline and project
   emissions; avoided emissions are reported separately from the inventory).
.. [2] IPCC (2006). Guidelines, Vol. 2, ch. 2, Table 2.2 (fuel factors).
"""

from __future__ import annotations

from typing import Any

import polars as pl

from eipkit.factors import fuel_factor, fuel_of_class, grid_emission_factor

__all__ = ["avoided_emissions", "exchange_emissions", "measure_emissions"]

_HEAT_CLASSES = {"heat", "steam", "steam_hp", "steam_lp", "hot_water", "warm_water", "waste_heat_gas"}
_STATUS = {"operating": "achieved", "idea": "potential", "feasibility": "potential", "agreed": "potential"}
_MEASURE_STATUS = {"implemented": "achieved", "verified": "achieved", "proposed": "potential", "planned": "potential"}


def measure_emissions(park: Any) -> pl.DataFrame:
    """Avoided CO2 [t/a] of RECP measures with their firm, theme and achieved/potential status."""
    table: pl.DataFrame = park.measures.filter(pl.col("status") != "rejected").select(
        pl.col("id").alias("measure"),
        "firm",
        "title",
        "theme",
        "status",
        pl.col("status").replace_strict(_MEASURE_STATUS, default="potential").alias("state"),
        pl.col("co2_saving").alias("avoided_co2"),
    )
    return table


def _main_fuel(park: Any, firm: str) -> tuple[str, float] | None:
    """Fuel key and CO2 factor [kg/GJ] of the firm's largest fossil fuel stream (by energy or mass)."""
    fuels = park.streams.filter(
        (pl.col("firm") == firm) & (pl.col("direction") == "in") & (pl.col("category") == "energy")
    )
    best: tuple[float, str, float] | None = None
    for s in fuels.iter_rows(named=True):
        fuel = fuel_of_class(s["resource_class"])
        if fuel is None:
            continue
        factor = fuel_factor(fuel)
        if not factor.co2.verified or (factor.biogenic_share or 0.0) >= 1.0:
            continue
        if s["amount_kind"] == "energy_flow":
            energy = float(s["amount"])
        elif s["amount_kind"] == "mass_flow" and s["calorific_value"] is not None:
            energy = float(s["amount"]) * float(s["calorific_value"]) / 3.6
        else:
            continue
        if best is None or energy > best[0]:
            best = (energy, fuel, float(factor.co2.value or 0.0))
    return None if best is None else (best[1], best[2])


def exchange_emissions(
    park: Any, year: int | None = None, boiler_efficiency: float | None = None, steam_enthalpy: float | None = None
) -> pl.DataFrame:
    """Avoided CO2 [t/a] of each symbiosis exchange, or the reason it is not quantified.

    Parameters
    ----------
    park : Park
        The park.
    year : int, optional
        Data year of the grid emission factor.
    boiler_efficiency : float, optional
        Efficiency of the receivers' boilers displaced by heat exchanges (0-1); no cited default.
    steam_enthalpy : float, optional
        Heat delivered per kg of steam [MJ/kg] for steam exchanges given as mass; no cited default.
    """
    if boiler_efficiency is not None and not 0 < boiler_efficiency <= 1:
        raise ValueError("boiler_efficiency must be in (0, 1]")
    if steam_enthalpy is not None and steam_enthalpy <= 0:
        raise ValueError("steam_enthalpy must be positive (MJ/kg)")
    grid = float(grid_emission_factor(year).require())
    streams = park.streams.select("id", "calorific_value", "resource_class")
    supply_cv = dict(zip(streams["id"].to_list(), streams["calorific_value"].to_list(), strict=True))
    rows = []
    for x in park.exchanges.filter(pl.col("status").is_in(list(_STATUS))).iter_rows(named=True):
        row: dict[str, Any] = {
            "exchange": x["id"],
            "supplier": x["supplier"],
            "receiver": x["receiver"],
            "resource_class": x["resource_class"],
            "status": x["status"],
            "state": _STATUS[x["status"]],
            "avoided_co2": None,
        }
        rc, kind, amount = x["resource_class"], x["amount_kind"], x["amount"]
        if amount is None:
            rows.append({**row, "method": "not_quantified: no quantity"})
            continue
        if rc == "electricity" and kind == "energy_flow":
            rows.append({**row, "avoided_co2": float(amount) * grid, "method": "grid factor"})
            continue
        if rc in _HEAT_CLASSES:
            heat = None
            if kind == "energy_flow":
                heat = float(amount)
            elif kind == "mass_flow" and steam_enthalpy is not None:
                heat = float(amount) * steam_enthalpy / 3.6
            main = _main_fuel(park, x["receiver"])
            if heat is None:
                rows.append({**row, "method": "not_quantified: heat given as mass; pass steam_enthalpy (MJ/kg)"})
            elif boiler_efficiency is None:
                rows.append({**row, "method": "not_quantified: pass boiler_efficiency of the displaced boiler"})
            elif main is None:
                rows.append({**row, "method": "not_quantified: receiver burns no fossil fuel in the park data"})
            else:
                rows.append(
                    {
                        **row,
                        "avoided_co2": heat / boiler_efficiency * 3.6 * main[1] / 1000.0,
                        "method": f"displaced {main[0]} boiler",
                    }
                )
            continue
        cv = supply_cv.get(x["supply_stream"]) if x["supply_stream"] else None
        waste_fuel = fuel_of_class(rc)
        main = _main_fuel(park, x["receiver"])
        if cv is not None and kind == "mass_flow" and main is not None and waste_fuel is not None:
            wf = fuel_factor(waste_fuel)
            if wf.co2.verified and wf.biogenic_share is not None:
                energy = float(amount) * float(cv) / 3.6
                net = main[1] - float(wf.co2.value or 0.0) * (1.0 - wf.biogenic_share)
                rows.append(
                    {**row, "avoided_co2": energy * 3.6 * net / 1000.0, "method": f"fuel substitution of {main[0]}"}
                )
                continue
        rows.append({**row, "method": "not_quantified: material exchange (no cited life-cycle factor)"})
    schema = {
        "exchange": pl.String,
        "supplier": pl.String,
        "receiver": pl.String,
        "resource_class": pl.String,
        "status": pl.String,
        "state": pl.String,
        "avoided_co2": pl.Float64,
        "method": pl.String,
    }
    return pl.DataFrame([{k: r.get(k) for k in schema} for r in rows], schema=schema)


def avoided_emissions(
    park: Any, year: int | None = None, boiler_efficiency: float | None = None, steam_enthalpy: float | None = None
) -> dict[str, Any]:
    """Avoided CO2 of measures and exchanges: tables and achieved/potential totals [t/a].

    Returns
    -------
    dict
        ``measures`` and ``exchanges`` (tables) and ``totals`` with keys
        ``measures_achieved``, ``measures_potential``, ``exchanges_achieved``,
        ``exchanges_potential``, ``exchanges_not_quantified`` (count).
    """
    measures = measure_emissions(park)
    exchanges = exchange_emissions(park, year, boiler_efficiency, steam_enthalpy)

    def total(frame: pl.DataFrame, state: str) -> float:
        return float(frame.filter(pl.col("state") == state)["avoided_co2"].drop_nulls().sum())

    totals = {
        "measures_achieved": total(measures, "achieved"),
        "measures_potential": total(measures, "potential"),
        "exchanges_achieved": total(exchanges, "achieved"),
        "exchanges_potential": total(exchanges, "potential"),
        "exchanges_not_quantified": float(exchanges.filter(pl.col("avoided_co2").is_null()).height),
    }
    return {"measures": measures, "exchanges": exchanges, "totals": totals}

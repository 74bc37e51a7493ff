r"""Solar and wind for a whole park: per-firm rooftop PV, park wind, and their mix.

Rooftop PV (:func:`park_solar`)
    For each firm with a usable roof (firms column ``roof_area``): capacity from the roof area,
    hourly output of the park's site (:func:`~eipkit.energy.solar_profile` at the park
    coordinates, or the firm's when it is more than 10 km away), the firm's load from its
    electricity streams spread over its ``operating_hours``, and the behind-the-meter split
    (:func:`~eipkit.energy.self_consumption`). Firms without roof area or without electricity
    data are listed with their status, never silently given zeros.

Wind and mix (:func:`compare_mix`)
    Turbines feed the park as one meter (an industrial-park electricity retailer, eligible under
    Decree 243/2026): wind covers the load left after rooftop PV,
    :math:`S^{w}_h = \min(W_h, \sum_f I_{f,h})`. The comparison reports, for solar, wind and both,
    generation, energy used in the park, share of the load covered, surplus and avoided grid CO2
    (used and exported energy times the grid emission factor).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import polars as pl

from eipkit.energy._validate import EnergyInputError
from eipkit.energy.load import SelfConsumption, load_profile, self_consumption
from eipkit.energy.solar import SolarProfile, roof_capacity, solar_profile
from eipkit.energy.wind import WindProfile
from eipkit.factors import grid_emission_factor

__all__ = ["SIZINGS", "ParkSolar", "compare_mix", "firm_electricity", "no_curtailment_capacity", "park_solar"]

_FAR_KM = 10.0
#: How rooftop systems are sized: the whole usable roof, or the largest system (within the roof)
#: whose surplus stays within the legal export cap, so that nothing is curtailed.
SIZINGS: tuple[str, ...] = ("roof", "no_curtailment")


def no_curtailment_capacity(
    ac: Any, load: Any, capacity: float, surplus_cap: float | None = None, zero_export: bool = False
) -> float:
    """Largest capacity [kW] up to ``capacity`` whose surplus fits the export cap (no curtailment).

    Curtailment grows with the capacity, so the limit is found by bisection (to 0.01 % of ``capacity``).

    Examples
    --------
    >>> import numpy as np
    >>> ac = np.r_[np.full(4380, 0.5), np.zeros(4380)]
    >>> round(no_curtailment_capacity(ac, np.full(8760, 10.0), 100.0, zero_export=True), 1)
    20.0
    """
    profile = np.asarray(ac, dtype=float)

    def fits(size: float) -> bool:
        lost = float(self_consumption(size * profile, load, surplus_cap, zero_export).curtailed.sum())
        return lost <= 1e-6 * size * float(profile.sum())

    if fits(capacity):
        return float(capacity)
    low, high = 0.0, float(capacity)
    while high - low > 1e-4 * capacity:
        mid = 0.5 * (low + high)
        low, high = (mid, high) if fits(mid) else (low, mid)
    return low


def firm_electricity(park: Any) -> pl.DataFrame:
    """Electricity each firm takes in [MWh/a] and what it pays on average [VND/MWh].

    Sums the streams with ``direction = in`` and resource class ``electricity`` (canonical
    ``amount`` in MWh/a); ``unit_price`` is the amount-weighted ``annual_cost`` when costs are given.
    """
    streams = park.streams.filter(
        (pl.col("direction") == "in")
        & (pl.col("resource_class") == "electricity")
        & (pl.col("amount_kind") == "energy_flow")
    )
    table: pl.DataFrame = (
        streams.group_by("firm")
        .agg(
            pl.col("amount").sum().alias("electricity_use"),
            (pl.col("annual_cost").sum() / pl.col("amount").filter(pl.col("annual_cost").is_not_null()).sum()).alias(
                "unit_price"
            ),
        )
        .sort("firm")
    )
    return table


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


@dataclass
class ParkSolar:
    """Rooftop PV of every firm in a park.

    Attributes
    ----------
    firms : polars.DataFrame
        One row per firm: roof area, roof capacity and chosen capacity [kWp], specific yield [kWh/kWp/a], generation,
        load, self-consumed, exported, curtailed [MWh/a], shares, and ``status``.
    selfuse : dict
        Firm id to its :class:`~eipkit.energy.SelfConsumption` (firms with electricity data).
    profiles : dict
        (latitude, longitude) to the :class:`~eipkit.energy.SolarProfile` used.
    notes : list of str
        Warnings (indicative defaults, firms left out and why).
    """

    firms: pl.DataFrame
    selfuse: dict[str, SelfConsumption] = field(default_factory=dict)
    profiles: dict[tuple[float, float], SolarProfile] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def total(self) -> SelfConsumption:
        """Sum of the firms' hour-by-hour balances."""
        if not self.selfuse:
            raise EnergyInputError("no firm has both a roof area and electricity data; nothing to add up")
        items = list(self.selfuse.values())
        result = items[0]
        for item in items[1:]:
            result = result + item
        return result

    def totals(self) -> dict[str, float]:
        """Park totals: capacity [kWp] and the energy balance [MWh/a] of firms with data."""
        ok = self.firms.filter(pl.col("status") == "ok")
        out = {"capacity": float(ok["capacity"].sum()), "firms": float(ok.height)}
        if self.selfuse:
            out.update(self.total().totals())
        return out


def park_solar(
    park: Any,
    tilt: float | None = None,
    azimuth: float = 180.0,
    mounting: str = "roof",
    losses: str = "pvwatts",
    power_density: float | None = None,
    surplus_cap: float | None = None,
    zero_export: bool = False,
    air_temperature: float | None = None,
    ghi: float | None = None,
    sizing: str = "roof",
) -> ParkSolar:
    """Rooftop PV for every firm with a roof area (see the module docstring).

    Parameters
    ----------
    park : Park
        The park.
    tilt, azimuth, mounting, losses, air_temperature, ghi
        PV settings passed to :func:`~eipkit.energy.solar_profile`.
    power_density : float, optional
        Capacity per m² of usable roof [kWp/m²] (:func:`~eipkit.energy.roof_capacity`).
    surplus_cap : float, optional
        Exported share cap (default 0.5, Decree 243/2026).
    zero_export : bool
        Anti-backflow: nothing exported.
    sizing : str
        ``roof`` (whole usable roof) or ``no_curtailment`` (largest system within the roof whose
        surplus stays within the export cap); ``roof_capacity`` is always reported.
    """
    if sizing not in SIZINGS:
        raise EnergyInputError(f"unknown sizing '{sizing}'; use one of {', '.join(SIZINGS)}")
    meta = park.meta
    firms = park.firms.filter(pl.col("role") != "external")
    if meta.get("latitude") is None or meta.get("longitude") is None:
        coords = firms.drop_nulls(["latitude", "longitude"])
        if coords.is_empty():
            raise EnergyInputError("no coordinates: fill park latitude/longitude (park record) or the firms' ones")
        centre = (float(coords["latitude"].to_numpy().mean()), float(coords["longitude"].to_numpy().mean()))
    else:
        centre = (float(meta["latitude"]), float(meta["longitude"]))
    notes: list[str] = []
    profiles: dict[tuple[float, float], SolarProfile] = {}
    use = firm_electricity(park)
    use_by_firm = dict(zip(use["firm"].to_list(), use["electricity_use"].to_list(), strict=True))
    density_notes: list[str] = []
    rows, balances = [], {}
    for firm in firms.iter_rows(named=True):
        row: dict[str, Any] = {
            "firm": firm["id"],
            "name": firm["name"],
            "sector": firm["sector"],
            "roof_area": firm["roof_area"],
        }
        area = firm["roof_area"]
        if area is None or area <= 0:
            rows.append({**row, "status": "no_roof_area"})
            continue
        site = centre
        has_site = firm["latitude"] is not None and firm["longitude"] is not None
        if has_site and _distance_km(centre[0], centre[1], firm["latitude"], firm["longitude"]) > _FAR_KM:
            site = (round(float(firm["latitude"]), 2), round(float(firm["longitude"]), 2))
        if site not in profiles:
            profiles[site] = solar_profile(
                site[0],
                site[1],
                tilt=tilt,
                azimuth=azimuth,
                ghi=ghi,
                mounting=mounting,
                losses=losses,
                air_temperature=air_temperature,
            )
        profile = profiles[site]
        roof_kw = float(roof_capacity(area, power_density, density_notes))
        row.update(
            {
                "roof_capacity": roof_kw,
                "capacity": roof_kw,
                "specific_yield": profile.specific_yield,
                "generation": roof_kw * profile.specific_yield / 1000.0,
            }
        )
        energy = use_by_firm.get(firm["id"])
        if energy is None or energy <= 0:
            rows.append({**row, "status": "no_electricity_data"})
            continue
        load = load_profile(energy, firm["operating_hours"] or 8760.0)
        capacity = roof_kw
        if sizing == "no_curtailment":
            capacity = no_curtailment_capacity(profile.ac, load, roof_kw, surplus_cap, zero_export)
        generation = capacity * profile.ac
        row.update({"capacity": capacity, "generation": float(generation.sum()) / 1000.0})
        balance = self_consumption(generation, load, surplus_cap=surplus_cap, zero_export=zero_export)
        balances[firm["id"]] = balance
        totals = balance.totals()
        rows.append(
            {
                **row,
                "load": totals["load"],
                "self_consumed": totals["self_consumed"],
                "exported": totals["exported"],
                "curtailed": totals["curtailed"],
                "self_consumption_share": totals["self_consumption_share"],
                "coverage_share": totals["coverage_share"],
                "status": "ok",
            }
        )
    for profile in profiles.values():
        notes.extend(n for n in profile.notes if n not in notes)
    notes.extend(n for n in density_notes if n not in notes)
    for balance in balances.values():
        notes.extend(n for n in balance.notes if n not in notes)
    missing = [r["firm"] for r in rows if r["status"] != "ok"]
    if missing:
        notes.append(
            f"{len(missing)} firms left out of the energy balance (no roof area or no electricity data): "
            + ", ".join(missing[:10])
            + (" ..." if len(missing) > 10 else "")
        )
    schema = {
        "firm": pl.String,
        "name": pl.String,
        "sector": pl.String,
        "roof_area": pl.Float64,
        "roof_capacity": pl.Float64,
        "capacity": pl.Float64,
        "specific_yield": pl.Float64,
        "generation": pl.Float64,
        "load": pl.Float64,
        "self_consumed": pl.Float64,
        "exported": pl.Float64,
        "curtailed": pl.Float64,
        "self_consumption_share": pl.Float64,
        "coverage_share": pl.Float64,
        "status": pl.String,
    }
    table = pl.DataFrame([{k: r.get(k) for k in schema} for r in rows], schema=schema)
    return ParkSolar(table, balances, profiles, notes)


def compare_mix(
    solar: ParkSolar, wind: WindProfile | None = None, turbines: int = 1, year: int | None = None
) -> pl.DataFrame:
    """Compare rooftop solar, park wind and both for the park's load (see the module docstring).

    Parameters
    ----------
    solar : ParkSolar
        Result of :func:`park_solar`.
    wind : WindProfile, optional
        One turbine's output (:func:`~eipkit.energy.wind_profile`); without it only solar is shown.
    turbines : int
        Number of turbines.
    year : int, optional
        Data year of the grid emission factor (default the latest official, 2023).

    Returns
    -------
    polars.DataFrame
        Rows ``solar``, ``wind``, ``solar_wind``: capacity [kW], generation, used_in_park,
        surplus [MWh/a], coverage_share, avoided_co2 [t/a].
    """
    if turbines < 0:
        raise EnergyInputError("turbines must be >= 0")
    total = solar.total()
    factor = grid_emission_factor(year).require()
    load = total.load
    solar_used = total.self_consumed
    rows = []

    def add(option: str, capacity: float, generation: np.ndarray, used: np.ndarray, exported: float) -> None:
        gen = float(generation.sum()) / 1000.0
        used_mwh = float(used.sum()) / 1000.0
        rows.append(
            {
                "option": option,
                "capacity": capacity,
                "generation": gen,
                "used_in_park": used_mwh,
                "surplus": gen - used_mwh,
                "coverage_share": used_mwh / (float(load.sum()) / 1000.0),
                "avoided_co2": (used_mwh + exported) * factor,
            }
        )

    pv_capacity = float(solar.firms.filter(pl.col("status") == "ok")["capacity"].sum())
    add("solar", pv_capacity, total.generation, solar_used, float(total.exported.sum()) / 1000.0)
    if wind is not None and turbines > 0:
        w = wind.output * turbines
        alone = np.minimum(w, load)
        add("wind", wind.capacity * turbines, w, alone, 0.0)
        wind_used = np.minimum(w, total.imported)
        add(
            "solar_wind",
            pv_capacity + wind.capacity * turbines,
            total.generation + w,
            solar_used + wind_used,
            float(total.exported.sum()) / 1000.0,
        )
    return pl.DataFrame(rows)

"""Rooftop-solar and DPPA rules, PV model settings, solar resource and cost assumptions.

Every value is a :class:`~eipkit.factors.Factor` with its source and confidence: rules from
Decrees 135/2024, 57/2025, 58/2025 and 243/2026 (``rules.yaml``), the solar resource of
Vietnamese provinces (``solar.yaml``, Global Solar Atlas via vietnam-facts.md 4.1) and the
financial assumptions of business models (``costs.yaml``, mostly confidence L).
"""

from __future__ import annotations

import math
from typing import Any

import polars as pl

from eipkit.factors._base import Factor, factor_from_entry, load_data

__all__ = [
    "cost_assumption",
    "dppa_rule",
    "nearest_solar_location",
    "pv_setting",
    "regional_yield",
    "rooftop_solar_rule",
    "solar_locations",
]


def rooftop_solar_rule(name: str) -> Factor:
    """Return a self-consumption rooftop-solar rule (``surplus_cap``, ``surplus_price`` ...).

    Examples
    --------
    >>> rooftop_solar_rule("surplus_cap").value
    0.5
    >>> rooftop_solar_rule("surplus_price").verified
    False
    """
    rules: dict[str, Any] = load_data("rules")["rooftop_solar"]
    entries = {k: v for k, v in rules.items() if isinstance(v, dict)}
    if name not in entries:
        raise KeyError(f"unknown rooftop-solar rule '{name}'; known: {', '.join(entries)}")
    return factor_from_entry(name, entries[name])


def dppa_rule(name: str) -> Factor:
    """Return a DPPA rule (``large_customer_min``, ``grid_generator_min``, ``service_charge`` ...).

    Examples
    --------
    >>> dppa_rule("large_customer_min").value
    200000.0
    """
    rules: dict[str, Any] = load_data("rules")["dppa"]
    entries = {k: v for k, v in rules.items() if isinstance(v, dict)}
    if name not in entries:
        raise KeyError(f"unknown DPPA rule '{name}'; known: {', '.join(entries)}")
    return factor_from_entry(name, entries[name], default_source="; ".join(rules["sources"]))


def pv_setting(name: str) -> Factor:
    """Return a PV model setting (``temperature_coefficient``, ``air_temperature`` ...) with its source."""
    settings: dict[str, Any] = load_data("solar")["pv_model"]
    if name not in settings or name == "pvwatts_losses":
        known = [k for k in settings if k != "pvwatts_losses"]
        raise KeyError(f"unknown PV setting '{name}'; known: {', '.join(known)}")
    return factor_from_entry(name, settings[name])


def pvwatts_loss_components() -> tuple[dict[str, float], str]:
    """Return the PVWatts v5 default loss components [%] and their source."""
    entry = load_data("solar")["pv_model"]["pvwatts_losses"]
    return {k: float(v) for k, v in entry["components"].items()}, str(entry["source"])


def cost_assumption(name: str) -> Factor:
    """Return a cost or financial assumption of energy business models (``pv_capex_ci``, ``discount_rate`` ...).

    Examples
    --------
    >>> cost_assumption("discount_rate").confidence
    'L'
    """
    costs: dict[str, Any] = load_data("costs")
    if name not in costs:
        raise KeyError(f"unknown cost assumption '{name}'; known: {', '.join(costs)}")
    return factor_from_entry(name, costs[name])


def solar_locations() -> pl.DataFrame:
    """Return the cited solar resource of Vietnamese provinces (GHI, PVOUT, optimum tilt, region)."""
    data = load_data("solar")
    rows = [{"location": key, **value} for key, value in data["locations"].items()]
    return pl.DataFrame(rows).with_columns(pl.lit(data["confidence"]).alias("confidence"))


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def nearest_solar_location(latitude: float, longitude: float) -> dict[str, Any]:
    """Return the cited location nearest to a point, with its distance [km] (``distance_km``).

    Examples
    --------
    >>> nearest_solar_location(21.14, 106.17)["location"]
    'bac_ninh'
    """
    data = load_data("solar")
    best: dict[str, Any] = {}
    for key, value in data["locations"].items():
        d = _distance_km(latitude, longitude, float(value["latitude"]), float(value["longitude"]))
        if not best or d < best["distance_km"]:
            best = {
                "location": key,
                **value,
                "distance_km": round(d, 1),
                "source": data["source"],
                "confidence": data["confidence"],
            }
    return best


def regional_yield(region: str) -> dict[str, Any]:
    """Return the published specific-yield range [kWh/kWp/a] of a region (north, central, south, south_central)."""
    regions: dict[str, Any] = load_data("solar")["regional_specific_yield"]
    if region not in regions:
        raise KeyError(f"unknown region '{region}'; known: {', '.join(regions)}")
    return dict(regions[region])

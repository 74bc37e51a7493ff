"""Emission factors, transport modes and money assumptions, with their source and confidence.

Values live in ``eipkit/symbiosis/_data/factors.yaml``: Viet Nam's grid factor and IPCC 2006 fuel
factors (as compiled in ``vietnam-facts.yaml``), and eipkit assumptions (confidence L) for what
has no published Vietnamese value (freight rates, pipe costs, discount rate). Each uncertain value
has a ``[low, high]`` range; results are given as low / central / high.

>>> f = symbiosis_factors()
>>> f.value("grid_electricity")
0.6592
>>> f.span("cost_per_tkm")
(1500.0, 2500.0, 4000.0)
>>> symbiosis_factors({"discount_rate": 0.08}).value("discount_rate")
0.08
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import polars as pl
import yaml

__all__ = ["Factor", "Factors", "symbiosis_factors"]


@dataclass(frozen=True)
class Factor:
    """One factor or assumption: central value, range, unit, confidence and source key."""

    name: str
    value: float
    low: float
    high: float
    unit: str
    confidence: str
    ref: str
    note: str = ""
    overridden: bool = False


@cache
def _raw() -> dict[str, Any]:
    text = resources.files("eipkit.symbiosis").joinpath("_data", "factors.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _factor(name: str, item: Mapping[str, Any]) -> Factor:
    value = float(item["value"])
    low, high = (float(v) for v in item.get("range", (value, value)))
    if not low <= value <= high:
        raise ValueError(f"factors.yaml '{name}': range [{low}, {high}] must contain the value {value}")
    return Factor(
        name,
        value,
        low,
        high,
        str(item.get("unit", "-")),
        str(item["confidence"]),
        str(item["ref"]),
        str(item.get("note", "")),
    )


class Factors:
    """The factors of one study: the shipped values with any overrides.

    Attributes
    ----------
    items : dict
        Factor name -> :class:`Factor`.
    fuels : dict
        Fuel key -> :class:`Factor` (kg CO2 per GJ).
    fuel_of_class, waste_fuel_of_class : dict
        Resource class -> fuel key (the receiver's fuel; the fossil part of a waste fuel).
    modes : dict
        Transport mode -> ``{"max_distance_km": float | None, "lifetime": float}``.
    """

    def __init__(self, overrides: Mapping[str, float] | None = None) -> None:
        raw = _raw()
        items: dict[str, Factor] = {}
        ef = raw["emission_factors"]
        for name in ("grid_electricity", "truck_freight", "water_supply_electricity"):
            items[name] = _factor(name, ef[name])
        for name, item in raw["assumptions"].items():
            items[name] = _factor(name, item)
        self.modes: dict[str, dict[str, float | None]] = {}
        for mode, body in raw["transport_modes"].items():
            limit = body.get("max_distance_km")
            self.modes[mode] = {
                "max_distance_km": None if limit is None else float(limit["value"]),
                "lifetime": float(body.get("lifetime", 10)),
            }
            for key in ("cost_per_tkm", "handling_per_t", "pipe_cost_per_km"):
                if key in body:
                    name = key if mode == "truck" else f"{key}_{mode}"
                    items[name] = _factor(name, body[key])
            if limit is not None:
                items[f"max_distance_{mode}"] = _factor(f"max_distance_{mode}", limit)
        self.fuels = {k: _factor(k, v) for k, v in ef["fuels"].items()}
        self.fuel_of_class: dict[str, str] = dict(ef["fuel_of_class"])
        self.waste_fuel_of_class: dict[str, str] = dict(ef["waste_fuel_of_class"])
        for name, value in (overrides or {}).items():
            if name not in items:
                raise KeyError(f"unknown symbiosis assumption '{name}'; known: {', '.join(sorted(items))}")
            v = float(value)
            items[name] = Factor(name, v, v, v, items[name].unit, "user", "user", "set by the user", True)
            if name.startswith("max_distance_"):
                self.modes[name.removeprefix("max_distance_")]["max_distance_km"] = v
        self.items = items

    def value(self, name: str) -> float:
        """Return the central value of factor ``name``."""
        return self.items[name].value

    def span(self, name: str) -> tuple[float, float, float]:
        """Return ``(low, central, high)`` of factor ``name``."""
        f = self.items[name]
        return f.low, f.value, f.high

    def fuel_ef(self, key: str | None) -> float:
        """Return the CO2 factor [kg/GJ] of fuel ``key`` (0 for None)."""
        return 0.0 if key is None else self.fuels[key].value

    def table(self) -> pl.DataFrame:
        """Return every factor as a table: name, value, low, high, unit, confidence, ref, note."""
        rows = [f.__dict__ for f in (*self.items.values(), *self.fuels.values())]
        return pl.DataFrame(rows).select(
            "name", "value", "low", "high", "unit", "confidence", "ref", "note", "overridden"
        )


def symbiosis_factors(assumptions: Mapping[str, float] | None = None) -> Factors:
    """Return the symbiosis factors, ``assumptions`` overriding shipped values by name.

    Parameters
    ----------
    assumptions : mapping, optional
        ``{name: value}`` (names of :meth:`Factors.table`); an overridden value has no range.

    Raises
    ------
    KeyError
        For an unknown name (the message lists the known ones).
    """
    return Factors(assumptions)

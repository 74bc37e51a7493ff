r"""Cited factors and assumptions for costing heat recovery (``heat/_data/heat_factors.yaml``).

Money
    An investment :math:`I` is spread over its lifetime :math:`n` [a] at discount rate :math:`r`
    with the capital recovery factor (annuity factor)

    .. math:: \mathrm{CRF}(r, n) = \frac{r (1 + r)^n}{(1 + r)^n - 1}, \qquad
              \lim_{r \to 0} \mathrm{CRF} = 1/n

    (e.g. Short, W., Packey, D. J. and Holt, T. (1995), A Manual for the Economic Evaluation of
    Energy Efficiency and Renewable Energy Technologies, NREL/TP-462-5173, eq. 4-4).

CO2
    Fuel factors in kg CO2/GJ convert to t CO2/MWh by :math:`\times 3.6 / 1000`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
import yaml

__all__ = ["annuity_factor", "emission_factor", "fuel_classes", "heat_assumptions", "heat_factor_sources"]


@cache
def _data() -> dict[str, Any]:
    text = resources.files("eipkit.heat").joinpath("_data", "heat_factors.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def heat_assumptions(assumptions: Mapping[str, float] | None = None) -> dict[str, float]:
    """Return the costing assumptions (name to value), with ``assumptions`` overriding the defaults.

    Parameters
    ----------
    assumptions : mapping, optional
        Values to use instead of the shipped defaults (same names and units as in
        ``heat/_data/heat_factors.yaml``).

    Raises
    ------
    KeyError
        On an unknown name (the message lists the known ones).

    Examples
    --------
    >>> heat_assumptions({"discount_rate": 0.08})["discount_rate"]
    0.08
    """
    values = {name: float(item["value"]) for name, item in _data()["assumptions"].items()}
    for name, value in (assumptions or {}).items():
        if name not in values:
            raise KeyError(f"unknown heat assumption '{name}'; known: {', '.join(sorted(values))}")
        values[name] = float(value)
    return values


def heat_factor_sources() -> list[dict[str, Any]]:
    """Return every shipped factor with its unit, source and confidence (for reports)."""
    data = _data()
    rows = [
        {
            "name": name,
            "value": item["value"],
            "unit": item["unit"],
            "source": item["source"],
            "confidence": item["confidence"],
        }
        for name, item in data["assumptions"].items()
    ]
    grid = data["emission_factors"]["grid_electricity"]
    rows.append(
        {
            "name": "grid_electricity",
            "value": grid["value"],
            "unit": grid["unit"],
            "source": grid["source"],
            "confidence": grid["confidence"],
        }
    )
    for name, item in data["emission_factors"]["fuels"].items():
        rows.append(
            {
                "name": f"fuel_{name}",
                "value": item["kg_co2_per_gj"],
                "unit": "kgCO2/GJ",
                "source": data["emission_factors"]["source"],
                "confidence": item["confidence"],
            }
        )
    return rows


def fuel_classes() -> dict[str, str]:
    """Return the resource classes that are fuels (or electricity), mapped to their factor row."""
    return dict(_data()["fuel_classes"])


def emission_factor(resource_class: str | None) -> tuple[str, float] | None:
    """Return ``(fuel, t CO2 per MWh)`` for a fuel or electricity resource class, else None.

    Parameters
    ----------
    resource_class : str or None
        A resource class of the eipkit taxonomy (``coal``, ``natural_gas``, ``rice_husk`` ...).

    Examples
    --------
    >>> emission_factor("natural_gas")
    ('natural_gas', 0.20196)
    >>> emission_factor("electricity")
    ('electricity', 0.6592)
    """
    if resource_class is None:
        return None
    data = _data()
    fuel = data["fuel_classes"].get(resource_class)
    if fuel is None:
        return None
    if fuel == "electricity":
        return fuel, float(data["emission_factors"]["grid_electricity"]["value"])
    kg_per_gj = float(data["emission_factors"]["fuels"][fuel]["kg_co2_per_gj"])
    return fuel, round(kg_per_gj * 3.6 / 1000.0, 10)


def annuity_factor(discount_rate: Any, lifetime: Any) -> Any:
    r"""Capital recovery factor :math:`r(1+r)^n / ((1+r)^n - 1)` (vectorised; :math:`1/n` at r = 0).

    Parameters
    ----------
    discount_rate : float or array_like
        Real discount rate per year [-].
    lifetime : float or array_like
        Economic lifetime [a], positive.

    Examples
    --------
    >>> round(float(annuity_factor(0.10, 30)), 6)
    0.106079
    """
    r = np.asarray(discount_rate, dtype=float)
    n = np.asarray(lifetime, dtype=float)
    if np.any(n <= 0):
        raise ValueError("lifetime must be positive (years)")
    with np.errstate(divide="ignore", invalid="ignore"):
        growth = (1.0 + r) ** n
        crf = np.where(r == 0, 1.0 / n, r * growth / (growth - 1.0))
    return crf if crf.ndim else float(crf)

r"""Fuel CO2 factors (IPCC 2006 defaults) and the energy and CO2 of burning a fuel.

Energy of a fuel burnt, from its mass :math:`m` [t] and lower heating value :math:`H` [MJ/kg]

.. math:: E = \frac{m \cdot H}{3.6} \quad [\mathrm{MWh}]

(1 t at 1 MJ/kg is 1 GJ, that is 1/3.6 MWh).

CO2 of burning it with the emission factor :math:`f` [kg CO2/GJ] and biogenic carbon share
:math:`b` (IPCC 2006 Vol. 2, eq. 2.1, tier 1, oxidation factor 1):

.. math:: \mathrm{CO_2}_{fossil} = E \cdot 3.6\,f\,(1 - b) / 1000, \qquad
          \mathrm{CO_2}_{biogenic} = E \cdot 3.6\,f\,b / 1000 \quad [\mathrm{t}]

For fuels recorded as fully biogenic the IPCC factor of the fuel is not in the table (the
compiled sources count biomass as CO2-neutral), so their biogenic CO2 is not estimated.

References
----------
.. [1] IPCC (2006). 2006 IPCC Guidelines for National Greenhouse Gas Inventories, Vol. 2
   Energy, ch. 1.4 and ch. 2, Table 2.2.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import polars as pl

from eipkit.factors._base import Factor, load_data

__all__ = ["FuelFactor", "combustion_co2", "fuel_energy", "fuel_factor", "fuel_of_class", "fuel_table"]

_GJ_PER_MWH = 3.6


@dataclass(frozen=True)
class FuelFactor:
    """CO2 factor and heating-value range of one fuel.

    Attributes
    ----------
    fuel : str
        Fuel key (``anthracite``, ``natural_gas`` ...).
    co2 : Factor
        CO2 emission factor [kg CO2/GJ] (value None when unverified, e.g. RDF).
    biogenic_share : float or None
        Share of biogenic carbon (None when unknown).
    lhv_range : tuple of float or None
        Literature range of the lower heating value [MJ/kg] (confidence L: shown, never used as a
        default).
    label_en, label_vi : str
        Names of the fuel.
    """

    fuel: str
    co2: Factor
    biogenic_share: float | None
    lhv_range: tuple[float, float] | None
    label_en: str
    label_vi: str


def fuel_factor(fuel: str) -> FuelFactor:
    """Return the factors of ``fuel`` (a key of ``factors/_data/fuels.yaml``).

    Examples
    --------
    >>> fuel_factor("anthracite").co2.value
    98.3
    """
    data = load_data("fuels")
    fuels = data["fuels"]
    if fuel not in fuels:
        raise KeyError(f"unknown fuel '{fuel}'; known: {', '.join(fuels)}")
    entry = fuels[fuel]
    source = data["sources"][entry.get("source", "ipcc")]
    co2 = Factor(
        name=f"co2_factor_{fuel}",
        value=None if entry.get("co2_kg_gj") is None else float(entry["co2_kg_gj"]),
        unit="kg/GJ",
        confidence=str(entry.get("ef_confidence", "")),
        source=str(source),
        status="ok" if entry.get("co2_kg_gj") is not None else "unverified",
        note=str(entry.get("note", "")),
    )
    lhv = entry.get("lhv_mj_kg")
    share = entry.get("biogenic_share")
    return FuelFactor(
        fuel=fuel,
        co2=co2,
        biogenic_share=None if share is None else float(share),
        lhv_range=None if lhv is None else (float(lhv[0]), float(lhv[1])),
        label_en=str(entry["label"]["en"]),
        label_vi=str(entry["label"]["vi"]),
    )


def fuel_of_class(resource_class: str | None) -> str | None:
    """Return the fuel key of an eipkit resource class (``coal`` -> ``anthracite``), else None.

    Examples
    --------
    >>> fuel_of_class("rice_husk")
    'biomass'
    >>> fuel_of_class("steel_scrap") is None
    True
    """
    if resource_class is None:
        return None
    mapping: dict[str, str] = load_data("fuels")["resource_classes"]
    return mapping.get(resource_class)


def fuel_table() -> pl.DataFrame:
    """Return all fuels with their CO2 factor, biogenic share, confidence and source."""
    rows = []
    for fuel in load_data("fuels")["fuels"]:
        f = fuel_factor(fuel)
        rows.append(
            {
                "fuel": fuel,
                "co2_kg_per_gj": f.co2.value,
                "biogenic_share": f.biogenic_share,
                "confidence": f.co2.confidence,
                "status": f.co2.status,
                "source": f.co2.source,
            }
        )
    return pl.DataFrame(rows)


def fuel_energy(mass_flow: Any, calorific_value: Any) -> Any:
    """Energy [MWh/a] of ``mass_flow`` [t/a] of fuel with lower heating value ``calorific_value`` [MJ/kg].

    Examples
    --------
    >>> fuel_energy(36.0, 25.0)
    250.0
    """
    m = np.asarray(mass_flow, dtype=float)
    h = np.asarray(calorific_value, dtype=float)
    if np.any(m < 0) or np.any(h < 0):
        raise ValueError("mass_flow and calorific_value must not be negative")
    result = m * h / _GJ_PER_MWH
    return float(result) if result.ndim == 0 else result


def combustion_co2(energy_flow: Any, co2_factor: Any, biogenic_share: Any = 0.0) -> tuple[Any, Any]:
    """Fossil and biogenic CO2 [t/a] of burning ``energy_flow`` [MWh/a] at ``co2_factor`` [kg CO2/GJ].

    Parameters
    ----------
    energy_flow : float or array_like
        Fuel energy (lower heating value) [MWh/a].
    co2_factor : float or array_like
        Emission factor [kg CO2/GJ].
    biogenic_share : float or array_like
        Share of the carbon that is biogenic (0 fossil, 1 biomass).

    Returns
    -------
    tuple
        ``(fossil, biogenic)`` CO2 [t].

    Examples
    --------
    >>> combustion_co2(1000.0, 98.3)
    (353.88, 0.0)
    """
    e = np.asarray(energy_flow, dtype=float)
    f = np.asarray(co2_factor, dtype=float)
    b = np.asarray(biogenic_share, dtype=float)
    if np.any((b < 0) | (b > 1)):
        raise ValueError("biogenic_share must be between 0 and 1")
    total = e * _GJ_PER_MWH * f / 1000.0
    fossil, biogenic = np.round(total * (1.0 - b), 10), np.round(total * b, 10)
    if fossil.ndim == 0:
        return float(fossil), float(biogenic)
    return fossil, biogenic

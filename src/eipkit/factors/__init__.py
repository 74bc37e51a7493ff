"""Cited factors shared by the engines (bottom floor): emissions, tariffs, rules, solar resource.

Every value carries its source and a confidence tag carried over from
``vietnam-facts.yaml``: **H** official or cross-checked, **M** one reputable source, **L**
indicative. L values are never used silently: :func:`use_factor` issues a
:class:`LowConfidenceWarning` and records a note that results and the CLI show. Values the
sources leave null (the QCVN 41 acceptance limits, the 2026 surplus-solar price) stay null and
raise :class:`UnverifiedValueError` when a computation needs them: pass your own.

* :mod:`eipkit.factors.grid` - grid emission factor by year (DCC, official 2014-2023);
* :mod:`eipkit.factors.fuels` - IPCC 2006 fuel CO2 factors, fuel energy and combustion CO2;
* :mod:`eipkit.factors.tariffs` - EVN time-of-use tariffs (Decision 1279/QĐ-BCT) and schedules;
* :mod:`eipkit.factors.energy_rules` - rooftop-solar and DPPA rules, PV settings, solar
  resource of provinces, cost assumptions.

>>> from eipkit.factors import grid_emission_factor
>>> grid_emission_factor(2022).value
0.6766
"""

from eipkit.factors._base import Factor, LowConfidenceWarning, UnverifiedValueError, use_factor
from eipkit.factors.energy_rules import (
    cost_assumption,
    dppa_rule,
    nearest_solar_location,
    pv_setting,
    regional_yield,
    rooftop_solar_rule,
    solar_locations,
)
from eipkit.factors.fuels import FuelFactor, combustion_co2, fuel_energy, fuel_factor, fuel_of_class, fuel_table
from eipkit.factors.grid import grid_emission_factor, grid_emission_factors
from eipkit.factors.tariffs import PERIODS, REFERENCE_YEAR, hourly_tariff, tariff_prices, tou_schedules, tou_shares

__all__ = [
    "PERIODS",
    "REFERENCE_YEAR",
    "Factor",
    "FuelFactor",
    "LowConfidenceWarning",
    "UnverifiedValueError",
    "combustion_co2",
    "cost_assumption",
    "dppa_rule",
    "fuel_energy",
    "fuel_factor",
    "fuel_of_class",
    "fuel_table",
    "grid_emission_factor",
    "grid_emission_factors",
    "hourly_tariff",
    "nearest_solar_location",
    "pv_setting",
    "regional_yield",
    "rooftop_solar_rule",
    "solar_locations",
    "tariff_prices",
    "tou_schedules",
    "tou_shares",
    "use_factor",
]

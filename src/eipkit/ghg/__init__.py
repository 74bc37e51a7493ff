"""The park's greenhouse-gas account: scope 1 and 2 per firm, avoided emissions, the GHG indicator.

* :mod:`eipkit.ghg.account` - fuel combustion (IPCC 2006 tier 1) and grid electricity (official
  Vietnamese grid factor by year), per firm and for the park boundary;
* :mod:`eipkit.ghg.avoided` - avoided CO2 of RECP measures and symbiosis exchanges;
* :mod:`eipkit.ghg.indicator` - one record of key figures for the assessment and reports.

Units: CO2 in t/a, energy in MWh/a, intensity in t CO2 per billion VND of value added. Factors
come from :mod:`eipkit.factors` with their sources; data gaps are listed in ``notes``.

>>> from eipkit.ghg import ghg_account
>>> from eipkit.datasets import demo_park
>>> account = ghg_account(demo_park())      # doctest: +SKIP
"""

from eipkit.ghg.account import GhgAccount, GhgInputError, electricity_emissions, fuel_emissions, ghg_account
from eipkit.ghg.avoided import avoided_emissions, exchange_emissions, measure_emissions
from eipkit.ghg.indicator import ghg_indicator

__all__ = [
    "GhgAccount",
    "GhgInputError",
    "avoided_emissions",
    "electricity_emissions",
    "exchange_emissions",
    "fuel_emissions",
    "ghg_account",
    "ghg_indicator",
    "measure_emissions",
]

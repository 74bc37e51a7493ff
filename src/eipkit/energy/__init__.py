"""Energy: rooftop and ground solar (pvlib), wind (windpowerlib), self-consumption, business models.

Pure functions do the physics and the money (see each module for the method and references):

* :mod:`eipkit.energy.solar` - hourly PV output per kWp, offline (clear sky with pvlib's Linke
  turbidity, cited irradiation of Vietnamese provinces, Bendt daily variability, PVWatts);
* :mod:`eipkit.energy.wind` - turbine output from a mean wind speed (Weibull) or an hourly series;
* :mod:`eipkit.energy.load` - firm load profiles and the behind-the-meter split with the export cap
  of Decree 243/2026;
* :mod:`eipkit.energy.business` - self-investment, lease, on-site PPA, private-line and
  grid-connected DPPA: cash flows, NPV, IRR, payback, LCOE with time-of-use tariffs;
* :mod:`eipkit.energy.sensitivity` - tornado of the NPV;
* :mod:`eipkit.energy.park_energy` - rooftop PV of every firm, park wind and the solar/wind mix;
* :mod:`eipkit.energy.plots` - figures (matplotlib, imported only when drawing).

Units: power in kW (hourly series of 8,760 values = kWh per hour), annual energy in MWh/a, money
in VND, prices in VND/MWh. Every default carries its source; indicative (L) values are flagged in
the ``notes`` of each result.

>>> from eipkit.energy import roof_capacity
>>> roof_capacity(10_000.0, power_density=0.15)
1500.0
"""

from eipkit.energy._validate import EnergyInputError
from eipkit.energy.business import MODELS, BusinessCase, BusinessComparison, business_case, business_models
from eipkit.energy.load import SelfConsumption, load_profile, self_consumption, shift_profile
from eipkit.energy.park_energy import ParkSolar, compare_mix, firm_electricity, park_solar
from eipkit.energy.plots import plot_cash_flows, plot_monthly_balance, plot_tornado
from eipkit.energy.sensitivity import tornado
from eipkit.energy.solar import LOSS_PRESETS, MOUNTINGS, SolarProfile, clearness_quantiles, roof_capacity, solar_profile
from eipkit.energy.wind import WindProfile, turbine_types, wind_profile

__all__ = [
    "LOSS_PRESETS",
    "MODELS",
    "MOUNTINGS",
    "BusinessCase",
    "BusinessComparison",
    "EnergyInputError",
    "ParkSolar",
    "SelfConsumption",
    "SolarProfile",
    "WindProfile",
    "business_case",
    "business_models",
    "clearness_quantiles",
    "compare_mix",
    "firm_electricity",
    "load_profile",
    "park_solar",
    "plot_cash_flows",
    "plot_monthly_balance",
    "plot_tornado",
    "roof_capacity",
    "self_consumption",
    "shift_profile",
    "solar_profile",
    "tornado",
    "turbine_types",
    "wind_profile",
]

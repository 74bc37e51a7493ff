"""Heat integration: pinch targets, curves, utility placement and inter-firm heat recovery.

Pure, vectorised functions do the maths (see each module for the method and references):

* :mod:`eipkit.heat.pinch` - problem table algorithm, minimum utilities, pinch;
* :mod:`eipkit.heat.curves` - composite curves, grand composite curve, utility placement;
* :mod:`eipkit.heat.site` - firm targets, total site profiles, site target, pairwise recovery;
* :mod:`eipkit.heat.matches` - costed inter-firm matches (distance, pipe losses, fuel, money, CO2)
  in the candidate-link columns of :mod:`eipkit.network`;
* :mod:`eipkit.heat.plots` - figures (matplotlib, imported only when drawing).

:class:`PinchStudy` and :class:`SiteStudy` run a study and write its tables and figures.
Units: temperatures in °C, ΔT in K, heat capacity flowrates in kW/K, duties in kW (annual energy
in MWh/a), money in VND.

>>> from eipkit.heat import pinch_targets
>>> pinch_targets([20, 170, 80, 150], [135, 60, 140, 30], [2.0, 3.0, 4.0, 1.5], dtmin=10).hot_utility
20.0
"""

from eipkit.heat._validate import HEAT_STREAM_COLUMNS, HeatInputError, heat_stream_table
from eipkit.heat.curves import composite_curves, grand_composite_curve, place_utilities
from eipkit.heat.factors import annuity_factor, emission_factor, heat_assumptions, heat_factor_sources
from eipkit.heat.matches import heat_matches, receiver_prices
from eipkit.heat.park_streams import park_heat_streams
from eipkit.heat.pinch import PinchTargets, pinch_targets, problem_table, shifted_temperatures
from eipkit.heat.plots import plot_composite_curves, plot_grand_composite, plot_site_profiles
from eipkit.heat.site import SiteTargets, firm_targets, pairwise_recovery, site_segments, site_targets
from eipkit.heat.study import PinchStudy, SiteStudy

__all__ = [
    "HEAT_STREAM_COLUMNS",
    "HeatInputError",
    "PinchStudy",
    "PinchTargets",
    "SiteStudy",
    "SiteTargets",
    "annuity_factor",
    "composite_curves",
    "emission_factor",
    "firm_targets",
    "grand_composite_curve",
    "heat_assumptions",
    "heat_factor_sources",
    "heat_matches",
    "heat_stream_table",
    "pairwise_recovery",
    "park_heat_streams",
    "pinch_targets",
    "place_utilities",
    "plot_composite_curves",
    "plot_grand_composite",
    "plot_site_profiles",
    "problem_table",
    "receiver_prices",
    "shifted_temperatures",
    "site_segments",
    "site_targets",
]

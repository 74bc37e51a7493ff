"""Company-level RECP: indicators, sector benchmarks, option catalogue, cost-benefit and MAC curve.

* :mod:`eipkit.recp.indicators` - resource productivity and pollution intensity per firm
  (UNIDO/UNEP enterprise-level indicators), per unit of output and of value added;
* :mod:`eipkit.recp.benchmarks` - comparison with published sector benchmarks;
* :mod:`eipkit.recp.catalogue` - typical RECP options with published saving ranges, screened
  against each firm's data;
* :mod:`eipkit.recp.costbenefit` - NPV, IRR, payback and the marginal abatement cost curve of
  options (RECP measures, symbiosis and solar options together);
* :mod:`eipkit.recp.plots` - the MAC curve figure.

Units: energy MWh/a, water m³/a, mass t/a, CO2 t/a, money VND, MAC in VND per t CO2.

>>> from eipkit.recp import option_catalogue
>>> option_catalogue("beverage")["option"].to_list()[-1]
'brewery_water_best_practice'
"""

from eipkit.recp.benchmarks import benchmark_table, compare_benchmarks
from eipkit.recp.catalogue import option_catalogue, screen_options
from eipkit.recp.costbenefit import OPTION_COLUMNS, cost_benefit, mac_curve, measure_options
from eipkit.recp.indicators import POLLUTION, RESOURCES, firm_indicators, firm_resources
from eipkit.recp.plots import plot_mac_curve

__all__ = [
    "OPTION_COLUMNS",
    "POLLUTION",
    "RESOURCES",
    "benchmark_table",
    "compare_benchmarks",
    "cost_benefit",
    "firm_indicators",
    "firm_resources",
    "mac_curve",
    "measure_options",
    "option_catalogue",
    "plot_mac_curve",
    "screen_options",
]

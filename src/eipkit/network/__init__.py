"""Exchange-network selection: the best set of links for the park, its CO2 trade-off, fair shares.

* :mod:`eipkit.network.candidates` - the candidate-link table (plain polars columns; any engine
  can produce it, e.g. :func:`eipkit.heat.heat_matches`);
* :mod:`eipkit.network.from_park` - candidates from a park's planned exchanges and same-class
  supply/demand pairs;
* :mod:`eipkit.network.select` - the fixed-charge MILP (linopy + HiGHS, time limit, reported gap);
* :mod:`eipkit.network.pareto` - net benefit against CO2 avoided (ε-constraint);
* :mod:`eipkit.network.sharing` - what each firm gains under a fair sharing rule;
* :mod:`eipkit.network.plots` - network map and Pareto figure.

Amounts are per year in canonical units (t/a, m³/a, MWh/a), money in VND, CO2e in t.
linopy and highspy (extra ``opt``) are imported only when a network is solved.

>>> import polars as pl
>>> from eipkit.network import select_network
>>> c = pl.DataFrame({"id": ["L1"], "supplier": ["A"], "receiver": ["B"], "max_amount": [10.0],
...                   "receiver_saving": [500.0]})
>>> select_network(c, time_limit=5).net_benefit
5000.0
"""

from eipkit.network.candidates import CANDIDATE_COLUMNS, NetworkInputError, candidate_table
from eipkit.network.from_park import link_assumptions, park_candidates
from eipkit.network.pareto import pareto_front
from eipkit.network.plots import plot_network_map, plot_pareto_front
from eipkit.network.select import NetworkSolution, check_solution, select_network
from eipkit.network.sharing import SHARING_RULES, firm_gains, share_benefits
from eipkit.network.study import NetworkStudy

__all__ = [
    "CANDIDATE_COLUMNS",
    "SHARING_RULES",
    "NetworkInputError",
    "NetworkSolution",
    "NetworkStudy",
    "candidate_table",
    "check_solution",
    "firm_gains",
    "link_assumptions",
    "pareto_front",
    "park_candidates",
    "plot_network_map",
    "plot_pareto_front",
    "select_network",
    "share_benefits",
]

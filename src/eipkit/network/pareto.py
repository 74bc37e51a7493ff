r"""Money against CO2: the Pareto front of exchange networks by the ε-constraint method.

The two objectives are the net annual benefit :math:`B(x, y)` [VND/a] and the CO2e avoided
:math:`E(x) = \sum_l e_l x_l` [t/a]. The ε-constraint method (Haimes, Lasdon & Wismer 1971;
Mavrotas 2009) finds the two ends and points in between:

1. :math:`\max B` gives the cheapest end, with :math:`E_{lo} = E(x^*)`;
2. :math:`\max E` gives :math:`E_{hi}`, then :math:`\max B` s.t. :math:`E \ge E_{hi}` gives the
   best network at that CO2 (lexicographic, so the end point is not dominated);
3. for :math:`\varepsilon_k` evenly spaced in :math:`(E_{lo}, E_{hi})`: :math:`\max B` s.t.
   :math:`E \ge \varepsilon_k`.

Each solve has its own time limit and reports its gap; points whose solve did not finish are
kept and marked, and a point worse on both objectives than another is marked ``dominated``.

References
----------
.. [1] Haimes, Y. Y., Lasdon, L. S. and Wismer, D. A. (1971). On a bicriterion formulation of
   the problems of integrated system identification and system optimization. IEEE Transactions on
   Systems, Man, and Cybernetics SMC-1(3), 296-297.
.. [2] Mavrotas, G. (2009). Effective implementation of the ε-constraint method in
   multi-objective mathematical programming problems. Applied Mathematics and Computation
   213(2), 455-465.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from eipkit.network.candidates import candidate_table
from eipkit.network.select import NetworkSolution, select_network

__all__ = ["pareto_front"]

_REL = 1e-6


def pareto_front(
    candidates: pl.DataFrame,
    points: int = 5,
    time_limit: float = 60.0,
    relative_gap: float = 1e-3,
) -> tuple[pl.DataFrame, list[NetworkSolution]]:
    """Trace the trade-off between net annual benefit and CO2e avoided.

    Parameters
    ----------
    candidates : polars.DataFrame
        Candidate links (:mod:`eipkit.network.candidates`).
    points : int
        Number of points including both ends (>= 2).
    time_limit : float
        Time limit of *each* solve [s].
    relative_gap : float
        Relative gap of each solve [-].

    Returns
    -------
    front : polars.DataFrame
        One row per point, from the most profitable to the most CO2-saving: ``point``,
        ``co2_min`` [t/a], ``co2_avoided`` [t/a], ``net_benefit`` [VND/a], ``links`` (number
        built), ``status``, ``gap`` (reported relative gap) and ``dominated``.
    solutions : list of NetworkSolution
        The network of each point, in the same order.
    """
    if points < 2:
        raise ValueError(f"points must be at least 2 (the two ends); got {points}")
    table = candidate_table(candidates)
    best = select_network(table, time_limit, relative_gap)
    solutions = [best]
    co2_lo = best.co2_avoided
    greenest = select_network(table, time_limit, relative_gap, objective="co2")
    co2_hi = greenest.co2_avoided
    if greenest.status in ("optimal", "feasible") and co2_hi > co2_lo * (1 + _REL) + _REL:
        floors = np.linspace(co2_lo, co2_hi, points)[1:]
        floors[-1] = co2_hi * (1 - _REL) if co2_hi > 0 else co2_hi
        for floor in floors:
            solutions.append(select_network(table, time_limit, relative_gap, co2_min=float(floor)))
    rows = [
        {
            "point": i,
            "co2_min": s.co2_min,
            "co2_avoided": s.co2_avoided,
            "net_benefit": s.net_benefit,
            "links": s.selected.height,
            "status": s.status,
            "gap": s.gap,
        }
        for i, s in enumerate(solutions)
    ]
    front = pl.DataFrame(
        rows,
        schema={
            "point": pl.Int64,
            "co2_min": pl.Float64,
            "co2_avoided": pl.Float64,
            "net_benefit": pl.Float64,
            "links": pl.Int64,
            "status": pl.String,
            "gap": pl.Float64,
        },
    )
    co2 = front.get_column("co2_avoided").to_numpy()
    money = front.get_column("net_benefit").to_numpy()
    t_m = _REL * max(1.0, float(np.abs(money).max()))
    t_c = _REL * max(1.0, float(np.abs(co2).max()))
    dominated = [
        bool(
            np.any(
                (co2 >= co2[i] - t_c) & (money >= money[i] - t_m) & ((co2 > co2[i] + t_c) | (money > money[i] + t_m))
            )
        )
        for i in range(front.height)
    ]
    return front.with_columns(pl.Series("dominated", dominated)), solutions

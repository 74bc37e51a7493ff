r"""Choosing a consistent set of opportunities: a small MILP (linopy + HiGHS).

Several suppliers may compete for one demand and one supply may serve several demands; ranking
pairs one by one would promise the same tonne twice. Variables: amount :math:`x_c \ge 0`
[supply units/a] and build decision :math:`y_c \in \{0, 1\}` per candidate :math:`c`.

.. math::
    \max \sum_c m_c x_c - F_c y_c \quad \text{s.t.} \quad
    x_c \le \bar{x}_c\,y_c, \qquad
    \sum_{c \in s} x_c \le A_s \;\forall s, \qquad
    \sum_{c \in d} f_c x_c \le A_d \;\forall d

with :math:`m_c` the central margin per unit (savings minus processing and transport),
:math:`F_c` the annualised investment plus O&M [VND/a], :math:`\bar{x}_c` the matched amount
of the pair, :math:`A_s, A_d` the supply and demand amounts and :math:`f_c` the unit conversion.
This is the fixed-charge transportation problem (Balinski 1961), solved by HiGHS branch and cut
(Huangfu and Hall 2018) with a time limit and a relative MIP gap; both are reported. Only
feasible candidates with a positive margin enter. Money is scaled to million VND in the model.

References
----------
.. [1] Balinski, M. L. (1961). Fixed-cost transportation problems. Naval Research Logistics
   Quarterly 8(1), 41-54.
.. [2] Huangfu, Q. and Hall, J. A. J. (2018). Parallelizing the dual revised simplex method.
   Mathematical Programming Computation 10(1), 119-142.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import polars as pl

from eipkit._quiet import quiet_stdout

__all__ = ["Selection", "select_opportunities"]

_SCALE = 1e-6


@dataclass
class Selection:
    """Result of :func:`select_opportunities`.

    Attributes
    ----------
    chosen : polars.DataFrame
        ``cid``, ``selected`` (bool), ``selected_amount`` [supply units/a].
    status : str
        ``optimal``, ``time_limit`` (best solution found, see ``gap``), ``infeasible``, ``empty``
        (nothing to choose) or the solver's status.
    objective : float
        Net benefit of the chosen set [VND/a] (central values).
    gap : float
        Relative MIP gap at the end (0 = proven optimal).
    time_limit : float
        Seconds allowed; ``runtime`` seconds used.
    """

    chosen: pl.DataFrame
    status: str
    objective: float
    gap: float
    time_limit: float
    runtime: float
    relative_gap: float
    variables: int = 0
    messages: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, float | str | int]:
        """Return the solve summary (status, objective, gap, times, size)."""
        return {
            "status": self.status,
            "objective": self.objective,
            "gap": self.gap,
            "relative_gap": self.relative_gap,
            "time_limit": self.time_limit,
            "runtime": self.runtime,
            "variables": self.variables,
            "selected": int(self.chosen.get_column("selected").sum()) if self.chosen.height else 0,
        }


def _group_sum(model: Any, labels: Any, groups: Any, weights: Any, name: str) -> tuple[Any, list[str]]:
    """Return the expression sum_{c in g} w_c x_c for every group g (vectorised, no groupby)."""
    import linopy
    import xarray as xr

    uniq, inv = np.unique(groups, return_inverse=True)
    order = np.argsort(inv, kind="stable")
    counts = np.bincount(inv)
    pos = np.arange(len(groups)) - np.repeat(np.cumsum(counts) - counts, counts)
    terms = -np.ones((len(uniq), int(counts.max())), dtype=np.int64)
    coeffs = np.zeros(terms.shape)
    terms[inv[order], pos] = labels[order]
    coeffs[inv[order], pos] = weights[order]
    index = [str(u) for u in uniq]
    data = xr.Dataset({"coeffs": ((name, "_term"), coeffs), "vars": ((name, "_term"), terms)}, coords={name: index})
    return linopy.LinearExpression(data, model), index


def select_opportunities(
    opportunities: pl.DataFrame, time_limit: float = 10.0, relative_gap: float = 1e-3
) -> Selection:
    """Choose the set of opportunities with the largest total net benefit, capacities respected.

    Parameters
    ----------
    opportunities : polars.DataFrame
        ``cid``, ``supply_stream``, ``demand_stream``, ``amount`` (matched, supply units/a),
        ``factor``, ``s_amount``, ``d_amount``, ``unit_margin`` [VND per supply unit] and
        ``fixed_cost`` [VND/a]; rows with a non-positive margin or amount are left out.
    time_limit : float
        Solver time limit [s].
    relative_gap : float
        Relative MIP gap at which the solver stops.

    Returns
    -------
    Selection
        The choice, with solver status (``optimal``; ``time_limit`` with the best solution found
        and its gap; ``no_solution`` when time ran out before any; ``infeasible``), objective,
        final gap and run time.

    Raises
    ------
    ValueError
        If ``time_limit`` or ``relative_gap`` is not positive, or a column is missing.
    """
    if not time_limit > 0 or not 0 < relative_gap < 1:
        raise ValueError(f"time_limit must be positive and relative_gap in (0, 1) (got {time_limit}, {relative_gap})")
    need = (
        "cid",
        "supply_stream",
        "demand_stream",
        "amount",
        "factor",
        "s_amount",
        "d_amount",
        "unit_margin",
        "fixed_cost",
    )
    missing = [c for c in need if c not in opportunities.columns]
    if missing:
        raise ValueError(f"opportunities lack columns {missing}; pass the output of match_park (opportunities)")
    pool = opportunities.filter((pl.col("unit_margin") > 0) & (pl.col("amount") > 0))
    empty = pl.DataFrame(
        {"cid": opportunities.get_column("cid"), "selected": False, "selected_amount": 0.0},
        schema={"cid": pl.Int64, "selected": pl.Boolean, "selected_amount": pl.Float64},
    )
    if pool.height == 0:
        return Selection(empty, "empty", 0.0, 0.0, time_limit, 0.0, relative_gap)
    import linopy
    import xarray as xr

    n = pool.height
    cand = np.arange(n)

    def arr(values: Any) -> Any:
        return xr.DataArray(np.asarray(values, dtype=float), coords={"cand": cand}, dims="cand")

    ub = pool.get_column("amount").to_numpy()
    margin = pool.get_column("unit_margin").to_numpy() * _SCALE
    fixed = pool.get_column("fixed_cost").fill_null(0.0).to_numpy() * _SCALE
    m = linopy.Model()
    x = m.add_variables(lower=0, upper=arr(ub), name="amount")
    has_fixed = bool((fixed > 0).any())
    objective = (arr(margin) * x).sum()
    if has_fixed:
        y = m.add_variables(binary=True, coords=[cand], dims=["cand"], name="build")
        m.add_constraints(x - arr(ub) * y <= 0, name="link")
        objective = objective - (arr(fixed) * y).sum()
    labels = np.asarray(x.labels.values)
    for key, amount, weight, name in (
        ("supply_stream", "s_amount", np.ones(n), "supply"),
        ("demand_stream", "d_amount", pool.get_column("factor").to_numpy(), "demand"),
    ):
        lhs, groups = _group_sum(m, labels, pool.get_column(key).to_numpy().astype(str), weight, name)
        caps = dict(pool.group_by(key).agg(pl.col(amount).first()).iter_rows())
        rhs = np.array([caps[g] for g in groups], dtype=float)
        m.add_constraints(lhs <= xr.DataArray(rhs, coords={name: groups}, dims=name), name=name)
    m.add_objective(objective, sense="max")
    start = time.perf_counter()
    with quiet_stdout():
        m.solve(
            solver_name="highs",
            io_api="direct",
            time_limit=float(time_limit),
            mip_rel_gap=float(relative_gap),
            output_flag=False,
            log_to_console=False,
            random_seed=0,
        )
    runtime = time.perf_counter() - start
    condition = str(m.termination_condition)
    highs = m.solver_model
    info = highs.getInfo() if highs is not None else None
    has_solution = bool(info is not None and info.primal_solution_status == 2)
    if not has_solution:
        status = "infeasible" if "infeasible" in condition else ("no_solution" if "limit" in condition else condition)
        return Selection(empty, status, float("nan"), float("nan"), time_limit, runtime, relative_gap, n)
    gap = float(info.mip_gap) if info is not None and has_fixed else 0.0
    gap = gap if np.isfinite(gap) else float("nan")
    values = np.nan_to_num(np.asarray(x.solution.values, dtype=float))
    chosen = pool.select("cid").with_columns(
        pl.Series("selected", values > 1e-9 * np.maximum(ub, 1.0)), pl.Series("selected_amount", values)
    )
    out = (
        empty.drop("selected", "selected_amount")
        .join(chosen, on="cid", how="left")
        .with_columns(pl.col("selected").fill_null(False), pl.col("selected_amount").fill_null(0.0))
    )
    objective_value = float(m.objective.value) / _SCALE if m.objective.value is not None else float("nan")
    status = "optimal" if condition == "optimal" else ("time_limit" if "limit" in condition else condition)
    return Selection(out, status, objective_value, gap, time_limit, runtime, relative_gap, n)

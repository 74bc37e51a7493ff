r"""Choosing the best set of exchanges for the park: a fixed-charge network MILP (linopy + HiGHS).

Sets: links :math:`l`, supply nodes :math:`s`, demand nodes :math:`d`, groups of links sharing
infrastructure :math:`g`. Variables: flow :math:`x_l \ge 0` [t/a, m³/a or MWh/a], build
:math:`y_l \in \{0,1\}`, group build :math:`z_g \in \{0,1\}`.

.. math::
    \max \; B = \sum_l m_l x_l - \sum_l F_l y_l - \sum_g G_g z_g,
    \qquad m_l = \sigma^{sup}_l + \sigma^{rec}_l - v_l

subject to

.. math::
    x_l &\le \bar{x}_l\, y_l                         && \text{(capacity, only if built)} \\
    \sum_{l \in s} \phi_l x_l &\le S_s                && \text{(supply node limit)} \\
    \sum_{l \in d} x_l &\le D_d                       && \text{(demand node limit)} \\
    \sum_{l \in g} y_l &\le |g|\, z_g                 && \text{(a link needs its group)} \\
    \sum_l e_l x_l &\ge E_{min}                       && \text{(optional CO2 floor)}

with :math:`\sigma^{sup}, \sigma^{rec}` the supplier's and receiver's savings per unit,
:math:`v` the running cost per unit, :math:`F` and :math:`G` fixed yearly costs,
:math:`\bar{x}` the link capacity, :math:`\phi` the supply factor, :math:`S, D` the node limits
and :math:`e` the CO2 avoided per unit (columns of :mod:`eipkit.network.candidates`). With
``objective="co2"`` the objective is :math:`\max \sum_l e_l x_l` instead.

This is the fixed-charge network design / facility-location structure (e.g. Balinski 1961;
Magnanti & Wong 1984), applied to industrial symbiosis networks as in Boix et al. (2015). HiGHS
solves it by branch and cut (Huangfu & Hall 2018) with a time limit and a relative gap; the
solution reports both, and every reported flow is checked against every capacity. Links (and
groups) that lose money in the returned solution, which a solve stopped within its gap may keep,
are then dropped; this keeps the solution feasible and can only raise its benefit, so the
reported gap (the solver's, before this step) stays an upper bound.

References
----------
.. [1] Balinski, M. L. (1961). Fixed-cost transportation problems. Naval Research Logistics
   Quarterly 8(1), 41-54.
.. [2] Magnanti, T. L. and Wong, R. T. (1984). Network design and transportation planning:
   models and algorithms. Transportation Science 18(1), 1-55.
.. [3] Boix, M., Montastruc, L., Azzaro-Pantel, C. and Domenech, S. (2015). Optimization methods
   applied to the design of eco-industrial parks: a literature review. Journal of Cleaner
   Production 87, 303-317.
.. [4] Huangfu, Q. and Hall, J. A. J. (2018). Parallelizing the dual revised simplex method.
   Mathematical Programming Computation 10(1), 119-142 (HiGHS).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
import polars as pl

from eipkit.network._solver import solve
from eipkit.network.candidates import NetworkInputError, candidate_table

__all__ = ["NetworkSolution", "check_solution", "select_network"]

_SCALE = 1e-6  # money in the model in million VND
_OBJECTIVES = ("benefit", "co2")
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class NetworkSolution:
    """The chosen network.

    Attributes
    ----------
    status : str
        ``optimal`` (within ``relative_gap``), ``feasible`` (best found when the time limit was
        reached; see ``gap``), ``no_solution``, ``infeasible`` (e.g. a CO2 floor no network reaches)
        or ``empty``.
    net_benefit : float
        Net annual benefit of the chosen links [VND/a].
    co2_avoided : float
        CO2e avoided by the chosen links [t/a].
    gap : float or None
        Relative optimality gap reported by HiGHS (0 = proven optimal).
    dual_bound : float or None
        Bound on the best objective [VND/a, or t/a for ``objective="co2"``].
    solve_time : float
        Solver time [s].
    time_limit, relative_gap : float
        Limits the solve ran with (seconds, relative gap).
    objective : str
        ``benefit`` or ``co2``.
    links : polars.DataFrame
        Every candidate with ``flow`` [per year], ``built`` (bool), ``benefit`` [VND/a, before
        shared group costs] and ``co2`` [t/a].
    violations : tuple of str
        Capacity or limit breaches found when checking the solution (empty when feasible).
    co2_min : float or None
        CO2 floor the solve was given [t/a].
    """

    status: str
    net_benefit: float
    co2_avoided: float
    gap: float | None
    dual_bound: float | None
    solve_time: float
    time_limit: float
    relative_gap: float
    objective: str
    links: pl.DataFrame = field(repr=False)
    violations: tuple[str, ...] = ()
    co2_min: float | None = None

    @property
    def feasible(self) -> bool:
        """True when a solution exists and respects every capacity and limit."""
        return self.status in ("optimal", "feasible", "empty") and not self.violations

    @property
    def selected(self) -> pl.DataFrame:
        """The links built."""
        return self.links.filter(pl.col("built"))

    def as_dict(self) -> dict[str, Any]:
        """Return the solution summary and chosen links as plain data (for JSON)."""
        return {
            "status": self.status,
            "objective": self.objective,
            "net_benefit": self.net_benefit,
            "co2_avoided": self.co2_avoided,
            "gap": self.gap,
            "dual_bound": self.dual_bound,
            "solve_time": self.solve_time,
            "time_limit": self.time_limit,
            "relative_gap": self.relative_gap,
            "co2_min": self.co2_min,
            "violations": list(self.violations),
            "links": self.selected.to_dicts(),
        }

    def __repr__(self) -> str:
        gap = "n/a" if self.gap is None else f"{self.gap:.2%}"
        return (
            f"<NetworkSolution {self.status}: {self.selected.height} of {self.links.height} links, "
            f"net benefit {self.net_benefit:,.0f} VND/a, CO2 avoided {self.co2_avoided:,.1f} t/a, gap {gap}>"
        )


def _codes(labels: list[Any], ids: list[str], prefix: str) -> npt.NDArray[np.int64]:
    keys = [f"{prefix}{i}" if lab is None else str(lab) for lab, i in zip(labels, ids, strict=True)]
    return np.unique(np.asarray(keys, dtype=object), return_inverse=True)[1].astype(np.int64)


def _node_limits(codes: npt.NDArray[np.int64], amounts: FloatArray) -> FloatArray:
    limits = np.full(int(codes.max()) + 1, np.inf)
    given = np.isfinite(amounts)
    limits[codes[given]] = amounts[given]
    return limits


def _build(table: pl.DataFrame, objective: str, co2_min: float | None) -> tuple[Any, dict[str, Any]]:
    import linopy
    import xarray as xr

    n = table.height
    idx = {"link": np.arange(n)}

    def arr(name: str) -> xr.DataArray:
        return xr.DataArray(table.get_column(name).fill_null(np.nan).to_numpy().astype(float), coords=idx)

    cap = arr("max_amount")
    ids = table.get_column("id").to_list()
    s_codes = _codes(table.get_column("supply_stream").to_list(), ids, "\x00s")
    d_codes = _codes(table.get_column("demand_stream").to_list(), ids, "\x00d")
    s_lim = _node_limits(s_codes, table.get_column("supply_amount").fill_null(np.nan).to_numpy().astype(float))
    d_lim = _node_limits(d_codes, table.get_column("demand_amount").fill_null(np.nan).to_numpy().astype(float))
    m = linopy.Model()
    x = m.add_variables(lower=0.0, upper=cap, name="Link-flow")
    y = m.add_variables(coords=cap.coords, binary=True, name="Link-build")
    m.add_constraints(x - cap * y <= 0, name="Link-capacity")
    for nodes, limits, weight, dim in (
        (s_codes, s_lim, arr("supply_factor"), "supply"),
        (d_codes, d_lim, xr.DataArray(np.ones(n), coords=idx), "demand"),
    ):
        used = (x * weight).groupby(xr.DataArray(nodes, coords=idx, name=dim)).sum()
        rhs = xr.DataArray(np.where(np.isfinite(limits), limits, 0.0), coords={dim: np.arange(limits.size)})
        mask = xr.DataArray(np.isfinite(limits), coords={dim: np.arange(limits.size)})
        if mask.any():
            m.add_constraints(used <= rhs, name=f"Node-{dim}", mask=mask)
    margin = (arr("supplier_saving") + arr("receiver_saving") - arr("variable_cost")) * _SCALE
    fixed = arr("fixed_cost") * _SCALE
    benefit = (x * margin).sum() - (y * fixed).sum()
    group = table.get_column("group").to_list()
    if any(g is not None for g in group):
        has = np.array([g is not None for g in group])
        g_codes = np.unique(np.asarray([g for g in group if g is not None], dtype=object), return_inverse=True)[1]
        labels = np.full(n, -1, dtype=np.int64)
        labels[has] = g_codes
        n_groups = int(g_codes.max()) + 1
        gidx = {"group_id": np.arange(n_groups)}
        z = m.add_variables(coords=xr.Coordinates(gidx), binary=True, name="Group-build")
        gcost = np.zeros(n_groups)
        gcost[labels[has]] = table.get_column("group_fixed_cost").fill_null(0.0).to_numpy()[has]
        counts = np.bincount(labels[has], minlength=n_groups).astype(float)
        members = (
            y.where(xr.DataArray(has, coords=idx))
            .groupby(xr.DataArray(np.where(has, labels, 0), coords=idx, name="group_id"))
            .sum()
        )
        m.add_constraints(members - xr.DataArray(counts, coords=gidx) * z <= 0, name="Group-link")
        benefit = benefit - (z * xr.DataArray(gcost * _SCALE, coords=gidx)).sum()
    co2 = (x * arr("co2_avoided_per_unit")).sum()
    if co2_min is not None:
        m.add_constraints(co2 >= float(co2_min), name="CO2-floor")
    m.add_objective(benefit if objective == "benefit" else co2, sense="max")
    return m, {"x": x, "y": y, "s_codes": s_codes, "d_codes": d_codes, "s_lim": s_lim, "d_lim": d_lim}


def _clean(table: pl.DataFrame, flow: FloatArray, built: FloatArray, parts: dict[str, Any]) -> FloatArray:
    """Snap solver values onto the feasible set (solver tolerances are ~1e-7 relative)."""
    cap = table.get_column("max_amount").to_numpy()
    on = np.round(built) > 0.5
    x = np.where(on, np.clip(np.nan_to_num(flow), 0.0, cap), 0.0)
    x[x < 1e-9 * np.maximum(cap, 1.0)] = 0.0
    factor = table.get_column("supply_factor").to_numpy()
    for codes, limits, weight in ((parts["s_codes"], parts["s_lim"], factor), (parts["d_codes"], parts["d_lim"], 1.0)):
        used = np.bincount(codes, weights=x * weight, minlength=limits.size)
        with np.errstate(divide="ignore", invalid="ignore"):
            scale = np.where(used > limits, limits / used, 1.0)
        x = x * scale[codes]
    return np.asarray(x, dtype=float)


def check_solution(links: pl.DataFrame, rel_tol: float = 1e-7) -> tuple[str, ...]:
    """Return every breach of a link capacity, node limit or build decision in a solution.

    Parameters
    ----------
    links : polars.DataFrame
        ``NetworkSolution.links`` (candidate columns plus ``flow`` and ``built``).
    rel_tol : float
        Relative tolerance [-].

    Returns
    -------
    tuple of str
        Human-readable breaches; empty when the solution respects every limit.
    """
    out: list[str] = []
    if links.height == 0:
        return ()
    flow = links.get_column("flow").to_numpy()
    cap = links.get_column("max_amount").to_numpy()
    built = links.get_column("built").to_numpy()
    ids = links.get_column("id").to_list()
    for i in np.flatnonzero((flow < -rel_tol * cap) | (flow > cap * (1 + rel_tol)) | ((flow > 0) & ~built)):
        out.append(f"link {ids[i]}: flow {flow[i]:g} outside [0, {cap[i]:g}] or not built")
    for node, amount, weight in (
        ("supply_stream", "supply_amount", "supply_factor"),
        ("demand_stream", "demand_amount", None),
    ):
        w = pl.col(weight) if weight else pl.lit(1.0)
        frame = links.with_columns(
            pl.coalesce(node, pl.format("\x00{}", "id")).alias("_node"), (pl.col("flow") * w).alias("_use")
        )
        over = (
            frame.filter(pl.col(amount).is_not_null())
            .group_by("_node")
            .agg(pl.col("_use").sum(), pl.col(amount).first())
            .filter(pl.col("_use") > pl.col(amount) * (1 + rel_tol) + rel_tol)
        )
        for row in over.iter_rows(named=True):
            out.append(
                f"{node.split('_')[0]} node {row['_node'].lstrip(chr(0))}: uses {row['_use']:g} > {row[amount]:g}"
            )
    return tuple(out)


def select_network(
    candidates: pl.DataFrame,
    time_limit: float = 60.0,
    relative_gap: float = 1e-3,
    co2_min: float | None = None,
    objective: str = "benefit",
) -> NetworkSolution:
    """Choose the links that maximise the park's net annual benefit (or CO2 avoided).

    Parameters
    ----------
    candidates : polars.DataFrame
        Candidate links (:mod:`eipkit.network.candidates`).
    time_limit : float
        Solver time limit [s]; the best solution found is returned with its gap when reached.
    relative_gap : float
        Relative optimality gap at which HiGHS may stop [-], e.g. 0.001.
    co2_min : float, optional
        Floor on the CO2e avoided [t/a] (used to trace the Pareto front).
    objective : str
        ``benefit`` (net annual benefit, VND/a) or ``co2`` (t CO2e avoided per year).

    Returns
    -------
    NetworkSolution

    Examples
    --------
    Two suppliers compete for one receiver that can take 100 t/a:

    >>> c = pl.DataFrame({"id": ["A-C", "B-C"], "supplier": ["A", "B"], "receiver": ["C", "C"],
    ...     "max_amount": [80.0, 80.0], "demand_stream": ["C_in", "C_in"], "demand_amount": [100.0, 100.0],
    ...     "receiver_saving": [1000.0, 900.0], "fixed_cost": [10_000.0, 10_000.0]})
    >>> s = select_network(c, time_limit=10)
    >>> s.status, s.selected["flow"].to_list(), s.net_benefit
    ('optimal', [80.0, 20.0], 78000.0)
    """
    if objective not in _OBJECTIVES:
        raise NetworkInputError(f"objective must be one of {', '.join(_OBJECTIVES)}; got {objective!r}")
    table = candidate_table(candidates)
    if table.height == 0:
        empty = table.with_columns(
            pl.lit(0.0).alias("flow"),
            pl.lit(False).alias("built"),
            pl.lit(0.0).alias("benefit"),
            pl.lit(0.0).alias("co2"),
        )
        return NetworkSolution(
            "empty", 0.0, 0.0, 0.0, 0.0, 0.0, float(time_limit), float(relative_gap), objective, empty, (), co2_min
        )
    model, parts = _build(table, objective, co2_min)
    report = solve(model, time_limit, relative_gap)
    if not report.has_solution:
        links = table.with_columns(
            pl.lit(0.0).alias("flow"),
            pl.lit(False).alias("built"),
            pl.lit(0.0).alias("benefit"),
            pl.lit(0.0).alias("co2"),
        )
        return NetworkSolution(
            report.status if report.status != "feasible" else "no_solution",
            0.0,
            0.0,
            None,
            None,
            report.solve_time,
            float(time_limit),
            float(relative_gap),
            objective,
            links,
            (),
            co2_min,
        )
    flow = _clean(table, parts["x"].solution.to_numpy(), parts["y"].solution.to_numpy(), parts)
    links = _with_results(table, flow)
    if objective == "benefit" and co2_min is None:
        links = _prune(table, links)
    net = _net_benefit(links)
    bound = report.dual_bound
    if bound is not None and objective == "benefit":
        bound = bound / _SCALE
    return NetworkSolution(
        status=report.status,
        net_benefit=net,
        co2_avoided=float(links.get_column("co2").sum()),
        gap=report.gap,
        dual_bound=bound,
        solve_time=report.solve_time,
        time_limit=float(time_limit),
        relative_gap=float(relative_gap),
        objective=objective,
        links=links,
        violations=check_solution(links),
        co2_min=co2_min,
    )


def _with_results(table: pl.DataFrame, flow: FloatArray) -> pl.DataFrame:
    margin = pl.col("supplier_saving") + pl.col("receiver_saving") - pl.col("variable_cost")
    return table.with_columns(pl.Series("flow", flow), pl.Series("built", flow > 0)).with_columns(
        pl.when(pl.col("built")).then(margin * pl.col("flow") - pl.col("fixed_cost")).otherwise(0.0).alias("benefit"),
        (pl.col("flow") * pl.col("co2_avoided_per_unit")).alias("co2"),
    )


def _prune(table: pl.DataFrame, links: pl.DataFrame) -> pl.DataFrame:
    """Drop built links (and groups) that lose money: a solution stopped within its gap may keep them.

    Removing a link only lowers node use, so the result stays feasible and its benefit can only rise.
    """
    flow = links.get_column("flow").to_numpy().copy()
    while True:
        current = _with_results(table, flow)
        losing = (current.get_column("benefit").to_numpy() < 0) & current.get_column("built").to_numpy()
        groups = (
            current.filter(pl.col("built") & pl.col("group").is_not_null())
            .group_by("group")
            .agg((pl.col("benefit").sum() - pl.col("group_fixed_cost").first().fill_null(0.0)).alias("net"))
            .filter(pl.col("net") < 0)
            .get_column("group")
            .to_list()
        )
        losing |= current.get_column("group").is_in(groups).fill_null(False).to_numpy()
        if not losing.any():
            return current
        flow[losing] = 0.0


def _net_benefit(links: pl.DataFrame) -> float:
    """Sum of link benefits minus the fixed cost of every group with a built link."""
    groups = (
        links.filter(pl.col("built") & pl.col("group").is_not_null())
        .group_by("group")
        .agg(pl.col("group_fixed_cost").first().fill_null(0.0))
    )
    total = links.get_column("benefit").to_numpy().sum() - groups.get_column("group_fixed_cost").to_numpy().sum()
    return float(total)

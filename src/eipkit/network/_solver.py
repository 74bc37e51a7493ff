"""Running HiGHS through linopy quietly and reading its status, gap and bound."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eipkit._quiet import quiet_stdout

__all__ = ["SolveReport", "quiet_stdout", "solve"]


@dataclass(frozen=True)
class SolveReport:
    """What the solver said: ``status`` is optimal, feasible (time ran out), no_solution, infeasible or error."""

    status: str
    gap: float | None
    dual_bound: float | None
    solve_time: float
    has_solution: bool


def solve(model: Any, time_limit: float, relative_gap: float) -> SolveReport:
    """Solve a linopy model with HiGHS under a time limit and a relative gap; never raise on status."""
    if not time_limit > 0:
        raise ValueError(f"time_limit must be positive seconds; got {time_limit!r}")
    if not 0 <= relative_gap < 1:
        raise ValueError(f"relative_gap must be a relative gap in [0, 1); got {relative_gap!r}")
    with quiet_stdout():
        model.solve(
            solver_name="highs",
            io_api="direct",
            time_limit=float(time_limit),
            mip_rel_gap=float(relative_gap),
            output_flag=False,
            log_to_console=False,
            random_seed=0,
        )
    condition = str(model.termination_condition)
    highs = model.solver_model
    info = highs.getInfo() if highs is not None else None
    gap = float(info.mip_gap) if info is not None else None
    bound = float(info.mip_dual_bound) if info is not None else None
    solve_time = float(highs.getRunTime()) if highs is not None else 0.0
    has_solution = bool(info is not None and info.primal_solution_status == 2)
    if condition == "optimal":
        status = "optimal"
    elif condition == "infeasible" or condition == "infeasible_or_unbounded":
        status = "infeasible"
    elif condition in ("time_limit", "terminated_by_limit", "iteration_limit"):
        status = "feasible" if has_solution else "no_solution"
    else:
        status = "feasible" if has_solution else "error"
    if gap is not None and not (gap == gap and abs(gap) != float("inf")):
        gap = None
    return SolveReport(status=status, gap=gap, dual_bound=bound, solve_time=solve_time, has_solution=has_solution)

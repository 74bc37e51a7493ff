"""Benchmark: exchange-network selection (fixed-charge MILP, linopy + HiGHS) over many candidates.

Usage::

    .venv/bin/python benchmarks/bench_network.py                  # 5,000 candidate links
    .venv/bin/python benchmarks/bench_network.py --links 20000 --time-limit 120 --pareto 3

Candidates are random (seeded): 400 firms, supply and demand nodes shared by about five links
each, capacities 10-1,000 units/a, margins -50,000 to 400,000 VND/unit, fixed costs 5-300 million
VND/a, a tenth of the links in 50 shared-infrastructure groups. Prints the time to check the
table, to build and solve (with status and the reported gap), the capacity check, and the peak
resident memory of the process (ru_maxrss).
"""

from __future__ import annotations

import argparse
import resource
import time

import numpy as np
import polars as pl


def candidates(n: int, seed: int = 1) -> pl.DataFrame:
    """Random candidate-link table with ``n`` links."""
    rng = np.random.default_rng(seed)
    firms = 400
    n_supply, n_demand = max(1, n // 5), max(1, n // 5)
    sup_node = rng.integers(0, n_supply, n)
    dem_node = rng.integers(0, n_demand, n)
    supplier = sup_node % firms
    receiver = (dem_node * 7 + 3) % firms
    receiver = np.where(receiver == supplier, (receiver + 1) % firms, receiver)
    supply_cap = rng.uniform(50.0, 3000.0, n_supply)
    demand_cap = rng.uniform(50.0, 3000.0, n_demand)
    group = np.where(rng.random(n) < 0.1, rng.integers(0, 50, n), -1)
    group_cost = rng.uniform(1e7, 2e8, 50)
    return pl.DataFrame(
        {
            "id": [f"L{i}" for i in range(n)],
            "supplier": [f"F{s}" for s in supplier],
            "receiver": [f"F{r}" for r in receiver],
            "amount_kind": "mass_flow",
            "max_amount": rng.uniform(10.0, 1000.0, n),
            "supply_stream": [f"S{s}" for s in sup_node],
            "supply_amount": supply_cap[sup_node],
            "demand_stream": [f"D{d}" for d in dem_node],
            "demand_amount": demand_cap[dem_node],
            "supplier_saving": rng.uniform(-50_000.0, 150_000.0, n),
            "receiver_saving": rng.uniform(0.0, 250_000.0, n),
            "variable_cost": rng.uniform(0.0, 50_000.0, n),
            "fixed_cost": rng.uniform(5e6, 3e8, n),
            "co2_avoided_per_unit": rng.uniform(0.0, 2.0, n),
            "group": [f"G{g}" if g >= 0 else None for g in group],
            "group_fixed_cost": [float(group_cost[g]) if g >= 0 else None for g in group],
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=5000)
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--gap", type=float, default=1e-3)
    parser.add_argument("--pareto", type=int, default=0, help="points of a Pareto front to trace too (0 = none)")
    args = parser.parse_args()

    from eipkit.network import candidate_table, check_solution, pareto_front, select_network

    table = candidates(args.links)
    start = time.perf_counter()
    checked = candidate_table(table)
    print(f"{args.links:,} candidate links: table checked in {time.perf_counter() - start:.2f} s")
    start = time.perf_counter()
    solution = select_network(checked, time_limit=args.time_limit, relative_gap=args.gap)
    total = time.perf_counter() - start
    gap = "n/a" if solution.gap is None else f"{solution.gap:.3%}"
    print(
        f"select_network: {total:.2f} s in all (HiGHS {solution.solve_time:.2f} s, limit {args.time_limit:g} s), "
        f"status {solution.status}, gap {gap} (target {args.gap:.1%})"
    )
    print(
        f"  {solution.selected.height:,} links built, net benefit {solution.net_benefit / 1e9:,.2f} billion VND/a, "
        f"CO2e avoided {solution.co2_avoided:,.0f} t/a"
    )
    breaches = check_solution(solution.links)
    print(f"  capacity check: {'every capacity respected' if not breaches else f'{len(breaches)} breaches'}")
    if args.pareto >= 2:
        start = time.perf_counter()
        front, _ = pareto_front(checked, args.pareto, args.time_limit, args.gap)
        print(f"pareto_front ({args.pareto} points): {time.perf_counter() - start:.2f} s")
        print(front.select("co2_avoided", "net_benefit", "links", "status", "gap"))
    print(f"process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()

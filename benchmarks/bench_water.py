"""Benchmark: water network of 500 sources x 500 sinks x 3 contaminants.

Runs (1) minimum freshwater (LP) and (2) minimum total annualised cost with connection binaries
(MILP, time-limited; the gap is printed). Prints build+solve time and peak memory (ru_maxrss).
Not run in CI: ``.venv/bin/python benchmarks/bench_water.py [n] [time_limit_s]``.
"""

from __future__ import annotations

import resource
import sys
import time

import numpy as np

from eipkit.water import WaterProblem, optimise_network


def problem(n: int, seed: int = 1) -> WaterProblem:
    rng = np.random.default_rng(seed)
    k = 3
    return WaterProblem.build(
        [f"S{i}" for i in range(n)],
        rng.uniform(1, 50, n),
        rng.uniform(0, 400, (n, k)),
        [f"D{j}" for j in range(n)],
        rng.uniform(1, 50, n),
        rng.uniform(20, 500, (n, k)),
        contaminants=["COD", "TSS", "chloride"],
        source_plant=[f"P{i % 20}" for i in range(n)],
        sink_plant=[f"P{j % 20}" for j in range(n)],
        distance_km=rng.uniform(0.1, 5.0, (n, n)),
    )


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    limit = float(sys.argv[2]) if len(sys.argv) > 2 else 300.0
    p = problem(n)
    print(f"network {n} sources x {n} sinks x 3 contaminants")
    t = time.perf_counter()
    r = optimise_network(p, time_limit=limit)
    print(
        f"min freshwater (LP): {time.perf_counter() - t:.1f} s total, solve {r.solve_time:.1f} s, "
        f"freshwater {r.freshwater_flow:.2f} t/h, status {r.status}, peak RSS {peak_mb():.0f} MB"
    )
    t = time.perf_counter()
    r = optimise_network(
        p,
        objective="cost",
        freshwater_price=15000,
        wastewater_price=8000,
        operating_hours=8000,
        pipe_fixed_cost=5e7,
        pipe_cost_per_km=2e7,
        time_limit=limit,
        relative_gap=1e-3,
    )
    print(
        f"min cost (MILP, {n * n} binaries): {time.perf_counter() - t:.1f} s total, status {r.status}, "
        f"cost {r.total_cost:.4g} VND/a, gap {r.gap:.3g}, pipes {r.connections.height}, "
        f"freshwater {r.freshwater_flow:.2f} t/h, peak RSS {peak_mb():.0f} MB"
    )


if __name__ == "__main__":
    main()

"""Benchmark: pinch targets, problem table and composite curves for many heat streams.

Usage::

    .venv/bin/python benchmarks/bench_heat.py               # 10,000 streams
    .venv/bin/python benchmarks/bench_heat.py --streams 100000

Streams are random (seeded): half hot, half cold, temperatures 20-400 °C, CP 0.1-50 kW/K, so the
problem table has about two boundaries per stream. Prints wall time per step and the peak Python
memory of the step (tracemalloc), and the process peak resident memory (ru_maxrss).
"""

from __future__ import annotations

import argparse
import resource
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import numpy as np


def _streams(n: int, seed: int = 1) -> tuple[Any, Any, Any]:
    rng = np.random.default_rng(seed)
    a = rng.uniform(20.0, 400.0, n).round(1)
    b = rng.uniform(20.0, 400.0, n).round(1)
    b = np.where(a == b, b + 1.0, b)
    return a, b, rng.uniform(0.1, 50.0, n)


def _measure(name: str, func: Callable[[], Any], repeat: int = 3) -> Any:
    times = []
    result = None
    for _ in range(repeat):
        tracemalloc.start()
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    print(f"{name:<34} best {min(times) * 1000:9.1f} ms   peak traced {peak / 2**20:7.1f} MiB")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--streams", type=int, default=10_000)
    parser.add_argument("--dtmin", type=float, default=10.0)
    args = parser.parse_args()

    from eipkit.heat import composite_curves, pinch_targets, problem_table

    ts, tt, cp = _streams(args.streams)
    print(f"heat targets for {args.streams:,} streams (ΔTmin {args.dtmin:g} K)")
    t = _measure("pinch_targets", lambda: pinch_targets(ts, tt, cp, args.dtmin))
    pt = _measure("problem_table", lambda: problem_table(ts, tt, cp, args.dtmin))
    _measure("composite_curves", lambda: composite_curves(ts, tt, cp, args.dtmin))
    contrib = np.random.default_rng(2).uniform(2.0, 15.0, args.streams)
    _measure("pinch_targets (individual ΔT)", lambda: pinch_targets(ts, tt, cp, args.dtmin, contrib))
    print(
        f"hot utility {t.hot_utility:,.0f} kW, cold utility {t.cold_utility:,.0f} kW, {pt.height:,} cascade boundaries"
    )
    print(f"process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()

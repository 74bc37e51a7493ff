"""Benchmark: PV yields, park rooftop PV, business models, GHG account, RECP MAC and co-processing.

Usage::

    .venv/bin/python benchmarks/bench_energy.py                  # 500 firms, 10,000 MAC options
    .venv/bin/python benchmarks/bench_energy.py --firms 2000 --options 50000

Prints wall time and peak Python memory (tracemalloc) of each step, and the peak resident memory
of the process (ru_maxrss). Not run in CI.
"""

from __future__ import annotations

import argparse
import resource
import time
import tracemalloc
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import polars as pl


def _measure(label: str, func: Callable[[], Any]) -> Any:
    tracemalloc.start()
    start = time.perf_counter()
    result = func()
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{label:<58} {elapsed:8.2f} s   peak {peak / 1e6:8.1f} MB")
    return result


def _park(firms: int) -> Any:
    from eipkit.park import Park

    rng = np.random.default_rng(7)
    rows = [
        {
            "id": f"F{i}",
            "name": f"F{i}",
            "sector": "electronics",
            "roof_area": float(rng.uniform(2e3, 5e4)),
            "operating_hours": float(rng.choice([2504.0, 5008.0, 8760.0])),
        }
        for i in range(firms)
    ]
    streams = [
        {
            "id": f"F{i}.el",
            "firm": f"F{i}",
            "direction": "in",
            "category": "energy",
            "resource_class": "electricity",
            "quantity": float(rng.uniform(500, 20000)),
            "unit": "MWh/a",
            "unit_cost": 1900,
            "cost_unit": "VND/kWh",
        }
        for i in range(firms)
    ]
    return Park.from_records(
        {"id": "B", "name": "Bench", "province": "Bắc Ninh", "latitude": 21.14, "longitude": 106.17},
        firms=rows,
        streams=streams,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--firms", type=int, default=500)
    parser.add_argument("--options", type=int, default=10_000)
    args = parser.parse_args()
    warnings.simplefilter("ignore")

    from eipkit.coprocessing import screen_wastes
    from eipkit.datasets import demo_park
    from eipkit.energy import business_case, business_models, park_solar, solar_profile, tornado, wind_profile
    from eipkit.factors import solar_locations
    from eipkit.ghg import ghg_account
    from eipkit.recp import mac_curve

    _measure("import + first PV site-year (pvlib, Linke turbidity)", lambda: solar_profile(21.03, 105.85))
    sites = solar_locations()
    _measure(
        f"PV site-years, {sites.height} cited provinces",
        lambda: [solar_profile(r["latitude"], r["longitude"], tilt=r["tilt"]) for r in sites.iter_rows(named=True)],
    )
    park = _measure(f"build a {args.firms}-firm park (validation)", lambda: _park(args.firms))
    solar = _measure(f"rooftop PV of {args.firms} firms (roof sizing)", lambda: park_solar(park))
    _measure(
        f"rooftop PV of {args.firms} firms (no-curtailment sizing)", lambda: park_solar(park, sizing="no_curtailment")
    )
    total = solar.total()
    capacity = float(solar.totals()["capacity"])
    case = business_case(total.generation, total.load, capacity)
    _measure("business models (5) for the park", lambda: business_models(case))
    _measure("tornado (6 parameters x 2)", lambda: tornado(case))
    _measure("wind, Weibull mean speed, one turbine", lambda: wind_profile("E-82/2350", 100.0, 6.0))
    rng = np.random.default_rng(1)
    n = args.options
    options = pl.DataFrame(
        {
            "option": [f"O{i}" for i in range(n)],
            "group": ["recp"] * n,
            "firm": ["F"] * n,
            "title": ["t"] * n,
            "capex": rng.uniform(1e8, 1e10, n),
            "annual_saving": rng.uniform(-1e8, 3e9, n),
            "co2_saving": rng.uniform(1, 2000, n),
            "lifetime": rng.integers(5, 25, n).astype(float),
        }
    )
    _measure(f"MAC curve of {n:,} options (NPV, IRR, payback, MAC)", lambda: mac_curve(options, 0.08))
    demo = demo_park()
    _measure("GHG account of the demo park", lambda: ghg_account(demo))
    _measure("co-processing screening of the demo park", lambda: screen_wastes(demo))
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of the process: {peak_rss:,.0f} MB")


if __name__ == "__main__":
    main()

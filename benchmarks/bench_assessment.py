"""Benchmark: assess 400 parks of 50 firms each against VN35, VN82 and IEF2 in one vectorised pass.

Run: ``.venv/bin/python benchmarks/bench_assessment.py [--parks 400] [--firms 50]``. Prints the time of
each step and the peak memory (ru_maxrss). Parks are synthetic: 10 distinct parks are built and
validated with ``Park.from_records``; the 400 are copies under new ids whose firm flags (RECP status,
ISO, violations, symbiosis plans) are redrawn with a seeded generator.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import time

import numpy as np
import polars as pl

from eipkit.assessment import assess, evaluate, load_framework, stack_parks
from eipkit.park import Park
from eipkit.vocab import vocabulary

AS_OF = dt.date(2025, 6, 30)
SECTORS = ["food", "beverage", "textile_dyeing", "garment", "electronics", "steel_metal", "paper", "plastics"]
RECP = ["none", "aware", "planned", "applying", "verified"]


def _base(k: int, n_firms: int, rng: np.random.Generator) -> Park:
    pid = f"B{k}"
    firms = [{"id": "OP", "name": "Operator", "role": "operator", "sector": "water_utility"}]
    streams, measures = [], []
    sectors = set(vocabulary("sectors"))
    for i in range(n_firms):
        fid = f"F{i:03d}"
        firms.append(
            {
                "id": fid,
                "name": f"Firm {i}",
                "sector": next(s for s in SECTORS[i % 8 :] + SECTORS if s in sectors),
                "employees": int(rng.integers(20, 900)),
                "employees_female": 10,
                "employees_local": 5,
                "recp_status": RECP[int(rng.integers(0, 5))],
                "iso_14001": bool(rng.random() < 0.3),
            }
        )
        streams += [
            {
                "id": f"{fid}-E",
                "firm": fid,
                "direction": "in",
                "category": "energy",
                "resource_class": "electricity",
                "quantity": float(rng.integers(100, 9000)),
                "unit": "MWh/a",
            },
            {
                "id": f"{fid}-W",
                "firm": fid,
                "direction": "in",
                "category": "water",
                "resource_class": "freshwater",
                "quantity": float(rng.integers(10, 900)),
                "unit": "m3/day",
            },
            {
                "id": f"{fid}-WW",
                "firm": fid,
                "direction": "out",
                "category": "wastewater",
                "resource_class": "industrial_wastewater",
                "quantity": float(rng.integers(10, 800)),
                "unit": "m3/day",
                "destination": "central_wwtp",
            },
            {
                "id": f"{fid}-S",
                "firm": fid,
                "direction": "out",
                "category": "waste",
                "resource_class": "general_waste",
                "quantity": float(rng.integers(1, 500)),
                "unit": "t/a",
                "destination": ["landfill", "recycler", "sold"][i % 3],
            },
        ]
        if rng.random() < 0.3:
            measures.append(
                {
                    "id": f"M{i}",
                    "firm": fid,
                    "title": "measure",
                    "theme": "energy",
                    "status": "implemented",
                    "annual_saving": 1e8,
                }
            )
    exchanges = [
        {
            "id": f"X{j}",
            "supplier": f"F{j:03d}",
            "receiver": f"F{j + 1:03d}",
            "status": "operating",
            "type": "by_product",
            "quantity": 100.0,
            "unit": "t/a",
        }
        for j in range(0, min(n_firms - 1, 2 * k + 1), 2)
    ]
    facts = [
        {"entity": pid, "fact": key, "value": bool(rng.random() < 0.7), "document": "doc", "date": dt.date(2025, 1, 1)}
        for key, entry in vocabulary("facts").items()
        if entry["applies_to"] == "park"
    ]
    record = {
        "id": pid,
        "name": f"Park {k}",
        "province": "Bắc Ninh",
        "total_area": 300.0,
        "green_area": 30.0,
        "road_area": 30.0,
        "technical_infrastructure_area": 10.0,
        "social_infrastructure_area": 5.0,
        "established": dt.date(2005 + k, 1, 1),
        "eip_path": "new" if k % 4 == 0 else "existing",
        "data_year": 2024,
    }
    return Park.from_records(
        record,
        firms=firms,
        streams=streams,
        exchanges=exchanges,
        facts=facts,
        measures=measures,
        infrastructure=[{"id": "I1", "kind": "central_wwtp", "name": "WWTP"}],
    )


def _copy(base: Park, ident: str, rng: np.random.Generator) -> Park:
    tables = base.tables
    old = base.id
    tables["park"] = tables["park"].with_columns(pl.lit(ident).alias("id"))
    n = tables["firms"].height
    tables["firms"] = tables["firms"].with_columns(
        pl.Series("recp_status", [RECP[i] for i in rng.integers(0, 5, n)]),
        pl.Series("iso_14001", rng.random(n) < 0.3),
        pl.Series("symbiosis_plan", rng.random(n) < 0.15),
        pl.Series("violations_3y", (rng.random(n) < 0.03).astype(np.int64)),
    )
    tables["facts"] = tables["facts"].with_columns(pl.col("entity").replace(old, ident))
    return Park(tables, source=ident)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--parks", type=int, default=400)
    parser.add_argument("--firms", type=int, default=50)
    args = parser.parse_args()
    rng = np.random.default_rng(42)

    t0 = time.perf_counter()
    bases = [_base(k, args.firms, rng) for k in range(10)]
    t_build = time.perf_counter() - t0
    parks = [_copy(bases[i % 10], f"P{i:04d}", rng) for i in range(args.parks)]
    frameworks = [load_framework(f) for f in ("VN35", "VN82", "IEF2")]

    t0 = time.perf_counter()
    stack = stack_parks(parks)
    t_stack = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    ev = evaluate(stack, frameworks, AS_OF)
    t_eval, c_eval = time.perf_counter() - t0, time.process_time() - c0
    t0 = time.perf_counter()
    for p in parks[:10]:
        evaluate(stack_parks(p), frameworks, AS_OF)
    t_one = (time.perf_counter() - t0) / 10
    t0 = time.perf_counter()
    result = assess(parks[0], frameworks, AS_OF)
    rows = sum(len(result.scorecard(None, fw, "vi")) for fw in result.frameworks)
    t_text = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    verdicts = ev.verdicts.group_by("framework", "verdict").len().sort("framework", "verdict")
    print(f"parks: {args.parks} x {args.firms} firms = {stack.firms.height} firm rows, {stack.streams.height} streams")
    print(
        f"criteria results: {ev.criteria.height} rows ({ev.conditions.height} conditions), "
        f"{ev.indicators.height} indicator values"
    )
    print(f"build + validate 10 base parks:   {t_build:7.2f} s (park data model, not the assessment)")
    print(f"stack {args.parks} parks:                {t_stack:7.2f} s")
    print(
        f"evaluate 3 frameworks, all parks: {t_eval:7.2f} s wall, {c_eval:.2f} s CPU (all threads)"
        f"  ({1000 * t_eval / args.parks:.1f} ms per park)"
    )
    print(f"load average while running:       {os.getloadavg()[0]:7.1f} (the machine is shared; wall time varies)")
    print(f"evaluate one park alone (mean):   {t_one:7.2f} s  (x{args.parks} = {t_one * args.parks:.0f} s one by one)")
    print(f"assess + texts of one park:       {t_text:7.2f} s  ({rows} scorecard rows)")
    print(f"peak memory (ru_maxrss):          {peak:7.0f} MiB")
    print(verdicts)


if __name__ == "__main__":
    main()

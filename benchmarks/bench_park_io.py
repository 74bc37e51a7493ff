"""Benchmark: load and validate a generated park from CSV and from Excel; print time and peak memory.

Usage::

    .venv/bin/python benchmarks/bench_park_io.py                 # 5,000 firms, 200,000 streams
    .venv/bin/python benchmarks/bench_park_io.py --firms 500 --streams 20000

The park is generated once (seeded) into ``benchmarks/_data/`` (git-ignored) as a park folder and
a workbook. Each load runs in its own process, so the peak resident memory printed is that of the
load alone (``ru_maxrss`` of the child process).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
SECTORS = [
    "food",
    "beverage",
    "textile_dyeing",
    "garment",
    "electronics",
    "steel_metal",
    "paper",
    "plastics_rubber",
    "chemicals",
    "wood",
    "building_materials",
    "logistics",
]
CLASSES = [
    ("electricity", "energy", "in", "MWh/a"),
    ("freshwater", "water", "in", "m3/day"),
    ("industrial_wastewater", "wastewater", "out", "m3/day"),
    ("steel_scrap", "by_product", "out", "t/month"),
    ("cardboard", "by_product", "out", "t/a"),
    ("fly_ash", "by_product", "out", "t/a"),
    ("coal", "energy", "in", "t/a"),
    ("organic_sludge", "waste", "out", "kg/day"),
    ("hot_water", "heat", "out", "kW"),
    ("pe", "by_product", "out", "t/a"),
]


def generate(firms: int, streams: int, seed: int = 1) -> object:
    """Build a synthetic park with ``firms`` firms and ``streams`` streams (a valid Park)."""
    from eipkit.park import Park

    rng = np.random.default_rng(seed)
    lat0, lon0 = 21.10, 106.05
    firm_rows = [
        {
            "id": f"F{i:05d}",
            "name": f"Công ty {i}",
            "sector": SECTORS[i % len(SECTORS)],
            "latitude": lat0 + float(rng.uniform(-0.05, 0.05)),
            "longitude": lon0 + float(rng.uniform(-0.05, 0.05)),
            "employees": int(rng.integers(20, 3000)),
            "land_area": float(rng.uniform(5e3, 1e5)),
            "roof_area": float(rng.uniform(1e3, 4e3)),
            "iso_14001": bool(rng.random() < 0.3),
            "recp_status": "applying" if rng.random() < 0.15 else "none",
        }
        for i in range(firms)
    ]
    which = rng.integers(0, len(CLASSES), streams)
    owners = rng.integers(0, firms, streams)
    qty = rng.lognormal(3, 1.5, streams)
    stream_rows = []
    for k in range(streams):
        cls, cat, direction, unit = CLASSES[int(which[k])]
        row = {
            "id": f"S{k:07d}",
            "firm": f"F{int(owners[k]):05d}",
            "direction": direction,
            "category": cat,
            "resource_class": cls,
            "description": f"dòng {cls}",
            "quantity": float(qty[k]),
            "unit": unit,
        }
        if cat == "heat":
            row["temperature"] = 80.0
        stream_rows.append(row)
    park = {
        "id": "BENCH",
        "name": "KCN benchmark",
        "province": "Bắc Ninh",
        "latitude": lat0,
        "longitude": lon0,
        "total_area": 5000.0,
        "industrial_land_area": 3500.0,
        "green_area": 500.0,
    }
    return Park.from_records(park, firms=firm_rows, streams=stream_rows)


def _measure(path: Path) -> tuple[float, float, int]:
    code = (
        "import sys, time; t=time.perf_counter(); from eipkit.park import read_park; "
        "p=read_park(sys.argv[1]); print(time.perf_counter()-t, p.streams.height)"
    )
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    out = proc.stdout.read() if proc.stdout else ""
    if status != 0:
        raise SystemExit(f"load of {path} failed")
    inner, rows = out.split()
    return float(inner), usage.ru_maxrss / 1024.0, int(rows) if wall else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--firms", type=int, default=5000)
    parser.add_argument("--streams", type=int, default=200_000)
    parser.add_argument("--out", type=Path, default=HERE / "_data")
    args = parser.parse_args()
    from eipkit.park import write_park

    args.out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    park = generate(args.firms, args.streams)
    print(f"generated park: {args.firms:,} firms, {args.streams:,} streams in {time.perf_counter() - t0:.1f} s")
    folder, workbook = args.out / f"park_{args.streams}", args.out / f"park_{args.streams}.xlsx"
    t0 = time.perf_counter()
    write_park(park, folder)  # type: ignore[arg-type]
    print(f"wrote CSV folder in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    write_park(park, workbook)  # type: ignore[arg-type]
    print(f"wrote workbook ({workbook.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - t0:.1f} s")
    print(f"{'format':<10}{'load+validate [s]':>20}{'peak RSS [MB]':>16}{'streams':>10}")
    for label, path in (("CSV", folder), ("Excel", workbook)):
        seconds, peak, rows = _measure(path)
        print(f"{label:<10}{seconds:>20.2f}{peak:>16.0f}{rows:>10,}")


if __name__ == "__main__":
    main()

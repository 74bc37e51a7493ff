"""Benchmark: the demo park's full report, and annual monitoring on a large KPI history.

Usage::

    .venv/bin/python benchmarks/bench_report.py                    # both parts
    .venv/bin/python benchmarks/bench_report.py --part report      # demo report: analyses, build, HTML, PDF, Excel
    .venv/bin/python benchmarks/bench_report.py --part monitoring --firms 5000 --years 10

Each part runs in its own process, so the peak resident memory printed (``ru_maxrss``) is that
part's alone. Times are wall-clock seconds.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def bench_report() -> None:
    from pypdf import PdfReader

    from eipkit.datasets import demo_park
    from eipkit.report import build_report, compute_results, write_excel, write_html, write_pdf

    t0 = time.perf_counter()
    park = demo_park()
    print(f"load demo park           {time.perf_counter() - t0:7.2f} s")
    t0 = time.perf_counter()
    results = compute_results(park)
    print(f"analyses ({len(results):2d})            {time.perf_counter() - t0:7.2f} s")
    with tempfile.TemporaryDirectory() as folder:
        for lang in ("vi", "en"):
            t0 = time.perf_counter()
            report = build_report(park, results, lang)
            n_fig = sum(1 for _ in report.figures())
            n_tab = sum(1 for _ in report.tables())
            print(f"build {lang} ({n_fig} figures, {n_tab} tables) {time.perf_counter() - t0:7.2f} s")
            for name, writer in (("html", write_html), ("pdf", write_pdf), ("xlsx", write_excel)):
                t0 = time.perf_counter()
                path = writer(report, Path(folder) / f"report_{lang}.{name}")
                extra = f", {len(PdfReader(path).pages)} pages" if name == "pdf" else ""
                size = path.stat().st_size / 1e6
                print(f"  {name:4s} {lang}                {time.perf_counter() - t0:7.2f} s  ({size:.1f} MB{extra})")
    print(f"peak memory              {_peak_mb():7.0f} MB")


def bench_monitoring(firms: int, years: int, indicators: int) -> None:
    import numpy as np
    import polars as pl

    from eipkit.monitoring import MonitoringStudy
    from eipkit.park import Park

    rng = np.random.default_rng(7)
    ids = [f"F{i:05d}" for i in range(firms)]
    firm_rows = [{"id": f, "name": f"Firm {f}", "sector": "food"} for f in ids]
    entities = np.repeat(np.array(["P", *ids]), indicators * years)
    keys = np.tile(np.repeat(np.array([f"kpi_{k}" for k in range(indicators)]), years), firms + 1)
    yrs = np.tile(np.arange(2030 - years, 2030), (firms + 1) * indicators)
    values = rng.lognormal(8.0, 1.0, entities.size)
    kpis = pl.DataFrame({"entity": entities, "indicator": keys, "year": yrs, "value": values, "unit": "t/a"})
    t0 = time.perf_counter()
    park = Park.from_records(
        {"id": "P", "name": "Bench", "province": "Hà Nội", "data_year": 2029}, firms=firm_rows, kpis=kpis
    )
    print(f"build park ({kpis.height:,} KPI rows) {time.perf_counter() - t0:7.2f} s")
    t0 = time.perf_counter()
    result = MonitoringStudy(park).run()
    elapsed = time.perf_counter() - t0
    print(
        f"monitoring study         {elapsed:7.2f} s  ({result.trends.height:,} trends, "
        f"{result.changes.height:,} changes)"
    )
    print(f"peak memory              {_peak_mb():7.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["report", "monitoring"])
    parser.add_argument("--firms", type=int, default=5000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--indicators", type=int, default=10)
    args = parser.parse_args()
    if args.part == "report":
        bench_report()
    elif args.part == "monitoring":
        bench_monitoring(args.firms, args.years, args.indicators)
    else:
        for part in ("report", "monitoring"):
            print(f"== {part}")
            cmd = [
                sys.executable,
                __file__,
                "--part",
                part,
                "--firms",
                str(args.firms),
                "--years",
                str(args.years),
                "--indicators",
                str(args.indicators),
            ]
            subprocess.run(cmd, check=True)


if __name__ == "__main__":
    main()

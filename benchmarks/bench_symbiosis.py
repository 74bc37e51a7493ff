"""National-scale symbiosis matching: ~400 parks, ~1,000,000 streams (half supplies, half demands).

Run: ``.venv/bin/python benchmarks/bench_symbiosis.py [--parks 400] [--streams 1000000] [--radius 30]``.

The synthetic country (seeded) places park centres around Viet Nam's industrial clusters (Hanoi,
Bac Ninh, Hai Phong, Thanh Hoa, Da Nang, Binh Dinh, Ho Chi Minh City, Binh Duong, Dong Nai, Long
An, Ba Ria-Vung Tau, Can Tho ...) and firms within 1.5 km of their park centre. Each firm gets the
streams of a typical firm (electricity and water in, wastewater, domestic waste, cardboard, PE
film, pallets and used oil out) plus the classes its sector produces and uses according to the
knowledge base (``classes.yaml`` producers/users), until half the streams are supplies and half
demands. Every step runs in its own process so that its peak memory (ru_maxrss, imports included)
is its own.

Printed: data generation; candidate generation by the blocked join (class + spatial cell) and by
the straightforward per-class join on the same data (with the ratio; on the national data the
per-class join runs under a time budget and its full time is extrapolated from the pairs it
processed); the full national pipeline (candidates, checks, benefits, top 5 receivers per
supply); and an exact comparison of both joins on a smaller country.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

CLUSTERS = [  # (lat, lon, weight): main industrial regions of Viet Nam
    (21.03, 105.85, 6), (21.18, 106.07, 6), (20.86, 106.68, 5), (20.94, 106.33, 3), (21.31, 105.60, 3),
    (19.80, 105.77, 2), (18.68, 105.68, 2), (16.05, 108.20, 3), (15.12, 108.80, 1), (13.78, 109.22, 1),
    (12.24, 109.19, 1), (10.78, 106.70, 7), (11.00, 106.65, 8), (10.95, 106.85, 7), (10.60, 106.40, 5),
    (10.50, 107.15, 4), (10.03, 105.78, 2), (11.55, 106.90, 2),
]  # fmt: skip
COMMON_OUT = [("municipal_waste", 1.0), ("cardboard", 0.6), ("pe", 0.6), ("wood_pallets", 0.3), ("waste_oil", 0.5),
              ("industrial_wastewater", 0.9)]  # fmt: skip
COMMON_IN = [("electricity", 1.0), ("freshwater", 1.0), ("raw_materials", 1.0), ("chemicals", 0.5)]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def generate(parks: int, target: int, seed: int = 0) -> pl.DataFrame:
    """Return a national stream table in the columns of eipkit.symbiosis.STREAM_COLUMNS."""
    from eipkit.symbiosis import STREAM_COLUMNS, knowledge_base
    from eipkit.vocab import vocabulary

    rng = np.random.default_rng(seed)
    kb = knowledge_base()
    taxonomy = vocabulary("resource_classes")
    sectors = [s for s in vocabulary("sectors") if s not in ("municipal", "services")]
    produces = {s: [c for c, i in kb.info.items() if s in i.producers] for s in sectors}
    uses = {s: [c for c, i in kb.info.items() if s in i.users] for s in sectors}
    w = np.array([c[2] for c in CLUSTERS], dtype=float)
    which = rng.choice(len(CLUSTERS), parks, p=w / w.sum())
    centre_lat = np.array([CLUSTERS[i][0] for i in which]) + rng.normal(0, 0.18, parks)
    centre_lon = np.array([CLUSTERS[i][1] for i in which]) + rng.normal(0, 0.18, parks)
    per_firm = 25
    firms_total = target // per_firm
    firm_park = rng.choice(parks, firms_total, p=(s := rng.lognormal(0, 0.6, parks)) / s.sum())
    sector_w = rng.dirichlet(np.ones(len(sectors)) * 2)
    firm_sector = rng.choice(len(sectors), firms_total, p=sector_w)
    rows_firm, rows_dir, rows_cls = [], [], []
    for f in range(firms_total):
        sector = sectors[firm_sector[f]]
        outs = [c for c, p in COMMON_OUT if rng.random() < p]
        ins = [c for c, p in COMMON_IN if rng.random() < p]
        if produces[sector]:
            outs += list(rng.choice(produces[sector], min(len(produces[sector]), rng.integers(2, 7)), replace=False))
        if uses[sector]:
            ins += list(rng.choice(uses[sector], min(len(uses[sector]), rng.integers(2, 7)), replace=False))
        while len(outs) + len(ins) < per_firm:  # pad with generic inputs and outputs (no pairing rule)
            (outs if len(outs) <= len(ins) else ins).append(
                "general_waste" if len(outs) <= len(ins) else "raw_materials"
            )
        rows_firm += [f] * (len(outs) + len(ins))
        rows_dir += ["out"] * len(outs) + ["in"] * len(ins)
        rows_cls += outs + ins
    n = len(rows_firm)
    firm = np.array(rows_firm)
    cls = np.array(rows_cls, dtype=object)
    category = {c: taxonomy[c]["category"] for c in set(cls)}
    kind = np.array(
        [
            "energy_flow"
            if category[c] == "heat" or c == "electricity"
            else ("volume_flow" if category[c] in ("water", "wastewater") else "mass_flow")
            for c in cls
        ],
        dtype=object,
    )
    hot = np.array([kb.is_within(c, "heat") for c in cls])
    angle = rng.uniform(0, 2 * np.pi, firms_total)
    radius = 1.5 * np.sqrt(rng.uniform(0, 1, firms_total))
    f_lat = centre_lat[firm_park] + radius * np.sin(angle) / 111.2
    f_lon = centre_lon[firm_park] + radius * np.cos(angle) / (111.2 * np.cos(np.radians(centre_lat[firm_park])))
    direction = np.array(rows_dir, dtype=object)
    price = np.where(
        direction == "out", rng.choice([-300_000, 150_000, 1_000_000, 6_000_000], n), rng.uniform(1e5, 5e6, n)
    )
    frame = pl.DataFrame(
        {
            "park": [f"VN{p:03d}" for p in firm_park[firm]],
            "scope": "park",
            "firm": [f"F{x:06d}" for x in firm],
            "sector": [sectors[firm_sector[x]] for x in firm],
            "stream": [f"S{i:07d}" for i in range(n)],
            "direction": direction,
            "category": [taxonomy[c]["category"] for c in cls],
            "class": cls,
            "class_confidence": 1.0,
            "amount": rng.lognormal(5, 1.5, n),
            "amount_kind": kind,
            "price": price,
            "destination": np.where(
                direction == "out", rng.choice(["landfill", "sold", "other", "incineration"], n), "supplier"
            ),
            "hazardous": [kb.info[c].hazardous for c in cls],
            "temperature": np.where(
                hot, np.where(direction == "out", rng.uniform(40, 300, n), rng.uniform(15, 40, n)), np.nan
            ),
            "target_temperature": np.where(
                hot, np.where(direction == "out", rng.uniform(30, 60, n), rng.uniform(50, 120, n)), np.nan
            ),
            "months": np.where(rng.random(n) < 0.05, 0b000111111100, 4095).astype(np.int32),
            "hours": rng.choice([4000.0, 6000.0, 8000.0], n),
            "latitude": f_lat[firm],
            "longitude": f_lon[firm],
            "coords": "firm",
        }
    ).with_columns(pl.col("temperature", "target_temperature").fill_nan(None))
    missing = [c for c in STREAM_COLUMNS if c not in frame.columns]
    frame = frame.with_columns(*[pl.lit(None, STREAM_COLUMNS[c]).alias(c) for c in missing])
    return frame.select(list(STREAM_COLUMNS)).cast(STREAM_COLUMNS)  # type: ignore[arg-type]


NEAREST = 10  # receivers examined per supply and rule in the national runs


def _run(step: str, path: str, radius: float, budget: float, queue: Any) -> None:
    from eipkit.symbiosis import candidate_pairs, knowledge_base, match_streams, rule_reach, symbiosis_factors

    streams = pl.read_parquet(path)
    kb, factors = knowledge_base(), symbiosis_factors()
    reach = rule_reach(kb, factors, radius)
    start = time.perf_counter()
    out: dict[str, Any] = {}
    if step == "blocked":
        nearest = None if budget < 0 else NEAREST
        pairs = candidate_pairs(streams, kb.class_pairs(), reach, radius, explain_distance=False, nearest=nearest)
        out["pairs"] = pairs.height
        out["checksum"] = int(
            pairs.select((pl.col("s").cast(pl.Int64) * 7919 + pl.col("d").cast(pl.Int64)).sum()).item()
        )
    elif step == "naive":
        out.update(_naive(streams, kb, reach, radius, abs(budget), None if budget < 0 else NEAREST))
    elif step == "pipeline":
        result, stats = match_streams(streams, radius_km=radius, top_k=5, nearest=NEAREST, kb=kb, factors=factors)
        out.update(stats)
        out["parks_with_opportunities"] = result.get_column("s_park").n_unique()
        out["net_benefit_mid"] = float(result.get_column("net_benefit_mid").sum())
    out["seconds"] = time.perf_counter() - start
    out["peak_mb"] = peak_mb()
    queue.put(out)


def _naive(
    streams: pl.DataFrame, kb: Any, reach: pl.DataFrame, radius: float, budget: float, nearest: int | None
) -> dict[str, Any]:
    """Per-class join: for each (supply class, demand class) pair of the rules, all supplies x all demands."""
    from eipkit.symbiosis.candidates import _finish, _rule_table, _sides

    sup, dem, classes = _sides(streams)
    rules = _rule_table(kb.class_pairs(), reach, radius, False, classes)
    n_s = sup.group_by("s_class").len().rename({"len": "ns"})
    n_d = dem.group_by("d_class").len().rename({"len": "nd"})
    work = rules.join(n_s, on="s_class").join(n_d, on="d_class").with_columns((pl.col("ns") * pl.col("nd")).alias("w"))
    work = work.sort("w")
    total_work = int(work.get_column("w").sum())
    done_work, pairs, checksum, parts = 0, 0, 0, []
    start = time.perf_counter()
    for row in work.iter_rows(named=True):
        if time.perf_counter() - start > budget:
            break
        s_part = sup.lazy().filter(pl.col("s_class") == row["s_class"]).with_columns(
            pl.lit(row["d_class"]).alias("d_class"), pl.lit(row["rule"]).cast(pl.Categorical).alias("rule"),
            pl.lit(row["reach_km"]).alias("reach_km"), pl.lit(row["band_km"]).alias("band_km"),
        )  # fmt: skip
        joined = s_part.join(dem.lazy().filter(pl.col("d_class") == row["d_class"]), on="d_class", how="inner")
        got = _finish(joined, True, None).collect(engine="streaming")
        parts.append(got)
        done_work += row["w"]
    elapsed = time.perf_counter() - start
    if parts:
        got = pl.concat(parts)
        if nearest is not None:  # the k nearest per supply and rule, as the blocked join keeps them
            got = got.sort("s", "rule", "distance_km", "d").group_by("s", "rule", maintain_order=True).head(nearest)
        pairs = got.height
        checksum = int(got.select((pl.col("s").cast(pl.Int64) * 7919 + pl.col("d").cast(pl.Int64)).sum()).item() or 0)
    elapsed = time.perf_counter() - start
    return {
        "pairs": pairs,
        "checksum": checksum,
        "complete": done_work == total_work,
        "work_done": done_work,
        "work_total": total_work,
        "extrapolated_seconds": elapsed * total_work / max(done_work, 1),
    }


def run(step: str, path: str, radius: float, budget: float = 120.0) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_run, args=(step, path, radius, budget, queue))
    proc.start()
    out = queue.get()
    proc.join()
    return dict(out)


def scenario(parks: int, streams: int, radius: float, budget: float, label: str) -> None:
    start = time.perf_counter()
    frame = generate(parks, streams)
    gen = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "streams.parquet")
        frame.write_parquet(path)
        n_out = int((frame.get_column("direction") == "out").sum())
        firms = frame.get_column("firm").n_unique()
        print(f"\n== {label}: {parks} parks, {firms:,} firms, {frame.height:,} streams")
        print(
            f"   {n_out:,} supplies, {frame.height - n_out:,} demands; radius {radius:g} km; generated in {gen:.1f} s"
        )
        del frame
        b = run("blocked", path, radius)
        print(f"blocked join (class + spatial cell, {NEAREST} nearest per supply and rule): {b['seconds']:.2f} s, ")
        print(f"   peak {b['peak_mb']:,.0f} MB, {b['pairs']:,} candidate pairs")
        n = run("naive", path, radius, budget)
        if n["complete"]:
            same = n["pairs"] == b["pairs"] and n["checksum"] == b["checksum"]
            ratio = n["seconds"] / b["seconds"]
            print(f"per-class join: {n['seconds']:.2f} s, peak {n['peak_mb']:,.0f} MB, {n['pairs']:,} pairs, ")
            print(f"   {n['work_total']:,} supply x demand pairs examined; same pairs: {same}; ratio {ratio:.1f}x")
        else:
            share = n["work_done"] / n["work_total"]
            ratio = n["extrapolated_seconds"] / b["seconds"]
            print(f"per-class join: stopped at the {n['seconds']:.0f} s budget after {share:.1%} of its ")
            print(f"   {n['work_total']:,} supply x demand pairs; peak {n['peak_mb']:,.0f} MB;")
            print(
                f"   extrapolated full time {n['extrapolated_seconds']:,.0f} s; ratio per-class / blocked {ratio:.0f}x"
            )
        p = run("pipeline", path, radius)
        print(f"full pipeline (candidates, checks, benefits, top 5 per supply): {p['seconds']:.1f} s, ")
        print(f"   peak {p['peak_mb']:,.0f} MB; {p['candidate_pairs']:,} pairs -> {p['feasible_pairs']:,} feasible -> ")
        kept, where = p["kept"], p["parks_with_opportunities"]
        print(f"   {kept:,} kept in {where} parks; candidate generation {p['seconds_candidates']:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parks", type=int, default=400)
    parser.add_argument("--streams", type=int, default=1_000_000)
    parser.add_argument("--radius", type=float, default=30.0)
    parser.add_argument("--budget", type=float, default=120.0, help="seconds allowed to the per-class join")
    parser.add_argument("--small", action="store_true", help="only the small exact comparison")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, polars {pl.__version__}, cores {mp.cpu_count()}")
    scenario(40, 100_000, args.radius, 600.0, "small country (exact comparison, k nearest)")
    if not args.small:
        scenario(args.parks, args.streams, args.radius, args.budget, "national")


if __name__ == "__main__":
    main()

r"""Candidate generation: which supply could serve which demand, without the full cross product.

A supply *s* and a demand *d* are a candidate when a rule pairs their classes
(:meth:`~eipkit.symbiosis.KnowledgeBase.class_pairs`), they belong to different firms and their
great-circle distance is at most the reach :math:`R` of the rule (the study radius, or the
pipeline limit of the rule's transport mode).

Blocking
    Points are projected to km, :math:`y = R_E\,\varphi`, :math:`x = R_E\,\lambda\cos\varphi_{max}`
    with :math:`R_E` = 6,371 km and :math:`\varphi_{max}` the largest absolute latitude of the
    data, and binned in square cells of side :math:`c = 1.001\,R`. Because
    :math:`|\Delta y| \le d` and :math:`|\Delta x| \le d` for the haversine distance *d*, a pair
    within reach lies in the same or an adjacent cell. Each supply is joined, on
    (demand class, cell), with the demands of its 3 x 3 neighbourhood only; the haversine
    distance then filters the pairs exactly. Rules are grouped by reach so that short pipelines
    are blocked on small cells. Streams without coordinates are paired within their own park only
    (distance unknown). The work grows with the pairs that are close, not with
    :math:`N_s \times N_d`.

:func:`naive_candidate_pairs` does the straightforward per-class join (every supply with every
demand of a paired class, then the distance filter); it gives the same pairs and is kept for
tests and the benchmark.
"""

from __future__ import annotations

import math
from typing import Any

import polars as pl

from eipkit.symbiosis.factors import Factors
from eipkit.symbiosis.knowledge import KnowledgeBase

__all__ = ["CANDIDATE_KEYS", "candidate_pairs", "naive_candidate_pairs", "rule_reach"]

#: Columns of a candidate-pair table.
CANDIDATE_KEYS = ("s", "d", "rule", "distance_km", "reach_km")

_EARTH_KM = 6371.0
_CHUNK = 100_000  # supply rows (after the rule join) per block of work
_DEG = math.pi / 180.0


def rule_reach(kb: KnowledgeBase, factors: Factors, radius_km: float) -> pl.DataFrame:
    """Return the reach of every rule: ``rule``, ``transport``, ``max_km`` (never above the radius).

    Trucks (and services) reach ``radius_km``; pipelines reach the rule's ``max_distance_km`` or
    their mode's maximum, if smaller.
    """
    if not radius_km > 0:
        raise ValueError(f"radius_km must be positive, got {radius_km}")
    rows = []
    for rule in kb.rules.values():
        limit = rule.max_distance_km
        if limit is None:
            limit = factors.modes[rule.transport]["max_distance_km"]
        reach = radius_km if limit is None else min(radius_km, float(limit))
        rows.append({"rule": rule.id, "transport": rule.transport, "max_km": reach})
    return pl.DataFrame(rows, schema={"rule": pl.String, "transport": pl.String, "max_km": pl.Float64})


def _haversine(lat1: pl.Expr, lon1: pl.Expr, lat2: pl.Expr, lon2: pl.Expr) -> pl.Expr:
    dphi = (lat2 - lat1) * _DEG
    dlam = (lon2 - lon1) * _DEG
    a = (dphi / 2).sin() ** 2 + (lat1 * _DEG).cos() * (lat2 * _DEG).cos() * (dlam / 2).sin() ** 2
    return 2 * _EARTH_KM * a.sqrt().arcsin()


def _sides(streams: pl.DataFrame | pl.LazyFrame) -> tuple[pl.DataFrame, pl.DataFrame, dict[str, int]]:
    """Supplies and demands with integer class, firm and park codes (joins on integers are fast)."""
    frame = (
        streams.lazy()
        .with_row_index("_i")
        .select("_i", "class", "firm", "park", "direction", "amount", "latitude", "longitude")
        .filter(pl.col("class").is_not_null() & (pl.col("amount") > 0))
        .collect()
    )
    classes = {c: i for i, c in enumerate(sorted(frame.get_column("class").unique().to_list()))}
    frame = frame.with_columns(
        pl.col("class").replace_strict(classes, return_dtype=pl.Int64).alias("cls"),
        pl.col("firm").cast(pl.Categorical).to_physical().cast(pl.Int64).alias("fid"),
        pl.col("park").cast(pl.Categorical).to_physical().cast(pl.Int64).alias("pid"),
    )
    cols = ["_i", "cls", "fid", "pid", "latitude", "longitude"]
    names = ["", "class", "firm", "park", "lat", "lon"]

    def side(direction: str, p: str) -> pl.DataFrame:
        part = frame.filter(pl.col("direction") == direction).select(cols)
        return part.rename({c: (p if n == "" else f"{p}_{n}") for c, n in zip(cols, names, strict=True)})

    return side("out", "s"), side("in", "d"), classes


def _rule_table(
    pairs: pl.DataFrame, reach: pl.DataFrame, radius_km: float, explain_distance: bool, classes: dict[str, int]
) -> pl.DataFrame:
    table = (
        pairs.join(reach, on="rule", how="inner")
        .filter(pl.col("supply_class").is_in(list(classes)) & pl.col("demand_class").is_in(list(classes)))
        .select(
            pl.col("supply_class").replace_strict(classes, return_dtype=pl.Int64).alias("s_class"),
            pl.col("demand_class").replace_strict(classes, return_dtype=pl.Int64).alias("d_class"),
            pl.col("rule").cast(pl.Categorical),
            pl.col("max_km").alias("reach_km"),
        )
    )
    band = pl.lit(radius_km) if explain_distance else pl.col("reach_km")
    return table.with_columns(band.alias("band_km"))


def _finish(lf: pl.LazyFrame, with_distance: bool, nearest: int | None) -> pl.LazyFrame:
    lf = lf.filter(pl.col("s_firm") != pl.col("d_firm"))
    if with_distance:
        dist = _haversine(pl.col("s_lat"), pl.col("s_lon"), pl.col("d_lat"), pl.col("d_lon"))
        lf = lf.with_columns(dist.alias("distance_km")).filter(pl.col("distance_km") <= pl.col("band_km"))
        if nearest is not None:
            lf = lf.sort("s", "rule", "distance_km", "d").group_by("s", "rule", maintain_order=True).head(nearest)
    else:
        lf = lf.with_columns(pl.lit(None, pl.Float64).alias("distance_km"))
    return lf.select("s", "d", "rule", "distance_km", "reach_km")


def _no_coords(sup: pl.DataFrame, dem: pl.DataFrame, rules: pl.DataFrame) -> pl.LazyFrame:
    """Pairs where a side has no coordinates: same park only, distance unknown."""
    missing_s = pl.col("s_lat").is_null() | pl.col("s_lon").is_null()
    missing_d = pl.col("d_lat").is_null() | pl.col("d_lon").is_null()
    s_rules = sup.lazy().join(rules.lazy(), on="s_class", how="inner")
    on = {"left_on": ["d_class", "s_park"], "right_on": ["d_class", "d_park"], "how": "inner"}
    first = s_rules.filter(missing_s).join(dem.lazy(), **on)  # type: ignore[arg-type]
    second = s_rules.filter(~missing_s).join(dem.lazy().filter(missing_d), **on)  # type: ignore[arg-type]
    return _finish(pl.concat([first, second]), False, None)


def _blocks(frame: pl.DataFrame, rows: int) -> list[pl.DataFrame]:
    """Split ``frame`` (sorted by ``s``) into blocks of about ``rows`` rows that never split a supply."""
    out, start = [], 0
    s = frame.get_column("s")
    while start < frame.height:
        end = min(start + rows, frame.height)
        if end < frame.height:
            end = int(s.search_sorted(s[end - 1], side="right"))
        out.append(frame.slice(start, end - start))
        start = end
    return out


def _spatial(
    todo: pl.DataFrame, dem: pl.DataFrame, radius: float, k_x: float, k_y: float, nearest: int | None
) -> pl.DataFrame:
    """Blocked join of supply rows with demands on (demand class, cell of side ``radius``), 3 x 3 cells."""
    cell = 1.001 * radius
    offsets = pl.LazyFrame({"ox": [-1, -1, -1, 0, 0, 0, 1, 1, 1], "oy": [-1, 0, 1, -1, 0, 1, -1, 0, 1]})
    d_lazy = (
        dem.lazy()
        .with_columns(
            (pl.col("d_lon") * k_x / cell).floor().cast(pl.Int64).alias("kx"),
            (pl.col("d_lat") * k_y / cell).floor().cast(pl.Int64).alias("ky"),
        )
        .with_columns(_key("d_class", "kx", "ky").alias("key"))
        .select("d", "d_firm", "d_lat", "d_lon", "key")
    )
    parts = []
    for block in _blocks(todo, _CHUNK):
        chunk = (
            block.lazy()
            .with_columns(
                (pl.col("s_lon") * k_x / cell).floor().cast(pl.Int64).alias("cx"),
                (pl.col("s_lat") * k_y / cell).floor().cast(pl.Int64).alias("cy"),
                pl.lit(radius).alias("band_km"),
            )
            .join(offsets, how="cross")
            .with_columns((pl.col("cx") + pl.col("ox")).alias("kx"), (pl.col("cy") + pl.col("oy")).alias("ky"))
            .with_columns(_key("d_class", "kx", "ky").alias("key"))
            .select("s", "s_firm", "s_lat", "s_lon", "rule", "reach_km", "band_km", "key")
        )
        joined = chunk.join(d_lazy, on="key", how="inner")
        near = (pl.col("s_lat") - pl.col("d_lat")).abs() * k_y <= pl.col("band_km") * 1.001
        parts.append(_finish(joined.filter(near), True, nearest).collect(engine="streaming"))
    schema: dict[str, Any] = {
        "s": pl.UInt32,
        "d": pl.UInt32,
        "rule": todo.schema["rule"],
        "distance_km": pl.Float64,
        "reach_km": pl.Float64,
    }
    return pl.concat(parts) if parts else pl.DataFrame(schema=schema)


def _key(cls: str, x: str, y: str) -> pl.Expr:
    """One Int64 key from a class code and two cell indices (each cell index within +-2^20)."""
    return (pl.col(cls) * (1 << 42)) + ((pl.col(x) + (1 << 20)) * (1 << 21)) + (pl.col(y) + (1 << 20))


def candidate_pairs(
    streams: pl.DataFrame | pl.LazyFrame,
    pairs: pl.DataFrame,
    reach: pl.DataFrame,
    radius_km: float,
    explain_distance: bool = True,
    nearest: int | None = None,
) -> pl.DataFrame:
    """Return the candidate (supply, demand, rule) pairs by blocked join on class and grid cell.

    Parameters
    ----------
    streams : polars.DataFrame or LazyFrame
        Stream table (:data:`eipkit.symbiosis.streams.STREAM_COLUMNS`); ``s`` and ``d`` in the
        result are its row numbers.
    pairs : polars.DataFrame
        ``supply_class``, ``demand_class``, ``rule`` (:meth:`KnowledgeBase.class_pairs`).
    reach : polars.DataFrame
        ``rule``, ``max_km`` (:func:`rule_reach`).
    radius_km : float
        Study radius [km].
    explain_distance : bool
        True: keep every pair within ``radius_km`` so that pairs beyond a pipeline's reach can be
        reported as too far; False: drop them during the join (fastest, for national runs).
    nearest : int, optional
        Keep only the ``nearest`` closest receivers of each supply under each rule (k-nearest
        blocking for national runs, where a dense cluster has thousands of receivers in reach);
        None keeps every pair.

    Returns
    -------
    polars.DataFrame
        ``s``, ``d``, ``rule``, ``distance_km`` (null when a coordinate is missing) and
        ``reach_km``, sorted by ``s`` and ``d``.
    """
    if nearest is not None and nearest < 1:
        raise ValueError(f"nearest must be at least 1 (or None), got {nearest}")
    sup, dem, classes = _sides(streams)
    rules = _rule_table(pairs, reach, radius_km, explain_distance, classes)
    parts = [_no_coords(sup, dem, rules).collect()]
    lats = pl.concat([sup.get_column("s_lat"), dem.get_column("d_lat")]).abs().max()
    sup_xy = sup.filter(pl.col("s_lat").is_not_null() & pl.col("s_lon").is_not_null())
    dem_xy = dem.filter(pl.col("d_lat").is_not_null() & pl.col("d_lon").is_not_null())
    if lats is not None and sup_xy.height and dem_xy.height:
        k_x = _EARTH_KM * _DEG * math.cos(min(float(lats), 89.0) * _DEG)  # type: ignore[arg-type]
        k_y = _EARTH_KM * _DEG
        for band in rules.get_column("band_km").unique().sort().to_list():
            band_rules = rules.filter(pl.col("band_km") == band)
            d_band = dem_xy.filter(pl.col("d_class").is_in(band_rules.get_column("d_class").unique().to_list()))
            todo = sup_xy.join(band_rules, on="s_class", how="inner").sort("s")
            stages = [float(band)] if nearest is None else [float(band) / 4, float(band) / 2, float(band)]
            for radius in stages:
                found = _spatial(todo, d_band, radius, k_x, k_y, nearest)
                if radius < stages[-1]:
                    counts = found.group_by("s", "rule").len()
                    done = counts.filter(pl.col("len") >= nearest).select("s", "rule")
                    parts.append(found.join(done, on=["s", "rule"], how="semi"))
                    todo = todo.join(done, on=["s", "rule"], how="anti")
                else:
                    parts.append(found)
    out = pl.concat(parts)
    return out.with_columns(pl.col("rule").cast(pl.String)).sort("s", "d")


def naive_candidate_pairs(
    streams: pl.DataFrame | pl.LazyFrame,
    pairs: pl.DataFrame,
    reach: pl.DataFrame,
    radius_km: float,
    explain_distance: bool = True,
    nearest: int | None = None,
) -> pl.DataFrame:
    r"""Return the same pairs as :func:`candidate_pairs` by a straightforward per-class join.

    Every supply is joined with every demand of a class its rules pair it with, then the distance
    filter applies: the work is :math:`\sum_{(a,b)} N_s(a)\,N_d(b)`. For tests and benchmarks.
    """
    sup, dem, classes = _sides(streams)
    rules = _rule_table(pairs, reach, radius_km, explain_distance, classes)
    sup_xy = sup.filter(pl.col("s_lat").is_not_null() & pl.col("s_lon").is_not_null()).lazy()
    dem_xy = dem.filter(pl.col("d_lat").is_not_null() & pl.col("d_lon").is_not_null()).lazy()
    joined = sup_xy.join(rules.lazy(), on="s_class", how="inner").join(dem_xy, on="d_class", how="inner")
    out = pl.concat([_no_coords(sup, dem, rules).collect(), _finish(joined, True, nearest).collect(engine="streaming")])
    return out.with_columns(pl.col("rule").cast(pl.String)).sort("s", "d")

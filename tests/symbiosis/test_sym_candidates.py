"""Blocked candidate generation: the same pairs as the per-class join, never beyond reach."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eipkit.park.checks import haversine_km
from eipkit.symbiosis import (
    STREAM_COLUMNS,
    candidate_pairs,
    knowledge_base,
    months_mask,
    naive_candidate_pairs,
    rule_reach,
    symbiosis_factors,
)

CLASSES_OUT = ["fly_ash", "steel_scrap", "treated_effluent", "hot_water", "pe"]
CLASSES_IN = ["fly_ash", "steel_scrap", "water", "heat", "pe", "metal_scrap"]


def random_streams(seed: int, n: int, spread: float, missing: float = 0.0) -> pl.DataFrame:
    rng = np.random.default_rng(seed)
    firms = max(2, n // 3)
    f_lat = 21.0 + rng.uniform(-spread, spread, firms)
    f_lon = 106.0 + rng.uniform(-spread, spread, firms)
    firm = rng.integers(0, firms, n)
    direction = np.where(rng.random(n) < 0.5, "out", "in")
    cls = np.where(direction == "out", rng.choice(CLASSES_OUT, n), rng.choice(CLASSES_IN, n))
    lat = f_lat[firm].astype(object)
    lon = f_lon[firm].astype(object)
    gone = rng.random(n) < missing
    lat[gone] = None
    lon[gone] = None
    frame = pl.DataFrame(
        {
            "park": np.where(firm % 2 == 0, "PA", "PB"),
            "firm": [f"F{i}" for i in firm],
            "stream": [f"S{i}" for i in range(n)],
            "direction": direction,
            "class": cls,
            "amount": rng.uniform(1, 100, n),
            "latitude": pl.Series(lat.tolist(), dtype=pl.Float64),
            "longitude": pl.Series(lon.tolist(), dtype=pl.Float64),
        }
    )
    return frame.with_columns(
        *[pl.lit(None, dtype).alias(c) for c, dtype in STREAM_COLUMNS.items() if c not in frame.columns]
    ).select(list(STREAM_COLUMNS))


def test_months_mask() -> None:
    assert months_mask("1-4,11-12") == 0b110000001111
    assert months_mask("11-2") == months_mask("11,12,1,2")
    assert months_mask("") == 4095
    with pytest.raises(ValueError, match="between 1 and 12"):
        months_mask("13")
    with pytest.raises(ValueError, match="ranges"):
        months_mask("spring")


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    n=st.integers(2, 80),
    spread=st.sampled_from([0.01, 0.1, 0.5]),
    radius=st.sampled_from([2.0, 10.0, 30.0]),
    explain=st.booleans(),
)
def test_blocked_join_equals_per_class_join(seed: int, n: int, spread: float, radius: float, explain: bool) -> None:
    kb, factors = knowledge_base(), symbiosis_factors()
    streams = random_streams(seed, n, spread, missing=0.1)
    reach = rule_reach(kb, factors, radius)
    blocked = candidate_pairs(streams, kb.class_pairs(), reach, radius, explain)
    naive = naive_candidate_pairs(streams, kb.class_pairs(), reach, radius, explain)
    assert blocked.equals(naive)
    rows = streams.with_row_index("i")
    pairs = blocked.join(
        rows.select(pl.col("i").alias("s"), pl.col("firm").alias("sf"), pl.col("park").alias("sp")), on="s"
    )
    pairs = pairs.join(
        rows.select(pl.col("i").alias("d"), pl.col("firm").alias("df"), pl.col("park").alias("dp")), on="d"
    )
    assert (pairs.get_column("sf") != pairs.get_column("df")).all()  # never within one firm
    known = pairs.filter(pl.col("distance_km").is_not_null())
    assert (known.get_column("distance_km") <= radius + 1e-9).all()
    if not explain:
        assert (known.get_column("distance_km") <= known.get_column("reach_km") + 1e-9).all()
    unknown = pairs.filter(pl.col("distance_km").is_null())
    assert (unknown.get_column("sp") == unknown.get_column("dp")).all()  # no coordinates: same park only


def test_pairs_exactly_at_the_radius_edge() -> None:
    """A pair 9.99 km apart is found with a 10 km radius; 10.01 km is not (cell borders included)."""
    kb, factors = knowledge_base(), symbiosis_factors()
    lat = 21.0
    east = [106.0 + d / (111.195 * np.cos(np.radians(lat))) for d in (0.0, 9.99, 10.01)]
    frame = random_streams(0, 3, 0.0).with_columns(
        pl.Series("firm", ["A", "B", "C"]),
        pl.Series("direction", ["out", "in", "in"]),
        pl.Series("class", ["fly_ash", "fly_ash", "fly_ash"]),
        pl.Series("latitude", [lat, lat, lat]),
        pl.Series("longitude", east),
    )
    got = candidate_pairs(frame, kb.class_pairs(), rule_reach(kb, factors, 10.0), 10.0)
    assert got.get_column("d").to_list() == [1]
    d = float(haversine_km(lat, east[0], lat, east[1]))
    assert got.get_column("distance_km")[0] == pytest.approx(d, rel=1e-9)


def test_reach_of_rules() -> None:
    kb, factors = knowledge_base(), symbiosis_factors()
    reach = dict(rule_reach(kb, factors, 30.0).select("rule", "max_km").iter_rows())
    assert reach["fly_ash_scm"] == 30.0  # truck: the radius
    assert reach["effluent_reuse"] == 10.0  # water pipeline
    assert reach["waste_heat_liquid"] == 3.0  # hot-water pipeline
    assert reach["spent_grain_feed"] == 30.0  # rule limit 50 km above the radius
    assert dict(rule_reach(kb, factors, 2.0).select("rule", "max_km").iter_rows())["effluent_reuse"] == 2.0
    with pytest.raises(ValueError, match="positive"):
        rule_reach(kb, factors, 0.0)


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(2, 120), k=st.integers(1, 4))
def test_k_nearest_blocking_is_exact(seed: int, n: int, k: int) -> None:
    """The staged search (R/4, R/2, R) keeps exactly the k nearest receivers per supply and rule."""
    kb, factors = knowledge_base(), symbiosis_factors()
    streams = random_streams(seed, n, 0.2)
    reach = rule_reach(kb, factors, 20.0)
    blocked = candidate_pairs(streams, kb.class_pairs(), reach, 20.0, False, nearest=k)
    naive = naive_candidate_pairs(streams, kb.class_pairs(), reach, 20.0, False, nearest=k)
    assert blocked.equals(naive)
    assert (blocked.group_by("s", "rule").len().get_column("len") <= k).all()
    with pytest.raises(ValueError, match="nearest"):
        candidate_pairs(streams, kb.class_pairs(), reach, 20.0, nearest=0)

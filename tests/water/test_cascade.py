"""Single-contaminant targeting: water cascade analysis and limiting data."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eipkit.water import (
    InfeasibleWaterError,
    WaterInputError,
    WaterProblem,
    fixed_load_cascade,
    limiting_composite_curve,
    limiting_flow,
    optimise_network,
    water_cascade,
)

# Wang & Smith (1994), Chem. Eng. Sci. 49(7) 981-1006, example 1: four operations, one contaminant.
WS_LOAD = [2.0, 5.0, 30.0, 4.0]  # kg/h
WS_CIN = [0.0, 50.0, 50.0, 400.0]  # ppm
WS_COUT = [100.0, 100.0, 800.0, 800.0]  # ppm


def test_wang_smith_limiting_flows_by_hand() -> None:
    """F = 1000 m / (Cout - Cin): 2000/100, 5000/50, 30000/750, 4000/400 t/h."""
    assert limiting_flow(WS_LOAD, WS_CIN, WS_COUT).tolist() == [20.0, 100.0, 40.0, 10.0]


def test_wang_smith_1994_freshwater_target_90() -> None:
    """Wang & Smith (1994) example 1: minimum freshwater 90 t/h at zero inlet, pinch at 100 ppm.

    Hand check (limiting composite curve): cumulative loads 1, 9, 21, 41 kg/h at 50, 100, 400,
    800 ppm; freshwater = max(1000*1/50, 1000*9/100, 1000*21/400, 1000*41/800) = 90 t/h at 100 ppm.
    """
    r = fixed_load_cascade(WS_LOAD, WS_CIN, WS_COUT)
    assert r.freshwater_flow == pytest.approx(90.0)
    assert r.wastewater_flow == pytest.approx(90.0)
    assert r.pinch_concentration == pytest.approx(100.0)
    assert r.kind == "pinch"


def test_limiting_composite_curve_by_hand() -> None:
    """Wang & Smith (1994) example 1 limiting composite: 0, 1, 9, 21, 41 kg/h (computed above)."""
    curve = limiting_composite_curve(WS_LOAD, WS_CIN, WS_COUT)
    assert curve["concentration"].to_list() == [0.0, 50.0, 100.0, 400.0, 800.0]
    assert curve["cumulative_load"].to_list() == pytest.approx([0.0, 1.0, 9.0, 21.0, 41.0])


def test_manan_2004_water_cascade_table() -> None:
    """Manan, Tan & Foo (2004), AIChE J. 50(12): the Wang & Smith data as sources and sinks.

    Sinks SK1-SK4 20/100/40/10 t/h at 0/50/50/400 ppm, sources 20/100/40/10 t/h at 100/100/800/800.
    Targets 90 t/h freshwater, 90 t/h wastewater, pinch 100 ppm; the cumulative load is zero at
    the pinch and the cascaded flow between 50 and 100 ppm is 90 - 20 - 140 = -70 t/h.
    """
    r = water_cascade([20, 100, 40, 10], [100, 100, 800, 800], [20, 100, 40, 10], [0, 50, 50, 400])
    assert (r.freshwater_flow, r.wastewater_flow, r.pinch_concentration) == pytest.approx((90.0, 90.0, 100.0))
    table = r.table
    assert table["concentration"].to_list() == [0.0, 50.0, 100.0, 400.0, 800.0]
    assert table["cumulative_flow"].to_list() == pytest.approx([70.0, -70.0, 50.0, 40.0, 90.0])
    assert table["cumulative_load"].to_list() == pytest.approx([0.0, 3500.0, 0.0, 15000.0, 31000.0])


def test_threshold_zero_freshwater() -> None:
    """Hand case: a 10 t/h sink at 200 ppm fed by a 30 t/h source at 100 ppm needs no freshwater."""
    r = water_cascade([30], [100], [10], [200])
    assert r.freshwater_flow == 0.0
    assert r.wastewater_flow == pytest.approx(20.0)
    assert r.pinch_concentration is None
    assert r.kind == "threshold_zero_freshwater"


def test_threshold_zero_wastewater() -> None:
    """Hand case: sink 100 t/h at 100 ppm, source 10 t/h at 500 ppm.

    Without freshwater the cumulative load at 500 ppm is -100*(500-100) = -40000 g/h, so the load
    needs 40000/500 = 80 t/h; the flow balance needs 100 - 10 = 90 t/h, which binds: freshwater
    90 t/h, no wastewater, no pinch (a zero-wastewater threshold problem, Foo 2008).
    """
    r = water_cascade([10], [500], [100], [100])
    assert r.freshwater_flow == pytest.approx(90.0)
    assert r.wastewater_flow == pytest.approx(0.0)
    assert r.kind == "threshold_zero_wastewater"


def test_impure_freshwater_by_hand() -> None:
    """Freshwater at 10 ppm: a 100 t/h sink at 50 ppm with a 20 t/h source at 100 ppm.

    With F = 80 t/h (the flow balance) the load is 80*10 + 20*100 = 2800 <= 100*50 g/h: F = 80.
    With a 60 t/h source: F*10 + (100 - F)*100 <= 5000 gives F >= 5000/90 t/h, pinch at 100 ppm.
    """
    r = water_cascade([20], [100], [100], [50], freshwater_concentration=10.0)
    assert r.freshwater_flow == pytest.approx(80.0)
    r2 = water_cascade([60], [100], [100], [50], freshwater_concentration=10.0)
    # F*10 + (100-F)*100 <= 5000  ->  F >= 5000/90 = 55.56 t/h
    assert r2.freshwater_flow == pytest.approx(5000 / 90)
    assert r2.pinch_concentration == pytest.approx(100.0)


def test_sink_cleaner_than_freshwater_is_infeasible() -> None:
    with pytest.raises(InfeasibleWaterError, match="SK1"):
        water_cascade([10], [100], [5], [2], freshwater_concentration=10.0, sink_id=["SK1"])


def test_sink_cleaner_than_freshwater_served_by_clean_source() -> None:
    r = water_cascade([10], [0], [10], [2], freshwater_concentration=10.0)
    assert r.freshwater_flow == 0.0


def test_negative_flow_is_an_error() -> None:
    with pytest.raises(WaterInputError, match="negative"):
        water_cascade([-1], [100], [10], [50])


def test_rich_source_is_noted() -> None:
    r = water_cascade([10, 5], [100, 5000], [10], [200], source_id=["A", "B"])
    assert any("'B'" in n for n in r.notes)


flows = st.lists(st.floats(0.5, 100), min_size=1, max_size=5)
concs = st.lists(st.floats(0, 500), min_size=5, max_size=5)


@settings(max_examples=12, deadline=None)
@given(flows, concs, flows, concs, st.floats(0, 20))
def test_cascade_equals_linear_programme(
    sf: list[float], sc: list[float], df: list[float], dc: list[float], cfw: float
) -> None:
    """The cascade target is the LP optimum (El-Halwagi et al. 2003), for any data."""
    sc, dc = sc[: len(sf)], [max(c, cfw) for c in dc[: len(df)]]
    r = water_cascade(sf, sc, df, dc, cfw)
    p = WaterProblem.build(
        [f"S{i}" for i in range(len(sf))],
        sf,
        sc,
        [f"D{j}" for j in range(len(df))],
        df,
        dc,
        freshwater_concentration=cfw,
    )
    lp = optimise_network(p)
    assert r.freshwater_flow == pytest.approx(lp.freshwater_flow, rel=1e-6, abs=1e-6)
    assert r.wastewater_flow == pytest.approx(r.freshwater_flow + sum(sf) - sum(df), abs=1e-6)
    assert (r.table["cumulative_load"].to_numpy() >= -1e-6 * max(1.0, abs(r.table["cumulative_load"]).max())).all()


@settings(max_examples=40, deadline=None)
@given(flows, concs, flows, concs, st.floats(0.1, 100), st.floats(0, 500))
def test_adding_a_source_never_raises_freshwater(
    sf: list[float], sc: list[float], df: list[float], dc: list[float], f_new: float, c_new: float
) -> None:
    sc, dc = sc[: len(sf)], dc[: len(df)]
    before = water_cascade(sf, sc, df, dc).freshwater_flow
    after = water_cascade([*sf, f_new], [*sc, c_new], df, dc).freshwater_flow
    assert after <= before + 1e-9 * max(1.0, before)

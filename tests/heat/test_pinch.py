"""Problem table algorithm: published examples, hand-solved cases, errors and invariants."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eipkit.heat import HeatInputError, pinch_targets, problem_table, shifted_temperatures

# Kemp (2007), Table 2.2 / p. 4 four-stream example (also Linnhoff et al. 1982 User Guide):
# 1 cold 20->135 CP 2.0; 2 hot 170->60 CP 3.0; 3 cold 80->140 CP 4.0; 4 hot 150->30 CP 1.5 (kW/K).
KEMP = ([20.0, 170.0, 80.0, 150.0], [135.0, 60.0, 140.0, 30.0], [2.0, 3.0, 4.0, 1.5])
# Smith (2005), Chemical Process Design and Integration, Table 16.1 (CP in MW/K):
# 1 cold 20->180 CP 0.2; 2 hot 250->40 CP 0.15; 3 cold 140->230 CP 0.3; 4 hot 200->80 CP 0.25.
SMITH = ([20.0, 250.0, 140.0, 200.0], [180.0, 40.0, 230.0, 80.0], [0.2, 0.15, 0.3, 0.25])


def test_kemp_four_stream_targets() -> None:
    """Kemp, I. C. (2007) Pinch Analysis and Process Integration, 2nd ed., ch. 2, four-stream example
    (p. 4): at ΔTmin = 10 K the minimum hot utility is 20 kW, the minimum cold utility 60 kW and the
    pinch is at 90 °C (hot) / 80 °C (cold), 85 °C shifted. The same data and answers are reproduced
    by the open-source package pina (github.com/FitzOReilly/pina, README), which cites Kemp p. 4."""
    t = pinch_targets(*KEMP, dtmin=10)
    assert t.hot_utility == pytest.approx(20.0)
    assert t.cold_utility == pytest.approx(60.0)
    assert t.pinch_shifted_temperature == pytest.approx(85.0)
    assert (t.pinch_hot_temperature, t.pinch_cold_temperature) == (90.0, 80.0)
    assert t.hot_duty == pytest.approx(510.0) and t.cold_duty == pytest.approx(470.0)
    assert t.heat_recovery == pytest.approx(450.0)
    assert not t.threshold


def test_kemp_problem_table_by_hand() -> None:
    """Kemp (2007) four-stream problem table, checked by hand: shifted boundaries 165, 145, 140, 85,
    55, 25 °C; CPnet 3, 0.5, -1.5, 2.5, -0.5 kW/K; interval ΔH +60, +2.5, -82.5, +75, -15 kW; the
    cascade from zero 0, 60, 62.5, -20, 55, 40 becomes 20, 80, 82.5, 0, 75, 60 with 20 kW on top."""
    pt = problem_table(*KEMP, dtmin=10)
    assert pt["shifted_temperature"].to_list() == [165.0, 145.0, 140.0, 85.0, 55.0, 25.0]
    assert pt["cp_net"].to_list()[:-1] == pytest.approx([3.0, 0.5, -1.5, 2.5, -0.5])
    assert pt["heat_surplus"].to_list()[:-1] == pytest.approx([60.0, 2.5, -82.5, 75.0, -15.0])
    assert pt["infeasible_heat_flow"].to_list() == pytest.approx([0.0, 60.0, 62.5, -20.0, 55.0, 40.0])
    assert pt["heat_flow"].to_list() == pytest.approx([20.0, 80.0, 82.5, 0.0, 75.0, 60.0])


def test_smith_four_stream_targets() -> None:
    """Smith, R. (2005) Chemical Process Design and Integration, Wiley, ch. 16 (heat exchanger network
    targets), Table 16.1 stream data: ΔTmin = 10 °C gives QHmin = 7.5 MW, QCmin = 10.0 MW and the
    pinch at 150 °C hot / 140 °C cold. Checked by hand: shifted boundaries 245, 235, 195, 185, 145,
    75, 35, 25; interval ΔH +1.5, -6, +1, -4, +14, -2, -2 MW; the cascade from zero reaches its
    minimum, -7.5 MW, at 145 °C, and 7.5 - 10.0 = 59.0 - 61.5 (energy balance)."""
    t = pinch_targets(*SMITH, dtmin=10)
    assert t.hot_utility == pytest.approx(7.5)
    assert t.cold_utility == pytest.approx(10.0)
    assert (t.pinch_hot_temperature, t.pinch_cold_temperature) == (150.0, 140.0)
    pt = problem_table(*SMITH, dtmin=10)
    assert pt["shifted_temperature"].to_list() == [245.0, 235.0, 195.0, 185.0, 145.0, 75.0, 35.0, 25.0]
    assert pt["heat_surplus"].to_list()[:-1] == pytest.approx([1.5, -6.0, 1.0, -4.0, 14.0, -2.0, -2.0])


def test_two_streams_by_hand() -> None:
    """Hot 150->50 °C CP 1.8 (180 kW) and cold 20->200 °C CP 1 (180 kW), shifts of 10 K each side
    (ΔTmin 20): hot 140->40, cold 30->210. Intervals 210-140: -70; 140-40: +0.8x100 = +80;
    40-30: -10. Cascade 0, -70, 10, 0 -> QH = 70, QC = 70, pinch at 140 shifted."""
    t = pinch_targets([150, 20], [50, 200], [1.8, 1.0], dtmin=20)
    assert t.hot_utility == pytest.approx(70.0)
    assert t.cold_utility == pytest.approx(70.0)
    assert t.pinch_shifted_temperature == pytest.approx(140.0)


def test_individual_contributions_by_hand() -> None:
    """Kemp's four streams with ΔT contribution 10 K on stream 4 (e.g. a gas) and 5 K elsewhere:
    shifted 4 becomes 140->20. Intervals: 165-145 +60; 145-140 -5; 140-85 -82.5; 85-55 +75;
    55-25 -15; 25-20 +7.5. Cascade 0, 60, 55, -27.5, 47.5, 32.5, 40 -> QH 27.5, QC 67.5."""
    t = pinch_targets(*KEMP, dtmin=10, dtmin_contribution=[np.nan, np.nan, np.nan, 10.0])
    assert t.hot_utility == pytest.approx(27.5)
    assert t.cold_utility == pytest.approx(67.5)
    assert t.pinch_shifted_temperature == pytest.approx(85.0)


def test_threshold_problem_has_one_utility() -> None:
    """Hot 150->50 CP 2 (200 kW), cold 20->120 CP 1.5 (150 kW), ΔTmin 10: cascade 0, 40, 80, 50 is
    never negative, so no hot utility is needed and 50 kW must be rejected (threshold problem)."""
    t = pinch_targets([150, 20], [50, 120], [2.0, 1.5], dtmin=10)
    assert t.hot_utility == 0.0
    assert t.cold_utility == pytest.approx(50.0)
    assert t.threshold


def test_only_hot_or_only_cold_streams() -> None:
    hot = pinch_targets([150.0], [50.0], [2.0], dtmin=10)
    cold = pinch_targets([20.0], [120.0], [1.5], dtmin=10)
    assert (hot.hot_utility, hot.cold_utility) == (0.0, pytest.approx(200.0))
    assert (cold.hot_utility, cold.cold_utility) == (pytest.approx(150.0), 0.0)


def test_shifted_temperatures() -> None:
    s, t, hot = shifted_temperatures([170, 20], [60, 135], [3.0, 2.0], 10, [2.0, np.nan])
    assert s.tolist() == [168.0, 25.0] and t.tolist() == [58.0, 140.0] and hot.tolist() == [True, False]


@pytest.mark.parametrize(
    ("ts", "tt", "cp", "words"),
    [
        ([100.0, 20.0], [100.0, 80.0], [1.0, 1.0], "no direction"),
        ([150.0], [50.0], [-2.0], "positive"),
        ([150.0], [50.0], [0.0], "positive"),
        ([np.nan], [50.0], [1.0], "missing"),
        ([150.0, 20.0], [50.0], [1.0, 1.0], "give one per stream"),
    ],
)
def test_inconsistent_streams_raise_clear_errors(ts: list[float], tt: list[float], cp: list[float], words: str) -> None:
    with pytest.raises(HeatInputError, match=words):
        pinch_targets(ts, tt, cp, dtmin=10)


def test_negative_dtmin_raises() -> None:
    with pytest.raises(HeatInputError, match="dtmin"):
        pinch_targets(*KEMP, dtmin=-1)


def _streams() -> st.SearchStrategy[tuple[list[float], list[float], list[float]]]:
    stream = st.tuples(
        st.integers(0, 300), st.integers(0, 300), st.floats(0.1, 10.0, allow_nan=False, allow_infinity=False)
    ).filter(lambda s: s[0] != s[1])
    return st.lists(stream, min_size=1, max_size=8).map(
        lambda rows: ([float(r[0]) for r in rows], [float(r[1]) for r in rows], [r[2] for r in rows])
    )


@settings(max_examples=60, deadline=None)
@given(_streams(), st.floats(0.0, 40.0))
def test_energy_balance(streams: tuple[list[float], list[float], list[float]], dtmin: float) -> None:
    """Hot utility - cold utility = total cold duty - total hot duty, utilities never negative."""
    t = pinch_targets(*streams, dtmin=dtmin)
    scale = max(1.0, t.hot_duty + t.cold_duty)
    assert t.hot_utility >= 0 and t.cold_utility >= 0
    assert t.hot_utility - t.cold_utility == pytest.approx(t.cold_duty - t.hot_duty, abs=1e-9 * scale)
    assert t.heat_recovery <= min(t.hot_duty, t.cold_duty) + 1e-9 * scale


@settings(max_examples=60, deadline=None)
@given(_streams(), st.floats(0.0, 30.0), st.floats(0.0, 30.0))
def test_targets_never_worsen_when_dtmin_falls(
    streams: tuple[list[float], list[float], list[float]], a: float, b: float
) -> None:
    low, high = sorted((a, b))
    t_low, t_high = pinch_targets(*streams, dtmin=low), pinch_targets(*streams, dtmin=high)
    tol = 1e-9 * max(1.0, t_low.hot_duty + t_low.cold_duty)
    assert t_low.hot_utility <= t_high.hot_utility + tol
    assert t_low.cold_utility <= t_high.cold_utility + tol


@settings(max_examples=40, deadline=None)
@given(_streams(), st.floats(0.0, 30.0), st.randoms(use_true_random=False))
def test_cascade_is_feasible_and_order_free(
    streams: tuple[list[float], list[float], list[float]], dtmin: float, rnd: object
) -> None:
    pt = problem_table(*streams, dtmin=dtmin)
    flow = pt["heat_flow"].to_numpy()
    t = pinch_targets(*streams, dtmin=dtmin)
    assert flow.min() >= 0.0
    assert flow[0] == pytest.approx(t.hot_utility) and flow[-1] == pytest.approx(t.cold_utility, abs=1e-9)
    order = list(range(len(streams[0])))
    rnd.shuffle(order)  # type: ignore[attr-defined]
    shuffled = tuple([col[i] for i in order] for col in streams)
    assert pinch_targets(*shuffled, dtmin=dtmin).hot_utility == pytest.approx(t.hot_utility, abs=1e-9)


@settings(max_examples=30, deadline=None)
@given(_streams(), st.floats(0.01, 100.0))
def test_utilities_scale_with_cp(streams: tuple[list[float], list[float], list[float]], k: float) -> None:
    ts, tt, cp = streams
    t1, tk = pinch_targets(ts, tt, cp, dtmin=10), pinch_targets(ts, tt, [c * k for c in cp], dtmin=10)
    assert tk.hot_utility == pytest.approx(k * t1.hot_utility, rel=1e-9, abs=1e-9)

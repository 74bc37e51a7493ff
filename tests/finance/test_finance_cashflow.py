"""NPV, IRR and payback against hand-worked and textbook examples, edge cases and properties."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eipkit.finance import FinanceInputError, discount_factors, irr, npv, payback_period


def test_npv_hand_worked() -> None:
    """-1000 now, +500 for three years at 10 %: 500/1.1 + 500/1.21 + 500/1.331 - 1000 = 243.43."""
    assert npv([-1000, 500, 500, 500], 0.10) == pytest.approx(243.4260, abs=1e-4)


def test_npv_zero_discount_rate_is_the_sum() -> None:
    assert npv([-1000, 300, 300, 300, 300], 0.0) == pytest.approx(200.0)


def test_irr_textbook_example() -> None:
    """Brealey, Myers & Allen, Principles of Corporate Finance, ch. 5: C0 = -4,000, C1 = +2,000,
    C2 = +4,000 has an IRR of 28.08 %."""
    assert irr([-4000, 2000, 4000]) == pytest.approx(0.2808, abs=1e-4)


def test_irr_hand_worked() -> None:
    assert irr([-100, 110]) == pytest.approx(0.10, abs=1e-12)
    rate = irr([-1000, 500, 500, 500])
    assert npv([-1000, 500, 500, 500], rate) == pytest.approx(0.0, abs=1e-6)


def test_irr_without_positive_cash_flow_is_nan() -> None:
    assert math.isnan(irr([-1000, -10, -10]))
    assert math.isnan(irr([100, 10, 10]))
    assert math.isnan(irr([0, 0, 0]))


def test_irr_of_non_conventional_flows_is_the_one_closest_to_zero() -> None:
    """-100, +230, -132 has two IRRs: 10 % and 20 % (roots of -132x² + 230x - 100 with x = 1/(1+r))."""
    assert irr([-100, 230, -132]) == pytest.approx(0.10, abs=1e-9)


def test_vectorised_over_projects() -> None:
    flows = np.array([[-100, 110, 0], [-1000, 500, 700]])
    assert np.allclose(npv(flows, 0.0), [10.0, 200.0])
    assert irr(flows)[0] == pytest.approx(0.10)
    assert np.allclose(npv([-100, 110], np.array([0.0, 0.1])), [10.0, 0.0])


def test_payback() -> None:
    assert payback_period([-1000, 400, 400, 400]) == pytest.approx(2.5)
    assert payback_period([50, 10]) == 0.0
    assert math.isinf(payback_period([-1000, 100, 100]))
    simple = payback_period([-1000, 400, 400, 400, 400])
    assert payback_period([-1000, 400, 400, 400, 400], 0.08) > simple


def test_payback_after_a_dip_counts_from_the_last_negative_year() -> None:
    # cumulative: -100, 0, -50, 50 -> it stays non-negative only from year 3
    assert payback_period([-100, 100, -50, 100]) == pytest.approx(2.5)


def test_discount_factors() -> None:
    assert discount_factors(0.1, 2) == pytest.approx([1.0, 1 / 1.1, 1 / 1.21])


@pytest.mark.parametrize(
    ("flows", "rate"),
    [([-100], 0.1), ([-100, float("nan")], 0.1), ([-100, 50], -1.0), ([-100, 50], float("inf"))],
)
def test_bad_input_raises(flows: list[float], rate: float) -> None:
    with pytest.raises(FinanceInputError):
        npv(flows, rate)


@settings(max_examples=60, deadline=None)
@given(
    invest=st.floats(10.0, 1e6),
    inflows=st.lists(st.floats(1.0, 1e6), min_size=1, max_size=15),
)
def test_npv_is_zero_at_the_irr_of_conventional_flows(invest: float, inflows: list[float]) -> None:
    flows = [-invest, *inflows]
    rate = irr(flows)
    assert not math.isnan(rate)
    assert abs(npv(flows, rate)) <= 1e-6 * (invest + sum(inflows))


@settings(max_examples=40, deadline=None)
@given(
    invest=st.floats(10.0, 1e6),
    inflows=st.lists(st.floats(1.0, 1e6), min_size=1, max_size=10),
    low=st.floats(0.0, 0.5),
    step=st.floats(0.01, 0.5),
)
def test_npv_falls_with_the_discount_rate(invest: float, inflows: list[float], low: float, step: float) -> None:
    flows = [-invest, *inflows]
    assert npv(flows, low + step) < npv(flows, low)

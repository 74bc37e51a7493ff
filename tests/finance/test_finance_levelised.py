"""Annuity (capital recovery) factor and LCOE against hand-worked values, edge cases and identities."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eipkit.finance import FinanceInputError, annuity, annuity_factor, discount_factors, lcoe, npv


def test_annuity_factor_table_value() -> None:
    """Capital recovery factor (A/P, 8 %, 10) = 0.14903 (standard interest tables, e.g. Short, Packey
    & Holt 1995, NREL/TP-462-5173, eq. 4-4)."""
    assert annuity_factor(0.08, 10) == pytest.approx(0.149029, abs=1e-6)
    assert annuity(1_000_000, 0.08, 10) == pytest.approx(149_029.49, abs=0.01)


def test_annuity_factor_at_zero_rate_is_one_over_n() -> None:
    assert annuity_factor(0.0, 4) == pytest.approx(0.25)
    assert annuity_factor(np.array([0.0, 0.05]), 4)[0] == pytest.approx(0.25)


def test_lcoe_hand_worked() -> None:
    """1000 VND invested, 10 VND/a O&M, 100 MWh/a for 10 years at 8 %: (1000 + 10 x 6.7101) / (100 x 6.7101)."""
    assert lcoe(1000.0, 10.0, 100.0, 0.08, 10) == pytest.approx(1067.101 / 671.008, rel=1e-5)
    assert lcoe(1000.0, 0.0, 100.0, 0.0, 10) == pytest.approx(1.0)


def test_lcoe_rises_with_degradation() -> None:
    assert lcoe(1000.0, 10.0, 100.0, 0.08, 10, degradation=0.01) > lcoe(1000.0, 10.0, 100.0, 0.08, 10)


def test_lcoe_is_the_break_even_price() -> None:
    price = lcoe(5000.0, 100.0, 300.0, 0.07, 15)
    flows = np.r_[-5000.0, np.full(15, price * 300.0 - 100.0)]
    assert npv(flows, 0.07) == pytest.approx(0.0, abs=1e-6)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"annual_energy": 0.0},
        {"annual_energy": -5.0},
        {"lifetime": 0},
        {"lifetime": 2.5},
        {"degradation": 1.0},
        {"degradation": -0.1},
        {"discount_rate": -1.5},
    ],
)
def test_lcoe_bad_input(kwargs: dict[str, float]) -> None:
    args = {"capex": 1000.0, "annual_opex": 0.0, "annual_energy": 10.0, "discount_rate": 0.05, "lifetime": 10}
    args.update(kwargs)
    with pytest.raises(FinanceInputError):
        lcoe(**args)  # type: ignore[arg-type]


def test_annuity_factor_rejects_zero_lifetime() -> None:
    with pytest.raises(FinanceInputError):
        annuity_factor(0.05, 0)


@settings(max_examples=60, deadline=None)
@given(rate=st.floats(0.0, 0.5), years=st.integers(1, 60))
def test_annuity_times_present_value_factor_is_one(rate: float, years: int) -> None:
    present = float(np.sum(discount_factors(rate, years)[1:]))
    assert annuity_factor(rate, years) * present == pytest.approx(1.0, rel=1e-9)

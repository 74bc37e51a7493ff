"""Load profiles and the behind-the-meter split with the export cap (hand-solvable cases, invariants)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from eipkit.energy import EnergyInputError, load_profile, self_consumption, shift_profile


def test_shift_profiles() -> None:
    assert shift_profile(8760.0) == pytest.approx(np.full(8760, 1 / 8760))
    day = shift_profile(2504.0)  # one 8-hour shift, Monday-Saturday
    assert int((day > 0).sum()) == 2504
    hours = np.flatnonzero(day[5 * 24 : 6 * 24])  # Monday 6 January 2025
    assert hours.tolist() == list(range(9, 17))
    assert day[4 * 24 : 5 * 24].sum() == 0.0  # Sunday 5 January
    with pytest.raises(EnergyInputError):
        shift_profile(0.0)
    with pytest.raises(EnergyInputError):
        shift_profile(9000.0)


def test_load_profile_scales_to_the_annual_energy() -> None:
    assert load_profile(876.0).sum() == pytest.approx(876_000.0)
    shape = np.r_[np.ones(4380), np.zeros(4380)]
    assert load_profile(10.0, profile=shape)[:4380] == pytest.approx(np.full(4380, 10_000 / 4380))


def test_load_profile_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(EnergyInputError, match="8760 values"):
        load_profile(100.0, profile=np.ones(8784))
    with pytest.raises(EnergyInputError, match="all zero"):
        load_profile(100.0, profile=np.zeros(8760))
    with pytest.raises(EnergyInputError, match="negative"):
        load_profile(100.0, profile=-np.ones(8760))


def test_hand_solvable_split() -> None:
    """2 kW generation, 1 kW load all year, at most 25 % of the output sold: 8.76 MWh used,
    4.38 MWh exported (25 % of 17.52) and the other 4.38 MWh curtailed."""
    s = self_consumption(np.full(8760, 2.0), np.full(8760, 1.0), surplus_cap=0.25)
    totals = s.totals()
    assert totals["self_consumed"] == pytest.approx(8.76)
    assert totals["exported"] == pytest.approx(4.38)
    assert totals["curtailed"] == pytest.approx(4.38)
    assert totals["imported"] == pytest.approx(0.0)
    none = self_consumption(np.full(8760, 2.0), np.full(8760, 1.0), zero_export=True).totals()
    assert none["exported"] == 0.0 and none["curtailed"] == pytest.approx(8.76)


def test_default_cap_is_decree_243() -> None:
    s = self_consumption(np.full(8760, 3.0), np.full(8760, 1.0))
    assert s.surplus_cap == 0.5
    assert s.totals()["exported"] == pytest.approx(0.5 * 3.0 * 8.76)


def test_bad_inputs() -> None:
    with pytest.raises(EnergyInputError, match="between 0 and 1"):
        self_consumption(np.ones(8760), np.ones(8760), surplus_cap=50)
    with pytest.raises(EnergyInputError, match="8760"):
        self_consumption(np.ones(100), np.ones(8760))


_hours = arrays(np.float64, 8760, elements=st.floats(0.0, 1000.0))


@settings(max_examples=25, deadline=None)
@given(gen=_hours, load=_hours, cap=st.floats(0.0, 1.0))
def test_energy_is_conserved_and_the_cap_holds(gen: np.ndarray, load: np.ndarray, cap: float) -> None:
    s = self_consumption(gen, load, surplus_cap=cap)
    assert np.allclose(s.self_consumed + s.exported + s.curtailed, gen)
    assert np.allclose(s.self_consumed + s.imported, load)
    assert s.exported.sum() <= cap * gen.sum() * (1 + 1e-9) + 1e-9
    assert np.all(s.curtailed >= -1e-9)

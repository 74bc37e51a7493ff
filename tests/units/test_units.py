"""Units: parsing of units as people write them, kinds, conversions and annualisation."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eipkit.units import (
    CANONICAL_UNITS,
    KINDS,
    UnitError,
    annual_factor,
    conversion_factor,
    convert,
    kind_of,
    parse_unit,
)

HOURS_PER_YEAR = 8760.0


def annual(quantity: float, unit: str, period: str | None = None, hours: float = HOURS_PER_YEAR) -> float:
    """Annual amount in canonical units, as the park tables derive it."""
    _, factor, uses_hours = annual_factor(unit, period)
    return quantity * factor * (hours if uses_hours else 1.0)


# -- hand-checked conversions ------------------------------------------------------------------------


def test_tonnes_per_month_is_twelve_times_tonnes_per_year() -> None:
    assert annual_factor("t/month") == ("mass_flow", 12.0, False)
    assert conversion_factor("t/month", "t/a") == 12.0
    assert convert(np.array([50.0, 0.0]), "t/month", "t/a").tolist() == [600.0, 0.0]
    assert annual(50.0, "t/month", hours=1000.0) == 600.0  # calendar average: operating hours do not apply


def test_year_is_365_days_and_month_a_twelfth_of_it() -> None:
    assert conversion_factor("t/day", "t/a") == 365.0
    assert conversion_factor("t/month", "t/day") == pytest.approx(12 / 365, rel=1e-15)
    assert conversion_factor("t/week", "t/a") == pytest.approx(365 / 7, rel=1e-15)
    assert conversion_factor("a", "h") == HOURS_PER_YEAR


def test_kg_per_day_runs_for_the_operating_hours() -> None:
    kind, factor, uses_hours = annual_factor("kg/day")
    assert (kind, uses_hours) == ("mass_flow", True)
    assert factor == pytest.approx(1 / 24 / 1000 / 1, rel=1e-15)  # t per hour of running, per kg/day
    # 240 kg/day for 6000 h: 10 kg/h * 6000 h = 60 t
    assert annual(240.0, "kg/day", hours=6000.0) == pytest.approx(60.0, rel=1e-12)
    # running all year: 240 * 365 kg
    assert annual(240.0, "kg/day") == pytest.approx(87.6, rel=1e-12)


def test_cubic_metres_per_hour() -> None:
    assert annual_factor("m3/h") == ("volume_flow", 1.0, True)
    assert annual(35.0, "m3/h") == pytest.approx(306_600.0, rel=1e-12)
    assert annual(35.0, "m³/h", hours=4000.0) == pytest.approx(140_000.0, rel=1e-12)
    assert conversion_factor("L/s", "m3/h") == pytest.approx(3.6, rel=1e-12)


def test_kilowatts_to_megawatt_hours_per_year() -> None:
    assert annual_factor("kW") == ("energy_flow", 0.001, True)
    assert annual(500.0, "kW", hours=8000.0) == pytest.approx(4000.0, rel=1e-12)
    assert annual(1.0, "MW") == pytest.approx(8760.0, rel=1e-12)
    assert conversion_factor("kW", "MWh/a") == pytest.approx(8.76, rel=1e-12)
    assert kind_of("kWp") == "energy_flow"


def test_gigajoules_with_a_period() -> None:
    kind, factor, uses_hours = annual_factor("GJ", "month")
    assert (kind, uses_hours) == ("energy_flow", False)
    assert factor == pytest.approx(12 / 3.6, rel=1e-12)
    assert annual(90.0, "GJ", "month") == pytest.approx(300.0, rel=1e-12)  # 1080 GJ = 300 MWh
    assert annual(2.0, "GJ/h", hours=7000.0) == pytest.approx(14_000 / 3.6, rel=1e-12)
    assert annual(2.0, "t", "day") == pytest.approx(730.0, rel=1e-12)  # a daily stock runs with the hours
    assert annual(2.0, "t", "day", hours=4380.0) == pytest.approx(365.0, rel=1e-12)
    assert annual(3.0, "m3", "year", hours=10.0) == 3.0


def test_vietnamese_unit_words() -> None:
    assert parse_unit("tấn/năm") == parse_unit("t/a")
    assert annual_factor("tấn/năm") == ("mass_flow", 1.0, False)
    assert annual_factor("Tấn/Tháng") == ("mass_flow", 12.0, False)
    assert conversion_factor("kg/ngày", "t/a") == pytest.approx(0.365, rel=1e-12)
    assert conversion_factor("lít/ngày", "m3/day") == pytest.approx(0.001, rel=1e-12)
    assert conversion_factor("triệu đồng/tấn", "VND/t") == 1e6
    assert conversion_factor("tỷ đồng", "VND") == 1e9
    assert kind_of("người") == "person_count"


def test_million_vnd_per_year() -> None:
    assert kind_of("million VND/a") == "currency_flow"
    assert conversion_factor("million VND/a", "VND/a") == 1e6
    assert conversion_factor("triệu đồng/năm", "million VND/a") == 1.0
    assert conversion_factor("VND/kWh", "VND/MWh") == 1000.0
    assert kind_of("VND/kWh") == "unit_cost_energy"


def test_normal_cubic_metres() -> None:
    assert kind_of("Nm3/h") == "volume_flow"
    assert annual_factor("Nm3/h") == ("volume_flow", 1.0, True)
    assert conversion_factor("Nm3/h", "m3/a") == HOURS_PER_YEAR
    assert conversion_factor("Nm3", "m3") == 1.0


@pytest.mark.parametrize(("unit", "target", "factor"), [
    ("ha", "m2", 10_000.0),
    ("km2", "ha", 100.0),
    ("%", "1", 0.01),
    ("ppm", "1", 1e-6),
    ("mg/kg", "1", 1e-6),
    ("g/m3", "mg/L", 1.0),
    ("GJ/t", "MJ/kg", 1.0),
    ("kcal/kg", "MJ/kg", 0.004184),
    ("MPa", "bar", 10.0),
    ("kWh/a", "MWh/a", 0.001),
    ("hL", "m3", 0.1),
    ("pair/a", "piece/a", 2.0),
])
def test_conversion_factors(unit: str, target: str, factor: float) -> None:
    assert conversion_factor(unit, target) == pytest.approx(factor, rel=1e-12)
    assert kind_of(unit) == kind_of(target)


def test_offset_temperatures_convert_with_their_offset() -> None:
    assert convert(np.array([0.0, 100.0]), "degC", "K").tolist() == pytest.approx([273.15, 373.15])
    assert convert(np.array([32.0, 212.0]), "degF", "°C").tolist() == pytest.approx([0.0, 100.0], abs=1e-9)
    assert np.isnan(convert(np.array([np.nan]), "degC", "K")[0])


@pytest.mark.parametrize("kind", KINDS)
def test_canonical_units_have_their_kind(kind: str) -> None:
    assert kind_of(CANONICAL_UNITS[kind]) == kind
    assert conversion_factor(CANONICAL_UNITS[kind], CANONICAL_UNITS[kind]) == 1.0


# -- errors ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "message"), [
    ("bucket", "unknown unit 'bucket'"),
    ("t/fortnite", "unknown unit 't/fortnite'"),
    ("kg/", "unknown unit 'kg/'"),
    ("", "empty unit"),
    ("   ", "empty unit"),
    ("5 kg", "contains a number"),
    ("2", "contains a number"),
])
def test_unknown_units(text: str, message: str) -> None:
    with pytest.raises(UnitError, match=message):
        parse_unit(text)
    with pytest.raises(UnitError):
        kind_of(text)
    assert issubclass(UnitError, ValueError)


@pytest.mark.parametrize(("unit", "target"), [("kg", "m3"), ("VND", "USD"), ("degC", "kg"), ("t/a", "t"),
                                              ("MWh", "MWh/a")])
def test_conversion_between_kinds_fails(unit: str, target: str) -> None:
    with pytest.raises(UnitError, match=f"unit '{unit}' cannot be converted to '{target}'"):
        conversion_factor(unit, target)
    with pytest.raises(UnitError):
        convert(np.array([1.0]), unit, target)


def test_unit_of_no_known_kind() -> None:
    with pytest.raises(UnitError, match="no quantity kind"):
        kind_of("m/s")
    with pytest.raises(UnitError, match="no quantity kind"):
        kind_of("USD/t")  # only VND has cost kinds


@pytest.mark.parametrize(("unit", "period", "message"), [
    ("mg/L", None, "is mass_concentration, not an amount per period"),
    ("VND/a", None, "is currency_flow, not an amount per period"),
    ("ha", None, "is area, not an amount per period"),
    ("t", None, "has no period"),
    ("MWh", None, "has no period"),
    ("t/day", "month", "already has a period"),
    ("kW", "hour", "already has a period"),
])
def test_annual_factor_rejects_wrong_kinds(unit: str, period: str | None, message: str) -> None:
    with pytest.raises(UnitError, match=message):
        annual_factor(unit, period)


# -- properties --------------------------------------------------------------------------------------

UNITS_BY_KIND = {
    "mass_flow": ["t/a", "kg/day", "t/month", "kg/h", "tấn/năm", "g/s", "t/week"],
    "volume_flow": ["m3/a", "m3/day", "m3/h", "L/s", "Nm3/h", "hL/a", "lít/ngày"],
    "energy_flow": ["MWh/a", "kW", "MW", "GJ/month", "kWh/day", "GJ/h"],
    "count_flow": ["piece/a", "piece/day", "pair/a"],
    "mass": ["t", "kg", "g", "tấn"],
    "volume": ["m3", "L", "hL", "Nm3"],
    "energy": ["MWh", "kWh", "GJ", "MJ", "kcal"],
    "area": ["m2", "ha", "km2"],
    "currency": ["VND", "million VND", "billion VND", "triệu đồng"],
    "currency_flow": ["VND/a", "million VND/a", "VND/month"],
    "unit_cost_mass": ["VND/t", "VND/kg", "million VND/t"],
    "mass_concentration": ["mg/L", "g/m3", "kg/m3", "ug/L"],
    "fraction": ["1", "%", "ppm", "mg/kg", "-"],
    "pressure": ["bar", "MPa", "kPa", "atm"],
    "specific_energy": ["MJ/kg", "kcal/kg", "GJ/t"],
    "temperature": ["degC", "K", "degF"],
}
RATE_UNITS = [u for kind in ("mass_flow", "volume_flow", "energy_flow", "count_flow") for u in UNITS_BY_KIND[kind]]
STOCK_UNITS = [u for kind in ("mass", "volume", "energy") for u in UNITS_BY_KIND[kind]]
#: Rates on a week, month or year base: calendar averages (operating hours do not apply).
CALENDAR_RATES = {"t/a", "t/month", "tấn/năm", "t/week", "m3/a", "hL/a", "MWh/a", "GJ/month", "piece/a", "pair/a"}
PERIOD_HOURS = {"hour": 1.0, "day": 24.0, "week": 168.0, "month": 730.0, "year": 8760.0}

values = st.floats(min_value=1e-6, max_value=1e12) | st.floats(min_value=-1e12, max_value=-1e-6)
same_kind_pair = st.sampled_from(sorted(UNITS_BY_KIND)).flatmap(
    lambda kind: st.tuples(st.just(kind), st.sampled_from(UNITS_BY_KIND[kind]), st.sampled_from(UNITS_BY_KIND[kind]))
)
hours = st.floats(min_value=0.0, max_value=HOURS_PER_YEAR)


def test_unit_lists_have_the_kinds_they_claim() -> None:
    for kind, units in UNITS_BY_KIND.items():
        assert {kind_of(u) for u in units} == {kind}, kind


@settings(max_examples=50, deadline=None)
@given(pair=same_kind_pair, value=values)
def test_conversion_round_trip(pair: tuple[str, str, str], value: float) -> None:
    kind, a, b = pair
    there = convert(np.array([value]), a, b)
    back = convert(there, b, a)[0]
    # offset temperatures lose absolute precision near zero (273.15 + 1e-6 - 273.15)
    assert back == pytest.approx(value, rel=1e-9, abs=1e-9 if kind == "temperature" else 0.0)
    if kind != "temperature":
        assert conversion_factor(a, b) * conversion_factor(b, a) == pytest.approx(1.0, rel=1e-12)
        assert there[0] == pytest.approx(value * conversion_factor(a, b), rel=1e-12)


@settings(max_examples=50, deadline=None)
@given(unit=st.sampled_from(RATE_UNITS), q1=values, q2=values, k=values, h=hours)
def test_annualisation_of_rates_is_linear(unit: str, q1: float, q2: float, k: float, h: float) -> None:
    total = annual(q1 + q2, unit, hours=h)
    assert total == pytest.approx(annual(q1, unit, hours=h) + annual(q2, unit, hours=h), rel=1e-9, abs=1e-9)
    assert annual(k * q1, unit, hours=h) == pytest.approx(k * annual(q1, unit, hours=h), rel=1e-9, abs=1e-12)
    assert annual(0.0, unit, hours=h) == 0.0


@settings(max_examples=50, deadline=None)
@given(unit=st.sampled_from(RATE_UNITS), q=values, h=hours)
def test_annualisation_agrees_with_conversion(unit: str, q: float, h: float) -> None:
    """A calendar rate converts directly; a rate per hour or day (or a power) runs ``h`` hours a year."""
    kind, _, uses_hours = annual_factor(unit)
    direct = convert(np.array([q]), unit, CANONICAL_UNITS[kind])[0]
    expected = direct * h / HOURS_PER_YEAR if uses_hours else direct
    assert annual(q, unit, hours=h) == pytest.approx(expected, rel=1e-9, abs=1e-12)
    assert uses_hours == (unit not in CALENDAR_RATES)


@settings(max_examples=50, deadline=None)
@given(unit=st.sampled_from(STOCK_UNITS), period=st.sampled_from(sorted(PERIOD_HOURS)), q=values, h=hours)
def test_stock_with_period(unit: str, period: str, q: float, h: float) -> None:
    flow_kind, _, uses_hours = annual_factor(unit, period)
    stock_kind = kind_of(unit)
    assert flow_kind == f"{stock_kind}_flow"
    per_unit = conversion_factor(unit, CANONICAL_UNITS[stock_kind])
    span = PERIOD_HOURS[period]
    assert uses_hours == (span <= 24.0)
    expected = q * per_unit * (h / span if uses_hours else HOURS_PER_YEAR / span)
    assert annual(q, unit, period, hours=h) == pytest.approx(expected, rel=1e-9, abs=1e-12)
    with pytest.raises(UnitError, match="has no period"):
        annual_factor(unit)


@settings(max_examples=50, deadline=None)
@given(unit=st.sampled_from(RATE_UNITS), period=st.sampled_from(sorted(PERIOD_HOURS)))
def test_annual_factor_of_a_rate_with_a_period_raises(unit: str, period: str) -> None:
    with pytest.raises(UnitError, match="already has a period"):
        annual_factor(unit, period)


@settings(max_examples=50, deadline=None)
@given(pair=same_kind_pair, left=st.sampled_from(["", " ", "  "]), right=st.sampled_from(["", " ", "\t"]))
def test_surrounding_spaces_do_not_matter(pair: tuple[str, str, str], left: str, right: str) -> None:
    kind, unit, _ = pair
    assert parse_unit(f"{left}{unit}{right}") == parse_unit(unit)
    assert kind_of(f"{left}{unit}{right}") == kind


def test_nan_stays_nan() -> None:
    out = convert(np.array([1.0, np.nan]), "t/month", "t/a")
    assert out[0] == 12.0 and math.isnan(out[1])

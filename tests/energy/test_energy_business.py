"""Business models: hand-worked cash flows, financing identities, break-even strikes, eligibility, errors."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from eipkit.energy import EnergyInputError, business_case, business_models, tornado
from eipkit.finance import annuity_factor, lcoe

FLAT = {
    "capex": 1e10,
    "annual_opex": 1e8,
    "lifetime": 20,
    "discount_rate": 0.08,
    "degradation": 0.0,
    "tariff": np.full(8760, 2e6),
    "lease_term": 10,
    "ppa_discount": 0.1,
    "service_charge": 2e5,
    "surplus_price": 0.0,
}


def _case(gen_kw: float = 100.0, load_kw: float = 200.0, **kw: object):  # type: ignore[no-untyped-def]
    args = {**FLAT, **kw}
    return business_case(np.full(8760, gen_kw), np.full(8760, load_kw), 1000.0, **args)  # type: ignore[arg-type]


def _row(result, model: str) -> dict[str, float]:  # type: ignore[no-untyped-def]
    return result.summary.filter(pl.col("model") == model).row(0, named=True)


def test_self_investment_hand_worked() -> None:
    """876 MWh/a all used at 2,000,000 VND/MWh = 1.752e9 VND/a, minus 1e8 O&M, for 20 years at 8 %
    (annuity factor 9.8181), minus 1e10 VND: NPV = 6.22e9 VND; simple payback 1e10/1.652e9 = 6.05 a."""
    row = _row(business_models(_case()), "self_investment")
    pv = 1.0 / float(annuity_factor(0.08, 20))
    assert row["firm_npv"] == pytest.approx(1.652e9 * pv - 1e10, rel=1e-9)
    assert row["firm_payback"] == pytest.approx(1e10 / 1.652e9)
    assert row["lcoe"] == pytest.approx(lcoe(1e10, 1e8, 876.0, 0.08, 20))
    assert np.isnan(row["investor_npv"])


def test_lease_at_the_discount_rate_is_npv_neutral() -> None:
    result = business_models(_case())
    lease, own = _row(result, "lease"), _row(result, "self_investment")
    assert lease["firm_npv"] == pytest.approx(own["firm_npv"], rel=1e-9)
    assert lease["investor_npv"] == pytest.approx(0.0, abs=1e-3)
    assert lease["investor_irr"] == pytest.approx(0.08, abs=1e-9)
    flows = result.cash_flows.filter(pl.col("model") == "lease").sort("year")
    assert flows["firm"][0] == 0.0  # no upfront investment for the firm


def test_onsite_ppa_splits_the_value() -> None:
    row = _row(business_models(_case()), "onsite_ppa")
    pv = 1.0 / float(annuity_factor(0.08, 20))
    assert row["firm_npv"] == pytest.approx(0.1 * 1.752e9 * pv)
    assert row["investor_npv"] == pytest.approx((0.9 * 1.752e9 - 1e8) * pv - 1e10)


def test_dppa_break_even_strikes() -> None:
    """Without a strike price: the firm breaks even at its average tariff of matched hours (minus the
    service charge on the grid route); the investor at the plant's LCOE when nothing is exported."""
    result = business_models(_case())
    private, grid = _row(result, "dppa_private"), _row(result, "dppa_grid")
    assert private["strike_break_even_firm"] == pytest.approx(2e6)
    assert grid["strike_break_even_firm"] == pytest.approx(2e6 - 2e5)
    assert private["strike_break_even_investor"] == pytest.approx(private["lcoe"])
    assert np.isnan(private["firm_npv"])
    assert any("strike" in n for n in result.notes)


def test_dppa_with_strike_price() -> None:
    row = _row(business_models(_case(strike_price=1.5e6)), "dppa_grid")
    pv = 1.0 / float(annuity_factor(0.08, 20))
    assert row["firm_npv"] == pytest.approx((2e6 - 1.5e6 - 2e5) * 876.0 * pv)


def test_eligibility_is_reported() -> None:
    result = business_models(_case())
    assert "200,000" in _row(result, "dppa_private")["eligibility"]  # 146,000 kWh/month buyer
    assert "10 MW" in _row(result, "dppa_grid")["eligibility"]
    big = business_models(_case(load_kw=500.0))
    assert _row(big, "dppa_private")["eligibility"] == "eligible"


def test_exports_earn_the_surplus_price_only_when_given() -> None:
    unpriced = business_models(_case(gen_kw=300.0, surplus_price=None))
    assert any("surplus price unverified" in n for n in unpriced.notes)
    priced = business_models(_case(gen_kw=300.0, surplus_price=1e6))
    gain = _row(priced, "self_investment")["firm_npv"] - _row(unpriced, "self_investment")["firm_npv"]
    pv = 1.0 / float(annuity_factor(0.08, 20))
    assert gain == pytest.approx(1e6 * 100.0 * 8.76 * pv)  # 100 kW surplus, within the 50 % cap


def test_cited_defaults_are_flagged() -> None:
    case = business_case(np.full(8760, 100.0), np.full(8760, 200.0), 1000.0)
    assert case.capex == pytest.approx(1.1e10)  # 11 million VND/kWp, vietnam-facts.md 4.2 [L]
    assert any("pv_capex_ci" in n for n in case.notes)
    assert {a.name for a in case.assumptions} >= {"capex", "discount_rate", "lifetime", "surplus_price"}


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"tariff": np.full(8760, -1.0)}, "negative"),
        ({"surplus_price": -5.0}, ">= 0"),
        ({"capex": -1.0}, ">= 0"),
        ({"lease_term": 30}, "longer than the lifetime"),
        ({"ppa_discount": 1.5}, "between 0 and 1"),
        ({"tariff": np.full(100, 2e6)}, "8760"),
    ],
)
def test_bad_inputs_raise(kwargs: dict[str, object], match: str) -> None:
    with pytest.raises(EnergyInputError, match=match):
        _case(**kwargs)


def test_wind_needs_its_costs() -> None:
    with pytest.raises(EnergyInputError, match="capex"):
        business_case(np.ones(8760), np.ones(8760), 2000.0, technology="wind")
    with pytest.raises(EnergyInputError, match="capacity"):
        business_case(np.ones(8760), np.ones(8760), 0.0)


def test_tornado_orders_and_signs() -> None:
    table = tornado(_case())
    params = table["parameter"].to_list()
    assert params[0] == "tariff"
    capex = table.filter(pl.col("parameter") == "capex").row(0, named=True)
    assert capex["npv_high"] < capex["npv_base"] < capex["npv_low"]
    assert table["swing"].to_list() == sorted(table["swing"].to_list(), reverse=True)
    with pytest.raises(EnergyInputError, match="strike_price"):
        tornado(_case(), model="dppa_grid")

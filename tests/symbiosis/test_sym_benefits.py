"""Money and CO2 of candidates against hand-worked examples."""

from __future__ import annotations

import numpy as np
import pytest
from sym_testing import firm, fly_ash_park, km_east, make_park, stream

from eipkit.park.checks import haversine_km
from eipkit.symbiosis import capital_recovery_factor, match_park, net_present_value, simple_payback, symbiosis_factors


def test_capital_recovery_factor_textbook_value() -> None:
    """Engineering-economics tables: (A/P, 10 %, 10 years) = 0.16275; (A/P, 0 %, n) = 1/n."""
    assert float(capital_recovery_factor(0.10, 10)) == pytest.approx(0.16275, abs=1e-5)
    assert float(capital_recovery_factor(0.0, 8)) == pytest.approx(0.125)


def test_npv_and_payback_by_hand() -> None:
    # NPV = -300 + 100 * (1 - 1.1**-10) / 0.1 = -300 + 614.457
    assert float(net_present_value(100.0, 300.0, 0.10, 10)) == pytest.approx(314.4567, abs=1e-3)
    assert simple_payback(np.array([300.0, 0.0, 10.0]), np.array([100.0, 5.0, 0.0])).tolist() == [3.0, 0.0, np.inf]


def test_fly_ash_by_truck_hand_worked() -> None:
    """1,000 t/a fly ash, landfill fee 150,000 VND/t, cement plant pays 350,000 VND/t, d km by truck.

    Central: 1,000 x (150,000 + 350,000 - 20,000 processing - 40,000 handling - 2,500 x 1.3 x d).
    Low: processing 50,000, handling 80,000, 4,000 VND/t-km. High: processing 0, 20,000, 1,500.
    """
    row = match_park(fly_ash_park(), select=False).opportunities.row(0, named=True)
    d = float(haversine_km(21.0, 106.0, 21.0, 106.02))
    assert row["distance_km"] == pytest.approx(d)
    assert row["net_benefit_mid"] == pytest.approx(1000 * (500_000 - 20_000 - 40_000 - 2_500 * 1.3 * d))
    assert row["net_benefit_low"] == pytest.approx(1000 * (500_000 - 50_000 - 80_000 - 4_000 * 1.3 * d))
    assert row["net_benefit_high"] == pytest.approx(1000 * (500_000 - 0 - 20_000 - 1_500 * 1.3 * d))
    assert row["investment_mid"] == 0 and row["payback_mid"] == 0
    assert row["landfill_diverted"] == 1000 and row["virgin_avoided"] == 1000
    assert row["co2e_mid"] == pytest.approx(-1000 * 1.3 * d * 0.10 / 1000)  # truck only; material CO2 not counted
    assert "co2_not_counted" in row["flags"]


def test_fuel_substitution_hand_worked() -> None:
    """100 t/a used oil (40 MJ/kg) now incinerated (6 M VND/t) to a kiln's used-oil intake (gate fee 1.5 M VND/t).

    Money (central): 100 x (6,000,000 - 1,500,000 - 600,000 processing - 40,000 - 3,250 d).
    CO2: 4,000 GJ x 94.6 kg/GJ (bituminous coal, IPCC 2006) = 378.4 t; the oil was burnt anyway.
    Landfilled instead: 4,000 x (94.6 - 73.3) / 1000 = 85.2 t.
    """
    lon = km_east(20.0)
    d = float(haversine_km(21.0, 106.0, 21.0, lon))

    def park(dest: str):  # type: ignore[no-untyped-def]
        return make_park(
            [firm("G", "garment"), firm("K", "building_materials", lon=lon)],
            [
                stream(
                    "G.oil",
                    "G",
                    "out",
                    "waste",
                    "waste_oil",
                    100,
                    hazardous=True,
                    calorific_value=40,
                    unit_cost=6_000_000,
                    cost_unit="VND/t",
                    destination=dest,
                ),
                stream("K.oil", "K", "in", "energy", "waste_oil", 1000, unit_cost=-1_500_000, cost_unit="VND/t"),
            ],
        )

    row = match_park(park("incineration"), select=False).opportunities.row(0, named=True)
    assert row["net_benefit_mid"] == pytest.approx(100 * (4_500_000 - 600_000 - 40_000 - 2_500 * 1.3 * d))
    transport = 100 * 1.3 * d * 0.10 / 1000
    assert row["co2e_mid"] == pytest.approx(378.4 - transport)
    assert row["energy_saved"] == pytest.approx(4000 / 3.6)
    row = match_park(park("landfill"), select=False).opportunities.row(0, named=True)
    assert row["co2e_mid"] == pytest.approx(4000 * (94.6 - 73.3) / 1000 - transport)


def test_waste_heat_hand_worked() -> None:
    """1,000 MWh/a of 80 °C water to a neighbour heating 25 -> 60 °C with LPG, no heat price given.

    Gross: 1,000 MWh x 700,000 VND/MWh (assumed heat value). Investment: 8e9 VND/km x 1.3 d + 2e6 VND/kW x
    (1,000 MWh / 8,760 h). CO2: 3,600 GJ x 56.1 kg/GJ / 0.8 = 252.45 t.
    """
    lon = km_east(0.5)
    d = float(haversine_km(21.0, 106.0, 21.0, lon))
    park = make_park(
        [firm("H", "beverage", operating_hours=8760), firm("C", "food", lon=lon, operating_hours=8760)],
        [
            stream("H.o", "H", "out", "heat", "hot_water", 1000, "MWh/a", temperature=80, target_temperature=35),
            stream("C.i", "C", "in", "heat", "hot_water", 2000, "MWh/a", temperature=25, target_temperature=60),
            stream("C.lpg", "C", "in", "energy", "natural_gas", 100, "t/a", calorific_value=46),
        ],
    )
    row = match_park(park, select=False).opportunities.row(0, named=True)
    invest = 8e9 * 1.3 * d + 2e6 * 1000 / 8760 * 1000
    assert row["investment_mid"] == pytest.approx(invest)
    assert row["net_benefit_mid"] == pytest.approx(1000 * 700_000 - 0.03 * invest)
    assert row["co2e_mid"] == pytest.approx(3600 * 56.1 / 1000 / 0.8)
    assert row["co2e_low"] == pytest.approx(3600 * 56.1 / 1000 / 0.9)
    assert row["energy_saved"] == pytest.approx(1000)
    assert "heat_value_assumed" in row["flags"] and "receiver_fuel_assumed" not in row["flags"]
    assert row["payback_mid"] == pytest.approx(invest / row["net_benefit_mid"])


def test_water_reuse_hand_worked() -> None:
    """100,000 m3/a effluent replacing water bought at 15,000 VND/m3; CO2 of supply electricity 0.5 kWh/m3."""
    lon = km_east(2.0)
    d = float(haversine_km(21.0, 106.0, 21.0, lon))
    park = make_park(
        [firm("OPER", "water_utility", role="operator"), firm("MILL", "paper", lon=lon)],
        [
            stream("OPER.eff", "OPER", "out", "water", "treated_effluent", 100_000, "m3/a", destination="discharge"),
            stream("MILL.w", "MILL", "in", "water", "water", 100_000, "m3/a", unit_cost=15_000, cost_unit="VND/m3"),
        ],
    )
    row = match_park(park, select=False).opportunities.row(0, named=True)
    invest = 2e9 * 1.3 * d + 1000 * 100_000
    assert row["investment_mid"] == pytest.approx(invest)
    assert row["net_benefit_mid"] == pytest.approx(100_000 * (15_000 - 3_000) - 0.03 * invest)
    assert row["water_saved"] == 100_000
    assert row["co2e_mid"] == pytest.approx(100_000 * 0.5 * 0.6592 / 1000)
    assert "supply_price_unknown" in row["flags"]


def test_assumptions_can_be_overridden_and_unknown_names_refused() -> None:
    base = match_park(fly_ash_park(), select=False).opportunities.row(0, named=True)
    cheap = match_park(fly_ash_park(), select=False, assumptions={"cost_per_tkm": 0.0, "handling_per_t": 0.0})
    row = cheap.opportunities.row(0, named=True)
    assert row["net_benefit_mid"] == pytest.approx(1000 * (500_000 - 20_000))
    assert row["net_benefit_mid"] > base["net_benefit_mid"]
    assert "user" in cheap.assumptions.filter(cheap.assumptions["name"] == "cost_per_tkm")["confidence"].to_list()
    with pytest.raises(KeyError, match="unknown symbiosis assumption"):
        symbiosis_factors({"no_such": 1.0})


def test_shipped_factors_are_cited() -> None:
    table = symbiosis_factors().table()
    assert table.filter(table["name"] == "grid_electricity")["value"][0] == 0.6592
    assert set(table["confidence"]) <= {"H", "M", "L"}
    assert table.filter(table["confidence"] == "L").height > 5  # assumptions are marked as such

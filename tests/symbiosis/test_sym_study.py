"""Whole studies: a hand-built park with known matches, city and partner parks, and the demo park."""

from __future__ import annotations

import json

import polars as pl
import pytest
from sym_testing import firm, km_east, make_park, stream

from eipkit.park import Park
from eipkit.symbiosis import MatchResult, MatchStudy, match_park, save_opportunities


def known_park() -> Park:
    """Three known matches, two of them only recognisable from Vietnamese or English text."""
    return make_park(
        [
            firm("BREW", "beverage"),
            firm("FARM", "agriculture", lon=km_east(8.0), role="external", location_park="Gia Bình"),
            firm("BOIL", "power_steam", lon=106.003),
            firm("CEM", "building_materials", lon=106.006),
            firm("FOOD", "food", lon=106.009),
            firm("REC", "waste_management", lon=km_east(5.0), role="external", location_park="KCN B"),
        ],
        [
            stream(
                "BREW.bsg",
                "BREW",
                "out",
                "by_product",
                None,
                5000,
                description="Bã hèm bia ướt",
                unit_cost=-100_000,
                cost_unit="VND/t",
                destination="sold",
            ),
            stream(
                "FARM.bsg",
                "FARM",
                "in",
                "material",
                None,
                8000,
                description="Brewers spent grain for the cows",
                unit_cost=400_000,
                cost_unit="VND/t",
            ),
            stream(
                "BOIL.ash",
                "BOIL",
                "out",
                "by_product",
                None,
                2000,
                ewc_code="10 01 02",
                unit_cost=150_000,
                cost_unit="VND/t",
                destination="landfill",
            ),
            stream("CEM.ash", "CEM", "in", "material", "fly_ash", 10_000, unit_cost=350_000, cost_unit="VND/t"),
            stream(
                "FOOD.film",
                "FOOD",
                "out",
                "waste",
                None,
                50,
                description="Màng PE, túi nilon thải",
                unit_cost=1_000_000,
                cost_unit="VND/t",
                destination="landfill",
            ),
            stream("REC.pe", "REC", "in", "material", "pe", 500, unit_cost=5_000_000, cost_unit="VND/t"),
            stream("FOOD.el", "FOOD", "in", "energy", "electricity", 1000, "MWh/a"),
            stream("BOIL.mystery", "BOIL", "out", "waste", None, 5, description="thiết bị cũ linh tinh"),
        ],
    )


def test_known_matches_are_found_with_reasons() -> None:
    result = match_park(known_park(), time_limit=10.0)
    pairs = set(result.opportunities.select("supplier", "receiver", "resource_class").rows())
    assert pairs == {("BREW", "FARM", "spent_grain"), ("BOIL", "CEM", "fly_ash"), ("FOOD", "REC", "pe")}
    assert result.selection is not None and result.selection.status == "optimal"
    assert result.opportunities.get_column("selected").all()
    reasons = dict(zip(result.opportunities["resource_class"], result.opportunities["reason_en"], strict=True))
    assert "EWC 10 01 02" in reasons["fly_ash"]
    assert "by truck" in reasons["spent_grain"]
    assert result.unclassified.get_column("id").to_list() == ["BOIL.mystery"]
    scope = dict(zip(result.opportunities["resource_class"], result.opportunities["scope"], strict=True))
    assert scope == {"spent_grain": "inter_park", "fly_ash": "park", "pe": "inter_park"}
    types = dict(zip(result.opportunities["resource_class"], result.opportunities["type"], strict=True))
    assert types["pe"] == "inter_park" and types["fly_ash"] == "by_product"
    assert result.by_firm("BOIL").get_column("rank_in_firm").to_list() == [1]


def test_city_and_partner_parks() -> None:
    park = make_park(
        [firm("OPER", "water_utility", role="operator")],
        [stream("OPER.eff", "OPER", "out", "water", "treated_effluent", 100_000, "m3/a")],
    )
    city = make_park(
        [firm("CITY", "municipal", lon=km_east(4.0))],
        [stream("CITY.wash", "CITY", "in", "water", "water", 50_000, "m3/a", unit_cost=6_000, cost_unit="VND/m3")],
        park={"id": "CITY", "name": "TP", "province": "Bắc Ninh"},
    )
    other = make_park(
        [firm("MILL", "paper", lon=km_east(6.0))],
        [stream("MILL.w", "MILL", "in", "water", "water", 50_000, "m3/a", unit_cost=15_000, cost_unit="VND/m3")],
        park={"id": "P2", "name": "KCN 2", "province": "Bắc Ninh"},
    )
    result = MatchStudy(park, city=city, partners=[other], select=False).run()
    scope = dict(zip(result.opportunities["receiver"], result.opportunities["scope"], strict=True))
    assert scope == {"CITY": "city", "MILL": "inter_park"}
    with pytest.raises(ValueError, match="external partners"):
        save_opportunities(park, result.opportunities)
    with pytest.raises(ValueError, match="more than one park"):
        match_park(park, partners=[park], select=False)


def test_demo_top_opportunities_read_sensibly(demo_result: MatchResult) -> None:
    opp = demo_result.opportunities
    found = set(opp.select("supplier", "receiver", "resource_class").rows())
    expected = {
        ("F44_STEAM", "F29_CEM", "fly_ash"),
        ("F44_STEAM", "F29_CEM", "fgd_gypsum"),
        ("F24_STEEL", "F29_CEM", "steel_slag"),
        ("F24_STEEL", "EXT_CEMENT", "steel_slag"),
        ("F24_STEEL", "EXT_CEMENT", "mill_scale"),
        ("F01_BREW", "EXT_FARM", "spent_grain"),
        ("F01_BREW", "EXT_FEED", "spent_yeast"),
        ("F03_SEAF", "EXT_FEED", "fish_residue"),
        ("F01_BREW", "F02_SOFT", "co2_concentrated"),
        ("OPER", "F32_PAPER", "treated_effluent"),
        ("OPER", "F24_STEEL", "treated_effluent"),
        ("F32_PAPER", "F44_STEAM", "condensate"),
        ("F45_LOGI", "EXT_RECYCLE", "pe"),
        ("F45_LOGI", "F43_PALLET", "wood_pallets"),
        ("F18_ELEC1", "F32_PAPER", "cardboard"),
        ("F34_PRINT", "EXT_CEMENT", "solvents"),
        ("F46_TRANS", "EXT_CEMENT", "waste_oil"),
        ("F46_TRANS", "EXT_CEMENT", "rubber_waste"),
        ("OPER", "EXT_CEMENT", "organic_sludge"),
    }
    assert expected <= found, expected - found
    top = opp.head(15)
    assert (top.get_column("net_benefit_mid") > 0).all()
    assert top.get_column("status").is_in(["pass", "warn", "unknown"]).all()
    for row in top.iter_rows(named=True):
        assert row["supplier"] in row["reason_en"] and row["receiver"] in row["reason_en"]
        assert "triệu đồng/năm" in row["reason_vi"]
    # the rule's sources appear in the trace
    fly = opp.filter((pl.col("resource_class") == "fly_ash") & (pl.col("receiver") == "F29_CEM")).row(0, named=True)
    assert "Kalundborg" in fly["reason_en"] and "Loss on ignition 7.50 % <= 8.00 %" in fly["reason_en"]


def test_demo_tracked_and_infeasible_pairs(demo_result: MatchResult) -> None:
    tracked = set(demo_result.tracked.select("exchange", "tracking").rows())
    assert {("X06_FLYASH_BRICK", "tracked"), ("X07_CO2_GAS", "tracked")} <= tracked
    bad = {(r["supplier"], r["receiver"]): r["reason_en"] for r in demo_result.infeasible.iter_rows(named=True)}
    assert "Total dissolved solids 2,000 mg/L > 1,500 mg/L" in bad[("OPER", "F39_GAS")]
    assert "Loss on ignition 7.50 % > 6.00 %" in bad[("F44_STEAM", "F31_CONC")]
    assert "beyond the 10.0 km reach" in bad[("OPER", "EXT_WATER")]
    # steam already sold through operating exchanges is not offered again
    assert demo_result.opportunities.filter(pl.col("resource_class") == "steam_lp").height == 0


def test_demo_selection_and_summary(demo_result: MatchResult) -> None:
    sel = demo_result.selection
    assert sel is not None and sel.status in ("optimal", "time_limit")
    assert sel.gap == sel.gap and sel.gap <= max(sel.relative_gap, 1e-3) + 1e-9
    summary = demo_result.summary()
    assert summary["opportunities"] == demo_result.opportunities.height
    assert summary["unclassified"] == 0
    totals = summary["selected_totals"]
    assert totals["net_benefit_low"] <= totals["net_benefit_mid"] <= totals["net_benefit_high"]
    assert totals["co2e_low"] <= totals["co2e_mid"] <= totals["co2e_high"]
    chosen = demo_result.opportunities.filter(pl.col("selected"))
    per_supply = chosen.group_by("supply_stream").agg(pl.col("selected_amount").sum(), pl.col("amount").max())
    assert per_supply.height > 10
    oil = demo_result.pools.filter(pl.col("resource_class") == "waste_oil").row(0, named=True)
    assert oil["n_firms"] >= 10 and oil["saving_low"] <= oil["saving_mid"] <= oil["saving_high"]
    assert demo_result.prospects.get_column("typical_users").str.len_chars().min() > 0


def test_results_are_written(demo_result: MatchResult, tmp_path) -> None:  # type: ignore[no-untyped-def]
    files = demo_result.write(tmp_path, excel=False, lang="vi")
    assert {"opportunities", "pools", "infeasible", "json", "assumptions", "selection"} <= set(files)
    data = json.loads((tmp_path / "matching.json").read_text(encoding="utf-8"))
    assert data["summary"]["park"] == "DEMO_SONGCAU"
    assert len(data["opportunities"]) == 20 and data["opportunities"][0]["reason"]
    table = pl.read_csv(tmp_path / "opportunities.csv")
    assert table.height == demo_result.opportunities.height

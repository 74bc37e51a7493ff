"""Deterministic generator of the bundled demo park (synthetic, realistic, Vietnamese).

:func:`build_demo_tables` returns the rows of every park table. Tenants and their streams come
from :mod:`eipkit.datasets._demo_firms` and :mod:`eipkit.datasets._demo_streams`; this module adds
the steam plant (sized on its customers' steam demand), the park operator (central wastewater
plant sized on the tenants' wastewater), the external partners, and the park record,
infrastructure, symbiosis exchanges, evidence facts, monitoring KPIs and RECP measures. Nothing
is random: running it twice gives identical tables. ``scripts/build_demo_park.py`` writes them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from eipkit.datasets._demo_firms import EXTERNALS, OPERATOR, PARK_CENTRE, TENANTS, firm_rows, tenant
from eipkit.datasets._demo_heavy import HEAVY, STEAM_CAPACITY, steam_plant
from eipkit.datasets._demo_light import LIGHT
from eipkit.datasets._demo_streams import FirmStreams, factors, sig

__all__ = ["PARK_ID", "WWTP_CAPACITY", "build_demo_tables"]

Row = dict[str, Any]
Tables = dict[str, list[Row]]

PARK_ID = "DEMO_SONGCAU"
#: Central wastewater plant: two modules of 6,000 m3/day.
WWTP_CAPACITY = 12_000.0
#: Park water network design capacity, m3/day.
WATER_CAPACITY = 15_000.0
#: The operator as a firm spec (for the stream helpers): 85 staff, running all year.
_OPER_SPEC = replace(TENANTS[0], id="OPER", name=str(OPERATOR["name"]), sector="water_utility", employees=85,
                     hours=8760.0, archetype="operator")
_MASS_PARAMS = ("COD", "BOD5", "TSS", "TDS", "chloride", "total_N", "total_P", "ammonium_N", "oil_grease", "colour",
                "Zn", "Cu", "Ni", "Fe", "Cr")


def _v(key: str) -> float:
    return factors()[key].value


# ====================================================================== operator and externals
def _annual(row: Row) -> float:
    """Annual amount of a water stream (m3/a or m3/day at 8,760 h)."""
    return float(row["quantity"]) * (365.0 if row["unit"] == "m3/day" else 1.0)


def _blend(ww: list[Row], qualities: list[Row]) -> dict[str, float]:
    """Flow-weighted concentrations of the wastewater sent to the central plant."""
    by_stream: dict[str, dict[str, float]] = {}
    for q in qualities:
        by_stream.setdefault(q["stream"], {})[q["parameter"]] = float(q["value"])
    total = sum(_annual(r) for r in ww)
    out: dict[str, float] = {}
    for p in _MASS_PARAMS:
        default = {"total_N": 30.0, "total_P": 5.0, "ammonium_N": 15.0}.get(p, 0.0)
        load = sum(_annual(r) * by_stream.get(r["id"], {}).get(p, default) for r in ww)
        out[p] = sig(load / total, 2)
    return out


def _operator_streams(streams: list[Row], qualities: list[Row]) -> tuple[list[Row], list[Row], dict[str, float]]:
    ww = [r for r in streams if r.get("destination") == "central_wwtp"]
    water = [r for r in streams if r["category"] == "water" and r["direction"] == "in"
             and r.get("destination") == "supplier" and r["resource_class"] != "condensate"]
    inflow = sum(_annual(r) for r in ww) / 365
    supplied = sum(_annual(r) for r in water) / 365
    s = FirmStreams(_OPER_SPEC)
    blend = _blend(ww, qualities)
    s.add("water_in", "in", "water", "freshwater", "Nước sạch mua buôn từ EXT_WATER (bulk potable water)",
          supplied * 1.03, "m3/day", "Tenants' metered water + 3 % network losses", unit_cost=12_000,
          cost_unit="VND/m3", destination="supplier")
    s.add("water_out", "out", "water", "freshwater", "Nước sạch cấp cho doanh nghiệp (water sold to tenants)",
          supplied, "m3/day", "Sum of tenants' water purchases (meters)", unit_cost=-_v("water"), cost_unit="VND/m3",
          destination="sold")
    sid = s.add("ww_in", "in", "wastewater", "industrial_wastewater", "Nước thải đầu vào trạm XLNT (WWTP inflow)",
                inflow, "m3/day", "Sum of tenants' wastewater to the central plant (flow meters)",
                unit_cost=-_v("wastewater_fee"), cost_unit="VND/m3", destination="supplier")
    s.qual(sid, {**blend, "pH": 7.6}, note="Flow-weighted from tenants' discharges; monthly composite (synthetic)")
    sid = s.add("effluent_out", "out", "water", "treated_effluent",
                "Nước thải sau xử lý đạt QCVN 40:2011 cột A (treated effluent)", inflow * 0.98, "m3/day",
                "Inflow minus sludge water (2 %)", destination="discharge")
    s.qual(sid, {"COD": 42.0, "BOD5": 14.0, "TSS": 18.0, "ammonium_N": 3.0, "total_N": 15.0, "total_P": 2.0,
                 "colour": 35.0, "oil_grease": 1.5, "TDS": sig(blend["TDS"] * 1.02, 2), "chloride": blend["chloride"],
                 "Zn": sig(blend["Zn"] * 0.2, 1), "Cu": 0.05, "Ni": 0.02, "pH": 7.3},
           note="Online monitoring + monthly lab (synthetic); limits QCVN 40:2011/BTNMT column A")
    annual = inflow * 365
    s.electricity(annual * _v("wwtp_electricity") / 1000 + supplied * 365 * 0.15 / 1000,
                  "wastewater x " + s.cite("wwtp_electricity") + "; water pumping 0.15 kWh/m3 [L]")
    s.add("chem_in", "in", "material", "chemicals", "PAC, polyme, NaOH (coagulant, polymer, caustic)",
          annual * 0.12 / 1000, "t/a", "0.12 kg/m3 (eipkit assumption [L])", unit_cost=9_000_000, cost_unit="VND/t",
          destination="supplier")
    sid = s.waste("sludge_out", "organic_sludge", "Bùn thải trạm XLNT tập trung (dewatered WWTP sludge, 20 % DS)",
                  annual * _v("wwtp_sludge") / 1000 / 0.2, "wastewater x " + s.cite("wwtp_sludge") + "; 20 % DS [L]",
                  "landfill", ewc="19 08 12", moisture=80.0, calorific_value=2.0)
    s.qual(sid, {"chlorine": 0.3, "sulfur": 1.0}, note="Dry-basis indicative; tested below hazardous thresholds (KS)")
    s.add("capacity_out", "out", "capacity", "capacity", "Công suất XLNT còn trống (spare WWTP capacity)",
          WWTP_CAPACITY - inflow, "m3/day", f"Design {WWTP_CAPACITY:,.0f} m3/day minus average inflow")
    s.add("collection_out", "out", "service", "waste_collection", "Dịch vụ thu gom chất thải (waste collection)", 600,
          "t/month", "Waste-yard contract capacity (synthetic)", unit_cost=-900_000, cost_unit="VND/t")
    totals = {"inflow": inflow, "supplied": supplied, **{f"blend_{k}": v for k, v in blend.items()}}
    return s.streams, s.qualities, totals


def _external_streams(supplied: float) -> tuple[list[Row], list[Row]]:
    rows: list[Row] = []
    quals: list[Row] = []

    def add(firm: str, key: str, direction: str, category: str, rc: str, desc: str, qty: float, unit: str,
            price: float | None, note: str = "Partner interview (synthetic)", **extra: Any) -> str:
        sid = f"{firm}.{key}"
        rows.append({"id": sid, "firm": firm, "direction": direction, "category": category, "resource_class": rc,
                     "description": desc, "quantity": sig(qty), "unit": unit, "unit_cost": price,
                     "cost_unit": None if price is None else ("VND/m3" if unit.startswith("m3") else "VND/t"),
                     "destination": "supplier" if direction == "in" else "sold", "source_note": note, **extra})
        return sid

    def qual(sid: str, values: dict[str, float], bound: str, unit: str = "mg/L") -> None:
        for p, v in values.items():
            quals.append({"stream": sid, "parameter": p, "value": v, "unit": unit, "bound": bound,
                          "source_note": "Partner's acceptance specification (synthetic, not a regulatory limit)"})

    add("EXT_WATER", "water_out", "out", "water", "freshwater", "Nước sạch cấp buôn cho KCN (bulk water to the park)",
        supplied * 1.03, "m3/day", -12_000.0)
    sid = add("EXT_WATER", "reuse_in", "in", "water", "water",
              "Nước tái sử dụng rửa đường, tưới cây (street washing, green-space irrigation)", 800, "m3/day", 6_000.0)
    qual(sid, {"TSS": 30.0, "COD": 50.0, "TDS": 1_500.0, "chloride": 350.0}, "max")
    add("EXT_RECYCLE", "steel_scrap_in", "in", "material", "steel_scrap", "Thép phế liệu mua vào (steel scrap)",
        40_000, "t/a", 8_000_000.0)
    add("EXT_RECYCLE", "al_scrap_in", "in", "material", "aluminium_scrap", "Nhôm phế liệu (aluminium scrap)", 3_000,
        "t/a", 38_000_000.0)
    add("EXT_RECYCLE", "cu_scrap_in", "in", "material", "copper_scrap", "Đồng phế liệu (copper scrap)", 600, "t/a",
        170_000_000.0)
    add("EXT_RECYCLE", "pe_in", "in", "material", "pe", "Màng PE sạch để tái sinh hạt (clean PE film)", 2_000, "t/a",
        5_000_000.0)
    add("EXT_CEMENT", "coal_in", "in", "energy", "coal", "Than cho lò quay (kiln coal)", 230_000, "t/a", 3_600_000.0,
        calorific_value=23.0)
    add("EXT_CEMENT", "slag_in", "in", "material", "steel_slag",
        "Xỉ thép làm nguyên liệu điều chỉnh sắt (iron corrective)", 20_000, "t/a", 80_000.0)
    add("EXT_CEMENT", "scale_in", "in", "material", "mill_scale", "Vảy cán làm phụ gia sắt (mill scale)", 5_000, "t/a",
        600_000.0)
    qual(add("EXT_CEMENT", "flyash_in", "in", "material", "fly_ash", "Tro bay điều chỉnh phối liệu (raw-meal fly ash)",
             30_000, "t/a", 120_000.0), {"loss_on_ignition": 15.0}, "max", "%")
    qual(add("EXT_CEMENT", "gypsum_in", "in", "material", "gypsum", "Thạch cao cho nghiền xi măng (gypsum)", 40_000,
             "t/a", 1_100_000.0), {"SO3": 38.0}, "min", "%")
    qual(add("EXT_CEMENT", "afr_in", "in", "energy", "refuse_derived_fuel",
             "Nhiên liệu thay thế rắn: RDF, cao su, bùn (solid alternative fuels)", 12_000, "t/a", -300_000.0,
             "Co-processing plan 2026 (synthetic); the plant is paid a gate fee"), {"chlorine": 1.0, "sulfur": 2.5},
         "max", "%")
    qual(add("EXT_CEMENT", "solvents_in", "in", "energy", "solvents",
             "Dung môi thải đồng xử lý (spent solvents, licensed co-processing)", 1_500, "t/a", -2_500_000.0,
             "Co-processing licence (synthetic); gate fee"), {"chlorine": 0.5}, "max", "%")
    qual(add("EXT_CEMENT", "waste_oil_in", "in", "energy", "waste_oil",
             "Dầu thải đồng xử lý (used oil, licensed co-processing)", 1_000, "t/a", -1_500_000.0,
             "Co-processing licence (synthetic); gate fee"), {"chlorine": 0.5, "sulfur": 1.0}, "max", "%")
    add("EXT_FEED", "fish_in", "in", "material", "fish_residue", "Phụ phẩm cá làm bột cá (fish residues)", 15_000,
        "t/a", 1_500_000.0)
    add("EXT_FEED", "shells_in", "in", "material", "shells", "Đầu vỏ tôm (shrimp heads and shells)", 3_000, "t/a",
        1_000_000.0)
    add("EXT_FEED", "yeast_in", "in", "material", "spent_yeast", "Men bia thải làm đạm (spent yeast)", 2_000, "t/a",
        500_000.0)
    add("EXT_FEED", "foodwaste_in", "in", "material", "food_waste", "Phụ phẩm bánh, mì (bakery and noodle rejects)",
        3_000, "t/a", 1_500_000.0)
    add("EXT_FARM", "bsg_in", "in", "material", "spent_grain", "Bã hèm bia cho bò sữa (wet spent grain)", 25_000, "t/a",
        400_000.0, moisture=78.0)
    add("EXT_FARM", "manure_out", "out", "by_product", "fertiliser", "Phân bò ủ (composted manure)", 30_000, "t/a",
        -200_000.0)
    return rows, quals


# ====================================================================== park, infrastructure, links
def _park_row(firms: list[Row]) -> Row:
    tenants = [f for f in firms if f["role"] == "tenant"]
    return {
        "id": PARK_ID, "name": "Khu công nghiệp Sông Cầu", "name_en": "Song Cau Industrial Park (synthetic demo)",
        "province": "Bắc Ninh", "country": "VN", "established": "2008-06-16", "eip_path": "existing",
        "operator": OPERATOR["name"], "management_board": "Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh",
        "latitude": PARK_CENTRE[0], "longitude": PARK_CENTRE[1], "total_area": 300.0, "industrial_land_area": 215.0,
        "green_area": 34.0, "road_area": 30.0, "technical_infrastructure_area": 14.0, "social_infrastructure_area": 5.0,
        "leased_industrial_area": round(sum(f["land_area"] for f in tenants) / 10_000, 1),
        "workers": sum(f["employees"] for f in firms if f["role"] in ("tenant", "operator")),
        "data_year": 2025,
        "notes": "SYNTHETIC demonstration data: a fictional park and fictional firms; quantities from published sector "
                 "intensities (see datasets/_data/sector_intensities.yaml). Not a real industrial park.",
    }


def _infrastructure(inflow: float, supplied: float, elec_mw: float, steam_tph: float) -> list[Row]:
    def inf(ident: str, kind: str, name: str, capacity: float | None = None, unit: str | None = None,
            use: float | None = None, standard: str | None = None, status: str = "operating", by: str = "OPER",
            notes: str | None = None) -> Row:
        return {"id": ident, "kind": kind, "name": name, "operated_by": by, "capacity": capacity,
                "capacity_unit": unit, "utilisation": use, "standard": standard, "status": status, "notes": notes}

    return [
        inf("INF_WWTP", "central_wwtp", "Trạm XLNT tập trung KCN Sông Cầu (2 modules x 6,000 m3/ngày)", WWTP_CAPACITY,
            "m3/day", round(100 * inflow / WWTP_CAPACITY, 1), "QCVN 40:2011/BTNMT column A",
            notes="Activated sludge + coagulation; discharges to the Cầu river (OPER.ww_in, OPER.effluent_out)."),
        inf("INF_WATER", "water_supply", "Trạm bơm tăng áp và mạng cấp nước KCN", WATER_CAPACITY, "m3/day",
            round(100 * supplied / WATER_CAPACITY, 1), notes="Bulk water bought from EXT_WATER."),
        inf("INF_SUB", "substation", "Trạm biến áp 110/22 kV Sông Cầu (2 x 63 MVA)", 126.0, "MVA",
            round(100 * elec_mw / (126 * 0.9), 1), notes="Utilisation = average load / (MVA x 0.9 power factor)."),
        inf("INF_YARD", "waste_yard", "Khu tập kết chất thải rắn KCN", 60.0, "t/day", 55.0,
            notes="Sorting of recyclables; hazardous waste stored by licensed collectors."),
        inf("INF_ONLINE", "online_monitoring", "Trạm quan trắc nước thải tự động, liên tục sau XLNT",
            standard="Data transmitted to the provincial environment department",
            notes="Flow, pH, COD, TSS, NH4+, temperature."),
        inf("INF_AIR", "monitoring_station", "Trạm quan trắc không khí xung quanh", status="construction"),
        inf("INF_STEAM", "steam_network", "Mạng ống hơi KCN (6 km, 10 bar)", STEAM_CAPACITY, "t/h",
            round(100 * steam_tph / STEAM_CAPACITY, 1), by="F44_STEAM",
            notes="Serves F01_BREW, F09_DYE and F32_PAPER; extension to the food cluster studied."),
        inf("INF_HOUSING", "worker_housing", "Khu nhà ở công nhân Sông Cầu", 3_000.0, "persons", 86.0),
        inf("INF_CLINIC", "clinic", "Trạm y tế KCN", 40.0, "persons", None),
        inf("INF_FIRE", "fire_protection", "Đội PCCC và hệ thống trụ cứu hỏa KCN"),
        inf("INF_TRAIN", "training_centre", "Trung tâm đào tạo nghề và SXSH", status="planned"),
        inf("INF_REUSE", "water_reclamation", "Hệ thống tái sử dụng nước thải sau xử lý (UF/RO)", 2_000.0, "m3/day",
            status="planned", notes="Pre-feasibility 2025; would supply cooling and washing water."),
        inf("INF_SOLAR", "solar_plant", "Điện mặt trời mái nhà xưởng cho thuê", 4_500.0, "kWp", status="planned"),
    ]


def _exchanges(streams: dict[str, Row]) -> list[Row]:
    def x(ident: str, sup: str, rec: str, supply: str | None, demand: str | None, rc: str, kind: str, status: str,
          qty_stream: str | None, start: str | None, agreement: str | None, benefit: float | None,
          barriers: str | None, notes: str) -> Row:
        src = streams[qty_stream] if qty_stream else None
        return {"id": ident, "supplier": sup, "receiver": rec, "supply_stream": supply, "demand_stream": demand,
                "resource_class": rc, "type": kind, "status": status, "quantity": src["quantity"] if src else None,
                "unit": src["unit"] if src else None, "start_date": start, "agreement": agreement,
                "annual_benefit": benefit, "barriers": barriers, "notes": notes}

    return [
        x("X01_STEAM_BREW", "F44_STEAM", "F01_BREW", "F44_STEAM.steam_out", "F01_BREW.steam_in", "steam_lp",
          "shared_service", "operating", "F01_BREW.steam_in", "2012-03-01", "HĐ cung cấp hơi số 05/2012/HĐ-BT", 4.2e9,
          None, "Brewery closed its own oil-fired boiler when connecting to the steam network."),
        x("X02_STEAM_PAPER", "F44_STEAM", "F32_PAPER", "F44_STEAM.steam_out", "F32_PAPER.steam_in", "steam_lp",
          "shared_service", "operating", "F32_PAPER.steam_in", "2014-09-15", "HĐ cung cấp hơi số 11/2014/HĐ-BT", 9.5e9,
          None, "Largest steam customer."),
        x("X03_STEAM_DYE", "F44_STEAM", "F09_DYE", "F44_STEAM.steam_out", "F09_DYE.steam_in", "steam_lp",
          "shared_service", "operating",
          "F09_DYE.steam_in", "2013-01-10", "HĐ cung cấp hơi số 02/2013/HĐ-BT", 3.8e9, None,
          "Condensate is not returned (contamination risk)."),
        x("X04_TRIM_PAPER", "F33_BOX", "F32_PAPER", "F33_BOX.trim_out", "F32_PAPER.occ_in", "cardboard", "by_product",
          "operating", "F33_BOX.trim_out", "2023-04-01", "Hợp đồng mua bán phế liệu giấy 2023/VH-DS", 1.4e9, None,
          "Corrugated trim collected daily by the paper mill's truck."),
        x("X05_SCRAP_RECYCLER", "F26_STRUC", "EXT_RECYCLE", "F26_STRUC.scrap_out", "EXT_RECYCLE.steel_scrap_in",
          "steel_scrap", "inter_park", "operating", "F26_STRUC.scrap_out", "2019-07-01", "HĐ 07/2019/DA-DP", 0.6e9,
          None, "Scrap sold to a licensed recycler in a neighbouring park."),
        x("X06_FLYASH_BRICK", "F44_STEAM", "F30_BRICK", "F44_STEAM.fly_ash_out", "F30_BRICK.ash_in", "fly_ash",
          "by_product", "feasibility", "F44_STEAM.fly_ash_out", None, None, None, "quality;by_product_status",
          "Trial batches 2025: strength OK; waiting for by-product (not waste) confirmation under Decree 08/2022."),
        x("X07_CO2_GAS", "F01_BREW", "F39_GAS", "F01_BREW.co2_out", "F39_GAS.co2_in", "co2_concentrated", "by_product",
          "idea", None, None, None, None, "capital",
          "Recover fermentation CO2 and sell it for liquefaction and dry ice; needs a recovery unit (~12 bn VND)."),
        x("X08_SLUDGE_BRICK", "F09_DYE", "F30_BRICK", "F09_DYE.sludge_out", "F30_BRICK.sand_in", "dyeing_sludge",
          "by_product", "rejected", None, None, None, None, "regulatory;quality",
          "Rejected 2024: bricks with 5 % sludge failed the leaching test for colour and Cr; the sludge is KS "
          "(hazardous unless tested below thresholds) and the brick plant holds no hazardous-waste licence."),
    ]


def _facts() -> list[Row]:
    def f(entity: str, fact: str, value: bool, document: str | None = None, date: str | None = None,
          notes: str | None = None) -> Row:
        return {"entity": entity, "fact": fact, "value": value, "document": document, "date": date, "notes": notes}

    p = PARK_ID
    return [
        f(p, "basic_services", True, "Báo cáo tình hình hoạt động KCN Sông Cầu năm 2025", "2026-01-15"),
        f(p, "master_plan_approved", True, "QĐ phê duyệt quy hoạch phân khu số 812/QĐ-UBND (synthetic)", "2008-05-20"),
        f(p, "sustainability_report", True, "Báo cáo Phát triển bền vững KCN Sông Cầu 2025", "2026-04-15",
          "Published on the operator's website."),
        f(p, "annual_monitoring_report", True, "Báo cáo giám sát hoạt động KCN năm 2025 gửi Ban quản lý", "2026-02-27"),
        f(p, "risk_framework", True, "Kế hoạch ứng phó sự cố môi trường và PCCC KCN Sông Cầu", "2022-09-01"),
        f(p, "climate_plan", False, notes="No climate-change response plan yet."),
        f(p, "community_budget", True, "Kế hoạch ngân sách đối thoại cộng đồng năm 2025", "2025-01-20"),
        f(p, "cooperation_plan", False),
        f(p, "sme_services", True, "Chương trình kết nối nhà cung cấp dịch vụ địa phương", "2024-06-01"),
        f(p, "local_suppliers", False),
        f(p, "eip_certificate", False),
        f(p, "eip_type_registered", False, notes="Existing park converting to an EIP."),
        f(p, "pme_established", True, "Điều lệ và sơ đồ tổ chức Công ty CP Phát triển Hạ tầng KCN Sông Cầu",
          "2007-11-02"),
        f(p, "eip_master_plan", False, notes="The zoning plan predates the EIP concept."),
        f(p, "energy_management_plan", False),
        f(p, "water_management_plan", True, "Kế hoạch quản lý nước KCN 2024-2026", "2024-02-15"),
        f(p, "waste_management_plan", True, "Quy chế quản lý chất thải rắn và chất thải nguy hại KCN", "2021-07-01"),
        f(p, "park_ghg_inventory", False),
        f(p, "pollution_control", True, "Báo cáo quan trắc môi trường định kỳ năm 2025", "2026-01-20"),
        f(p, "social_management_system", False),
        f(p, "park_grievance_mechanism", True, "Đường dây nóng và hòm thư góp ý của KCN", "2020-03-01"),
        f(p, "training_programmes", True, "Kế hoạch đào tạo người lao động năm 2025 (có SXSH)", "2025-01-15"),
        f(p, "community_engagement", True, "Quy chế phối hợp với UBND các xã giáp ranh", "2019-06-10"),
        f(p, "io_monitoring", False, notes="Only water and wastewater are metered per firm; no materials/energy data."),
        f(p, "ghg_programme", False, notes="Planned after the 2026 GHG inventory of the steam plant and steel mill."),
        f(p, "social_infrastructure", True, "Khu nhà ở công nhân 3,000 chỗ; trạm y tế", "2019-10-01"),
        f(p, "social_staff", True, "QĐ phân công cán bộ phụ trách công tác xã hội số 15/QĐ-HTSC", "2023-02-01"),
        f(p, "eip_support_unit", False, notes="The management board has not designated an EIP support unit."),
        f(p, "local_labour_strategy", True, "Kế hoạch tuyển dụng lao động địa phương 2024-2026", "2024-03-10"),
        f(p, "eip_promotion", False),
        f(p, "park_ems", False, notes="ISO 14001 certificate covers the WWTP only."),
        f("F01_BREW", "grievance_rules", True, "Quy chế đối thoại và giải quyết khiếu nại", "2022-06-01"),
        f("F01_BREW", "energy_audit", True, "Báo cáo kiểm toán năng lượng 2024", "2024-11-20"),
        f("F24_STEEL", "energy_audit", True, "Báo cáo kiểm toán năng lượng 2023", "2023-09-30"),
        f("F24_STEEL", "ghg_inventory", True, "Báo cáo kiểm kê khí nhà kính cấp cơ sở 2024", "2025-03-31"),
        f("F44_STEAM", "ghg_inventory", True, "Báo cáo kiểm kê khí nhà kính cấp cơ sở 2024", "2025-03-31"),
        f("F12_GAR1", "grievance_rules", True, "Quy chế dân chủ cơ sở", "2021-01-05"),
        f("F13_GAR2", "grievance_rules", False),
        f("F14_GAR3", "grievance_rules", True, "Grievance procedure (buyer code of conduct)", "2020-08-01"),
        f("F14_GAR3", "anti_harassment", True, "Anti-harassment policy", "2020-08-01"),
        f("F14_GAR3", "gender_training", True, "Kế hoạch đào tạo bình đẳng giới 2025", "2025-01-10"),
        f("F18_ELEC1", "grievance_rules", True, "Employee grievance procedure", "2019-05-01"),
        f("F18_ELEC1", "information_disclosure", True, "Sustainability report 2024", "2025-05-30"),
        f("F23_ELEC4", "anti_harassment", False),
        f("F32_PAPER", "energy_audit", True, "Báo cáo kiểm toán năng lượng 2025", "2025-08-15"),
    ]


def _kpis(streams: list[Row], inflow: float, supplied: float, occupancy: float) -> list[Row]:
    tenants_and_op = [r for r in streams if not r["firm"].startswith("EXT_")]
    elec = sum(r["quantity"] for r in tenants_and_op if r["id"].endswith(".elec_in"))
    solids = [r for r in streams if not r["firm"].startswith("EXT_") and r["direction"] == "out" and r["unit"] == "t/a"
              and r["category"] in ("waste", "by_product")]
    solid = sum(r["quantity"] for r in solids)
    recycled = sum(r["quantity"] for r in solids if r.get("destination") in ("recycler", "sold", "onsite_reuse"))
    hazardous = sum(r["quantity"] for r in solids if r.get("hazardous"))
    co2 = sum(r["quantity"] for r in tenants_and_op if r["resource_class"] == "co2" and r["direction"] == "out")
    series: list[tuple[str, str, float, tuple[float, float, float, float], bool]] = [
        ("electricity_use", "MWh/a", elec, (0.86, 0.91, 0.96, 1.0), True),
        ("water_use", "m3/a", supplied * 365, (0.93, 0.97, 0.99, 1.0), True),
        ("wastewater_treated", "m3/a", inflow * 365, (0.92, 0.96, 0.99, 1.0), True),
        ("solid_waste", "t/a", solid, (0.9, 0.94, 0.98, 1.0), False),
        ("recycled_waste", "t/a", recycled, (0.8, 0.87, 0.95, 1.0), False),
        ("hazardous_waste", "t/a", hazardous, (0.93, 0.95, 0.98, 1.0), True),
        ("co2_direct", "t/a", co2, (0.9, 0.94, 0.99, 1.0), False),
        ("symbiosis_links", "", 5.0, (0.8, 1.0, 1.0, 1.0), True),
        ("recp_firms", "", 7.0, (3 / 7, 4 / 7, 6 / 7, 1.0), True),
        ("occupancy", "%", occupancy, (0.9, 0.95, 0.98, 1.0), True),
    ]
    rows: list[Row] = []
    for name, unit, value, growth, verified in series:
        for year, g in zip((2022, 2023, 2024, 2025), growth, strict=True):
            v = round(value * g) if unit in ("", "%") else sig(value * g)
            rows.append({"entity": PARK_ID, "indicator": name, "year": year, "month": None, "value": float(v),
                         "unit": unit or None, "verified": verified and year >= 2024,
                         "source_note": "Operator's annual report to the management board (synthetic)"})
    firm_series = [("F01_BREW", "water_use", "m3/a", "F01_BREW.water_in", (1.12, 1.08, 1.03, 1.0)),
                   ("F01_BREW", "electricity_use", "MWh/a", "F01_BREW.elec_in", (1.06, 1.04, 1.02, 1.0)),
                   ("F24_STEEL", "electricity_use", "MWh/a", "F24_STEEL.elec_in", (0.97, 1.03, 1.01, 1.0)),
                   ("F09_DYE", "water_use", "m3/a", "F09_DYE.water_in", (1.15, 1.1, 1.02, 1.0)),
                   ("F44_STEAM", "coal_use", "t/a", "F44_STEAM.coal_in", (0.92, 0.95, 1.02, 1.0))]
    by_id = {r["id"]: r for r in streams}
    for firm, name, unit, sid, growth in firm_series:
        for year, g in zip((2022, 2023, 2024, 2025), growth, strict=True):
            rows.append({"entity": firm, "indicator": name, "year": year, "month": None,
                         "value": sig(by_id[sid]["quantity"] * g), "unit": unit, "verified": year == 2025,
                         "source_note": "Firm's meter readings / invoices (synthetic)"})
    finances = (("service_revenue", (248.0, 265.0, 281.0, 296.0)), ("operating_cost", (231.0, 240.0, 252.0, 263.0)),
                ("renewable_electricity", (0.0, 0.0, 0.0, 0.0)))
    for name, values in finances:
        for year, value in zip((2022, 2023, 2024, 2025), values, strict=True):
            amount = value * 1e9 if name != "renewable_electricity" else value
            rows.append({"entity": PARK_ID, "indicator": name, "year": year, "month": None, "value": amount,
                         "unit": "VND/a" if name != "renewable_electricity" else "MWh/a", "verified": year == 2025,
                         "source_note": "Operator's accounts (synthetic); no on-site renewable generation yet"
                         if name == "renewable_electricity" else "Operator's accounts (synthetic)"})
    season = (0.97, 0.78, 0.98, 1.01, 1.03, 1.04, 1.03, 1.04, 1.02, 1.03, 1.02, 1.05)  # Tết dip in February
    for month, g in enumerate(season, start=1):
        rows.append({"entity": "OPER", "indicator": "wastewater_inflow", "year": 2025, "month": month,
                     "value": sig(inflow * g), "unit": "m3/day", "verified": True,
                     "source_note": "WWTP inlet flow meter, monthly mean (synthetic)"})
    return rows


def _measures(streams: dict[str, Row]) -> list[Row]:
    ef = _v("grid_ef")
    coal_co2 = _v("coal_ncv") * _v("co2_ef_anthracite") / 1000  # t CO2 / t coal
    steam_co2 = coal_co2 / _v("boiler_evaporation")  # t CO2 / t steam
    elec_vnd = _v("electricity") * 1000  # VND/MWh

    def m(ident: str, firm: str, title: str, theme: str, status: str, capex_bn: float, saving: float, unit: str,
          co2: float, year: int, vnd_per_unit: float, notes: str | None = None) -> Row:
        return {"id": ident, "firm": firm, "title": title, "theme": theme, "status": status, "capex": capex_bn * 1e9,
                "annual_saving": sig(saving * vnd_per_unit), "resource_saving": sig(saving), "saving_unit": unit,
                "co2_saving": sig(co2, 2) if co2 else 0.0, "year": year, "notes": notes}

    steam = _v("steam")
    water = _v("water") + _v("wastewater_fee")
    rows = [
        m("M01", "F01_BREW", "Thu hồi nhiệt hơi nồi nấu (wort-boiling vapour condenser)", "energy", "verified", 6.5,
          2_800, "t/a", 2_800 * steam_co2, 2023, steam),
        m("M02", "F01_BREW", "Tối ưu CIP, tái sử dụng nước tráng cuối (CIP optimisation)", "water", "implemented", 1.2,
          38_000, "m3/a", 0, 2024, water),
        m("M03", "F01_BREW", "Thu hồi CO2 lên men (CO2 recovery unit)", "emissions", "proposed", 12.0, 1_700, "t/a",
          0, 2026, 2_500_000, "Linked to exchange idea X07_CO2_GAS."),
        m("M04", "F24_STEEL", "Gia nhiệt sơ bộ thép phế bằng khí thải (scrap preheating)", "energy", "verified", 45.0,
          9_000, "MWh/a", 9_000 * ef, 2022, elec_vnd),
        m("M05", "F24_STEEL", "Biến tần quạt hút bụi lò điện (VFDs on fume fans)", "energy", "implemented", 3.8, 2_400,
          "MWh/a", 2_400 * ef, 2024, elec_vnd),
        m("M06", "F24_STEEL", "Bán xỉ thép làm cốt liệu đường (slag as aggregate)", "waste", "proposed", 8.0, 15_000,
          "t/a", 0, 2026, 250_000),
        m("M07", "F09_DYE", "Máy nhuộm dung tỷ thấp (low-liquor-ratio jets)", "water", "implemented", 9.0, 60_000,
          "m3/a", 0, 2024, water),
        m("M08", "F09_DYE", "Thu hồi nhiệt nước thải nhuộm nóng (hot-effluent heat recovery)", "energy", "proposed",
          2.5, 4_000, "t/a", 4_000 * steam_co2, 2026, steam),
        m("M09", "F09_DYE", "Chuyển lò hơi sang khí tự nhiên (switch to gas boiler)", "emissions", "rejected", 7.0, 0,
          "t/a", 0, 2024, 0, "Rejected: no gas pipeline to the park; CNG trucking too costly."),
        m("M10", "F32_PAPER", "Tuần hoàn nước trắng (white-water recirculation)", "water", "implemented", 4.5, 150_000,
          "m3/a", 0, 2023, water),
        m("M11", "F32_PAPER", "Thu hồi nước ngưng về lò hơi (condensate return to F44)", "energy", "proposed", 3.0,
          9_000, "t/a", 9_000 * steam_co2 * 0.15, 2026, 90_000, "Links F32_PAPER.condensate_out to F44_STEAM."),
        m("M12", "F44_STEAM", "Nâng cấp bộ hâm nước, sấy không khí (economiser upgrade)", "energy", "implemented", 5.5,
          1_200, "t/a", 1_200 * coal_co2, 2024, _v("coal")),
        m("M13", "F44_STEAM", "Hệ thống thu tro khô để bán (dry fly-ash handling)", "waste", "planned", 6.0,
          streams["F44_STEAM.fly_ash_out"]["quantity"], "t/a", 0, 2026, 270_000),
        m("M14", "F07_DAIRY", "Thu hồi dung dịch CIP (CIP solution recovery)", "chemicals", "verified", 1.5, 45,
          "t/a", 0, 2023, 12_000_000),
        m("M15", "F07_DAIRY", "Bơm nhiệt cho thanh trùng (heat pump for pasteurisation)", "energy", "proposed", 4.0,
          900, "t/a", 0, 2026, 2_300_000, "Saves rice-husk pellets; electricity use rises by ~350 MWh/a."),
        m("M16", "F02_SOFT", "Sửa rò rỉ khí nén (compressed-air leak programme)", "energy", "implemented", 0.3, 180,
          "MWh/a", 180 * ef, 2024, elec_vnd),
        m("M17", "F02_SOFT", "Giảm khối lượng chai PET (PET lightweighting)", "materials", "implemented", 2.0, 120,
          "t/a", 120 * 2.2, 2025, 28_000_000),
        m("M18", "F18_ELEC1", "Điện mặt trời mái nhà 2 MWp (rooftop PV)", "energy", "planned", 24.0, 2_200, "MWh/a",
          2_200 * ef, 2026, elec_vnd),
        m("M19", "F05_NOOD", "Thu hồi nhiệt khí thải lò dầu (heater flue-gas recovery)", "energy", "proposed", 1.8, 350,
          "t/a", 350 * coal_co2, 2026, _v("coal")),
        m("M20", "F26_STRUC", "Phần mềm tối ưu pha cắt (nesting software)", "materials", "planned", 0.6, 300, "t/a", 0,
          2026, 17_000_000 - 7_500_000),
        m("M21", "F14_GAR3", "Đèn LED và điều khiển chiếu sáng (LED lighting)", "energy", "planned", 1.1, 350, "MWh/a",
          350 * ef, 2026, elec_vnd),
        m("M22", "F29_CEM", "Phân ly hiệu suất cao (high-efficiency separator)", "energy", "planned", 18.0, 2_200,
          "MWh/a", 2_200 * ef, 2026, _v("electricity") * 1000),
    ]
    return rows


# ====================================================================== assembly and checks
def _tenant_streams() -> tuple[list[Row], list[Row]]:
    """Streams and qualities of the tenants; the steam plant is built afterwards, on its customers' demand."""
    builders = {**LIGHT, **HEAVY}
    streams: list[Row] = []
    qualities: list[Row] = []
    for spec in TENANTS:
        if spec.archetype == "steam_plant":
            continue
        fs = FirmStreams(spec)
        builders[spec.archetype](fs)
        streams.extend(fs.streams)
        qualities.extend(fs.qualities)
    return streams, qualities


def _order(rows: Iterable[Row], firm_order: dict[str, int]) -> list[Row]:
    return sorted(rows, key=lambda r: firm_order[r["firm"]])


def _check(tables: Tables) -> None:
    """Consistency checks that must hold for the shipped data (raise AssertionError otherwise)."""
    ids = [r["id"] for r in tables["streams"]]
    if len(ids) != len(set(ids)):
        raise AssertionError("duplicate stream ids")
    firms = {r["id"] for r in tables["firms"]}
    stream_ids = set(ids)
    if any(r["firm"] not in firms for r in tables["streams"]):
        raise AssertionError("stream of an unknown firm")
    if any(q["stream"] not in stream_ids for q in tables["qualities"]):
        raise AssertionError("quality of an unknown stream")
    for x in tables["exchanges"]:
        for col in ("supply_stream", "demand_stream"):
            if x[col] is not None and x[col] not in stream_ids:
                raise AssertionError(f"exchange {x['id']}: unknown {col} {x[col]}")
    for firm in firms:
        rows = [r for r in tables["streams"] if r["firm"] == firm]
        water_in = sum(_annual(r) for r in rows if r["category"] == "water" and r["direction"] == "in")
        ww_out = sum(_annual(r) for r in rows if r["category"] == "wastewater" and r["direction"] == "out")
        if ww_out > water_in and firm != "OPER":
            raise AssertionError(f"{firm}: wastewater {ww_out} exceeds water intake {water_in}")


def build_demo_tables() -> Tables:
    """Build the rows of every table of the demo park.

    Returns
    -------
    dict of list of dict
        ``{table: rows}`` for ``park`` (one row), ``firms``, ``streams``, ``qualities``, ``exchanges``,
        ``infrastructure``, ``facts``, ``kpis`` and ``measures``. Missing values are ``None`` or absent keys.
    """
    firms = firm_rows()
    streams, qualities = _tenant_streams()
    steam = FirmStreams(tenant("F44_STEAM"))
    steam_plant(steam, sum(r["quantity"] for r in streams if r["id"].endswith(".steam_in")))
    streams += steam.streams
    qualities += steam.qualities
    op_rows, op_quals, totals = _operator_streams(streams, qualities)
    ext_rows, ext_quals = _external_streams(totals["supplied"])
    firm_order = {f["id"]: i for i, f in enumerate(firms)}
    streams = _order(streams + op_rows + ext_rows, firm_order)
    stream_order = {r["id"]: i for i, r in enumerate(streams)}
    qualities = sorted(qualities + op_quals + ext_quals, key=lambda q: stream_order[q["stream"]])
    by_id = {r["id"]: r for r in streams}
    park = _park_row(firms)
    elec_mw = sum(r["quantity"] for r in streams if r["id"].endswith(".elec_in") and not r["firm"].startswith("EXT"))
    tables: Tables = {
        "park": [park],
        "firms": firms,
        "streams": streams,
        "qualities": qualities,
        "exchanges": _exchanges(by_id),
        "infrastructure": _infrastructure(totals["inflow"], totals["supplied"], elec_mw / 8760,
                                          by_id["F44_STEAM.steam_out"]["quantity"] * 1.06 / tenant("F44_STEAM").hours),
        "facts": _facts(),
        "kpis": _kpis(streams, totals["inflow"], totals["supplied"], 100 * park["leased_industrial_area"]
                      / park["industrial_land_area"]),
        "measures": _measures(by_id),
    }
    _check(tables)
    if totals["inflow"] >= WWTP_CAPACITY:
        raise AssertionError("central WWTP inflow exceeds its capacity")
    return tables


#: Firms that are neither tenants nor the operator (for documentation).
EXTERNAL_IDS: tuple[str, ...] = tuple(str(e["id"]) for e in EXTERNALS)
#: Number of tenants.
N_TENANTS: int = len(TENANTS)

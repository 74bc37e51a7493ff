"""Archetypes of the demo park's heavy industries: EAF steel, metal working, building materials, cans.

Each function adds one tenant's streams from its output; see :mod:`eipkit.datasets._demo_streams`.
"""

from __future__ import annotations

from collections.abc import Callable

from eipkit.datasets._demo_streams import FirmStreams, factors, ww

__all__ = ["HEAVY", "STEAM_CAPACITY", "steam_plant"]

#: Installed steam capacity of F44_STEAM (3 x 20 t/h CFB boilers), t/h.
STEAM_CAPACITY = 60.0


def _v(key: str) -> float:
    return factors()[key].value


def _steel(s: FirmStreams) -> None:
    t = s.out
    rolled = t * 0.96
    dom = s.domestic_water()
    cooling = t * s.v("steel_cooling_makeup")
    s.electricity(t * s.v("eaf_electricity") / 1000 + rolled * s.v("rolling_electricity") / 1000,
                  "liquid steel x " + s.cite("eaf_electricity") + "; rolled x " + s.cite("rolling_electricity"),
                  "electricity_110kv")
    s.water(dom, "domestic: " + s.cite("domestic_water", "working_days"))
    s.water(cooling, "liquid steel x " + s.cite("steel_cooling_makeup"),
            {"COD": 60.0, "TSS": 40.0, "TDS": 2_500.0, "chloride": 600.0}, key="cooling_in",
            desc="Nước bổ sung tháp giải nhiệt (cooling-tower make-up)")
    s.wastewater(cooling * 0.2 + dom * 0.8, "20 % of make-up as blowdown + 80 % of domestic (eipkit assumption [L])",
                 ww(80, 20, 60, 2_500, 500, 7.8, oil_grease=8, Fe=2.0, Zn=1.0))
    s.add("scrap_in", "in", "material", "steel_scrap", "Thép phế liệu (steel scrap)", t * s.v("eaf_scrap_charge"),
          "t/a", "output x " + s.cite("eaf_scrap_charge"), unit_cost=s.v("steel_scrap"), cost_unit="VND/t",
          destination="supplier")
    s.add("lime_in", "in", "material", "lime", "Vôi, dolomit (lime fluxes)", t * s.v("eaf_lime") / 1000, "t/a",
          "output x " + s.cite("eaf_lime"), unit_cost=2_200_000, cost_unit="VND/t", destination="supplier")
    gas = rolled * s.v("reheating_fuel")
    s.add("gas_in", "in", "energy", "natural_gas", "CNG cho lò nung phôi (reheating furnace gas)", gas, "GJ/a",
          "rolled x " + s.cite("reheating_fuel"), unit_cost=380_000, cost_unit="VND/GJ", destination="supplier")
    sid = s.waste("slag_out", "steel_slag", "Xỉ lò điện hồ quang (EAF slag)", t * s.v("eaf_slag") / 1000,
                  "output x " + s.cite("eaf_slag"), "landfill", ewc="10 02 02", price=250_000, category="by_product",
                  moisture=5.0)
    s.qual(sid, {"CaO": 32.0, "SiO2": 15.0, "Fe2O3": 30.0, "Al2O3": 6.0}, note="Typical EAF slag ranges (synthetic)")
    sid = s.waste("dust_out", "eaf_dust", "Bụi lò điện hồ quang (EAF baghouse dust)", t * s.v("eaf_dust") / 1000,
                  "output x " + s.cite("eaf_dust"), "storage", hazardous=True, ewc="10 02 07*", moisture=1.0)
    s.qual(sid, {"Zn": 22.0, "Pb": 2.5, "Fe": 30.0}, unit="%", note="Typical EAF dust (Zn 5-35 %, World Bank PPAH)")
    sid = s.waste("scale_out", "mill_scale", "Vảy cán thép (mill scale)", rolled * s.v("mill_scale"),
                  "rolled x " + s.cite("mill_scale"), "sold", ewc="10 02 10", price=-800_000, category="by_product",
                  moisture=6.0)
    s.qual(sid, {"Fe": 70.0}, unit="%", note="Fe 68-72 % (ispatguru)")
    s.waste("refractory_out", "general_waste", "Gạch chịu lửa thải (spent refractories)", t * 0.008,
            "eipkit assumption 8 kg/t [L]", "landfill", ewc="16 11 04")
    s.heat("reheat_fluegas_out", "out", "waste_heat_gas", "Khí thải lò nung phôi sau thu hồi (reheating flue gas)",
           3_500, 300, 150, 7_000, "eipkit assumption [L]")
    s.heat("eaf_offgas_out", "out", "waste_heat_gas", "Khí thải lò điện sau buồng đốt (EAF off-gas)", 5_000, 250, 120,
           6_500, "eipkit assumption [L]; batch, off during tapping")
    co2 = (t * s.v("eaf_coal") / 1000 * s.v("coal_ncv") * s.v("co2_ef_anthracite") / 1000
           + gas * s.v("co2_ef_natural_gas") / 1000 + t * 0.002 * 3.67)
    s.add("co2_out", "out", "emission", "co2", "CO2 trực tiếp (carbon, electrodes, gas)", co2, "t/a",
          "coal: " + s.cite("eaf_coal", "co2_ef_anthracite") + "; gas: " + s.cite("co2_ef_natural_gas")
          + "; electrodes 2 kg/t [L]", destination="atmosphere")
    s.hazardous_small(oil=12, rags=2)
    s.msw()


def _galvanising(s: FirmStreams) -> None:
    t = s.out
    hcl = t * s.v("galv_hcl") / 1000
    s.utilities(t * 0.06, "output x 60 kWh/t (eipkit assumption [L])", t * 0.35, "rinsing 0.35 m3/t [L]", t * 0.3,
                ww(80, 20, 50, 3_000, 1_200, 7.0, Zn=2.5, Fe=3.0))
    s.add("zinc_in", "in", "material", "raw_materials", "Kẽm thỏi (zinc ingot)", t * s.v("galv_zinc"), "t/a",
          "output x " + s.cite("galv_zinc"), unit_cost=75_000_000, cost_unit="VND/t", destination="supplier")
    s.add("hcl_in", "in", "material", "chemicals", "Axit HCl 32 % (pickling acid)", hcl, "t/a",
          "output x " + s.cite("galv_hcl"), unit_cost=3_000_000, cost_unit="VND/t", destination="supplier")
    s.add("lpg_in", "in", "energy", "natural_gas", "LPG cho bể kẽm (LPG, zinc kettle)", t * 0.03, "t/a",
          "eipkit assumption 0.03 t/t [L]", calorific_value=46.0, unit_cost=22_000_000, cost_unit="VND/t",
          destination="supplier")
    sid = s.waste("acid_out", "spent_pickling_acid", "Axit tẩy gỉ thải chứa FeCl2 (spent pickling acid)",
                  hcl * s.v("galv_spent_acid_ratio"), "HCl x " + s.cite("galv_spent_acid_ratio"), "other",
                  hazardous=True, vn="07 01 01", ewc="11 01 05*", price=4_500_000)
    s.qual(sid, {"Fe": 8.0, "Zn": 0.8}, unit="%", note="Iron ~100-150 g/L as FeCl2 (synthetic)")
    s.waste("zinc_ash_out", "metal_scrap", "Tro kẽm, xỉ kẽm (zinc ash and dross)", t * s.v("galv_zinc") * 0.12,
            "12 % of zinc [L]", "sold", ewc="11 05 02", price=-30_000_000, category="by_product")
    s.waste("filter_cake_out", "inorganic_sludge", "Bùn trung hòa (neutralisation filter cake)", t * 0.003,
            "eipkit assumption 3 kg/t [L]", "other", hazardous=True, ewc="11 01 09*", moisture=65.0)
    s.heat("kettle_fluegas_out", "out", "waste_heat_gas", "Khí thải đốt bể kẽm (kettle flue gas)", 200, 400, 180,
           7_000, "eipkit assumption [L]")
    s.msw()


def _metalwork(s: FirmStreams, kwh: float, steel_in: float, scrap_rc: str, extra_oil: float) -> None:
    s.utilities(s.out * kwh / 1000, f"output x {kwh:g} kWh/t (eipkit assumption [L])")
    s.add("steel_in", "in", "material", "steel_products", "Thép tấm, thép hình (steel plate and sections)",
          s.out * steel_in, "t/a", "bill of materials (synthetic)", unit_cost=17_000_000, cost_unit="VND/t",
          destination="supplier")
    s.waste("scrap_out", scrap_rc, "Phế liệu thép (steel offcuts, turnings)", s.out * (steel_in - 1),
            "material balance (synthetic); scrap rate " + s.cite("metal_scrap_rate"), "sold", ewc="12 01 01",
            price=-7_500_000, category="by_product")
    s.hazardous_small(oil=extra_oil)
    s.msw()


def _structural(s: FirmStreams) -> None:
    _metalwork(s, 150, 1.064, "steel_scrap", 3)
    s.add("paint_in", "in", "material", "chemicals", "Sơn chống gỉ (primer paint)", s.out * 0.01, "t/a",
          "eipkit assumption 10 kg/t [L]", unit_cost=60_000_000, cost_unit="VND/t", destination="supplier")
    s.waste("paint_sludge_out", "hazardous_waste", "Cặn sơn (paint sludge)", 12, "register (synthetic)",
            "incineration", hazardous=True, ewc="08 01 11*", calorific_value=18.0)
    s.waste("grit_out", "metal_dust", "Bụi phun bi (blasting grit and dust)", 150, "register (synthetic)", "landfill",
            ewc="12 01 17")


def _machining(s: FirmStreams) -> None:
    _metalwork(s, 1_500, 1.4, "steel_scrap", 6)
    s.add("emulsion_out", "out", "waste", "waste_oil", "Dung dịch làm mát gia công thải (spent cutting emulsion)",
          3.3, "t", "register: about 3.3 t collected per month (synthetic)", period="month", hazardous=True,
          ewc_code="12 01 09*", moisture=90.0, unit_cost=s.v("hazardous_waste_disposal"), cost_unit="VND/t",
          destination="other")


def _diecasting(s: FirmStreams) -> None:
    s.utilities(s.out * 1.2, "output x 1,200 kWh/t (eipkit assumption [L])", 25_000, "die cooling (synthetic)", 18_000,
                ww(200, 60, 80, 900, 150, 7.5, oil_grease=10))
    s.add("al_in", "in", "material", "raw_materials", "Nhôm thỏi ADC12 (aluminium ingot)", s.out * 0.95, "t/a",
          "material balance (synthetic)", unit_cost=65_000_000, cost_unit="VND/t", destination="supplier")
    s.add("lpg_in", "in", "energy", "natural_gas", "LPG lò nấu nhôm (LPG, melting)", s.out * 0.08, "t/a",
          "eipkit assumption 0.08 t/t [L]", calorific_value=46.0, unit_cost=22_000_000, cost_unit="VND/t",
          destination="supplier")
    s.waste("chips_out", "aluminium_scrap", "Phoi nhôm (aluminium chips)", 400, "register (synthetic)", "sold",
            ewc="12 01 03", price=-35_000_000, category="by_product")
    s.waste("dross_out", "metal_dust", "Xỉ nhôm (aluminium dross)", 150, "register (synthetic)", "sold",
            ewc="10 03 16", price=-5_000_000)
    s.heat("furnace_fluegas_out", "out", "waste_heat_gas", "Khí thải lò nấu nhôm (melting furnace flue gas)", 400, 350,
           150, 6_000, "eipkit assumption [L]")
    s.hazardous_small(oil=25)
    s.msw()


def _cement_grinding(s: FirmStreams) -> None:
    t = s.out
    s.utilities(t * s.v("cement_grinding_electricity") / 1000, "output x " + s.cite("cement_grinding_electricity"))
    s.add("clinker_in", "in", "material", "cement_raw_meal", "Clinker mua ngoài (purchased clinker)",
          t * s.v("cement_clinker_factor"), "t/a", "output x " + s.cite("cement_clinker_factor"), unit_cost=1_050_000,
          cost_unit="VND/t", destination="supplier")
    sid = s.add("gypsum_in", "in", "material", "gypsum", "Thạch cao nhập khẩu (natural gypsum)",
                t * s.v("cement_gypsum"), "t/a", "output x " + s.cite("cement_gypsum"), unit_cost=1_200_000,
                cost_unit="VND/t", destination="supplier")
    s.qual(sid, {"SO3": 38.0}, bound="min", note="Plant purchase specification (synthetic)")
    sid = s.add("flyash_in", "in", "material", "fly_ash", "Tro bay làm phụ gia khoáng (fly ash additive)", t * 0.08,
                "t/a", "PCB40 recipe: 8 % fly ash (synthetic); today bought ~70 km away", unit_cost=350_000,
                cost_unit="VND/t", destination="supplier")
    s.qual(sid, {"loss_on_ignition": 8.0, "SO3": 3.0}, bound="max", note="Plant acceptance specification (synthetic)")
    sid = s.add("slag_in", "in", "material", "slag", "Xỉ làm phụ gia xi măng (slag additive)",
                t * (1 - s.v("cement_clinker_factor") - s.v("cement_gypsum") - 0.08), "t/a",
                "balance of the recipe (synthetic); today granulated blast-furnace slag", unit_cost=450_000,
                cost_unit="VND/t", destination="supplier")
    s.qual(sid, {"Fe2O3": 35.0}, bound="max", note="Plant acceptance specification (synthetic)")
    s.waste("bags_out", "mixed_plastics", "Vỏ bao PP/giấy rách (torn cement bags)", 150, "register (synthetic)",
            "landfill", ewc="15 01 05", calorific_value=20.0)
    s.msw()


def _bricks(s: FirmStreams) -> None:
    mass = s.out * s.v("brick_mass") / 1000
    s.electricity(mass * 8 / 1000, "8 kWh/t of bricks (eipkit assumption [L])")
    s.water(s.domestic_water(), "domestic: " + s.cite("domestic_water", "working_days"))
    s.water(mass * 0.1, "mixing and curing 0.1 m3/t [L]", {"TSS": 200.0, "COD": 150.0, "chloride": 1_000.0},
            key="process_in", desc="Nước trộn, bảo dưỡng gạch (mixing and curing water)")
    s.wastewater(s.domestic_water() * 0.8, "80 % of domestic water", rc="domestic_wastewater")
    s.add("cement_in", "in", "material", "raw_materials", "Xi măng PCB40 (cement)", mass * 0.09, "t/a",
          "recipe 9 % (synthetic)", unit_cost=1_250_000, cost_unit="VND/t", destination="supplier")
    s.add("sand_in", "in", "material", "sand", "Mạt đá, cát (stone dust, sand)", mass * 0.71, "t/a",
          "recipe 71 % (synthetic)", unit_cost=180_000, cost_unit="VND/t", destination="supplier")
    sid = s.add("ash_in", "in", "material", "ash", "Tro xỉ thay mạt đá (fly/bottom ash as filler)",
                mass * s.v("brick_ash_share"), "t/a", "bricks x " + s.cite("brick_mass", "brick_ash_share")
                + "; bought from a power plant ~60 km away", unit_cost=270_000, cost_unit="VND/t",
                destination="supplier")
    s.qual(sid, {"loss_on_ignition": 12.0}, bound="max", note="Plant acceptance specification (synthetic)")
    s.waste("broken_out", "construction_waste", "Gạch vỡ (broken bricks), crushed and reused", mass * 0.02,
            "2 % (synthetic)", "onsite_reuse", ewc="10 13 14", price=0.0)
    s.msw()


def _concrete(s: FirmStreams) -> None:
    m3 = s.out
    s.electricity(m3 * 3 / 1000, "3 kWh/m3 (eipkit assumption [L])")
    s.water(s.domestic_water(), "domestic: " + s.cite("domestic_water", "working_days"))
    s.water(m3 * 0.17, "mixing water 170 L/m3 [L]", {"chloride": 500.0, "TDS": 2_500.0, "TSS": 2_000.0},
            key="mixing_in", desc="Nước trộn bê tông (mixing water)")
    s.water(m3 * 0.1, "truck and drum washing 0.1 m3/m3 [L]", {"TSS": 200.0, "COD": 150.0}, key="wash_in",
            desc="Nước rửa xe bồn (truck washing water)")
    s.wastewater(m3 * 0.06 + s.domestic_water() * 0.8, "settled washout + domestic (synthetic)",
                 ww(90, 30, 80, 1_200, 150, 9.0))
    s.add("cement_in", "in", "material", "raw_materials", "Xi măng (cement)", m3 * 0.33, "t/a", "330 kg/m3 [L]",
          unit_cost=1_250_000, cost_unit="VND/t", destination="supplier")
    s.add("aggregate_in", "in", "material", "sand", "Đá, cát (aggregates)", m3 * 1.8, "t/a", "1.8 t/m3 [L]",
          unit_cost=250_000, cost_unit="VND/t", destination="supplier")
    sid = s.add("flyash_in", "in", "material", "fly_ash", "Tro bay cho bê tông (fly ash SCM)", m3 * 0.05, "t/a",
                "50 kg/m3 (synthetic)", unit_cost=400_000, cost_unit="VND/t", destination="supplier")
    s.qual(sid, {"loss_on_ignition": 6.0}, bound="max", note="Plant acceptance specification (synthetic)")
    s.waste("returned_out", "construction_waste", "Bê tông thừa, bê tông trả về (returned concrete)", m3 * 0.036,
            "1.5 % of volume x 2.4 t/m3 (synthetic)", "landfill", ewc="10 13 14")
    s.msw()


def _cans(s: FirmStreams) -> None:
    s.utilities(s.out * 0.025 / 1000, "output x 0.025 kWh/can (eipkit assumption [L])", 50_000,
                "can washer (synthetic)", 45_000, ww(200, 60, 60, 1_500, 200, 7.5))
    s.add("al_in", "in", "material", "raw_materials", "Nhôm cuộn (aluminium coil)", s.out * 0.0158 / 1000, "t/a",
          "15.8 g/can incl. scrap (synthetic)", unit_cost=70_000_000, cost_unit="VND/t", destination="supplier")
    s.add("lpg_in", "in", "energy", "natural_gas", "LPG lò sấy sơn (LPG, curing ovens)", 600, "t/a",
          "fuel records (synthetic)", calorific_value=46.0, unit_cost=22_000_000, cost_unit="VND/t",
          destination="supplier")
    s.waste("al_scrap_out", "aluminium_scrap", "Nhôm phế (aluminium scrap)", s.out * 0.0008 / 1000,
            "5 % of coil (synthetic)", "sold", ewc="12 01 03", price=-40_000_000, category="by_product")
    s.heat("oven_out", "out", "waste_heat_gas", "Khí thải lò sấy (curing-oven exhaust)", 500, 180, 100, 7_000,
           "eipkit assumption [L]")
    s.waste("lacquer_out", "solvents", "Dung môi, sơn lót thải (lacquer solvent waste)", 20, "register (synthetic)",
            "incineration", hazardous=True, ewc="08 01 11*", calorific_value=24.0)
    s.msw()

#: Builders of the heavy-industry archetypes.
HEAVY: dict[str, Callable[[FirmStreams], None]] = {
    "steel": _steel, "galvanising": _galvanising, "structural": _structural, "machining": _machining,
    "diecasting": _diecasting, "cement_grinding": _cement_grinding, "bricks": _bricks, "concrete": _concrete,
    "cans": _cans,
}


def steam_plant(s: FirmStreams, demand: float) -> None:
    """Add the streams of the coal-fired CFB steam plant, sized on its customers' steam purchases (t/a)."""
    produced = demand * 1.06
    coal = produced / _v("boiler_evaporation")
    ash = coal * _v("coal_ash")
    sulfur = coal * _v("coal_sulfur")
    limestone = sulfur * 100 / 32 * 1.05
    s.electricity(produced * _v("boiler_aux_electricity") / 1000, "steam x " + s.cite("boiler_aux_electricity"))
    s.water(s.domestic_water(), "domestic: " + s.cite("domestic_water", "working_days"))
    s.water(produced * 0.9 + 20_000, "make-up for unreturned condensate (90 % of steam) + ash conditioning [L]",
            {"TDS": 1_000.0, "chloride": 250.0, "TSS": 20.0}, key="process_in",
            desc="Nước cấp cho xử lý khử khoáng lò hơi (boiler make-up)")
    s.wastewater(s.domestic_water() * 0.8 + 8_000, "boiler blowdown 8,000 m3/a + 80 % of domestic (synthetic)",
                 {"COD": 40.0, "BOD5": 10.0, "TSS": 60.0, "TDS": 2_500.0, "chloride": 300.0, "pH": 8.5})
    sid = s.add("coal_in", "in", "energy", "coal", "Than cám antraxit Quảng Ninh (anthracite fines)", coal, "t/a",
                "steam / " + s.cite("boiler_evaporation") + "; losses 6 % [L]", calorific_value=_v("coal_ncv"),
                moisture=8.0, unit_cost=_v("coal"), cost_unit="VND/t", destination="supplier")
    s.qual(sid, {"sulfur": _v("coal_sulfur") * 100, "ash_content": _v("coal_ash") * 100},
           note=s.cite("coal_sulfur", "coal_ash"))
    s.add("limestone_in", "in", "material", "limestone", "Đá vôi khử SO2 (FGD limestone)", limestone, "t/a",
          "S in coal x 100/32 x 1.05 (stoichiometry); " + s.cite("coal_sulfur"), unit_cost=400_000,
          cost_unit="VND/t", destination="supplier")
    s.add("steam_out", "out", "heat", "steam_lp", "Hơi bão hòa 10 bar bán qua mạng hơi KCN (process steam sold)",
          demand, "t/a", "Sum of customers' steam purchases (F01_BREW, F09_DYE, F32_PAPER)", pressure=10.0,
          temperature=185.0, unit_cost=-_v("steam"), cost_unit="VND/t", destination="sold")
    s.add("capacity_out", "out", "capacity", "steam_lp", "Công suất hơi dư (spare boiler capacity)",
          STEAM_CAPACITY * 0.85 - produced / s.spec.hours, "t/h",
          "Installed 3 x 20 t/h, 15 % reserve, minus average load", operating_hours=s.spec.hours, pressure=10.0,
          temperature=185.0)
    sid = s.waste("fly_ash_out", "fly_ash", "Tro bay (coal fly ash, ESP)", ash * _v("fly_ash_share"),
                  "coal x " + s.cite("coal_ash", "fly_ash_share"), "landfill", ewc="10 01 02", price=150_000,
                  category="by_product", moisture=15.0)
    s.qual(sid, {"loss_on_ignition": 7.5, "SiO2": 52.0, "Al2O3": 24.0, "Fe2O3": 7.0, "CaO": 4.0, "SO3": 1.5},
           note="Class F fly ash typical of northern Vietnam (SiO2+Al2O3+Fe2O3 > 70 %, Pham & Le 2021); synthetic")
    sid = s.waste("bottom_ash_out", "bottom_ash", "Xỉ đáy lò (bottom ash)", ash * (1 - _v("fly_ash_share")),
                  "coal x " + s.cite("coal_ash", "fly_ash_share"), "landfill", ewc="10 01 01", price=150_000,
                  category="by_product", moisture=12.0)
    s.qual(sid, {"loss_on_ignition": 10.0, "SiO2": 50.0}, note="Synthetic analysis")
    sid = s.waste("gypsum_out", "fgd_gypsum", "Thạch cao khử lưu huỳnh (FGD gypsum)", sulfur * 172 / 32 * 0.9,
                  "S in coal x 172/32 x 90 % capture (stoichiometry); " + s.cite("coal_sulfur"), "landfill",
                  ewc="10 01 05", price=150_000, category="by_product", moisture=10.0)
    s.qual(sid, {"SO3": 44.0, "chlorine": 0.05}, note="Synthetic analysis")
    s.heat("fluegas_out", "out", "waste_heat_gas", "Khí thải sau bộ hâm nước (flue gas after economiser)", 600, 185,
           130, s.spec.hours, "flue gas ~10 kg/kg coal cooled to 130 °C (acid dew point); eipkit estimate [L]")
    sid = s.add("condensate_in", "in", "water", "condensate", "Nước ngưng hồi về mong muốn (condensate return wanted)",
                50_000, "m3/a", "Boiler feed-water plan (synthetic)", temperature=80.0, unit_cost=_v("water"),
                cost_unit="VND/m3", destination="supplier")
    s.qual(sid, {"TDS": 20.0}, bound="max", note="Boiler feed-water specification (synthetic)")
    s.add("co2_out", "out", "emission", "co2", "CO2 đốt than và khử SO2 (combustion and FGD CO2)",
          coal * _v("coal_ncv") * _v("co2_ef_anthracite") / 1000 + limestone * 0.44, "t/a",
          "coal x " + s.cite("coal_ncv", "co2_ef_anthracite") + "; limestone x 0.44", destination="atmosphere")
    s.hazardous_small(oil=3, rags=1)
    s.msw()

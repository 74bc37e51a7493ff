"""Archetypes of the demo park's light and process industries.

Food, beverages, textiles, garments, electronics, paper, plastics, chemicals, wood and logistics.
Each function adds one tenant's streams from its output; see :mod:`eipkit.datasets._demo_streams`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from eipkit.datasets._demo_streams import FirmStreams, factors, ww

__all__ = ["LIGHT"]

_SERVED = "; process demand served today by {}, listed for heat-integration studies (not extra energy)"


def _brewery(s: FirmStreams) -> None:
    hl = s.out
    water = hl * s.v("brewery_water") / 10
    s.electricity(hl * s.v("brewery_electricity") / 1000, "output x " + s.cite("brewery_electricity"))
    s.water(water, "output x " + s.cite("brewery_water"))
    s.wastewater(water * s.v("brewery_wastewater_ratio"),
                 "water x " + s.cite("brewery_wastewater_ratio") + "; raw COD per " + s.cite("brewery_effluent_cod"),
                 ww(450, 250, 150, 900, 120, 7.5, total_N=40, total_P=8))
    steam_t = hl * s.v("brewery_thermal") / 1000 / s.v("steam_enthalpy")
    s.add("steam_in", "in", "heat", "steam_lp", "Hơi 10 bar mua từ F44_STEAM (process steam)", steam_t, "t/a",
          "output x " + s.cite("brewery_thermal", "steam_enthalpy"), pressure=10.0, temperature=180.0,
          unit_cost=s.v("steam"), cost_unit="VND/t", destination="supplier")
    s.add("grist_in", "in", "material", "raw_materials", "Malt và gạo (malt and rice adjunct)",
          hl * s.v("brewery_grist") / 1000, "t/a", "output x " + s.cite("brewery_grist"), unit_cost=11_000_000,
          cost_unit="VND/t", destination="supplier")
    sid = s.waste("bsg_out", "spent_grain", "Bã hèm bia ướt (wet brewers' spent grain)",
                  hl * s.v("brewery_spent_grain") / 1000, "output x " + s.cite("brewery_spent_grain"), "sold",
                  ewc="02 07 04", price=-300_000, category="by_product", moisture=78.0, availability="continuous")
    s.qual(sid, {"protein": 24.0, "dry_solids": 22.0}, note="Protein on dry basis; literature ~20-25 % (synthetic)")
    s.waste("yeast_out", "spent_yeast", "Men bia thải (spent yeast slurry), partly drained",
            hl * s.v("brewery_spent_yeast") / 1000, "output x " + s.cite("brewery_spent_yeast"), "other",
            ewc="02 07 04", price=0.0, category="by_product", moisture=88.0)
    co2 = s.add("co2_out", "out", "by_product", "co2_concentrated", "CO2 lên men thải ra khí quyển (fermentation CO2)",
                hl * s.v("brewery_fermentation_co2") / 1000, "t/a",
                "output x " + s.cite("brewery_fermentation_co2", "brewery_co2_recoverable_share")
                + "; about half is recoverable", destination="atmosphere", availability="batch")
    s.qual(co2, {"purity": 99.5}, note="Fermenter off-gas after foam trap (synthetic)")
    s.heat("hotwater_out", "out", "hot_water", "Nước nóng dư từ làm lạnh dịch nha (surplus wort-cooling water)", 600,
           80, 35, 6_000, "eipkit assumption: ~15 % of thermal input leaves as surplus hot water [L]")
    s.waste("glass_out", "glass", "Chai vỡ (broken glass)", hl * 0.3 / 1000, "eipkit assumption 0.3 kg/hL [L]",
            "recycler", ewc="15 01 07", price=-500_000, category="by_product")
    s.heat("process_heat_in", "in", "heat", "Nhiệt nấu malt, đun sôi dịch nha (mashing and wort boiling)", 1_800, 65,
           100, 8_000, "60 % of thermal input; " + s.cite("brewery_thermal") + _SERVED.format("F01_BREW.steam_in"))
    s.hazardous_small(oil=4)
    s.msw()


def _softdrink(s: FirmStreams) -> None:
    hl = s.out
    s.utilities(hl * s.v("softdrink_electricity") / 1000, "output x " + s.cite("softdrink_electricity"),
                hl * s.v("softdrink_water") / 10, "output x " + s.cite("softdrink_water"),
                hl * (s.v("softdrink_water") - 1.1) / 10, ww(400, 220, 80, 700, 90, 8.0))
    co2 = s.add("co2_in", "in", "material", "co2_concentrated", "CO2 lỏng mua ngoài (liquid CO2 for carbonation)",
                hl * s.v("softdrink_co2") / 1000, "t/a", "output x " + s.cite("softdrink_co2", "liquid_co2"),
                unit_cost=s.v("liquid_co2"), cost_unit="VND/t", destination="supplier")
    s.qual(co2, {"purity": 99.9}, bound="min", note="Food-grade CO2 (ISBT quality), purity >= 99.9 %")
    s.add("sugar_in", "in", "material", "raw_materials", "Đường, hương liệu (sugar, flavours)", hl * 10 / 1000, "t/a",
          "eipkit assumption 10 kg/hL [L]", unit_cost=16_000_000, cost_unit="VND/t", destination="supplier")
    s.heat("cip_heat_in", "in", "hot_water", "Nước nóng CIP, rửa chai (CIP hot water)", 250, 25, 80, 4_000,
           "eipkit assumption [L]; today heated with an LPG boiler")
    s.waste("pet_out", "pet", "Phôi PET, chai lỗi (PET rejects)", 50, "Waste register 2025 (synthetic)", "recycler",
            ewc="15 01 02", price=-6_000_000, category="by_product")
    s.packaging(cardboard=80, film=25)
    s.msw()


def _fish(s: FirmStreams, raw: float, ww_key: str, residue_key: str, rc: str, desc: str, quality: Mapping[str, float],
          heat_kw: float, months: str | None = None) -> None:
    ww_m3 = raw * s.v(ww_key)
    s.utilities(raw * s.v("seafood_electricity") / 1000, f"raw {raw:g} t/a x " + s.cite("seafood_electricity"),
                ww_m3 / 0.9, f"raw x {s.cite(ww_key)}; 90 % leaves as wastewater", ww_m3, quality)
    s.add("fish_in", "in", "material", "raw_materials", "Nguyên liệu thủy sản tươi (raw fish/shrimp)", raw, "t/a",
          "Purchase records 2025 (synthetic)", unit_cost=30_000_000, cost_unit="VND/t", destination="supplier")
    sid = s.waste("residue_out", rc, desc, raw * s.v(residue_key), "raw x " + s.cite(residue_key), "sold",
                  ewc="02 02 02", price=-1_200_000, category="by_product", moisture=72.0,
                  availability="seasonal" if months else None, months=months)
    s.qual(sid, {"protein": 15.0}, note="Wet basis (synthetic)")
    s.heat("hotwater_in", "in", "hot_water", "Nước nóng vệ sinh (sanitation hot water)", heat_kw, 25, 60, 6_000,
           "eipkit assumption [L]; electric heaters today")
    s.waste("sludge_out", "organic_sludge", "Bùn tuyển nổi, mỡ cá (DAF fat sludge)", ww_m3 * 0.004,
            "eipkit assumption 4 kg/m3 wastewater [L]", "landfill", ewc="02 02 04", moisture=80.0, calorific_value=4.0)
    s.packaging(cardboard=raw * 0.003, film=raw * 0.002)
    s.msw()


def _seafood(s: FirmStreams) -> None:
    _fish(s, s.out / 0.4, "seafood_wastewater", "seafood_residue_share", "fish_residue",
          "Đầu, xương, nội tạng cá (fish heads, frames, viscera)", ww(600, 350, 200, 1_400, 500, 7.0, total_N=80,
                                                                       oil_grease=15), 300)


def _shrimp(s: FirmStreams) -> None:
    _fish(s, s.out / 0.6, "shrimp_wastewater", "shrimp_shell_share", "shells",
          "Đầu và vỏ tôm (shrimp heads and shells)", ww(550, 320, 180, 1_500, 550, 7.0, total_N=90), 200, "3-11")


def _food(s: FirmStreams, elec: float, water_key: str, ww_share: float, quality: Mapping[str, float]) -> None:
    water = s.out * s.v(water_key)
    s.utilities(s.out * elec / 1000, f"output x {elec:g} kWh/t (eipkit assumption [L])", water,
                "output x " + s.cite(water_key), water * ww_share, quality)


def _noodles(s: FirmStreams) -> None:
    _food(s, s.v("noodle_electricity"), "noodle_water", 0.8, ww(500, 300, 150, 800, 200, 7.0, oil_grease=20))
    coal = s.out * 0.09
    sid = s.add("coal_in", "in", "energy", "coal", "Than cám cho lò dầu tải nhiệt (coal, thermal-oil heater)", coal,
                "t/a", "eipkit assumption 0.09 t coal/t noodles [L]", calorific_value=s.v("coal_ncv"), moisture=8.0,
                unit_cost=s.v("coal"), cost_unit="VND/t", destination="supplier")
    s.qual(sid, {"sulfur": 0.6, "ash_content": 25.0}, note=s.cite("coal_sulfur", "coal_ash"))
    s.add("oil_in", "in", "material", "raw_materials", "Dầu cọ chiên (palm frying oil)", s.out * 0.2, "t/a",
          "eipkit assumption 0.2 t/t [L]", unit_cost=25_000_000, cost_unit="VND/t", destination="supplier")
    s.heat("fluegas_out", "out", "waste_heat_gas", "Khí thải lò dầu tải nhiệt (heater flue gas)", 450, 220, 120, 7_000,
           "eipkit assumption [L]")
    s.waste("foodwaste_out", "food_waste", "Vụn mì, mì lỗi (broken noodles)", s.out * 0.02,
            "eipkit assumption 2 % of output [L]", "sold", price=-1_000_000, category="by_product", moisture=5.0)
    s.waste("ash_out", "bottom_ash", "Xỉ lò (boiler ash)", coal * s.v("coal_ash"), "coal x " + s.cite("coal_ash"),
            "landfill", ewc="10 01 01", moisture=10.0)
    s.add("co2_out", "out", "emission", "co2", "CO2 đốt than (combustion CO2)",
          coal * s.v("coal_ncv") * s.v("co2_ef_anthracite") / 1000, "t/a",
          "coal x " + s.cite("coal_ncv", "co2_ef_anthracite"), destination="atmosphere")
    s.packaging(cardboard=150, film=120)
    s.msw()


def _meat(s: FirmStreams) -> None:
    _food(s, 350, "meat_water", 0.9, ww(800, 450, 250, 900, 300, 7.2, oil_grease=30, total_N=90))
    s.add("lpg_in", "in", "energy", "natural_gas", "LPG cho lò hơi, lò hấp (LPG)", s.out * 0.05, "t/a",
          "eipkit assumption 0.05 t/t [L]", calorific_value=46.0, unit_cost=22_000_000, cost_unit="VND/t",
          destination="supplier")
    s.waste("trim_out", "food_waste", "Xương, mỡ vụn (bones and trimmings)", s.out * 0.1,
            "eipkit assumption 10 % of output [L]", "sold", price=-500_000, category="by_product", moisture=60.0)
    s.heat("hotwater_in", "in", "hot_water", "Nước nóng tiệt trùng, vệ sinh (hot water)", 400, 20, 65, 6_000,
           "eipkit assumption [L]; LPG boiler today")
    s.heat("condenser_out", "out", "warm_water", "Nhiệt thải dàn ngưng lạnh (refrigeration condensers)", 600, 38, 30,
           6_000, "eipkit assumption [L]")
    s.packaging(cardboard=80, film=30)
    s.msw()


def _dairy(s: FirmStreams) -> None:
    _food(s, 80, "dairy_water", 0.75, ww(500, 300, 120, 900, 150, 7.5, total_N=40, total_P=8))
    husk = s.add("husk_in", "in", "energy", "rice_husk", "Trấu viên cho lò hơi (rice-husk pellets)", s.out * 0.085,
                 "t/a", "eipkit assumption 0.085 t/t [L]", calorific_value=14.0, moisture=11.0, unit_cost=2_300_000,
                 cost_unit="VND/t", destination="supplier")
    s.qual(husk, {"ash_content": 15.0, "chlorine": 0.1}, note="Indicative (vietnam-facts: rice husk 13-16 MJ/kg)")
    s.waste("ash_out", "biomass_ash", "Tro trấu (rice-husk ash)", s.out * 0.085 * 0.15, "husk x 15 % ash [L]",
            "landfill", ewc="10 01 01")
    s.heat("cip_heat_in", "in", "hot_water", "Nước nóng CIP (CIP hot water)", 300, 20, 80, 8_000,
           "eipkit assumption [L]")
    s.waste("tetra_out", "mixed_plastics", "Bao bì giấy nhôm lỗi (carton-laminate rejects)", 60,
            "Waste register 2025 (synthetic)", "landfill", ewc="15 01 05")
    s.packaging(cardboard=120)
    s.msw()


def _bakery(s: FirmStreams) -> None:
    s.utilities(s.out * 0.25, "output x 250 kWh/t (eipkit assumption [L])", s.out * 1.0,
                "output x 1 m3/t (eipkit assumption [L])", s.out * 0.8,
                ww(700, 400, 200, 700, 150, 7.0, oil_grease=25))
    s.add("lpg_in", "in", "energy", "natural_gas", "LPG cho lò nướng (LPG for ovens)", s.out * 0.12, "t/a",
          "eipkit assumption 0.12 t/t [L]", calorific_value=46.0, unit_cost=22_000_000, cost_unit="VND/t",
          destination="supplier")
    s.add("flour_in", "in", "material", "raw_materials", "Bột mì, đường (flour, sugar)", s.out * 0.8, "t/a",
          "eipkit assumption [L]", unit_cost=13_000_000, cost_unit="VND/t", destination="supplier")
    s.heat("oven_out", "out", "waste_heat_gas", "Khí thải lò nướng (oven exhaust)", 300, 200, 120, 6_000,
           "eipkit assumption [L]")
    s.waste("foodwaste_out", "food_waste", "Bánh lỗi, vụn bánh (bakery rejects)", s.out * 0.03,
            "eipkit assumption 3 % of output [L]", "landfill", moisture=8.0)
    s.packaging(cardboard=200, film=80)
    s.msw()


def _dyeing(s: FirmStreams, own_boiler: bool = False) -> None:
    t = s.out
    water = t * s.v("dyeing_water") * (1.1 if own_boiler else 1.0)
    ww_m3 = water * 0.9
    s.utilities(t * s.v("dyeing_electricity"), "output x " + s.cite("dyeing_electricity"), water,
                "output x " + s.cite("dyeing_water"), ww_m3,
                ww(1_000, 350, 300, 4_000, 1_200, 8.5, colour=600.0, Cr=0.1))
    steam_t = t * s.v("dyeing_thermal") * 3.6 / s.v("steam_enthalpy")
    steam_note = "output x " + s.cite("dyeing_thermal", "steam_enthalpy")
    if own_boiler:
        coal = steam_t / s.v("boiler_evaporation")
        sid = s.add("coal_in", "in", "energy", "coal", "Than cho lò hơi riêng 6 t/h (coal, own boiler)", coal, "t/a",
                    steam_note + "; / " + factors()["boiler_evaporation"].cite(), calorific_value=s.v("coal_ncv"),
                    moisture=8.0, unit_cost=s.v("coal"), cost_unit="VND/t", destination="supplier")
        s.qual(sid, {"sulfur": 0.6, "ash_content": 25.0}, note=s.cite("coal_sulfur", "coal_ash"))
        s.waste("ash_out", "ash", "Tro xỉ lò hơi (boiler ash, mixed)", coal * s.v("coal_ash"),
                "coal x " + s.cite("coal_ash"), "landfill", ewc="10 01 01", moisture=12.0)
        s.heat("fluegas_out", "out", "waste_heat_gas", "Khí thải lò hơi (boiler flue gas)", 350, 180, 130, 7_200,
               "eipkit assumption [L]")
        s.add("co2_out", "out", "emission", "co2", "CO2 đốt than (combustion CO2)",
              coal * s.v("coal_ncv") * s.v("co2_ef_anthracite") / 1000, "t/a",
              "coal x " + s.cite("coal_ncv", "co2_ef_anthracite"), destination="atmosphere")
    else:
        s.add("steam_in", "in", "heat", "steam_lp", "Hơi 10 bar mua từ F44_STEAM (process steam)", steam_t, "t/a",
              steam_note, pressure=10.0, temperature=180.0, unit_cost=s.v("steam"), cost_unit="VND/t",
              destination="supplier")
    s.heat("process_heat_in", "in", "heat", "Gia nhiệt bể nhuộm (dye-bath heating)", t * s.v("dyeing_thermal") * 0.7
           / s.spec.hours * 1000, 30, 130 if own_boiler else 98, s.spec.hours, "70 % of " + s.cite("dyeing_thermal")
           + _SERVED.format("own coal boiler" if own_boiler else f"{s.spec.id}.steam_in"))
    s.add("chem_in", "in", "material", "chemicals", "Thuốc nhuộm, trợ chất, muối (dyes, auxiliaries, salt)",
          t * s.v("dyeing_chemicals"), "t/a", "output x " + s.cite("dyeing_chemicals"), unit_cost=25_000_000,
          cost_unit="VND/t", destination="supplier")
    s.heat("hot_effluent_out", "out", "hot_water", "Nước thải nóng từ máy nhuộm (hot dye-bath drains)",
           1_200 if not own_boiler else 700, 70, 35, 7_200, "eipkit assumption: ~25 % of thermal input [L]")
    sid = s.waste("sludge_out", "dyeing_sludge", "Bùn thải xử lý nước thải nhuộm (dyeing sludge)",
                  ww_m3 * s.v("dyeing_sludge") / 1000, "wastewater x " + s.cite("dyeing_sludge"), "incineration",
                  hazardous=True, vn="10 02 03", ewc="04 02 19*", moisture=80.0, calorific_value=1.5)
    s.qual(sid, {"chlorine": 0.8, "sulfur": 0.9}, note="Dry-basis indicative analysis (synthetic)")
    s.waste("fabric_out", "textile_waste", "Vải vụn, biên vải (fabric waste)", t * 0.02,
            "eipkit assumption 2 % [L]", "recycler", ewc="04 02 22", price=-500_000, category="by_product")
    s.waste("drums_out", "packaging", "Can, phuy đựng hóa chất (chemical drums)", t * 0.005,
            "eipkit assumption [L]", "recycler", hazardous=True, ewc="15 01 10*", price=0.0)
    s.msw()


def _yarn(s: FirmStreams) -> None:
    s.utilities(s.out * s.v("yarn_electricity"), "output x " + s.cite("yarn_electricity"), s.out * 0.5,
                "humidification 0.5 m3/t, evaporated (eipkit assumption [L])")
    s.add("cotton_in", "in", "material", "raw_materials", "Bông xơ (cotton and polyester fibre)", s.out * 1.09, "t/a",
          "eipkit assumption 1.09 t/t [L]", unit_cost=45_000_000, cost_unit="VND/t", destination="supplier")
    s.waste("fibre_out", "textile_waste", "Xơ phế, bông rơi (spinning waste)", s.out * 0.08,
            "eipkit assumption 8 % [L]", "sold", ewc="04 02 21", price=-5_000_000, category="by_product")
    s.heat("compressor_out", "out", "hot_water", "Nhiệt thu hồi máy nén khí (compressor heat)", 300, 75, 40, 8_000,
           "eipkit assumption [L]")
    s.packaging(cardboard=60, film=40)
    s.msw()


def _garment(s: FirmStreams) -> None:
    fabric = s.out * s.v("garment_fabric") / 1000
    s.utilities(s.out * s.v("garment_electricity") / 1000, "output x " + s.cite("garment_electricity"))
    s.add("fabric_in", "in", "material", "raw_materials", "Vải (fabric)", fabric, "t/a",
          "output x " + s.cite("garment_fabric"), unit_cost=90_000_000, cost_unit="VND/t", destination="supplier")
    s.waste("offcuts_out", "textile_waste", "Vải vụn cắt may (cutting offcuts)", fabric * s.v("garment_cutting_waste"),
            "fabric x " + s.cite("garment_cutting_waste"), "landfill", ewc="04 02 22")
    s.packaging(cardboard=s.out * 0.02 / 1000, film=s.out * 0.005 / 1000)
    s.hazardous_small(oil=0.5 + s.spec.employees / 4000)
    s.msw()


#: Electronics: (kWh/piece, process water m3/a, spent solvents t/a, board scrap t/a, cardboard t/a, PE t/a).
_ELEC: dict[str, tuple[float, float, float, float, float, float]] = {
    "F18_ELEC1": (0.15, 100_000, 60, 45, 600, 250), "F19_ELEC2": (0.6, 40_000, 40, 30, 200, 80),
    "F20_ELEC3": (1.2, 10_000, 10, 12, 300, 90), "F22_LED": (0.4, 5_000, 5, 20, 250, 60),
    "F23_ELEC4": (0.2, 60_000, 35, 25, 400, 150),
}


def _electronics(s: FirmStreams) -> None:
    kwh, water, solvent, boards, cardboard, film = _ELEC[s.spec.id]
    s.utilities(s.out * kwh / 1000, f"output x {kwh:g} kWh/piece (eipkit assumption [L])", water,
                "ultrapure-water rinse, metered (synthetic)", water * 0.8,
                ww(150, 60, 40, 600, 100, 7.2, Cu=0.5, Ni=0.1))
    sid = s.waste("solvent_out", "solvents", "Dung môi thải IPA, chất tẩy flux (spent solvents)", solvent,
                  "Hazardous-waste register 2025 (synthetic)", "incineration", hazardous=True, ewc="14 06 03*",
                  calorific_value=25.0, moisture=5.0)
    s.qual(sid, {"chlorine": 0.1, "sulfur": 0.01}, note="Indicative (vietnam-facts: solvents 20-35 MJ/kg)")
    s.waste("boards_out", "e_waste", "Bảng mạch, linh kiện lỗi (rejected boards)", boards,
            "Hazardous-waste register 2025 (synthetic)", "recycler", hazardous=True, vn="19 02 05", ewc="16 02 15*",
            price=-20_000_000)
    s.packaging(cardboard=cardboard, film=film, pallets=80 if s.spec.id == "F18_ELEC1" else 0)
    s.hazardous_small(oil=2)
    s.msw()


def _cable(s: FirmStreams) -> None:
    s.utilities(s.out * 0.3, "output x 300 kWh/t (eipkit assumption [L])", 2_500, "cooling make-up (synthetic)", 2_000,
                ww(120, 50, 40, 700, 100, 7.5, Cu=0.3))
    s.add("copper_in", "in", "material", "raw_materials", "Đồng cathode, dây đồng (copper rod)", s.out * 0.75, "t/a",
          "product mix 75 % copper (synthetic)", unit_cost=230_000_000, cost_unit="VND/t", destination="supplier")
    s.add("pvc_in", "in", "material", "polymer_resin", "Hạt nhựa PVC bọc cáp (PVC compound)", s.out * 0.26, "t/a",
          "product mix (synthetic)", unit_cost=28_000_000, cost_unit="VND/t", destination="supplier")
    s.waste("copper_out", "copper_scrap", "Đồng phế (copper scrap)", s.out * 0.75 * 0.015, "1.5 % of copper [L]",
            "sold", ewc="12 01 03", price=-180_000_000, category="by_product")
    sid = s.waste("pvc_out", "mixed_plastics", "Phế liệu vỏ bọc PVC (PVC scrap)", s.out * 0.26 * 0.03,
                  "3 % of PVC [L]", "landfill", ewc="07 02 13", calorific_value=18.0)
    s.qual(sid, {"chlorine": 30.0}, note="PVC is ~57 % chlorine; compound diluted (synthetic)")
    s.packaging(pallets=150)
    s.msw()


def _paper(s: FirmStreams) -> None:
    t = s.out
    water = t * s.v("paper_water")
    s.electricity(t * s.v("paper_electricity") / 1000, "output x " + s.cite("paper_electricity"))
    s.water(s.domestic_water(), "domestic: " + s.cite("domestic_water", "working_days"))
    s.water(water, "output x " + s.cite("paper_water") + "; reclaimed water acceptable for showers and pulping",
            {"COD": 100.0, "TSS": 50.0, "chloride": 600.0}, key="process_in",
            desc="Nước công nghệ máy xeo, nghiền bột (process water)")
    s.wastewater(water * 0.8 + s.domestic_water() * 0.8, "80 % of process and domestic intake [L]",
                 ww(800, 350, 200, 2_000, 250, 7.5, colour=300.0))
    steam = t * s.v("paper_steam")
    s.add("steam_in", "in", "heat", "steam_lp", "Hơi 10 bar mua từ F44_STEAM (drying steam)", steam, "t/a",
          "output x " + s.cite("paper_steam"), pressure=10.0, temperature=180.0, unit_cost=s.v("steam"),
          cost_unit="VND/t", destination="supplier")
    s.add("occ_in", "in", "material", "cardboard", "Giấy phế liệu OCC (recovered paper)", t * s.v("paper_occ"), "t/a",
          "output x " + s.cite("paper_occ", "recovered_paper"), unit_cost=s.v("recovered_paper"), cost_unit="VND/t",
          destination="supplier")
    s.heat("process_heat_in", "in", "heat", "Sấy giấy trên lô sấy (paper drying)", steam * s.v("steam_enthalpy") * 0.8
           / s.spec.hours / 0.0036, 60, 120, s.spec.hours, "80 % of the steam purchase; " + s.cite("paper_steam")
           + _SERVED.format("F32_PAPER.steam_in"))
    sid = s.waste("rejects_out", "mixed_plastics", "Rác tạp từ nghiền bột: nhựa, ghim (pulper rejects)",
                  t * s.v("paper_occ") * s.v("paper_rejects"), "OCC x " + s.cite("paper_rejects"), "landfill",
                  ewc="03 03 07", calorific_value=14.0, moisture=45.0)
    s.qual(sid, {"chlorine": 0.9, "sulfur": 0.2}, note="Indicative (vietnam-facts: RDF 12-25 MJ/kg)")
    s.waste("sludge_out", "paper_sludge", "Bùn giấy (paper-mill sludge)", t * 0.03, "3 % of output [L]", "landfill",
            ewc="03 03 11", moisture=60.0, calorific_value=3.0)
    sid = s.add("condensate_out", "out", "water", "condensate", "Nước ngưng không thu hồi (unreturned condensate)",
                steam * 0.3, "m3/a", "30 % of steam not returned (eipkit assumption [L])", temperature=95.0,
                destination="discharge")
    s.qual(sid, {"TDS": 8.0, "pH": 8.8}, note="Online conductivity (synthetic)")
    s.heat("hood_out", "out", "waste_heat_gas", "Khí ẩm chụp máy xeo (paper-machine hood exhaust)", 2_500, 80, 45,
           8_000, "eipkit assumption [L]")
    s.msw()


def _boxes(s: FirmStreams) -> None:
    s.utilities(s.out * 0.06, "output x 60 kWh/t (eipkit assumption [L])", s.out * 0.3, "glue kitchen, washing [L]",
                8_000, ww(600, 300, 300, 800, 100, 7.5))
    s.add("paper_in", "in", "material", "paper", "Giấy cuộn làm sóng, mặt (containerboard)", s.out * 1.08, "t/a",
          "1.08 t/t (eipkit assumption [L])", unit_cost=10_000_000, cost_unit="VND/t", destination="supplier")
    s.add("chips_in", "in", "energy", "sawdust", "Dăm gỗ cho lò hơi sóng (wood chips, corrugator boiler)",
          s.out * 0.1, "t/a", "0.1 t/t (eipkit assumption [L])", calorific_value=12.0, moisture=35.0,
          unit_cost=1_100_000, cost_unit="VND/t", destination="supplier")
    s.waste("trim_out", "cardboard", "Biên carton, carton lỗi (corrugated trim)", s.out * 0.08,
            "8 % of output (eipkit assumption [L])", "sold", ewc="15 01 01", price=-3_500_000, category="by_product")
    s.waste("ash_out", "biomass_ash", "Tro lò hơi biomass (biomass ash)", s.out * 0.005, "5 % of chips [L]",
            "landfill", ewc="10 01 01")
    s.packaging(pallets=60)
    s.msw()


def _printing(s: FirmStreams) -> None:
    s.utilities(s.out * 0.3, "output x 300 kWh/t (eipkit assumption [L])")
    s.add("substrate_in", "in", "material", "paper", "Giấy, màng in (paper and film substrates)", s.out * 1.05, "t/a",
          "material balance (synthetic)", unit_cost=25_000_000, cost_unit="VND/t", destination="supplier")
    s.add("ink_in", "in", "material", "chemicals", "Mực in, dung môi (inks and solvents)", 300, "t/a",
          "purchases 2025 (synthetic)", unit_cost=70_000_000, cost_unit="VND/t", destination="supplier")
    sid = s.waste("solvent_out", "solvents", "Dung môi rửa máy in thải (spent toluene/ethyl acetate)", 60,
                  "Hazardous-waste register 2025 (synthetic)", "incineration", hazardous=True, ewc="14 06 03*",
                  calorific_value=28.0, moisture=3.0)
    s.qual(sid, {"chlorine": 0.05, "sulfur": 0.02}, note="Indicative (synthetic)")
    s.waste("ink_out", "hazardous_waste", "Mực in thải (waste ink sludge)", 15, "register (synthetic)", "incineration",
            hazardous=True, ewc="08 03 12*", calorific_value=20.0)
    s.waste("trim_out", "paper", "Giấy biên, giấy lỗi (paper trim)", 250, "register (synthetic)", "sold",
            ewc="15 01 01", price=-2_500_000, category="by_product")
    s.msw()


def _plastics(s: FirmStreams, kwh: float, scrap: float, rc: str, dest: str) -> None:
    s.utilities(s.out * kwh, f"output x {kwh:g} kWh/kg (eipkit assumption [L])")
    s.add("resin_in", "in", "material", "polymer_resin", "Hạt nhựa nguyên sinh (virgin resin)", s.out * (1 + scrap),
          "t/a", "material balance (synthetic)", unit_cost=32_000_000, cost_unit="VND/t", destination="supplier")
    s.waste("scrap_out", rc, "Phế phẩm, ba via nhựa (production scrap)", s.out * scrap,
            f"{scrap:.0%} of output (eipkit assumption [L])", dest, ewc="07 02 13",
            price=0.0 if dest == "onsite_reuse" else -8_000_000, category="by_product")


def _film(s: FirmStreams) -> None:
    _plastics(s, 0.9, 0.03, "pe", "onsite_reuse")
    s.add("rpe_in", "in", "material", "pe", "Nhựa PE tái sinh sạch (clean recycled PE, wanted)", 1_500, "t/a",
          "Purchasing plan 2026 (synthetic); today imported regrind", unit_cost=22_000_000, cost_unit="VND/t",
          destination="supplier")
    s.waste("ink_out", "hazardous_waste", "Mực in flexo thải (waste ink)", 5, "register (synthetic)", "incineration",
            hazardous=True, ewc="08 03 12*")
    s.msw()


def _injection(s: FirmStreams) -> None:
    _plastics(s, 1.5, 0.04, "pp", "sold")
    s.packaging(cardboard=80)
    s.hazardous_small(oil=4, rags=1)
    s.msw()


def _rubber(s: FirmStreams) -> None:
    s.utilities(s.out * 0.6, "output x 600 kWh/t (eipkit assumption [L])")
    s.add("compound_in", "in", "material", "raw_materials", "Cao su, than đen, hóa chất (rubber compound)",
          s.out * 1.07, "t/a", "material balance (synthetic)", unit_cost=45_000_000, cost_unit="VND/t",
          destination="supplier")
    coal = 800.0
    s.add("coal_in", "in", "energy", "coal", "Than cho lò hơi lưu hóa (coal, vulcanising boiler)", coal, "t/a",
          "fuel records (synthetic)", calorific_value=s.v("coal_ncv"), moisture=8.0, unit_cost=s.v("coal"),
          cost_unit="VND/t", destination="supplier")
    s.waste("ash_out", "ash", "Tro xỉ lò hơi (boiler ash)", coal * s.v("coal_ash"), "coal x " + s.cite("coal_ash"),
            "landfill", ewc="10 01 01")
    sid = s.waste("rubber_out", "rubber_waste", "Cao su phế, ba via (rubber scrap)", s.out * 0.05,
                  "5 % of output (eipkit assumption [L])", "landfill", ewc="07 02 99", calorific_value=30.0,
                  moisture=1.0)
    s.qual(sid, {"sulfur": 1.5, "chlorine": 0.1}, note="Indicative (vietnam-facts: tyres 26-32 MJ/kg)")
    s.add("co2_out", "out", "emission", "co2", "CO2 đốt than (combustion CO2)",
          coal * s.v("coal_ncv") * s.v("co2_ef_anthracite") / 1000, "t/a",
          "coal x " + s.cite("coal_ncv", "co2_ef_anthracite"), destination="atmosphere")
    s.msw()


def _paint(s: FirmStreams) -> None:
    s.utilities(s.out * 0.08, "output x 80 kWh/t (eipkit assumption [L])", 6_000, "tank washing (synthetic)", 4_800,
                ww(700, 250, 300, 1_500, 200, 7.5))
    s.add("raw_in", "in", "material", "chemicals", "Nhựa, bột màu, dung môi (resins, pigments, solvents)",
          s.out * 1.025, "t/a", "material balance (synthetic)", unit_cost=40_000_000, cost_unit="VND/t",
          destination="supplier")
    sid = s.waste("solvent_out", "solvents", "Dung môi rửa bồn thải (spent wash solvent)", s.out * 0.01,
                  "1 % of output (eipkit assumption [L])", "incineration", hazardous=True, ewc="14 06 03*",
                  calorific_value=26.0, moisture=5.0)
    s.qual(sid, {"chlorine": 0.2, "sulfur": 0.05}, note="Indicative (synthetic)")
    s.waste("sludge_out", "hazardous_waste", "Cặn sơn (paint sludge)", 40, "register (synthetic)", "incineration",
            hazardous=True, ewc="08 01 11*", calorific_value=18.0)
    s.waste("drums_out", "packaging", "Thùng phuy, IBC rỗng (empty drums and IBCs)", 90, "register (synthetic)",
            "recycler", hazardous=True, ewc="15 01 10*", price=0.0)
    s.msw()


def _gases(s: FirmStreams) -> None:
    s.utilities(s.out * 0.7, "output x 700 kWh/t (air separation and liquefaction, eipkit assumption [L])",
                process_ww=8_000, quality=ww(40, 10, 30, 2_500, 400, 8.0))
    s.water(40_000, "cooling-tower make-up (synthetic)", {"TDS": 1_500.0, "chloride": 400.0, "TSS": 30.0},
            key="cooling_in", desc="Nước bổ sung tháp giải nhiệt (cooling-tower make-up)")
    sid = s.add("co2_in", "in", "material", "co2_concentrated",
                "CO2 thô để hóa lỏng, làm đá khô (raw CO2 for liquefaction)", 3_000, "t/a",
                "Purchasing records (synthetic); today liquid CO2 trucked from Ninh Binh", unit_cost=2_500_000,
                cost_unit="VND/t", destination="supplier")
    s.qual(sid, {"purity": 98.0}, bound="min", note="Feed specification of the liquefaction unit (synthetic)")
    s.heat("compressor_out", "out", "hot_water", "Nhiệt thải máy nén (compressor heat)", 1_200, 80, 40, 8_000,
           "eipkit assumption [L]")
    s.hazardous_small(oil=3)
    s.msw()


def _detergent(s: FirmStreams) -> None:
    s.utilities(s.out * 0.09, "output x 90 kWh/t (eipkit assumption [L])", 6_000, "washing (synthetic)", 6_000,
                ww(500, 200, 150, 2_500, 300, 8.0))
    s.add("raw_in", "in", "material", "chemicals", "LAS, soda, sulfat (detergent raw materials)", s.out * 1.02, "t/a",
          "material balance (synthetic)", unit_cost=18_000_000, cost_unit="VND/t", destination="supplier")
    s.add("fo_in", "in", "energy", "fuel_oil", "Dầu FO cho lò sấy phun (fuel oil, spray dryer)", s.out * 0.06, "t/a",
          "eipkit assumption 0.06 t/t [L]", calorific_value=40.0, unit_cost=17_000_000, cost_unit="VND/t",
          destination="supplier")
    s.heat("dryer_out", "out", "waste_heat_gas", "Khí thải tháp sấy phun (spray-dryer exhaust)", 800, 110, 60, 6_000,
           "eipkit assumption [L]")
    s.add("co2_out", "out", "emission", "co2", "CO2 đốt dầu FO (combustion CO2)",
          s.out * 0.06 * 40 * s.v("co2_ef_fuel_oil") / 1000, "t/a", "fuel x " + s.cite("co2_ef_fuel_oil"),
          destination="atmosphere")
    s.packaging(film=60)
    s.msw()


def _pharma(s: FirmStreams) -> None:
    s.utilities(s.out * 4.0, "output x 4,000 kWh/t (HVAC-dominated, eipkit assumption [L])", 60_000,
                "purified water plant feed (synthetic)", 48_000, ww(400, 200, 80, 800, 120, 7.2))
    s.add("solvent_in", "in", "material", "chemicals", "Ethanol, IPA (process solvents)", 200, "t/a",
          "purchases (synthetic)", unit_cost=30_000_000, cost_unit="VND/t", destination="supplier")
    s.add("lpg_in", "in", "energy", "natural_gas", "LPG cho lò hơi (LPG, boiler)", 300, "t/a",
          "fuel records (synthetic)", calorific_value=46.0, unit_cost=22_000_000, cost_unit="VND/t",
          destination="supplier")
    sid = s.waste("solvent_out", "solvents", "Dung môi thải giàu ethanol (spent solvents)", 150,
                  "Hazardous-waste register 2025 (synthetic)", "incineration", hazardous=True, ewc="07 05 04*",
                  calorific_value=22.0, moisture=20.0)
    s.qual(sid, {"chlorine": 0.05}, note="Indicative (synthetic)")
    s.waste("expired_out", "hazardous_waste", "Thuốc hỏng, hết hạn (rejected products)", 8, "register (synthetic)",
            "incineration", hazardous=True, ewc="07 05 13*")
    s.waste("glass_out", "glass", "Lọ thủy tinh vỡ (broken vials)", 20, "register (synthetic)", "landfill",
            ewc="15 01 07")
    s.msw()


def _furniture(s: FirmStreams) -> None:
    s.utilities(s.out * 0.35, "output x 350 kWh/t (eipkit assumption [L])")
    s.add("timber_in", "in", "material", "raw_materials", "Gỗ cao su, gỗ keo xẻ (sawn timber)", s.out * 1.55, "t/a",
          "material balance (synthetic)", unit_cost=9_000_000, cost_unit="VND/t", destination="supplier")
    sid = s.waste("sawdust_out", "sawdust", "Mùn cưa, phoi bào (sawdust and shavings)", s.out * 0.39,
                  "25 % of timber (eipkit assumption [L])", "sold", ewc="03 01 05", price=-300_000,
                  category="by_product", calorific_value=16.0, moisture=12.0)
    s.qual(sid, {"ash_content": 1.0, "chlorine": 0.02}, note="Indicative (synthetic)")
    s.waste("offcuts_out", "wood_waste", "Gỗ vụn đầu mẩu (wood offcuts)", s.out * 0.16, "10 % of timber [L]", "sold",
            ewc="03 01 05", price=-500_000, category="by_product", calorific_value=15.0, moisture=12.0)
    s.heat("kiln_heat_in", "in", "hot_water", "Nhiệt cho lò sấy gỗ (lumber drying kilns)", 700, 25, 75, 7_000,
           "eipkit assumption [L]; own sawdust furnace today")
    s.waste("lacquer_out", "hazardous_waste", "Cặn sơn PU, dung môi pha sơn (lacquer sludge, thinner)", 55,
            "register (synthetic)", "incineration", hazardous=True, ewc="08 01 11*", calorific_value=22.0)
    s.msw()


def _pallets(s: FirmStreams) -> None:
    s.utilities(300, "metered (synthetic)")
    s.add("timber_in", "in", "material", "raw_materials", "Gỗ keo xẻ (sawn acacia)", s.out * 0.02, "t/a",
          "20 kg/pallet (synthetic)", unit_cost=5_500_000, cost_unit="VND/t", destination="supplier")
    s.add("used_pallets_in", "in", "material", "wood_pallets", "Pallet cũ để sửa chữa (used pallets for repair)",
          1_200, "t/a", "Demand of the repair line (synthetic); bought from traders today", unit_cost=400_000,
          cost_unit="VND/t", destination="supplier")
    s.waste("offcuts_out", "wood_waste", "Gỗ vụn (wood offcuts)", 600, "register (synthetic)", "sold", ewc="03 01 05",
            price=-300_000, category="by_product", calorific_value=15.0, moisture=15.0)
    s.waste("nails_out", "steel_scrap", "Đinh, đai thép thải (nails and straps)", 20, "register (synthetic)", "sold",
            ewc="12 01 01", price=-6_000_000, category="by_product")
    s.heat("ht_heat_in", "in", "hot_water", "Nhiệt xử lý pallet ISPM-15 (heat-treatment kiln)", 300, 25, 70, 3_000,
           "eipkit assumption [L]; LPG today")
    s.msw()


def _warehouse(s: FirmStreams) -> None:
    s.utilities(9_000, "metered, cold store (synthetic)")
    s.packaging(cardboard=350, film=180, pallets=400)
    s.add("cold_capacity_out", "out", "capacity", "cold_storage", "Kho lạnh còn trống (spare cold-storage space)",
          1_500, "t/month", "Occupancy report (synthetic)", unit_cost=-450_000, cost_unit="VND/t")
    s.heat("condenser_out", "out", "warm_water", "Nhiệt thải dàn ngưng kho lạnh (cold-store condensers)", 900, 35, 28,
           8_760, "eipkit assumption [L]")
    s.msw()


def _trucking(s: FirmStreams) -> None:
    s.utilities(400, "metered (synthetic)", 6_000, "truck washing (synthetic)", 5_000,
                ww(150, 40, 120, 700, 100, 7.5, oil_grease=15))
    s.add("diesel_in", "in", "energy", "fuel_oil", "Dầu diesel (diesel)", 2_940, "t/a",
          "fuel cards, 3,500 m3/a at 0.84 t/m3 (synthetic); NCV 43.0 MJ/kg: IPCC 2006 Vol. 2 Table 1.2, gas/diesel oil",
          unit_cost=23_800_000, cost_unit="VND/t", destination="supplier", calorific_value=43.0)
    s.hazardous_small(oil=25)
    sid = s.waste("tyres_out", "rubber_waste", "Lốp xe thải (end-of-life tyres)", 60, "register (synthetic)", "sold",
                  ewc="16 01 03", price=-500_000, calorific_value=28.0, moisture=1.0)
    s.qual(sid, {"sulfur": 1.5, "chlorine": 0.1}, note="Indicative (vietnam-facts: tyres 26-32 MJ/kg)")
    s.add("backhaul_out", "out", "service", "transport_service", "Năng lực vận tải chiều về (empty backhaul capacity)",
          5_000, "t/month", "Dispatch records (synthetic)", unit_cost=-150_000, cost_unit="VND/t")
    s.msw()


def _toys(s: FirmStreams) -> None:
    s.utilities(s.out * 0.5 / 1000, "output x 0.5 kWh/piece (eipkit assumption [L])")
    s.add("resin_in", "in", "material", "polymer_resin", "Hạt nhựa ABS, PP (resin)", 2_500, "t/a",
          "purchases (synthetic)", unit_cost=35_000_000, cost_unit="VND/t", destination="supplier")
    s.waste("plastic_out", "mixed_plastics", "Nhựa phế (plastic scrap)", 100, "register (synthetic)", "sold",
            ewc="07 02 13", price=-3_000_000, category="by_product")
    s.waste("fabric_out", "textile_waste", "Vải, bông vụn (fabric and filling scraps)", 50, "register (synthetic)",
            "landfill", ewc="04 02 22")
    s.waste("paint_out", "hazardous_waste", "Sơn thải (paint waste)", 5, "register (synthetic)", "incineration",
            hazardous=True, ewc="08 01 11*")
    s.packaging(cardboard=300, film=40)
    s.msw()

#: Builders of the light-industry archetypes.
LIGHT: dict[str, Callable[[FirmStreams], None]] = {
    "brewery": _brewery, "softdrink": _softdrink, "seafood": _seafood, "shrimp": _shrimp, "noodles": _noodles,
    "meat": _meat, "dairy": _dairy, "bakery": _bakery, "dyeing": _dyeing,
    "dyeing_own_boiler": lambda s: _dyeing(s, own_boiler=True), "yarn": _yarn, "garment": _garment,
    "electronics": _electronics, "cable": _cable, "paper": _paper, "boxes": _boxes, "printing": _printing,
    "film": _film, "injection": _injection, "rubber": _rubber, "paint": _paint, "gases": _gases,
    "detergent": _detergent, "pharma": _pharma, "furniture": _furniture, "pallets": _pallets,
    "warehouse": _warehouse, "trucking": _trucking, "toys": _toys,
}

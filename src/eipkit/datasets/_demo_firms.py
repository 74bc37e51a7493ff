"""Firm register of the synthetic demo park (Sông Cầu, Bắc Ninh): who is in the park and where.

Every company name is invented. Codes follow VSIC 2018 (Decision 27/2018/QĐ-TTg) and ISIC Rev.4;
the VSIC 2025 column is left empty because no VSIC 2018 -> 2025 crosswalk has been published.
Quantities of the firms' streams are derived from ``output`` in :mod:`eipkit.datasets._demo_streams`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["EXTERNALS", "OPERATOR", "PARK_CENTRE", "TENANTS", "FirmSpec", "firm_rows", "tenant"]

Row = dict[str, Any]

#: Centre of the synthetic park (WGS 84), between Bắc Ninh city and Quế Võ.
PARK_CENTRE: tuple[float, float] = (21.1450, 106.1808)


@dataclass(frozen=True)
class FirmSpec:
    """Compact description of one firm; stream quantities are derived from ``output``."""

    id: str
    name: str
    sector: str
    vsic: str
    isic: str
    product: str
    output: float
    output_unit: str
    start_year: int
    employees: int
    female_pct: int
    local_pct: int
    land: float  # m2
    revenue_bn: float  # billion VND per year
    hours: float
    iso: str  # E = ISO 14001, N = ISO 50001, S = ISO 45001
    recp: str
    plan: bool
    violations: int
    archetype: str
    cell: tuple[int, int]  # (row, column) on the park grid


def _t(ident: str, name: str, sector: str, codes: str, product: str, output: float, unit: str,
       people: tuple[int, int, int, int], land: float, revenue_bn: float, hours: float, iso: str,
       recp: str, plan: bool, violations: int, archetype: str, cell: tuple[int, int]) -> FirmSpec:
    """Build a tenant; ``codes`` is 'VSIC/ISIC', ``people`` is (start year, employees, % female, % local)."""
    vsic, isic = codes.split("/")
    start, employees, female, local = people
    return FirmSpec(ident, name, sector, vsic, isic, product, output, unit, start, employees, female, local,
                    land, revenue_bn, hours, iso, recp, plan, violations, archetype, cell)


# fmt: off
#: The 48 tenants. people = (start year, employees, % female, % local).
TENANTS: tuple[FirmSpec, ...] = (
    _t("F01_BREW", "Công ty TNHH Bia Hà Bắc", "beverage", "11031/1103", "Bia chai, bia lon (beer)",
       1_000_000, "hL/a", (2010, 420, 25, 80), 95_000, 2_600, 8_000, "ENS", "verified", True, 0, "brewery", (2, 1)),
    _t("F02_SOFT", "Công ty CP Nước giải khát Thiên Hương", "beverage", "1104/1104",
       "Nước ngọt có ga (carbonated soft drinks)", 500_000, "hL/a", (2014, 260, 40, 85), 40_000, 900, 6_000, "",
       "applying", True, 0, "softdrink", (2, 0)),
    _t("F03_SEAF", "Công ty CP Thủy sản Bắc Hải", "seafood", "10201/1020", "Cá phi lê đông lạnh (frozen fillets)",
       8_000, "t/a", (2012, 650, 70, 85), 30_000, 1_100, 6_000, "", "aware", True, 1, "seafood", (3, 0)),
    _t("F04_SHRIMP", "Công ty TNHH Chế biến Tôm Hải Long", "seafood", "10201/1020", "Tôm đông lạnh (frozen shrimp)",
       4_000, "t/a", (2016, 480, 72, 88), 22_000, 1_300, 6_000, "", "aware", False, 0, "shrimp", (3, 1)),
    _t("F05_NOOD", "Công ty CP Thực phẩm Á Châu Xanh", "food", "1074/1074", "Mì ăn liền (instant noodles)",
       45_000, "t/a", (2011, 900, 60, 90), 60_000, 1_500, 7_000, "ES", "planned", False, 0, "noodles", (4, 0)),
    _t("F06_MEAT", "Công ty TNHH Chế biến Thịt An Phát", "food", "1010/1010", "Xúc xích, thịt nguội (processed meat)",
       12_000, "t/a", (2015, 350, 55, 90), 25_000, 1_000, 6_000, "", "aware", False, 0, "meat", (4, 1)),
    _t("F07_DAIRY", "Công ty CP Sữa Đồng Xanh", "food", "1050/1050", "Sữa tiệt trùng, sữa chua (UHT milk, yoghurt)",
       60_000, "t/a", (2013, 300, 45, 85), 45_000, 1_800, 8_000, "EN", "applying", True, 0, "dairy", (4, 2)),
    _t("F08_BAKE", "Công ty TNHH Bánh kẹo Hồng Phúc", "food", "1071/1071", "Bánh quy, bánh mềm (biscuits, cakes)",
       15_000, "t/a", (2009, 700, 65, 92), 30_000, 800, 6_000, "", "aware", False, 0, "bakery", (4, 3)),
    _t("F09_DYE", "Công ty TNHH Dệt nhuộm Tân Thành", "textile_dyeing", "1313/1313", "Vải dệt kim nhuộm (knit fabric)",
       6_000, "t/a", (2012, 550, 40, 75), 50_000, 1_400, 7_200, "E", "applying", True, 1, "dyeing", (3, 2)),
    _t("F10_DYE2", "Công ty CP Dệt may Hưng Long", "textile_dyeing", "1313/1313", "Vải dệt thoi hoàn tất (woven)",
       3_500, "t/a", (2017, 420, 45, 80), 38_000, 900, 7_200, "", "aware", False, 0, "dyeing_own_boiler", (3, 3)),
    _t("F11_YARN", "Công ty TNHH Sợi Phương Đông", "textile_dyeing", "1311/1311", "Sợi cotton, sợi pha (yarn)",
       9_000, "t/a", (2014, 380, 50, 80), 42_000, 700, 8_000, "", "aware", False, 0, "yarn", (3, 4)),
    _t("F12_GAR1", "Công ty TNHH May Minh Anh Phát", "garment", "1410/1410", "Áo sơ mi, quần âu (shirts, trousers)",
       4_500_000, "piece/a", (2012, 2_200, 80, 65), 36_000, 1_100, 2_700, "", "aware", False, 0, "garment", (4, 4)),
    _t("F13_GAR2", "Công ty CP May Xuất khẩu Quế Lâm", "garment", "1410/1410", "Áo jacket (jackets)",
       3_000_000, "piece/a", (2015, 1_600, 78, 70), 28_000, 700, 2_700, "", "none", False, 0, "garment", (4, 5)),
    _t("F14_GAR3", "Công ty TNHH Thời trang Sao Việt Hàn", "garment", "1410/1410", "Quần áo thể thao (sportswear)",
       6_000_000, "piece/a", (2018, 2_800, 82, 60), 48_000, 1_900, 2_700, "ES", "planned", False, 0, "garment", (4, 6)),
    _t("F15_GAR4", "Công ty TNHH May Đức Hạnh", "garment", "1410/1410", "Áo phông (T-shirts)",
       1_800_000, "piece/a", (2016, 900, 80, 72), 16_000, 380, 2_700, "", "none", False, 0, "garment", (4, 7)),
    _t("F16_GAR5", "Công ty TNHH Dệt may Kim Long Hà", "garment", "1410/1410", "Váy, đầm (dresses)",
       2_500_000, "piece/a", (2019, 1_200, 79, 68), 22_000, 560, 2_700, "", "aware", False, 0, "garment", (5, 0)),
    _t("F17_GAR6", "Công ty TNHH Đồ bảo hộ lao động Bình An", "garment", "1410/1410", "Quần áo bảo hộ (workwear)",
       1_200_000, "piece/a", (2020, 600, 75, 75), 12_000, 260, 2_700, "", "none", False, 0, "garment", (5, 1)),
    _t("F18_ELEC1", "Công ty TNHH Điện tử Sunwoo Vina", "electronics", "26100/2610",
       "Linh kiện điện thoại (phone components)", 180_000_000, "piece/a", (2013, 3_500, 72, 55), 85_000, 12_000,
       8_400, "ENS", "planned", True, 0, "electronics", (5, 2)),
    _t("F19_ELEC2", "Công ty TNHH Bảng mạch Hanotek", "electronics", "26100/2610", "Lắp ráp bảng mạch (PCB assembly)",
       25_000_000, "piece/a", (2016, 1_400, 65, 60), 30_000, 3_800, 8_000, "E", "aware", False, 0, "electronics",
       (5, 3)),
    _t("F20_ELEC3", "Công ty TNHH Thiết bị Truyền thông Lạc Việt", "electronics", "26300/2630",
       "Thiết bị mạng (routers)", 6_000_000, "piece/a", (2018, 1_100, 60, 62), 26_000, 2_600, 6_000, "", "aware",
       False, 0, "electronics", (5, 4)),
    _t("F21_CABLE", "Công ty CP Dây cáp điện Tân Phát", "electronics", "2732/2732", "Dây cáp điện (power cables)",
       12_000, "t/a", (2011, 250, 20, 85), 30_000, 1_800, 6_000, "", "aware", False, 0, "cable", (5, 5)),
    _t("F22_LED", "Công ty TNHH Đèn LED Quang Minh", "electronics", "2740/2740", "Đèn LED (LED lamps)",
       15_000_000, "piece/a", (2019, 600, 55, 75), 20_000, 900, 6_000, "", "none", False, 0, "electronics", (5, 6)),
    _t("F23_ELEC4", "Công ty TNHH Linh kiện Điện tử Daeyang Vina", "electronics", "26100/2610",
       "Mô-đun camera (camera modules)", 90_000_000, "piece/a", (2017, 2_400, 70, 58), 52_000, 7_500, 8_400, "ES",
       "aware", False, 0, "electronics", (5, 7)),
    _t("F24_STEEL", "Công ty CP Thép Hòa Bắc", "steel_metal", "2410/2410",
       "Phôi thép, thép thanh vằn (billets, rebar; EAF mini-mill)", 250_000, "t/a", (2011, 750, 8, 80), 180_000,
       3_500, 7_500, "ENS", "verified", True, 1, "steel", (0, 3)),
    _t("F25_GALV", "Công ty TNHH Mạ kẽm Nhúng nóng Việt Thái", "metal_products", "25920/2592",
       "Mạ kẽm nhúng nóng (hot-dip galvanising)", 30_000, "t/a", (2015, 120, 10, 85), 15_000, 450, 7_000, "", "aware",
       False, 0, "galvanising", (0, 4)),
    _t("F26_STRUC", "Công ty CP Kết cấu Thép Đông Á Bắc", "metal_products", "2511/2511",
       "Kết cấu thép nhà xưởng (steel structures)", 25_000, "t/a", (2013, 320, 12, 82), 40_000, 800, 5_000, "ES",
       "planned", True, 0, "structural", (0, 5)),
    _t("F27_MECH", "Công ty TNHH Cơ khí Chính xác Tân Việt", "metal_products", "25920/2592",
       "Chi tiết gia công chính xác (machined parts)", 1_800, "t/a", (2018, 280, 18, 78), 14_000, 350, 5_000, "",
       "none", False, 0, "machining", (0, 6)),
    _t("F28_MOTO", "Công ty TNHH Phụ tùng Xe máy Việt Kỳ", "automotive", "3091/3091",
       "Phụ tùng nhôm đúc (die-cast motorcycle parts)", 6_000, "t/a", (2016, 800, 25, 80), 32_000, 1_100, 6_000, "",
       "aware", False, 0, "diecasting", (0, 7)),
    _t("F29_CEM", "Công ty CP Xi măng Trạm nghiền Phú Lộc", "building_materials", "23941/2394",
       "Xi măng PCB40 (cement grinding station)", 500_000, "t/a", (2012, 160, 12, 90), 55_000, 550, 7_000, "E",
       "planned", True, 0, "cement_grinding", (0, 0)),
    _t("F30_BRICK", "Công ty TNHH Gạch không nung Xanh Phát", "building_materials", "2395/2395",
       "Gạch bê tông không nung (unfired bricks)", 60_000_000, "piece/a", (2019, 85, 20, 95), 30_000, 72, 3_000, "",
       "aware", True, 0, "bricks", (0, 1)),
    _t("F31_CONC", "Công ty CP Bê tông Thương phẩm Hà Bắc", "building_materials", "2395/2395",
       "Bê tông trộn sẵn (ready-mix concrete)", 180_000, "m3/a", (2017, 140, 10, 92), 25_000, 200, 3_000, "", "none",
       False, 0, "concrete", (0, 2)),
    _t("F32_PAPER", "Công ty CP Giấy Kraft Đông Sơn", "paper", "1701/1701",
       "Giấy kraft, giấy sóng từ giấy tái chế (recycled containerboard)", 60_000, "t/a", (2014, 260, 20, 88), 70_000,
       540, 8_000, "E", "applying", True, 0, "paper", (2, 3)),
    _t("F33_BOX", "Công ty TNHH Bao bì Carton Việt Hưng", "paper", "1702/1702", "Thùng carton sóng (corrugated boxes)",
       30_000, "t/a", (2015, 300, 35, 90), 28_000, 600, 5_000, "", "aware", False, 0, "boxes", (2, 4)),
    _t("F34_PRINT", "Công ty CP In và Bao bì Nhãn Việt", "paper", "1811/1811", "In nhãn, bao bì (labels, packaging)",
       4_000, "t/a", (2016, 220, 45, 85), 12_000, 350, 5_000, "", "none", False, 0, "printing", (2, 5)),
    _t("F35_FILM", "Công ty TNHH Màng nhựa PE An Thịnh", "plastics_rubber", "22201/2220", "Màng PE, túi nhựa (PE film)",
       9_000, "t/a", (2014, 180, 30, 88), 18_000, 350, 7_000, "", "aware", False, 0, "film", (1, 0)),
    _t("F36_INJ", "Công ty TNHH Nhựa Kỹ thuật Kyowa Việt Nam", "plastics_rubber", "22209/2220",
       "Linh kiện nhựa ép phun (injection mouldings)", 5_000, "t/a", (2017, 450, 50, 80), 20_000, 600, 7_000, "",
       "aware", False, 0, "injection", (1, 1)),
    _t("F37_RUBB", "Công ty CP Cao su Kỹ thuật Hòa Phong", "plastics_rubber", "2219/2219",
       "Băng tải, gioăng cao su (rubber goods)", 4_000, "t/a", (2018, 200, 25, 90), 16_000, 300, 6_000, "", "none",
       False, 0, "rubber", (1, 2)),
    _t("F38_PAINT", "Công ty TNHH Sơn Công nghiệp Mỹ Lan", "chemicals", "20221/2022", "Sơn công nghiệp (paint)",
       12_000, "t/a", (2012, 150, 25, 85), 20_000, 700, 5_000, "", "aware", False, 0, "paint", (1, 3)),
    _t("F39_GAS", "Công ty CP Khí Công nghiệp Bắc Việt", "chemicals", "2011/2011",
       "Oxy, nitơ, CO2 lỏng, đá khô (industrial gases, dry ice)", 25_000, "t/a", (2016, 90, 15, 80), 15_000, 350,
       8_400, "ES", "aware", True, 0, "gases", (1, 4)),
    _t("F40_DETER", "Công ty TNHH Hóa mỹ phẩm Sạch Xanh", "chemicals", "20232/2023", "Bột giặt, nước rửa (detergents)",
       20_000, "t/a", (2013, 260, 45, 90), 22_000, 500, 6_000, "", "aware", False, 0, "detergent", (1, 5)),
    _t("F41_PHARM", "Công ty CP Dược phẩm Trường Sinh", "pharmaceuticals", "2100/2100",
       "Thuốc viên, thuốc tiêm (generic drugs)", 1_200, "t/a", (2015, 380, 55, 82), 25_000, 900, 5_000, "", "aware",
       False, 0, "pharma", (1, 6)),
    _t("F42_FURN", "Công ty TNHH Đồ gỗ Nội thất Lâm Phát", "wood", "31001/3100", "Bàn ghế, tủ gỗ (wooden furniture)",
       9_000, "t/a", (2012, 650, 35, 85), 45_000, 700, 5_000, "", "aware", False, 0, "furniture", (2, 6)),
    _t("F43_PALLET", "Công ty TNHH Pallet Gỗ Thành Đạt", "wood", "1623/1623", "Pallet gỗ, sửa pallet (pallets)",
       300_000, "piece/a", (2020, 60, 15, 95), 8_000, 90, 3_000, "", "none", True, 0, "pallets", (2, 7)),
    _t("F44_STEAM", "Công ty CP Năng lượng Hơi Bắc Thành", "power_steam", "3530/3530",
       "Hơi nước công nghiệp 10 bar (process steam, coal-fired CFB boilers)", 200_000, "t/a", (2011, 110, 10, 85),
       60_000, 130, 8_400, "ES", "applying", True, 0, "steam_plant", (2, 2)),
    _t("F45_LOGI", "Công ty CP Logistics và Kho lạnh Bắc Nam", "logistics", "5210/5210",
       "Kho bãi, kho lạnh (warehousing, cold storage)", 250_000, "t/a", (2014, 180, 30, 85), 60_000, 250, 8_760, "",
       "none", False, 0, "warehouse", (3, 5)),
    _t("F46_TRANS", "Công ty TNHH Vận tải Hàng hóa Phúc An", "logistics", "4933/4923",
       "Vận tải hàng hóa đường bộ (road freight)", 600_000, "t/a", (2013, 260, 5, 90), 20_000, 300, 6_000, "", "none",
       False, 0, "trucking", (3, 6)),
    _t("F47_TOYS", "Công ty TNHH Đồ chơi Trẻ em Happy Kids Việt Nam", "other_manufacturing", "3240/3240",
       "Đồ chơi nhựa, nhồi bông (toys)", 8_000_000, "piece/a", (2019, 1_100, 75, 70), 28_000, 700, 2_700, "", "none",
       False, 0, "toys", (3, 7)),
    _t("F48_CANS", "Công ty TNHH Bao bì Kim loại Hoàng Gia", "metal_products", "2599/2599",
       "Lon nhôm đồ uống (aluminium cans)", 400_000_000, "piece/a", (2018, 220, 20, 85), 30_000, 800, 7_000, "",
       "aware", False, 0, "cans", (1, 7)),
)
# fmt: on

#: Share of value added in revenue, by sector (eipkit assumption).
_VA_SHARE: dict[str, float] = {
    "beverage": 0.35, "seafood": 0.15, "food": 0.22, "textile_dyeing": 0.2, "garment": 0.3, "electronics": 0.12,
    "steel_metal": 0.12, "metal_products": 0.2, "automotive": 0.18, "building_materials": 0.25, "paper": 0.2,
    "plastics_rubber": 0.18, "chemicals": 0.22, "pharmaceuticals": 0.35, "wood": 0.25, "power_steam": 0.3,
    "logistics": 0.35, "other_manufacturing": 0.25,
}

#: Share of the leased land that is usable roof, by sector (eipkit assumption).
_ROOF_SHARE: dict[str, float] = {
    "steel_metal": 0.4, "building_materials": 0.2, "power_steam": 0.15, "logistics": 0.6, "garment": 0.6,
}

#: The park operator: owner of the central wastewater plant and the water network.
OPERATOR: Row = {
    "id": "OPER", "name": "Công ty CP Phát triển Hạ tầng KCN Sông Cầu", "role": "operator", "sector": "water_utility",
    "vsic_2018": "37002", "isic_rev4": "3700",
    "product": "Hạ tầng KCN, cấp nước, xử lý nước thải tập trung (park infrastructure, central WWTP)",
    "latitude": 21.1352, "longitude": 106.1990, "start_year": 2009, "employees": 85, "employees_female": 22,
    "employees_local": 80, "output_unit": "m3/a", "revenue": 210e9, "value_added": 84e9, "operating_hours": 8760.0,
    "iso_14001": True, "iso_50001": False, "iso_45001": True, "recp_status": "aware", "symbiosis_plan": True,
    "violations_3y": 0, "status": "operating",
    "notes": "Infrastructure investor; runs the central WWTP, the water network and the waste yard.",
}

#: Partners outside the park.
EXTERNALS: tuple[Row, ...] = (
    {"id": "EXT_WATER", "name": "Công ty TNHH MTV Cấp thoát nước và Công trình Đô thị Kinh Châu",
     "sector": "water_utility", "vsic_2018": "3600", "isic_rev4": "3600",
     "product": "Cấp nước, thoát nước đô thị (city water supply and drainage)", "latitude": 21.1790,
     "longitude": 106.0640, "location_park": "TP. Bắc Ninh (city utility, ~12 km)"},
    {"id": "EXT_RECYCLE", "name": "Công ty TNHH Tái chế Kim loại và Phế liệu Đại Phát", "sector": "waste_management",
     "vsic_2018": "38301", "isic_rev4": "3830", "product": "Tái chế sắt thép, nhôm, đồng, nhựa (scrap recycling)",
     "latitude": 21.1040, "longitude": 106.1210, "location_park": "KCN Lâm Bình (neighbouring park, ~8 km)"},
    {"id": "EXT_CEMENT", "name": "Công ty CP Xi măng An Phú Đông", "sector": "building_materials",
     "vsic_2018": "23941", "isic_rev4": "2394", "product": "Clinker và xi măng lò quay (clinker kiln, co-processing)",
     "latitude": 21.1150, "longitude": 106.3900, "location_park": "Chí Linh, Hải Dương (~22 km)"},
    {"id": "EXT_FEED", "name": "Công ty CP Thức ăn Chăn nuôi Tiên Phong", "sector": "food", "vsic_2018": "1080",
     "isic_rev4": "1080", "product": "Thức ăn chăn nuôi, bột cá (animal feed, fish meal line)", "latitude": 21.0320,
     "longitude": 106.2210, "location_park": "Lương Tài, Bắc Ninh (~14 km)"},
    {"id": "EXT_FARM", "name": "Hợp tác xã Chăn nuôi Bò sữa Đồng Tiến", "sector": "agriculture", "vsic_2018": "0141",
     "isic_rev4": "0141", "product": "Bò sữa (dairy cattle farm, 1,200 head)", "latitude": 21.0600,
     "longitude": 106.1900, "location_park": "Gia Bình, Bắc Ninh (~10 km)"},
)


def _position(spec: FirmSpec, index: int) -> tuple[float, float]:
    """Grid position with a small deterministic offset (about 3.3 km x 1.7 km in all)."""
    row, col = spec.cell
    jitter = ((index * 7) % 5 - 2) * 0.0003
    return round(21.1375 + row * 0.0030 + jitter, 5), round(106.1650 + col * 0.0045 - jitter, 5)


def firm_rows() -> list[Row]:
    """Return the firms table: tenants, the operator and the external partners."""
    rows: list[Row] = []
    for i, s in enumerate(TENANTS):
        lat, lon = _position(s, i)
        revenue = s.revenue_bn * 1e9
        rows.append({
            "id": s.id, "name": s.name, "role": "tenant", "sector": s.sector, "vsic_2018": s.vsic,
            "isic_rev4": s.isic, "product": s.product, "latitude": lat, "longitude": lon,
            "start_year": s.start_year, "employees": s.employees,
            "employees_female": round(s.employees * s.female_pct / 100),
            "employees_local": round(s.employees * s.local_pct / 100), "land_area": s.land,
            "roof_area": round(s.land * _ROOF_SHARE.get(s.sector, 0.55)), "output_quantity": s.output,
            "output_unit": s.output_unit, "revenue": revenue, "value_added": round(revenue * _VA_SHARE[s.sector], -6),
            "operating_hours": s.hours, "iso_14001": "E" in s.iso, "iso_50001": "N" in s.iso,
            "iso_45001": "S" in s.iso, "recp_status": s.recp, "symbiosis_plan": s.plan,
            "violations_3y": s.violations, "status": "operating",
        })
    rows.append(dict(OPERATOR))
    for ext in EXTERNALS:
        rows.append({"role": "external", "status": "operating", **ext})
    return rows


def tenant(ident: str) -> FirmSpec:
    """Return the tenant with id ``ident``."""
    for spec in TENANTS:
        if spec.id == ident:
            return spec
    raise KeyError(ident)

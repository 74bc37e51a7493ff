"""Test data and helpers for the park tests: a small valid park, and editors that break one cell of a
CSV park folder or a park workbook (the fixtures using them are in ``conftest.py``)."""

from __future__ import annotations

import csv
import datetime as dt
import functools
from pathlib import Path
from typing import Any

from eipkit.park import Park

PARK_ID = "KCN_HK"

PARK_RECORD: dict[str, Any] = {
    "id": PARK_ID,
    "name": "KCN Sinh thái Hòa Khánh",
    "name_en": "Hoa Khanh Eco-Industrial Park",
    "province": "Đà Nẵng",
    "established": dt.date(1998, 3, 14),
    "eip_path": "existing",
    "operator": "Công ty Phát triển Hạ tầng KCN Đà Nẵng",
    "management_board": "Ban Quản lý các KCN và Khu CNC Đà Nẵng",
    "latitude": 16.0736,
    "longitude": 108.1497,
    "total_area": 400.0,
    "industrial_land_area": 280.0,
    "green_area": 40.0,
    "road_area": 30.0,
    "technical_infrastructure_area": 10.0,
    "social_infrastructure_area": 5.0,
    "leased_industrial_area": 200.0,
    "workers": 12000,
    "website": "https://example.vn/kcn",
    "data_year": 2024,
    "notes": "Số liệu năm 2024; nguồn: Ban Quản lý.",
}

FIRMS: list[dict[str, Any]] = [
    {"id": "OP", "name": "Công ty Hạ tầng KCN Hòa Khánh", "role": "operator", "sector": "water_utility",
     "vsic_2018": "3700", "latitude": 16.070, "longitude": 108.150, "employees": 40},
    {"id": "F01_BREW", "name": "Nhà máy Bia Đà Nẵng", "sector": "beverage", "vsic_2018": "1103",
     "isic_rev4": "1103", "product": "Bia chai", "latitude": 16.075, "longitude": 108.145,
     "start_year": 2005, "employees": 500, "employees_female": 200, "employees_local": 300,
     "land_area": 50000.0, "roof_area": 20000.0, "output_quantity": 1000000.0, "output_unit": "hL/a",
     "revenue": 2.5e12, "value_added": 8.0e11, "operating_hours": 6000.0, "iso_14001": True,
     "recp_status": "applying", "symbiosis_plan": True, "notes": "Nhà máy bia; bã bia bán cho F02."},
    {"id": "F02_FEED", "name": "Công ty Thức ăn Chăn nuôi Miền Trung", "sector": "food", "vsic_2018": "1080",
     "latitude": 16.080, "longitude": 108.140, "start_year": 2010, "employees": 120, "land_area": 20000.0,
     "roof_area": 8000.0, "output_quantity": 30000.0, "output_unit": "t/a", "operating_hours": 8000.0},
    {"id": "F03_STEEL", "name": "Công ty Thép Hòa Khánh", "sector": "steel_metal", "vsic_2018": "2410",
     "latitude": 16.068, "longitude": 108.155, "start_year": 2001, "employees": 800, "employees_female": 50,
     "land_area": 120000.0, "iso_50001": True, "violations_3y": 1, "status": "operating"},
]

STREAMS: list[dict[str, Any]] = [
    {"id": "S01", "firm": "F01_BREW", "direction": "out", "category": "by_product",
     "resource_class": "spent_grain", "description": "Bã bia ướt", "quantity": 50.0, "unit": "t/month",
     "unit_cost": -200000.0, "cost_unit": "VND/t", "destination": "sold", "moisture": 78.0},
    {"id": "S02", "firm": "F01_BREW", "direction": "in", "category": "water", "resource_class": "freshwater",
     "description": "Nước sạch", "quantity": 120.0, "unit": "m3/day", "unit_cost": 15000.0,
     "cost_unit": "VND/m3", "destination": "supplier", "source_note": "Hóa đơn nước"},
    {"id": "S03", "firm": "F01_BREW", "direction": "out", "category": "wastewater",
     "resource_class": "industrial_wastewater", "description": "Nước thải sản xuất", "quantity": 100.0,
     "unit": "m3/day", "destination": "central_wwtp"},
    {"id": "S04", "firm": "F02_FEED", "direction": "in", "category": "material", "resource_class": "spent_grain",
     "description": "Bã bia làm thức ăn", "quantity": 40.0, "unit": "t", "period": "month",
     "availability": "batch"},
    {"id": "S05", "firm": "F02_FEED", "direction": "in", "category": "energy", "resource_class": "electricity",
     "description": "Điện lưới", "quantity": 500.0, "unit": "kW", "unit_cost": 1800.0, "cost_unit": "VND/kWh",
     "destination": "grid"},
    {"id": "S06", "firm": "F03_STEEL", "direction": "out", "category": "heat", "resource_class": "waste_heat_gas",
     "description": "Khí thải lò nung", "quantity": 2.0, "unit": "GJ/h", "temperature": 250.0,
     "target_temperature": 80.0, "operating_hours": 7000.0, "destination": "atmosphere"},
    {"id": "S07", "firm": "F03_STEEL", "direction": "out", "category": "waste", "resource_class": "steel_slag",
     "description": "Xỉ thép", "waste_code_vn": "05 01 02", "ewc_code": "10 02 01", "hazardous": False,
     "quantity": 1200.0, "unit": "t/a", "destination": "landfill", "availability": "seasonal",
     "months": "1-4,11-12"},
    {"id": "S08", "firm": "OP", "direction": "in", "category": "wastewater", "resource_class": "industrial_wastewater",
     "description": "Nước thải vào trạm XLNT", "quantity": 3000.0, "unit": "m3/day"},
]

QUALITIES: list[dict[str, Any]] = [
    {"stream": "S03", "parameter": "COD", "value": 800.0, "unit": "mg/L", "source_note": "Phiếu phân tích"},
    {"stream": "S03", "parameter": "pH", "value": 7.2, "unit": "-"},
    {"stream": "S01", "parameter": "dry_solids", "value": 22.0, "unit": "%"},
    {"stream": "S07", "parameter": "chloride", "value": 500.0, "unit": "ppm", "bound": "max"},
]

EXCHANGES: list[dict[str, Any]] = [
    {"id": "X01", "supplier": "F01_BREW", "receiver": "F02_FEED", "supply_stream": "S01", "demand_stream": "S04",
     "resource_class": "spent_grain", "type": "by_product", "status": "operating", "quantity": 480.0,
     "unit": "t/a", "start_date": dt.date(2019, 7, 1), "agreement": "HĐ 12/2019", "annual_benefit": 9.6e7},
    {"id": "X02", "supplier": "F01_BREW", "receiver": "OP", "supply_stream": "S03", "demand_stream": "S08",
     "resource_class": "industrial_wastewater", "type": "shared_infrastructure", "status": "operating",
     "quantity": 100.0, "unit": "m3/day", "barriers": "quality"},
]

INFRASTRUCTURE: list[dict[str, Any]] = [
    {"id": "I01", "kind": "central_wwtp", "name": "Trạm XLNT tập trung", "operated_by": "OP", "capacity": 5000.0,
     "capacity_unit": "m3/day", "utilisation": 60.0, "standard": "QCVN 40:2011/BTNMT cột A"},
    {"id": "I02", "kind": "substation", "name": "Trạm biến áp 110 kV", "capacity": 63.0, "capacity_unit": "MVA"},
]

FACTS: list[dict[str, Any]] = [
    {"entity": PARK_ID, "fact": "climate_plan", "value": True, "document": "QĐ 123/QĐ-BQL",
     "date": dt.date(2023, 5, 2)},
    {"entity": "F01_BREW", "fact": "energy_audit", "value": False, "notes": "Dự kiến 2025"},
]

KPIS: list[dict[str, Any]] = [
    {"entity": PARK_ID, "indicator": "water_use", "year": 2024, "value": 1.2e6, "unit": "m3/a",
     "verified": True},
    {"entity": "F01_BREW", "indicator": "electricity_use", "year": 2024, "month": 1, "value": 350.0,
     "unit": "MWh", "source_note": "Công tơ"},
]

MEASURES: list[dict[str, Any]] = [
    {"id": "M01", "firm": "F01_BREW", "title": "Thu hồi nhiệt nồi nấu", "theme": "energy", "status": "implemented",
     "capex": 2.0e9, "annual_saving": 5.0e8, "resource_saving": 120.0, "saving_unit": "MWh/a",
     "co2_saving": 80.0, "year": 2023},
]


def park_records() -> dict[str, Any]:
    """Keyword arguments for :meth:`Park.from_records` building the valid test park (fresh copies)."""
    return {
        "park": dict(PARK_RECORD),
        "firms": [dict(r) for r in FIRMS],
        "streams": [dict(r) for r in STREAMS],
        "qualities": [dict(r) for r in QUALITIES],
        "exchanges": [dict(r) for r in EXCHANGES],
        "infrastructure": [dict(r) for r in INFRASTRUCTURE],
        "facts": [dict(r) for r in FACTS],
        "kpis": [dict(r) for r in KPIS],
        "measures": [dict(r) for r in MEASURES],
    }


@functools.cache
def build_park() -> Park:
    """Build the valid test park (once: a Park is immutable, so every test may share it)."""
    records = park_records()
    return Park.from_records(records.pop("park"), **records)

# -- CSV park folders -------------------------------------------------------------------------------


def read_csv_rows(path: Path) -> list[list[str]]:
    """Read a CSV file as a list of rows (header first), every cell a string."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def write_csv_rows(path: Path, rows: list[list[str]]) -> None:
    """Write rows to a CSV file (UTF-8)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def csv_header_index(rows: list[list[str]], column: str) -> int:
    """Index of ``column`` in a CSV header; the header may carry a unit (``land_area [m2]``)."""
    for j, header in enumerate(rows[0]):
        if header == column or header.split(" [")[0] == column:
            return j
    raise KeyError(f"no column '{column}' in header {rows[0]}")


class ParkFolder:
    """A park written to a CSV folder, with helpers to break it.

    Rows are addressed by the id in the first column (the key), and the returned number is the
    file line a user sees (header on line 1, first data row on line 2).
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def file(self, table: str) -> Path:
        return self.path / f"{table}.csv"

    def rows(self, table: str) -> list[list[str]]:
        return read_csv_rows(self.file(table))

    def line_of(self, table: str, key: str, key_column: int = 0) -> int:
        """File line number (1-based) of the data row whose key column is ``key``."""
        for i, row in enumerate(self.rows(table)):
            if i > 0 and row[key_column] == key:
                return i + 1
        raise KeyError(f"no row '{key}' in {table}.csv")

    def set_cell(self, table: str, key: str, column: str, value: str) -> int:
        """Set one cell (row ``key``, column ``column``) and return the file line of that row.

        For ``park`` (field/value layout), ``key`` is the field and ``column`` must be ``value``.
        """
        rows = self.rows(table)
        j = csv_header_index(rows, column)
        line = self.line_of(table, key)
        rows[line - 1][j] = value
        write_csv_rows(self.file(table), rows)
        return line

    def set_park_field(self, field: str, value: str) -> int:
        """Set a field of the park record (park.csv) and return its file line."""
        rows = self.rows("park")
        for i, row in enumerate(rows):
            if i > 0 and row[0].split(" [")[0] == field:
                row[1] = value
                write_csv_rows(self.file("park"), rows)
                return i + 1
        raise KeyError(f"no field '{field}' in park.csv")

    def rename_header(self, table: str, column: str, new: str) -> None:
        """Rename the header of ``column`` to ``new``."""
        rows = self.rows(table)
        rows[0][csv_header_index(rows, column)] = new
        write_csv_rows(self.file(table), rows)

    def drop_column(self, table: str, column: str) -> None:
        rows = self.rows(table)
        j = csv_header_index(rows, column)
        write_csv_rows(self.file(table), [r[:j] + r[j + 1:] for r in rows])

    def add_column(self, table: str, header: str, values: list[str] | None = None) -> None:
        rows = self.rows(table)
        values = values or [""] * (len(rows) - 1)
        body = [[*r, v] for r, v in zip(rows[1:], values, strict=True)]
        write_csv_rows(self.file(table), [[*rows[0], header], *body])

    def append_row(self, table: str, cells: dict[str, str]) -> int:
        """Append a data row (other cells empty); return its file line."""
        rows = self.rows(table)
        row = [""] * len(rows[0])
        for column, value in cells.items():
            row[csv_header_index(rows, column)] = value
        rows.append(row)
        write_csv_rows(self.file(table), rows)
        return len(rows)



# -- Excel workbooks --------------------------------------------------------------------------------

#: First data row of a table sheet (row 1 keys, rows 2-3 labels).
FIRST_DATA_ROW = 4


class ParkWorkbook:
    """A park written to an ``.xlsx`` workbook, edited cell by cell with openpyxl.

    Row numbers are the sheet rows a user sees (keys on row 1, labels on rows 2-3, data from row 4;
    on the ``park`` sheet, fields from row 2).
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    @functools.cached_property
    def book(self) -> Any:
        """The workbook opened with openpyxl (on first use)."""
        import openpyxl

        return openpyxl.load_workbook(self.path)

    def save(self) -> Path:
        self.book.save(self.path)
        return self.path

    def column_of(self, sheet: str, column: str) -> int:
        ws = self.book[sheet]
        for cell in ws[1]:
            if cell.value is not None and str(cell.value).split(" [")[0] == column:
                return int(cell.column)
        raise KeyError(f"no column '{column}' on sheet '{sheet}'")

    def row_of(self, sheet: str, key: str) -> int:
        ws = self.book[sheet]
        for row in range(2, ws.max_row + 1):
            if ws.cell(row=row, column=1).value == key:
                return row
        raise KeyError(f"no row '{key}' on sheet '{sheet}'")

    def set_cell(self, sheet: str, key: str, column: str, value: Any) -> int:
        """Set one cell (``None`` empties it); return its sheet row."""
        row = self.row_of(sheet, key)
        self.book[sheet].cell(row=row, column=self.column_of(sheet, column)).value = value
        return row

    def set_park_field(self, field: str, value: Any) -> int:
        """Set the value of a park field (``None`` empties it); return its sheet row."""
        ws = self.book["park"]
        for row in range(2, ws.max_row + 1):
            if str(ws.cell(row=row, column=1).value).split(" [")[0] == field:
                ws.cell(row=row, column=2).value = value
                return row
        raise KeyError(f"no field '{field}' on sheet 'park'")

    def rename_header(self, sheet: str, column: str, new: str) -> None:
        self.book[sheet].cell(row=1, column=self.column_of(sheet, column)).value = new

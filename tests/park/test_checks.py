"""Every named check of ``eipkit.park.CHECKS``: break one cell of a valid park file and read it back.

Each case starts from the valid test park (``park_testing.build_park``) as a CSV folder or a
workbook, breaks it in one place, and asserts that ``read_park`` reports exactly that problem: the check
name, the table, the file row a user sees (CSV: header on line 1, first data row on line 2;
workbook: keys on row 1, labels on rows 2-3, first data row on row 4; park record: one field per
line), the column, the offending value and a message (English and Vietnamese) naming it.
Errors must stop loading; warnings must load (with the warning in ``park.report``) and stop
loading in strict mode. ``VARIANTS`` holds further independent breaks checked in one file, and
``test_every_check_is_exercised`` makes sure no name in ``CHECKS`` is left without a case.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
import pytest
from park_testing import (
    FIRST_DATA_ROW,
    PARK_RECORD,
    ParkFolder,
    ParkWorkbook,
    build_park,
    park_records,
    write_csv_rows,
)

from eipkit.park import CHECKS, Issue, Park, ParkValidationError, read_park, write_park
from eipkit.park.checks import haversine_km

# -- helpers ---------------------------------------------------------------------------------------


def read_issues(path: Path, check: str) -> list[Issue]:
    """Read ``path`` and return its issues, asserting errors stop loading and warnings do not.

    For a warning-severity check the park must load (non-strict) with no error, the warning must be
    in ``park.report``, and strict reading must raise with the same warning.
    """
    if CHECKS[check]["severity"] == "error":
        with pytest.raises(ParkValidationError) as info:
            read_park(path)
        assert info.value.strict is False
        assert "nothing was loaded" in str(info.value)
        return info.value.report.issues
    park = read_park(path)
    assert isinstance(park, Park)
    assert park.report.errors == [], park.report.summary()
    assert check in park.report.checks()
    with pytest.raises(ParkValidationError) as info:
        read_park(path, strict=True)
    assert info.value.strict is True
    assert check in info.value.report.checks()
    assert [(i.check, i.row, i.column) for i in info.value.report.issues] == [
        (i.check, i.row, i.column) for i in park.report.issues
    ]
    return park.report.issues


def only(issues: list[Issue], check: str) -> Issue:
    hits = [i for i in issues if i.check == check]
    assert len(hits) == 1, f"expected one '{check}' issue, got {[str(i) for i in issues]}"
    return hits[0]


ANY = object()


@dataclass(frozen=True)
class Case:
    """One way to trigger ``check``.

    ``breaks`` edits the file and returns the row the issue must name (``None`` for whole-column
    or whole-file issues). ``says``/``says_vi`` are texts the English/Vietnamese message must
    contain; ``also`` lists other checks the same edit legitimately triggers.
    """

    id: str
    check: str
    table: str
    column: str | None
    breaks: Callable[..., int | None]
    value: object = ANY
    says: tuple[str, ...] = ()
    says_vi: tuple[str, ...] = ()
    also: frozenset[str] = field(default_factory=frozenset)
    location: str | None = None  # default "<table>.csv" / "sheet '<table>'"; "{folder}" is the source path


def assert_case(case: Case, issues: list[Issue], row: int | None, location: str) -> Issue:
    issue = only(issues, case.check)
    assert issue.severity == CHECKS[case.check]["severity"]
    assert issue.table == case.table
    assert issue.row == row
    assert issue.column == case.column
    assert issue.location == location
    if case.value is not ANY:
        assert issue.value == case.value
    en, vi = issue.message("en"), issue.message("vi")
    for text in case.says:
        assert text in en, en
    for text in case.says_vi:
        assert text in vi, vi
    # a message whose template names the value shows it, in both languages
    for lang, text in (("en", en), ("vi", vi)):
        if "{value}" in CHECKS[case.check][lang]["message"]:
            assert issue.value is not None and issue.value in text, text
    assert issue.fix("en") and issue.fix("vi")
    assert "{" not in en + vi + issue.fix("en") + issue.fix("vi")
    unexpected = {i.check for i in issues} - {case.check} - set(case.also)
    assert not unexpected, [str(i) for i in issues if i.check in unexpected]
    return issue


# -- CSV park folders -------------------------------------------------------------------------------


def _meta(text: str) -> Callable[[ParkFolder], None]:
    def _write(f: ParkFolder) -> None:
        (f.path / "meta.json").write_text(text, encoding="utf-8")

    return _write


def _bad_utf8(f: ParkFolder) -> None:
    latin1 = f.file("streams").read_bytes().replace("Bã bia".encode(), "B\xe3 bia".encode("latin-1"))
    f.file("streams").write_bytes(latin1)


def _ragged(f: ParkFolder) -> None:
    with f.file("kpis").open("a", encoding="utf-8") as fh:
        fh.write("KCN_HK,energy_use,2024,,5,MWh/a,false,,,extra,cells\n")


def _delete(table: str) -> Callable[[ParkFolder], None]:
    def _unlink(f: ParkFolder) -> None:
        f.file(table).unlink()

    return _unlink


def _park_field_line(f: ParkFolder, field_name: str) -> int:
    for i, row in enumerate(f.rows("park")):
        if i > 0 and row[0].split(" [")[0] == field_name:
            return i + 1
    raise KeyError(field_name)


def _park_header(field_name: str, new: str) -> Callable[[ParkFolder], int]:
    def _rename(f: ParkFolder) -> int:
        rows = f.rows("park")
        line = _park_field_line(f, field_name)
        rows[line - 1][0] = new
        write_csv_rows(f.file("park"), rows)
        return line

    return _rename


def _with(*edits: Callable[[ParkFolder], object]) -> Callable[[ParkFolder], int | None]:
    """Apply several edits; return the row returned by the first one."""

    def _apply(f: ParkFolder) -> int | None:
        rows = [edit(f) for edit in edits]
        return rows[0] if isinstance(rows[0], int) else None

    return _apply


def _none(edit: Callable[[ParkFolder], object]) -> Callable[[ParkFolder], None]:
    def _apply(f: ParkFolder) -> None:
        edit(f)

    return _apply


def _far_km(lat: float, lon: float) -> str:
    d = float(haversine_km(lat, lon, PARK_RECORD["latitude"], PARK_RECORD["longitude"]))
    return f"{d:.1f} km"


REFS = frozenset({"refs.unknown"})

CSV_CASES: list[Case] = [
    # -- files
    Case("meta_not_json", "file.unreadable", "park", None, _none(_meta("{not json")), location="meta.json",
         says=("the file cannot be read", "line 1 column 2"), says_vi=("không đọc được tệp",)),
    Case("meta_newer_version", "file.unreadable", "park", None,
         _none(_meta(json.dumps({"format": "eipkit-park", "format_version": 99}))), location="meta.json",
         says=("version 99", "update eipkit")),
    Case("csv_not_utf8", "file.unreadable", "streams", None, _none(_bad_utf8), location="streams.csv",
         says=("utf-8",)),
    Case("csv_ragged_row", "file.unreadable", "kpis", None, _none(_ragged), location="kpis.csv",
         says=("more fields",)),
    Case("firms_csv_missing", "file.missing_table", "firms", None, _none(_delete("firms")), location="{folder}",
         says=("'firms'",), says_vi=("thiếu bảng bắt buộc 'firms'",), also=REFS),
    # -- columns
    Case("misspelt_column_suggests", "columns.unknown", "streams", None,
         _none(lambda f: f.add_column("streams", "temprature")), value="temprature",
         says=("'temprature' is ignored", "-> 'temperature'?"), says_vi=("cột 'temprature' không có trong mẫu",)),
    Case("required_column_missing", "columns.missing_required", "firms", "sector",
         _none(lambda f: f.drop_column("firms", "sector")), says=("'sector'",),
         says_vi=("thiếu cột bắt buộc 'sector'",)),
    Case("required_column_missing_park", "columns.missing_required", "park", "province",
         _none(lambda f: write_csv_rows(f.file("park"), [r for r in f.rows("park") if r[0] != "province"])),
         says=("'province'",)),
    Case("duplicate_column_vi_label", "columns.duplicate", "firms", "name",
         _none(lambda f: f.rename_header("firms", "product", "Tên doanh nghiệp")), value="Tên doanh nghiệp",
         says=("'name' appears twice",),
         says_vi=("cột 'name' xuất hiện hai lần",)),
    Case("header_unit_wrong_kind", "columns.unit", "firms", "land_area",
         _none(lambda f: f.rename_header("firms", "land_area", "land_area [kg]")), value="kg",
         says=("'kg'", "'land_area'", "m2"), says_vi=("đơn vị 'kg' ở tiêu đề cột 'land_area'",)),
    Case("header_unit_on_unit_column", "columns.unit", "streams", "quantity",
         _none(lambda f: f.rename_header("streams", "quantity", "quantity [t/a]")), value="t/a",
         says=("units go in the column 'unit'",)),
    Case("header_unit_park_field", "columns.unit", "park", "total_area",
         _park_header("total_area", "total_area [kg]"), value="kg", says=("'kg'", "ha")),
    # -- values
    Case("required_value", "values.required", "firms", "name", lambda f: f.set_cell("firms", "F02_FEED", "name", ""),
         says=("'name'",), says_vi=("cột 'name' bắt buộc phải có giá trị",)),
    Case("required_value_park", "values.required", "park", "province", lambda f: f.set_park_field("province", ""),
         says=("'province'",)),
    Case("type_integer", "values.type", "firms", "employees",
         lambda f: f.set_cell("firms", "F02_FEED", "employees", "abc"),
         value="abc", says=("'abc' is not a whole number",), says_vi=("'abc' không phải một số nguyên",)),
    Case("type_integer_fraction", "values.type", "firms", "start_year",
         lambda f: f.set_cell("firms", "F03_STEEL", "start_year", "2001.5"), value="2001.5"),
    Case("type_boolean", "values.type", "firms", "iso_14001",
         lambda f: f.set_cell("firms", "OP", "iso_14001", "maybe"), value="maybe", says=("true or false",)),
    Case("type_date", "values.type", "exchanges", "start_date",
         lambda f: f.set_cell("exchanges", "X01", "start_date", "2019-13-01"), value="2019-13-01",
         says=("YYYY-MM-DD",)),
    Case("type_float_decimal_comma", "values.type", "qualities", "value",
         lambda f: f.set_cell("qualities", "S01", "value", "22,5"), value="22,5", says=("is not a number",)),
    Case("enum", "values.enum", "firms", "sector", lambda f: f.set_cell("firms", "F02_FEED", "sector", "foods"),
         value="foods", says=("'foods' is not an allowed value", "-> 'food'?"),
         says_vi=("'foods' không thuộc danh sách cho phép",)),
    Case("negative", "values.negative", "streams", "quantity", lambda f: f.set_cell("streams", "S03", "quantity", "-5"),
         value="-5", says=("-5 is negative",), says_vi=("-5 là số âm",)),
    Case("range_integer", "values.range", "firms", "start_year",
         lambda f: f.set_cell("firms", "F02_FEED", "start_year", "1800"), value="1800",
         says=("1800 is outside the allowed range",)),
    Case("range_float", "values.range", "firms", "operating_hours",
         lambda f: f.set_cell("firms", "F01_BREW", "operating_hours", "9000"), value="9000",
         says=("9000 is outside the allowed range", "8760")),
    # -- ids and references
    Case("id_with_space", "ids.invalid", "infrastructure", "id",
         lambda f: f.set_cell("infrastructure", "I02", "id", "I 02"),
         value="I 02", says=("'I 02'",), says_vi=("mã 'I 02'",)),
    Case("duplicate_id", "ids.duplicate", "measures", "id",
         lambda f: f.append_row("measures", {"id": "M01", "firm": "F02_FEED", "title": "Biến tần", "theme": "energy",
                                             "status": "proposed"}),
         value="M01", says=("'M01'", "first at row 2"), says_vi=("lần đầu ở dòng 2",)),
    Case("duplicate_composite_key", "ids.duplicate", "facts", "entity",
         lambda f: f.append_row("facts", {"entity": "KCN_HK", "fact": "climate_plan", "value": "false"}),
         value="KCN_HK/climate_plan", says=("entity + fact", "first at row 2")),
    Case("unknown_firm", "refs.unknown", "measures", "firm", lambda f: f.set_cell("measures", "M01", "firm", "F01_BRW"),
         value="F01_BRW", says=("'F01_BRW'", "table 'firms'", "-> 'F01_BREW'?")),
    Case("unknown_entity", "refs.unknown", "kpis", "entity", lambda f: f.set_cell("kpis", "KCN_HK", "entity", "KCN_XX"),
         value="KCN_XX", says=("table 'park' or table 'firms'",)),
    # -- units
    Case("quantity_without_unit", "units.missing", "streams", "quantity",
         lambda f: f.set_cell("streams", "S03", "unit", ""), says=("'quantity'", "'unit'"),
         says_vi=("thiếu đơn vị ở cột 'unit'",)),
    Case("cost_without_unit", "units.missing", "streams", "unit_cost",
         lambda f: f.set_cell("streams", "S02", "cost_unit", ""), says=("'unit_cost'", "'cost_unit'")),
    Case("unknown_unit", "units.unknown", "streams", "unit",
         lambda f: f.set_cell("streams", "S03", "unit", "bucket/day"),
         value="bucket/day", says=("unknown unit 'bucket/day'",), says_vi=("không nhận ra đơn vị 'bucket/day'",)),
    Case("flow_unit_is_concentration", "units.kind", "streams", "unit",
         lambda f: f.set_cell("streams", "S03", "unit", "mg/L"), value="mg/L",
         says=("'mg/L'", "mass_concentration", "amount per period")),
    Case("cost_unit_other_kind", "units.kind", "streams", "cost_unit",
         lambda f: f.set_cell("streams", "S01", "cost_unit", "VND/m3"), value="VND/m3", says=("VND/t",)),
    Case("quality_unit_other_kind", "units.kind", "qualities", "unit",
         lambda f: f.set_cell("qualities", "S03", "unit", "kg"), value="kg", says=("mass", "mass_concentration")),
    Case("stock_without_period", "units.period", "streams", "unit",
         lambda f: f.set_cell("streams", "S03", "unit", "m3"),
         value="m3", says=("'m3' has no period",)),
    Case("rate_with_period", "units.period", "streams", "unit",
         lambda f: f.set_cell("streams", "S03", "period", "month"), value="m3/day", says=("already has a period",)),
    # -- codes
    Case("waste_code_format", "codes.format", "streams", "waste_code_vn",
         lambda f: f.set_cell("streams", "S07", "waste_code_vn", "12345"), value="12345",
         says=("'12345'", "Vietnamese waste code")),
    Case("vsic_unknown_division", "codes.unknown", "firms", "vsic_2018",
         lambda f: f.set_cell("firms", "F02_FEED", "vsic_2018", "0400"), value="0400",
         says=("'0400'", "division 04"), says_vi=("không có ngành cấp 2 04",)),
    Case("vsic_unusual_for_sector", "codes.sector_mismatch", "firms", "vsic_2018",
         lambda f: f.set_cell("firms", "F02_FEED", "vsic_2018", "2410"), value="2410",
         says=("'2410'", "division 24", "'food'"), says_vi=("không điển hình cho ngành 'food'",)),
    # -- coordinates and land
    Case("latitude_out_of_range", "coords.range", "firms", "latitude",
         lambda f: f.set_cell("firms", "F02_FEED", "latitude", "95"), value="95",
         says=("95 is not a valid latitude", "-90"),
         says_vi=("vĩ độ",), also=frozenset({"coords.far"})),
    Case("firm_longitude_missing", "coords.partial", "firms", "longitude",
         lambda f: f.set_cell("firms", "F02_FEED", "longitude", ""), says=("only one of latitude and longitude",)),
    Case("park_longitude_missing", "coords.partial", "park", "longitude",
         _with(lambda f: _park_field_line(f, "longitude"), lambda f: f.set_park_field("longitude", "")),
         says_vi=("chỉ có một trong hai tọa độ",)),
    Case("firm_far_from_park", "coords.far", "firms", "latitude",
         lambda f: f.set_cell("firms", "F02_FEED", "latitude", "21.0"), value="21.0",
         says=(_far_km(21.0, 108.14),), says_vi=(_far_km(21.0, 108.14),)),
    Case("land_split_exceeds_total", "land.split_exceeds_total", "park", "total_area",
         lambda f: f.set_park_field("total_area", "100"), says=("365.00 ha", "100.00 ha"),
         says_vi=("365.00 ha", "lớn hơn tổng diện tích 100.00 ha")),
    Case("leased_exceeds_industrial", "land.leased_exceeds_industrial", "park", "leased_industrial_area",
         lambda f: f.set_park_field("leased_industrial_area", "300"), says=("300.00 ha", "280.00 ha")),
    # -- firms
    Case("female_exceeds_employees", "firms.employees_breakdown", "firms", "employees_female",
         lambda f: f.set_cell("firms", "F01_BREW", "employees_female", "600"), value="600",
         says=("employees_female (600)", "(500)"), says_vi=("Số lao động nữ (600)", "(500)")),
    Case("roof_exceeds_land", "firms.roof_exceeds_land", "firms", "roof_area",
         lambda f: f.set_cell("firms", "F01_BREW", "roof_area", "60000"), says=("60000 m2", "50000 m2")),
    # -- streams
    Case("stream_undescribed", "streams.undescribed", "streams", "description",
         _with(lambda f: f.set_cell("streams", "S05", "description", ""),
               lambda f: f.set_cell("streams", "S05", "resource_class", "")),
         says=("no resource class",), says_vi=("dòng không có loại tài nguyên",)),
    Case("stream_quantity_missing", "streams.quantity_missing", "streams", "quantity",
         lambda f: f.set_cell("streams", "S04", "quantity", ""), says=("no quantity",)),
    Case("ewc_hazardous_not_flagged", "streams.hazardous_flag", "streams", "hazardous",
         lambda f: f.set_cell("streams", "S07", "ewc_code", "10 02 01*"), value="10 02 01*",
         says=("'10 02 01*'", "hazardous")),
    Case("months_out_of_range", "streams.months", "streams", "months",
         lambda f: f.set_cell("streams", "S07", "months", "1-13"), value="1-13",
         says=("'1-13' is not a list of months",), says_vi=("'1-13' không phải danh sách tháng",)),
    Case("heat_without_temperature", "streams.heat_temperature", "streams", "temperature",
         lambda f: f.set_cell("streams", "S06", "temperature", ""), says=("heat stream",),
         says_vi=("dòng nhiệt chưa có nhiệt độ",)),
    # -- exchanges and facts
    Case("exchange_self_loop", "exchanges.self_loop", "exchanges", "receiver",
         _with(lambda f: f.set_cell("exchanges", "X01", "receiver", "F01_BREW"),
               lambda f: f.set_cell("exchanges", "X01", "demand_stream", "")),
         value="F01_BREW", says=("'F01_BREW'",), says_vi=("cùng là 'F01_BREW'",)),
    Case("supply_stream_is_an_input", "exchanges.stream_mismatch", "exchanges", "supply_stream",
         lambda f: f.set_cell("exchanges", "X01", "supply_stream", "S02"), value="S02",
         says=("'S02'", "'in' of firm 'F01_BREW'", "supplier needs 'out' of firm 'F01_BREW'")),
    Case("demand_stream_of_other_firm", "exchanges.stream_mismatch", "exchanges", "demand_stream",
         lambda f: f.set_cell("exchanges", "X02", "demand_stream", "S02"), value="S02",
         says=("receiver needs 'in' of firm 'OP'",)),
    Case("park_fact_for_firm", "facts.applies_to", "facts", "entity",
         lambda f: f.set_cell("facts", "F01_BREW", "fact", "climate_plan"), value="climate_plan",
         says=("'climate_plan'", "'F01_BREW'")),
    Case("firm_fact_for_park", "facts.applies_to", "facts", "entity",
         lambda f: f.set_cell("facts", "KCN_HK", "fact", "energy_audit"), value="energy_audit",
         says=("applies to firms", "'KCN_HK'")),
]


@pytest.mark.parametrize("case", CSV_CASES, ids=lambda c: f"{c.check}-{c.id}")
def test_check_in_csv_folder(case: Case, folder: ParkFolder) -> None:
    row = case.breaks(folder)
    issues = read_issues(folder.path, case.check)
    location = (case.location or f"{case.table}.csv").format(folder=folder.path)
    assert_case(case, issues, row, location)


def test_csv_rows_are_file_lines(folder: ParkFolder) -> None:
    """First data row is line 2; the park record's fields are each on their own line."""
    folder.set_cell("firms", "OP", "sector", "utility")  # first data row
    folder.set_cell("firms", "F03_STEEL", "sector", "steel")  # last (4th) data row
    folder.set_park_field("id", "KCN HK")  # first field
    folder.set_park_field("notes", "")  # optional, fine
    folder.set_park_field("data_year", "1900")  # 21st field
    with pytest.raises(ParkValidationError) as info:
        read_park(folder.path)
    got = {(i.check, i.table, i.row, i.column) for i in info.value.report.issues if i.check != "refs.unknown"}
    assert got == {
        ("values.enum", "firms", 2, "sector"),
        ("values.enum", "firms", 5, "sector"),
        ("ids.invalid", "park", 2, "id"),
        ("values.range", "park", 22, "data_year"),
    }
    assert only(info.value.report.issues, "ids.invalid").where() == "park.csv, row 2, column 'id'"
    assert only(info.value.report.issues, "ids.invalid").where("vi") == "park.csv, dòng 2, cột 'id'"


def test_untouched_files_are_valid(folder: ParkFolder, write_workbook: Callable[..., ParkWorkbook]) -> None:
    """The files every case starts from load without any issue (so each issue comes from the edit)."""
    for path in (folder.path, write_workbook().path, write_workbook(lang="en").path):
        park = read_park(path, strict=True)
        assert park == build_park()
        assert park.report.issues == []


#: More ways to trigger checks, each in its own cell, so that one read checks them all:
#: (edit, (check, table, row, column, value)).
Variant = tuple[Callable[[ParkFolder], object], tuple[str, str, int | None, str | None, str | None]]
VARIANTS: list[Variant] = [
    (lambda f: f.add_column("firms", "colour"), ("columns.unknown", "firms", None, None, "colour")),
    (lambda f: f.rename_header("streams", "notes", "Quantity"),
     ("columns.duplicate", "streams", None, "quantity", "Quantity")),
    (lambda f: f.rename_header("firms", "roof_area", "roof_area [acre-ish]"),
     ("columns.unit", "firms", None, "roof_area", "acre-ish")),
    (lambda f: f.rename_header("firms", "product", "product [kg]"), ("columns.unit", "firms", None, "product", "kg")),
    (lambda f: f.set_cell("measures", "M01", "title", "   "), ("values.required", "measures", 2, "title", None)),
    (lambda f: f.set_park_field("established", "14/03/1998"),
     ("values.type", "park", 7, "established", "14/03/1998")),
    (lambda f: f.set_cell("qualities", "S07", "parameter", "chlorid"),
     ("values.enum", "qualities", 5, "parameter", "chlorid")),
    (lambda f: f.set_park_field("green_area", "-1"), ("values.negative", "park", 15, "green_area", "-1")),
    (lambda f: f.set_cell("kpis", "F01_BREW", "month", "13"), ("values.range", "kpis", 3, "month", "13")),
    (lambda f: f.set_cell("infrastructure", "I01", "utilisation", "120"),
     ("values.range", "infrastructure", 2, "utilisation", "120")),
    (lambda f: f.set_cell("qualities", "S01", "stream", "S99"), ("refs.unknown", "qualities", 4, "stream", "S99")),
    (lambda f: f.set_cell("kpis", "KCN_HK", "unit", "m3/yeer"), ("units.unknown", "kpis", 2, "unit", "m3/yeer")),
    (lambda f: f.set_cell("measures", "M01", "saving_unit", "VND"),
     ("units.kind", "measures", 2, "saving_unit", "VND")),
    (lambda f: f.set_cell("exchanges", "X01", "unit", "t"), ("units.period", "exchanges", 2, "unit", "t")),
    (lambda f: f.set_cell("firms", "F01_BREW", "isic_rev4", "11033"),
     ("codes.format", "firms", 3, "isic_rev4", "11033")),
    (lambda f: f.set_cell("streams", "S07", "ewc_code", "10 02"), ("codes.format", "streams", 8, "ewc_code", "10 02")),
    (lambda f: f.set_cell("firms", "F01_BREW", "employees_local", "501"),
     ("firms.employees_breakdown", "firms", 3, "employees_local", "501")),
    (lambda f: f.set_cell("streams", "S07", "months", "jan-mar"),
     ("streams.months", "streams", 8, "months", "jan-mar")),
]


def test_more_variants_in_one_file(folder: ParkFolder) -> None:
    for edit, _ in VARIANTS:
        edit(folder)
    with pytest.raises(ParkValidationError) as info:
        read_park(folder.path)
    issues = info.value.report.issues
    assert sorted((i.check, i.table, i.row or 0, i.column or "") for i in issues) == sorted(
        (c, t, r or 0, col or "") for _, (c, t, r, col, _v) in VARIANTS
    )
    for _, (check, table, row, column, value) in VARIANTS:
        (issue,) = [i for i in issues if (i.check, i.table, i.row, i.column) == (check, table, row, column)]
        assert issue.value == value, issue
        assert issue.location == f"{table}.csv"
        for lang in ("en", "vi"):
            if "{value}" in CHECKS[check][lang]["message"]:
                assert str(issue.value) in issue.message(lang)


def test_reading_a_text_file_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "park.txt"
    path.write_text("id,name\n", encoding="utf-8")
    with pytest.raises(ParkValidationError) as info:
        read_park(path)
    issue = only(info.value.report.issues, "file.unreadable")
    assert (issue.table, issue.row, issue.location) == ("park", None, "park.txt")
    assert "not a .xlsx workbook or a park folder" in issue.message()


def test_missing_path_is_not_a_validation_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no park file or folder"):
        read_park(tmp_path / "nowhere")


# -- workbooks --------------------------------------------------------------------------------------


def _wb_corrupt(w: ParkWorkbook) -> None:
    w.path.write_bytes(b"PK\x03\x04 this is not really a zip archive")


def _wb_delete_sheet(sheet: str) -> Callable[[ParkWorkbook], None]:
    def _delete(w: ParkWorkbook) -> None:
        del w.book[sheet]
        w.save()

    return _delete


def _wb(edit: Callable[[ParkWorkbook], int | None]) -> Callable[[ParkWorkbook], int | None]:
    """Apply an openpyxl edit and save the workbook."""

    def _apply(w: ParkWorkbook) -> int | None:
        row = edit(w)
        w.save()
        return row

    return _apply


def _wb_blank_rows_then_bad_unit(w: ParkWorkbook) -> int:
    """Insert two empty rows in the middle of the streams sheet, then break the row after them."""
    ws = w.book["streams"]
    row = w.row_of("streams", "S03")
    ws.insert_rows(row, amount=2)
    w.set_cell("streams", "S03", "unit", "xyz/a")
    w.save()
    return row + 2


def _wb_without_label_rows(w: ParkWorkbook) -> int:
    """A user deletes the two label rows: data then start on row 2 and rows are still right."""
    w.book["firms"].delete_rows(2, amount=2)
    row = w.set_cell("firms", "F02_FEED", "sector", "foods")
    w.save()
    return row


WORKBOOK_CASES: list[Case] = [
    Case("corrupt_file", "file.unreadable", "park", None, _wb_corrupt, location="{name}", says=("cannot be read",)),
    Case("firms_sheet_missing", "file.missing_table", "firms", None, _wb_delete_sheet("firms"), location="{folder}",
         also=REFS),
    Case("unknown_column", "columns.unknown", "streams", None,
         _wb(lambda w: w.book["streams"].cell(row=1, column=40, value="ghi_chu_2") and None), value="ghi_chu_2"),
    Case("duplicate_column_label", "columns.duplicate", "firms", "name",
         _wb(lambda w: w.rename_header("firms", "product", "Tên doanh nghiệp"))),
    Case("enum_first_data_row", "values.enum", "firms", "sector",
         _wb(lambda w: w.set_cell("firms", "OP", "sector", "utility")), value="utility"),
    Case("enum_no_label_rows", "values.enum", "firms", "sector", _wb_without_label_rows, value="foods"),
    Case("required_park_value", "values.required", "park", "province",
         _wb(lambda w: w.set_park_field("province", None)), says=("'province'",)),
    Case("unknown_unit_after_blank_rows", "units.unknown", "streams", "unit", _wb_blank_rows_then_bad_unit,
         value="xyz/a"),
    Case("land_split", "land.split_exceeds_total", "park", "total_area",
         _wb(lambda w: w.set_park_field("total_area", 300)), says=("365.00 ha", "300.00 ha")),
    Case("firm_far_from_park", "coords.far", "firms", "latitude",
         _wb(lambda w: w.set_cell("firms", "F03_STEEL", "latitude", 10.8)), value="10.8",
         says=(_far_km(10.8, 108.155),)),

]


@pytest.mark.parametrize("case", WORKBOOK_CASES, ids=lambda c: f"{c.check}-{c.id}")
def test_check_in_workbook(case: Case, write_workbook: Callable[..., ParkWorkbook]) -> None:
    w = write_workbook()
    row = case.breaks(w)
    issues = read_issues(w.path, case.check)
    location = (case.location or f"sheet '{case.table}'").format(folder=w.path, name=w.path.name)
    assert_case(case, issues, row, location)


def test_workbook_rows_are_sheet_rows(write_workbook: Callable[..., ParkWorkbook]) -> None:
    w = write_workbook(lang="en")
    assert w.set_cell("firms", "OP", "sector", "x1") == FIRST_DATA_ROW
    assert w.set_cell("streams", "S08", "availability", "always") == FIRST_DATA_ROW + 7
    assert w.set_park_field("id", "KCN HK") == 2
    w.save()
    with pytest.raises(ParkValidationError) as info:
        read_park(w.path)
    got = {(i.check, i.table, i.row, i.column, i.location) for i in info.value.report.issues
           if i.check != "refs.unknown"}
    assert got == {
        ("values.enum", "firms", 4, "sector", "sheet 'firms'"),
        ("values.enum", "streams", 11, "availability", "sheet 'streams'"),
        ("ids.invalid", "park", 2, "id", "sheet 'park'"),
    }


# -- every problem at once; nothing on error --------------------------------------------------------

EXPECTED_MANY = {
    ("values.required", "park", 5, "province"),
    ("land.split_exceeds_total", "park", 13, "total_area"),
    ("firms.employees_breakdown", "firms", 3, "employees_female"),
    ("values.enum", "firms", 4, "sector"),
    ("units.unknown", "streams", 4, "unit"),
    ("streams.months", "streams", 8, "months"),
    ("streams.heat_temperature", "streams", 7, "temperature"),
    ("units.kind", "qualities", 2, "unit"),
    ("exchanges.stream_mismatch", "exchanges", 2, "supply_stream"),
    ("refs.unknown", "measures", 2, "firm"),
    ("columns.unknown", "kpis", None, None),
}


def test_all_problems_reported_at_once_csv(folder: ParkFolder) -> None:
    folder.set_park_field("province", "")
    folder.set_park_field("total_area", "100")
    folder.set_cell("firms", "F01_BREW", "employees_female", "600")
    folder.set_cell("firms", "F02_FEED", "sector", "foods")
    folder.set_cell("streams", "S03", "unit", "bucket/day")
    folder.set_cell("streams", "S07", "months", "13")
    folder.set_cell("streams", "S06", "temperature", "")
    folder.set_cell("qualities", "S03", "unit", "kg")
    folder.set_cell("exchanges", "X01", "supply_stream", "S02")
    folder.set_cell("measures", "M01", "firm", "F01_BRW")
    folder.add_column("kpis", "comment")
    with pytest.raises(ParkValidationError) as info:
        read_park(folder.path)
    report = info.value.report
    assert {(i.check, i.table, i.row, i.column) for i in report.issues} == EXPECTED_MANY
    assert len(report.issues) == len(EXPECTED_MANY)
    assert len(report.warnings) == 2 and len(report.errors) == 9
    assert "9 problem(s) found; nothing was loaded." in str(info.value)
    # the summary lists every problem, errors first within a table, tables in schema order
    summary = report.summary()
    assert len(summary.splitlines()) == 11
    tables = [line.split("] ")[1].split(".csv")[0] for line in summary.splitlines()]
    assert tables == ["park", "park", "firms", "firms", "streams", "streams", "streams", "qualities", "exchanges",
                      "kpis", "measures"]
    summary_vi = report.summary("vi")
    assert "park.csv, dòng 5, cột 'province'" in summary_vi
    assert "'foods' không thuộc danh sách cho phép" in summary_vi
    print(summary_vi)


def test_all_problems_reported_at_once_workbook(write_workbook: Callable[..., ParkWorkbook]) -> None:
    w = write_workbook()
    w.set_park_field("province", None)
    w.set_cell("firms", "F02_FEED", "sector", "foods")
    w.set_cell("streams", "S07", "months", "13")
    w.set_cell("measures", "M01", "firm", "F01_BRW")
    w.set_cell("kpis", "F01_BREW", "year", 1850)
    w.save()
    with pytest.raises(ParkValidationError) as info:
        read_park(w.path)
    assert {(i.check, i.location, i.row, i.column) for i in info.value.report.issues} == {
        ("values.required", "sheet 'park'", 5, "province"),
        ("values.enum", "sheet 'firms'", 6, "sector"),
        ("streams.months", "sheet 'streams'", 10, "months"),
        ("refs.unknown", "sheet 'measures'", 4, "firm"),
        ("values.range", "sheet 'kpis'", 5, "year"),
    }


def test_strict_counts_warnings_too(folder: ParkFolder) -> None:
    folder.set_cell("streams", "S06", "temperature", "")
    folder.add_column("firms", "remarks")
    park = read_park(folder.path)
    assert park.report.checks() == {"streams.heat_temperature", "columns.unknown"}
    assert len(park.report.warnings) == 2 and park.report.errors == []
    with pytest.raises(ParkValidationError, match=r"2 problem\(s\) found") as info:
        read_park(folder.path, strict=True)
    assert info.value.report.checks() == {"streams.heat_temperature", "columns.unknown"}


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_failed_read_returns_nothing_and_changes_nothing(folder: ParkFolder) -> None:
    folder.set_cell("firms", "F02_FEED", "sector", "foods")
    before = _snapshot(folder.path.parent)
    result = None
    with pytest.raises(ParkValidationError):
        result = read_park(folder.path)
    assert result is None
    assert _snapshot(folder.path.parent) == before


def test_from_records_with_errors_builds_nothing() -> None:
    records = park_records()
    records["firms"][1]["sector"] = "brewery"
    records["streams"][0]["unit"] = "t/fortnite"
    result = None
    with pytest.raises(ParkValidationError) as info:
        result = Park.from_records(records.pop("park"), **records)
    assert result is None
    assert {(i.check, i.table, i.row, i.column) for i in info.value.report.issues} == {
        ("values.enum", "firms", 2, "sector"),  # records are numbered from 1
        ("units.unknown", "streams", 1, "unit"),
    }
    assert only(info.value.report.issues, "values.enum").location == "table 'firms'"


def test_failed_folder_write_leaves_old_folder_intact(folder: ParkFolder, monkeypatch: pytest.MonkeyPatch) -> None:
    """Writing is all-or-nothing: a failure mid-way keeps the old files and leaves no temporary folder."""
    from eipkit.park import io_csv

    before = _snapshot(folder.path)
    original = io_csv.table_as_text

    def failing(frame: pl.DataFrame, name: str) -> pl.DataFrame:
        if name == "measures":
            raise RuntimeError("disk full")
        return original(frame, name)

    monkeypatch.setattr(io_csv, "table_as_text", failing)
    changed = build_park()
    with pytest.raises(RuntimeError, match="disk full"):
        write_park(Park.from_records({**PARK_RECORD, "name": "Đổi tên"}, firms=changed.firms.to_dicts()), folder.path)
    assert _snapshot(folder.path) == before
    assert [p.name for p in folder.path.parent.iterdir() if p.name.startswith(".eipkit-")] == []


def test_failed_workbook_write_leaves_old_workbook_intact(write_workbook: Callable[..., ParkWorkbook],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from eipkit.park import io_excel

    w = write_workbook()
    before = w.path.read_bytes()

    def failing(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(io_excel, "_write_lists", failing)
    with pytest.raises(RuntimeError, match="boom"):
        write_park(build_park(), w.path)
    assert w.path.read_bytes() == before
    assert sorted(p.name for p in w.path.parent.iterdir()) == [w.path.name]


def test_write_park_to_existing_file_path_fails_cleanly(tmp_path: Path) -> None:
    target = tmp_path / "not_a_folder"
    target.write_text("keep me", encoding="utf-8")
    with pytest.raises(OSError):
        write_park(build_park(), target)
    assert target.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not_a_folder"]


# -- messages ---------------------------------------------------------------------------------------


def test_vietnamese_messages_read_well(folder: ParkFolder) -> None:
    folder.set_cell("firms", "F02_FEED", "sector", "foods")
    folder.set_cell("streams", "S07", "months", "1-13")
    folder.set_park_field("leased_industrial_area", "300")
    with pytest.raises(ParkValidationError) as info:
        read_park(folder.path)
    issues = {i.check: i for i in info.value.report.issues}
    for issue in issues.values():
        print(issue.where("vi"), "-", issue.message("vi"), "->", issue.fix("vi"))
    enum = issues["values.enum"]
    assert enum.message("vi") == "'foods' không thuộc danh sách cho phép (-> 'food'?)"
    assert enum.where("vi") == "firms.csv, dòng 4, cột 'sector'"
    assert enum.fix("vi").startswith("dùng một trong các giá trị: food, seafood, beverage")
    assert issues["streams.months"].message("vi") == "'1-13' không phải danh sách tháng"
    assert issues["streams.months"].fix("vi") == "ghi các tháng 1-12 dạng danh sách hoặc khoảng, ví dụ '1-4,11-12'"
    leased = issues["land.leased_exceeds_industrial"]
    assert leased.message("vi") == "đất công nghiệp đã cho thuê 300.00 ha lớn hơn đất công nghiệp 280.00 ha"
    assert leased.where("vi") == "park.csv, dòng 19, cột 'leased_industrial_area'"
    assert leased.as_dict("vi")["message"] == leased.message("vi")
    assert str(enum).startswith("[error] values.enum: firms.csv, row 4, column 'sector': 'foods' is not an allowed")


def test_every_check_has_both_languages() -> None:
    for name, entry in CHECKS.items():
        assert entry["severity"] in ("error", "warning"), name
        for lang in ("en", "vi"):
            assert entry[lang]["message"] and entry[lang]["fix"], (name, lang)
        assert entry["en"]["message"] != entry["vi"]["message"] or "{reason}" in entry["en"]["message"], name


# -- regressions: bugs found while writing these tests (fixed in src since) -------------------------


# Was: the readers renamed exact duplicate headers ('name_duplicated_0', 'name_1') before header_map saw them, so
# columns.duplicate never fired; the second column was dropped with a columns.unknown warning and the file loaded.
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_exact_duplicate_header_is_an_error(kind: str, folder: ParkFolder,
                                            write_workbook: Callable[..., ParkWorkbook]) -> None:
    if kind == "csv":
        folder.rename_header("firms", "product", "name")
        path = folder.path
    else:
        w = write_workbook()
        w.rename_header("firms", "product", "name")
        path = w.save()
    with pytest.raises(ParkValidationError) as info:
        read_park(path)
    issue = only(info.value.report.issues, "columns.duplicate")
    assert issue.column == "name"


# Was: _build.record_to_raw renamed a duplicated park field 'name\\u200b', reported as an unknown column (warning).
def test_duplicate_park_field_is_an_error(folder: ParkFolder) -> None:
    rows = folder.rows("park")
    rows.append(["name", "KCN khác"])
    write_csv_rows(folder.file("park"), rows)
    with pytest.raises(ParkValidationError) as info:
        read_park(folder.path)
    issue = only(info.value.report.issues, "columns.duplicate")
    assert (issue.table, issue.column) == ("park", "name")


# Was: columns.unknown in park.csv had row None although the unknown field is on its own line.
def test_unknown_park_field_names_its_line(folder: ParkFolder) -> None:
    rows = folder.rows("park")
    rows.insert(3, ["colour", "green"])
    write_csv_rows(folder.file("park"), rows)
    park = read_park(folder.path)
    issue = only(park.report.issues, "columns.unknown")
    assert issue.value == "colour"
    assert issue.row == 4


# Was: with a unit in the header, range issues reported the value converted to the schema unit (-1 ha ->
# '-10000.0'), not the value as written.
def test_range_issue_names_value_as_written_with_header_unit(folder: ParkFolder) -> None:
    folder.rename_header("firms", "land_area", "land_area [ha]")
    for key, ha in (("F01_BREW", "5"), ("F02_FEED", "-1"), ("F03_STEEL", "12")):
        folder.set_cell("firms", key, "land_area", ha)
    with pytest.raises(ParkValidationError) as info:
        read_park(folder.path)
    issue = only(info.value.report.issues, "values.negative")
    assert issue.row == 4
    assert float(issue.value) == -1.0
    assert "-1" in issue.message() and "10000" not in issue.message()


# Was: 'nan' and 'inf' were accepted as numbers (a required quality value 'nan' passed values.required; 'NaN' in a
# min-0 column gave 'nan is outside the allowed range 0.0 to inf').
@pytest.mark.parametrize(("table", "key", "column", "text"), [
    ("qualities", "S03", "value", "nan"),
    ("firms", "F01_BREW", "revenue", "inf"),
    ("streams", "S03", "quantity", "NaN"),
])
def test_nan_and_inf_text_is_not_a_number(folder: ParkFolder, table: str, key: str, column: str, text: str) -> None:
    row = folder.set_cell(table, key, column, text)
    with pytest.raises(ParkValidationError) as info:
        read_park(folder.path)
    issue = only(info.value.report.issues, "values.type")
    assert (issue.table, issue.row, issue.column, issue.value) == (table, row, column, text)


# Was: Vietnamese messages embedded English fragments from params ('the park', 'a firm', 'an amount per period',
# "table 'firms'", 'of firm', code names, unit reasons).
@pytest.mark.parametrize("case_id", ["park_fact_for_firm", "flow_unit_is_concentration", "unknown_firm",
                                     "supply_stream_is_an_input", "waste_code_format", "stock_without_period"])
def test_vietnamese_messages_have_no_english_fragments(case_id: str, folder: ParkFolder) -> None:
    case = next(c for c in CSV_CASES if c.id == case_id)
    case.breaks(folder)
    with pytest.raises(ParkValidationError) as info:
        read_park(folder.path)
    vi = only(info.value.report.issues, case.check).message("vi")
    english = ("the park", "a firm", "an amount per period", "table '", " of firm ", "waste code", "has no period",
               "already has a period")
    assert not [w for w in english if w in vi], vi


# -- every check is exercised -----------------------------------------------------------------------

EXERCISED = {c.check for c in CSV_CASES} | {c.check for c in WORKBOOK_CASES} | {v[1][0] for v in VARIANTS}


def test_every_check_is_exercised() -> None:
    """Each check name in CHECKS appears in at least one parametrized case of this module, and no unknown name."""
    assert set(CHECKS) >= EXERCISED, EXERCISED - set(CHECKS)
    missing = set(CHECKS) - EXERCISED
    assert missing == set(), f"checks without a test: {sorted(missing)}"
    assert {c.check for c in CSV_CASES} == set(CHECKS)  # every check, even, with a CSV folder


def test_cases_have_unique_ids() -> None:
    for cases in (CSV_CASES, WORKBOOK_CASES):
        ids = [c.id for c in cases]
        assert len(ids) == len(set(ids))


def test_warning_checks_are_tested_as_warnings() -> None:
    warnings = {name for name, entry in CHECKS.items() if entry["severity"] == "warning"}
    assert warnings == {"columns.unknown", "codes.sector_mismatch", "coords.far", "firms.roof_exceeds_land",
                        "streams.undescribed", "streams.quantity_missing", "streams.hazardous_flag",
                        "streams.heat_temperature"}
    assert warnings <= {c.check for c in CSV_CASES}
    assert math.isclose(float(haversine_km(0.0, 0.0, 0.0, 1.0)), 111.19, abs_tol=0.01)

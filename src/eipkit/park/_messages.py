"""Messages of the named consistency checks, in English and Vietnamese.

Templates are filled with ``value``, ``column``, ``table`` and the issue's ``params``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["CHECKS"]


def _c(severity: str, en: tuple[str, str], vi: tuple[str, str]) -> dict[str, Any]:
    return {
        "severity": severity,
        "en": {"message": en[0], "fix": en[1]},
        "vi": {"message": vi[0], "fix": vi[1]},
    }


#: Every named check: default severity and its message and fix in English and Vietnamese.
CHECKS: dict[str, dict[str, Any]] = {
    "file.unreadable": _c(
        "error",
        ("the file cannot be read: {reason}", "check that it is a valid {kind} file and not open in another program"),
        ("không đọc được tệp: {reason}", "kiểm tra tệp đúng định dạng {kind} và không bị chương trình khác mở"),
    ),
    "file.missing_table": _c(
        "error",
        (
            "the required table '{table}' is missing",
            "add the sheet or file '{table}' (eipkit template shows its columns)",
        ),
        ("thiếu bảng bắt buộc '{table}'", "thêm trang tính hoặc tệp '{table}' (xem mẫu eipkit template)"),
    ),
    "columns.unknown": _c(
        "warning",
        ("unknown column '{value}' is ignored{suggestion}", "rename it to a column of the table or delete it"),
        ("cột '{value}' không có trong mẫu và bị bỏ qua{suggestion}", "đổi tên cho đúng cột của bảng hoặc xóa cột"),
    ),
    "columns.missing_required": _c(
        "error",
        ("the required column '{column}' is missing", "add a column '{column}' ({label})"),
        ("thiếu cột bắt buộc '{column}'", "thêm cột '{column}' ({label_vi})"),
    ),
    "columns.duplicate": _c(
        "error",
        ("column '{column}' appears twice", "keep one of the two columns"),
        ("cột '{column}' xuất hiện hai lần", "chỉ giữ một cột"),
    ),
    "columns.unit": _c(
        "error",
        (
            "the unit '{value}' in the header of '{column}' {reason}",
            "write a unit convertible to {unit}, e.g. '{column} [{unit}]'",
        ),
        (
            "đơn vị '{value}' ở tiêu đề cột '{column}' {reason_vi}",
            "ghi đơn vị quy đổi được sang {unit}, ví dụ '{column} [{unit}]'",
        ),
    ),
    "values.required": _c(
        "error",
        ("a value is required in '{column}'", "fill in '{column}' ({label})"),
        ("cột '{column}' bắt buộc phải có giá trị", "điền '{column}' ({label_vi})"),
    ),
    "values.type": _c(
        "error",
        ("'{value}' is not {expected}", "write {expected}, e.g. {example}"),
        ("'{value}' không phải {expected_vi}", "ghi {expected_vi}, ví dụ {example}"),
    ),
    "values.enum": _c(
        "error",
        ("'{value}' is not an allowed value{suggestion}", "use one of: {allowed}"),
        ("'{value}' không thuộc danh sách cho phép{suggestion}", "dùng một trong các giá trị: {allowed}"),
    ),
    "values.negative": _c(
        "error",
        (
            "{value} is negative",
            "enter a value of zero or more; an output is described by direction 'out', not a negative quantity",
        ),
        ("{value} là số âm", "nhập giá trị lớn hơn hoặc bằng 0; đầu ra được ghi bằng chiều 'out', không dùng số âm"),
    ),
    "values.range": _c(
        "error",
        ("{value} is outside the allowed range {low} to {high}", "enter a value between {low} and {high}"),
        ("{value} nằm ngoài khoảng cho phép {low} đến {high}", "nhập giá trị trong khoảng {low} đến {high}"),
    ),
    "ids.invalid": _c(
        "error",
        (
            "the id '{value}' contains characters other than letters, digits, '_', '-' and '.'",
            "use a short id such as 'F01_BREW' (no spaces)",
        ),
        ("mã '{value}' có ký tự ngoài chữ, số, '_', '-' và '.'", "dùng mã ngắn như 'F01_BREW' (không có dấu cách)"),
    ),
    "ids.duplicate": _c(
        "error",
        ("'{value}' is used more than once as {key} (first at row {first_row})", "give each row its own {key}"),
        ("'{value}' bị trùng {key} (lần đầu ở dòng {first_row})", "mỗi dòng phải có {key} riêng"),
    ),
    "refs.unknown": _c(
        "error",
        ("'{value}' is not an id in {target}{suggestion}", "use an id from {target}, or add a row for '{value}' there"),
        (
            "'{value}' không phải mã trong {target_vi}{suggestion}",
            "dùng mã có trong {target_vi}, hoặc thêm dòng '{value}' vào đó",
        ),
    ),
    "units.missing": _c(
        "error",
        ("'{column}' has a value but no unit in '{unit_column}'", "fill in '{unit_column}', e.g. {example}"),
        ("'{column}' có giá trị nhưng thiếu đơn vị ở cột '{unit_column}'", "điền '{unit_column}', ví dụ {example}"),
    ),
    "units.unknown": _c(
        "error",
        ("unknown unit '{value}'", "write a unit such as t/a, kg/day, m3/h, MWh/a, kW, mg/L, VND/t"),
        ("không nhận ra đơn vị '{value}'", "ghi đơn vị như t/a, kg/day, m3/h, MWh/a, kW, mg/L, VND/t"),
    ),
    "units.kind": _c(
        "error",
        ("the unit '{value}' is {kind}, but '{column}' needs {expected}", "write a unit of {expected}, e.g. {example}"),
        (
            "đơn vị '{value}' là {kind}, nhưng '{column}' cần {expected_vi}",
            "ghi đơn vị loại {expected_vi}, ví dụ {example}",
        ),
    ),
    "units.period": _c(
        "error",
        ("{reason}", "give the period once: either in the unit (t/month) or in the 'period' column (t + month)"),
        ("{reason_vi}", "chỉ ghi kỳ một lần: trong đơn vị (t/month) hoặc ở cột 'period' (t + month)"),
    ),
    "codes.format": _c(
        "error",
        ("'{value}' is not a valid {code_name}", "write {code_format}"),
        ("'{value}' không phải {code_name_vi} hợp lệ", "ghi theo dạng {code_format_vi}"),
    ),
    "codes.unknown": _c(
        "error",
        (
            "{code_name} '{value}' does not exist (division {division} is not used)",
            "check the code against the official list",
        ),
        (
            "{code_name_vi} '{value}' không tồn tại (không có ngành cấp 2 {division})",
            "đối chiếu mã với danh mục chính thức",
        ),
    ),
    "codes.sector_mismatch": _c(
        "warning",
        ("VSIC '{value}' (division {division}) is unusual for sector '{sector}'", "check the sector or the VSIC code"),
        (
            "mã VSIC '{value}' (ngành {division}) không điển hình cho ngành '{sector}'",
            "kiểm tra lại ngành hoặc mã VSIC",
        ),
    ),
    "coords.range": _c(
        "error",
        (
            "{value} is not a valid {axis} (allowed {low} to {high})",
            "enter decimal degrees (WGS 84), e.g. latitude 21.12, longitude 106.05",
        ),
        (
            "{value} không phải {axis_vi} hợp lệ (từ {low} đến {high})",
            "nhập độ thập phân (WGS 84), ví dụ vĩ độ 21.12, kinh độ 106.05",
        ),
    ),
    "coords.partial": _c(
        "error",
        ("only one of latitude and longitude is given", "give both coordinates or neither"),
        ("chỉ có một trong hai tọa độ vĩ độ, kinh độ", "ghi đủ cả hai tọa độ hoặc để trống cả hai"),
    ),
    "coords.far": _c(
        "warning",
        (
            "the firm is {distance_km:.1f} km from the park centre",
            "check the coordinates (latitude and longitude swapped?) or mark the firm role 'external'",
        ),
        (
            "doanh nghiệp cách tâm KCN {distance_km:.1f} km",
            "kiểm tra tọa độ (nhầm vĩ độ và kinh độ?) hoặc ghi vai trò 'external'",
        ),
    ),
    "land.split_exceeds_total": _c(
        "error",
        (
            "the land-use split adds up to {split:.2f} ha, more than the total area {total:.2f} ha",
            "correct the areas: industrial + green + roads + technical + social infrastructure must not exceed the total",
        ),
        (
            "tổng cơ cấu sử dụng đất là {split:.2f} ha, lớn hơn tổng diện tích {total:.2f} ha",
            "sửa diện tích: đất công nghiệp + cây xanh + giao thông + hạ tầng kỹ thuật + hạ tầng xã hội không vượt tổng",
        ),
    ),
    "land.leased_exceeds_industrial": _c(
        "error",
        (
            "leased industrial land {leased:.2f} ha exceeds industrial land {industrial:.2f} ha",
            "correct the leased or the industrial land area",
        ),
        (
            "đất công nghiệp đã cho thuê {leased:.2f} ha lớn hơn đất công nghiệp {industrial:.2f} ha",
            "sửa diện tích đã cho thuê hoặc đất công nghiệp",
        ),
    ),
    "firms.employees_breakdown": _c(
        "error",
        ("{part} ({value}) exceeds the number of employees ({total})", "correct the employee counts"),
        ("{part_vi} ({value}) lớn hơn tổng số lao động ({total})", "sửa lại số lao động"),
    ),
    "firms.roof_exceeds_land": _c(
        "warning",
        (
            "roof area {roof:.0f} m2 exceeds land area {land:.0f} m2",
            "check the areas (multi-storey roofs are rare; units m2)",
        ),
        ("diện tích mái {roof:.0f} m2 lớn hơn diện tích đất {land:.0f} m2", "kiểm tra diện tích (đơn vị m2)"),
    ),
    "streams.undescribed": _c(
        "warning",
        (
            "the stream has no resource class, waste code or description",
            "fill in at least 'description' so it can be classified",
        ),
        ("dòng không có loại tài nguyên, mã chất thải hay mô tả", "điền ít nhất cột 'description' để phân loại được"),
    ),
    "streams.quantity_missing": _c(
        "warning",
        ("the stream has no quantity", "give its quantity and unit; analyses skip streams without quantity"),
        ("dòng chưa có khối lượng", "điền khối lượng và đơn vị; các phân tích bỏ qua dòng không có khối lượng"),
    ),
    "streams.hazardous_flag": _c(
        "warning",
        (
            "EWC code '{value}' is marked hazardous (*) but 'hazardous' is false",
            "set 'hazardous' to true or correct the code",
        ),
        (
            "mã EWC '{value}' là chất thải nguy hại (*) nhưng cột 'hazardous' là false",
            "ghi 'hazardous' là true hoặc sửa mã",
        ),
    ),
    "streams.months": _c(
        "error",
        ("'{value}' is not a list of months", "write months 1-12 as a list or ranges, e.g. '1-4,11-12'"),
        ("'{value}' không phải danh sách tháng", "ghi các tháng 1-12 dạng danh sách hoặc khoảng, ví dụ '1-4,11-12'"),
    ),
    "streams.heat_temperature": _c(
        "warning",
        ("the heat stream has no temperature", "give 'temperature' (and 'target_temperature') in degC"),
        ("dòng nhiệt chưa có nhiệt độ", "điền 'temperature' (và 'target_temperature') theo độ C"),
    ),
    "exchanges.self_loop": _c(
        "error",
        (
            "supplier and receiver are the same firm '{value}'",
            "an exchange links two different firms; record internal reuse as an RECP measure",
        ),
        (
            "bên cung cấp và bên tiếp nhận cùng là '{value}'",
            "liên kết cộng sinh phải giữa hai doanh nghiệp khác nhau; tái sử dụng nội bộ ghi ở bảng giải pháp SXSH",
        ),
    ),
    "exchanges.stream_mismatch": _c(
        "error",
        (
            "stream '{value}' is {actual}, but the {role} needs {needed}",
            "use a stream of the {role} with direction '{direction}'",
        ),
        (
            "dòng '{value}' là {actual_vi}, nhưng {role_vi} cần {needed_vi}",
            "dùng dòng của {role_vi} có chiều '{direction}'",
        ),
    ),
    "facts.applies_to": _c(
        "error",
        (
            "fact '{value}' applies to {applies_to}, but '{entity}' is {actual}",
            "give this fact for {applies_to} ids only",
        ),
        (
            "nội dung '{value}' áp dụng cho {applies_to_vi}, nhưng '{entity}' là {actual_vi}",
            "chỉ ghi nội dung này cho mã {applies_to_vi}",
        ),
    ),
}

"""Named consistency checks across the rows and tables of a park.

Cell-level checks (types, allowed values, units, ranges) run while a table is typed; the checks
here look at whole tables: duplicate keys, references between tables, the land-use split,
coordinates, employee counts, exchange partners and streams. Each returns a list of
:class:`~eipkit.park.issues.Issue`; see :data:`eipkit.park.issues.CHECKS` for every check name.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import polars as pl

from eipkit.park._raw import RawTable
from eipkit.park.issues import Issue
from eipkit.park.schema import schema
from eipkit.vocab import vocabulary

__all__ = ["TABLE_CHECKS", "run_checks"]

_VSIC2018_DIVISIONS = frozenset(
    f"{d:02d}"
    for lo, hi in (
        (1, 3),
        (5, 9),
        (10, 33),
        (35, 35),
        (36, 39),
        (41, 43),
        (45, 47),
        (49, 53),
        (55, 56),
        (58, 63),
        (64, 66),
        (68, 68),
        (69, 75),
        (77, 82),
        (84, 84),
        (85, 85),
        (86, 88),
        (90, 93),
        (94, 96),
        (97, 98),
        (99, 99),
    )
    for d in range(lo, hi + 1)
)
_MONTHS = re.compile(r"^\s*(\d{1,2}(\s*-\s*\d{1,2})?)(\s*,\s*\d{1,2}(\s*-\s*\d{1,2})?)*\s*$")
_FAR_KM = 30.0

Frames = dict[str, pl.DataFrame]
Raws = dict[str, RawTable]


def _at(
    check: str, raw: RawTable, idx: int, column: str | None, value: Any, severity: str = "error", **params: Any
) -> Issue:
    return Issue(
        check,
        "error" if severity == "error" else "warning",
        raw.name,
        row=raw.file_row(idx),
        column=column,
        value=None if value is None else str(value),
        params=params,
        location=raw.location,
    )


def check_duplicates(frames: Frames, raws: Raws) -> list[Issue]:
    """``ids.duplicate``: the key of every table is unique."""
    issues: list[Issue] = []
    for name, frame in frames.items():
        table = schema()[name]
        if table.layout == "record" or frame.height == 0:
            continue
        key = list(table.key)
        indexed = frame.select(key).with_row_index("_i")
        dup = indexed.filter(
            pl.struct(key).is_duplicated() & pl.all_horizontal(pl.col(k).is_not_null() for k in key[:1])
        )
        first: dict[tuple[Any, ...], int] = {}
        for row in dup.iter_rows():
            idx, values = row[0], tuple(row[1:])
            if values not in first:
                first[values] = idx
                continue
            shown = "/".join("" if v is None else str(v) for v in values)
            issues.append(
                _at(
                    "ids.duplicate",
                    raws[name],
                    idx,
                    key[0],
                    shown,
                    key=" + ".join(key),
                    first_row=raws[name].file_row(first[values]),
                )
            )
    return issues


def _ids(frames: Frames, target: str) -> set[str]:
    if target == "park":
        return set(frames["park"].get_column("id").drop_nulls().to_list()) if "park" in frames else set()
    return set(frames[target].get_column(target_key(target)).drop_nulls().to_list()) if target in frames else set()


def target_key(table: str) -> str:
    """Name of the id column of ``table``."""
    return schema()[table].key[0]


def check_references(frames: Frames, raws: Raws) -> list[Issue]:
    """``refs.unknown``: every reference column points at an existing id."""
    issues: list[Issue] = []
    for name, frame in frames.items():
        for col in schema()[name].columns:
            if col.type != "ref" or col.ref is None:
                continue
            known: set[str] = set()
            for target in col.ref:
                known |= _ids(frames, target)
            values = frame.get_column(col.name)
            bad = values.is_not_null() & ~values.is_in(list(known))
            target_text = " or ".join(f"table '{t}'" for t in col.ref)
            for idx in bad.arg_true().to_list():
                value = values[idx]
                close = difflib.get_close_matches(str(value), list(known), n=1, cutoff=0.7)
                suggestion = f" (-> '{close[0]}'?)" if close else ""
                issues.append(
                    _at(
                        "refs.unknown",
                        raws[name],
                        idx,
                        col.name,
                        value,
                        target=target_text,
                        target_vi=" hoặc ".join(f"bảng '{t}'" for t in col.ref),
                        suggestion=suggestion,
                    )
                )
    return issues


def check_park_record(frames: Frames, raws: Raws) -> list[Issue]:
    """``land.split_exceeds_total``, ``land.leased_exceeds_industrial``, ``coords.partial`` (park)."""
    park = frames["park"]
    if park.height == 0:
        return []
    rec = park.row(0, named=True)
    raw = raws["park"]
    issues: list[Issue] = []
    parts = [
        "industrial_land_area",
        "green_area",
        "road_area",
        "technical_infrastructure_area",
        "social_infrastructure_area",
    ]
    split = sum(rec[p] or 0.0 for p in parts)
    total = rec["total_area"]
    if total is not None and split > total * (1 + 1e-9):
        issues.append(_at("land.split_exceeds_total", raw, 0, "total_area", total, split=split, total=total))
    leased, industrial = rec["leased_industrial_area"], rec["industrial_land_area"]
    if leased is not None and industrial is not None and leased > industrial * (1 + 1e-9):
        issues.append(
            _at(
                "land.leased_exceeds_industrial",
                raw,
                0,
                "leased_industrial_area",
                leased,
                leased=leased,
                industrial=industrial,
            )
        )
    if (rec["latitude"] is None) != (rec["longitude"] is None):
        missing = "latitude" if rec["latitude"] is None else "longitude"
        issues.append(_at("coords.partial", raw, 0, missing, None))
    return issues


def haversine_km(lat1: Any, lon1: Any, lat2: Any, lon2: Any) -> Any:
    r"""Great-circle distance in km between points given in degrees (vectorised).

    Uses the haversine formula on a sphere of radius 6,371 km:
    :math:`d = 2R\\arcsin\\sqrt{\\sin^2(\\Delta\\varphi/2)+\\cos\\varphi_1\\cos\\varphi_2\\sin^2(\\Delta\\lambda/2)}`.

    Examples
    --------
    >>> round(float(haversine_km(21.0, 105.8, 10.8, 106.7)), 0)
    1138.0
    """
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dphi, dlam = p2 - p1, np.radians(np.asarray(lon2) - np.asarray(lon1))
    a = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlam / 2) ** 2
    return 2 * 6371.0 * np.arcsin(np.sqrt(a))


def check_firms(frames: Frames, raws: Raws) -> list[Issue]:
    """Coordinates (``coords.partial``, ``coords.far``), employees, roof area, VSIC codes."""
    firms, raw = frames["firms"], raws["firms"]
    issues: list[Issue] = []
    lat, lon = firms.get_column("latitude"), firms.get_column("longitude")
    for idx in (lat.is_null() ^ lon.is_null()).arg_true().to_list():
        missing = "latitude" if lat[idx] is None else "longitude"
        issues.append(_at("coords.partial", raw, idx, missing, None))
    park = frames["park"].row(0, named=True) if frames["park"].height else {}
    if park.get("latitude") is not None and park.get("longitude") is not None:
        dist = haversine_km(lat.to_numpy(), lon.to_numpy(), park["latitude"], park["longitude"])
        far = (firms.get_column("role") != "external").to_numpy() & (np.nan_to_num(dist, nan=0.0) > _FAR_KM)
        for idx in np.flatnonzero(far):
            issues.append(
                _at("coords.far", raw, int(idx), "latitude", lat[int(idx)], "warning", distance_km=float(dist[idx]))
            )
    total = firms.get_column("employees")
    for part, vi in (("employees_female", "Số lao động nữ"), ("employees_local", "Số lao động địa phương")):
        values = firms.get_column(part)
        for idx in (values > total).fill_null(False).arg_true().to_list():
            issues.append(
                _at("firms.employees_breakdown", raw, idx, part, values[idx], part=part, part_vi=vi, total=total[idx])
            )
    roof, land = firms.get_column("roof_area"), firms.get_column("land_area")
    for idx in (roof > land).fill_null(False).arg_true().to_list():
        issues.append(
            _at("firms.roof_exceeds_land", raw, idx, "roof_area", roof[idx], "warning", roof=roof[idx], land=land[idx])
        )
    sectors = vocabulary("sectors")
    for col in ("vsic_2018", "isic_rev4"):
        codes = firms.get_column(col)
        name = "VSIC 2018 code" if col == "vsic_2018" else "ISIC Rev.4 code"
        for idx in codes.is_not_null().arg_true().to_list():
            division = str(codes[idx])[:2]
            if division not in _VSIC2018_DIVISIONS:
                issues.append(
                    _at(
                        "codes.unknown",
                        raw,
                        idx,
                        col,
                        codes[idx],
                        code_name=name,
                        code_name_vi=name.replace(" code", ""),
                        division=division,
                    )
                )
            elif col == "vsic_2018":
                sector = firms.get_column("sector")[idx]
                typical = sectors.get(sector, {}).get("vsic_divisions") if sector else None
                if typical and division not in typical:
                    issues.append(
                        _at(
                            "codes.sector_mismatch",
                            raw,
                            idx,
                            col,
                            codes[idx],
                            "warning",
                            division=division,
                            sector=sector,
                        )
                    )
    return issues


def check_streams(frames: Frames, raws: Raws) -> list[Issue]:
    """``streams.undescribed``, ``streams.quantity_missing``, hazardous flag, months, heat temperature."""
    if "streams" not in frames:
        return []
    s, raw = frames["streams"], raws["streams"]
    issues: list[Issue] = []
    undescribed = (
        s.get_column("resource_class").is_null()
        & s.get_column("description").is_null()
        & s.get_column("waste_code_vn").is_null()
        & s.get_column("ewc_code").is_null()
    )
    for idx in undescribed.arg_true().to_list():
        issues.append(_at("streams.undescribed", raw, idx, "description", None, "warning"))
    no_qty = s.get_column("quantity").is_null() & ~s.get_column("category").is_in(["service", "capacity"])
    for idx in no_qty.fill_null(False).arg_true().to_list():
        issues.append(_at("streams.quantity_missing", raw, idx, "quantity", None, "warning"))
    ewc, haz = s.get_column("ewc_code"), s.get_column("hazardous")
    for idx in (ewc.str.ends_with("*") & ~haz).fill_null(False).arg_true().to_list():
        issues.append(_at("streams.hazardous_flag", raw, idx, "hazardous", ewc[idx], "warning"))
    months = s.get_column("months")
    for value in months.drop_nulls().unique().to_list():
        if not _months_ok(value):
            for idx in (months == value).fill_null(False).arg_true().to_list():
                issues.append(_at("streams.months", raw, idx, "months", value))
    heat = (s.get_column("category") == "heat") & s.get_column("temperature").is_null()
    for idx in heat.fill_null(False).arg_true().to_list():
        issues.append(_at("streams.heat_temperature", raw, idx, "temperature", None, "warning"))
    return issues


def _months_ok(text: str) -> bool:
    if not _MONTHS.match(text):
        return False
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    return all(1 <= n <= 12 for n in numbers)


def check_exchanges(frames: Frames, raws: Raws) -> list[Issue]:
    """``exchanges.self_loop`` and ``exchanges.stream_mismatch``."""
    if "exchanges" not in frames or frames["exchanges"].height == 0:
        return []
    ex, raw = frames["exchanges"], raws["exchanges"]
    issues: list[Issue] = []
    sup, rec = ex.get_column("supplier"), ex.get_column("receiver")
    for idx in (sup == rec).fill_null(False).arg_true().to_list():
        issues.append(_at("exchanges.self_loop", raw, idx, "receiver", rec[idx]))
    streams = frames.get("streams")
    if streams is None:
        return issues
    owner = dict(
        zip(
            streams.get_column("id").to_list(),
            zip(streams.get_column("firm").to_list(), streams.get_column("direction").to_list(), strict=True),
            strict=True,
        )
    )
    for col, party, direction, role, role_vi in (
        ("supply_stream", "supplier", "out", "supplier", "bên cung cấp"),
        ("demand_stream", "receiver", "in", "receiver", "bên tiếp nhận"),
    ):
        for idx, (stream, firm) in enumerate(
            zip(ex.get_column(col).to_list(), ex.get_column(party).to_list(), strict=True)
        ):
            if stream is None or stream not in owner or firm is None:
                continue
            s_firm, s_dir = owner[stream]
            if s_firm != firm or s_dir != direction:
                issues.append(
                    _at(
                        "exchanges.stream_mismatch",
                        raw,
                        idx,
                        col,
                        stream,
                        actual=f"'{s_dir}' of firm '{s_firm}'",
                        needed=f"'{direction}' of firm '{firm}'",
                        actual_vi=f"'{s_dir}' của doanh nghiệp '{s_firm}'",
                        needed_vi=f"'{direction}' của doanh nghiệp '{firm}'",
                        role=role,
                        role_vi=role_vi,
                        direction=direction,
                    )
                )
    return issues


def check_facts(frames: Frames, raws: Raws) -> list[Issue]:
    """``facts.applies_to``: park facts are given for the park id, firm facts for firm ids."""
    if "facts" not in frames or frames["facts"].height == 0:
        return []
    facts, raw = frames["facts"], raws["facts"]
    park_ids = _ids(frames, "park")
    firm_ids = _ids(frames, "firms")
    vocab = vocabulary("facts")
    issues: list[Issue] = []
    for idx, (entity, fact) in enumerate(facts.select("entity", "fact").iter_rows()):
        if entity is None or fact is None or fact not in vocab:
            continue
        applies = vocab[fact]["applies_to"]
        actual = "the park" if entity in park_ids else "a firm" if entity in firm_ids else None
        if actual is None:
            continue
        if (applies == "park") != (actual == "the park"):
            issues.append(
                _at(
                    "facts.applies_to",
                    raw,
                    idx,
                    "entity",
                    fact,
                    entity=entity,
                    applies_to="the park" if applies == "park" else "firms",
                    actual=actual,
                    applies_to_vi="KCN" if applies == "park" else "doanh nghiệp",
                    actual_vi="KCN" if actual == "the park" else "một doanh nghiệp",
                )
            )
    return issues


#: Cross-table checks, run in this order after every table is typed.
TABLE_CHECKS: dict[str, Callable[[Frames, Raws], list[Issue]]] = {
    "duplicates": check_duplicates,
    "references": check_references,
    "park_record": check_park_record,
    "firms": check_firms,
    "streams": check_streams,
    "exchanges": check_exchanges,
    "facts": check_facts,
}


def run_checks(frames: Frames, raws: Raws) -> list[Issue]:
    """Run every cross-table check and return all issues."""
    issues: list[Issue] = []
    for check in TABLE_CHECKS.values():
        issues += check(frames, raws)
    return issues

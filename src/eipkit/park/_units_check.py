"""Unit checks of the per-row quantity columns, and the canonical values derived from them.

Each ``(table, value column)`` pair has a rule saying which kinds its unit may have:

* stream quantities, exchange quantities, firm output and measure savings must be amounts per
  period (or a stock with a ``period``) and are annualised (see :func:`eipkit.units.annual_factor`);
* a stream's unit cost must be currency per unit of the stream's own quantity kind;
* a quality value must match the dimension of its parameter (mg/L, fraction, °C ...).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import polars as pl

from eipkit.park._raw import RawTable
from eipkit.park.issues import Issue
from eipkit.units import CANONICAL_UNITS, UnitError, annual_factor, convert, kind_of, parse_unit
from eipkit.vocab import vocabulary

__all__ = ["check_units", "derive_columns"]

_FLOW_KINDS = ("mass_flow", "volume_flow", "energy_flow", "count_flow")
_COST_KIND = {
    "mass_flow": "unit_cost_mass",
    "volume_flow": "unit_cost_volume",
    "energy_flow": "unit_cost_energy",
    "count_flow": "unit_cost_count",
}
#: (table, value column, unit column, period column or None)
_FLOW_COLUMNS = (
    ("streams", "quantity", "unit", "period"),
    ("exchanges", "quantity", "unit", None),
    ("firms", "output_quantity", "output_unit", None),
    ("measures", "resource_saving", "saving_unit", None),
)
_EXAMPLES = {"flow": "t/a, m3/day, MWh/a, kW", "cost": "VND/t, VND/m3, VND/kWh"}


def _issue(check: str, raw: RawTable, idx: int, column: str, value: Any, **params: Any) -> Issue:
    return Issue(
        check,
        "error",
        raw.name,
        row=raw.file_row(idx),
        column=column,
        value=None if value is None else str(value),
        params=params,
        location=raw.location,
    )


def _missing_units(raw: RawTable, frame: pl.DataFrame, value: str, unit: str, example: str) -> list[Issue]:
    mask = frame.get_column(value).is_not_null() & frame.get_column(unit).is_null()
    return [
        _issue("units.missing", raw, idx, value, None, unit_column=unit, example=example)
        for idx in mask.arg_true().to_list()
    ]


def _flow_issues(raw: RawTable, frame: pl.DataFrame, value: str, unit: str, period: str | None) -> list[Issue]:
    issues = _missing_units(raw, frame, value, unit, _EXAMPLES["flow"])
    cols = [unit] + ([period] if period else [])
    pairs = frame.select(cols).unique().drop_nulls(unit).rows()
    for pair in pairs:
        u, p = pair[0], (pair[1] if period else None)
        try:
            parse_unit(u)
        except UnitError:
            continue  # already reported by the unit column
        try:
            annual_factor(u, p)
        except UnitError as exc:
            kind = _safe_kind(u)
            mask = frame.get_column(unit) == u
            if period:
                mask = mask & (frame.get_column(period).is_null() if p is None else frame.get_column(period) == p)
            stock = kind in ("mass", "volume", "energy", "count")
            check = "units.period" if stock or "already has a period" in str(exc) else "units.kind"
            for idx in mask.fill_null(False).arg_true().to_list():
                issues.append(
                    _issue(
                        check,
                        raw,
                        idx,
                        unit,
                        u,
                        reason=str(exc),
                        reason_vi=(
                            f"đơn vị '{u}' không có kỳ: ghi ví dụ '{u}/a' hoặc điền cột 'period'"
                            if stock
                            else f"đơn vị '{u}' đã có kỳ; để trống cột 'period'"
                        ),
                        kind=kind,
                        expected="an amount per period",
                        expected_vi="khối lượng theo kỳ",
                        example=_EXAMPLES["flow"],
                    )
                )
    return issues


def _safe_kind(unit: str) -> str:
    try:
        return kind_of(unit)
    except UnitError:
        return "of no known kind"


def check_units(raw_tables: dict[str, RawTable], frames: dict[str, pl.DataFrame]) -> list[Issue]:
    """Check every per-row unit against the kind its column needs."""
    issues: list[Issue] = []
    for table, value, unit, period in _FLOW_COLUMNS:
        if table in frames:
            issues += _flow_issues(raw_tables[table], frames[table], value, unit, period)
    if "streams" in frames:
        issues += _cost_issues(raw_tables["streams"], frames["streams"])
    if "qualities" in frames:
        issues += _quality_issues(raw_tables["qualities"], frames["qualities"])
    return issues


def _cost_issues(raw: RawTable, streams: pl.DataFrame) -> list[Issue]:
    issues = _missing_units(raw, streams, "unit_cost", "cost_unit", _EXAMPLES["cost"])
    pairs = streams.select("unit", "period", "cost_unit").unique().drop_nulls(["unit", "cost_unit"]).rows()
    for u, p, cu in pairs:
        try:
            flow_kind = annual_factor(u, p)[0]
            cost_kind = kind_of(cu)
        except UnitError:
            continue
        if cost_kind != _COST_KIND[flow_kind]:
            expected = CANONICAL_UNITS[_COST_KIND[flow_kind]]
            mask = (streams.get_column("unit") == u) & (streams.get_column("cost_unit") == cu)
            for idx in mask.fill_null(False).arg_true().to_list():
                issues.append(
                    _issue(
                        "units.kind",
                        raw,
                        idx,
                        "cost_unit",
                        cu,
                        kind=cost_kind,
                        expected=f"currency per unit of {flow_kind} ({expected})",
                        expected_vi=f"tiền tệ trên đơn vị {flow_kind} ({expected})",
                        example=expected,
                    )
                )
    return issues


def _quality_issues(raw: RawTable, qualities: pl.DataFrame) -> list[Issue]:
    issues: list[Issue] = []
    params = vocabulary("quality_parameters")
    for param, u in qualities.select("parameter", "unit").unique().drop_nulls().rows():
        entry = params.get(param)
        if entry is None:
            continue
        allowed = [entry["canonical"]] + ([entry["alt"]] if "alt" in entry else [])
        try:
            kind = kind_of(u)
        except UnitError:
            continue
        if kind not in [kind_of(a) for a in allowed]:
            mask = (qualities.get_column("parameter") == param) & (qualities.get_column("unit") == u)
            for idx in mask.fill_null(False).arg_true().to_list():
                issues.append(
                    _issue(
                        "units.kind",
                        raw,
                        idx,
                        "unit",
                        u,
                        kind=kind,
                        expected=" or ".join(kind_of(a) for a in allowed),
                        expected_vi=" hoặc ".join(kind_of(a) for a in allowed),
                        example=allowed[0],
                    )
                )
    return issues


def _annualise(
    frame: pl.DataFrame, value: str, unit: str, period: str | None, hours: np.ndarray
) -> tuple[pl.Series, pl.Series]:
    n = frame.height
    kinds = np.full(n, None, dtype=object)
    amounts = np.full(n, np.nan)
    values = frame.get_column(value).cast(pl.Float64).to_numpy()
    units = frame.get_column(unit)
    periods = frame.get_column(period) if period else pl.Series([None] * n, dtype=pl.String)
    keys = pl.DataFrame({"u": units, "p": periods}).with_row_index("i")
    for (u, p), group in keys.drop_nulls("u").group_by(["u", "p"], maintain_order=True):
        idx = group.get_column("i").to_numpy()
        try:
            kind, factor, uses_hours = annual_factor(str(u), None if p is None else str(p))
        except UnitError:
            continue
        kinds[idx] = kind
        amounts[idx] = values[idx] * factor * (hours[idx] if uses_hours else 1.0)
    return pl.Series(kinds.tolist(), dtype=pl.String), pl.Series(amounts).fill_nan(None)


def derive_columns(frames: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """Add canonical columns: annual ``amount`` and its ``amount_kind``; canonical quality values.

    * ``streams``: ``amount_kind``, ``amount`` (t/a, m³/a, MWh/a or piece/a), ``annual_cost`` (VND/a).
    * ``exchanges``, ``measures``: ``amount_kind``, ``amount``.
    * ``firms``: ``output_kind``, ``output_amount``.
    * ``qualities``: ``canonical_value`` in ``canonical_unit`` of the parameter.
    """
    out = dict(frames)
    firms = frames["firms"]
    firm_hours = dict(zip(firms.get_column("id").to_list(), firms.get_column("operating_hours").to_list(), strict=True))
    if "streams" in frames:
        s = frames["streams"]
        hours = s.get_column("operating_hours").to_numpy().astype(float)
        fallback = np.array([firm_hours.get(f) or 8760.0 for f in s.get_column("firm").to_list()], dtype=float)
        hours = np.where(np.isnan(hours), fallback, hours)
        kind, amount = _annualise(s, "quantity", "unit", "period", hours)
        cost = _canonical_cost(s, kind)
        out["streams"] = s.with_columns(
            kind.alias("amount_kind"), amount.alias("amount"), (cost * amount).alias("annual_cost")
        )
    for table, value, unit, party in (
        ("exchanges", "quantity", "unit", "supplier"),
        ("measures", "resource_saving", "saving_unit", "firm"),
    ):
        if table in frames:
            f = frames[table]
            # hourly and daily rates run during the supplier's (the firm's) operating hours
            hours = np.array([firm_hours.get(x) or 8760.0 for x in f.get_column(party).to_list()], dtype=float)
            kind, amount = _annualise(f, value, unit, None, hours)
            out[table] = f.with_columns(kind.alias("amount_kind"), amount.alias("amount"))
    hours = np.array([h or 8760.0 for h in firms.get_column("operating_hours").to_list()], dtype=float)
    kind, amount = _annualise(firms, "output_quantity", "output_unit", None, hours)
    out["firms"] = firms.with_columns(kind.alias("output_kind"), amount.alias("output_amount"))
    if "qualities" in frames:
        out["qualities"] = _canonical_qualities(frames["qualities"])
    return out


def _canonical_cost(streams: pl.DataFrame, kinds: pl.Series) -> pl.Series:
    """Return the unit cost in VND per canonical unit of the stream's amount kind (NaN where unknown)."""
    values = streams.get_column("unit_cost").cast(pl.Float64).to_numpy()
    result = np.full(streams.height, np.nan)
    keys = pl.DataFrame({"u": streams.get_column("cost_unit"), "k": kinds}).with_row_index("i")
    for (u, k), group in keys.drop_nulls().group_by(["u", "k"]):
        idx = group.get_column("i").to_numpy()
        try:
            result[idx] = convert(values[idx], str(u), CANONICAL_UNITS[_COST_KIND[str(k)]])
        except UnitError:
            continue
    return pl.Series(result).fill_nan(None)


def _canonical_qualities(qualities: pl.DataFrame) -> pl.DataFrame:
    params = vocabulary("quality_parameters")
    values = qualities.get_column("value").to_numpy().astype(float)
    out = np.full(qualities.height, np.nan)
    units_out: list[str | None] = [None] * qualities.height
    keys = qualities.select("parameter", "unit").with_row_index("i")
    for (param, u), group in keys.drop_nulls().group_by(["parameter", "unit"]):
        idx = group.get_column("i").to_numpy()
        entry = params.get(str(param))
        if entry is None:
            continue
        for target in [entry["canonical"]] + ([entry["alt"]] if "alt" in entry else []):
            try:
                out[idx] = convert(values[idx], str(u), target)
            except UnitError:
                continue
            for i in idx:
                units_out[int(i)] = target
            break
    return qualities.with_columns(
        pl.Series("canonical_value", out).fill_nan(None), pl.Series("canonical_unit", units_out, dtype=pl.String)
    )

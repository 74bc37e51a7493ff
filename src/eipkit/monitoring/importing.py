"""Bring a new year's data into a park: new KPI rows, or a whole new park file for the year.

:func:`import_year` never changes the park it is given; it returns a new, fully validated
:class:`~eipkit.park.Park`:

* **KPI rows** (a CSV file with the columns of the ``kpis`` table, a DataFrame or records) are
  added to the park's history. They are checked like any park data, against the park's firms,
  and problems name the row of the file.
* **A park file for the new year** (a park folder, a workbook or a :class:`Park` with the same
  park id and a ``data_year`` not older than the current one) replaces the park's tables; its KPI
  rows are added to the history, and with ``derive=True`` the year's resource totals computed
  from its streams (:func:`stream_kpis`) are added where no value was reported.

A KPI row of the history that the new data give again (same entity, indicator, year and month)
is an error unless ``replace=True``; nothing is overwritten silently.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import polars as pl

from eipkit.monitoring.series import MonitoringInputError
from eipkit.park import TABLES, Park, read_park
from eipkit.park._raw import RawTable, records_to_raw

__all__ = ["DERIVED_SOURCE", "import_year", "kpi_changes", "stream_kpis"]

#: ``source_note`` of KPI rows computed by :func:`stream_kpis`.
DERIVED_SOURCE = "eipkit: computed from the streams of the park file"

_KEY = ["entity", "indicator", "year", "month"]
_UNITS = {
    "electricity_use": "MWh/a",
    "fuel_use": "MWh/a",
    "water_use": "m3/a",
    "wastewater": "m3/a",
    "solid_waste": "t/a",
    "hazardous_waste": "t/a",
    "co2_emissions": "t/a",
}


def _indicator_masks() -> dict[str, pl.Expr]:
    """Return the definitions of :func:`eipkit.park.summary.park_totals` as masks on streams."""
    d_in, d_out = pl.col("direction") == "in", pl.col("direction") == "out"
    mass = pl.col("amount_kind") == "mass_flow"
    solid = d_out & mass & pl.col("category").is_in(["waste", "by_product"])
    energy = d_in & (pl.col("category") == "energy")
    volume = pl.col("amount_kind") == "volume_flow"
    return {
        "electricity_use": d_in & (pl.col("resource_class") == "electricity"),
        "fuel_use": energy & (pl.col("amount_kind") == "energy_flow") & (pl.col("resource_class") != "electricity"),
        "water_use": d_in & (pl.col("category") == "water") & volume,
        "wastewater": d_out & (pl.col("category") == "wastewater") & volume,
        "solid_waste": solid,
        "hazardous_waste": solid & pl.col("hazardous"),
        "co2_emissions": d_out & mass & pl.col("resource_class").is_in(["co2", "co2_concentrated"]),
    }


def stream_kpis(park: Park, year: int | None = None) -> pl.DataFrame:
    """Compute the year's resource KPIs of the park and of each firm from the park's streams.

    The indicators are the park totals of :func:`eipkit.park.summary.park_totals`
    (``electricity_use``, ``fuel_use`` [MWh/a], ``water_use``, ``wastewater`` [m³/a],
    ``solid_waste``, ``hazardous_waste``, ``co2_emissions`` [t/a]) with the same rules: tenants
    count fully, the operator for its own energy, materials and wastes, external partners never.
    A firm gets a row for an indicator when at least one of its streams counts towards it; the
    park row is the sum over firms.

    Parameters
    ----------
    park : Park
    year : int, optional
        Year of the rows (default: the park's ``data_year``).

    Returns
    -------
    polars.DataFrame
        Rows of the ``kpis`` table: ``entity``, ``indicator``, ``year``, ``month`` (null),
        ``value``, ``unit``, ``verified`` (False) and ``source_note`` (:data:`DERIVED_SOURCE`).

    Raises
    ------
    MonitoringInputError
        If no year is given and the park has no ``data_year``.
    """
    year = year if year is not None else park.meta.get("data_year")
    if year is None:
        raise MonitoringInputError(
            f"park '{park.id}' has no data_year: fill 'data_year' in the park sheet, or give the year"
        )
    roles = park.firms.select(pl.col("id").alias("firm"), "role")
    s = park.streams.join(roles, on="firm", how="left")
    own = (pl.col("role") == "tenant") | (
        (pl.col("role") == "operator") & ~pl.col("category").is_in(["water", "wastewater", "capacity", "service"])
    )
    s = s.filter(own)
    aggs = []
    for name, mask in _indicator_masks().items():
        aggs.append(pl.col("amount").filter(mask).fill_null(0.0).sum().alias(name))
        aggs.append(mask.fill_null(False).sum().alias(f"{name}__n"))
    per_firm = s.group_by("firm").agg(aggs).sort("firm")
    long = per_firm.unpivot(index="firm", on=list(_UNITS), variable_name="indicator", value_name="value")
    counts = per_firm.unpivot(
        index="firm", on=[f"{n}__n" for n in _UNITS], variable_name="indicator", value_name="n"
    ).with_columns(pl.col("indicator").str.strip_suffix("__n"))
    long = long.join(counts, on=["firm", "indicator"]).filter(pl.col("n") > 0)
    park_rows = (
        long.group_by("indicator", maintain_order=True)
        .agg(pl.col("value").sum())
        .with_columns(pl.lit(park.id).alias("firm"))
    )
    rows = pl.concat([park_rows.select("firm", "indicator", "value"), long.select("firm", "indicator", "value")])
    units = pl.DataFrame({"indicator": list(_UNITS), "unit": list(_UNITS.values())})
    return rows.join(units, on="indicator", how="left").select(
        pl.col("firm").alias("entity"),
        "indicator",
        pl.lit(int(year), pl.Int64).alias("year"),
        pl.lit(None, pl.Int64).alias("month"),
        pl.col("value").cast(pl.Float64),
        "unit",
        pl.lit(False).alias("verified"),
        pl.lit(DERIVED_SOURCE).alias("source_note"),
    )


def _raws(park: Park) -> dict[str, RawTable]:
    return {name: records_to_raw(name, park.table(name, derived=False), f"table '{name}'") for name in TABLES}


def _kpi_rows(new_data: str | os.PathLike[str] | pl.DataFrame | list[dict[str, Any]]) -> tuple[RawTable, str]:
    if isinstance(new_data, (pl.DataFrame, list)):
        return records_to_raw("kpis", new_data, "new KPI rows"), "new KPI rows"
    path = Path(new_data)
    try:
        frame = pl.read_csv(path, infer_schema=False, encoding="utf8")
    except (pl.exceptions.PolarsError, OSError, UnicodeDecodeError) as exc:
        raise MonitoringInputError(
            f"cannot read KPI rows from '{path}' ({str(exc).splitlines()[0]}); give a UTF-8 CSV file with the "
            "columns of the kpis table (entity, indicator, year, month, value, unit, verified, source_note)"
        ) from None
    frame = frame.rename({c: c.lstrip("\ufeff") for c in frame.columns})
    return RawTable("kpis", frame, location=path.name, first_row=2), str(path)


def _merge(history: pl.DataFrame, incoming: pl.DataFrame, replace: bool) -> pl.DataFrame:
    incoming = incoming.select(history.columns)
    clash = history.join(incoming.select(_KEY), on=_KEY, how="semi", nulls_equal=True)
    if clash.height and not replace:
        shown = ", ".join(
            f"{e}/{i}/{y}" + (f"-{m:02d}" if m is not None else "")
            for e, i, y, m in clash.select(_KEY).head(8).iter_rows()
        )
        more = f" and {clash.height - 8} more" if clash.height > 8 else ""
        raise MonitoringInputError(
            f"{clash.height} KPI value(s) are already in the park ({shown}{more}); remove them from the new data, "
            "or import with replace=True (CLI: --replace) to overwrite them"
        )
    kept = history.join(incoming.select(_KEY), on=_KEY, how="anti", nulls_equal=True)
    return pl.concat([kept, incoming]).sort(["entity", "indicator", "year", "month"], nulls_last=False)


def _is_park(new_data: object) -> bool:
    if isinstance(new_data, Park):
        return True
    if isinstance(new_data, (str, os.PathLike)):
        path = Path(new_data)
        return path.is_dir() or path.suffix.lower() in (".xlsx", ".xlsm")
    return False


def import_year(
    park: Park,
    new_data: Park | str | os.PathLike[str] | pl.DataFrame | list[dict[str, Any]],
    replace: bool = False,
    derive: bool = True,
) -> Park:
    """Return a new park with a new year's data added to ``park``'s monitoring history.

    Parameters
    ----------
    park : Park
        The park with its history (``kpis``).
    new_data : Park, path, polars.DataFrame or list of dict
        A CSV file, DataFrame or records of KPI rows; or a park (folder, workbook or
        :class:`Park`) for the new year.
    replace : bool
        Overwrite KPI values of the history that the new data give again.
    derive : bool
        For a new park file: add the year's resource totals computed from its streams
        (:func:`stream_kpis`) where no value is reported.

    Returns
    -------
    Park
        A new, validated park.

    Raises
    ------
    MonitoringInputError
        If the new data are another park, an older year, repeat existing values without
        ``replace``, or drop firms that the history refers to.
    ParkValidationError
        If the new data themselves are invalid (every problem, with file, row and column).
    """
    if _is_park(new_data):
        new = new_data if isinstance(new_data, Park) else read_park(new_data)  # type: ignore[arg-type]
        return _import_park(park, new, replace, derive)
    raw, label = _kpi_rows(new_data)  # type: ignore[arg-type]
    checked = Park.from_raw({**_raws(park), "kpis": raw}, source=label)
    merged = _merge(park.table("kpis", derived=False), checked.table("kpis", derived=False), replace)
    return Park.from_raw({**_raws(park), "kpis": records_to_raw("kpis", merged)}, source=park.source)


def _import_park(park: Park, new: Park, replace: bool, derive: bool) -> Park:
    if new.id != park.id:
        raise MonitoringInputError(
            f"the new data are park '{new.id}', not '{park.id}'; import the file of the same park"
        )
    old_year, new_year = park.meta.get("data_year"), new.meta.get("data_year")
    if old_year is not None and new_year is not None and new_year < old_year:
        raise MonitoringInputError(
            f"the new park file is for {new_year}, older than the current data year {old_year}; "
            "import the newer file into the older one, not the reverse"
        )
    merged = _merge(park.table("kpis", derived=False), new.table("kpis", derived=False), replace)
    if derive:
        if new_year is None:
            raise MonitoringInputError(
                "the new park file has no data_year: fill 'data_year' in its park sheet, or import with derive=False"
            )
        derived = stream_kpis(new, int(new_year)).join(
            merged.select("entity", "indicator", "year"), on=["entity", "indicator", "year"], how="anti"
        )
        merged = pl.concat([merged, derived.select(merged.columns)]).sort(
            ["entity", "indicator", "year", "month"], nulls_last=False
        )
    known = {new.id, *new.firms.get_column("id").to_list()}
    lost = sorted(set(merged.get_column("entity").to_list()) - known)
    if lost:
        raise MonitoringInputError(
            f"the history has KPI values of {', '.join(lost)}, which the new park file no longer lists; keep these "
            "firms in its firms table (with status 'closed' if they left)"
        )
    return Park.from_raw({**_raws(new), "kpis": records_to_raw("kpis", merged)}, source=new.source)


def kpi_changes(park: Park, updated: Park) -> pl.DataFrame:
    """List the KPI rows that differ between ``park`` and ``updated`` (e.g. before and after an import).

    Returns
    -------
    polars.DataFrame
        ``entity``, ``indicator``, ``year``, ``month``, ``change`` (``added``, ``changed`` or
        ``removed``), ``old_value``, ``new_value``, ``unit`` and ``source_note`` (of the new row).
    """
    cols = [*_KEY, "value", "unit", "source_note"]
    old = park.kpis.select(cols).rename({"value": "old_value", "unit": "old_unit", "source_note": "old_note"})
    new = updated.kpis.select(cols).rename({"value": "new_value"})
    both = old.join(new, on=_KEY, how="full", coalesce=True, nulls_equal=True)
    change = (
        pl.when(pl.col("old_value").is_null())
        .then(pl.lit("added"))
        .when(pl.col("new_value").is_null())
        .then(pl.lit("removed"))
        .when((pl.col("old_value") != pl.col("new_value")) | pl.col("old_unit").ne_missing(pl.col("unit")))
        .then(pl.lit("changed"))
    )
    out = both.with_columns(change.alias("change")).filter(pl.col("change").is_not_null())
    return out.select(
        *_KEY, "change", "old_value", "new_value", pl.coalesce("unit", "old_unit").alias("unit"), "source_note"
    ).sort(_KEY, nulls_last=False)

"""Screening of a park's wastes for co-processing in a cement kiln, and the kiln as a receiver.

:func:`screen_wastes` checks every solid or liquid waste and by-product a firm gives out (mass
streams, category ``waste`` or ``by_product``) against the acceptance criteria
(:mod:`eipkit.coprocessing.criteria`) and computes, for the wastes with a calorific value, the
heat they would supply, the thermal substitution rate of the kiln, the coal replaced and the CO2
saved (:mod:`eipkit.coprocessing.substitution`).

The kiln is a firm of sector ``building_materials`` with fuel use (the largest one, in or outside
the park, e.g. an external cement plant), or the firm given as ``kiln``. Its heat demand is the
energy of its fuel streams; the coal it burns sets the coal replaced and its CO2 factor.
:func:`kiln_receiver_streams` returns the kiln's acceptance as demand streams (park ``streams``
records) so that symbiosis matching can use it as a receiver.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import polars as pl

from eipkit.coprocessing.criteria import CRITERIA, check_limit, exclusion_reason, exclusion_source, resolve_limits
from eipkit.coprocessing.substitution import co2_saved, coal_replaced
from eipkit.factors import fuel_factor, fuel_of_class

__all__ = ["CoprocessingInputError", "KilnInfo", "Screening", "find_kiln", "kiln_receiver_streams", "screen_wastes"]

_SCALE = {"percent": 100.0, "mg/kg": 1e6}


class CoprocessingInputError(ValueError):
    """A co-processing input is missing or inconsistent (the message says how to fix it)."""


@dataclass(frozen=True)
class KilnInfo:
    """The receiving kiln: id, name, heat demand [MWh/a] and the coal it burns."""

    firm: str
    name: str
    fuel_energy: float
    coal_stream: str | None
    coal_calorific_value: float | None
    coal_price: float | None
    coal_fuel: str
    coal_factor: float


def _fuel_energy_rows(park: Any, firm: str) -> list[dict[str, Any]]:
    streams = park.streams.filter(
        (pl.col("firm") == firm)
        & (pl.col("direction") == "in")
        & (pl.col("category") == "energy")
        & (pl.col("resource_class") != "electricity")
    )
    rows = []
    for s in streams.iter_rows(named=True):
        if s["amount_kind"] == "energy_flow":
            energy = float(s["amount"])
        elif s["amount_kind"] == "mass_flow" and s["calorific_value"] is not None:
            energy = float(s["amount"]) * float(s["calorific_value"]) / 3.6
        else:
            energy = None
        rows.append({**s, "energy": energy})
    return rows


def find_kiln(park: Any, kiln: str | None = None, kiln_fuel: str | None = None) -> KilnInfo:
    """Return the cement kiln receiving the wastes (see the module docstring).

    Parameters
    ----------
    park : Park
        The park.
    kiln : str, optional
        Firm id of the kiln; default the building-materials firm with the largest fuel use.
    kiln_fuel : str, optional
        Fuel key of the coal burnt (default from its resource class: ``coal`` -> anthracite).

    Raises
    ------
    CoprocessingInputError
        When no kiln is found or the kiln has no fuel data.
    """
    firms = park.firms
    if kiln is not None:
        if kiln not in firms["id"].to_list():
            raise CoprocessingInputError(f"kiln '{kiln}' is not a firm of the park; add it (role external) first")
        candidates = [kiln]
    else:
        candidates = firms.filter(pl.col("sector") == "building_materials")["id"].to_list()
    best: tuple[float, str, list[dict[str, Any]]] | None = None
    for firm in candidates:
        rows = _fuel_energy_rows(park, firm)
        energy = sum(r["energy"] for r in rows if r["energy"] is not None)
        if energy > 0 and (best is None or energy > best[0]):
            best = (energy, firm, rows)
    if best is None:
        where = f"kiln '{kiln}'" if kiln else "no building_materials firm"
        raise CoprocessingInputError(
            f"{where} has fuel streams with energy data: give the kiln's fuels (quantity and calorific_value) "
            "or pass kiln=<firm id> of a cement plant"
        )
    energy, firm, rows = best
    coal_rows = [r for r in rows if r["resource_class"] == "coal" and r["energy"] is not None]
    coal = max(coal_rows, key=lambda r: r["energy"]) if coal_rows else None
    fuel = kiln_fuel or fuel_of_class("coal") or "anthracite"
    factor = fuel_factor(fuel).co2.require()
    name = str(firms.filter(pl.col("id") == firm)["name"][0])
    price = None
    if coal is not None and coal["annual_cost"] is not None and coal["amount"]:
        price = float(coal["annual_cost"]) / float(coal["amount"])
    return KilnInfo(
        firm,
        name,
        float(energy),
        None if coal is None else coal["id"],
        None if coal is None else float(coal["calorific_value"]),
        price,
        fuel,
        factor,
    )


@dataclass
class Screening:
    """Result of :func:`screen_wastes`.

    Attributes
    ----------
    wastes : polars.DataFrame
        One row per waste stream: properties, one result column per criterion (``check_<name>``),
        ``status`` (excluded, fails, incomplete, passes), ``reason``, ``energy`` [MWh/a],
        ``coal_replaced`` [t/a], ``co2_saved`` [t/a], ``disposal_cost`` [VND/a].
    criteria : polars.DataFrame
        Each criterion with its limit, unit, kind and status (user, set, unverified).
    kiln : KilnInfo
        The receiving kiln.
    totals : dict
        Mass and heat of the fuel wastes (with a calorific value), substitution rate, coal
        replaced and CO2 saved, for the wastes that pass and for all candidates (passing or
        incomplete).
    notes : list of str
        Caveats (unverified limits, missing data, kiln capacity).
    """

    wastes: pl.DataFrame
    criteria: pl.DataFrame
    kiln: KilnInfo
    totals: dict[str, float]
    notes: list[str] = field(default_factory=list)


def _quality_table(park: Any) -> dict[tuple[str, str], tuple[float, str]]:
    q = park.qualities.filter(pl.col("parameter").is_in(list(CRITERIA)))
    return {(r["stream"], r["parameter"]): (r["canonical_value"], r["canonical_unit"]) for r in q.iter_rows(named=True)}


def screen_wastes(
    park: Any,
    limits: Mapping[str, float | None] | None = None,
    limit_set: str | None = None,
    kiln: str | None = None,
    kiln_fuel: str | None = None,
    max_substitution: float | None = None,
    criteria: tuple[str, ...] | None = None,
    lang: str = "en",
) -> Screening:
    """Screen the park's wastes for co-processing in a cement kiln (see the module docstring).

    Parameters
    ----------
    park : Park
        The park.
    limits : mapping, optional
        Your acceptance limits by criterion (``{"chlorine": 0.5, "calorific_value": 15}``; units:
        MJ/kg, percent, mg/kg as in :data:`~eipkit.coprocessing.CRITERIA`); they replace the
        named set's values.
    limit_set : str, optional
        Named limit set (default ``qcvn_41_2025``, whose limits are unverified).
    kiln, kiln_fuel : str, optional
        Receiving kiln and the fuel key of its coal (:func:`find_kiln`).
    max_substitution : float, optional
        Largest share of the kiln's heat the wastes may supply (kiln operator's figure); without
        it the substitution is not capped and a note says so.
    criteria : tuple of str, optional
        Criteria to check (default all of :data:`~eipkit.coprocessing.CRITERIA`); e.g. only
        those your kiln's acceptance specification sets.
    lang : str
        Language of the exclusion reasons.
    """
    chosen = tuple(CRITERIA) if criteria is None else tuple(criteria)
    unknown = [c for c in chosen if c not in CRITERIA]
    if unknown or not chosen:
        raise CoprocessingInputError(f"unknown or no criteria {unknown}; choose from {', '.join(CRITERIA)}")
    resolved = {k: v for k, v in resolve_limits(limit_set, limits).items() if k in chosen}
    info = find_kiln(park, kiln, kiln_fuel)
    qualities = _quality_table(park)
    streams = park.streams.filter(
        (pl.col("direction") == "out")
        & pl.col("category").is_in(["waste", "by_product"])
        & (pl.col("amount_kind") == "mass_flow")
        & (pl.col("firm") != info.firm)
    )
    notes: list[str] = []
    rows = []
    for s in streams.iter_rows(named=True):
        props: dict[str, float | None] = {"calorific_value": s["calorific_value"], "moisture": s["moisture"]}
        for name, spec in CRITERIA.items():
            if name in props:
                continue
            found = qualities.get((s["id"], name))
            if found is None or found[1] != "1":
                props[name] = None
            else:
                props[name] = float(found[0]) * _SCALE[spec["unit"]]
        row: dict[str, Any] = {
            "stream": s["id"],
            "firm": s["firm"],
            "resource_class": s["resource_class"],
            "description": s["description"],
            "hazardous": s["hazardous"],
            "waste_code_vn": s["waste_code_vn"],
            "mass": s["amount"],
            "disposal_cost": s["annual_cost"],
            **props,
        }
        checks = {
            name: str(check_limit([props[name]], resolved[name]["value"], resolved[name]["kind"])[0])
            for name in resolved
        }
        row.update({f"check_{k}": v for k, v in checks.items()})
        reason = exclusion_reason(s["resource_class"], s["waste_code_vn"], lang)
        if reason is not None:
            row.update({"status": "excluded", "reason": reason})
        elif "fail" in checks.values():
            row.update({"status": "fails", "reason": ", ".join(k for k, v in checks.items() if v == "fail")})
        elif all(v == "pass" for v in checks.values()):
            row.update({"status": "passes", "reason": ""})
        else:
            open_items = [f"{k}: {v}" for k, v in checks.items() if v != "pass"]
            row.update({"status": "incomplete", "reason": "; ".join(open_items)})
        rows.append(row)
    wastes = (
        pl.DataFrame(rows, infer_schema_length=None)
        if rows
        else pl.DataFrame(
            schema={"stream": pl.String, "status": pl.String, "mass": pl.Float64, "calorific_value": pl.Float64}
        )
    )
    wastes = _add_substitution(park, wastes, info, max_substitution, notes)
    unverified = [k for k, v in resolved.items() if v["value"] is None]
    if unverified:
        notes.append(
            f"limit unverified for {', '.join(unverified)} (QCVN 41 values not confirmed against the "
            "published text): pass your acceptance limits"
        )
    notes.append(f"excluded classes: {exclusion_source()}")
    criteria_table = pl.DataFrame(
        [
            {"criterion": k, "kind": v["kind"], "unit": v["unit"], "limit": v["value"], "status": v["status"]}
            for k, v in resolved.items()
        ],
        schema={"criterion": pl.String, "kind": pl.String, "unit": pl.String, "limit": pl.Float64, "status": pl.String},
    )
    totals = _totals(wastes, info)
    return Screening(wastes, criteria_table, info, totals, notes)


def _add_substitution(
    park: Any, wastes: pl.DataFrame, info: KilnInfo, max_substitution: float | None, notes: list[str]
) -> pl.DataFrame:
    if wastes.is_empty() or "calorific_value" not in wastes.columns:
        return wastes
    usable = (pl.col("status").is_in(["passes", "incomplete"])) & pl.col("calorific_value").is_not_null()
    energy = (
        wastes.select(pl.when(usable).then(pl.col("mass") * pl.col("calorific_value") / 3.6).alias("energy"))["energy"]
        .cast(pl.Float64)
        .fill_null(np.nan)
        .to_numpy()
        .copy()
    )
    if max_substitution is not None:
        if not 0 < max_substitution <= 1:
            raise CoprocessingInputError("max_substitution is a share of the kiln's heat between 0 and 1")
        cap = max_substitution * info.fuel_energy
        total = float(np.nansum(energy))
        if total > cap:
            energy = energy * cap / total
            notes.append(f"wastes scaled down to the kiln's substitution cap ({max_substitution:.0%} of its heat)")
    else:
        notes.append("no kiln substitution cap given (max_substitution): all candidate wastes counted")
    factors, shares = [], []
    for rc in wastes["resource_class"].to_list():
        fuel = fuel_of_class(rc)
        f = fuel_factor(fuel) if fuel else None
        ok = f is not None and f.co2.verified and f.biogenic_share is not None
        factors.append(float(f.co2.value) if ok and f is not None and f.co2.value is not None else np.nan)
        shares.append(float(f.biogenic_share) if ok and f is not None and f.biogenic_share is not None else 0.0)
    coal = (
        None if info.coal_calorific_value is None else coal_replaced(np.nan_to_num(energy), info.coal_calorific_value)
    )
    saved = co2_saved(np.nan_to_num(energy), info.coal_factor, np.array(factors), np.array(shares))
    unknown_factor = np.isnan(np.array(factors)) & ~np.isnan(energy)
    if unknown_factor.any():
        notes.append(
            f"{int(unknown_factor.sum())} candidate wastes have no cited CO2 factor: CO2 saved not computed "
            "for them (coal replaced is)"
        )
    if coal is None:
        notes.append("the kiln's coal has no calorific value: coal replaced not computed")
    return wastes.with_columns(
        pl.Series("energy", energy, dtype=pl.Float64),
        pl.Series(
            "coal_replaced",
            np.where(np.isnan(energy), np.nan, coal) if coal is not None else np.full(energy.shape, np.nan),
            dtype=pl.Float64,
        ).fill_nan(None),
        pl.Series("co2_saved", np.where(np.isnan(energy), np.nan, saved), dtype=pl.Float64).fill_nan(None),
        pl.Series("waste_co2_factor", factors, dtype=pl.Float64).fill_nan(None),
    ).with_columns(pl.col("energy").fill_nan(None))


def _totals(wastes: pl.DataFrame, info: KilnInfo) -> dict[str, float]:
    out: dict[str, float] = {"kiln_fuel_energy": info.fuel_energy}
    if wastes.is_empty() or "energy" not in wastes.columns:
        return out
    for label, statuses in (("passes", ["passes"]), ("candidates", ["passes", "incomplete"])):
        part = wastes.filter(pl.col("status").is_in(statuses) & pl.col("energy").is_not_null())
        heat = float(part["energy"].sum())
        out[f"{label}_mass"] = float(part["mass"].sum())
        out[f"{label}_energy"] = heat
        out[f"{label}_substitution"] = heat / info.fuel_energy
        out[f"{label}_coal_replaced"] = float(part["coal_replaced"].drop_nulls().sum())
        out[f"{label}_co2_saved"] = float(part["co2_saved"].drop_nulls().sum())
        if info.coal_price is not None:
            out[f"{label}_coal_cost_saved"] = out[f"{label}_coal_replaced"] * info.coal_price
    return out


def kiln_receiver_streams(screening: Screening, statuses: tuple[str, ...] = ("passes", "incomplete")) -> pl.DataFrame:
    """Return the kiln's acceptance as demand streams (records of the park ``streams`` table).

    One ``in`` stream of category ``energy`` per resource class of the candidate wastes, with the
    candidates' total mass as quantity, so that symbiosis matching can pair the park's wastes
    with the kiln. Ids are ``<kiln>.coprocess_<class>``.
    """
    kiln = screening.kiln
    wastes = screening.wastes
    if wastes.is_empty() or "status" not in wastes.columns:
        return pl.DataFrame()
    chosen = wastes.filter(pl.col("status").is_in(list(statuses)) & pl.col("calorific_value").is_not_null())
    grouped = chosen.group_by("resource_class").agg(pl.col("mass").sum(), pl.col("calorific_value").min())
    return grouped.sort("resource_class").select(
        (pl.lit(f"{kiln.firm}.coprocess_") + pl.col("resource_class")).alias("id"),
        pl.lit(kiln.firm).alias("firm"),
        pl.lit("in").alias("direction"),
        pl.lit("energy").alias("category"),
        "resource_class",
        (pl.lit("Co-processing acceptance (eipkit screening) / Đồng xử lý: ") + pl.col("resource_class")).alias(
            "description"
        ),
        pl.col("mass").alias("quantity"),
        pl.lit("t/a").alias("unit"),
        pl.col("calorific_value"),
    )

r"""Feasibility of candidate pairs: units, quantity, timing, quality, temperature, fuel, hazard, distance.

Every check gives a status per candidate: ``pass``, ``warn`` (works, with a caveat), ``unknown``
(data missing: a test or a figure is needed) or ``fail``. A candidate is feasible when no check
fails. Symbols: supply *s*, demand *d*, annual amounts :math:`A` [t/a, m³/a or MWh/a].

Units
    :math:`f` = demand units per supply unit: 1 for the same amount kind; 1 between t and m³ of
    water; the steam enthalpy :math:`h` [MWh/t] between steam and heat; the calorific value
    :math:`LHV/3.6` [MWh/t] when a fuel in tonnes meets an energy demand; times the rule's
    yield. No conversion: ``fail``.

Timing (months :math:`M`, bit masks) and operating hours :math:`H`
    .. math:: a = |M_s \cap M_d|\,\min\!\left(\frac{A_s}{|M_s|}\,\phi_s,\;
              \frac{\sigma A_d}{f\,|M_d|}\,\phi_d\right)

    with :math:`\sigma` the rule's maximum share of the receiver's input and, for streams that
    cannot be stored (heat, steam, condensate), :math:`\phi_s = H/H_s`, :math:`\phi_d = H/H_d`,
    :math:`H = \min(H_s, H_d)` (coincident running is assumed and flagged); else
    :math:`\phi = 1`. :math:`a` is the matched amount [supply units/a]; coverage of the demand
    :math:`f a / A_d`. No common month: ``fail``; coverage below ``min_coverage``: ``warn`` (a
    small lot, worth pooling).

Temperature (heat rules, counter-current exchanger, constant heat capacity; Kemp 2007)
    Supply from :math:`T_s` to :math:`T_s'`, demand from :math:`T_d` to :math:`T_d'`, minimum
    approach :math:`\Delta T`:

    .. math:: \phi_d^T = \frac{\min(T_d', T_s - \Delta T) - T_d}{T_d' - T_d},\qquad
              \phi_s^T = \frac{T_s - \max(T_s', T_d + \Delta T)}{T_s - T_s'}

    clipped to [0, 1], multiply the available heat on each side. :math:`\phi = 0`: ``fail``;
    partial preheating: ``warn``; a missing temperature: ``unknown``. With only one demand
    temperature, :math:`T_s - \Delta T \ge T_{req}` is required.

Quality
    For each parameter limited by the receiver (``qualities`` rows with bound ``max``/``min``)
    or, where the receiver states nothing, by the rule's default conditions, the supply's
    measured value (or the value after the rule's processing, ``treated``) is compared.
    Receiver limits ``fail``; rule defaults ``fail`` or ``warn`` per their severity. A receiver
    limit without a supply value is ``unknown`` ("test needed"); a rule default is only checked
    when the supply has a value.

Hazard, fuel, distance
    Hazardous supplies need a rule for licensed receivers (else ``fail``). Moisture and
    calorific value against the rule's limits. Distance above the rule's reach ``fail``;
    a missing coordinate is ``unknown`` (the intra-park distance assumption is used).

References: Kemp, I. C. (2007) Pinch Analysis and Process Integration, 2nd ed.; rules and their
sources in ``eipkit/symbiosis/_data/rules.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt
import polars as pl

from eipkit.symbiosis.factors import Factors
from eipkit.symbiosis.knowledge import KnowledgeBase
from eipkit.symbiosis.quality import quality_table

__all__ = ["CHECKS", "STATUS", "assess_candidates", "heat_fractions", "matched_amount", "rules_frame"]

FloatArray = npt.NDArray[np.float64]

#: Status codes: the overall status of a candidate is the worst of its checks.
STATUS: dict[int, str] = {0: "fail", 1: "unknown", 2: "warn", 3: "pass"}
_FAIL, _UNKNOWN, _WARN, _PASS = 0, 1, 2, 3

#: Checks made on each candidate (column ``chk_<name>``).
CHECKS: tuple[str, ...] = ("units", "timing", "quantity", "quality", "temperature", "fuel", "hazard", "distance")


def rules_frame(kb: KnowledgeBase) -> pl.DataFrame:
    """Return one row per substitution rule with the attributes the engine needs."""
    rows = []
    for r in kb.rules.values():
        rows.append(
            {
                "rule": r.id,
                "effect": r.effect,
                "transport": r.transport,
                "hazard_rule": r.hazardous,
                "storable": r.storable,
                "dt_min": r.dtmin,
                "moisture_max": r.moisture_max,
                "calorific_min": r.calorific_min,
                "max_share": r.max_share,
                "vf_low": r.value_factor[0],
                "vf_mid": r.value_factor[1],
                "vf_high": r.value_factor[2],
                "yield": r.yield_,
                "displaced_fuel": r.displaced_fuel,
                "proc_low": r.processing_cost[0],
                "proc_mid": r.processing_cost[1],
                "proc_high": r.processing_cost[2],
                "capcap_low": r.capex_per_capacity[0],
                "capcap_mid": r.capex_per_capacity[1],
                "capcap_high": r.capex_per_capacity[2],
                "capfix_low": r.capex_fixed[0],
                "capfix_mid": r.capex_fixed[1],
                "capfix_high": r.capex_fixed[2],
                "type": r.type,
                "lifetime": r.lifetime,
                "receiver_sectors": list(r.receiver_sectors),
                "supplier_sectors": list(r.supplier_sectors),
                "receiver_activities": list(r.receiver_activities),
            }
        )
    return pl.DataFrame(rows, infer_schema_length=None).with_columns(
        pl.col("dt_min", "moisture_max", "calorific_min").cast(pl.Float64),
        pl.col("displaced_fuel").cast(pl.String),
        pl.col("receiver_sectors", "supplier_sectors", "receiver_activities").cast(pl.List(pl.String)),
    )


def heat_fractions(
    supply_temperature: FloatArray,
    supply_target: FloatArray,
    demand_temperature: FloatArray,
    demand_target: FloatArray,
    dtmin: FloatArray,
) -> tuple[FloatArray, FloatArray, FloatArray]:
    r"""Return the usable shares of supply and demand heat and a status code per pair.

    Implements :math:`\phi_s^T`, :math:`\phi_d^T` of the module docstring (NaN = missing).

    Examples
    --------
    >>> phi_s, phi_d, status = heat_fractions(
    ...     np.array([80.0, 80.0, 80.0]), np.array([35.0, 35.0, 35.0]),
    ...     np.array([25.0, 25.0, 70.0]), np.array([60.0, 80.0, 80.0]), np.array([10.0, 10.0, 10.0]))
    >>> phi_d.round(3).tolist(), status.tolist()
    ([1.0, 0.818, 0.0], [3, 2, 0])
    """
    ts, tst, td, tdt, dt = (
        np.asarray(x, dtype=float)
        for x in (supply_temperature, supply_target, demand_temperature, demand_target, dtmin)
    )
    both = ~np.isnan(td) & ~np.isnan(tdt) & (tdt > td)
    req = np.where(np.isnan(tdt), td, tdt)
    with np.errstate(invalid="ignore", divide="ignore"):
        phi_d = np.where(both, (np.minimum(tdt, ts - dt) - td) / (tdt - td), np.where(ts - dt >= req, 1.0, 0.0))
        floor = np.where(np.isnan(td), tst, np.fmax(tst, td + dt))
        phi_s = np.where(~np.isnan(tst) & (ts > tst), (ts - floor) / (ts - tst), np.where(ts - dt > td, 1.0, 0.0))
        phi_s = np.where(np.isnan(td) & np.isnan(tst), 1.0, phi_s)
    phi_d, phi_s = np.clip(np.nan_to_num(phi_d), 0, 1), np.clip(np.nan_to_num(phi_s), 0, 1)
    unknown = np.isnan(ts) | (np.isnan(td) & np.isnan(tdt))
    status = np.where(
        unknown, _UNKNOWN, np.where((phi_d <= 0) | (phi_s <= 0), _FAIL, np.where(phi_d < 1, _WARN, _PASS))
    )
    phi_d = np.where(unknown, 1.0, phi_d)
    phi_s = np.where(unknown, 1.0, phi_s)
    return phi_s, phi_d, status.astype(np.int8)


def matched_amount(
    supply_amount: FloatArray,
    demand_amount: FloatArray,
    unit_factor: FloatArray,
    months_common: FloatArray,
    months_supply: FloatArray,
    months_demand: FloatArray,
    share_supply: FloatArray,
    share_demand: FloatArray,
) -> FloatArray:
    r"""Return the matched amount :math:`a` [supply units/a] of the module docstring.

    ``share_supply`` and ``share_demand`` are the products of the hour and temperature shares
    (:math:`\phi_s`, :math:`\phi_d`) and, on the demand side, the rule's maximum share.

    Examples
    --------
    >>> float(matched_amount(np.array([1200.0]), np.array([600.0]), np.array([1.0]),
    ...     np.array([6.0]), np.array([12.0]), np.array([6.0]), np.array([1.0]), np.array([1.0]))[0])
    600.0
    """
    with np.errstate(invalid="ignore", divide="ignore"):
        per_s = supply_amount / months_supply * share_supply
        per_d = demand_amount * share_demand / (unit_factor * months_demand)
        out = months_common * np.minimum(per_s, per_d)
    return np.nan_to_num(out, nan=0.0, posinf=0.0)


def _popcount(col: str) -> pl.Expr:
    return pl.col(col).bitwise_count_ones().cast(pl.Float64)


def assess_candidates(
    pairs: pl.DataFrame,
    streams: pl.DataFrame,
    qualities: pl.DataFrame,
    kb: KnowledgeBase,
    factors: Factors,
    min_coverage: float = 0.01,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Join candidate pairs with their streams and rules and run every check.

    Parameters
    ----------
    pairs : polars.DataFrame
        Output of :func:`eipkit.symbiosis.candidate_pairs` (``s``, ``d``, ``rule``,
        ``distance_km``, ``reach_km``).
    streams : polars.DataFrame
        The stream table the pairs index into.
    qualities : polars.DataFrame
        ``stream``, ``parameter``, ``value``, ``bound`` (:func:`park_qualities`).
    kb, factors
        Knowledge base and factors of the study.
    min_coverage : float
        Share of the receiver's input below which a match is a small lot (``warn``).

    Returns
    -------
    candidates : polars.DataFrame
        One row per pair kept by the rules' sector limits, with ``cid``, stream attributes
        (``s_*``, ``d_*``), rule attributes, ``factor``, ``amount`` (matched, supply units/a),
        ``receiver_amount`` (demand units/a), ``coverage_demand``, ``coverage_supply``, one
        ``chk_<check>`` column per check (0-3), ``status`` (worst check) and ``feasible``.
    quality : polars.DataFrame
        :func:`quality_table` of the candidates.
    """
    rules = rules_frame(kb)
    st = streams.with_row_index("_i")
    used = pl.concat([pairs.get_column("s"), pairs.get_column("d")]).unique()
    st = st.filter(pl.col("_i").is_in(used.cast(st.schema["_i"]).implode()))
    s_cols = [pl.col(c).alias(f"s_{c}") for c in st.columns if c != "_i"]
    d_cols = [pl.col(c).alias(f"d_{c}") for c in st.columns if c != "_i"]
    cand = (
        pairs.join(st.select(pl.col("_i").alias("s"), *s_cols), on="s", how="left")
        .join(st.select(pl.col("_i").alias("d"), *d_cols), on="d", how="left")
        .join(rules, on="rule", how="left")
    )
    in_scope = (pl.col("receiver_sectors").list.len() == 0) | pl.col("receiver_sectors").list.contains(
        pl.col("d_sector")
    )
    in_scope &= (pl.col("supplier_sectors").list.len() == 0) | pl.col("supplier_sectors").list.contains(
        pl.col("s_sector")
    )
    prefix_ok = pl.any_horizontal(
        *[pl.col("receiver_activities").list.contains(pl.col("d_activity").str.slice(0, n)) for n in (2, 3, 4, 5)]
    )
    no_limit = pl.col("receiver_activities").list.len() == 0
    in_scope &= no_limit | pl.col("d_activity").is_null() | prefix_ok
    cand = cand.filter(in_scope.fill_null(False)).with_row_index("cid")
    cand = cand.with_columns(pl.col("cid").cast(pl.Int64))
    cv_typ = {c: (i.calorific_value[1] if i.calorific_value else None) for c, i in kb.info.items()}
    water = [c for c in kb.parents if kb.is_within(c, "water") or kb.is_within(c, "wastewater")]
    steam = [c for c in kb.parents if kb.is_within(c, "steam")]
    h_steam = factors.value("steam_enthalpy") / 3.6
    cv = pl.coalesce(
        "s_calorific_value", pl.col("s_class").replace_strict(cv_typ, default=None, return_dtype=pl.Float64)
    )
    same = pl.col("s_amount_kind") == pl.col("d_amount_kind")
    mass_vol = pl.concat_list("s_amount_kind", "d_amount_kind").list.sort() == pl.lit(["mass_flow", "volume_flow"])
    factor = (
        pl.when(same)
        .then(1.0)
        .when(mass_vol & pl.col("s_class").is_in(water) & pl.col("d_class").is_in(water))
        .then(1.0)
        .when(
            (pl.col("s_amount_kind") == "mass_flow")
            & (pl.col("d_amount_kind") == "energy_flow")
            & pl.col("s_class").is_in(steam)
        )
        .then(h_steam)
        .when(
            (pl.col("s_amount_kind") == "energy_flow")
            & (pl.col("d_amount_kind") == "mass_flow")
            & pl.col("d_class").is_in(steam)
        )
        .then(1.0 / h_steam)
        .when(
            (pl.col("s_amount_kind") == "mass_flow")
            & (pl.col("d_amount_kind") == "energy_flow")
            & (pl.col("effect") == "fuel")
        )
        .then(cv / 3.6)
        .otherwise(None)
    ) * pl.col("yield")
    cand = cand.with_columns(
        factor.alias("factor"),
        cv.alias("s_cv_used"),
        pl.col("s_calorific_value").is_null().alias("cv_assumed"),
        _popcount("s_months").alias("_ms"),
        _popcount("d_months").alias("_md"),
        (pl.col("s_months") & pl.col("d_months")).bitwise_count_ones().cast(pl.Float64).alias("_mc"),
    )
    col = {
        c: cand.get_column(c).cast(pl.Float64).to_numpy()
        for c in (
            "s_amount",
            "d_amount",
            "factor",
            "_ms",
            "_md",
            "_mc",
            "s_hours",
            "d_hours",
            "max_share",
            "dt_min",
            "s_temperature",
            "s_target_temperature",
            "d_temperature",
            "d_target_temperature",
            "distance_km",
            "reach_km",
            "s_moisture",
            "moisture_max",
            "s_cv_used",
            "calorific_min",
        )
    }
    storable = cand.get_column("storable").to_numpy().astype(bool)
    hours = np.minimum(col["s_hours"], col["d_hours"])
    with np.errstate(invalid="ignore", divide="ignore"):
        phi_hs = np.where(storable, 1.0, hours / col["s_hours"])
        phi_hd = np.where(storable, 1.0, hours / col["d_hours"])
    heat_rule = ~np.isnan(col["dt_min"])
    phi_ts, phi_td, chk_temp = heat_fractions(
        col["s_temperature"],
        col["s_target_temperature"],
        col["d_temperature"],
        col["d_target_temperature"],
        col["dt_min"],
    )
    phi_ts = np.where(heat_rule, phi_ts, 1.0)
    phi_td = np.where(heat_rule, phi_td, 1.0)
    chk_temp = np.where(heat_rule, chk_temp, _PASS)
    factor_arr = np.nan_to_num(col["factor"], nan=0.0)
    amount = matched_amount(
        col["s_amount"],
        col["d_amount"],
        np.where(factor_arr > 0, factor_arr, np.nan),
        col["_mc"],
        col["_ms"],
        col["_md"],
        phi_hs * phi_ts,
        phi_hd * phi_td * col["max_share"],
    )
    chk_units = np.where(factor_arr > 0, _PASS, _FAIL)
    chk_timing = np.where(col["_mc"] <= 0, _FAIL, np.where((phi_hs < 1) | (phi_hd < 1), _WARN, _PASS))
    with np.errstate(invalid="ignore", divide="ignore"):
        cov_d = np.nan_to_num(amount * factor_arr / col["d_amount"])
        cov_s = np.nan_to_num(amount / col["s_amount"])
    explained = (chk_units == _FAIL) | (chk_timing == _FAIL) | (chk_temp == _FAIL)
    chk_qty = np.where(amount <= 0, np.where(explained, _PASS, _FAIL), np.where(cov_d < min_coverage, _WARN, _PASS))
    moist = np.where(
        np.isnan(col["moisture_max"]),
        _PASS,
        np.where(
            np.isnan(col["s_moisture"]), _UNKNOWN, np.where(col["s_moisture"] <= col["moisture_max"], _PASS, _FAIL)
        ),
    )
    cal = np.where(
        np.isnan(col["calorific_min"]),
        _PASS,
        np.where(
            np.isnan(col["s_cv_used"]), _UNKNOWN, np.where(col["s_cv_used"] >= col["calorific_min"], _PASS, _FAIL)
        ),
    )
    haz = cand.get_column("s_hazardous").fill_null(False).to_numpy().astype(bool)
    licensed = (cand.get_column("hazard_rule") == "licensed").to_numpy()
    chk_haz = np.where(haz & ~licensed, _FAIL, np.where(haz, _WARN, _PASS))
    dist = col["distance_km"]
    chk_dist = np.where(np.isnan(dist), _UNKNOWN, np.where(dist <= col["reach_km"] + 1e-9, _PASS, _FAIL))
    cand = cand.drop("_ms", "_md", "_mc").with_columns(
        pl.Series("amount", amount),
        pl.Series("receiver_amount", amount * factor_arr),
        pl.Series("coverage_demand", cov_d),
        pl.Series("coverage_supply", cov_s),
        pl.Series("hours_shared", np.where(storable, np.nan, hours)),
        pl.Series("heat_share_demand", np.where(heat_rule, phi_td, np.nan)),
        pl.Series("supply_stream", cand.get_column("s_stream")),
        pl.Series("demand_stream", cand.get_column("d_stream")),
    )
    quality = quality_table(cand, qualities, kb)
    qual = quality.group_by("cid").agg(pl.col("status").min().alias("chk_quality"))
    checks = {
        "chk_units": chk_units,
        "chk_timing": chk_timing,
        "chk_quantity": chk_qty,
        "chk_temperature": chk_temp,
        "chk_fuel": np.minimum(moist, cal),
        "chk_hazard": chk_haz,
        "chk_distance": chk_dist,
    }
    cand = cand.with_columns(*[pl.Series(k, v.astype(np.int8)) for k, v in checks.items()])
    cand = cand.join(qual, on="cid", how="left").with_columns(pl.col("chk_quality").fill_null(_PASS).cast(pl.Int8))
    worst = pl.min_horizontal(*[f"chk_{c}" for c in CHECKS])
    cand = cand.with_columns(worst.alias("status"), (worst > _FAIL).alias("feasible")).sort("cid")
    return cand, quality


def status_names(codes: Mapping[str, int]) -> dict[str, str]:
    """Return ``{check: status name}`` for a row's ``chk_*`` codes."""
    return {k.removeprefix("chk_"): STATUS[int(v)] for k, v in codes.items()}

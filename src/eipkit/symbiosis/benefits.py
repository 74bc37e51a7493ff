r"""Money and environment of each candidate, as low / central / high ranges.

Joint view of the two partners (a transfer price between them cancels out). For a matched amount
:math:`a` [supply units/a] delivering :math:`fa` to the receiver:

Money [VND/a]
    .. math::
        B = a\,p_s + f a\,v\,p_d - a\,(c_{proc} + c_{tr}) - \omega I, \qquad
        I = k_{pipe} L + k_{cap}\,a + k_{hx}\,P + I_{fix}

    :math:`p_s` what the supplier pays now per unit (disposal fee; negative = sale income it
    forgoes), :math:`p_d` what the receiver pays now per unit of the input replaced (negative =
    a gate fee it loses), :math:`v` the rule's value factor, :math:`c_{proc}` processing,
    :math:`c_{tr} = h + r\,k_r d` truck transport per t (handling :math:`h`, rate :math:`r` per
    t-km, route factor :math:`k_r`, straight distance :math:`d`), :math:`I` investment (pipe
    :math:`k_{pipe}` per km of route :math:`L = k_r d`, capacity :math:`k_{cap}` per annual
    unit, heat exchangers :math:`k_{hx}` per kW of :math:`P = 1000\,fa/H`), :math:`\omega` O&M
    share. Receivers of heat without a price are valued at the assumed heat value.
    Net present value and payback (:func:`net_present_value`, :func:`simple_payback`) with the
    capital recovery factor :math:`\mathrm{CRF} = r(1+r)^n / ((1+r)^n - 1)`.

    The low case takes the low value factor and heat value and the high costs; the high case the
    reverse.

Environment [per year]
    Landfill diverted (t): :math:`a` when the supply goes to landfill now. Virgin material
    avoided (t): :math:`fa` for material and feed rules. Water saved (m³): :math:`fa` for water
    rules. Energy (MWh): heat delivered; fuel energy :math:`fa\,LHV/3.6`; sensible heat of
    returned condensate :math:`V c_p (T - T_{amb})/3600`.

CO2e avoided [t/a]
    Fuel rules: :math:`E\,(EF_{displ} - EF_{waste}\,[\text{not incinerated now}])` with
    :math:`E` [GJ] and IPCC 2006 factors [kg/GJ]/1000 (the waste's fossil CO2 counts only when it
    was not already burnt). Heat: :math:`3.6\,Q\,EF_{fuel}/\eta` with the receiver's fuel and
    boiler efficiency :math:`\eta`. Water: :math:`V e_w EF_{grid}` (supply electricity per m³).
    Minus truck transport :math:`a\,k_r d\,EF_{truck}`. Material, feed and CO2 re-use: not
    counted (flagged). Factors and their confidence: ``_data/factors.yaml``.

References: IPCC (2006) Vol. 2 Table 2.2; Viet Nam grid factor 2023 (DCC); CRF and NPV as in
standard engineering economics (e.g. Short, W. et al. (1995) A manual for the economic evaluation
of energy efficiency and renewable energy technologies, NREL/TP-462-5173).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import polars as pl

from eipkit.symbiosis.factors import Factors
from eipkit.symbiosis.knowledge import KnowledgeBase

__all__ = [
    "candidate_benefits",
    "capital_recovery_factor",
    "fuel_co2",
    "net_present_value",
    "receiver_fuels",
    "simple_payback",
    "truck_cost",
]

FloatArray = npt.NDArray[np.float64]
_CASES = ("low", "mid", "high")


def capital_recovery_factor(discount_rate: float | FloatArray, lifetime: float | FloatArray) -> FloatArray:
    r"""Return :math:`r(1+r)^n/((1+r)^n-1)` (:math:`1/n` when :math:`r = 0`).

    Examples
    --------
    >>> round(float(capital_recovery_factor(0.10, 10)), 4)
    0.1627
    """
    r = np.asarray(discount_rate, dtype=float)
    n = np.asarray(lifetime, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        growth = (1 + r) ** n
        out = np.where(r == 0, 1 / n, r * growth / (growth - 1))
    return np.asarray(out, dtype=float)


def net_present_value(
    annual_benefit: float | FloatArray,
    investment: float | FloatArray,
    discount_rate: float,
    lifetime: float | FloatArray,
) -> FloatArray:
    r"""Return :math:`-I + B / \mathrm{CRF}(r, n)` [VND].

    Examples
    --------
    >>> round(float(net_present_value(100.0, 300.0, 0.10, 10)), 2)
    314.46
    """
    crf = capital_recovery_factor(discount_rate, lifetime)
    return np.asarray(-np.asarray(investment, dtype=float) + np.asarray(annual_benefit, dtype=float) / crf, dtype=float)


def simple_payback(investment: float | FloatArray, annual_benefit: float | FloatArray) -> FloatArray:
    """Return :math:`I/B` [a]: 0 without investment, ``inf`` when the benefit is not positive.

    Examples
    --------
    >>> simple_payback(np.array([300.0, 0.0, 10.0]), np.array([100.0, 5.0, -1.0])).tolist()
    [3.0, 0.0, inf]
    """
    inv = np.asarray(investment, dtype=float)
    ben = np.asarray(annual_benefit, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(ben > 0, inv / ben, np.inf)
    return np.asarray(np.where((inv <= 0) & (ben > 0), 0.0, out), dtype=float)


def truck_cost(
    amount: FloatArray, distance_km: FloatArray, cost_per_tkm: float, handling_per_t: float, route_factor: float
) -> FloatArray:
    r"""Return the yearly truck cost :math:`a\,(h + r\,k_r d)` [VND/a] of moving ``amount`` [t/a].

    Examples
    --------
    >>> float(truck_cost(np.array([1000.0]), np.array([10.0]), 2500, 40000, 1.3)[0])
    72500000.0
    """
    return np.asarray(amount * (handling_per_t + cost_per_tkm * route_factor * distance_km), dtype=float)


def fuel_co2(energy_gj: FloatArray, factor_kg_per_gj: FloatArray) -> FloatArray:
    """Return t CO2 from fuel energy [GJ] and a factor [kg/GJ].

    Examples
    --------
    >>> float(fuel_co2(np.array([1000.0]), np.array([94.6]))[0])
    94.6
    """
    return np.asarray(energy_gj * factor_kg_per_gj / 1000.0, dtype=float)


def _arr(frame: pl.DataFrame, name: str) -> FloatArray:
    return np.asarray(frame.get_column(name).cast(pl.Float64).fill_null(np.nan).to_numpy(), dtype=float)


def candidate_benefits(candidates: pl.DataFrame, factors: Factors, receiver_fuel: dict[str, str]) -> pl.DataFrame:
    """Return the money and environment columns of assessed candidates.

    Parameters
    ----------
    candidates : polars.DataFrame
        Output of :func:`eipkit.symbiosis.assess_candidates`.
    factors : Factors
        Emission factors and assumptions.
    receiver_fuel : dict
        Firm id -> fuel key (``factors.fuels``) of the fuel the firm burns now; firms not listed
        are taken to burn anthracite coal (flagged).

    Returns
    -------
    polars.DataFrame
        ``cid`` and, for ``low``/``mid``/``high``: ``net_benefit_*`` [VND/a], ``investment_*``
        [VND], ``npv_*`` [VND], ``payback_*`` [a], ``co2e_*`` [t/a]; also ``landfill_diverted``
        [t/a], ``virgin_avoided`` [t/a], ``water_saved`` [m³/a], ``energy_saved`` [MWh/a],
        ``route_km``, ``unit_margin`` [VND per supply unit, central], ``fixed_cost`` [VND/a,
        central annualised investment and O&M] and ``money_flags`` (list of flag keys).
    """
    c = candidates
    n = c.height
    a = _arr(c, "amount")
    fa = _arr(c, "receiver_amount")
    effect = c.get_column("effect").to_numpy()
    transport = c.get_column("transport").to_numpy()
    s_kind = c.get_column("s_amount_kind").to_numpy()
    d_kind = c.get_column("d_amount_kind").to_numpy()
    s_cat = c.get_column("s_category").to_numpy()
    dest = c.get_column("s_destination").fill_null("").to_numpy()
    dist = _arr(c, "distance_km")
    flags: dict[str, npt.NDArray[np.bool_]] = {}

    def flag(mask: npt.NDArray[np.bool_], key: str) -> None:
        flags[key] = np.asarray(mask, dtype=bool)

    missing_d = np.isnan(dist)
    flag(missing_d, "distance_assumed")
    dist = np.where(missing_d, factors.value("intra_park_distance_km"), dist)
    route = dist * factors.value("route_factor")
    p_s = _arr(c, "s_price")
    no_ps = np.isnan(p_s)
    flag(no_ps & np.isin(s_cat, ["waste", "by_product", "material", "water", "wastewater"]), "supply_price_unknown")
    p_s = np.where(no_ps, 0.0, p_s)
    p_d = _arr(c, "d_price")
    heat = effect == "heat"
    no_pd = np.isnan(p_d)
    flag(no_pd & heat, "heat_value_assumed")
    flag(no_pd & ~heat, "demand_price_unknown")
    hv = factors.span("heat_value")
    ef_of_firm = {firm: factors.fuel_ef(key) for firm, key in receiver_fuel.items()}
    ef_recv = _arr(
        c.select(pl.col("d_firm").replace_strict(ef_of_firm, default=None, return_dtype=pl.Float64).alias("e")), "e"
    )
    flag(heat & np.isnan(ef_recv), "receiver_fuel_assumed")
    ef_recv = np.where(np.isnan(ef_recv), factors.fuel_ef("coal_anthracite"), ef_recv)
    pipe_mode = np.char.startswith(transport.astype(str), "pipeline")
    truck = transport == "truck"
    flag(truck & (s_kind == "volume_flow"), "volume_as_mass")
    lifetime = np.where(pipe_mode, 20.0, _arr(c, "lifetime"))
    hours = _arr(c, "hours_shared")
    kw = np.where(heat & (transport == "pipeline_heat"), 1000.0 * fa / np.where(np.isnan(hours), 8760.0, hours), 0.0)
    rate = factors.value("discount_rate")
    out: dict[str, FloatArray] = {}
    for i, case in enumerate(_CASES):
        j = 2 - i  # cost side takes the opposite end of its range
        vf = _arr(c, f"vf_{case}")
        value_d = np.where(no_pd, np.where(heat, hv[i], 0.0), np.where(p_d > 0, p_d * vf, p_d))
        gross = a * p_s + fa * value_d
        proc = a * _arr(c, f"proc_{_CASES[j]}")
        tr = np.where(
            truck,
            truck_cost(
                a,
                dist,
                factors.span("cost_per_tkm")[j],
                factors.span("handling_per_t")[j],
                factors.value("route_factor"),
            ),
            0.0,
        )
        pipe = np.zeros(n)
        for mode in ("pipeline_water", "pipeline_heat", "pipeline_steam"):
            pipe = np.where(transport == mode, factors.span(f"pipe_cost_per_km_{mode}")[j] * route, pipe)
        invest = (
            pipe
            + a * _arr(c, f"capcap_{_CASES[j]}")
            + _arr(c, f"capfix_{_CASES[j]}")
            + kw * factors.span("heat_exchanger_cost")[j]
        )
        om = factors.span("om_share")[j] * invest
        net = gross - proc - tr - om
        out[f"net_benefit_{case}"] = net
        out[f"investment_{case}"] = invest
        out[f"npv_{case}"] = net_present_value(net, invest, rate, lifetime)
        out[f"payback_{case}"] = simple_payback(invest, net)
        if case == "mid":
            with np.errstate(invalid="ignore", divide="ignore"):
                out["unit_margin"] = np.nan_to_num((gross - proc - tr) / a)
            out["fixed_cost"] = invest * capital_recovery_factor(rate, lifetime) + om
    mass = s_kind == "mass_flow"
    out["landfill_diverted"] = np.where((dest == "landfill") & mass, a, 0.0)
    out["virgin_avoided"] = np.where(np.isin(effect, ["material", "feed"]) & (d_kind == "mass_flow"), fa, 0.0)
    out["water_saved"] = np.where(effect == "water", fa, 0.0)
    cv = _arr(c, "s_cv_used")
    flag((effect == "fuel") & c.get_column("cv_assumed").to_numpy().astype(bool), "calorific_value_assumed")
    fuel_gj = np.where(effect == "fuel", fa * np.nan_to_num(cv), 0.0)
    steam_t = (effect == "heat") & (d_kind == "mass_flow")
    heat_mwh = np.where(steam_t, fa * factors.value("steam_enthalpy") / 3.6, np.where(heat, fa, 0.0))
    t_s = _arr(c, "s_temperature")
    condensate = (effect == "water") & ~np.isnan(t_s) & (c.get_column("s_class").to_numpy() == "condensate")
    cond_mwh = np.where(
        condensate, fa * 4.186 * np.clip(t_s - factors.value("ambient_temperature"), 0, None) / 3600.0, 0.0
    )
    heat_mwh = heat_mwh + cond_mwh
    out["energy_saved"] = heat_mwh + fuel_gj / 3.6
    ef_by_key = {k: v.value for k, v in factors.fuels.items()}
    ef_waste_class = {cls: factors.fuel_ef(key) for cls, key in factors.waste_fuel_of_class.items()}
    ef_displ = _arr(
        c.select(pl.col("displaced_fuel").replace_strict(ef_by_key, default=0.0, return_dtype=pl.Float64).alias("e")),
        "e",
    )
    ef_waste = _arr(
        c.select(pl.col("s_class").replace_strict(ef_waste_class, default=0.0, return_dtype=pl.Float64).alias("e")), "e"
    )
    burnt = dest == "incineration"
    co2_fuel = fuel_co2(fuel_gj, ef_displ - np.where(burnt, 0.0, ef_waste))
    flag(np.isin(effect, ["material", "feed"]), "co2_not_counted")
    eta = factors.span("boiler_efficiency")
    ew = factors.span("water_supply_electricity")
    tef = factors.span("truck_freight")
    grid = factors.value("grid_electricity")
    tkm = np.where(truck, a * route, 0.0)
    for i, case in enumerate(_CASES):
        j = 2 - i
        co2_heat = fuel_co2(3.6 * heat_mwh, ef_recv) / eta[j]
        co2_water = np.where(effect == "water", fa * ew[i] * grid / 1000.0, 0.0)
        out[f"co2e_{case}"] = co2_fuel + co2_heat + co2_water - tkm * tef[j] / 1000.0
    out["route_km"] = route
    frame = pl.DataFrame({"cid": c.get_column("cid"), **{k: pl.Series(k, v) for k, v in out.items()}})
    masks = pl.DataFrame({k: v for k, v in flags.items()})
    listed = masks.select(
        pl.concat_list([pl.when(pl.col(k)).then(pl.lit(k)) for k in flags]).list.drop_nulls().alias("money_flags")
    )
    return frame.with_columns(listed.get_column("money_flags"))


def receiver_fuels(streams: pl.DataFrame, factors: Factors, kb: KnowledgeBase) -> dict[str, str]:
    """Return firm -> fuel key of the fuel each firm burns most (by energy), from its input streams."""
    cv = {c: (i.calorific_value[1] if i.calorific_value else None) for c, i in kb.info.items()}
    fuels = streams.filter((pl.col("direction") == "in") & pl.col("class").is_in(list(factors.fuel_of_class)))
    energy = (
        pl.when(pl.col("amount_kind") == "energy_flow")
        .then(pl.col("amount"))
        .otherwise(
            pl.col("amount")
            * pl.coalesce("calorific_value", pl.col("class").replace_strict(cv, default=None, return_dtype=pl.Float64))
            / 3.6
        )
    )
    best = (
        fuels.with_columns(energy.alias("_e"))
        .filter(pl.col("_e") > 0)
        .sort("_e", descending=True)
        .unique("firm", keep="first")
    )
    return {f: factors.fuel_of_class[c] for f, c in best.select("firm", "class").iter_rows()}

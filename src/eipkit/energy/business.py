r"""Business models for on-site or off-site renewables: who invests, who pays what, per year.

All five models share one plant (capex :math:`I`, operating cost :math:`O` per year, lifetime
:math:`n`, degradation :math:`d`) and one hourly split of its output at the firm
(:class:`~eipkit.energy.SelfConsumption`). Year-1 values: self-consumed energy :math:`E_s`
[MWh], its value at the firm's hourly time-of-use tariff :math:`V_s = \sum_h S_h p_h` [VND],
surplus :math:`E_x` sold at the surplus price :math:`m` (previous-year average market price;
unverified, so 0 unless given) giving :math:`R_x = m E_x`. In year :math:`t \ge 1` energy values
are multiplied by :math:`g_t = (1 - d)^{t-1}`. Cash flows of the **firm** (the electricity user)
and of the **investor** (owner, when it is not the firm):

===================  =============================================  =============================================
model                firm, year t (year 0)                          investor, year t (year 0)
===================  =============================================  =============================================
``self_investment``  :math:`g_t (V_s + R_x) - O` (:math:`-I`)        -
``lease``            :math:`g_t (V_s + R_x) - O - A` for            :math:`A` for :math:`t \le T` (:math:`-I`)
                     :math:`t \le T`, then :math:`g_t (V_s+R_x) - O`
``onsite_ppa``       :math:`g_t\,\delta V_s`                        :math:`g_t ((1-\delta) V_s + R_x) - O` (:math:`-I`)
``dppa_private``     :math:`g_t (V_s - s E_s)`                      :math:`g_t (s E_s + R_x) - O` (:math:`-I - I_l`)
``dppa_grid``        :math:`g_t (V_s - (s + c) E_s)`                :math:`g_t (s E_s + m (E_G - E_s)) - O` (:math:`-I`)
===================  =============================================  =============================================

with the lease annuity :math:`A = I\,\mathrm{CRF}(r, T)` over the lease term :math:`T` (the
lessor earns the discount rate; the firm owns the plant afterwards), the PPA discount
:math:`\delta` on the tariff of each hour, the DPPA strike price :math:`s` (negotiated: when not
given, eipkit reports the break-even strikes of both sides instead of NPVs), the grid-DPPA
service charge :math:`c` and the private-line cost :math:`I_l`. In the grid-connected DPPA the
generator sells its whole output :math:`E_G` on the spot market and settles the contract for
difference on the matched volume :math:`E_s`, so the firm's net price is :math:`s + c`.

Metrics per side: NPV and IRR (:mod:`eipkit.finance`), simple payback, and the plant's LCOE.
Eligibility under Decree 57/2025/ND-CP is checked and reported (DPPA buyers >= 200,000 kWh/month,
grid DPPA generators >= 10 MW and buyers >= 22 kV), as is the licence needed to sell surplus
from >= 1 MW rooftop systems (Decree 135/2024/ND-CP).

References
----------
.. [1] Decree 58/2025/ND-CP (self-produced, self-consumed rooftop solar; owner and developer may
   differ) and Decree 57/2025/ND-CP (DPPA), both amended by Decree 243/2026/ND-CP; see
   vietnam-facts.md section 3.
.. [2] Short, W., Packey, D. J. and Holt, T. (1995). NREL/TP-462-5173 (NPV, IRR, LCOE, CRF).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import polars as pl

from eipkit.energy._validate import EnergyInputError, FloatArray, hourly, non_negative, share
from eipkit.energy.load import SelfConsumption, self_consumption
from eipkit.factors import Factor, cost_assumption, dppa_rule, hourly_tariff, rooftop_solar_rule, use_factor
from eipkit.finance import annuity, irr, lcoe, npv, payback_period

__all__ = ["MODELS", "BusinessCase", "BusinessComparison", "business_case", "business_models"]

#: Business models compared.
MODELS: tuple[str, ...] = ("self_investment", "lease", "onsite_ppa", "dppa_private", "dppa_grid")


@dataclass(frozen=True)
class BusinessCase:
    """Resolved numbers of a business-model comparison (every value in canonical units).

    Money in VND, energy in MWh, prices in VND/MWh, rates per year. Build it with
    :func:`business_case`; :func:`business_models` and the tornado vary its fields.
    """

    generation: FloatArray
    load: FloatArray
    tariff: FloatArray
    capacity: float
    capex: float
    annual_opex: float
    lifetime: int
    discount_rate: float
    degradation: float
    surplus_cap: float
    surplus_price: float
    lease_term: int
    ppa_discount: float
    strike_price: float | None
    service_charge: float
    line_capex: float
    voltage: str
    assumptions: tuple[Factor, ...] = ()
    notes: tuple[str, ...] = ()

    def selfuse(self) -> SelfConsumption:
        """Split of the generation at the firm, with the case's surplus cap."""
        return self_consumption(self.generation, self.load, surplus_cap=self.surplus_cap)


@dataclass
class BusinessComparison:
    """Result of :func:`business_models`.

    Attributes
    ----------
    summary : polars.DataFrame
        One row per model: firm and investor NPV [VND], IRR [1/a], payback [a], LCOE
        [VND/MWh], break-even strike prices [VND/MWh] and eligibility.
    cash_flows : polars.DataFrame
        Long table ``model, year, firm, investor`` [VND].
    energy : dict
        Year-1 energy totals [MWh/a] and shares.
    assumptions : list of Factor
        Every assumption with its value, confidence and source.
    notes : list of str
        Warnings (indicative defaults, unverified prices, eligibility).
    """

    summary: pl.DataFrame
    cash_flows: pl.DataFrame
    energy: dict[str, float]
    assumptions: list[Factor] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _assumption(
    name: str, value: Any, unit: str, default: str | None, notes: list[str], used: list[Factor], scale: float = 1.0
) -> float:
    if value is not None:
        used.append(Factor.user(name, float(value), unit))
        return float(value)
    if default is None:
        raise EnergyInputError(f"{name} has no cited default: pass {name} ({unit})")
    factor = cost_assumption(default)
    number = use_factor(factor, notes) * scale
    used.append(replace(factor, name=name, value=number, unit=unit))
    return number


def business_case(
    generation: Any,
    load: Any,
    capacity: float,
    capex: float | None = None,
    annual_opex: float | None = None,
    lifetime: int | None = None,
    discount_rate: float | None = None,
    degradation: float | None = None,
    tariff: Any = None,
    voltage: str = "22_to_110kv",
    schedule: str | None = None,
    surplus_cap: float | None = None,
    surplus_price: float | None = None,
    lease_term: int | None = None,
    ppa_discount: float | None = None,
    strike_price: float | None = None,
    service_charge: float | None = None,
    line_capex: float = 0.0,
    technology: str = "solar",
) -> BusinessCase:
    """Resolve every assumption of a business-model comparison, with cited defaults.

    Parameters
    ----------
    generation, load : array_like of 8760
        Hourly generator output and firm load [kW].
    capacity : float
        Plant capacity [kW] (kWp for PV).
    capex : float, optional
        Investment [VND]; PV default 11 million VND/kWp (>= 500 kWp) or 13 million (< 100 kWp),
        confidence L. Wind has no cited default (required).
    annual_opex : float, optional
        Operation and maintenance [VND/a]; PV default 1.5 % of capex (L).
    lifetime : int, optional
        Economic lifetime [a]; PV default 25 (L).
    discount_rate : float, optional
        Real discount rate [1/a]; default 0.08 (L).
    degradation : float, optional
        Output loss per year [1/a]; PV default 0.006 (L), wind 0.
    tariff : array_like of 8760, optional
        Hourly price the firm pays the grid [VND/MWh]; default EVN Decision 1279 for ``voltage``
        and time-of-use ``schedule``.
    voltage, schedule : str
        Tariff voltage level and time-of-use schedule (see :mod:`eipkit.factors.tariffs`).
    surplus_cap : float, optional
        Largest exported share of output (default 0.5, Decree 243/2026).
    surplus_price : float, optional
        Price of exported surplus and spot price [VND/MWh]; unverified in the sources, so 0 (with
        a note) unless given.
    lease_term : int, optional
        Lease term [a]; default 10 (L).
    ppa_discount : float, optional
        On-site PPA discount on the hourly tariff; default 0.10 (L).
    strike_price : float, optional
        DPPA contract price [VND/MWh]; negotiated, no default (break-even strikes reported).
    service_charge : float, optional
        Grid-DPPA service charge [VND/MWh]; default 420 VND/kWh (L, unverified example).
    line_capex : float
        Cost of the private line of a private-line DPPA [VND] (default 0, stated in the notes).
    technology : str
        ``solar``, ``wind`` or ``mix`` (chooses the cost defaults).
    """
    notes: list[str] = []
    used: list[Factor] = []
    gen = hourly(generation, "generation")
    demand = hourly(load, "load")
    size = non_negative(capacity, "capacity", "kW")
    if size <= 0:
        raise EnergyInputError("capacity must be positive (kW); a firm without roof area has no rooftop PV")
    solar = technology == "solar"
    if technology not in ("solar", "wind", "mix"):
        raise EnergyInputError(f"unknown technology '{technology}'; use solar, wind or mix")
    if capex is None and solar:
        key = "pv_capex_small" if size < 100 else "pv_capex_ci"
        unit_cost = use_factor(cost_assumption(key), notes)
        capex = unit_cost * size
        used.append(replace(cost_assumption(key), name="capex", value=capex, unit="VND"))
    elif capex is None:
        raise EnergyInputError(f"{technology}: capex has no cited default in eipkit; pass capex (VND)")
    else:
        used.append(Factor.user("capex", non_negative(capex, "capex", "VND"), "VND"))
    if annual_opex is None and not solar:
        raise EnergyInputError(f"{technology}: annual_opex has no cited default; pass annual_opex (VND/a)")
    opex = _assumption("annual_opex", annual_opex, "VND/a", "pv_om_share", notes, used, scale=float(capex))
    years = int(_assumption("lifetime", lifetime, "a", "pv_lifetime" if solar else None, notes, used))
    rate = _assumption("discount_rate", discount_rate, "1/a", "discount_rate", notes, used)
    if degradation is None and not solar:
        loss = 0.0
        used.append(Factor("degradation", 0.0, "1/a", "convention", "no output degradation assumed; pass degradation"))
    else:
        loss = _assumption("degradation", degradation, "1/a", "pv_degradation", notes, used)
    if not 0.0 <= loss < 1.0:
        raise EnergyInputError(f"degradation must be in [0, 1) per year, got {loss}")
    term = int(_assumption("lease_term", lease_term, "a", "lease_term", notes, used))
    delta = share(_assumption("ppa_discount", ppa_discount, "1", "ppa_discount", notes, used), "ppa_discount")
    if term > years:
        raise EnergyInputError(f"lease_term ({term} a) is longer than the lifetime ({years} a)")
    prices = hourly(tariff, "tariff") if tariff is not None else hourly_tariff(voltage, schedule)
    if tariff is None:
        used.append(
            Factor(
                "tariff",
                float(prices.mean()),
                "VND/MWh",
                "H",
                f"EVN Decision 1279/QĐ-BCT, {voltage}, {schedule or 'legacy_circular_16_2014'} (mean)",
            )
        )
    if surplus_price is None:
        rule = rooftop_solar_rule("surplus_price")
        notes.append(f"surplus price unverified ({rule.note}): exported energy valued at 0; pass surplus_price")
        market = 0.0
        used.append(rule)
    else:
        market = non_negative(surplus_price, "surplus_price", "VND/MWh")
        used.append(Factor.user("surplus_price", market, "VND/MWh"))
    if surplus_cap is None:
        cap = use_factor(rooftop_solar_rule("surplus_cap"), notes)
        used.append(rooftop_solar_rule("surplus_cap"))
    else:
        cap = share(surplus_cap, "surplus_cap")
    if service_charge is None:
        charge_factor = dppa_rule("service_charge")
        charge = use_factor(charge_factor, notes) * 1000.0
        used.append(replace(charge_factor, value=charge, unit="VND/MWh"))
    else:
        charge = non_negative(service_charge, "service_charge", "VND/MWh")
    strike = None if strike_price is None else non_negative(strike_price, "strike_price", "VND/MWh")
    line = non_negative(line_capex, "line_capex", "VND")
    if line == 0:
        notes.append("private-line DPPA: the cost of the private line is not included (pass line_capex)")
    return BusinessCase(
        gen,
        demand,
        prices,
        size,
        float(capex),
        opex,
        years,
        rate,
        loss,
        cap,
        market,
        term,
        delta,
        strike,
        charge,
        line,
        voltage,
        tuple(used),
        tuple(notes),
    )


def _model_flows(case: BusinessCase, model: str, selfuse: SelfConsumption) -> tuple[FloatArray, FloatArray | None]:
    n = case.lifetime
    t = np.arange(n + 1, dtype=float)
    g = np.where(t >= 1, (1.0 - case.degradation) ** (t - 1.0), 0.0)
    year = t >= 1
    e_self = float(selfuse.self_consumed.sum()) / 1000.0
    e_export = float(selfuse.exported.sum()) / 1000.0
    e_gen = float(selfuse.generation.sum()) / 1000.0
    value = float(selfuse.self_consumed @ case.tariff) / 1000.0
    export = case.surplus_price * e_export
    opex = case.annual_opex * year
    firm = np.zeros(n + 1)
    investor: FloatArray | None = np.zeros(n + 1)
    assert investor is not None
    if model == "self_investment":
        firm = np.asarray(g * (value + export) - opex, dtype=float)
        firm[0] = -case.capex
        investor = None
    elif model == "lease":
        payment = float(annuity(case.capex, case.discount_rate, case.lease_term))
        within = year & (t <= case.lease_term)
        firm = g * (value + export) - opex - payment * within
        investor = np.asarray(payment * within, dtype=float)
        investor[0] = -case.capex
    elif model == "onsite_ppa":
        firm = g * case.ppa_discount * value
        investor = np.asarray(g * ((1.0 - case.ppa_discount) * value + export) - opex, dtype=float)
        investor[0] = -case.capex
    elif model in ("dppa_private", "dppa_grid"):
        strike = case.strike_price if case.strike_price is not None else np.nan
        if model == "dppa_private":
            firm = g * (value - strike * e_self)
            investor = np.asarray(g * (strike * e_self + export) - opex, dtype=float)
            investor[0] = -case.capex - case.line_capex
        else:
            firm = g * (value - (strike + case.service_charge) * e_self)
            investor = np.asarray(g * (strike * e_self + case.surplus_price * (e_gen - e_self)) - opex, dtype=float)
            investor[0] = -case.capex
    else:
        raise EnergyInputError(f"unknown business model '{model}'; known: {', '.join(MODELS)}")
    return np.asarray(firm, dtype=float), investor


def _metrics(flows: FloatArray | None, rate: float) -> tuple[float, float, float]:
    if flows is None or not np.all(np.isfinite(flows)):
        return float("nan"), float("nan"), float("nan")
    return float(npv(flows, rate)), float(irr(flows)), float(payback_period(flows))


def _break_even(case: BusinessCase, model: str, selfuse: SelfConsumption) -> tuple[float, float]:
    """Strike prices [VND/MWh] at which the firm and the investor break even (NPV = 0)."""
    e_self = float(selfuse.self_consumed.sum()) / 1000.0
    if e_self <= 0:
        return float("nan"), float("nan")
    t = np.arange(1, case.lifetime + 1, dtype=float)
    disc = (1.0 + case.discount_rate) ** -t
    a, b = float(disc.sum()), float(((1.0 - case.degradation) ** (t - 1.0) * disc).sum())
    value = float(selfuse.self_consumed @ case.tariff) / 1000.0
    e_gen = float(selfuse.generation.sum()) / 1000.0
    if model == "dppa_private":
        other = case.surplus_price * float(selfuse.exported.sum()) / 1000.0
        firm = value / e_self
        invest = case.capex + case.line_capex
    else:
        other = case.surplus_price * (e_gen - e_self)
        firm = value / e_self - case.service_charge
        invest = case.capex
    investor = (invest + case.annual_opex * a - other * b) / (e_self * b)
    return firm, investor


def _eligibility(case: BusinessCase, model: str, selfuse: SelfConsumption) -> str:
    monthly_kwh = float(selfuse.load.sum()) / 12.0
    problems = []
    if model.startswith("dppa"):
        minimum = dppa_rule("large_customer_min").require()
        if monthly_kwh < minimum:
            problems.append(f"buyer uses {monthly_kwh:,.0f} kWh/month < {minimum:,.0f} (Decree 57/2025)")
    if model == "dppa_grid":
        if case.capacity < dppa_rule("grid_generator_min").require() * 1000.0:
            problems.append(f"generator {case.capacity / 1000:.1f} MW < 10 MW (Decree 57/2025)")
        if case.voltage in ("lt_6kv", "6_to_22kv"):
            problems.append("buyer below 22 kV (Decree 57/2025)")
    if model in ("self_investment", "lease", "onsite_ppa") and float(selfuse.exported.sum()) > 0:
        limit = rooftop_solar_rule("licence_required_if_selling_surplus_kw_ge").require()
        if case.capacity >= limit:
            problems.append(f"selling surplus from >= {limit:,.0f} kW needs planning inclusion and a licence")
    return "; ".join(problems) if problems else "eligible"


def business_models(case: BusinessCase, models: tuple[str, ...] = MODELS) -> BusinessComparison:
    """Compare business models on one :class:`BusinessCase` (see the module docstring).

    Examples
    --------
    >>> import numpy as np
    >>> gen = np.full(8760, 100.0); load = np.full(8760, 200.0)
    >>> case = business_case(gen, load, 1000.0, capex=1e10, annual_opex=1e8, lifetime=20,
    ...                      discount_rate=0.08, degradation=0.0, tariff=np.full(8760, 2e6),
    ...                      lease_term=10, ppa_discount=0.1, service_charge=0.0, surplus_price=0.0)
    >>> result = business_models(case, ("self_investment",))
    >>> round(result.summary["firm_npv"][0] / 1e9, 2)   # 1.652e9 VND/a for 20 years at 8 % - 1e10
    6.22
    """
    selfuse = case.selfuse()
    notes = list(case.notes) + [n for n in selfuse.notes if n not in case.notes]
    totals = selfuse.totals()
    if totals["generation"] <= 0:
        raise EnergyInputError("the generator produces no energy; check the capacity and the profile")
    plant_lcoe = float(
        lcoe(case.capex, case.annual_opex, totals["generation"], case.discount_rate, case.lifetime, case.degradation)
    )
    rows, flows = [], []
    for model in models:
        firm, investor = _model_flows(case, model, selfuse)
        firm_npv, firm_irr, firm_payback = _metrics(firm, case.discount_rate)
        inv_npv, inv_irr, inv_payback = _metrics(investor, case.discount_rate)
        be_firm, be_investor = (
            _break_even(case, model, selfuse) if model.startswith("dppa") else (float("nan"), float("nan"))
        )
        rows.append(
            {
                "model": model,
                "firm_npv": firm_npv,
                "firm_irr": firm_irr,
                "firm_payback": firm_payback,
                "investor_npv": inv_npv,
                "investor_irr": inv_irr,
                "investor_payback": inv_payback,
                "firm_saving_year1": float(firm[1]) if np.isfinite(firm[1]) else float("nan"),
                "lcoe": plant_lcoe,
                "strike_break_even_firm": be_firm,
                "strike_break_even_investor": be_investor,
                "eligibility": _eligibility(case, model, selfuse),
            }
        )
        for year in range(case.lifetime + 1):
            flows.append(
                {
                    "model": model,
                    "year": year,
                    "firm": float(firm[year]),
                    "investor": None if investor is None else float(investor[year]),
                }
            )
    if case.strike_price is None and any(m.startswith("dppa") for m in models):
        notes.append("DPPA strike price is negotiated: NPVs need strike_price; break-even strikes are shown")
    summary = pl.DataFrame(rows, schema_overrides={"firm_npv": pl.Float64, "investor_npv": pl.Float64})
    return BusinessComparison(summary, pl.DataFrame(flows), totals, list(case.assumptions), notes)

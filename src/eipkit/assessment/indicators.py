"""Indicators computed from park data, for one park or hundreds at once.

Each indicator has a key, a kind (share in %, count, yes/no, years, ratio) and a function that
computes it for every park of a :class:`~eipkit.assessment.ParkStack` with polars expressions
(no loop over parks). Labels, units and the wording of gaps are data (``_indicators.yaml``).
Besides the fixed keys there are three families built on the facts vocabulary:

* ``fact:<key>`` — a yes/no park fact with its evidence (e.g. ``fact:ghg_programme``);
* ``firm_share:<key>`` — share of firms with a firm fact (e.g. ``firm_share:anti_harassment``);
* ``firm_share_large:<key>`` — the same among firms with more than 100 workers.

A criteria catalogue refers to indicators by key; a new framework can use any of them without
code. The maths of each indicator is in the docstring of its function (``_ind_*.py``).

>>> indicator_spec("recp_applying_share").unit
'%'
>>> indicator_spec("fact:ghg_programme").label("en")
'GHG monitoring and reduction programme'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import polars as pl
import yaml

from eipkit.assessment import _ind_facts, _ind_firms, _ind_flows
from eipkit.assessment._ind_common import IND_SCHEMA, Compute, Context
from eipkit.assessment._stack import ParkStack
from eipkit.vocab import vocabulary

__all__ = ["INDICATORS", "IndicatorSpec", "compute_indicators", "indicator_spec"]

_UNITS = {"share": "%", "count": "count", "boolean": "yes/no", "years": "years", "ratio": "ratio"}

#: Compute function of every fixed indicator key.
_FUNCTIONS: dict[str, Compute] = {
    "recp_aware_share": _ind_firms.share_of_tenants("recp_aware"),
    "recp_applying_share": _ind_firms.share_of_tenants("recp_applying"),
    "recp_savings_share": _ind_firms.share_of_tenants("recp_savings"),
    "symbiosis_plan_share": _ind_firms.share_of_tenants("plans_symbiosis"),
    "symbiosis_firm_share": _ind_firms.share_of_tenants("in_link"),
    "symbiosis_links": _ind_firms.symbiosis_links,
    "symbiosis_participants_iso": _ind_firms.symbiosis_participants_iso,
    "iso_14001_share": _ind_firms.share_of_tenants("iso_14001"),
    "iso_45001_share": _ind_firms.share_of_tenants("iso_45001"),
    "energy_efficiency_share": _ind_firms.share_of_tenants("energy_efficiency"),
    "renewable_energy_share": _ind_flows.renewable_energy_share,
    "wastewater_reuse_share": _ind_flows.wastewater_share(treated=False),
    "wastewater_treated_share": _ind_flows.wastewater_share(treated=True),
    "solid_waste_recovery_share": _ind_flows.solid_waste_recovery_share,
    "green_area_share": _ind_flows.land_share(("green_area",)),
    "shared_land_share": _ind_flows.land_share(
        ("green_area", "road_area", "technical_infrastructure_area", "social_infrastructure_area")
    ),
    "local_employment_share": _ind_firms.local_employment_share,
    "tenant_violations": _ind_firms.violations("tenant"),
    "operator_violations": _ind_firms.violations("operator"),
    "legal_compliance": _ind_firms.legal_compliance,
    "employment_data_complete": _ind_firms.employment_data_complete,
    "energy_data_complete": _ind_flows.data_complete("energy"),
    "water_data_complete": _ind_flows.data_complete("water"),
    "central_wwtp_operating": _ind_flows.central_wwtp_operating,
    "shared_services_count": _ind_flows.shared_services_count,
    "service_revenue_ratio": _ind_flows.service_revenue_ratio,
    "sustainability_reports": _ind_facts.annual_report("sustainability_report"),
    "monitoring_reports": _ind_facts.annual_report("annual_monitoring_report"),
    "climate_plan_age": _ind_facts.fact_age("climate_plan"),
    "years_since_establishment": _ind_facts.years_since_establishment,
    "firm_violations": _ind_firms.firm_level("violations_3y", count=True),
    "firm_symbiosis_links": _ind_firms.firm_level("links", count=True),
    "firm_iso": _ind_firms.firm_level("iso_env"),
    "firm_recp_savings": _ind_firms.firm_level("recp_savings"),
}

#: Family prefix -> (facts vocabulary ``applies_to`` required, function factory).
_FAMILIES: dict[str, tuple[str, Callable[[str], Compute]]] = {
    "fact": ("park", _ind_facts.fact_indicator),
    "firm_share": ("firm", lambda k: _ind_firms.firm_fact_share(k, large_only=False)),
    "firm_share_large": ("firm", lambda k: _ind_firms.firm_fact_share(k, large_only=True)),
}


@dataclass(frozen=True)
class IndicatorSpec:
    """What an indicator is: kind, unit, level, how a gap is expressed and what helps close it.

    Attributes
    ----------
    key : str
        Indicator key (``recp_applying_share``, ``fact:ghg_programme``).
    kind : str
        ``share`` [%], ``count``, ``boolean`` (1 yes, 0 no), ``years`` or ``ratio``.
    gap : str
        ``firms``, ``count``, ``amount``, ``boolean``, ``violations``, ``years`` or ``ratio``.
    level : str
        ``park`` (one value per park) or ``firm`` (one value per operating tenant).
    window : float or None
        Look-back in years of a violation count (for the ``within`` comparator).
    amount_unit : str or None
        Unit of the amount behind a share (``m3/a``), used to state a gap.
    helps : str or None
        Key of the eipkit analysis that helps close a gap (``assessment.help.<helps>``).
    """

    key: str
    kind: str
    gap: str
    level: str = "park"
    window: float | None = None
    amount_unit: str | None = None
    helps: str | None = None
    texts: dict[str, str] = field(default_factory=dict, repr=False)
    compute: Compute | None = field(default=None, repr=False, compare=False)

    @property
    def unit(self) -> str:
        """Display unit: ``%``, ``count``, ``yes/no``, ``years`` or ``ratio``."""
        return _UNITS[self.kind]

    def label(self, lang: str = "en") -> str:
        """Name of the indicator in ``lang``."""
        return self.texts.get(lang) or self.texts["en"]

    def action(self, lang: str = "en") -> str:
        """Return what closes a gap, in ``lang`` (a phrase used inside gap messages)."""
        return self.texts.get(f"action_{lang}") or self.texts["action_en"]


@cache
def _data() -> dict[str, Any]:
    text = resources.files("eipkit.assessment").joinpath("_indicators.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _spec(key: str, entry: dict[str, Any], compute: Compute, labels: dict[str, str] | None = None) -> IndicatorSpec:
    names = labels or {}
    texts = {k: str(entry[k]).format(label=names.get(k[-2:], "")) for k in ("en", "vi", "action_en", "action_vi")}
    return IndicatorSpec(
        key=key,
        kind=entry["kind"],
        gap=entry["gap"],
        level=entry.get("level", "park"),
        window=entry.get("window"),
        amount_unit=entry.get("amount_unit"),
        helps=entry.get("helps"),
        texts=texts,
        compute=compute,
    )


@cache
def _fixed() -> dict[str, IndicatorSpec]:
    entries = _data()["indicators"]
    missing = set(_FUNCTIONS) ^ set(entries)
    if missing:  # pragma: no cover - guards the shipped data against drift
        raise RuntimeError(f"indicator data and functions differ: {sorted(missing)}")
    return {key: _spec(key, entries[key], _FUNCTIONS[key]) for key in entries}


#: The fixed indicators by key (the families ``fact:``, ``firm_share:``, ``firm_share_large:`` come on top).
INDICATORS: dict[str, IndicatorSpec] = {}


@cache
def indicator_spec(key: str) -> IndicatorSpec:
    """Return the :class:`IndicatorSpec` of indicator ``key``.

    Parameters
    ----------
    key : str
        A fixed key (see :data:`INDICATORS`) or a family key ``fact:<key>``,
        ``firm_share:<key>`` or ``firm_share_large:<key>`` with a key of the facts vocabulary.

    Raises
    ------
    KeyError
        If the key is unknown, naming the known keys or facts.
    """
    fixed = _fixed()
    if key in fixed:
        return fixed[key]
    family, _, fact = key.partition(":")
    if family not in _FAMILIES or not fact:
        known = ", ".join(sorted(fixed))
        raise KeyError(
            f"unknown indicator '{key}'; use one of {known}, or fact:<fact>, firm_share:<fact>, firm_share_large:<fact>"
        )
    applies, factory = _FAMILIES[family]
    facts = vocabulary("facts")
    if fact not in facts or facts[fact]["applies_to"] != applies:
        names = ", ".join(k for k, v in facts.items() if v["applies_to"] == applies)
        raise KeyError(f"indicator '{key}': '{fact}' is not a {applies} fact; {applies} facts: {names}")
    entry = _data()["families"][family]
    return _spec(key, entry, factory(fact), {"en": facts[fact]["en"], "vi": facts[fact]["vi"]})


def compute_indicators(
    stack: ParkStack, as_of: dt.date | None = None, indicators: Iterable[str] | None = None
) -> pl.DataFrame:
    """Compute indicators for every park of ``stack``.

    Parameters
    ----------
    stack : ParkStack
        Parks stacked with :func:`~eipkit.assessment.stack_parks`.
    as_of : datetime.date, optional
        Assessment date (ages of documents, years since establishment); default today.
    indicators : iterable of str, optional
        Keys to compute (default: every fixed indicator).

    Returns
    -------
    polars.DataFrame
        One row per park (per firm for firm-level indicators) and indicator: ``park``,
        ``entity``, ``indicator``, ``value``, ``numerator``, ``denominator``, ``complete``,
        ``missing``, ``evidence``, ``others``, ``notes``, ``document``, ``date``.
    """
    ctx = Context(stack, as_of or dt.date.today())
    keys = list(dict.fromkeys(indicators)) if indicators is not None else list(_fixed())
    frames = []
    for key in keys:
        spec = indicator_spec(key)
        assert spec.compute is not None
        frames.append(spec.compute(ctx, key))
    if not frames:
        return pl.DataFrame(schema=IND_SCHEMA)
    return pl.concat(frames, how="vertical")


INDICATORS.update(_fixed())

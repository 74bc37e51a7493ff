"""Hypothesis strategies: random *valid* parks (every error-level check passes; warnings may occur).

``parks(numbers)`` draws the park record and every table as Python records, ready for
``Park.from_records``; ``numbers`` is the family of floats (default :class:`ArbitraryFloats`: every
finite float, subnormals and extremes included).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from eipkit.park import table_schema
from eipkit.vocab import vocabulary

SECTORS = vocabulary("sectors")
RESOURCE_CLASSES = list(vocabulary("resource_classes"))
QUALITY_PARAMETERS = vocabulary("quality_parameters")
FACTS = vocabulary("facts")

#: Units per annual kind, and the cost units that go with them.
FLOW_UNITS = {
    "mass_flow": ["t/a", "t/month", "kg/day", "kg/h", "tấn/năm", "t/week"],
    "volume_flow": ["m3/a", "m3/day", "m3/h", "L/s", "Nm3/h", "hL/a"],
    "energy_flow": ["MWh/a", "kWh/month", "kW", "MW", "GJ/h"],
    "count_flow": ["piece/a", "piece/day", "pair/a"],
}
STOCK_UNITS = {
    "mass_flow": ["t", "kg"], "volume_flow": ["m3", "L"], "energy_flow": ["MWh", "GJ"], "count_flow": ["piece"],
}
COST_UNITS = {
    "mass_flow": ["VND/t", "VND/kg", "million VND/t"],
    "volume_flow": ["VND/m3", "VND/L"],
    "energy_flow": ["VND/kWh", "VND/MWh"],
    "count_flow": ["VND/piece"],
}
QUALITY_UNITS = {"mg/L": ["mg/L", "g/m3"], "1": ["%", "ppm", "-"], "Pt_Co": ["Pt_Co"], "uS/cm": ["uS/cm"],
                 "degC": ["degC", "K"]}
PERIODS = ["hour", "day", "week", "month", "year"]

ids = st.from_regex(r"[A-Za-z0-9_.\-]{1,12}", fullmatch=True)
#: Free text in any script (no lone surrogates, which cannot be written as UTF-8).
texts = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=24)
required_texts = texts.filter(lambda s: s.strip() != "")
dates = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))


def enum(table: str, column: str) -> st.SearchStrategy[str]:
    return st.sampled_from(table_schema(table).column(column).allowed_values())


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


class Numbers:
    """A family of floats: ``any``, ``nonneg`` and ``between(low, high)`` for ranged columns."""

    any: st.SearchStrategy[float]

    @property
    def nonneg(self) -> st.SearchStrategy[float]:
        return self.between(0.0, None)

    def between(self, low: float, high: float | None) -> st.SearchStrategy[float]:
        raise NotImplementedError


class ArbitraryFloats(Numbers):
    """Every finite float, subnormals, signed zeros and extremes included."""

    any = st.floats(allow_nan=False, allow_infinity=False)

    def between(self, low: float, high: float | None) -> st.SearchStrategy[float]:
        return st.floats(min_value=low, max_value=high, allow_nan=False, allow_infinity=False)


@st.composite
def flow(draw: st.DrawFn) -> tuple[str, str, str | None]:
    """(annual kind, unit, period) of a stream quantity: a rate, or a stock with a period."""
    kind = draw(st.sampled_from(sorted(FLOW_UNITS)))
    if draw(st.booleans()):
        return kind, draw(st.sampled_from(FLOW_UNITS[kind])), None
    return kind, draw(st.sampled_from(STOCK_UNITS[kind])), draw(st.sampled_from(PERIODS))


@st.composite
def months(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        a = draw(st.integers(1, 12))
        b = draw(st.integers(a, 12))
        parts.append(str(a) if a == b else f"{a}-{b}")
    return ",".join(parts)


def _vsic(draw: st.DrawFn, sector: str, digits: int) -> str:
    division = draw(st.sampled_from(SECTORS[sector]["vsic_divisions"]))
    return division + "".join(str(draw(st.integers(0, 9))) for _ in range(digits))


@st.composite
def parks(draw: st.DrawFn, numbers: Numbers | None = None) -> dict[str, Any]:
    """Records of a random valid park: ``{"park": {...}, "firms": [...], ...}``."""
    num = numbers if numbers is not None else ArbitraryFloats()
    firm_ids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    park_id = draw(ids.filter(lambda i: i not in firm_ids))

    park: dict[str, Any] = {"id": park_id, "name": draw(required_texts), "province": draw(required_texts)}
    for key in ("name_en", "operator", "management_board", "website", "notes", "country"):
        park[key] = draw(optional(texts))
    park["established"] = draw(optional(dates))
    park["eip_path"] = draw(optional(enum("park", "eip_path")))
    if draw(st.booleans()):
        park["latitude"], park["longitude"] = draw(num.between(-90, 90)), draw(num.between(-180, 180))
    total = draw(optional(num.nonneg))
    parts = ["industrial_land_area", "green_area", "road_area", "technical_infrastructure_area",
             "social_infrastructure_area"]
    for key in parts:  # the land-use split never exceeds the total
        park[key] = draw(optional(num.nonneg if total is None else num.between(0.0, total / 5)))
    park["total_area"] = total
    if park["industrial_land_area"] is not None and draw(st.booleans()):
        park["leased_industrial_area"] = draw(num.between(0.0, park["industrial_land_area"]))
    park["workers"] = draw(optional(st.integers(0, 10**9)))
    park["data_year"] = draw(optional(st.integers(1990, 2100)))

    firms = []
    for fid in firm_ids:
        sector = draw(st.sampled_from(sorted(SECTORS)))
        employees = draw(optional(st.integers(0, 10**7)))
        firm: dict[str, Any] = {
            "id": fid,
            "name": draw(required_texts),
            "role": draw(optional(enum("firms", "role"))),
            "sector": sector,
            "vsic_2018": _vsic(draw, sector, draw(st.integers(0, 3))) if draw(st.booleans()) else None,
            "vsic_2025": _vsic(draw, sector, 2) if draw(st.booleans()) else None,
            "isic_rev4": _vsic(draw, sector, 2) if draw(st.booleans()) else None,
            "product": draw(optional(texts)),
            "location_park": draw(optional(texts)),
            "start_year": draw(optional(st.integers(1900, 2100))),
            "employees": employees,
            "employees_female": None if employees is None else draw(optional(st.integers(0, employees))),
            "employees_local": None if employees is None else draw(optional(st.integers(0, employees))),
            "land_area": draw(optional(num.nonneg)),
            "roof_area": draw(optional(num.nonneg)),
            "revenue": draw(optional(num.nonneg)),
            "value_added": draw(optional(num.any)),
            "operating_hours": draw(optional(num.between(0, 8760))),
            "iso_14001": draw(optional(st.booleans())),
            "iso_50001": draw(optional(st.booleans())),
            "iso_45001": draw(optional(st.booleans())),
            "recp_status": draw(optional(enum("firms", "recp_status"))),
            "symbiosis_plan": draw(optional(st.booleans())),
            "violations_3y": draw(optional(st.integers(0, 1000))),
            "status": draw(optional(enum("firms", "status"))),
            "notes": draw(optional(texts)),
        }
        if draw(st.booleans()):
            firm["latitude"], firm["longitude"] = draw(num.between(-90, 90)), draw(num.between(-180, 180))
        if draw(st.booleans()):
            firm["output_quantity"] = draw(num.nonneg)
            firm["output_unit"] = draw(st.sampled_from(FLOW_UNITS[draw(st.sampled_from(sorted(FLOW_UNITS)))]))
        firms.append(firm)

    streams = []
    for sid in draw(st.lists(ids, max_size=5, unique=True)):
        kind, unit, period = draw(flow())
        ewc = draw(optional(st.from_regex(r"\d{6}\*?", fullmatch=True)))
        stream: dict[str, Any] = {
            "id": sid,
            "firm": draw(st.sampled_from(firm_ids)),
            "direction": draw(enum("streams", "direction")),
            "category": draw(enum("streams", "category")),
            "resource_class": draw(optional(st.sampled_from(RESOURCE_CLASSES))),
            "description": draw(optional(texts)),
            "waste_code_vn": draw(optional(st.from_regex(r"\d\d \d\d \d\d", fullmatch=True))),
            "ewc_code": None if ewc is None else f"{ewc[:2]} {ewc[2:4]} {ewc[4:]}",
            "hazardous": draw(optional(st.booleans())),
            "quantity": draw(optional(num.nonneg)),
            "unit": unit,
            "period": period,
            "operating_hours": draw(optional(num.between(0, 8760))),
            "temperature": draw(optional(num.any)),
            "target_temperature": draw(optional(num.any)),
            "pressure": draw(optional(num.nonneg)),
            "calorific_value": draw(optional(num.nonneg)),
            "moisture": draw(optional(num.between(0, 100))),
            "destination": draw(optional(enum("streams", "destination"))),
            "availability": draw(optional(enum("streams", "availability"))),
            "months": draw(optional(months())),
            "source_note": draw(optional(texts)),
            "notes": draw(optional(texts)),
        }
        if draw(st.booleans()):
            stream["unit_cost"] = draw(num.any)
            stream["cost_unit"] = draw(st.sampled_from(COST_UNITS[kind]))
        streams.append(stream)
    stream_ids = [s["id"] for s in streams]

    qualities = []
    for sid in stream_ids[:3]:
        for param in draw(st.lists(st.sampled_from(sorted(QUALITY_PARAMETERS)), max_size=3, unique=True)):
            canonical = QUALITY_PARAMETERS[param]["canonical"]
            qualities.append({"stream": sid, "parameter": param, "value": draw(num.any),
                              "unit": draw(st.sampled_from(QUALITY_UNITS[canonical])),
                              "bound": draw(optional(enum("qualities", "bound"))),
                              "source_note": draw(optional(texts))})

    exchanges = []
    if len(firm_ids) >= 2:
        for xid in draw(st.lists(ids, max_size=2, unique=True)):
            supplier, receiver = draw(st.permutations(firm_ids))[:2]
            kind = draw(st.sampled_from(sorted(FLOW_UNITS)))
            exchanges.append({
                "id": xid, "supplier": supplier, "receiver": receiver,
                "resource_class": draw(optional(st.sampled_from(RESOURCE_CLASSES))),
                "type": draw(optional(enum("exchanges", "type"))), "status": draw(enum("exchanges", "status")),
                "quantity": draw(optional(num.nonneg)), "unit": draw(st.sampled_from(FLOW_UNITS[kind])),
                "start_date": draw(optional(dates)), "agreement": draw(optional(texts)),
                "annual_benefit": draw(optional(num.any)), "barriers": draw(optional(texts)),
                "notes": draw(optional(texts)),
            })

    infrastructure = [
        {"id": iid, "kind": draw(enum("infrastructure", "kind")), "name": draw(required_texts),
         "operated_by": draw(optional(st.sampled_from(firm_ids))), "capacity": draw(optional(num.nonneg)),
         "capacity_unit": draw(optional(st.sampled_from(["m3/day", "MVA", "kWp", "t/day", "persons"]))),
         "utilisation": draw(optional(num.between(0, 100))), "standard": draw(optional(texts)),
         "status": draw(optional(enum("infrastructure", "status"))), "notes": draw(optional(texts))}
        for iid in draw(st.lists(ids, max_size=2, unique=True))
    ]

    park_facts = sorted(k for k, v in FACTS.items() if v["applies_to"] == "park")
    firm_facts = sorted(k for k, v in FACTS.items() if v["applies_to"] == "firm")
    fact_keys = draw(st.lists(st.sampled_from([(park_id, f) for f in park_facts[:4]]
                                              + [(fid, f) for fid in firm_ids for f in firm_facts[:2]]),
                              max_size=4, unique=True))
    facts = [{"entity": e, "fact": f, "value": draw(st.booleans()), "document": draw(optional(texts)),
              "date": draw(optional(dates)), "notes": draw(optional(texts))} for e, f in fact_keys]

    kpi_keys = draw(st.lists(st.tuples(st.sampled_from([park_id, *firm_ids]), st.sampled_from(["water_use", "ENV.1"]),
                                       st.integers(1990, 2100), optional(st.integers(1, 12))),
                             max_size=4, unique=True))
    kpis = [{"entity": e, "indicator": i, "year": y, "month": m, "value": draw(num.any),
             "unit": draw(optional(st.sampled_from(["MWh/a", "m3/a", "t/a", "percent", "MWh"]))),
             "verified": draw(optional(st.booleans())), "source_note": draw(optional(texts))}
            for e, i, y, m in kpi_keys]

    measures = []
    for mid in draw(st.lists(ids, max_size=2, unique=True)):
        kind = draw(st.sampled_from(sorted(FLOW_UNITS)))
        saving = draw(optional(num.nonneg))
        measures.append({
            "id": mid, "firm": draw(st.sampled_from(firm_ids)), "title": draw(required_texts),
            "theme": draw(enum("measures", "theme")), "status": draw(enum("measures", "status")),
            "capex": draw(optional(num.nonneg)), "annual_saving": draw(optional(num.any)),
            "resource_saving": saving,
            "saving_unit": None if saving is None else draw(st.sampled_from(FLOW_UNITS[kind])),
            "co2_saving": draw(optional(num.nonneg)), "year": draw(optional(st.integers(1990, 2100))),
            "notes": draw(optional(texts)),
        })

    tables = {"park": park, "firms": firms, "streams": streams, "qualities": qualities, "exchanges": exchanges,
              "infrastructure": infrastructure, "facts": facts, "kpis": kpis, "measures": measures}
    # an empty list is left out: Park.from_records(streams=[]) wrongly reports missing columns
    # (see test_park.py::test_from_records_accepts_empty_tables)
    return {name: rows for name, rows in tables.items() if name in ("park", "firms") or rows}

"""Stream helpers of the demo-park generator: factors, rounding and a per-firm stream collector.

Each tenant has an *archetype* (brewery, dyeing, steel, ...; see ``_demo_light`` and
``_demo_heavy``). An archetype function turns the firm's annual output into inputs and outputs
with the factors of ``_data/sector_intensities.yaml`` and writes the factor it used into the
stream's ``source_note``. Quantities are rounded to three significant figures. Wastewater
qualities are those sent to the central plant after on-site pre-treatment.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from eipkit.datasets._demo_firms import FirmSpec

__all__ = ["CITY_WATER", "DOMESTIC_WW", "Factor", "FirmStreams", "factors", "sig", "ww"]

Row = dict[str, Any]

_SOLID_PARAMS = frozenset({"sulfur", "chlorine", "ash_content", "loss_on_ignition", "carbon_content", "CaO", "SiO2",
                           "Al2O3", "Fe2O3", "SO3", "purity", "dry_solids", "protein", "volatile_matter"})
_DEFAULT_UNIT = {"pH": "-", "colour": "Pt_Co"}

CITY_WATER = {"pH": 7.3, "TDS": 250.0, "chloride": 25.0, "hardness": 120.0}
DOMESTIC_WW = {"COD": 350.0, "BOD5": 200.0, "TSS": 180.0, "ammonium_N": 35.0, "total_N": 50.0, "total_P": 6.0,
               "TDS": 500.0, "chloride": 80.0, "pH": 7.2}
YAML_REF = "datasets/_data/sector_intensities.yaml"


@dataclass(frozen=True)
class Factor:
    """One intensity or price of ``sector_intensities.yaml``."""

    key: str
    value: float
    unit: str
    confidence: str
    source: str

    def cite(self) -> str:
        """Short citation used in source notes: ``key = value unit [confidence]``."""
        return f"{self.key} = {self.value:g} {self.unit} [{self.confidence}]"


@lru_cache(maxsize=1)
def factors() -> dict[str, Factor]:
    """Return the intensities and prices shipped in ``_data/sector_intensities.yaml``."""
    text = resources.files("eipkit.datasets").joinpath("_data", "sector_intensities.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    out: dict[str, Factor] = {}
    for section in ("intensities", "prices"):
        for key, entry in data[section].items():
            out[key] = Factor(key, float(entry["value"]), str(entry["unit"]), str(entry["confidence"]),
                              str(entry["source"]))
    return out


def sig(x: float, digits: int = 3) -> float:
    """Round ``x`` to ``digits`` significant figures."""
    if x == 0:
        return 0.0
    return float(round(x, digits - 1 - math.floor(math.log10(abs(x)))))


@dataclass
class FirmStreams:
    """Collects the streams and qualities of one firm."""

    spec: FirmSpec
    streams: list[Row] = field(default_factory=list)
    qualities: list[Row] = field(default_factory=list)

    @property
    def out(self) -> float:
        """Annual output of the firm."""
        return self.spec.output

    def v(self, key: str) -> float:
        """Value of factor ``key``."""
        return factors()[key].value

    def cite(self, *keys: str) -> str:
        """Citation of the factors used, for ``source_note``."""
        return "; ".join(factors()[k].cite() for k in keys)

    def add(self, key: str, direction: str, category: str, rc: str | None, description: str, quantity: float,
            unit: str, note: str, **extra: Any) -> str:
        """Add a stream ``<firm>.<key>`` and return its id."""
        sid = f"{self.spec.id}.{key}"
        if any(tag in note for tag in ("[H]", "[M]", "[L]")):
            note += f" ({YAML_REF})"
        row: Row = {"id": sid, "firm": self.spec.id, "direction": direction, "category": category,
                    "resource_class": rc, "description": description, "quantity": sig(quantity), "unit": unit,
                    "source_note": note}
        row.update({k: v for k, v in extra.items() if v is not None})
        self.streams.append(row)
        return sid

    def qual(self, sid: str, values: Mapping[str, float], bound: str = "value", unit: str | None = None,
             note: str = "Typical value for the sector (synthetic)") -> None:
        """Add quality rows for stream ``sid``; units default by parameter (mg/L, %, -, Pt_Co)."""
        for param, value in values.items():
            u = unit or _DEFAULT_UNIT.get(param) or ("%" if param in _SOLID_PARAMS else "mg/L")
            self.qualities.append({"stream": sid, "parameter": param, "value": value, "unit": u, "bound": bound,
                                   "source_note": note})

    # ------------------------------------------------------------------ common streams
    def domestic_water(self) -> float:
        """Domestic water of the workforce, m3/a."""
        return self.spec.employees * self.v("domestic_water") * self.v("working_days") / 1000

    def electricity(self, mwh: float, note: str, price: str = "electricity") -> str:
        """Grid electricity purchase."""
        return self.add("elec_in", "in", "energy", "electricity", "Điện lưới (grid electricity)", mwh, "MWh/a", note,
                        unit_cost=self.v(price), cost_unit="VND/kWh", destination="grid")

    def water(self, m3: float, note: str, accepts: Mapping[str, float] | None = None, key: str = "water_in",
              desc: str = "Nước sạch KCN (park water supply)") -> str:
        """Water from the park network; ``accepts`` = max qualities if the use can take reclaimed water."""
        sid = self.add(key, "in", "water", "water" if accepts else "freshwater", desc, m3, "m3/a", note,
                       unit_cost=self.v("water"), cost_unit="VND/m3", destination="supplier")
        if accepts:
            self.qual(sid, accepts, bound="max", note="Firm's own acceptance limit for reclaimed water (synthetic)")
        else:
            self.qual(sid, CITY_WATER, note="Quality of the park's potable supply (synthetic)")
        return sid

    def wastewater(self, m3: float, note: str, quality: Mapping[str, float] = DOMESTIC_WW,
                   rc: str = "industrial_wastewater") -> str:
        """Wastewater to the central plant, with its quality after pre-treatment."""
        sid = self.add("ww_out", "out", "wastewater", rc, "Nước thải sau tiền xử lý (to central WWTP)", m3, "m3/a",
                       note, unit_cost=self.v("wastewater_fee"), cost_unit="VND/m3", destination="central_wwtp")
        self.qual(sid, quality, note="Monthly composite sample after on-site pre-treatment (synthetic)")
        return sid

    def utilities(self, elec_mwh: float, elec_note: str, process_water: float = 0.0, water_note: str = "",
                  process_ww: float = 0.0, quality: Mapping[str, float] = DOMESTIC_WW,
                  price: str = "electricity") -> None:
        """Electricity, water (process + domestic) and wastewater (process + 80 % of domestic)."""
        dom = self.domestic_water()
        dom_note = self.cite("domestic_water", "working_days", "wastewater_share_of_water")
        self.electricity(elec_mwh, elec_note, price)
        self.water(process_water + dom, f"{water_note}; domestic: {dom_note}" if water_note else dom_note)
        ww_rc = "industrial_wastewater" if process_ww else "domestic_wastewater"
        self.wastewater(process_ww + dom * self.v("wastewater_share_of_water"),
                        f"process wastewater + 80 % of domestic water; {dom_note}", quality, ww_rc)

    def waste(self, key: str, rc: str, description: str, tonnes: float, note: str, destination: str, *,
              hazardous: bool = False, vn: str | None = None, ewc: str | None = None, price: float | None = None,
              category: str = "waste", **extra: Any) -> str:
        """Solid or liquid waste / by-product in t/a; disposal price by default for landfill and incineration."""
        if price is None and destination in ("landfill", "incineration", "other", "storage"):
            price = self.v("hazardous_waste_disposal" if hazardous else "ordinary_waste_disposal")
        return self.add(key, "out", category, rc, description, tonnes, "t/a", note, waste_code_vn=vn, ewc_code=ewc,
                        hazardous=hazardous, unit_cost=price, cost_unit="VND/t" if price is not None else None,
                        destination=destination, **extra)

    def heat(self, key: str, direction: str, rc: str, description: str, kw: float, t: float, t_target: float,
             hours: float, note: str) -> str:
        """Heat supply (out) or demand (in) in kW with supply and target temperatures."""
        return self.add(key, direction, "heat", rc, description, kw, "kW", note, operating_hours=hours,
                        temperature=t, target_temperature=t_target)

    def msw(self) -> str:
        """Domestic-type waste of the workforce."""
        t = self.spec.employees * self.v("domestic_waste") * self.v("working_days") / 1000
        return self.waste("msw_out", "municipal_waste", "Rác thải sinh hoạt (domestic-type waste)", t,
                          self.cite("domestic_waste", "working_days"), "landfill", ewc="20 03 01")

    def packaging(self, cardboard: float = 0.0, film: float = 0.0, pallets: float = 0.0) -> None:
        """Add packaging wastes: cardboard (sold), PE film and broken pallets (landfilled today)."""
        note = "Waste register 2025 (synthetic estimate)"
        if cardboard:
            self.waste("cardboard_out", "cardboard", "Bìa carton thải (OCC)", cardboard, note, "sold", ewc="15 01 01",
                       price=-1_500_000, category="by_product")
        if film:
            self.waste("film_out", "pe", "Màng PE, túi nilon thải (PE film)", film, note, "landfill", ewc="15 01 02")
        if pallets:
            self.waste("pallets_out", "wood_pallets", "Pallet gỗ hỏng (broken wooden pallets)", pallets, note,
                       "landfill", ewc="15 01 03", calorific_value=15.0, moisture=15.0)

    def hazardous_small(self, oil: float = 0.0, rags: float = 0.0, lamps: float = 0.0) -> None:
        """Small hazardous wastes common to most plants."""
        note = "Hazardous-waste register 2025 (synthetic estimate)"
        if oil:
            sid = self.waste("waste_oil_out", "waste_oil", "Dầu thải (used lubricating oil)", oil, note, "other",
                             hazardous=True, vn="17 02 03", ewc="13 02 05*", calorific_value=40.0, moisture=2.0)
            self.qual(sid, {"chlorine": 0.1, "sulfur": 0.4}, note="Indicative (vietnam-facts: waste oil 36-42 MJ/kg)")
        if rags:
            self.waste("rags_out", "hazardous_waste", "Giẻ lau dính dầu (oily rags)", rags, note, "incineration",
                       hazardous=True, vn="18 02 01", ewc="15 02 02*")
        if lamps:
            self.waste("lamps_out", "hazardous_waste", "Bóng đèn huỳnh quang thải", lamps, note, "other",
                       hazardous=True, vn="16 01 06", ewc="20 01 21*")


def ww(cod: float, bod: float, tss: float, tds: float, chloride: float, ph: float = 7.5,
       **extra: float) -> dict[str, float]:
    """Wastewater quality: COD, BOD5, TSS, TDS, chloride (mg/L), pH and any extra parameters."""
    return {"COD": cod, "BOD5": bod, "TSS": tss, "TDS": tds, "chloride": chloride, "pH": ph, **extra}

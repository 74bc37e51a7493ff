"""The one unit registry of eipkit and the parsing of unit strings.

Park files are written by people: ``m3/day``, ``tấn/năm``, ``t/yr``, ``million VND/a``,
``Nm3/h``. :func:`parse_unit` turns each of these into a :class:`pint.Unit` of the shared
registry, or raises :class:`UnitError` with a message that says what was not understood.

Conventions
-----------
* A year is 365 days (8,760 h); a month is a twelfth of that year. pint's default Julian year
  (365.25 d) is replaced so that ``t/day`` times 365 is ``t/a`` exactly.
* Currencies are their own dimensions (``VND``, ``USD``): they never convert into each other,
  because an exchange rate is an assumption the user must state.
* ``Nm3`` (normal cubic metre) is treated as a volume, like ``m3``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import pint

__all__ = ["UnitError", "parse_unit", "registry"]


class UnitError(ValueError):
    """A unit string could not be parsed or has the wrong kind."""


# Words people write in Vietnamese files, and shorthands pint does not know.
_WORD_ALIASES: dict[str, str] = {
    "tấn": "t",
    "tan": "t",
    "tonne": "t",
    "tonnes": "t",
    "ton": "t",
    "tons": "t",
    "năm": "year",
    "nam": "year",
    "yr": "year",
    "tháng": "month",
    "thang": "month",
    "mo": "month",
    "tuần": "week",
    "ngày": "day",
    "ngay": "day",
    "d": "day",
    "giờ": "hour",
    "gio": "hour",
    "đồng": "VND",
    "đ": "VND",
    "vnd": "VND",
    "usd": "USD",
    "triệu": "million",
    "tỷ": "billion",
    "tỉ": "billion",
    "nghìn": "thousand",
    "ngàn": "thousand",
    "lít": "L",
    "lit": "L",
    "l": "L",
    "chiếc": "piece",
    "cái": "piece",
    "pcs": "piece",
    "pieces": "piece",
    "tCO2": "t",
    "tCO2e": "t",
    "kgCO2": "kg",
    "kgCO2e": "kg",
    "người": "person",
    "persons": "person",
}

_CASELESS_ALIASES = {k.lower(): v for k, v in _WORD_ALIASES.items() if len(k) > 1}

_TOKEN = re.compile(r"[^\W\d]\w*", flags=re.UNICODE)
_POWER_SUFFIX = re.compile(r"\b(N?m|cm|mm|km)([23])\b")


def _preprocess(text: str) -> str:
    """Rewrite common shorthands into pint syntax (``m3`` -> ``m**3``, Vietnamese words)."""
    text = text.strip().replace("³", "3").replace("²", "2").replace("·", "*")
    text = text.replace("°C", "degC").replace("℃", "degC")
    text = _POWER_SUFFIX.sub(lambda m: f"{m.group(1)}**{m.group(2)}", text)

    def _word(match: re.Match[str]) -> str:
        word = match.group(0)
        return _WORD_ALIASES.get(word) or _CASELESS_ALIASES.get(word.lower(), word)

    text = _TOKEN.sub(_word, text)
    text = re.sub(r"\bper\b", "/", text)
    return text


@lru_cache(maxsize=1)
def registry() -> Any:
    """Return the application-wide unit registry (created once).

    Returns
    -------
    pint.UnitRegistry
        pint's default registry with eipkit's definitions: 365-day year, ``Nm3``, currencies,
        ``million``/``billion``, ``piece`` and ``person`` counts, ``Pt_Co`` colour units.
    """
    ureg: Any = pint.UnitRegistry(on_redefinition="ignore", cache_folder=None, autoconvert_offset_to_baseunit=True)
    ureg.define("year = 365 * day = a = julian_year")
    ureg.define("Nm = m")  # only used as Nm**3 (normal cubic metre)
    ureg.define("VND = [currency_vnd]")
    ureg.define("USD = [currency_usd]")
    ureg.define("EUR = [currency_eur]")
    ureg.define("thousand = 1e3")
    ureg.define("million = 1e6")
    ureg.define("billion = 1e9")
    ureg.define("piece = [count]")
    ureg.define("pair = 2 * piece")
    ureg.define("person = [person]")
    ureg.define("Pt_Co = [colour] = PtCo")
    ureg.define("hL = 100 * L = hl")
    ureg.define("kWp = kW")
    ureg.define("MWp = MW")
    return ureg


@lru_cache(maxsize=4096)
def parse_unit(text: str) -> Any:
    """Parse a unit string written by a person into a unit of the shared registry.

    Parameters
    ----------
    text : str
        For example ``"t/a"``, ``"m3/day"``, ``"tấn/năm"``, ``"million VND/a"``, ``"-"`` or
        ``"1"`` for a pure number.

    Returns
    -------
    pint.Unit

    Raises
    ------
    UnitError
        If the string is empty or contains something pint cannot read.

    Examples
    --------
    >>> str(parse_unit("m3/day"))
    'meter ** 3 / day'
    >>> str(parse_unit("tấn/năm"))
    'metric_ton / year'
    """
    raw = text.strip()
    if raw in {"-", "1", "none", "dimensionless", ""}:
        if raw == "":
            raise UnitError("empty unit")
        return registry().dimensionless
    if raw in {"%", "percent"}:
        return registry().percent
    cleaned = _preprocess(raw)
    try:
        quantity = registry().parse_expression(cleaned)
    except Exception as exc:  # pint raises several exception types
        raise UnitError(f"unknown unit '{raw}' ({exc})") from None
    if isinstance(quantity, (int, float)):
        if quantity == 1:
            return registry().dimensionless
        raise UnitError(f"'{raw}' is a number, not a unit")
    if quantity.magnitude != 1:
        raise UnitError(f"unit '{raw}' contains a number; write the number in the quantity column")
    return quantity.units

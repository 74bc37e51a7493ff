"""A cited factor, its confidence, and the warnings eipkit shows when a weak value is used."""

from __future__ import annotations

import warnings
from dataclasses import asdict, dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["Factor", "LowConfidenceWarning", "UnverifiedValueError", "use_factor"]

#: Confidence tags: H official/cross-checked, M one reputable source, L indicative,
#: ``convention`` a modelling choice (not a fact), ``user`` a value the caller gave.
CONFIDENCES: tuple[str, ...] = ("H", "M", "L", "convention", "user")


class LowConfidenceWarning(UserWarning):
    """A default marked L (indicative) was used; replace it with a local value."""


class UnverifiedValueError(ValueError):
    """A value is unverified (null in the sources): eipkit will not invent it; pass your own."""


@dataclass(frozen=True)
class Factor:
    """One cited value.

    Attributes
    ----------
    name : str
        Short name (``grid_emission_factor_2023``, ``surplus_cap`` ...).
    value : float or None
        The value; None when it is unverified (not known from a published source).
    unit : str
        Unit of ``value`` (pint syntax, or a plain label).
    confidence : str
        ``H``, ``M``, ``L``, ``convention`` or ``user`` (see :data:`CONFIDENCES`).
    source : str
        Where the value comes from (URL or reference).
    status : str
        ``ok``, ``unverified``, ``estimate`` (not official) or ``not_adopted``.
    note : str
        Caveats shown with the value.
    """

    name: str
    value: float | None
    unit: str
    confidence: str
    source: str
    status: str = "ok"
    note: str = ""

    @property
    def verified(self) -> bool:
        """True when the value is known (not null in the sources)."""
        return self.value is not None and self.status != "unverified"

    @property
    def low_confidence(self) -> bool:
        """True for indicative (L) values: they are only used with a visible warning."""
        return self.confidence == "L"

    def require(self) -> float:
        """Return the value, or raise :class:`UnverifiedValueError` naming what to pass instead."""
        if self.value is None or self.status in ("unverified", "not_adopted"):
            raise UnverifiedValueError(
                f"{self.name} is unverified - must be confirmed against the published text; eipkit does not "
                f"invent it. Pass your own value ({self.unit}). {self.note}".strip()
            )
        return float(self.value)

    def warning_text(self) -> str:
        """One line for reports: the value, its confidence and source."""
        shown = "unverified" if self.value is None else f"{self.value:g} {self.unit}"
        return f"{self.name} = {shown} [{self.confidence or self.status}] ({self.source})"

    def as_dict(self) -> dict[str, Any]:
        """Return the factor as a plain dict (for JSON and tables)."""
        return asdict(self)

    @classmethod
    def user(cls, name: str, value: float, unit: str) -> Factor:
        """Return a value the caller gave (confidence ``user``)."""
        return cls(name, float(value), unit, "user", "given by the user")


def use_factor(factor: Factor, notes: list[str] | None = None) -> float:
    """Return ``factor``'s value for a computation, flagging weak values visibly.

    An L value issues a :class:`LowConfidenceWarning` and, when ``notes`` is given, adds a line to
    it (results carry these notes so that reports and the CLI show them). An unverified value
    raises :class:`UnverifiedValueError`.

    Examples
    --------
    >>> use_factor(Factor("x", 2.0, "1", "H", "test"))
    2.0
    """
    value = factor.require()
    if factor.low_confidence:
        text = f"indicative value used (confidence L): {factor.warning_text()}"
        warnings.warn(text, LowConfidenceWarning, stacklevel=2)
        if notes is not None and text not in notes:
            notes.append(text)
    return value


@cache
def load_data(name: str) -> dict[str, Any]:
    """Return the parsed data file ``factors/_data/<name>.yaml`` (cached)."""
    text = resources.files("eipkit.factors").joinpath("_data", f"{name}.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def factor_from_entry(name: str, entry: dict[str, Any], default_source: str = "") -> Factor:
    """Build a :class:`Factor` from a YAML entry ``{value, unit, confidence, source, ...}``."""
    sources = entry.get("sources")
    source = entry.get("source") or ("; ".join(sources) if sources else default_source)
    value = entry.get("value")
    status = str(entry.get("status", "ok" if value is not None else "unverified"))
    note = str(entry.get("note") or entry.get("basis") or "")
    return Factor(
        name=name,
        value=None if value is None else float(value),
        unit=str(entry.get("unit", "")),
        confidence=str(entry.get("confidence", "")),
        source=str(source),
        status=status,
        note=note,
    )

r"""Acceptance criteria of cement-kiln co-processing and the pure checks against them.

A criterion compares a waste property :math:`x` with a limit :math:`L`: an upper limit passes
when :math:`x \le L` (chlorine, sulphur, moisture, heavy metals), a lower limit when
:math:`x \ge L` (calorific value); a value exactly at the limit passes. Each check returns one
of ``pass``, ``fail``, ``no_data`` (the waste has no value) or ``limit_unverified`` (the limit
is null: the Vietnamese QCVN 41 acceptance limits are unverified in the sources and eipkit does
not invent them).

Named limit sets (``coprocessing/_data/criteria.yaml``): ``qcvn_41_2025`` (default) and
``qcvn_41_2011``, both with every limit null; pass your own limits (e.g. the kiln operator's
acceptance specification) with ``limits``. Wastes on the GTZ/Holcim (2006) list of wastes not
recommended for co-processing are excluded whatever their analysis.

References
----------
.. [1] GTZ and Holcim (2006). Guidelines on Co-Processing Waste Materials in Cement Production.
   Deutsche Gesellschaft für Technische Zusammenarbeit and Holcim Group Support.
.. [2] GIZ, FHNW, LafargeHolcim and Geocycle (2020). Guidelines on Pre- and Co-processing of
   Waste in Cement Production.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
import numpy.typing as npt
import yaml

__all__ = ["CRITERIA", "check_limit", "exclusion_reason", "limit_set", "limit_sets", "resolve_limits"]

#: Result codes of a check.
RESULTS: tuple[str, ...] = ("pass", "fail", "no_data", "limit_unverified")


@cache
def _data() -> dict[str, Any]:
    text = resources.files("eipkit.coprocessing").joinpath("_data", "criteria.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


#: Criteria: name -> kind (``min``/``max``) and unit of the limit.
CRITERIA: dict[str, dict[str, str]] = {
    k: {"kind": v["kind"], "unit": v["unit"]} for k, v in _data()["criteria"].items()
}


def limit_sets() -> list[str]:
    """Return the names of the shipped limit sets."""
    return list(_data()["limit_sets"])


def limit_set(name: str | None = None) -> dict[str, Any]:
    """Return a named limit set: ``title``, ``status``, ``source`` and ``limits`` (None = unverified).

    Examples
    --------
    >>> limit_set("qcvn_41_2025")["limits"]["chlorine"] is None
    True
    """
    sets = _data()["limit_sets"]
    key = name or str(_data()["default_limit_set"])
    if key not in sets:
        raise KeyError(f"unknown limit set '{key}'; known: {', '.join(sets)}")
    return dict(sets[key])


def resolve_limits(name: str | None = None, limits: Mapping[str, float | None] | None = None) -> dict[str, Any]:
    """Return the limits of a named set with the user's values on top (user values have status ``user``).

    Returns
    -------
    dict
        Criterion to ``{"value", "kind", "unit", "status"}`` where status is ``user`` or the set's
        status (``unverified`` for the QCVN sets).
    """
    chosen = limit_set(name)
    given = dict(limits or {})
    unknown = set(given) - set(CRITERIA)
    if unknown:
        raise KeyError(f"unknown criteria {sorted(unknown)}; known: {', '.join(CRITERIA)}")
    out = {}
    for criterion, spec in CRITERIA.items():
        if criterion in given and given[criterion] is not None:
            value = float(given[criterion])  # type: ignore[arg-type]
            if not np.isfinite(value) or value < 0:
                raise ValueError(f"limit for {criterion} must be a number >= 0 ({spec['unit']}), got {value}")
            out[criterion] = {"value": value, **spec, "status": "user"}
        else:
            value = chosen["limits"].get(criterion)
            out[criterion] = {
                "value": None if value is None else float(value),
                **spec,
                "status": chosen["status"] if value is None else "set",
            }
    return out


def check_limit(values: Any, limit: float | None, kind: str = "max") -> npt.NDArray[np.str_]:
    """Check values against one limit (vectorised).

    Parameters
    ----------
    values : array_like
        Property of each waste (NaN or None = not measured).
    limit : float or None
        The limit; None when unverified.
    kind : str
        ``max`` (value must not exceed the limit) or ``min`` (value must reach it).

    Returns
    -------
    numpy.ndarray of str
        ``pass``, ``fail``, ``no_data`` or ``limit_unverified`` for each value.

    Examples
    --------
    >>> check_limit([0.4, 0.5, 0.6, None], 0.5).tolist()
    ['pass', 'pass', 'fail', 'no_data']
    >>> check_limit([14.0, 15.0], 15.0, "min").tolist()
    ['fail', 'pass']
    >>> check_limit([1.0], None).tolist()
    ['limit_unverified']
    """
    if kind not in ("max", "min"):
        raise ValueError("kind must be 'max' or 'min'")
    x = np.array([np.nan if v is None else v for v in np.atleast_1d(np.asarray(values, dtype=object))], dtype=float)
    if limit is None:
        return np.full(x.shape, "limit_unverified", dtype="<U16")
    ok = x <= limit if kind == "max" else x >= limit
    result = np.where(ok, "pass", "fail").astype("<U16")
    result[np.isnan(x)] = "no_data"
    return result


def exclusion_reason(resource_class: str | None, waste_code_vn: str | None, lang: str = "en") -> str | None:
    """Return why a waste is excluded from co-processing (GTZ/Holcim 2006 list), or None.

    Examples
    --------
    >>> exclusion_reason("e_waste", None)
    'electronic scrap'
    >>> exclusion_reason("sludge", "13 01 01")
    'infectious health-care waste (VN waste-code group 13)'
    >>> exclusion_reason("waste_oil", "17 02 03") is None
    True
    """
    rules = _data()["exclusions"]
    if resource_class in rules["resource_classes"]:
        return str(rules["resource_classes"][resource_class][lang])
    if waste_code_vn:
        group = waste_code_vn.strip()[:2]
        if group in rules["waste_code_groups"]:
            return str(rules["waste_code_groups"][group][lang])
    return None


def exclusion_source() -> str:
    """Return the source of the exclusion list."""
    return str(_data()["exclusions"]["source"])

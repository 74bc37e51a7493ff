r"""Cash-flow metrics: net present value, internal rate of return, payback.

A project is a series of yearly cash flows :math:`C_0, C_1, \dots, C_n` [VND], :math:`C_0` at the
start (usually the negative investment) and :math:`C_t` at the end of year :math:`t`. Every function
takes the series on the **last axis** of ``cash_flows``, so a 2-D array evaluates many projects
(or many sensitivity cases) in one call.

Net present value at a real discount rate :math:`r` [1/a]

.. math:: \mathrm{NPV}(r) = \sum_{t=0}^{n} \frac{C_t}{(1 + r)^t}

Internal rate of return: the rate with :math:`\mathrm{NPV}(r) = 0`. With :math:`x = 1/(1+r)` the
NPV is the polynomial :math:`\sum_t C_t x^t`; its real positive roots give the IRRs. A
conventional project (outflows, then inflows) has exactly one. Cash flows of one sign have none
(``nan`` is returned: there is no rate that makes the project break even); when several exist
(non-conventional flows) the one closest to zero is returned, as numpy-financial does.

Payback period: the first time the cumulative (optionally discounted) cash flow turns
non-negative, interpolated linearly inside the year,

.. math:: t_{pb} = (t - 1) + \frac{-S_{t-1}}{S_t - S_{t-1}}, \qquad S_t = \sum_{k \le t} \frac{C_k}{(1+r)^k}

and ``inf`` if it never does.

References
----------
.. [1] Short, W., Packey, D. J. and Holt, T. (1995). A Manual for the Economic Evaluation of
   Energy Efficiency and Renewable Energy Technologies. NREL/TP-462-5173, ch. 4 (NPV, IRR,
   simple and discounted payback).
.. [2] Brealey, R. A., Myers, S. C. and Allen, F. (2020). Principles of Corporate Finance,
   13th ed. McGraw-Hill, ch. 5 (NPV, payback and IRR, multiple rates of return).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["FinanceInputError", "discount_factors", "irr", "npv", "payback_period"]

FloatArray = npt.NDArray[np.float64]


class FinanceInputError(ValueError):
    """A finance input is missing, not finite or out of range (the message says how to fix it)."""


def _flows(cash_flows: Any) -> FloatArray:
    values = np.asarray(cash_flows, dtype=float)
    if values.ndim == 0 or values.shape[-1] < 2:
        raise FinanceInputError("cash_flows needs at least two yearly values (year 0 and year 1) on its last axis")
    if not np.all(np.isfinite(values)):
        raise FinanceInputError("cash_flows contains NaN or infinite values; give a number for every year")
    return values


def _rate(discount_rate: Any) -> FloatArray:
    rate = np.asarray(discount_rate, dtype=float)
    if not np.all(np.isfinite(rate)) or np.any(rate <= -1.0):
        raise FinanceInputError(f"discount_rate must be a finite number above -1 (per year), got {discount_rate!r}")
    return rate


def _out(values: FloatArray) -> Any:
    return float(values) if values.ndim == 0 else values


def discount_factors(discount_rate: Any, years: int) -> Any:
    r"""Return :math:`(1 + r)^{-t}` for :math:`t = 0 \dots` ``years``.

    Parameters
    ----------
    discount_rate : float or array_like
        Real discount rate [1/a]; an array gives one row of factors per rate.
    years : int
        Last year :math:`n` (the result has ``years + 1`` columns).

    Examples
    --------
    >>> discount_factors(0.1, 2).round(4).tolist()
    [1.0, 0.9091, 0.8264]
    """
    if int(years) != years or years < 0:
        raise FinanceInputError(f"years must be a whole number >= 0, got {years!r}")
    rate = _rate(discount_rate)
    t = np.arange(int(years) + 1, dtype=float)
    return (1.0 + rate[..., None]) ** -t


def npv(cash_flows: Any, discount_rate: Any) -> Any:
    r"""Net present value :math:`\sum_t C_t (1 + r)^{-t}` of yearly cash flows.

    Parameters
    ----------
    cash_flows : array_like
        Yearly cash flows [VND], year 0 first, on the last axis.
    discount_rate : float or array_like
        Real discount rate [1/a]; broadcast against the leading axes of ``cash_flows``.

    Returns
    -------
    float or numpy.ndarray
        NPV [VND] (an array when several projects or rates are given).

    Examples
    --------
    >>> round(npv([-1000, 500, 500, 500], 0.10), 2)
    243.43
    >>> npv([-1000, 500, 500, 500], 0.0)
    500.0
    """
    flows = _flows(cash_flows)
    rate = _rate(discount_rate)
    t = np.arange(flows.shape[-1], dtype=float)
    factors = (1.0 + rate[..., None]) ** -t
    return _out(np.sum(flows * factors, axis=-1))


def _irr_row(row: FloatArray) -> float:
    scale = float(np.max(np.abs(row)))
    if scale == 0.0:
        return float("nan")
    # Normalise and drop flows below 1e-12 of the largest: they cannot move the rate but would make
    # the companion matrix of the polynomial singular.
    row = np.where(np.abs(row) < 1e-12 * scale, 0.0, row / scale)
    nonzero = np.flatnonzero(row)
    if np.all(row[nonzero] > 0) or np.all(row[nonzero] < 0):
        return float("nan")
    try:
        roots = np.roots(row[::-1])
    except np.linalg.LinAlgError:  # pragma: no cover - defensive
        return float("nan")
    real = roots[np.abs(roots.imag) <= 1e-9 * np.maximum(1.0, np.abs(roots.real))].real
    real = real[real > 0]
    if real.size == 0:
        return float("nan")
    rates = 1.0 / real - 1.0
    return float(rates[np.argmin(np.abs(rates))])


def irr(cash_flows: Any) -> Any:
    r"""Return the internal rate of return: the rate :math:`r` with :math:`\mathrm{NPV}(r) = 0`.

    Parameters
    ----------
    cash_flows : array_like
        Yearly cash flows [VND], year 0 first, on the last axis.

    Returns
    -------
    float or numpy.ndarray
        IRR [1/a]; ``nan`` where none exists (all flows of one sign: no positive cash flow, or no
        investment). For non-conventional flows with several IRRs, the one closest to zero.

    Examples
    --------
    >>> round(irr([-100, 110]), 10)
    0.1
    >>> round(irr([-1000, 500, 500, 500]), 4)
    0.2338
    >>> irr([-1000, -50, -50])
    nan
    """
    flows = _flows(cash_flows)
    flat = flows.reshape(-1, flows.shape[-1])
    result = np.full(flat.shape[0], np.nan)
    simple = _one_sign_change(flat)
    if simple.any():
        result[simple] = _irr_bisect(flat[simple])
    for i in np.flatnonzero(~simple):
        result[i] = _irr_row(flat[i])
    return _out(result.reshape(flows.shape[:-1]))


def _one_sign_change(flat: FloatArray) -> npt.NDArray[np.bool_]:
    """Rows whose non-zero flows change sign exactly once (one IRR, by Descartes' rule of signs)."""
    signs = np.sign(flat)
    # carry the last non-zero sign forward so that zeros do not count as changes
    idx = np.where(signs != 0, np.arange(flat.shape[1]), 0)
    np.maximum.accumulate(idx, axis=1, out=idx)
    carried = np.take_along_axis(signs, idx, axis=1)
    changes = (carried[:, 1:] * carried[:, :-1] < 0).sum(axis=1)
    return np.asarray(changes == 1)


def _irr_bisect(flat: FloatArray) -> FloatArray:
    """IRR of rows with one sign change, by vectorised bisection on the rate (to ~1e-13)."""
    scale = np.max(np.abs(flat), axis=1, keepdims=True)
    rows = flat / scale
    t = np.arange(rows.shape[1], dtype=float)

    def value(rate: FloatArray) -> FloatArray:
        return np.asarray(np.sum(rows * (1.0 + rate[:, None]) ** -t, axis=1), dtype=float)

    low = np.full(rows.shape[0], -0.999999)
    high = np.ones(rows.shape[0])
    v_low = value(low)
    for _ in range(60):  # widen the bracket up to 2^60 where needed
        same = np.sign(value(high)) == np.sign(v_low)
        if not same.any():
            break
        high = np.where(same, high * 2.0, high)
    for _ in range(200):
        mid = 0.5 * (low + high)
        v_mid = value(mid)
        left = np.sign(v_mid) == np.sign(v_low)
        low, v_low = np.where(left, mid, low), np.where(left, v_mid, v_low)
        high = np.where(left, high, mid)
        if np.all(high - low <= 1e-13 * np.maximum(1.0, np.abs(high))):
            break
    result = 0.5 * (low + high)
    bracketed = np.sign(value(high)) != np.sign(value(np.full_like(low, -0.999999)))
    return np.where(bracketed, result, np.nan)


def payback_period(cash_flows: Any, discount_rate: Any = 0.0) -> Any:
    r"""Years until the cumulative (discounted) cash flow turns non-negative.

    Parameters
    ----------
    cash_flows : array_like
        Yearly cash flows [VND], year 0 first, on the last axis.
    discount_rate : float or array_like
        Real discount rate [1/a]; 0 (default) gives the simple payback, a positive rate the
        discounted payback.

    Returns
    -------
    float or numpy.ndarray
        Payback [a], interpolated within the year; 0 if year 0 is already non-negative and
        ``inf`` if the project never pays back within the given years.

    Examples
    --------
    >>> payback_period([-1000, 400, 400, 400])
    2.5
    >>> payback_period([-1000, 100, 100])
    inf
    """
    flows = _flows(cash_flows)
    rate = _rate(discount_rate)
    t = np.arange(flows.shape[-1], dtype=float)
    discounted = flows * (1.0 + rate[..., None]) ** -t
    cumulative = np.cumsum(discounted, axis=-1)
    shape = np.broadcast_shapes(cumulative.shape[:-1], rate.shape)
    cumulative = np.broadcast_to(cumulative, (*shape, flows.shape[-1]))
    discounted = np.broadcast_to(discounted, (*shape, flows.shape[-1]))
    ok = cumulative >= 0
    # The first year from which the cumulative flow stays non-negative.
    stays = np.flip(np.logical_and.accumulate(np.flip(ok, axis=-1), axis=-1), axis=-1)
    never = ~stays[..., -1]
    first = np.argmax(stays, axis=-1)
    prev = np.take_along_axis(cumulative, np.maximum(first - 1, 0)[..., None], axis=-1)[..., 0]
    step = np.take_along_axis(discounted, first[..., None], axis=-1)[..., 0]
    with np.errstate(divide="ignore", invalid="ignore"):
        fraction = np.where(step > 0, -prev / step, 0.0)
    result = np.where(first == 0, 0.0, first - 1 + fraction)
    result = np.where(never, np.inf, result)
    return _out(np.asarray(result, dtype=float))

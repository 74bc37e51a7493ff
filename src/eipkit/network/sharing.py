r"""Who gains what: sharing each link's net benefit fairly between its two partners.

For a built link :math:`l` with flow :math:`x_l`, the supplier's gross saving is
:math:`a_l = \sigma^{sup}_l x_l`, the receiver's :math:`b_l = \sigma^{rec}_l x_l`, and the cost
is :math:`c_l = v_l x_l + F_l + \gamma_l`, where :math:`\gamma_l` is the link's share of its
group's fixed cost :math:`G_g` (split over the group's built links in proportion to their surplus
before that cost, or equally when none is positive). The link's surplus is
:math:`S_l = a_l + b_l - c_l`.

Sharing rules (registry :data:`SHARING_RULES`)

``equal_surplus``
    Each partner gets :math:`S_l / 2`: the Nash bargaining solution with zero disagreement
    payoffs (Nash 1950), which for a two-player link game is also its Shapley value (Shapley 1953).
``proportional``
    Each partner gets :math:`S_l` in proportion to its gross saving,
    :math:`S_l \max(a_l,0) / (\max(a_l,0) + \max(b_l,0))` (equal split if both are zero).

The receiver is taken to pay the link's costs; the transfer that realises a rule is the
``payment`` from receiver to supplier, :math:`p_l = g^{sup}_l - a_l` (negative: the supplier pays
a gate fee). When every built link has :math:`S_l \ge 0` both rules leave no firm worse off than
without the network (individual rationality); :func:`share_benefits` reports any firm that would
be worse off instead of hiding it.

References
----------
.. [1] Nash, J. F. (1950). The bargaining problem. Econometrica 18(2), 155-162.
.. [2] Shapley, L. S. (1953). A value for n-person games. In Contributions to the Theory of Games
   II, Annals of Mathematics Studies 28, 307-317.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import polars as pl

__all__ = ["SHARING_RULES", "firm_gains", "share_benefits"]

FloatArray = npt.NDArray[np.float64]


def _equal(a: FloatArray, b: FloatArray, surplus: FloatArray) -> FloatArray:
    return surplus / 2.0


def _proportional(a: FloatArray, b: FloatArray, surplus: FloatArray) -> FloatArray:
    pa, pb = np.maximum(a, 0.0), np.maximum(b, 0.0)
    total = pa + pb
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(total > 0, pa / total, 0.5)
    return np.asarray(surplus * share, dtype=float)


#: Sharing rules: name -> function(supplier gross, receiver gross, surplus) -> supplier's share.
SHARING_RULES: dict[str, Callable[[FloatArray, FloatArray, FloatArray], FloatArray]] = {
    "equal_surplus": _equal,
    "proportional": _proportional,
}


def _group_shares(links: pl.DataFrame, before: FloatArray) -> FloatArray:
    share = np.zeros(links.height)
    groups = links.get_column("group").to_list()
    costs = links.get_column("group_fixed_cost").fill_null(0.0).to_numpy()
    for g in {g for g in groups if g is not None}:
        members = np.array([x == g for x in groups])
        pos = np.maximum(before[members], 0.0)
        weights = pos / pos.sum() if pos.sum() > 0 else np.full(members.sum(), 1.0 / members.sum())
        share[members] = costs[members][0] * weights
    return share


def share_benefits(links: pl.DataFrame, sharing_rule: str = "equal_surplus") -> pl.DataFrame:
    """Split each built link's net benefit between supplier and receiver.

    Parameters
    ----------
    links : polars.DataFrame
        Built links of a :class:`~eipkit.network.NetworkSolution` (``solution.selected``).
    sharing_rule : str
        A key of :data:`SHARING_RULES`.

    Returns
    -------
    polars.DataFrame
        ``id``, ``supplier``, ``receiver``, ``flow``, ``supplier_gross``, ``receiver_gross``,
        ``link_cost``, ``surplus``, ``supplier_gain``, ``receiver_gain`` [VND/a] and ``payment``
        [VND/a, receiver to supplier] and ``unit_price`` [VND per unit].

    Examples
    --------
    >>> links = pl.DataFrame({"id": ["L"], "supplier": ["A"], "receiver": ["B"], "flow": [100.0],
    ...     "built": [True], "supplier_saving": [200.0], "receiver_saving": [1000.0], "variable_cost": [100.0],
    ...     "fixed_cost": [20_000.0], "group": [None], "group_fixed_cost": [None]})
    >>> share_benefits(links).select("surplus", "supplier_gain", "payment").row(0)
    (90000.0, 45000.0, 25000.0)
    """
    if sharing_rule not in SHARING_RULES:
        raise KeyError(f"unknown sharing rule '{sharing_rule}'; rules: {', '.join(SHARING_RULES)}")
    built = links.filter(pl.col("built")) if "built" in links.columns else links
    if built.height == 0:
        return pl.DataFrame(
            schema={
                "id": pl.String,
                "supplier": pl.String,
                "receiver": pl.String,
                "flow": pl.Float64,
                "supplier_gross": pl.Float64,
                "receiver_gross": pl.Float64,
                "link_cost": pl.Float64,
                "surplus": pl.Float64,
                "supplier_gain": pl.Float64,
                "receiver_gain": pl.Float64,
                "payment": pl.Float64,
                "unit_price": pl.Float64,
            }
        )
    flow = built.get_column("flow").to_numpy()
    a = built.get_column("supplier_saving").to_numpy() * flow
    b = built.get_column("receiver_saving").to_numpy() * flow
    cost = built.get_column("variable_cost").to_numpy() * flow + built.get_column("fixed_cost").to_numpy()
    cost = cost + _group_shares(built, a + b - cost)
    surplus = a + b - cost
    sup_gain = SHARING_RULES[sharing_rule](a, b, surplus)
    payment = sup_gain - a
    with np.errstate(divide="ignore", invalid="ignore"):
        price = np.where(flow > 0, payment / flow, np.nan)
    return built.select("id", "supplier", "receiver", "flow").with_columns(
        pl.Series("supplier_gross", a),
        pl.Series("receiver_gross", b),
        pl.Series("link_cost", cost),
        pl.Series("surplus", surplus),
        pl.Series("supplier_gain", sup_gain),
        pl.Series("receiver_gain", surplus - sup_gain),
        pl.Series("payment", payment),
        pl.Series("unit_price", price).fill_nan(None),
    )


def firm_gains(shares: pl.DataFrame) -> pl.DataFrame:
    """Sum each firm's gains over its links (result of :func:`share_benefits`).

    Parameters
    ----------
    shares : polars.DataFrame
        Result of :func:`share_benefits`.

    Returns
    -------
    polars.DataFrame
        ``firm``, ``links``, ``gross_saving``, ``payments_received`` (negative = paid) and ``gain``
        [VND/a], and ``worse_off`` (True if the firm would lose money: the network is then not
        individually rational for it), largest gain first.
    """
    sup = shares.select(
        pl.col("supplier").alias("firm"),
        pl.col("supplier_gross").alias("gross_saving"),
        pl.col("payment").alias("payments_received"),
        pl.col("supplier_gain").alias("gain"),
    )
    rec = shares.select(
        pl.col("receiver").alias("firm"),
        (pl.col("receiver_gross") - pl.col("link_cost")).alias("gross_saving"),
        (-pl.col("payment")).alias("payments_received"),
        pl.col("receiver_gain").alias("gain"),
    )
    both = pl.concat([sup, rec])
    scale = float(np.abs(both.get_column("gain").to_numpy()).max()) if both.height else 0.0
    return (
        both.group_by("firm")
        .agg(
            pl.len().alias("links"),
            pl.col("gross_saving").sum(),
            pl.col("payments_received").sum(),
            pl.col("gain").sum(),
        )
        .with_columns((pl.col("gain") < -1e-9 * max(1.0, scale)).alias("worse_off"))
        .sort(["gain", "firm"], descending=[True, False])
    )

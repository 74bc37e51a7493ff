r"""Indicators counted over firms: RECP uptake, symbiosis, ISO systems, compliance, employment.

"Firms in the park" are the operating tenants (``role == "tenant"``, ``status == "operating"``);
the operator and outside partners are not counted in shares of enterprises. A firm applies RECP
when its ``recp_status`` is ``applying`` or ``verified`` or it has carried out a measure
(``measures.status`` implemented or verified); it has *measured savings* when its status is
``verified`` or a measure carried out reports a saving (VND, physical or CO2).
"""

from __future__ import annotations

import polars as pl

from eipkit.assessment._ind_common import RECP_READINESS, Compute, Context, finish, firm_share

__all__ = [
    "employment_data_complete",
    "firm_fact_share",
    "firm_level",
    "legal_compliance",
    "local_employment_share",
    "share_of_tenants",
    "symbiosis_links",
    "symbiosis_participants_iso",
    "violations",
]

_EMPTY = pl.lit([], dtype=pl.List(pl.String))


def share_of_tenants(flag: str) -> Compute:
    """Return an indicator function: share of operating tenants whose column ``flag`` is true.

    Firms not counted (``others``) are listed closest to qualifying first: by RECP readiness
    (applying, planned, aware, none) for the RECP shares, else by id.
    """
    rank = None
    if flag.startswith("recp_"):
        rank = pl.col("recp_status").replace_strict(RECP_READINESS, default=9, return_dtype=pl.Int8)

    def compute(ctx: Context, key: str) -> pl.DataFrame:
        return firm_share(ctx, key, flag, rank=rank)

    return compute


def symbiosis_links(ctx: Context, key: str) -> pl.DataFrame:
    """Count the operating symbiosis links (Circular 05/2025 types a-e) with a party in the park."""
    links = ctx.operating_links.group_by("park").agg(
        pl.len().cast(pl.Float64).alias("value"), pl.col("id").sort().alias("evidence")
    )
    out = ctx.with_all_parks(links).with_columns(
        pl.col("value").fill_null(0.0), pl.col("evidence").fill_null(_EMPTY), pl.lit(True).alias("complete")
    )
    return finish(out.with_columns(pl.col("park").alias("entity")), key)


def symbiosis_participants_iso(ctx: Context, key: str) -> pl.DataFrame:
    """Whether every tenant in an operating link holds ISO 14001 or ISO 50001 (1) or not (0).

    ``evidence`` lists the participants with a system, ``others`` those without one. With no
    operating link the condition holds trivially (1); the link count is a separate condition.
    """
    parts = ctx.tenants.filter(pl.col("links") > 0)
    agg = parts.group_by("park").agg(
        pl.col("id").filter(pl.col("iso_env")).sort().alias("evidence"),
        pl.col("id").filter(~pl.col("iso_env")).sort().alias("others"),
        pl.len().cast(pl.Float64).alias("denominator"),
    )
    out = ctx.with_all_parks(agg).with_columns(
        pl.col("evidence").fill_null(_EMPTY), pl.col("others").fill_null(_EMPTY), pl.col("denominator").fill_null(0.0)
    )
    out = out.with_columns(
        pl.when(pl.col("others").list.len() == 0).then(1.0).otherwise(0.0).alias("value"),
        pl.col("evidence").list.len().cast(pl.Float64).alias("numerator"),
        pl.lit(True).alias("complete"),
        pl.col("park").alias("entity"),
    )
    return finish(out, key)


def violations(role: str) -> Compute:
    """Return an indicator function: firms of ``role`` with sanctioned violations in the last 3 years.

    For ``role="operator"`` a park without an operator row has no value (the investor's record
    is needed); tenants are the operating tenants.
    """

    def compute(ctx: Context, key: str) -> pl.DataFrame:
        firms = ctx.tenants if role == "tenant" else ctx.stack.firms.filter(pl.col("role") == role)
        agg = firms.group_by("park").agg(
            (pl.col("violations_3y").fill_null(0) > 0).sum().cast(pl.Float64).alias("value"),
            pl.col("id").filter(pl.col("violations_3y").fill_null(0) > 0).sort().alias("evidence"),
            pl.len().cast(pl.Float64).alias("denominator"),
        )
        out = ctx.with_all_parks(agg).with_columns(
            pl.col("evidence").fill_null(_EMPTY), pl.col("denominator").fill_null(0.0)
        )
        has = pl.col("denominator") > 0
        token = "no_operator" if role == "operator" else "no_tenants"
        out = out.with_columns(
            pl.when(has).then(pl.col("value").fill_null(0.0)).otherwise(None).alias("value"),
            has.alias("complete"),
            pl.when(has).then(_EMPTY).otherwise(pl.lit([token], dtype=pl.List(pl.String))).alias("missing"),
            pl.col("park").alias("entity"),
        )
        return finish(out, key)

    return compute


def legal_compliance(ctx: Context, key: str) -> pl.DataFrame:
    """Whether no tenant and no operator has a sanctioned violation in the last 3 years (1) or not (0)."""
    firms = ctx.stack.firms.filter(
        (pl.col("role") == "operator") | ((pl.col("role") == "tenant") & (pl.col("status") == "operating"))
    )
    bad = pl.col("violations_3y").fill_null(0) > 0
    agg = firms.group_by("park").agg(
        pl.col("id").filter(bad).sort().alias("others"), pl.len().cast(pl.Float64).alias("denominator")
    )
    out = ctx.with_all_parks(agg).with_columns(pl.col("others").fill_null(_EMPTY), pl.col("denominator").fill_null(0))
    has = pl.col("denominator") > 0
    out = out.with_columns(
        pl.when(~has).then(None).when(pl.col("others").list.len() == 0).then(1.0).otherwise(0.0).alias("value"),
        has.alias("complete"),
        pl.when(has).then(_EMPTY).otherwise(pl.lit(["no_tenants"], dtype=pl.List(pl.String))).alias("missing"),
        pl.col("park").alias("entity"),
    )
    return finish(out, key)


def employment_data_complete(ctx: Context, key: str) -> pl.DataFrame:
    """Whether every operating tenant reports employees, female and local employees (1) or not (0)."""
    cols = ("employees", "employees_female", "employees_local")
    firms = ctx.tenants.with_columns(pl.any_horizontal([pl.col(c).is_null() for c in cols]).alias("_gap"))
    agg = firms.group_by("park").agg(
        pl.col("id").filter(pl.col("_gap")).sort().alias("others"),
        pl.col("id").filter(~pl.col("_gap")).sort().alias("evidence"),
        pl.len().cast(pl.Float64).alias("denominator"),
    )
    out = ctx.with_all_parks(agg).with_columns(
        pl.col("others").fill_null(_EMPTY), pl.col("evidence").fill_null(_EMPTY), pl.col("denominator").fill_null(0)
    )
    has = pl.col("denominator") > 0
    out = out.with_columns(
        pl.when(~has).then(None).when(pl.col("others").list.len() == 0).then(1.0).otherwise(0.0).alias("value"),
        has.alias("complete"),
        pl.when(has).then(_EMPTY).otherwise(pl.lit(["no_tenants"], dtype=pl.List(pl.String))).alias("missing"),
        pl.col("park").alias("entity"),
    )
    return finish(out, key)


def local_employment_share(ctx: Context, key: str) -> pl.DataFrame:
    r"""Local workers as a share of all workers of the operating tenants, in percent.

    .. math:: s = 100 \, \frac{\sum_f L_f}{\sum_f E_f}

    Firms with employees but no ``employees_local`` make the value incomplete.
    """
    firms = ctx.tenants
    gap = pl.col("employees").is_null() | ((pl.col("employees").fill_null(0) > 0) & pl.col("employees_local").is_null())
    agg = firms.group_by("park").agg(
        pl.col("employees_local").fill_null(0).sum().cast(pl.Float64).alias("numerator"),
        pl.col("employees").fill_null(0).sum().cast(pl.Float64).alias("denominator"),
        (pl.lit("firms:") + pl.col("id") + pl.lit(".employees_local")).filter(gap).sort().alias("missing"),
    )
    out = ctx.with_all_parks(agg).with_columns(
        pl.col("numerator").fill_null(0.0), pl.col("denominator").fill_null(0.0), pl.col("missing").fill_null(_EMPTY)
    )
    none = pl.col("denominator") <= 0
    out = out.with_columns(
        pl.when(none).then(None).otherwise(100.0 * pl.col("numerator") / pl.col("denominator")).alias("value"),
        pl.when(none).then(pl.concat_list("missing", pl.lit(["no_employees"]))).otherwise("missing").alias("missing"),
    ).with_columns(((~none) & (pl.col("missing").list.len() == 0)).alias("complete"), pl.col("park").alias("entity"))
    return finish(out, key)


def firm_fact_share(fact: str, large_only: bool) -> Compute:
    """Return an indicator function: share of tenants (with > 100 workers if ``large_only``) with firm fact ``fact``.

    A firm without a record of the fact, or (for ``large_only``) without a headcount, is listed
    in ``missing``.
    """

    def compute(ctx: Context, key: str) -> pl.DataFrame:
        firms = ctx.tenants.join(ctx.firm_fact(fact), on=["park", "id"], how="left").with_columns(
            pl.col("fact_value").fill_null(False).alias("_has")
        )
        extra = None
        if large_only:
            extra = firms.filter(pl.col("employees").is_null()).select(
                "park", (pl.lit("firms:") + pl.col("id") + pl.lit(".employees")).alias("token")
            )
            firms = firms.filter(pl.col("employees") > 100)
        token = pl.lit(f"facts:{fact}@") + pl.col("id")
        return firm_share(
            ctx, key, "_has", firms=firms, unknown=pl.col("fact_value").is_null(), extra_missing=extra, token=token
        )

    return compute


def firm_level(flag: str, count: bool = False) -> Compute:
    """Return a firm-level indicator function over operating tenants (one row per firm).

    ``flag`` is a column of :attr:`Context.tenants`; with ``count`` its value is used as a number,
    otherwise as yes (1) / no (0).
    """

    def compute(ctx: Context, key: str) -> pl.DataFrame:
        t = ctx.tenants
        value = pl.col(flag).cast(pl.Float64) if count else pl.col(flag).fill_null(False).cast(pl.Float64)
        out = t.select(
            "park",
            pl.col("id").alias("entity"),
            value.alias("value"),
            pl.lit(True).alias("complete"),
        )
        if flag == "links":
            ev = ctx.link_parties.group_by("park", "firm").agg(pl.col("exchange").sort().alias("evidence"))
            out = out.join(ev.rename({"firm": "entity"}), on=["park", "entity"], how="left").with_columns(
                pl.col("evidence").fill_null(_EMPTY)
            )
        return finish(out, key)

    return compute

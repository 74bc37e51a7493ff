r"""Indicators computed from flows, land and infrastructure: water reuse, waste recovery, energy, land.

Flows are the annual ``amount`` of streams and exchanges in canonical units (m³/a, t/a, MWh/a).
"Park firms" are the operating tenants and the operator; outside partners are not counted.
"""

from __future__ import annotations

from functools import cache

import polars as pl

from eipkit.assessment._ind_common import Compute, Context, finish
from eipkit.vocab import vocabulary

__all__ = [
    "central_wwtp_operating",
    "data_complete",
    "land_share",
    "renewable_classes",
    "renewable_energy_share",
    "service_revenue_ratio",
    "shared_services_count",
    "solid_waste_recovery_share",
    "wastewater_share",
]

_EMPTY = pl.lit([], dtype=pl.List(pl.String))
#: Energy carriers that are services, not primary or final energy; left out of energy totals.
_NOT_ENERGY = ("cooling", "compressed_air")
#: Stream destinations that count as reuse or recycling of a solid waste or by-product.
_RECOVERED = ("recycler", "sold", "onsite_reuse")
#: Exchange classes that carry wastewater or reclaimed water.
_WATER_REUSE = ("treated_effluent", "wastewater", "industrial_wastewater")


def _descendants(roots: tuple[str, ...]) -> tuple[str, ...]:
    items = vocabulary("resource_classes")
    found = set(roots)
    changed = True
    while changed:
        changed = False
        for key, entry in items.items():
            if entry.get("parent") in found and key not in found:
                found.add(key)
                changed = True
    return tuple(sorted(found))


@cache
def renewable_classes() -> tuple[str, ...]:
    """Resource classes counted as renewable fuels: the ``biomass`` tree and ``biogas``."""
    return _descendants(("biomass", "biogas"))


def _ratio(out: pl.DataFrame, key: str, none_token: str) -> pl.DataFrame:
    """Finish a share: value = 100 num / den, incomplete if den is 0 or inputs are missing."""
    out = out.with_columns(
        pl.col("numerator").fill_null(0.0),
        pl.col("denominator").fill_null(0.0),
        pl.col("missing").fill_null(_EMPTY),
        pl.col("evidence").fill_null(_EMPTY),
    )
    none = pl.col("denominator") <= 0
    over = pl.col("numerator") > pl.col("denominator") * (1 + 1e-9)
    out = out.with_columns(
        pl.when(none).then(None).otherwise(100.0 * pl.col("numerator") / pl.col("denominator")).alias("value"),
        pl.when(none)
        .then(pl.concat_list("missing", pl.lit([none_token], dtype=pl.List(pl.String))))
        .when(over)
        .then(pl.concat_list("missing", pl.lit(["numerator_exceeds_total"], dtype=pl.List(pl.String))))
        .otherwise(pl.col("missing"))
        .alias("missing"),
    )
    out = out.with_columns((pl.col("missing").list.len() == 0).alias("complete"), pl.col("park").alias("entity"))
    return finish(out, key)


def _stream_token(column: str) -> pl.Expr:
    return pl.lit("streams:") + pl.col("id") + pl.lit(f".{column}")


def renewable_energy_share(ctx: Context, key: str) -> pl.DataFrame:
    r"""Renewable energy as a share of the energy the park firms take in, in percent.

    .. math:: s = 100 \, \frac{E_{ren}}{E}, \qquad E_i = m_i \, \frac{H_i}{3.6}
              \ \text{for fuels given as mass}

    :math:`E` sums the energy inputs of the park firms in MWh/a (fuels given in t/a are converted
    with their ``calorific_value`` :math:`H` [MJ/kg]); :math:`E_{ren}` sums the renewable fuels
    (:func:`renewable_classes`) and the ``renewable_electricity`` KPIs [MWh/a] of the park and its
    firms for the data year, which must be part of the electricity inputs.
    """
    s = ctx.park_firm_streams.filter(
        (pl.col("direction") == "in")
        & (pl.col("category") == "energy")
        & ~pl.col("resource_class").fill_null("").is_in(_NOT_ENERGY)
    )
    mwh = (
        pl.when(pl.col("amount_kind") == "energy_flow")
        .then(pl.col("amount"))
        .when(pl.col("amount_kind") == "mass_flow")
        .then(pl.col("amount") * pl.col("calorific_value") / 3.6)
        .otherwise(None)
    )
    gap = (
        pl.when(pl.col("amount").is_null())
        .then(_stream_token("quantity"))
        .when((pl.col("amount_kind") == "mass_flow") & pl.col("calorific_value").is_null())
        .then(_stream_token("calorific_value"))
        .when(~pl.col("amount_kind").is_in(["energy_flow", "mass_flow"]))
        .then(_stream_token("unit"))
    )
    renewable = pl.col("resource_class").is_in(renewable_classes())
    agg = (
        s.with_columns(mwh.alias("_mwh"), gap.alias("_gap"))
        .group_by("park")
        .agg(
            pl.col("_mwh").sum().alias("denominator"),
            pl.col("_mwh").filter(renewable).sum().alias("_ren"),
            pl.col("id").filter(renewable).sort().alias("evidence"),
            pl.col("_gap").drop_nulls().sort().alias("missing"),
        )
    )
    kpi = ctx.annual_kpi("renewable_electricity", "MWh/a", entities="park+firms")
    out = ctx.with_all_parks(agg).join(kpi, on="park", how="left")
    out = out.with_columns(
        (pl.col("_ren").fill_null(0.0) + pl.col("kpi_value").fill_null(0.0)).alias("numerator"),
        pl.concat_list(pl.col("missing").fill_null(_EMPTY), pl.col("kpi_missing").fill_null(_EMPTY)).alias("missing"),
        pl.concat_list(pl.col("evidence").fill_null(_EMPTY), pl.col("kpi_evidence").fill_null(_EMPTY)).alias(
            "evidence"
        ),
    )
    return _ratio(out, key, "no_energy_inputs")


def wastewater_share(treated: bool) -> Compute:
    r"""Return an indicator function: share of the tenants' industrial wastewater reused (or treated).

    Reuse (``treated=False``, Circular 05/2025 ENV.3):

    .. math:: s = 100 \, \frac{V_{onsite} + V_{links}}{V}

    where :math:`V` is the industrial wastewater the operating tenants give out [m³/a]
    (domestic wastewater excluded), :math:`V_{onsite}` the part with destination
    ``onsite_reuse`` and :math:`V_{links}` the volume of operating links that carry treated
    effluent or wastewater to a user (inside or outside the park). Treatment (``treated=True``)
    counts the wastewater sent to the central plant, reused on site or taken by a link.
    """

    def compute(ctx: Context, key: str) -> pl.DataFrame:
        s = ctx.park_firm_streams.filter(
            (pl.col("role") == "tenant")
            & (pl.col("direction") == "out")
            & (pl.col("category") == "wastewater")
            & (pl.col("resource_class").fill_null("") != "domestic_wastewater")
        )
        linked = ctx.operating_links.select("park", pl.col("supply_stream").alias("id"), pl.lit(True).alias("_link"))
        s = s.join(linked.unique(["park", "id"]), on=["park", "id"], how="left").with_columns(
            pl.col("_link").fill_null(False)
        )
        vol = pl.col("amount_kind") == "volume_flow"
        gap = (
            pl.when(pl.col("amount").is_null())
            .then(_stream_token("quantity"))
            .when(~vol)
            .then(_stream_token("unit"))
            .when(pl.lit(treated) & pl.col("destination").is_null() & ~pl.col("_link"))
            .then(_stream_token("destination"))
        )
        if treated:
            counted = pl.col("destination").is_in(["central_wwtp", "onsite_reuse"]) | pl.col("_link")
        else:
            counted = pl.col("destination") == "onsite_reuse"
        agg = (
            s.with_columns(gap.alias("_gap"))
            .group_by("park")
            .agg(
                pl.col("amount").filter(vol).sum().alias("denominator"),
                pl.col("amount").filter(vol & counted).sum().alias("_own"),
                pl.col("id").filter(counted).sort().alias("evidence"),
                pl.col("_gap").drop_nulls().sort().alias("missing"),
            )
        )
        out = ctx.with_all_parks(agg)
        if treated:
            out = out.with_columns(pl.col("_own").fill_null(0.0).alias("numerator"))
        else:
            out = out.join(_reuse_links(ctx), on="park", how="left").with_columns(
                (pl.col("_own").fill_null(0.0) + pl.col("_links").fill_null(0.0)).alias("numerator"),
                pl.concat_list(pl.col("evidence").fill_null(_EMPTY), pl.col("_lev").fill_null(_EMPTY)).alias(
                    "evidence"
                ),
                pl.concat_list(pl.col("missing").fill_null(_EMPTY), pl.col("_lgap").fill_null(_EMPTY)).alias("missing"),
            )
        return _ratio(out, key, "no_wastewater")

    return compute


def _reuse_links(ctx: Context) -> pl.DataFrame:
    """Operating links carrying wastewater or reclaimed water: volume, ids and missing quantities."""
    streams = ctx.stack.streams.select("park", pl.col("id").alias("supply_stream"), pl.col("category").alias("_cat"))
    links = ctx.operating_links.join(streams, on=["park", "supply_stream"], how="left")
    water = pl.col("resource_class").is_in(_WATER_REUSE) | (pl.col("_cat") == "wastewater")
    vol = pl.col("amount_kind") == "volume_flow"
    gap = (
        pl.when(pl.col("amount").is_null())
        .then(pl.lit("exchanges:") + pl.col("id") + pl.lit(".quantity"))
        .when(~vol)
        .then(pl.lit("exchanges:") + pl.col("id") + pl.lit(".unit"))
    )
    return (
        links.filter(water)
        .with_columns(gap.alias("_g"))
        .group_by("park")
        .agg(
            pl.col("amount").filter(vol).sum().alias("_links"),
            pl.col("id").sort().alias("_lev"),
            pl.col("_g").drop_nulls().sort().alias("_lgap"),
        )
    )


def solid_waste_recovery_share(ctx: Context, key: str) -> pl.DataFrame:
    r"""Share of the solid wastes and by-products of the park firms that is reused or recycled, in percent.

    .. math:: s = 100 \, \frac{\sum_{i \in R} m_i}{\sum_i m_i}

    over output streams of category ``waste`` or ``by_product`` given as mass [t/a]; :math:`R`
    are the streams sent to a recycler, sold, reused on site, or supplied through an operating link.
    """
    s = ctx.park_firm_streams.filter((pl.col("direction") == "out") & pl.col("category").is_in(["waste", "by_product"]))
    linked = ctx.operating_links.select("park", pl.col("supply_stream").alias("id"), pl.lit(True).alias("_link"))
    s = s.join(linked.unique(["park", "id"]), on=["park", "id"], how="left").with_columns(
        pl.col("_link").fill_null(False)
    )
    mass = pl.col("amount_kind") == "mass_flow"
    recovered = pl.col("destination").is_in(_RECOVERED) | pl.col("_link")
    gap = (
        pl.when(pl.col("amount").is_null())
        .then(_stream_token("quantity"))
        .when(pl.col("destination").is_null() & ~pl.col("_link"))
        .then(_stream_token("destination"))
    )
    agg = (
        s.with_columns(gap.alias("_gap"))
        .group_by("park")
        .agg(
            pl.col("amount").filter(mass).sum().alias("denominator"),
            pl.col("amount").filter(mass & recovered).sum().alias("numerator"),
            pl.col("id").filter(recovered).sort().alias("evidence"),
            pl.col("id").filter(~recovered.fill_null(False)).sort().alias("others"),
            pl.col("_gap").drop_nulls().sort().alias("missing"),
        )
    )
    return _ratio(ctx.with_all_parks(agg), key, "no_solid_waste")


def land_share(parts: tuple[str, ...]) -> Compute:
    r"""Return an indicator function: the land of ``parts`` as a share of the park's total area.

    .. math:: s = 100 \, \frac{\sum_k A_k}{A_{total}}
    """

    def compute(ctx: Context, key: str) -> pl.DataFrame:
        p = ctx.parks
        tokens = [pl.when(pl.col(c).is_null()).then(pl.lit(f"park:{c}")) for c in ("total_area", *parts)]
        ev = [pl.format(f"{c}={{}} ha", pl.col(c)) for c in parts]
        out = p.select(
            "park",
            pl.sum_horizontal([pl.col(c) for c in parts]).alias("numerator"),
            pl.col("total_area").alias("denominator"),
            pl.concat_list(tokens).list.drop_nulls().alias("missing"),
            pl.concat_list(ev).list.drop_nulls().alias("evidence"),
        )
        return _ratio(out, key, "no_total_area")

    return compute


def data_complete(category: str) -> Compute:
    """Return an indicator function: every operating tenant reports a quantified input of ``category`` (1/0)."""

    def compute(ctx: Context, key: str) -> pl.DataFrame:
        s = ctx.stack.streams.filter(
            (pl.col("direction") == "in") & (pl.col("category") == category) & pl.col("amount").is_not_null()
        )
        has = s.select("park", pl.col("firm").alias("id")).unique().with_columns(pl.lit(True).alias("_has"))
        t = ctx.tenants.join(has, on=["park", "id"], how="left").with_columns(pl.col("_has").fill_null(False))
        agg = t.group_by("park").agg(
            pl.col("id").filter(pl.col("_has")).sort().alias("evidence"),
            pl.col("id").filter(~pl.col("_has")).sort().alias("others"),
            pl.len().cast(pl.Float64).alias("denominator"),
        )
        out = ctx.with_all_parks(agg).with_columns(pl.col("denominator").fill_null(0.0))
        ok = pl.col("denominator") > 0
        out = out.with_columns(
            pl.when(~ok).then(None).when(pl.col("others").list.len() == 0).then(1.0).otherwise(0.0).alias("value"),
            ok.alias("complete"),
            pl.when(ok).then(_EMPTY).otherwise(pl.lit(["no_tenants"], dtype=pl.List(pl.String))).alias("missing"),
            pl.col("park").alias("entity"),
        )
        return finish(out, key)

    return compute


def central_wwtp_operating(ctx: Context, key: str) -> pl.DataFrame:
    """Whether a central wastewater treatment plant is operating in the park (1) or not (0)."""
    inf = ctx.stack.infrastructure.filter((pl.col("kind") == "central_wwtp") & (pl.col("status") == "operating"))
    agg = inf.group_by("park").agg(pl.col("id").sort().alias("evidence"))
    out = ctx.with_all_parks(agg).with_columns(
        pl.when(pl.col("evidence").is_null()).then(0.0).otherwise(1.0).alias("value"),
        pl.lit(True).alias("complete"),
        pl.col("park").alias("entity"),
    )
    return finish(out, key)


def shared_services_count(ctx: Context, key: str) -> pl.DataFrame:
    """Count the shared services: operating infrastructure plus operating shared-service/infrastructure links."""
    inf = ctx.stack.infrastructure.filter(pl.col("status") == "operating").select("park", "id")
    links = ctx.operating_links.filter(pl.col("type").is_in(["shared_service", "shared_infrastructure"]))
    both = pl.concat([inf, links.select("park", "id")])
    agg = both.group_by("park").agg(pl.len().cast(pl.Float64).alias("value"), pl.col("id").sort().alias("evidence"))
    out = ctx.with_all_parks(agg).with_columns(
        pl.col("value").fill_null(0.0), pl.lit(True).alias("complete"), pl.col("park").alias("entity")
    )
    return finish(out, key)


def service_revenue_ratio(ctx: Context, key: str) -> pl.DataFrame:
    r"""Service and infrastructure-fee revenue over the park's operating cost (ratio).

    .. math:: r = \frac{R_{services}}{C_{operating}}

    from the KPIs ``service_revenue`` and ``operating_cost`` [VND/a] of the park or its operator
    for the data year.
    """
    rev = ctx.annual_kpi("service_revenue", "VND/a", entities="park+operator").rename(
        {"kpi_value": "numerator", "kpi_missing": "_m1", "kpi_evidence": "_e1"}
    )
    cost = ctx.annual_kpi("operating_cost", "VND/a", entities="park+operator").rename(
        {"kpi_value": "denominator", "kpi_missing": "_m2", "kpi_evidence": "_e2"}
    )
    out = ctx.parks.select("park").join(rev, on="park", how="left").join(cost, on="park", how="left")
    need = [
        pl.when(pl.col("numerator").is_null()).then(pl.lit("kpis:service_revenue")),
        pl.when(pl.col("denominator").is_null() | (pl.col("denominator") <= 0)).then(pl.lit("kpis:operating_cost")),
    ]
    out = out.with_columns(
        pl.concat_list(
            pl.col("_m1").fill_null(_EMPTY), pl.col("_m2").fill_null(_EMPTY), pl.concat_list(need).list.drop_nulls()
        ).alias("missing"),
        pl.concat_list(pl.col("_e1").fill_null(_EMPTY), pl.col("_e2").fill_null(_EMPTY)).alias("evidence"),
    )
    ok = pl.col("missing").list.len() == 0
    out = out.with_columns(
        pl.when(ok).then(pl.col("numerator") / pl.col("denominator")).otherwise(None).alias("value"),
        ok.alias("complete"),
        pl.col("park").alias("entity"),
    )
    return finish(out, key)

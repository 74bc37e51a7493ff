"""Shared pieces of the indicator computations: the output schema and the per-firm flags.

Every indicator function returns rows of :data:`IND_SCHEMA`, one per park (or per park and firm
for firm-level indicators). ``complete`` is False whenever an input the indicator needs is
missing; ``missing`` then names it (``"firms:F03.employees_local"``, ``"facts:ghg_programme"``),
so the assessment reports *insufficient data* instead of a silent pass or fail.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cached_property

import polars as pl

from eipkit.assessment._stack import ParkStack
from eipkit.units import UnitError, conversion_factor

__all__ = ["IND_SCHEMA", "Compute", "Context", "finish", "firm_share", "kpi_factors"]

#: Columns of an indicator table.
IND_SCHEMA: dict[str, pl.DataType] = {
    "park": pl.String(),
    "entity": pl.String(),
    "indicator": pl.String(),
    "value": pl.Float64(),
    "numerator": pl.Float64(),
    "denominator": pl.Float64(),
    "complete": pl.Boolean(),
    "missing": pl.List(pl.String()),
    "evidence": pl.List(pl.String()),
    "others": pl.List(pl.String()),
    "notes": pl.List(pl.String()),
    "document": pl.String(),
    "date": pl.Date(),
}

#: RECP statuses that show awareness, and those that show application.
RECP_AWARE = ("aware", "planned", "applying", "verified")
RECP_APPLYING = ("applying", "verified")
#: Readiness of a firm for RECP (for ordering candidates: 0 is closest).
RECP_READINESS = {"verified": 0, "applying": 1, "planned": 2, "aware": 3, "none": 4}
#: Measure statuses that count as carried out.
DONE = ("implemented", "verified")


#: An indicator function: (context, indicator key) -> rows of :data:`IND_SCHEMA`.
Compute = Callable[["Context", str], pl.DataFrame]


def finish(frame: pl.DataFrame, key: str) -> pl.DataFrame:
    """Return ``frame`` with every column of :data:`IND_SCHEMA` (absent ones empty) and ``indicator=key``."""
    cols = []
    for name, dtype in IND_SCHEMA.items():
        if name == "indicator":
            cols.append(pl.lit(key, dtype=pl.String).alias(name))
        elif name in frame.columns:
            cols.append(pl.col(name).cast(dtype).alias(name))
        elif isinstance(dtype, pl.List):
            cols.append(pl.lit([], dtype=dtype).alias(name))
        else:
            cols.append(pl.lit(None, dtype=dtype).alias(name))
    return frame.select(cols)


class Context:
    """Inputs of the indicator functions: the stacked parks, the assessment date, and derived tables."""

    def __init__(self, stack: ParkStack, as_of: dt.date) -> None:
        self.stack = stack
        self.as_of = as_of

    @cached_property
    def parks(self) -> pl.DataFrame:
        """One row per park, key ``park`` (the park record)."""
        return self.stack.parks

    @cached_property
    def roles(self) -> pl.DataFrame:
        """``park``, ``id``, ``role`` of every firm."""
        return self.stack.firms.select("park", "id", "role")

    @cached_property
    def operating_links(self) -> pl.DataFrame:
        """Operating exchanges with at least one party in the park (a tenant or the operator)."""
        ex = self.stack.exchanges.filter(pl.col("status") == "operating")
        inside = self.roles.filter(pl.col("role") != "external").select("park", "id")
        sup = ex.join(inside.rename({"id": "supplier"}), on=["park", "supplier"], how="semi")
        rec = ex.join(inside.rename({"id": "receiver"}), on=["park", "receiver"], how="semi")
        return pl.concat([sup, rec]).unique(subset=["park", "id"], maintain_order=True)

    @cached_property
    def park_firm_streams(self) -> pl.DataFrame:
        """Streams of the park firms (operating tenants and the operator), with the firm's ``role``."""
        firms = self.stack.firms.filter(
            (pl.col("role") == "operator") | ((pl.col("role") == "tenant") & (pl.col("status") == "operating"))
        ).select("park", pl.col("id").alias("firm"), "role")
        return self.stack.streams.join(firms, on=["park", "firm"], how="inner")

    @cached_property
    def park_facts(self) -> pl.DataFrame:
        """Facts recorded for the park itself (``entity`` is the park id)."""
        return self.stack.facts.filter(pl.col("entity") == pl.col("park"))

    @cached_property
    def link_parties(self) -> pl.DataFrame:
        """``park``, ``firm``, ``exchange`` for both parties of every operating link."""
        links = self.operating_links
        return pl.concat(
            [
                links.select("park", pl.col("supplier").alias("firm"), pl.col("id").alias("exchange")),
                links.select("park", pl.col("receiver").alias("firm"), pl.col("id").alias("exchange")),
            ]
        ).unique(maintain_order=True)

    @cached_property
    def planned_parties(self) -> pl.DataFrame:
        """``park``, ``firm`` of parties to exchanges under study, agreed or operating."""
        ex = self.stack.exchanges.filter(pl.col("status").is_in(["feasibility", "agreed", "operating"]))
        return pl.concat(
            [ex.select("park", pl.col("supplier").alias("firm")), ex.select("park", pl.col("receiver").alias("firm"))]
        ).unique()

    @cached_property
    def measure_flags(self) -> pl.DataFrame:
        """Per firm: any measure done; any done with a reported saving; any done on energy."""
        m = self.stack.measures
        done = pl.col("status").is_in(DONE)
        saving = (
            (pl.col("annual_saving").fill_null(0) > 0)
            | (pl.col("resource_saving").fill_null(0) > 0)
            | (pl.col("co2_saving").fill_null(0) > 0)
        )
        return m.group_by("park", "firm").agg(
            done.any().alias("m_done"),
            (done & saving).any().alias("m_saving"),
            (done & (pl.col("theme") == "energy")).any().alias("m_energy"),
        )

    @cached_property
    def tenants(self) -> pl.DataFrame:
        """Operating tenant firms with the flags the firm-based indicators count.

        Columns added: ``recp_aware``, ``recp_applying``, ``recp_savings``, ``links`` (operating
        links the firm is party to), ``in_link``, ``plans_symbiosis``, ``iso_env`` (ISO 14001 or 50001),
        ``energy_efficiency`` (ISO 50001 or an energy measure carried out).
        """
        firms = self.stack.firms.filter((pl.col("role") == "tenant") & (pl.col("status") == "operating"))
        links = self.link_parties.group_by("park", "firm").agg(pl.len().alias("links"))
        planned = self.planned_parties.with_columns(pl.lit(True).alias("_planned"))
        out = (
            firms.join(self.measure_flags.rename({"firm": "id"}), on=["park", "id"], how="left")
            .join(links.rename({"firm": "id"}), on=["park", "id"], how="left")
            .join(planned.rename({"firm": "id"}), on=["park", "id"], how="left")
        )
        applying = pl.col("recp_status").is_in(RECP_APPLYING) | pl.col("m_done").fill_null(False)
        return (
            out.with_columns(
                (pl.col("recp_status").is_in(RECP_AWARE) | applying).alias("recp_aware"),
                applying.alias("recp_applying"),
                ((pl.col("recp_status") == "verified") | pl.col("m_saving").fill_null(False)).alias("recp_savings"),
                pl.col("links").fill_null(0).cast(pl.Int64),
                (pl.col("symbiosis_plan").fill_null(False) | pl.col("_planned").fill_null(False)).alias(
                    "plans_symbiosis"
                ),
                (pl.col("iso_14001").fill_null(False) | pl.col("iso_50001").fill_null(False)).alias("iso_env"),
                (pl.col("iso_50001").fill_null(False) | pl.col("m_energy").fill_null(False)).alias("energy_efficiency"),
            )
            .drop("_planned")
            .with_columns((pl.col("links") > 0).alias("in_link"))
        )

    def with_all_parks(self, frame: pl.DataFrame) -> pl.DataFrame:
        """Left-join ``frame`` (keyed by ``park``) onto the list of parks, so every park has a row."""
        return self.parks.select("park").join(frame, on="park", how="left")

    def annual_kpi(self, indicator: str, target: str, entities: str) -> pl.DataFrame:
        """Sum of the annual KPI ``indicator`` per park for the data year, in ``target`` units.

        Parameters
        ----------
        indicator : str
            KPI key (``kpis.indicator``).
        target : str
            Unit to convert to (``"MWh/a"``); annual totals in the stock unit (``MWh``) count as per year.
        entities : {"park+operator", "park+firms"}
            Whose KPIs are summed: the park and its operator, or also the operating tenants.

        Returns
        -------
        polars.DataFrame
            ``park``, ``kpi_value`` (null when no row), ``kpi_missing`` and ``kpi_evidence`` (lists).
            Only annual rows (no ``month``) of the park's ``data_year`` (else its latest year) count.
        """
        roles = self.roles
        if entities == "park+operator":
            roles = roles.filter(pl.col("role") == "operator")
        else:
            roles = pl.concat([roles.filter(pl.col("role") == "operator"), self.tenants.select("park", "id", "role")])
        allowed = pl.concat([self.parks.select("park", pl.col("park").alias("id")), roles.select("park", "id")])
        k = (
            self.stack.kpis.filter((pl.col("indicator") == indicator) & pl.col("month").is_null())
            .join(allowed.rename({"id": "entity"}), on=["park", "entity"], how="semi")
            .join(self.parks.select("park", "data_year"), on="park", how="left")
        )
        latest = pl.col("year") == pl.col("year").max().over("park")
        k = k.filter(
            pl.when(pl.col("data_year").is_null()).then(latest).otherwise(pl.col("year") == pl.col("data_year"))
        )
        units = k.get_column("unit").unique().to_list()
        factors = kpi_factors(units, target)
        table = pl.DataFrame(
            {"unit": list(factors), "_f": list(factors.values())}, schema={"unit": pl.String, "_f": pl.Float64}
        )
        k = k.join(table, on="unit", how="left", nulls_equal=True)
        token = pl.lit("kpis:") + pl.col("entity") + pl.lit(f".{indicator}.unit")
        return k.group_by("park").agg(
            (pl.col("value") * pl.col("_f")).filter(pl.col("_f").is_not_null()).sum().alias("kpi_value"),
            token.filter(pl.col("_f").is_null()).alias("kpi_missing"),
            pl.format("kpis:{}.{}.{}", "entity", pl.lit(indicator), "year").alias("kpi_evidence"),
        )

    def firm_fact(self, fact: str) -> pl.DataFrame:
        """``park``, ``id``, ``fact_value``, ``fact_document`` of fact ``fact`` given for firms."""
        f = self.stack.facts.filter(pl.col("fact") == fact)
        return f.select(
            "park",
            pl.col("entity").alias("id"),
            pl.col("value").alias("fact_value"),
            pl.col("document").alias("fact_document"),
        )


def firm_share(
    ctx: Context,
    key: str,
    flag: str,
    firms: pl.DataFrame | None = None,
    unknown: pl.Expr | None = None,
    extra_missing: pl.DataFrame | None = None,
    token: pl.Expr | None = None,
    rank: pl.Expr | None = None,
) -> pl.DataFrame:
    r"""Share of firms with ``flag`` true, per park, in percent.

    .. math:: s = 100 \, \frac{n_{flag}}{n}

    where :math:`n` is the number of operating tenant firms (or of ``firms``). Firms for which
    ``unknown`` is true are listed in ``missing`` (the share is then incomplete); a park without
    firms has no value.

    Parameters
    ----------
    ctx : Context
    key : str
        Indicator key.
    flag : str
        Boolean column of ``firms``.
    firms : polars.DataFrame, optional
        The population (default: :attr:`Context.tenants`).
    unknown : polars.Expr, optional
        Marks firms whose flag is not known.
    extra_missing : polars.DataFrame, optional
        ``park``, ``token`` rows naming other missing inputs.
    token : polars.Expr, optional
        Name of a firm's missing input (default ``"firms:<id>"``).
    rank : polars.Expr, optional
        Orders ``others`` (the firms not counted), closest to qualifying first (default: by id).
    """
    pop = ctx.tenants if firms is None else firms
    pop = pop.with_columns((rank if rank is not None else pl.lit(0)).alias("_rank")).sort("_rank", "id")
    flag_expr = pl.col(flag).fill_null(False)
    unk = unknown if unknown is not None else pl.lit(False)
    agg = pop.group_by("park").agg(
        flag_expr.sum().cast(pl.Float64).alias("numerator"),
        pl.len().cast(pl.Float64).alias("denominator"),
        pl.col("id").filter(flag_expr).alias("evidence"),
        pl.col("id").filter(~flag_expr).alias("others"),
        (token if token is not None else pl.lit("firms:") + pl.col("id")).filter(unk).sort().alias("missing"),
    )
    out = ctx.with_all_parks(agg).with_columns(
        pl.col("numerator").fill_null(0.0),
        pl.col("denominator").fill_null(0.0),
        pl.col("missing").fill_null(pl.lit([], dtype=pl.List(pl.String))),
    )
    if extra_missing is not None and extra_missing.height:
        more = extra_missing.group_by("park").agg(pl.col("token").alias("_more"))
        out = out.join(more, on="park", how="left").with_columns(
            pl.concat_list("missing", pl.col("_more").fill_null(pl.lit([], dtype=pl.List(pl.String)))).alias("missing")
        )
    none = pl.col("denominator") == 0
    out = out.with_columns(
        pl.when(none).then(None).otherwise(100.0 * pl.col("numerator") / pl.col("denominator")).alias("value"),
        pl.when(none)
        .then(pl.concat_list("missing", pl.lit(["no_tenants"], dtype=pl.List(pl.String))))
        .otherwise(pl.col("missing"))
        .alias("missing"),
    ).with_columns(((~none) & (pl.col("missing").list.len() == 0)).alias("complete"), pl.col("park").alias("entity"))
    return finish(out, key)


def kpi_factors(units: list[str | None], target: str) -> dict[str | None, float | None]:
    """Conversion factor of each unit to ``target`` (annual totals in stock units count as per year)."""
    stock = target.split("/")[0]
    factors: dict[str | None, float | None] = {}
    for unit in units:
        if unit is None:
            factors[unit] = None
            continue
        try:
            factors[unit] = conversion_factor(unit, target)
        except UnitError:
            try:
                factors[unit] = conversion_factor(unit, stock)
            except UnitError:
                factors[unit] = None
    return factors

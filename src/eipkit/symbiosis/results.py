"""The result of a matching study: ranked opportunities and everything behind them, and its files."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from eipkit.symbiosis.select import Selection

__all__ = ["OPPORTUNITY_COLUMNS", "MatchResult"]

#: Columns of the ``opportunities`` table, in order.
OPPORTUNITY_COLUMNS: tuple[str, ...] = (
    "rank",
    "id",
    "supplier",
    "receiver",
    "supply_stream",
    "demand_stream",
    "resource_class",
    "demand_class",
    "rule",
    "rule_name",
    "type",
    "scope",
    "tracking",
    "status",
    "amount",
    "unit",
    "receiver_amount",
    "receiver_unit",
    "coverage_demand",
    "coverage_supply",
    "distance_km",
    "route_km",
    "transport",
    "net_benefit_low",
    "net_benefit_mid",
    "net_benefit_high",
    "investment_low",
    "investment_mid",
    "investment_high",
    "npv_low",
    "npv_mid",
    "npv_high",
    "payback_mid",
    "co2e_low",
    "co2e_mid",
    "co2e_high",
    "landfill_diverted",
    "virgin_avoided",
    "water_saved",
    "energy_saved",
    "class_confidence",
    "selected",
    "selected_amount",
    "barriers",
    "flags",
    "flags_text",
    "fingerprint",
    "reason_en",
    "reason_vi",
)


def _clean(value: Any) -> Any:
    """Return ``value`` with NaN and infinite floats replaced by None (valid JSON)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def _flat(frame: pl.DataFrame) -> pl.DataFrame:
    """Return ``frame`` with lists joined by '; ', so that it can be written as CSV."""
    lists = [c for c, d in frame.schema.items() if isinstance(d, pl.List)]
    return frame.with_columns(pl.col(c).list.join("; ") for c in lists)


@dataclass
class MatchResult:
    """Everything a matching study found.

    Attributes
    ----------
    park : str
        Id of the park studied.
    radius_km : float
        Transport radius used [km].
    opportunities : polars.DataFrame
        Feasible pairs not yet tracked (or reopened after a rejection), ranked by central net
        benefit; columns :data:`OPPORTUNITY_COLUMNS`.
    tracked : polars.DataFrame
        Candidate pairs already in the exchanges table (``tracked``) or rejected with unchanged
        data (``suppressed``), with the exchange id, status and notes.
    infeasible : polars.DataFrame
        Pairs that fail a check, with ``reason_en``/``reason_vi`` naming the check and numbers.
    pools : polars.DataFrame
        Joint purchasing and joint waste-handling pools.
    prospects : polars.DataFrame
        Supplies with no feasible receiver, with the sectors that typically use them.
    unclassified : polars.DataFrame
        Streams that could not be classified (never silently dropped).
    classification : polars.DataFrame
        Class, confidence, method and reason of every stream.
    quality : polars.DataFrame
        Every quality comparison made (one row per candidate and parameter).
    selection : Selection or None
        The consistent set chosen by the MILP, with solver status, gap and time.
    assumptions : polars.DataFrame
        Factors and assumptions used, with value, range, confidence and source.
    """

    park: str
    radius_km: float
    opportunities: pl.DataFrame
    tracked: pl.DataFrame
    infeasible: pl.DataFrame
    pools: pl.DataFrame
    prospects: pl.DataFrame
    unclassified: pl.DataFrame
    classification: pl.DataFrame
    quality: pl.DataFrame
    selection: Selection | None
    assumptions: pl.DataFrame
    references: dict[str, dict[str, str]] = field(default_factory=dict)

    def by_firm(self, firm: str | None = None) -> pl.DataFrame:
        """Return the opportunities per firm (as supplier or receiver), ranked within each firm.

        Parameters
        ----------
        firm : str, optional
            Only this firm.
        """
        base = self.opportunities.select("id", "supplier", "receiver", "resource_class", "net_benefit_mid", "co2e_mid")
        rows = pl.concat(
            [
                base.with_columns(
                    pl.col("supplier").alias("firm"),
                    pl.lit("supplier").alias("role"),
                    pl.col("receiver").alias("partner"),
                ),
                base.with_columns(
                    pl.col("receiver").alias("firm"),
                    pl.lit("receiver").alias("role"),
                    pl.col("supplier").alias("partner"),
                ),
            ]
        ).select("firm", "role", "partner", "id", "resource_class", "net_benefit_mid", "co2e_mid")
        if firm is not None:
            rows = rows.filter(pl.col("firm") == firm)
        rows = rows.sort(["firm", "net_benefit_mid"], descending=[False, True])
        return rows.with_columns(pl.int_range(1, pl.len() + 1).over("firm").alias("rank_in_firm"))

    def summary(self) -> dict[str, Any]:
        """Return counts and the totals of the chosen set (None without selection: pairs overlap)."""
        opp = self.opportunities
        chosen = opp.filter(pl.col("selected"))
        total = {
            k: float(chosen.get_column(k).sum() or 0.0)
            for k in (
                "net_benefit_low",
                "net_benefit_mid",
                "net_benefit_high",
                "investment_mid",
                "co2e_low",
                "co2e_mid",
                "co2e_high",
                "landfill_diverted",
                "virgin_avoided",
                "water_saved",
                "energy_saved",
            )
        }
        return {
            "park": self.park,
            "radius_km": self.radius_km,
            "opportunities": opp.height,
            "tracked": int((self.tracked.get_column("tracking") == "tracked").sum()) if self.tracked.height else 0,
            "suppressed": int((self.tracked.get_column("tracking") == "suppressed").sum())
            if self.tracked.height
            else 0,
            "reopened": int((opp.get_column("tracking") == "reopened").sum()) if opp.height else 0,
            "infeasible": self.infeasible.height,
            "pools": self.pools.height,
            "prospects": self.prospects.height,
            "unclassified": self.unclassified.height,
            "selected_totals": total if self.selection is not None else None,
            "selection": self.selection.as_dict() if self.selection is not None else None,
        }

    def to_dict(self, lang: str = "en", limit: int = 20) -> dict[str, Any]:
        """Return the summary, the top opportunities (all, and of the chosen set), pools and problems as plain data."""
        keep = [c for c in OPPORTUNITY_COLUMNS if c not in ("reason_en", "reason_vi", "flags_text")]
        opp = self.opportunities.head(limit).with_columns(pl.col(f"reason_{lang}").alias("reason"))
        data: dict[str, Any] = _clean(
            {
                "summary": self.summary(),
                "opportunities": opp.select(*keep, "reason").to_dicts(),
                "selected": self.opportunities.filter(pl.col("selected"))
                .head(limit)
                .with_columns(pl.col(f"reason_{lang}").alias("reason"))
                .select(*keep, "reason")
                .to_dicts(),
                "pools": self.pools.head(limit).to_dicts(),
                "tracked": self.tracked.select(
                    "id", "supplier", "receiver", "exchange", "exchange_status", "tracking"
                ).to_dicts(),
                "infeasible": self.infeasible.head(limit)
                .select("supplier", "receiver", "resource_class", "rule", f"reason_{lang}")
                .to_dicts(),
                "prospects": self.prospects.head(limit).to_dicts(),
                "unclassified": self.unclassified.to_dicts(),
                "assumptions": self.assumptions.to_dicts(),
            }
        )
        return data

    def tables(self) -> dict[str, pl.DataFrame]:
        """Return the result tables by name (as written by :meth:`write`)."""
        out = {
            "opportunities": self.opportunities,
            "by_firm": self.by_firm(),
            "pools": self.pools,
            "tracked": self.tracked,
            "infeasible": self.infeasible,
            "prospects": self.prospects,
            "unclassified": self.unclassified,
            "classification": self.classification,
            "quality_checks": self.quality,
            "assumptions": self.assumptions,
        }
        if self.selection is not None:
            out["selection"] = self.selection.chosen
        return out

    def write(self, folder: str | Path, excel: bool = True, lang: str = "en") -> dict[str, str]:
        """Write every table as CSV, a JSON summary and (optionally) one Excel workbook.

        Returns
        -------
        dict
            ``{name: path}`` of the files written.
        """
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        written: dict[str, str] = {}
        flat = {name: _flat(frame) for name, frame in self.tables().items()}
        for name, frame in flat.items():
            path = out / f"{name}.csv"
            frame.write_csv(path)
            written[name] = str(path)
        path = out / "matching.json"
        path.write_text(
            json.dumps(self.to_dict(lang), ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8"
        )
        written["json"] = str(path)
        if excel:
            import xlsxwriter

            path = out / "matching.xlsx"
            with xlsxwriter.Workbook(str(path), {"nan_inf_to_errors": True}) as book:
                for name, frame in flat.items():
                    frame.write_excel(book, worksheet=name[:31], autofit=frame.height < 2000)
            written["excel"] = str(path)
        return written

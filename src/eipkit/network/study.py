"""A thin orchestrator: candidates in, the chosen network, fair shares and the Pareto front out."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

import polars as pl

from eipkit.network.candidates import candidate_table
from eipkit.network.from_park import park_candidates
from eipkit.network.pareto import pareto_front
from eipkit.network.select import NetworkSolution, select_network
from eipkit.network.sharing import SHARING_RULES, firm_gains, share_benefits
from eipkit.park import Park

__all__ = ["NetworkStudy"]


class NetworkStudy:
    """Choose a park's exchange network and say what each firm gains.

    Parameters
    ----------
    candidates : polars.DataFrame
        Candidate links (:mod:`eipkit.network.candidates`); checked on creation.
    time_limit : float
        Time limit of each solve [s].
    relative_gap : float
        Relative optimality gap [-].
    sharing_rule : str
        How each link's benefit is split (:data:`eipkit.network.SHARING_RULES`).
    firms : polars.DataFrame, optional
        Firms with ``id``, ``latitude``, ``longitude`` for the network map.

    Examples
    --------
    >>> c = pl.DataFrame({"id": ["L1"], "supplier": ["A"], "receiver": ["B"], "max_amount": [10.0],
    ...                   "receiver_saving": [500.0], "fixed_cost": [1000.0]})
    >>> NetworkStudy(c, time_limit=5).gains["gain"].to_list()
    [2000.0, 2000.0]
    """

    def __init__(
        self,
        candidates: pl.DataFrame,
        time_limit: float = 60.0,
        relative_gap: float = 1e-3,
        sharing_rule: str = "equal_surplus",
        firms: pl.DataFrame | None = None,
    ) -> None:
        if sharing_rule not in SHARING_RULES:
            raise KeyError(f"unknown sharing rule '{sharing_rule}'; rules: {', '.join(SHARING_RULES)}")
        self.candidates = candidate_table(candidates)
        self.time_limit = float(time_limit)
        self.relative_gap = float(relative_gap)
        self.sharing_rule = sharing_rule
        self.firms = firms
        self.excluded = pl.DataFrame()
        self.park_id = ""
        self.front: pl.DataFrame | None = None

    @classmethod
    def from_park(
        cls,
        park: Park,
        candidates: pl.DataFrame | None = None,
        assumptions: Mapping[str, float] | None = None,
        time_limit: float = 60.0,
        relative_gap: float = 1e-3,
        sharing_rule: str = "equal_surplus",
    ) -> NetworkStudy:
        """Build the study from a park's own candidates (:func:`eipkit.network.park_candidates`).

        Parameters
        ----------
        park : Park
            The park.
        candidates : polars.DataFrame, optional
            More candidate links to add (e.g. heat matches from :func:`eipkit.heat.heat_matches`).
        assumptions : mapping, optional
            Overrides of :func:`eipkit.network.link_assumptions`.
        time_limit, relative_gap : float
            Solver limits (seconds, relative gap).
        sharing_rule : str
            How each link's benefit is split.
        """
        own, excluded = park_candidates(park, assumptions)
        table = (
            own
            if candidates is None or candidates.height == 0
            else pl.concat([own, candidates], how="diagonal_relaxed")
        )
        study = cls(table, time_limit, relative_gap, sharing_rule, park.firms)
        study.excluded = excluded
        study.park_id = park.id
        return study

    @cached_property
    def solution(self) -> NetworkSolution:
        """The network with the largest net annual benefit."""
        return select_network(self.candidates, self.time_limit, self.relative_gap)

    @cached_property
    def shares(self) -> pl.DataFrame:
        """Each built link's benefit split between its partners."""
        return share_benefits(self.solution.selected, self.sharing_rule)

    @cached_property
    def gains(self) -> pl.DataFrame:
        """What each firm gains per year."""
        return firm_gains(self.shares)

    def pareto(self, points: int = 5) -> tuple[pl.DataFrame, list[NetworkSolution]]:
        """Trace the benefit-CO2 trade-off (see :func:`eipkit.network.pareto_front`); kept in ``front``."""
        front, solutions = pareto_front(self.candidates, points, self.time_limit, self.relative_gap)
        self.front = front
        return front, solutions

    def summary(self) -> dict[str, Any]:
        """Return the chosen network, shares and firm gains as plain data (for JSON)."""
        s = self.solution
        return {
            "park": self.park_id,
            "candidates": self.candidates.height,
            "excluded_candidates": self.excluded.to_dicts() if self.excluded.width else [],
            "sharing_rule": self.sharing_rule,
            "solution": s.as_dict(),
            "shares": self.shares.to_dicts(),
            "firm_gains": self.gains.to_dicts(),
            "no_firm_worse_off": not bool(self.gains.get_column("worse_off").any()) if self.gains.height else True,
            "pareto_front": self.front.to_dicts() if self.front is not None else None,
        }

    def write(self, path: str | Path, lang: str = "en", points: int = 0) -> dict[str, str]:
        """Write tables (CSV, JSON) and figures into folder ``path``; return ``{name: file}``.

        With ``points >= 2`` the Pareto front is traced and written too.
        """
        import json

        from eipkit.network.plots import plot_network_map, plot_pareto_front

        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        files: dict[str, str] = {}
        tables = {
            "candidates": self.candidates,
            "network_links": self.solution.selected,
            "link_shares": self.shares,
            "firm_gains": self.gains,
            "excluded_candidates": self.excluded,
        }
        if points >= 2:
            front, _ = self.pareto(points)
            tables["pareto_front"] = front
            files["pareto_plot"] = str(plot_pareto_front(front, folder / "pareto_front.png", lang))
        summary = self.summary()
        for name, frame in tables.items():
            if frame.width:
                target = folder / f"{name}.csv"
                frame.write_csv(target)
                files[name] = str(target)
        target = folder / "network.json"
        target.write_text(json.dumps(summary, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
        files["network"] = str(target)
        if self.solution.selected.height:
            files["network_map"] = str(
                plot_network_map(self.solution.selected, folder / "network_map.png", self.firms, lang)
            )
        return files

    def __repr__(self) -> str:
        return f"<NetworkStudy {self.candidates.height} candidates, rule '{self.sharing_rule}'>"

"""Thin orchestrators: :class:`PinchStudy` (one set of streams) and :class:`SiteStudy` (a park).

They hold inputs, call the pure functions of :mod:`eipkit.heat` and write tables and figures;
all the maths lives in those functions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

import polars as pl

from eipkit.heat._validate import heat_stream_table
from eipkit.heat.curves import composite_curves, grand_composite_curve, place_utilities
from eipkit.heat.factors import heat_assumptions
from eipkit.heat.matches import heat_matches
from eipkit.heat.park_streams import park_heat_streams
from eipkit.heat.pinch import PinchTargets, pinch_targets, problem_table
from eipkit.heat.site import SiteTargets, firm_targets, site_segments, site_targets
from eipkit.park import Park

__all__ = ["PinchStudy", "SiteStudy"]

Levels = Sequence[float] | Mapping[str, float] | None


class PinchStudy:
    """Pinch analysis of one set of heat streams.

    Parameters
    ----------
    heat_streams : polars.DataFrame
        Heat-stream table (see :func:`eipkit.heat.heat_stream_table`); checked on creation.
    dtmin : float
        Minimum approach temperature ΔTmin [K].

    Examples
    --------
    >>> study = PinchStudy(pl.DataFrame({"id": ["C1", "H1", "C2", "H2"],
    ...     "supply_temperature": [20.0, 170, 80, 150], "target_temperature": [135.0, 60, 140, 30],
    ...     "cp": [2.0, 3.0, 4.0, 1.5]}), dtmin=10)
    >>> study.targets.hot_utility, study.targets.cold_utility
    (20.0, 60.0)
    """

    def __init__(self, heat_streams: pl.DataFrame, dtmin: float = 10.0) -> None:
        self.streams = heat_stream_table(heat_streams)
        self.dtmin = float(dtmin)

    def _arrays(self) -> tuple[Any, Any, Any, Any]:
        s = self.streams
        return (
            s.get_column("supply_temperature").to_numpy(),
            s.get_column("target_temperature").to_numpy(),
            s.get_column("cp").to_numpy(),
            s.get_column("dtmin_contribution").cast(pl.Float64).fill_null(float("nan")).to_numpy(),
        )

    @cached_property
    def targets(self) -> PinchTargets:
        """Minimum utilities and the pinch."""
        ts, tt, cp, contrib = self._arrays()
        return pinch_targets(ts, tt, cp, self.dtmin, contrib)

    @cached_property
    def cascade(self) -> pl.DataFrame:
        """The problem table and heat cascade."""
        ts, tt, cp, contrib = self._arrays()
        return problem_table(ts, tt, cp, self.dtmin, contrib)

    @cached_property
    def composite(self) -> pl.DataFrame:
        """Hot and cold composite curves (actual temperatures)."""
        ts, tt, cp, contrib = self._arrays()
        return composite_curves(ts, tt, cp, self.dtmin, contrib)

    @property
    def grand_composite(self) -> pl.DataFrame:
        """Grand composite curve (shifted temperatures)."""
        return grand_composite_curve(self.cascade)

    def utilities(self, hot_levels: Levels = None, cold_levels: Levels = None) -> pl.DataFrame:
        """Split the utility targets between levels (see :func:`eipkit.heat.place_utilities`)."""
        return place_utilities(self.cascade, self.dtmin, hot_levels, cold_levels)

    def write(
        self, path: str | Path, lang: str = "en", hot_levels: Levels = None, cold_levels: Levels = None
    ) -> dict[str, str]:
        """Write the tables (CSV, JSON) and figures (PNG) into folder ``path``; return ``{name: file}``."""
        import json

        from eipkit.heat.plots import plot_composite_curves, plot_grand_composite

        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        files: dict[str, str] = {}
        for name, frame in (
            ("heat_streams", self.streams),
            ("cascade", self.cascade),
            ("composite_curves", self.composite),
            ("grand_composite", self.grand_composite),
        ):
            target = folder / f"{name}.csv"
            frame.write_csv(target)
            files[name] = str(target)
        if hot_levels is not None or cold_levels is not None:
            target = folder / "utilities.csv"
            self.utilities(hot_levels, cold_levels).write_csv(target)
            files["utilities"] = str(target)
        target = folder / "targets.json"
        target.write_text(json.dumps(self.targets.as_dict(), indent=2) + "\n", encoding="utf-8")
        files["targets"] = str(target)
        files["composite_plot"] = str(plot_composite_curves(self.composite, folder / "composite_curves.png", lang))
        files["grand_composite_plot"] = str(plot_grand_composite(self.cascade, folder / "grand_composite.png", lang))
        return files

    def __repr__(self) -> str:
        return f"<PinchStudy {self.streams.height} streams, ΔTmin={self.dtmin:g} K>"


class SiteStudy:
    """Inter-firm heat recovery of a park: firm targets, site target, costed matches.

    Parameters
    ----------
    park : Park
        The park (heat streams read with :func:`eipkit.heat.park_heat_streams`).
    dtmin : float
        ΔTmin inside a firm [K].
    dt_network : float, optional
        Extra approach through the heat network [K]; default ``dtmin``.
    assumptions : mapping, optional
        Overrides of the costing assumptions (:func:`eipkit.heat.heat_assumptions`).
    """

    def __init__(
        self,
        park: Park,
        dtmin: float = 10.0,
        dt_network: float | None = None,
        assumptions: Mapping[str, float] | None = None,
    ) -> None:
        self.park = park
        self.dtmin = float(dtmin)
        self.dt_network = float(dtmin if dt_network is None else dt_network)
        self.assumptions = heat_assumptions(assumptions)
        self.streams, self.excluded = park_heat_streams(park)

    @property
    def has_heat(self) -> bool:
        """True if the park has usable heat streams with a firm."""
        return self.streams.height > 0

    @cached_property
    def firms(self) -> pl.DataFrame:
        """Each firm's own targets."""
        return firm_targets(self.streams, self.dtmin) if self.has_heat else pl.DataFrame()

    @cached_property
    def segments(self) -> pl.DataFrame:
        """Firms' source and sink segments (shifted temperatures)."""
        return site_segments(self.streams, self.dtmin) if self.has_heat else pl.DataFrame()

    @cached_property
    def targets(self) -> SiteTargets | None:
        """Site targets (None without heat streams)."""
        return site_targets(self.streams, self.dtmin, self.dt_network) if self.has_heat else None

    @cached_property
    def _matches(self) -> tuple[pl.DataFrame, pl.DataFrame]:
        return heat_matches(self.park, self.dtmin, self.dt_network, self.assumptions)

    @property
    def matches(self) -> pl.DataFrame:
        """Costed pairwise matches in the candidate-link columns of :mod:`eipkit.network`."""
        return self._matches[0]

    @property
    def excluded_pairs(self) -> pl.DataFrame:
        """Pairs that were found but cannot be costed or deliver too little, with the reason."""
        return self._matches[1]

    def summary(self) -> dict[str, Any]:
        """Return the site results as plain data (for JSON)."""
        t = self.targets
        return {
            "park": self.park.id,
            "dtmin": self.dtmin,
            "dt_network": self.dt_network,
            "streams": self.streams.height,
            "excluded_streams": self.excluded.to_dicts(),
            "targets": t.as_dict() if t else None,
            "firms": self.firms.to_dicts(),
            "matches": self.matches.to_dicts(),
            "excluded_pairs": self.excluded_pairs.to_dicts(),
        }

    def write(self, path: str | Path, lang: str = "en") -> dict[str, str]:
        """Write tables (CSV, JSON) and the site-profile figure into folder ``path``; return ``{name: file}``."""
        import json

        from eipkit.heat.plots import plot_site_profiles

        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        files: dict[str, str] = {}
        tables = {
            "heat_streams": self.streams,
            "excluded_streams": self.excluded,
            "firm_targets": self.firms,
            "site_segments": self.segments,
            "heat_matches": self.matches,
            "excluded_pairs": self.excluded_pairs,
        }
        for name, frame in tables.items():
            if frame.width:
                target = folder / f"{name}.csv"
                frame.write_csv(target)
                files[name] = str(target)
        target = folder / "site.json"
        target.write_text(
            json.dumps(self.summary(), ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8"
        )
        files["site"] = str(target)
        if self.targets is not None and self.segments.height:
            files["site_profiles_plot"] = str(
                plot_site_profiles(self.segments, self.targets, folder / "site_profiles.png", lang)
            )
        return files

    def __repr__(self) -> str:
        rec = f"{self.targets.inter_firm_recovery:,.0f} kW" if self.targets else "no heat streams"
        return f"<SiteStudy '{self.park.id}': {self.streams.height} heat streams, inter-firm recovery {rec}>"

"""Assess parks against criteria frameworks: the orchestrator and its result.

:class:`ParkAssessment` only holds the inputs (parks, frameworks, date) and runs the steps:
:func:`~eipkit.assessment.stack_parks` → :func:`~eipkit.assessment.evaluate`. The logic is in
those pure functions. :class:`AssessmentResult` gives the tables and their text in Vietnamese or
English (scorecards, verdicts, eco-enterprise results) and writes them to a folder.

>>> from eipkit.park import Park
>>> park = Park.from_records({"id": "P1", "name": "KCN A", "province": "Bắc Ninh"},
...                          firms=[{"id": "F1", "name": "A", "sector": "beverage", "recp_status": "verified"}])
>>> result = assess(park, "VN35", as_of=datetime.date(2025, 6, 30))
>>> [r["status"] for r in result.scorecard("P1", "VN35") if r["criterion"] == "VN35-A37-2c"]
['met']
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import polars as pl

from eipkit._version import __version__
from eipkit.assessment._render import condition_gap, criterion_row, ids_text, missing_text, status_text
from eipkit.assessment._stack import ParkStack, stack_parks
from eipkit.assessment.catalogue import Framework, load_framework
from eipkit.assessment.evaluate import Evaluation, evaluate
from eipkit.i18n import t
from eipkit.park import Park

__all__ = ["AssessmentResult", "ParkAssessment", "assess"]

FrameworkLike = str | Path | Framework


def _framework(item: FrameworkLike) -> Framework:
    return item if isinstance(item, Framework) else load_framework(item)


class AssessmentResult:
    """Results of an assessment of one or many parks against one or many frameworks.

    Attributes
    ----------
    evaluation : Evaluation
        The tables (indicators, conditions, criteria, verdicts, categories).
    frameworks : dict of Framework
        The frameworks assessed, by id, in the order given.
    as_of : datetime.date
        Assessment date.
    """

    def __init__(
        self, evaluation: Evaluation, frameworks: Sequence[Framework], as_of: datetime.date, stack: ParkStack
    ) -> None:
        self.evaluation = evaluation
        self.frameworks = {fw.id: fw for fw in frameworks}
        self.as_of = as_of
        self._parks = stack.parks.select("park", "name", "name_en", "eip_path", "established")
        self._firms = stack.firms.select("park", "id", "name")

    # -- tables ----------------------------------------------------------------------------------
    @property
    def park_ids(self) -> list[str]:
        """Ids of the parks assessed."""
        ids: list[str] = self._parks.get_column("park").to_list()
        return ids

    @property
    def criteria(self) -> pl.DataFrame:
        """One row per park (or firm) and criterion (see :class:`Evaluation`)."""
        return self.evaluation.criteria

    @property
    def verdicts(self) -> pl.DataFrame:
        """One row per park and framework: ``verdict`` and counts."""
        return self.evaluation.verdicts

    def _park(self, park: str | None) -> str:
        if park is None:
            if len(self.park_ids) != 1:
                raise ValueError(f"several parks were assessed; name one of {', '.join(self.park_ids)}")
            return self.park_ids[0]
        if park not in self.park_ids:
            raise KeyError(f"park '{park}' was not assessed; assessed: {', '.join(self.park_ids)}")
        return park

    def _fw(self, framework: str | None) -> Framework:
        if framework is None:
            return next(iter(self.frameworks.values()))
        if framework not in self.frameworks:
            raise KeyError(f"framework '{framework}' was not assessed; assessed: {', '.join(self.frameworks)}")
        return self.frameworks[framework]

    def park_name(self, park: str | None = None, lang: str = "vi") -> str:
        """Name of a park (English name when ``lang`` is en and one is recorded)."""
        row = self._parks.filter(pl.col("park") == self._park(park)).row(0, named=True)
        return str((row["name_en"] if lang == "en" else None) or row["name"])

    def _conditions(self, park: str, framework: str) -> dict[tuple[str, str], list[dict[str, Any]]]:
        rows = self.evaluation.conditions.filter((pl.col("park") == park) & (pl.col("framework") == framework))
        grouped: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for row in rows.to_dicts():
            grouped.setdefault((row["entity"], row["criterion"]), []).append(row)
        return grouped

    # -- text -------------------------------------------------------------------------------------
    def scorecard(
        self, park: str | None = None, framework: str | None = None, lang: str = "vi"
    ) -> list[dict[str, Any]]:
        """Rows of a park's scorecard for one framework, with every text in ``lang``.

        Each row has ``criterion``, ``category_name``, ``title``, ``status``/``status_text``,
        ``value_text``, ``threshold_text``, ``gap_text`` (gap in the criterion's unit, missing
        data, notes), ``evidence_text``, ``helps`` (the eipkit analysis that can help),
        ``confidence`` and ``source``; firm-scope criteria are left to :meth:`enterprises`.
        """
        pid, fw = self._park(park), self._fw(framework)
        conds = self._conditions(pid, fw.id)
        crit = self.criteria.filter(
            (pl.col("park") == pid) & (pl.col("framework") == fw.id) & (pl.col("scope") == "park")
        )
        order = {c: i for i, c in enumerate(fw.categories)}
        rows = sorted(crit.to_dicts(), key=lambda r: (order[r["category"]], r["order"]))
        return [criterion_row(fw, row, conds[(row["entity"], row["criterion"])], lang) for row in rows]

    def verdict(self, park: str | None = None, framework: str | None = None, lang: str = "vi") -> dict[str, Any]:
        """Verdict of a park for a framework with its text, counts, basis and the framework's notice."""
        pid, fw = self._park(park), self._fw(framework)
        row = self.verdicts.filter((pl.col("park") == pid) & (pl.col("framework") == fw.id)).row(0, named=True)
        deadline = row["deadline"].isoformat() if row["deadline"] else "–"
        counts = {
            k: int(row[k])
            for k in (
                "met",
                "not_met",
                "insufficient_data",
                "threshold_unverified",
                "indicative",
                "not_applicable",
                "criteria",
            )
        }
        text = t(f"assessment.verdict.{row['verdict']}", lang, deadline=deadline)
        lines = [
            t(
                "assessment.verdict.counts",
                lang,
                met=counts["met"],
                not_met=counts["not_met"],
                insufficient=counts["insufficient_data"],
                unverified=counts["threshold_unverified"],
                indicative=counts["indicative"],
                total=counts["criteria"],
            ),
            t("assessment.verdict.basis", lang, ids=", ".join(fw.verdict_ids)),
        ]
        if not row["in_force"]:
            lines.append(t("assessment.verdict.historical", lang, date=self.as_of.isoformat()))
        return {
            "park": pid,
            "framework": fw.id,
            "framework_name": fw.title(lang),
            "verdict": row["verdict"],
            "verdict_text": text,
            "details": lines,
            "notice": fw.notice.get(lang, fw.notice["en"]),  # type: ignore[call-overload]
            "in_force": bool(row["in_force"]),
            "deadline": row["deadline"],
            "counts": counts,
        }

    def categories(
        self, park: str | None = None, framework: str | None = None, lang: str = "vi"
    ) -> list[dict[str, Any]]:
        """Return the counts per category of a park for a framework, with the category names in ``lang``."""
        pid, fw = self._park(park), self._fw(framework)
        rows = self.evaluation.categories.filter((pl.col("park") == pid) & (pl.col("framework") == fw.id)).to_dicts()
        for row in rows:
            row["category_name"] = fw.categories[row["category"]].get(lang, row["category"])  # type: ignore[call-overload]
        return rows

    def enterprises(self, park: str | None = None, lang: str = "vi") -> list[dict[str, Any]]:
        """Eco-enterprise results per firm (criteria with ``scope: firm``): result, gaps, missing data."""
        pid = self._park(park)
        names = dict(self._firms.filter(pl.col("park") == pid).select("id", "name").iter_rows())
        out = []
        for fw in self.frameworks.values():
            conds = self._conditions(pid, fw.id)
            crit = self.criteria.filter(
                (pl.col("park") == pid) & (pl.col("framework") == fw.id) & (pl.col("scope") == "firm")
            )
            for row in crit.to_dicts():
                cs = conds[(row["entity"], row["criterion"])]
                gaps = [condition_gap(c, lang) for c in cs if c["status"] == "not_met"]
                tokens = [m for c in cs if not c["complete"] for m in (c["missing"] or [])]
                missing = missing_text(list(dict.fromkeys(tokens)), lang)
                out.append(
                    {
                        "framework": fw.id,
                        "criterion": row["criterion"],
                        "firm": row["entity"],
                        "name": names.get(row["entity"], ""),
                        "status": row["status"],
                        "status_text": status_text(row["status"], lang),
                        "gap_text": "; ".join(gaps + ([missing] if missing else [])),
                        "links": ids_text(
                            next((c["evidence"] for c in cs if c["indicator"] == "firm_symbiosis_links"), [])
                        ),
                    }
                )
        return out

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        """Everything, as plain data with texts in ``lang`` (what ``eipkit assess --json`` prints)."""
        parks = []
        for pid in self.park_ids:
            fws = []
            for fw in self.frameworks.values():
                fws.append(
                    {
                        **self.verdict(pid, fw.id, lang),
                        "categories": self.categories(pid, fw.id, lang),
                        "criteria": self.scorecard(pid, fw.id, lang),
                    }
                )
            parks.append(
                {
                    "id": pid,
                    "name": self.park_name(pid, lang),
                    "frameworks": fws,
                    "enterprises": self.enterprises(pid, lang),
                }
            )
        return {"as_of": self.as_of.isoformat(), "eipkit_version": __version__, "lang": lang, "parks": parks}

    def write(self, folder: Path, lang: str = "vi") -> dict[str, str]:
        """Write the results into ``folder``: JSON, CSV tables and a Markdown scorecard; return ``{name: path}``."""
        from eipkit.assessment._markdown import scorecard_markdown

        folder.mkdir(parents=True, exist_ok=True)
        written: dict[str, str] = {}
        data = self.to_dict(lang)
        path = folder / f"assessment_{lang}.json"
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
        written["assessment_json"] = str(path)
        flat = [
            {"park": p["id"], **{k: v for k, v in row.items() if not isinstance(v, list)}}
            for p in data["parks"]
            for fw in p["frameworks"]
            for row in fw["criteria"]
        ]
        tables = {
            "criteria": pl.DataFrame(flat, infer_schema_length=None),
            "verdicts": self.verdicts,
            "enterprises": pl.DataFrame(
                [{"park": p["id"], **row} for p in data["parks"] for row in p["enterprises"]], infer_schema_length=None
            ),
        }
        for name, frame in tables.items():
            path = folder / f"{name}.csv"
            frame.write_csv(path)
            written[name] = str(path)
        path = folder / f"scorecard_{lang}.md"
        path.write_text("\n\n".join(scorecard_markdown(self, pid, lang) for pid in self.park_ids), encoding="utf-8")
        written[f"scorecard_{lang}"] = str(path)
        return written

    def __repr__(self) -> str:
        return f"<AssessmentResult {len(self.park_ids)} park(s) x {', '.join(self.frameworks)} as of {self.as_of}>"


class ParkAssessment:
    """An assessment study: which parks, which frameworks, on which date. :meth:`run` does the work.

    Parameters
    ----------
    parks : Park, sequence of Park, or ParkStack
        The parks to assess.
    frameworks : str, path, Framework or a sequence of them
        Framework ids (``"VN35"``, ``"VN82"``, ``"IEF2"``), catalogue paths or loaded frameworks.
    as_of : datetime.date, optional
        Assessment (registration) date; default today. It sets the 3-year look-back, the age of
        plans and reports and the years since a greenfield park was established.
    """

    def __init__(
        self,
        parks: Park | Sequence[Park] | ParkStack,
        frameworks: FrameworkLike | Sequence[FrameworkLike] = "VN35",
        as_of: datetime.date | None = None,
    ) -> None:
        self.stack = parks if isinstance(parks, ParkStack) else stack_parks(parks)
        items = [frameworks] if isinstance(frameworks, str | Path | Framework) else list(frameworks)
        if not items:
            raise ValueError("no framework to assess against; give e.g. 'VN35'")
        self.frameworks = [_framework(f) for f in items]
        self.as_of = as_of or datetime.date.today()

    def run(self) -> AssessmentResult:
        """Compute the indicators, score every criterion and return the result."""
        evaluation = evaluate(self.stack, self.frameworks, self.as_of)
        return AssessmentResult(evaluation, self.frameworks, self.as_of, self.stack)

    def __repr__(self) -> str:
        ids = ", ".join(fw.id for fw in self.frameworks)
        return f"<ParkAssessment {len(self.stack)} park(s) x {ids} as of {self.as_of}>"


def assess(
    parks: Park | Sequence[Park] | ParkStack,
    frameworks: FrameworkLike | Sequence[FrameworkLike] = "VN35",
    as_of: datetime.date | None = None,
) -> AssessmentResult:
    """Assess one or many parks against one or many frameworks (see :class:`ParkAssessment`)."""
    return ParkAssessment(parks, frameworks, as_of).run()

"""Criteria catalogues: one YAML file per framework, validated by a pydantic schema.

The shipped catalogues (``_frameworks/IEF2.yaml``, ``VN82.yaml``, ``VN35.yaml``) carry every
criterion of eipkit's reference with its threshold, threshold status, source and confidence. A
user adds a framework (another country's, a new decree) by writing a file of the same shape and
passing its path, or by putting it in a folder listed in the environment variable
``EIPKIT_FRAMEWORKS``; no code changes. A broken file is refused with every problem, its place
and the fix (:class:`CatalogueError`).

Rules checked beyond the field types:

* ``threshold_status`` ``unverified`` or ``not_applicable`` means ``threshold: null`` (a known
  candidate goes to ``candidate_threshold``, for display only); ``verified``, ``secondary`` and
  ``derived`` need a number;
* numeric comparators (``>=``, ``<=``, ``==``, ``within``) need a threshold or the status
  ``unverified``; ``exists`` and ``documented`` take none;
* every indicator key is known (:func:`~eipkit.assessment.indicator_spec`), a scored ``exists``
  check reads a yes/no indicator, and ``within`` reads a violation count over the same look-back;
* ids are unique; categories, ``depends_on`` and ``verdict_criteria`` refer to what exists.

>>> fw = load_framework("VN35")
>>> len(fw.criteria), fw.criterion("VN35-A37-2c").threshold
(35, 20.0)
"""

from __future__ import annotations

import datetime as dt
import os
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from eipkit.assessment.indicators import indicator_spec

__all__ = [
    "CatalogueError",
    "Condition",
    "Criterion",
    "DossierItem",
    "Framework",
    "framework_ids",
    "load_framework",
]

Comparator = Literal[">=", "<=", "==", "exists", "within", "documented"]
ThresholdStatus = Literal["verified", "secondary", "derived", "unverified", "not_applicable"]
_NUMERIC = (">=", "<=", "==", "within")
#: Environment variable naming extra folders (``os.pathsep``-separated) with framework files.
ENV_VAR = "EIPKIT_FRAMEWORKS"


class CatalogueError(ValueError):
    """A framework catalogue that cannot be used; the message lists every problem and its fix."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Condition(_Model):
    """One testable condition: an indicator compared with a threshold."""

    indicator: str
    comparator: Comparator
    threshold: float | None = None
    threshold_status: ThresholdStatus
    threshold_note: str | None = None
    candidate_threshold: float | None = None
    candidate_basis: str | None = None
    source: str | None = None

    @field_validator("indicator")
    @classmethod
    def _known_indicator(cls, key: str) -> str:
        try:
            indicator_spec(key)
        except KeyError as exc:
            raise ValueError(str(exc.args[0])) from None
        return key

    @model_validator(mode="after")
    def _threshold_rules(self) -> Condition:
        status, value = self.threshold_status, self.threshold
        if status in ("unverified", "not_applicable") and value is not None:
            raise ValueError(
                f"threshold must be null when threshold_status is '{status}'; "
                "move a candidate value to candidate_threshold (it is shown, never scored)"
            )
        if status in ("verified", "secondary", "derived") and value is None:
            raise ValueError(
                f"threshold_status '{status}' needs a numeric threshold; or set threshold_status: unverified"
            )
        if self.candidate_threshold is not None and status != "unverified":
            raise ValueError("candidate_threshold is only for threshold_status 'unverified'")
        if self.comparator in _NUMERIC and status == "not_applicable":
            raise ValueError(
                f"comparator '{self.comparator}' needs a threshold; give one, or threshold_status: unverified"
            )
        spec = indicator_spec(self.indicator)
        if status == "unverified":
            return self
        if self.comparator in ("exists", "documented") and spec.kind != "boolean":
            raise ValueError(
                f"comparator '{self.comparator}' checks a yes/no indicator, but '{self.indicator}' is a {spec.kind}; "
                "use >=, <= or == with a threshold"
            )
        if self.comparator in (">=", "<=", "==") and spec.kind == "boolean":
            raise ValueError(f"'{self.indicator}' is yes/no; use comparator 'exists'")
        if self.comparator == "within" and spec.window != self.threshold:
            raise ValueError(
                f"comparator 'within' needs a violation count over {self.threshold} years; "
                f"'{self.indicator}' counts over {spec.window} years"
            )
        return self


class Criterion(Condition):
    """One criterion of a framework, as in eipkit's reference catalogue.

    ``indicator``/``comparator``/``threshold`` form the main condition; ``also`` lists further
    conditions that must all hold. ``scope: firm`` criteria are assessed per firm (eco-enterprise);
    ``applies_if`` restricts a criterion to parks whose record matches (``{eip_path: [new]}``);
    ``depends_on`` makes a deadline criterion met once the listed criteria are met.
    """

    id: str = Field(pattern=r"^[A-Za-z0-9_.\-]+$")
    category: str
    subcategory: str = ""
    kind: Literal["prerequisite", "performance"]
    title_en: str
    title_vi: str
    indicator_text: str = ""
    unit: str = ""
    applies_to: Literal["park", "firm", "park-operator", "park+firm", "authority"]
    data_needed: list[str] = []
    source: str
    confidence: Literal["high", "medium", "low"]
    maps_to: list[str] = []
    notes: str | None = None
    also: list[Condition] = []
    scope: Literal["park", "firm"] = "park"
    applies_if: dict[str, list[str]] = {}
    depends_on: list[str] = []

    @property
    def conditions(self) -> list[Condition]:
        """The main condition followed by the ``also`` conditions."""
        main = Condition(
            indicator=self.indicator,
            comparator=self.comparator,
            threshold=self.threshold,
            threshold_status=self.threshold_status,
            threshold_note=self.threshold_note,
            candidate_threshold=self.candidate_threshold,
            candidate_basis=self.candidate_basis,
            source=self.source,
        )
        return [main, *self.also]

    def title(self, lang: str = "en") -> str:
        """Title in ``lang`` (``vi`` or ``en``)."""
        return self.title_vi if lang == "vi" else self.title_en

    @model_validator(mode="after")
    def _levels(self) -> Criterion:
        firm_level = [c.indicator for c in self.conditions if indicator_spec(c.indicator).level == "firm"]
        if firm_level and self.scope == "park":
            raise ValueError(f"indicators {firm_level} are per firm; set 'scope: firm' or use park indicators")
        return self

    @field_validator("applies_if")
    @classmethod
    def _park_columns(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        from eipkit.park import schema

        columns = schema()["park"].names
        unknown = [k for k in value if k not in columns]
        if unknown:
            raise ValueError(f"applies_if refers to {unknown}, which are not park columns ({', '.join(columns)})")
        return value


class DossierItem(_Model):
    """One document of a certification dossier; ``produced_by`` names the eipkit output that drafts it."""

    id: str
    title_en: str
    title_vi: str
    produced_by: (
        Literal["registration_letter", "operations_report", "self_assessment", "forms_park", "forms_enterprise"] | None
    ) = None
    evidence: list[str] = []
    optional: bool = False
    statutory: bool = True


class Certificate(BaseModel):
    """Certificate facts (issuer, dossier sets, steps) kept as in the reference; ``dossier_items`` typed."""

    model_config = ConfigDict(extra="allow", frozen=True)
    title_vi: str
    dossier_sets: int
    dossier_items: list[DossierItem] = []


class Certification(BaseModel):
    """Certification procedures of a framework."""

    model_config = ConfigDict(extra="allow", frozen=True)
    eip: Certificate | None = None
    eco_enterprise: Certificate | None = None


class Framework(_Model):
    """A criteria framework: metadata, sources, categories and criteria (see the module docstring)."""

    catalogue_version: str
    compiled: str
    id: str = Field(pattern=r"^[A-Za-z0-9_\-]+$")
    name: str
    name_vi: str
    publishers: list[str] = []
    date: str = ""
    structure: str = ""
    status: Literal["in_force", "repealed", "reference", "draft"]
    status_note: str = ""
    country: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    sources: list[str] = Field(min_length=1)
    notice: dict[Literal["en", "vi"], str]
    categories: dict[str, dict[Literal["en", "vi"], str]]
    verdict_criteria: list[str] | None = None
    certification: Certification | None = None
    definitions: list[dict[str, Any]] = []
    criteria: list[Criterion] = Field(min_length=1)

    @model_validator(mode="after")
    def _references(self) -> Framework:
        ids = [c.id for c in self.criteria]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"criterion ids must be unique; repeated: {', '.join(dupes)}")
        known = set(ids)
        for c in self.criteria:
            if c.category not in self.categories:
                raise ValueError(f"{c.id}: category '{c.category}' is not declared under 'categories'")
            bad = [d for d in c.depends_on if d not in known]
            if bad:
                raise ValueError(f"{c.id}: depends_on refers to unknown criteria {bad}")
        bad = [v for v in self.verdict_criteria or [] if v not in known]
        if bad:
            raise ValueError(f"verdict_criteria refers to unknown criteria {bad}")
        for cert in (self.certification.eip, self.certification.eco_enterprise) if self.certification else ():
            for item in cert.dossier_items if cert else []:
                bad = [e for e in item.evidence if e not in known]
                if bad:
                    raise ValueError(f"dossier item '{item.id}': evidence refers to unknown criteria {bad}")
        return self

    def criterion(self, criterion_id: str) -> Criterion:
        """Return the criterion with id ``criterion_id`` (KeyError naming the ids if absent)."""
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise KeyError(f"framework {self.id} has no criterion '{criterion_id}'")

    def title(self, lang: str = "en") -> str:
        """Name of the framework in ``lang``."""
        return self.name_vi if lang == "vi" else self.name

    @property
    def verdict_ids(self) -> list[str]:
        """Criteria that decide the verdict: ``verdict_criteria``, else every park-level prerequisite."""
        if self.verdict_criteria is not None:
            return list(self.verdict_criteria)
        return [c.id for c in self.criteria if c.kind == "prerequisite" and c.scope == "park"]

    def __repr__(self) -> str:
        return f"<Framework {self.id} v{self.catalogue_version}: {len(self.criteria)} criteria>"

    __str__ = __repr__


def _shipped() -> dict[str, Path]:
    folder = resources.files("eipkit.assessment").joinpath("_frameworks")
    return {Path(str(p)).stem: Path(str(p)) for p in folder.iterdir() if str(p).endswith(".yaml")}


def _extra_dirs() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for folder in filter(None, os.environ.get(ENV_VAR, "").split(os.pathsep)):
        path = Path(folder)
        if path.is_dir():
            found.update({p.stem: p for p in sorted(path.glob("*.yaml"))})
    return found


def framework_ids() -> list[str]:
    """Ids of the frameworks available by name: the shipped ones and those in ``EIPKIT_FRAMEWORKS`` folders."""
    return sorted({**_shipped(), **_extra_dirs()})


def _where(loc: tuple[int | str, ...], raw: Any) -> str:
    parts: list[str] = []
    node = raw
    for key in loc:
        if isinstance(key, int) and isinstance(node, list) and key < len(node):
            node = node[key]
            label = node.get("id") if isinstance(node, dict) else None
            parts.append(f"[{key}]" + (f" ({label})" if label else ""))
        else:
            node = node.get(key) if isinstance(node, dict) else None
            parts.append(f".{key}" if parts else str(key))
    return "".join(parts) or "(file)"


def _parse(path: Path) -> Framework:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CatalogueError(f"framework catalogue '{path}' is not valid YAML: {exc}") from None
    if not isinstance(raw, dict):
        raise CatalogueError(f"framework catalogue '{path}' must be a mapping with 'id', 'name', 'criteria' ...")
    try:
        return Framework.model_validate(raw)
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            msg = str(err["msg"]).removeprefix("Value error, ")
            lines.append(f"  - {_where(tuple(err['loc']), raw)}: {msg}")
        raise CatalogueError(
            f"framework catalogue '{path}' has {len(lines)} problem(s):\n" + "\n".join(lines)
        ) from None


@cache
def _load_cached(path: str, mtime: float) -> Framework:
    return _parse(Path(path))


def load_framework(framework: str | os.PathLike[str]) -> Framework:
    """Load and validate a framework catalogue.

    Parameters
    ----------
    framework : str or path
        A framework id (``"VN35"``, ``"VN82"``, ``"IEF2"`` or one in an ``EIPKIT_FRAMEWORKS``
        folder) or the path of a YAML file.

    Returns
    -------
    Framework

    Raises
    ------
    CatalogueError
        If the file breaks the schema (every problem is listed with its place and fix).
    KeyError
        If no framework has that id.
    """
    path = Path(framework)
    if not path.is_file():
        known = {**_shipped(), **_extra_dirs()}
        key = str(framework)
        match = next((k for k in known if k.lower() == key.lower()), None)
        if match is None:
            raise KeyError(f"no framework '{key}'; available: {', '.join(sorted(known))}, or give a .yaml path")
        path = known[match]
    return _load_cached(str(path.resolve()), path.stat().st_mtime)

"""The symbiosis knowledge base: class knowledge, pairing rules and their sources, as data.

Three files in ``eipkit/symbiosis/_data`` sit on top of the shared taxonomy
(``eipkit/vocab/_data/resource_classes.yaml``):

* ``classes.yaml`` - synonyms in English and Vietnamese, EWC and Vietnamese waste codes, sector
  hints (who produces and who uses a class), pooling flags and typical calorific values;
* ``rules.yaml`` - substitution rules ("output class X can replace input class Y") and pooling
  rules, each with conditions, processing, costs and references;
* ``references.yaml`` - the published cases, standards and papers the rules cite.

:func:`knowledge_base` loads and cross-checks them (unknown classes, sectors, parameters or
references raise :class:`KnowledgeBaseError` naming the entry) and returns a
:class:`KnowledgeBase`; :meth:`KnowledgeBase.class_pairs` expands the rules over the taxonomy into
the table the matching engine joins on.

>>> kb = knowledge_base()
>>> kb.ancestors("fly_ash")
('ash',)
>>> pairs = kb.class_pairs()
>>> pairs.filter((pl.col("supply_class") == "fly_ash") & (pl.col("demand_class") == "fly_ash"))["rule"][0]
'fly_ash_scm'
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any, Literal

import polars as pl
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from eipkit.vocab import vocabulary

__all__ = ["KnowledgeBase", "KnowledgeBaseError", "PoolRule", "Rule", "knowledge_base"]

Range = tuple[float, float, float]


class KnowledgeBaseError(ValueError):
    """The shipped (or a user-supplied) knowledge base is inconsistent; the message names the entry."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Strict):
    """A text in English and Vietnamese."""

    en: str
    vi: str


class Condition(_Strict):
    """A default quality condition of a rule (used when the receiver states no limit)."""

    parameter: str
    max: float | None = None
    min: float | None = None
    severity: Literal["warn", "fail"] = "warn"
    ref: str


class Rule(_Strict):
    """A substitution rule: outputs of ``supply`` classes can replace inputs of ``demand`` classes."""

    id: str
    name: Text
    supply: tuple[str, ...]
    same: bool = False
    demand: tuple[str, ...] = ()
    demand_exact: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    receiver_sectors: tuple[str, ...] = ()
    supplier_sectors: tuple[str, ...] = ()
    receiver_activities: tuple[str, ...] = ()
    effect: Literal["material", "feed", "fuel", "heat", "water", "co2_reuse", "service"]
    transport: Literal["truck", "pipeline_water", "pipeline_heat", "pipeline_steam", "none"] = "truck"
    max_distance_km: float | None = None
    hazardous: Literal["forbidden", "licensed"] = "forbidden"
    storable: bool = True
    quality: tuple[Condition, ...] = ()
    treated: dict[str, float] = Field(default_factory=dict)
    dtmin: float | None = None
    moisture_max: float | None = None
    calorific_min: float | None = None
    max_share: float = 1.0
    value_factor: Range = (1.0, 1.0, 1.0)
    yield_: float = Field(1.0, alias="yield")
    displaced_fuel: str | None = None
    caveat: Text | None = None
    processing: Text | None = None
    processing_cost: Range = (0.0, 0.0, 0.0)
    capex_per_capacity: Range = (0.0, 0.0, 0.0)
    capex_fixed: Range = (0.0, 0.0, 0.0)
    type: Literal["by_product", "shared_infrastructure", "shared_service", "inter_park", "other"] = "by_product"
    priority: int = 10
    lifetime: float = 10.0
    refs: tuple[str, ...]


class PoolRule(_Strict):
    """A pooling rule: firms with the same input (or output) class act together."""

    id: str
    name: Text
    direction: Literal["in", "out"]
    pool: Literal["purchase", "waste"]
    destinations: tuple[str, ...]
    saving_share: Range
    type: Literal["shared_service", "shared_infrastructure", "other"] = "shared_service"
    refs: tuple[str, ...]


class ClassInfo(_Strict):
    """What the knowledge base knows about one resource class."""

    en: tuple[str, ...] = ()
    vi: tuple[str, ...] = ()
    ewc: tuple[str, ...] = ()
    vn: tuple[str, ...] = ()
    producers: tuple[str, ...] = ()
    users: tuple[str, ...] = ()
    pool: tuple[Literal["purchase", "waste"], ...] = ()
    calorific_value: Range | None = None
    hazardous: bool = False


def _read(name: str) -> dict[str, Any]:
    text = resources.files("eipkit.symbiosis").joinpath("_data", name).read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


class KnowledgeBase:
    """Resource classes with their knowledge, the pairing rules and the references.

    Attributes
    ----------
    parents : dict
        Class id -> parent id (None for a root), from the shared taxonomy.
    info : dict
        Class id -> :class:`ClassInfo` (empty info for classes the files do not mention).
    rules : dict
        Rule id -> :class:`Rule`.
    pools : dict
        Rule id -> :class:`PoolRule`.
    references : dict
        Reference key -> ``{"type": ..., "text": ...}``.
    vn_groups : dict
        Two-digit Vietnamese waste-code group -> candidate classes (weak evidence).
    """

    def __init__(
        self,
        parents: dict[str, str | None],
        info: dict[str, ClassInfo],
        rules: dict[str, Rule],
        pools: dict[str, PoolRule],
        references: dict[str, dict[str, str]],
        vn_groups: dict[str, tuple[str, ...]],
    ) -> None:
        self.parents = parents
        self.info = info
        self.rules = rules
        self.pools = pools
        self.references = references
        self.vn_groups = vn_groups
        self._check()

    # -- taxonomy ---------------------------------------------------------------------------
    def ancestors(self, resource_class: str) -> tuple[str, ...]:
        """Return the ancestors of ``resource_class``, nearest first."""
        out: list[str] = []
        parent = self.parents.get(resource_class)
        while parent is not None:
            out.append(parent)
            parent = self.parents.get(parent)
        return tuple(out)

    def lineage(self, resource_class: str) -> tuple[str, ...]:
        """Return ``resource_class`` followed by its ancestors."""
        return (resource_class, *self.ancestors(resource_class))

    def is_within(self, resource_class: str, ancestor: str) -> bool:
        """Return True if ``resource_class`` is ``ancestor`` or one of its subclasses."""
        return ancestor in self.lineage(resource_class)

    def depth(self, resource_class: str) -> int:
        """Return the depth of ``resource_class`` in the taxonomy (0 for a root)."""
        return len(self.ancestors(resource_class))

    def common_ancestor(self, classes: list[str]) -> str | None:
        """Return the deepest class that contains every class of ``classes`` (None if none)."""
        if not classes:
            return None
        common = set(self.lineage(classes[0]))
        for cls in classes[1:]:
            common &= set(self.lineage(cls))
        if not common:
            return None
        return max(common, key=self.depth)

    # -- rules --------------------------------------------------------------------------------
    def _rule_pairs(self, rule: Rule) -> list[tuple[str, str, int]]:
        """Return the (supply class, demand class, specificity) pairs a rule allows."""
        classes = list(self.parents)
        out: list[tuple[str, str, int]] = []
        for s in classes:
            roots = [r for r in rule.supply if self.is_within(s, r)]
            if not roots:
                continue
            root = max(roots, key=self.depth)
            targets: dict[str, int] = {}
            if rule.same:
                for d in self.lineage(s):
                    targets[d] = self.depth(root)
                    if d == root:
                        break
            for d in classes:
                hits = [q for q in rule.demand if self.is_within(d, q)]
                if d in rule.demand_exact:
                    hits.append(d)
                if hits:
                    targets.setdefault(d, max(self.depth(q) for q in hits))
            for d, spec in targets.items():
                if any(self.is_within(d, x) for x in rule.exclude):
                    continue
                out.append((s, d, rule.priority * 100 + self.depth(root) * 10 + spec))
        return out

    def class_pairs(self) -> pl.DataFrame:
        """Expand every substitution rule into (supply_class, demand_class) pairs, best rule per pair.

        Returns
        -------
        polars.DataFrame
            Columns ``supply_class``, ``demand_class``, ``rule`` (the most specific, highest
            priority rule for the pair) and ``specificity``.
        """
        return _class_pairs(self)

    def _check(self) -> None:
        known = set(self.parents)
        sectors = set(vocabulary("sectors"))
        params = set(vocabulary("quality_parameters")) | {"purity"}
        problems: list[str] = []
        for cls, inf in self.info.items():
            if cls not in known:
                problems.append(f"classes.yaml: '{cls}' is not a resource class of the taxonomy")
            for sector in (*inf.producers, *inf.users):
                if sector not in sectors:
                    problems.append(f"classes.yaml: class '{cls}' names unknown sector '{sector}'")
        for group, members in self.vn_groups.items():
            problems += [f"classes.yaml vn_groups '{group}': unknown class '{c}'" for c in members if c not in known]
        for rule in self.rules.values():
            where = f"rules.yaml rule '{rule.id}'"
            for cls in (*rule.supply, *rule.demand, *rule.demand_exact, *rule.exclude):
                if cls not in known:
                    problems.append(f"{where}: unknown class '{cls}'")
            for sector in (*rule.receiver_sectors, *rule.supplier_sectors):
                if sector not in sectors:
                    problems.append(f"{where}: unknown sector '{sector}'")
            for cond in rule.quality:
                if cond.parameter not in params:
                    problems.append(f"{where}: unknown quality parameter '{cond.parameter}'")
                if cond.ref not in self.references:
                    problems.append(f"{where}: unknown reference '{cond.ref}'")
                if (cond.max is None) == (cond.min is None):
                    problems.append(f"{where}: condition on '{cond.parameter}' needs exactly one of max or min")
            problems += [f"{where}: unknown reference '{r}'" for r in rule.refs if r not in self.references]
            problems += [f"{where}: unknown parameter '{p}' in treated" for p in rule.treated if p not in params]
            if not rule.refs:
                problems.append(f"{where}: no reference; every rule needs a documented source")
            if not (rule.same or rule.demand or rule.demand_exact):
                problems.append(f"{where}: pairs nothing (give same: true, demand or demand_exact)")
            if not 0 < rule.max_share <= 1:
                problems.append(f"{where}: max_share must be in (0, 1]")
            for name in ("value_factor", "processing_cost", "capex_per_capacity", "capex_fixed"):
                low, mid, high = getattr(rule, name)
                if not low <= mid <= high:
                    problems.append(f"{where}: {name} must be [low, central, high] in increasing order")
        for pool in self.pools.values():
            problems += [
                f"rules.yaml pool '{pool.id}': unknown reference '{r}'" for r in pool.refs if r not in self.references
            ]
        if problems:
            raise KnowledgeBaseError("knowledge base is inconsistent:\n  " + "\n  ".join(problems))


@cache
def _class_pairs(kb: KnowledgeBase) -> pl.DataFrame:
    rows: dict[tuple[str, str], tuple[str, int]] = {}
    for rule in kb.rules.values():
        for s, d, spec in kb._rule_pairs(rule):
            best = rows.get((s, d))
            if best is None or spec > best[1]:
                rows[(s, d)] = (rule.id, spec)
    return pl.DataFrame(
        {
            "supply_class": [k[0] for k in rows],
            "demand_class": [k[1] for k in rows],
            "rule": [v[0] for v in rows.values()],
            "specificity": [v[1] for v in rows.values()],
        },
        schema={"supply_class": pl.String, "demand_class": pl.String, "rule": pl.String, "specificity": pl.Int64},
    ).sort("supply_class", "demand_class")


@cache
def knowledge_base() -> KnowledgeBase:
    """Load the shipped knowledge base (cached) and check its cross-references.

    Raises
    ------
    KnowledgeBaseError
        If a file names an unknown class, sector, quality parameter or reference.
    """
    taxonomy = vocabulary("resource_classes")
    parents = {cid: item.get("parent") for cid, item in taxonomy.items()}
    classes = _read("classes.yaml")
    rules = _read("rules.yaml")
    refs = _read("references.yaml")["references"]
    defaults = rules.get("defaults", {})
    try:
        info = {cid: ClassInfo(**(body or {})) for cid, body in classes["classes"].items()}
        subs = {r["id"]: Rule(**{**defaults, **r}) for r in rules["rules"]}
        pools = {p["id"]: PoolRule(**p) for p in rules.get("pooling", [])}
    except ValidationError as exc:
        raise KnowledgeBaseError(f"knowledge base file does not follow its format: {exc}") from None
    for cid in parents:
        info.setdefault(cid, ClassInfo())
    groups = {str(k): tuple(v) for k, v in classes.get("vn_groups", {}).items()}
    return KnowledgeBase(parents, info, subs, pools, refs, groups)

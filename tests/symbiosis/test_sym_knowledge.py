"""The knowledge base: shipped data are consistent, sourced and broad; rules expand as documented."""

from __future__ import annotations

import polars as pl
import pytest

from eipkit.symbiosis import KnowledgeBaseError, knowledge_base
from eipkit.symbiosis.knowledge import ClassInfo, KnowledgeBase, Rule
from eipkit.vocab import vocabulary


def _pair(kb: KnowledgeBase, s: str, d: str) -> str | None:
    hit = kb.class_pairs().filter((pl.col("supply_class") == s) & (pl.col("demand_class") == d))
    return hit.get_column("rule")[0] if hit.height else None


def test_every_taxonomy_class_has_knowledge_and_every_entry_is_a_class() -> None:
    kb = knowledge_base()
    assert set(kb.info) == set(vocabulary("resource_classes"))


def test_every_rule_cites_existing_references() -> None:
    kb = knowledge_base()
    for rule in kb.rules.values():
        assert rule.refs, rule.id
        assert all(r in kb.references for r in rule.refs), rule.id
        assert all(c.ref in kb.references for c in rule.quality), rule.id
    for ref in kb.references.values():
        assert ref["text"] and ref["short"] and ref["type"]


def test_coverage_is_broad() -> None:
    """Broad coverage of documented exchanges: many rules, pairs and coded classes."""
    kb = knowledge_base()
    assert len(kb.rules) >= 30
    assert kb.class_pairs().height >= 200
    assert sum(1 for i in kb.info.values() if i.ewc) >= 60
    assert sum(1 for i in kb.info.values() if i.vi) >= 100
    effects = {r.effect for r in kb.rules.values()}
    assert effects >= {"material", "feed", "fuel", "heat", "water", "co2_reuse", "service"}
    assert {p.pool for p in kb.pools.values()} == {"purchase", "waste"}


@pytest.mark.parametrize(
    ("supply", "demand", "rule"),
    [
        ("fly_ash", "fly_ash", "fly_ash_scm"),
        ("fly_ash", "ash", "ash_masonry"),
        ("fgd_gypsum", "gypsum", "gypsum_substitute"),
        ("steel_slag", "slag", "slag_cement"),
        ("steel_scrap", "metal_scrap", "scrap_recycling"),
        ("spent_grain", "animal_feed", "spent_grain_feed"),
        ("treated_effluent", "water", "effluent_reuse"),
        ("solvents", "solvents", "liquid_coprocessing"),
        ("rubber_waste", "refuse_derived_fuel", "solid_alternative_fuel"),
        ("waste_heat_gas", "heat", "waste_heat_gas"),
        ("condensate", "condensate", "condensate_return"),
    ],
)
def test_documented_pairs(supply: str, demand: str, rule: str) -> None:
    assert _pair(knowledge_base(), supply, demand) == rule


@pytest.mark.parametrize(
    ("supply", "demand"),
    [
        ("aluminium_scrap", "steel_scrap"),  # siblings are not interchangeable
        ("ash", "fly_ash"),  # a broad supply does not meet a specific demand
        ("treated_effluent", "freshwater"),  # no reclaimed water for potable uses
        ("wood_pallets", "wood_pallets") if False else ("sawdust", "wood_pallets"),  # excluded demand
        ("fly_ash", "foundry_sand"),
        ("hot_water", "steam_lp"),
    ],
)
def test_pairs_that_must_not_exist(supply: str, demand: str) -> None:
    assert _pair(knowledge_base(), supply, demand) is None


def test_the_most_specific_rule_wins() -> None:
    # steel slag meets sand through two rules' reach; fly ash meets fly ash through ash_masonry and fly_ash_scm
    assert _pair(knowledge_base(), "fly_ash", "fly_ash") == "fly_ash_scm"
    assert _pair(knowledge_base(), "wood_pallets", "wood_pallets") == "pallet_reuse"


def test_taxonomy_helpers() -> None:
    kb = knowledge_base()
    assert kb.ancestors("sawdust") == ("wood_waste", "biomass")
    assert kb.lineage("fly_ash") == ("fly_ash", "ash")
    assert kb.is_within("steam_lp", "heat") and not kb.is_within("heat", "steam_lp")
    assert kb.depth("ash") == 0
    assert kb.common_ancestor(["aluminium_scrap", "copper_scrap"]) == "metal_scrap"
    assert kb.common_ancestor(["fly_ash", "pe"]) is None


def test_inconsistent_knowledge_is_refused_with_the_entry_named() -> None:
    kb = knowledge_base()
    bad = Rule(
        id="bad_rule",
        name={"en": "x", "vi": "x"},
        supply=("no_such_class",),
        same=True,
        effect="material",
        refs=("no_such_ref",),
        receiver_sectors=("no_sector",),
    )
    with pytest.raises(KnowledgeBaseError, match=r"bad_rule.*no_such_class") as err:
        KnowledgeBase(kb.parents, kb.info, {**kb.rules, "bad_rule": bad}, kb.pools, kb.references, kb.vn_groups)
    assert "no_such_ref" in str(err.value) and "no_sector" in str(err.value)
    with pytest.raises(KnowledgeBaseError, match="not a resource class"):
        KnowledgeBase(kb.parents, {**kb.info, "unicorn": ClassInfo()}, kb.rules, kb.pools, kb.references, kb.vn_groups)

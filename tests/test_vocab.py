"""Shared vocabularies: every entry has an English and a Vietnamese name and only known fields.

A comma inside an unquoted YAML flow mapping silently splits a name into a stray key; these
tests catch that in every shipped vocabulary and in the glossary.
"""

from __future__ import annotations

import pytest

from eipkit._docs import glossary
from eipkit.vocab import VOCABULARIES, label, vocabulary

FIELDS = {
    "sectors": {"en", "vi", "vsic_divisions"},
    "resource_classes": {"parent", "category", "en", "vi"},
    "quality_parameters": {"en", "vi", "canonical", "alt"},
    "facts": {"applies_to", "indicator", "en", "vi"},
}


@pytest.mark.parametrize("name", VOCABULARIES)
def test_entries_have_names_and_known_fields(name: str) -> None:
    for key, entry in vocabulary(name).items():
        assert set(entry) <= FIELDS[name], (name, key, set(entry) - FIELDS[name])
        assert isinstance(entry["en"], str) and entry["en"], (name, key)
        assert isinstance(entry["vi"], str) and entry["vi"], (name, key)


def test_resource_class_parents_exist() -> None:
    classes = vocabulary("resource_classes")
    for key, entry in classes.items():
        assert entry["parent"] is None or entry["parent"] in classes, key


def test_names_with_commas_survive() -> None:
    assert label("resource_classes", "rubber_waste", "vi") == "Cao su, lốp thải"
    assert label("sectors", "waste_management", "en") == "Waste collection, treatment and recycling"


def test_glossary_terms_have_only_unit_and_names() -> None:
    for name, term in glossary().items():
        assert set(term) == {"unit", "en", "vi"}, name

"""Controlled vocabularies shared by every part of eipkit.

Sectors, resource classes (the shared taxonomy), quality parameters and evidence facts are data
files in ``eipkit/vocab/_data``; each entry has an English and a Vietnamese name. Later layers
(symbiosis, assessment) read these lists and add to them; they never redefine an id.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["VOCABULARIES", "label", "vocabulary", "vocabulary_source"]

#: Names of the shipped vocabularies.
VOCABULARIES: tuple[str, ...] = ("sectors", "resource_classes", "quality_parameters", "facts")


@cache
def _load(name: str) -> dict[str, Any]:
    if name not in VOCABULARIES:
        raise KeyError(f"unknown vocabulary '{name}'; known: {', '.join(VOCABULARIES)}")
    text = resources.files("eipkit.vocab").joinpath("_data", f"{name}.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return {"source": data.get("source", ""), "items": data["items"]}


def vocabulary(name: str) -> dict[str, dict[str, Any]]:
    """Return the entries of a vocabulary, keyed by id.

    Parameters
    ----------
    name : str
        One of :data:`VOCABULARIES`.

    Returns
    -------
    dict
        ``{id: {"en": ..., "vi": ..., ...}}`` in file order.

    Examples
    --------
    >>> vocabulary("sectors")["beverage"]["vi"]
    'Bia và đồ uống'
    """
    items: dict[str, dict[str, Any]] = _load(name)["items"]
    return items


def vocabulary_source(name: str) -> str:
    """Return the source statement of a vocabulary."""
    source: str = _load(name)["source"]
    return source


def label(name: str, key: str, lang: str = "en") -> str:
    """Return the name of ``key`` in vocabulary ``name`` in ``lang`` (the key if unknown)."""
    entry = vocabulary(name).get(key)
    if entry is None:
        return key
    return str(entry.get(lang) or entry.get("en") or key)

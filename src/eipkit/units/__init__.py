"""Units: one pint registry, parsing of unit strings and canonical units per quantity kind.

Engines work on plain floats in canonical units (see :data:`CANONICAL_UNITS` and the glossary in
``docs/glossary.md``); conversion happens once, when park data are read.
"""

from eipkit.units._kinds import (
    CANONICAL_UNITS,
    KINDS,
    annual_factor,
    conversion_factor,
    convert,
    kind_name,
    kind_of,
)
from eipkit.units._registry import UnitError, parse_unit, registry

__all__ = [
    "CANONICAL_UNITS",
    "KINDS",
    "UnitError",
    "annual_factor",
    "conversion_factor",
    "convert",
    "kind_name",
    "kind_of",
    "parse_unit",
    "registry",
]

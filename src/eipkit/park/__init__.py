"""The park data model: tables, schema, validation and park files.

>>> from eipkit.park import read_park
>>> park = read_park("demo")          # doctest: +SKIP
"""

from eipkit.park._park import DERIVED_COLUMNS, Park
from eipkit.park.files import read_park, write_park, write_template
from eipkit.park.issues import CHECKS, Issue, ParkValidationError, ValidationReport
from eipkit.park.schema import TABLES, Column, TableSchema, schema, table_schema

__all__ = [
    "CHECKS",
    "DERIVED_COLUMNS",
    "TABLES",
    "Column",
    "Issue",
    "Park",
    "ParkValidationError",
    "TableSchema",
    "ValidationReport",
    "read_park",
    "schema",
    "table_schema",
    "write_park",
    "write_template",
]

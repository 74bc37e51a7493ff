"""Build the bundled demo park folder ``src/eipkit/datasets/demo_park/`` from the deterministic generator.

Usage::

    python scripts/build_demo_park.py [OUTPUT_FOLDER]

The generator's tables go through the same checks as any park file (``Park.from_records``, strict:
a warning stops the build) and are written with the library's park-folder writer.
"""

from __future__ import annotations

import sys
from pathlib import Path

from eipkit.datasets._demo_generator import build_demo_tables
from eipkit.park import Park, write_park
from eipkit.park.schema import TABLES

OUT = Path(__file__).resolve().parents[1] / "src" / "eipkit" / "datasets" / "demo_park"


def write(out: Path) -> None:
    """Validate the demo tables and write them to ``out`` (README.md there is kept)."""
    tables = build_demo_tables()
    park = Park.from_records(tables["park"][0], strict=True, **{n: tables[n] for n in TABLES if n != "park"})
    write_park(park, out)
    print(f"wrote {out}: " + ", ".join(f"{n} {len(tables[n])}" for n in TABLES))


if __name__ == "__main__":
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)

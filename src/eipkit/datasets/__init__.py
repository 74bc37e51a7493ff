"""Datasets shipped with eipkit, behind named loaders.

* ``demo``: a synthetic but realistic Vietnamese industrial park (about 50 firms) whose stream
  quantities follow published sector intensities (cited in ``_data/sector_intensities.yaml``).

>>> park = demo_park()
>>> park.id
'DEMO_SONGCAU'
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from eipkit.park import Park, read_park

__all__ = ["DATASETS", "dataset_path", "demo_park", "load_park"]

#: Bundled datasets: name -> folder inside the package.
DATASETS: dict[str, str] = {"demo": "demo_park"}


def dataset_path(name: str) -> Path:
    """Return the folder of bundled dataset ``name``.

    Raises
    ------
    KeyError
        If no dataset has that name.
    """
    if name not in DATASETS:
        raise KeyError(f"no bundled dataset '{name}'; available: {', '.join(DATASETS)}")
    return Path(str(resources.files("eipkit.datasets").joinpath(DATASETS[name])))


def demo_park(strict: bool = False) -> Park:
    """Load the bundled demo park (synthetic; see ``datasets/demo_park/README.md``)."""
    return read_park(dataset_path("demo"), strict=strict)


def load_park(spec: str | os.PathLike[str], strict: bool = False) -> Park:
    """Load a park from a workbook, a park folder, or the name of a bundled dataset.

    Parameters
    ----------
    spec : str or path
        ``"demo"``, ``"my_park.xlsx"`` or ``"my_park/"``. An existing path wins over a dataset
        name.
    strict : bool
        Treat warnings as errors.
    """
    path = Path(spec)
    if not path.exists() and str(spec) in DATASETS:
        return read_park(dataset_path(str(spec)), strict=strict)
    return read_park(path, strict=strict)

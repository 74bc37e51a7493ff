"""Fixtures for the park tests (data and file editors are in ``park_testing.py``).

The valid test park is built once and written once per session; each test gets its own copy of
the files, so it may break them freely.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from park_testing import ParkFolder, ParkWorkbook, build_park

from eipkit.park import Park, write_park


@pytest.fixture
def park() -> Park:
    """A small valid park: an operator, three tenants, eight streams and rows in every table."""
    return build_park()


@pytest.fixture(scope="session")
def base_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The valid test park written once: a CSV folder and workbooks in Vietnamese and English."""
    root = tmp_path_factory.mktemp("base")
    return {
        "folder": write_park(build_park(), root / "folder"),
        "vi": write_park(build_park(), root / "park_vi.xlsx", lang="vi"),
        "en": write_park(build_park(), root / "park_en.xlsx", lang="en"),
    }


@pytest.fixture
def write_folder(tmp_path: Path, base_files: dict[str, Path]) -> Callable[..., ParkFolder]:
    """Return a function writing a park (default: a copy of the valid test park) to a fresh CSV folder."""
    counter = iter(range(10_000))

    def _write(p: Park | None = None) -> ParkFolder:
        target = tmp_path / f"park_{next(counter)}"
        if p is None:
            shutil.copytree(base_files["folder"], target)
        else:
            write_park(p, target)
        return ParkFolder(target)

    return _write


@pytest.fixture
def folder(write_folder: Callable[..., ParkFolder]) -> ParkFolder:
    """The valid test park as a CSV folder of this test's own, ready to be broken."""
    return write_folder()


@pytest.fixture
def write_workbook(tmp_path: Path, base_files: dict[str, Path]) -> Callable[..., ParkWorkbook]:
    """Return a function writing a park (default: a copy of the valid test park) to a fresh workbook."""
    counter = iter(range(10_000))

    def _write(p: Park | None = None, lang: str = "vi") -> ParkWorkbook:
        target = tmp_path / f"park_{next(counter)}.xlsx"
        if p is None:
            shutil.copyfile(base_files[lang], target)
        else:
            write_park(p, target, lang=lang)
        return ParkWorkbook(target)

    return _write

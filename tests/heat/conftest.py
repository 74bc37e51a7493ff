"""Fixtures for the heat tests (data and helpers are in ``heat_testing.py``)."""

from __future__ import annotations

import pytest
from heat_testing import heat_park

from eipkit.park import Park


@pytest.fixture
def park() -> Park:
    return heat_park()

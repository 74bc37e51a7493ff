"""Fixtures for the network tests (data in ``network_testing.py``)."""

from __future__ import annotations

import pytest
from network_testing import network_park

from eipkit.park import Park


@pytest.fixture
def park() -> Park:
    return network_park()

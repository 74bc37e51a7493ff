"""Fixtures for the monitoring tests."""

from __future__ import annotations

import pytest
from monitoring_testing import make_park

from eipkit.park import Park


@pytest.fixture
def park() -> Park:
    """The small hand-built test park."""
    return make_park()


@pytest.fixture(scope="session")
def demo() -> Park:
    """The bundled demo park, loaded once."""
    from eipkit.datasets import demo_park

    return demo_park()

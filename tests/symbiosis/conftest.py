"""Fixtures of the symbiosis tests: the demo park's matching result is computed once."""

from __future__ import annotations

import pytest

from eipkit.datasets import demo_park
from eipkit.park import Park
from eipkit.symbiosis import MatchResult, match_park


@pytest.fixture(scope="session")
def demo() -> Park:
    return demo_park()


@pytest.fixture(scope="session")
def demo_result(demo: Park) -> MatchResult:
    return match_park(demo, time_limit=20.0)

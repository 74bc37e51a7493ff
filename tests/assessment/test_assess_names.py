"""Every indicator of eipkit.assessment is a glossary term (parameters: tests/test_glossary.py)."""

from __future__ import annotations

import eipkit.assessment as assessment
from eipkit._docs import glossary


def test_indicators_are_glossary_terms() -> None:
    assert set(assessment.INDICATORS) <= set(glossary())

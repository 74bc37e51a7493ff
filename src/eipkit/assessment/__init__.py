"""EIP assessment: criteria catalogues, indicators from park data, scorecards and certification dossiers.

Frameworks (one YAML catalogue each, validated on load): ``VN35`` (Decree 35/2022 with Circular
05/2025: EIP criteria, greenfield commitments, eco-enterprises and the 23 indicators), ``VN82``
(Decree 82/2018, for parks assessed before 15 July 2022) and ``IEF2`` (International EIP
Framework v2.0). Thresholds, sources, confidence and verification status come from eipkit's
reference; an unverified threshold is shown as such and never scored.

>>> from eipkit.assessment import framework_ids
>>> framework_ids()
['IEF2', 'VN35', 'VN82']
"""

from eipkit.assessment._stack import ParkStack, stack_parks
from eipkit.assessment.assess import AssessmentResult, ParkAssessment, assess
from eipkit.assessment.catalogue import CatalogueError, Criterion, Framework, framework_ids, load_framework
from eipkit.assessment.dossier import write_dossier
from eipkit.assessment.evaluate import Evaluation, evaluate
from eipkit.assessment.forms import write_forms
from eipkit.assessment.indicators import INDICATORS, IndicatorSpec, compute_indicators, indicator_spec

__all__ = [
    "INDICATORS",
    "AssessmentResult",
    "CatalogueError",
    "Criterion",
    "Evaluation",
    "Framework",
    "IndicatorSpec",
    "ParkAssessment",
    "ParkStack",
    "assess",
    "compute_indicators",
    "evaluate",
    "framework_ids",
    "indicator_spec",
    "load_framework",
    "stack_parks",
    "write_dossier",
    "write_forms",
]

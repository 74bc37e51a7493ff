"""Industrial symbiosis: explainable opportunity matching, from one park to a whole country.

Steps, each a pure function over polars tables (see each module for the method and sources):

* :mod:`eipkit.symbiosis.knowledge` - resource-class knowledge (synonyms in English and
  Vietnamese, EWC and Vietnamese waste codes, sector hints) and pairing rules with references,
  shipped as data on top of the shared taxonomy;
* :mod:`eipkit.symbiosis.classify` - what a stream is, from its class, a code or free text, with
  a confidence and the reason;
* :mod:`eipkit.symbiosis.candidates` - blocked candidate generation (class + spatial cell);
* :mod:`eipkit.symbiosis.feasibility` - quantity, quality, temperature, timing, hazard and
  distance checks;
* :mod:`eipkit.symbiosis.benefits` - money (net benefit, NPV, payback) and environment (landfill,
  virgin material, water, energy, CO2e) as low / central / high ranges;
* :mod:`eipkit.symbiosis.select` - a consistent set with capacities respected (linopy + HiGHS);
* :mod:`eipkit.symbiosis.pooling` - joint purchasing and joint waste handling;
* :mod:`eipkit.symbiosis.tracking` - opportunities saved as exchanges, rejections remembered.

:class:`MatchStudy` (or :func:`match_park`) runs them in order and returns a :class:`MatchResult`;
:func:`match_streams` runs them on a whole country's stream table in bounded memory.

>>> from eipkit.datasets import demo_park
>>> result = match_park(demo_park(), select=False)
>>> bool(result.opportunities.height)
True
"""

from eipkit.symbiosis.benefits import capital_recovery_factor, net_present_value, simple_payback
from eipkit.symbiosis.candidates import candidate_pairs, naive_candidate_pairs, rule_reach
from eipkit.symbiosis.classify import classify_streams, classify_text
from eipkit.symbiosis.factors import symbiosis_factors
from eipkit.symbiosis.feasibility import assess_candidates, heat_fractions, matched_amount
from eipkit.symbiosis.knowledge import KnowledgeBase, KnowledgeBaseError, knowledge_base
from eipkit.symbiosis.national import match_streams
from eipkit.symbiosis.pooling import pool_opportunities
from eipkit.symbiosis.results import MatchResult
from eipkit.symbiosis.select import Selection, select_opportunities
from eipkit.symbiosis.streams import STREAM_COLUMNS, months_mask, park_streams
from eipkit.symbiosis.study import MatchStudy, match_park
from eipkit.symbiosis.tracking import (
    opportunity_fingerprint,
    reject_opportunity,
    save_opportunities,
    update_exchange,
)

__all__ = [
    "STREAM_COLUMNS",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "MatchResult",
    "MatchStudy",
    "Selection",
    "assess_candidates",
    "candidate_pairs",
    "capital_recovery_factor",
    "classify_streams",
    "classify_text",
    "heat_fractions",
    "knowledge_base",
    "match_park",
    "match_streams",
    "matched_amount",
    "months_mask",
    "naive_candidate_pairs",
    "net_present_value",
    "opportunity_fingerprint",
    "park_streams",
    "pool_opportunities",
    "reject_opportunity",
    "rule_reach",
    "save_opportunities",
    "select_opportunities",
    "simple_payback",
    "symbiosis_factors",
    "update_exchange",
]

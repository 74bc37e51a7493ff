r"""Recognising what a stream is: class from the data, a waste code, a known name, or similar text.

Evidence is used in this order, and the first that decides wins:

1. ``resource_class`` given in the data (confidence 1). A broad waste or by-product class
   (``hazardous_waste``) is refined to a subclass (``paint_sludge``) when the description names
   one (0.95).
2. A Vietnamese waste code (0.95) or an EWC code (0.9) listed for exactly one class. A code that
   fits several classes lets the text choose among them (0.95); without text the deepest common
   class is taken (0.7).
3. Known names: English and Vietnamese synonyms of ``classes.yaml`` and the class names of the
   taxonomy, matched as whole words, longest match first ("tro bay" beats "tro"). Text written
   with Vietnamese diacritics is matched with them (so "vôi" is lime but "với" is not); text
   without diacritics is matched against the accent-free forms of multi-word names. Upper-case
   abbreviations (PE, RDF, OCC) must appear in upper case. Each class scores the characters it
   matched, plus those of its broader classes that also matched ("process steam" supports
   "10 bar steam"); classes whose category cannot be the stream's category (a heat stream is not
   cooling water) are set aside when another class fits. Confidence
   :math:`0.6 + 0.3\,s_{best}/\sum s`, times 0.8 when no class of a fitting category matched.
4. Text similarity: the share of a name's character trigrams found in the text,
   :math:`c = |T(n) \cap T(x)| / |T(n)|`, for names of at least 7 letters; :math:`c \ge 0.8`
   classifies with confidence :math:`0.4 + 0.4c` (catches "fly-ash" or "spentgrain").
5. The two-digit group of a Vietnamese waste code (0.5), when nothing else matched.

Streams matched by none of these are reported as unclassified, never dropped.

References: EWC codes per Commission Decision 2000/532/EC as amended by 2014/955/EU; Vietnamese
codes and groups per Circular 02/2022/TT-BTNMT Appendix III (see ``_data/classes.yaml``).

>>> classify_text("Tro bay (coal fly ash, ESP)").resource_class
'fly_ash'
>>> classify_text("spentgrain from brewing").method
'similarity'
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

import polars as pl

from eipkit.i18n import t
from eipkit.symbiosis.knowledge import KnowledgeBase, knowledge_base
from eipkit.vocab import label, vocabulary

__all__ = ["Classification", "classify_streams", "classify_text", "normalise_code", "strip_accents"]

_MAX_WORDS = 7
_ABBREV = re.compile(r"^[A-Z0-9&\-]{2,5}$")
_SIMILARITY_MIN = 0.8
_SIMILARITY_LEN = 7
#: Class categories (vocab) a stream of a given category may belong to.
_COMPATIBLE = {
    "material": {"material", "by_product", "waste", "energy"},
    "by_product": {"by_product", "waste", "material", "emission", "energy"},
    "waste": {"waste", "by_product", "material", "energy"},
    "water": {"water", "wastewater"},
    "wastewater": {"wastewater", "water"},
    "energy": {"energy", "heat", "material", "by_product", "waste"},
    "heat": {"heat", "energy"},
    "emission": {"emission", "by_product", "heat"},
    "capacity": {"capacity", "service", "heat", "energy"},
    "service": {"service", "capacity"},
}


@dataclass(frozen=True)
class Classification:
    """The class found for a text or code, with its confidence and evidence."""

    resource_class: str | None
    confidence: float
    method: str
    evidence: str = ""
    score: float = 0.0


def strip_accents(text: str) -> str:
    """Lower-case ``text`` and remove Vietnamese diacritics (đ becomes d).

    >>> strip_accents("Bùn thải Đỏ")
    'bun thai do'
    """
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn")


def _tokens(text: str) -> list[str]:
    return [tok for tok in re.split(r"[^\w]+", text) if tok]


def normalise_code(code: str | None) -> tuple[str | None, bool]:
    """Return a waste code as ``"NN NN NN"`` and whether it is marked hazardous (``*``).

    >>> normalise_code("100102"), normalise_code("13-02-05*")
    (('10 01 02', False), ('13 02 05', True))
    """
    if code is None:
        return None, False
    digits = re.sub(r"\D", "", code)
    if len(digits) != 6:
        return None, "*" in code
    return f"{digits[:2]} {digits[2:4]} {digits[4:]}", "*" in code


@dataclass(frozen=True)
class _Index:
    accented: dict[tuple[str, ...], frozenset[str]]
    plain: dict[tuple[str, ...], frozenset[str]]
    abbrev: dict[str, frozenset[str]]
    trigrams: dict[str, list[tuple[str, str, int]]]
    ewc: dict[str, tuple[str, ...]]
    vn: dict[str, tuple[str, ...]]


def _trigrams(text: str) -> set[str]:
    squeezed = text.replace(" ", "")
    return {squeezed[i : i + 3] for i in range(len(squeezed) - 2)}


@cache
def _index(kb: KnowledgeBase) -> _Index:
    accented: dict[tuple[str, ...], set[str]] = defaultdict(set)
    plain: dict[tuple[str, ...], set[str]] = defaultdict(set)
    abbrev: dict[str, set[str]] = defaultdict(set)
    trigram: dict[str, set[tuple[str, str, int]]] = defaultdict(set)
    ewc: dict[str, list[str]] = defaultdict(list)
    vn: dict[str, list[str]] = defaultdict(list)
    taxonomy = vocabulary("resource_classes")
    for cls, info in kb.info.items():
        official = [str(taxonomy[cls].get(lang) or "") for lang in ("en", "vi")]
        parts = [p.strip() for name in official for p in re.split(r"[,;]", re.sub(r"\([^)]*\)", " ", name))]
        names = [*info.en, *info.vi, *[p for p in parts if re.search(r"[^\W\d_]", p)]]
        for name in names:
            if _ABBREV.match(name):
                abbrev[name].add(cls)
                continue
            words = tuple(_tokens(unicodedata.normalize("NFC", name.lower())))
            if not words:
                continue
            accented[words].add(cls)
            bare = tuple(_tokens(strip_accents(name)))
            if len(bare) > 1 or bare == words:
                plain[bare].add(cls)
            squeezed = "".join(bare)
            if len(squeezed) >= _SIMILARITY_LEN:
                grams = _trigrams(squeezed)
                for gram in grams:
                    trigram[gram].add((cls, " ".join(bare), len(grams)))
        for code in info.ewc:
            norm, _ = normalise_code(code)
            if norm and cls not in ewc[norm]:
                ewc[norm].append(cls)
        for code in info.vn:
            norm, _ = normalise_code(code)
            if norm and cls not in vn[norm]:
                vn[norm].append(cls)
    return _Index(
        {k: frozenset(v) for k, v in accented.items()},
        {k: frozenset(v) for k, v in plain.items()},
        {k: frozenset(v) for k, v in abbrev.items()},
        {k: sorted(v) for k, v in trigram.items()},
        {k: tuple(v) for k, v in ewc.items()},
        {k: tuple(v) for k, v in vn.items()},
    )


def _phrase_matches(words: list[str], table: dict[tuple[str, ...], frozenset[str]]) -> list[tuple[int, int, str]]:
    """Longest non-overlapping phrase matches: (start, end, phrase) with their classes in ``table``."""
    found: list[tuple[int, int]] = []
    for i in range(len(words)):
        for n in range(min(_MAX_WORDS, len(words) - i), 0, -1):
            if tuple(words[i : i + n]) in table:
                found.append((i, i + n))
                break
    found.sort(key=lambda span: (-(span[1] - span[0]), span[0]))
    taken: list[tuple[int, int, str]] = []
    used: set[int] = set()
    for start, end in found:
        if used.isdisjoint(range(start, end)):
            used.update(range(start, end))
            taken.append((start, end, " ".join(words[start:end])))
    return taken


def _fitting(kb: KnowledgeBase, classes: set[str], category: str | None) -> set[str]:
    """Return the classes whose taxonomy category can be the stream's ``category``."""
    if not category or category not in _COMPATIBLE:
        return set()
    taxonomy = vocabulary("resource_classes")
    allowed = _COMPATIBLE[category]
    return {c for c in classes if taxonomy[c].get("category") in allowed}


def _deepest(kb: KnowledgeBase, classes: frozenset[str] | set[str]) -> str:
    return sorted(classes, key=lambda c: (-kb.depth(c), c))[0]


def classify_text(text: str | None, category: str | None = None, kb: KnowledgeBase | None = None) -> Classification:
    """Classify a free-text description by known names, then by text similarity.

    Parameters
    ----------
    text : str or None
        Description in Vietnamese, English or both.
    category : str, optional
        The stream's category (``waste``, ``heat`` ...); classes of a fitting category win.
    kb : KnowledgeBase, optional
        Knowledge base (default: the shipped one).

    Returns
    -------
    Classification
        ``resource_class`` None when nothing matched (method ``"none"``).
    """
    kb = kb or knowledge_base()
    if not text or not text.strip():
        return Classification(None, 0.0, "none")
    idx = _index(kb)
    lowered = unicodedata.normalize("NFC", text.lower())
    bare = strip_accents(text)
    has_accents = bare != lowered.replace("đ", "d")
    words = _tokens(lowered if has_accents else bare)
    table = idx.accented if has_accents else idx.plain
    scores: dict[str, float] = defaultdict(float)
    evidence: dict[str, str] = {}
    for start, end, phrase in _phrase_matches(words, table):
        for cls in table[tuple(words[start:end])]:
            scores[cls] += len(phrase)
            evidence.setdefault(cls, phrase)
    for token in _tokens(text):
        for cls in idx.abbrev.get(token, ()):
            scores[cls] += len(token)
            evidence.setdefault(cls, token)
    if scores:
        total = sum(scores.values())
        merged = {c: s + sum(scores.get(a, 0.0) for a in kb.ancestors(c)) for c, s in scores.items()}
        fitting = _fitting(kb, set(merged), category)
        pool = {c: merged[c] for c in (fitting or merged)}
        best = max(pool.values())
        cls = _deepest(kb, {c for c, s in pool.items() if s == best})
        confidence = min(0.9, 0.6 + 0.3 * scores[cls] / total + 0.3 * (best - scores[cls]) / total)
        if not fitting and category:
            confidence *= 0.8
        return Classification(cls, round(confidence, 3), "synonym", evidence[cls], best)
    grams = _trigrams("".join(_tokens(bare)))
    hits: dict[tuple[str, str], int] = defaultdict(int)
    sizes: dict[tuple[str, str], int] = {}
    for gram in grams:
        for cls, name, size in idx.trigrams.get(gram, ()):
            hits[(cls, name)] += 1
            sizes[(cls, name)] = size
    fitting = _fitting(kb, {c for c, _ in hits}, category)
    if fitting:
        hits = {k: v for k, v in hits.items() if k[0] in fitting}
    if hits:
        (cls, name), count = max(hits.items(), key=lambda kv: (kv[1] / sizes[kv[0]], sizes[kv[0]]))
        score = count / sizes[(cls, name)]
        if score >= _SIMILARITY_MIN:
            return Classification(cls, round(0.4 + 0.4 * score, 3), "similarity", name, round(score, 3))
    return Classification(None, 0.0, "none")


def _code_classes(kb: KnowledgeBase, vn: str | None, ewc: str | None) -> tuple[str, str, tuple[str, ...]] | None:
    idx = _index(kb)
    for name, raw, table in (("vn", vn, idx.vn), ("ewc", ewc, idx.ewc)):
        code, _ = normalise_code(raw)
        if code and code in table:
            return name, code, table[code]
    return None


def _classify_row(
    kb: KnowledgeBase, given: str | None, text: str | None, vn: str | None, ewc: str | None, category: str | None
) -> tuple[str | None, float, str, str, str]:
    """Return class, confidence, method, evidence and a conflict note for one stream."""
    by_text = classify_text(text, category, kb) if text else Classification(None, 0.0, "none")
    by_code = _code_classes(kb, vn, ewc)
    if given is not None:
        conflict = ""
        if by_code and not any(kb.is_within(given, c) or kb.is_within(c, given) for c in by_code[2]):
            conflict = f"{by_code[0]}:{by_code[1]}:{by_code[2][0]}"
        if (
            by_text.resource_class
            and vocabulary("resource_classes")[given].get("category") in ("waste", "by_product")
            and by_text.resource_class != given
            and kb.is_within(by_text.resource_class, given)
            and by_text.method == "synonym"
            and by_text.confidence >= 0.8
        ):
            return by_text.resource_class, 0.95, "refined", f"{given}|{by_text.evidence}", conflict
        return given, 1.0, "given", "", conflict
    if by_code:
        kind, code, classes = by_code
        base = 0.95 if kind == "vn" else 0.9
        found = by_text.resource_class
        if found:
            fits = [c for c in classes if kb.is_within(found, c) or kb.is_within(c, found)]
            if fits:
                deeper = max([found, *fits], key=kb.depth)
                return deeper, 0.95, "code_text", f"{kind}:{code}|{by_text.evidence}", ""
        if len(classes) == 1:
            conflict = f"text:{by_text.evidence}:{found}" if found else ""
            return classes[0], base if not found else 0.8, "code", f"{kind}:{code}", conflict
        common = kb.common_ancestor(list(classes))
        return common or classes[0], 0.7 if common else 0.6, "code_ambiguous", f"{kind}:{code}", ""
    if by_text.resource_class:
        return by_text.resource_class, by_text.confidence, by_text.method, by_text.evidence, ""
    group, _ = normalise_code(vn)
    if group and group[:2] in kb.vn_groups:
        members = list(kb.vn_groups[group[:2]])
        cls = kb.common_ancestor(members) or members[0]
        return cls, 0.5, "code_group", f"vn:{group[:2]}", ""
    return None, 0.0, "none", "", ""


def class_reason(method: str, cls: str | None, evidence: str, lang: str = "en") -> str:
    """Return the sentence explaining how a stream was classified."""
    name = label("resource_classes", cls, lang) if cls else ""
    if method == "given":
        return t("symbiosis.class.given", lang, cls=name)
    if method == "refined":
        given, phrase = evidence.split("|", 1)
        return t("symbiosis.class.refined", lang, given=label("resource_classes", given, lang), cls=name, phrase=phrase)
    if method in ("code", "code_ambiguous", "code_text", "code_group"):
        code_part, _, phrase = evidence.partition("|")
        kind, _, code = code_part.partition(":")
        code_name = t(f"symbiosis.class.code_{kind}", lang)
        return t(f"symbiosis.class.{method}", lang, code_name=code_name, code=code, cls=name, phrase=phrase)
    if method in ("synonym", "similarity"):
        return t(f"symbiosis.class.{method}", lang, phrase=evidence, cls=name)
    return t("symbiosis.class.none", lang)


def classify_streams(streams: pl.DataFrame, lang: str = "en", kb: KnowledgeBase | None = None) -> pl.DataFrame:
    """Classify every stream of a streams table into the resource taxonomy.

    Parameters
    ----------
    streams : polars.DataFrame
        Columns ``id`` and any of ``resource_class``, ``description``, ``waste_code_vn``,
        ``ewc_code`` (the park's streams table has them all).
    lang : str
        Language of the reasons: ``"en"`` or ``"vi"``.
    kb : KnowledgeBase, optional
        Knowledge base (default: the shipped one).

    Returns
    -------
    polars.DataFrame
        ``id``, ``class`` (null when unclassified), ``class_confidence`` (0-1),
        ``class_method`` (given, refined, code, code_text, code_ambiguous, synonym, similarity,
        code_group, none), ``class_reason`` and ``class_conflict`` (a code or text pointing
        elsewhere, else null). One row per input row, in input order.
    """
    kb = kb or knowledge_base()
    cols = {
        "resource_class": pl.String,
        "description": pl.String,
        "waste_code_vn": pl.String,
        "ewc_code": pl.String,
        "category": pl.String,
    }
    frame = streams.select(
        "id", *[pl.col(c) if c in streams.columns else pl.lit(None, d).alias(c) for c, d in cols.items()]
    )
    keys = frame.select(*cols).unique(maintain_order=True)
    rows = [_classify_row(kb, *row) for row in keys.iter_rows()]
    results = keys.with_columns(
        pl.Series("class", [r[0] for r in rows], dtype=pl.String),
        pl.Series("class_confidence", [r[1] for r in rows], dtype=pl.Float64),
        pl.Series("class_method", [r[2] for r in rows], dtype=pl.String),
        pl.Series("class_reason", [class_reason(r[2], r[0], r[3], lang) for r in rows], dtype=pl.String),
        pl.Series("class_conflict", [_conflict_text(kb, r[4], lang) for r in rows], dtype=pl.String),
    )
    return frame.join(results, on=list(cols), how="left", nulls_equal=True, maintain_order="left").select(
        "id", "class", "class_confidence", "class_method", "class_reason", "class_conflict"
    )


def _conflict_text(kb: KnowledgeBase, conflict: str, lang: str) -> str | None:
    if not conflict:
        return None
    kind, code, cls = conflict.split(":", 2)
    if kind == "text":
        return t("symbiosis.class.conflict_text", lang, phrase=code, cls=label("resource_classes", cls, lang))
    return t(
        "symbiosis.class.conflict",
        lang,
        code_name=t(f"symbiosis.class.code_{kind}", lang),
        code=code,
        cls=label("resource_classes", cls, lang),
    )

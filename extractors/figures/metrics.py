"""Metric mapping: from a figure's measure and context to a canonical key of
the metric vocabulary (``extractors/data/metrics.csv``, version in
``metrics_version.txt``).

Vocabulary rows: ``key``, ``unit`` (the figure's unit must equal it), ``per``
(``yes``: only rates such as "£5600 per week" or "60 per 10,000"; ``no``: only
plain figures; empty: either), ``description`` and ``phrases``. Phrases are
``;``-separated; a phrase is one or more parts joined by ``+`` that must all
occur ("audit + inadequate"). Words are compared as crude lemmas (lower case,
plural and -ed/-ing endings stripped), so "audited cases" meets "cases
audited" and "Children Looked After" meets "children looked after".

Where a part is found decides its weight: in the measure (the noun phrase the
parse gave and its verb), in the figure's clause, elsewhere in the sentence
(less the further away), or in the sentences before it and the section
heading. A phrase counts only when one of its parts is in the measure or the
clause; when the measure points back ("the numbers", "those children",
"this"), the sentences before count too. The best-scoring phrase wins; no
phrase, no metric.
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_WORD = re.compile(r"[A-Za-z]+\d*|\d+(?:[.,]\d+)*|%")


_IRREGULAR = {"children": "child", "people": "person", "men": "man", "women": "woman", "was": "be", "were": "be",
              "is": "be", "are": "be", "been": "be", "had": "have", "has": "have"}


def stem(word: str) -> str:
    """A crude lemma: 'audited' -> 'audit', 'leavers' -> 'leaver', 'graded' -> 'grad'."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsaeiou":
        w = w[:-1]
    return w


def tokens(text: str) -> list[tuple[str, int]]:
    """(stem, character offset) of each word of ``text``."""
    return [(stem(m.group(0)), m.start()) for m in _WORD.finditer(text.replace("’", "'"))]


@dataclass(frozen=True)
class Metric:
    key: str
    unit: str
    per: str
    description: str
    phrases: tuple[tuple[tuple[str, ...], ...], ...]  # phrase -> parts -> stems


@dataclass(frozen=True)
class Context:
    """Where to look: stems of the measure; (stem, offset) of the clause and
    the sentence; (stem, -k) of the k-th passage before (-3: the section
    heading); the figure's offset in the sentence."""

    measure: tuple[str, ...]
    clause: tuple[tuple[str, int], ...]
    sentence: tuple[tuple[str, int], ...]
    before: tuple[tuple[str, int], ...]
    position: int
    anaphoric: bool
    scope: str = "clause"  # where a phrase may be anchored: measure | clause | sentence | wide (see ``scope``)
    position_end: int = -1  # end offset of the figure (default: ``position``)
    others: tuple[int, ...] = ()
    partitive: bool = False  # "of whom 17.3% live ...": the words before name the population, not the measure  # offsets of the passage's other figures: no anchor across them
    head: str | None = None  # stem of the measure's head noun: a phrase anchored in the measure must hold it
    verb: str | None = None  # ... or the stem of the verb governing the measure


W_MEASURE, W_CLAUSE, W_BEFORE = 4.0, 3.0, 0.8
MIN_SCORE = 1.0  # a match found only in the sentences before must be a phrase of two words or more
GENERIC_WEIGHT = 0.25  # "children" in "support + children" adds little: the specific words decide
C_WINDOW = 80  # characters: a generic measure ("children") takes its metric from words this close in its clause
S_WINDOW = 70  # characters: a part further away in the sentence does not count
_BEFORE_FACTOR = {-1: 1.0, -2: 0.5, -3: 0.4}


_COUNTED = {stem(w) for w in ("carers", "workers", "staff", "adopters", "leavers", "hubs", "teams", "practitioners",
                                 "managers", "households", "apprentices", "advisers", "officers", "inspectors")}
_PROSPECTIVE = {"await", "wait", "waiting", "plan", "prospectiv", "potential", "befor", "without", "not", "never"}


class Vocabulary:
    def __init__(self, metrics: list[Metric], version: str) -> None:
        self.metrics = metrics
        self.version = version
        self.keys = {m.key for m in metrics}
        self.by_key = {m.key: m for m in metrics}
        self._index: dict[str, list[tuple[int, int, int, tuple[str, ...]]]] = defaultdict(list)
        for mi, m in enumerate(metrics):
            for pi, phrase in enumerate(m.phrases):
                for qi, part in enumerate(phrase):
                    self._index[part[0]].append((mi, pi, qi, part))

    def _find(self, toks, allowed: set[int] | None = None) -> dict[tuple[int, int, int], list[int]]:
        """(metric, phrase, part) -> offsets where the part occurs in ``toks``
        (not after "awaiting", "waiting for", "plan for": children awaiting
        adoption are not adoptions)."""
        found: dict[tuple[int, int, int], list[int]] = defaultdict(list)
        stems = [t[0] for t in toks]
        for i, (s, off) in enumerate(toks):
            for mi, pi, qi, part in self._index.get(s, ()):
                if allowed is not None and mi not in allowed:
                    continue
                if stems[i:i + len(part)] == list(part) and not _PROSPECTIVE.intersection(stems[max(0, i - 2):i]):
                    found[(mi, pi, qi)].append(off)
        return found

    def match(self, unit: str, per: str | None, ctx: Context) -> tuple[str | None, float]:
        """The best metric key for a figure (or None) and its score."""
        allowed = {mi for mi, m in enumerate(self.metrics)
                   if m.unit == unit and not (m.per == "yes" and not per) and not (m.per == "no" and per)}
        if not allowed:
            return None, 0.0
        measure = self._find([(s, 0) for s in ctx.measure], allowed)
        clause = self._find(list(ctx.clause), allowed)
        sentence = self._find(list(ctx.sentence), allowed)
        before = self._find(list(ctx.before), allowed)
        best: tuple[float, int] | None = None
        best_key = None
        for mi in allowed:
            m = self.metrics[mi]
            for pi, phrase in enumerate(m.phrases):
                score = 0.0
                near = False
                ok = True
                strong = False  # anchored by a part of two words or more ("good assessments")
                far = False  # a part only in the sentences before
                for qi, part in enumerate(phrase):
                    k = (mi, pi, qi)
                    length = 1 + 0.3 * (len(part) - 1)
                    anchor = not _GENERIC_STEMS.issuperset(part)  # "children" alone anchors nothing
                    if k in measure:
                        holds = ctx.head is None or ctx.head in part or (ctx.verb is not None and ctx.verb in part)
                        hit = anchor and (holds or ctx.scope != "measure")
                        w, near, strong = W_MEASURE, near or hit, strong or (hit and len(part) > 1)
                    elif k in clause:
                        w = W_CLAUSE
                        d = min(_distance(o, ctx) for o in clause[k])
                        close = d <= C_WINDOW if ctx.scope == "clause" else (len(part) > 1 or d <= 25)
                        if ctx.scope == "clause" and ctx.head is not None and part[-1] in _COUNTED and ctx.head not in part:
                            close = False  # "200 children and their foster carers": the carers are not what is counted
                        hit = anchor and ctx.scope != "measure" and close
                        near, strong = near or hit, strong or (hit and len(part) > 1)
                    elif k in sentence and _in_reach(sentence[k], ctx, S_WINDOW if anchor else 10_000):
                        o = min(sentence[k], key=lambda o: _distance(o, ctx))
                        w = max(0.5, 1.5 - _distance(o, ctx) / 40)
                        near = near or (anchor and not (ctx.partitive and o < ctx.position)
                                        and ((ctx.scope == "wide" and len(part) > 1) or (ctx.scope == "sentence" and len(part) > 2)))
                    elif k in before:
                        w = W_BEFORE * _BEFORE_FACTOR.get(max(before[k]), 0.4)  # the sentence just before counts most
                        near = near or (anchor and ctx.scope in ("wide", "back") and len(part) > 1
                                        and not any(x < ctx.position for x in ctx.others))
                        far = True
                    else:
                        ok = False
                        break
                    score += w * length * (1.0 if anchor else GENERIC_WEIGHT)
                if far and not strong and ctx.scope in ("measure", "clause"):
                    ok = False  # "three boroughs ... supports": one verb here, "children" sentences ago
                if ok and near and (score >= MIN_SCORE or not far):
                    cand = (score, -mi)
                    if best is None or cand > best:
                        best, best_key = cand, m.key
        return best_key, (best[0] if best else 0.0)


GENERIC_HEADS = {
    "child", "children", "young", "people", "person", "family", "individual", "pupil", "parent",
    "household", "adult", "boy", "girl", "baby", "learner", "student", "teenager", "infant", "sibling",
    "youngster", "kid", "number", "%", "percent", "cent", "proportion", "percentage", "rate",
}


_VAGUE_HEADS = {"this", "that", "these", "those", "it", "they", "which", "number", "figure", "total", "rate", "level",
                "proportion", "percentage", "amount", "majority", "average", "share", "increase", "reduction"}
_GENERIC_STEMS = {stem(w) for w in GENERIC_HEADS | {"young", "people", "children", "families", "cases", "of", "the",
                                                   "and", "in", "a", "to", "with", "for", "on"}}


def scope(head: str | None, anaphoric: bool, unit: str = "count") -> str:
    """Where a metric phrase may be anchored for a figure whose measure has
    ``head``: a specific noun ("exclusions", "care leavers") must itself carry
    the phrase (``measure``); a generic one ("children", "cases") may take it
    from its clause ("40 children ... supported"); a figure without a noun
    ("50% were good") from the sentence near it (``sentence``); a measure that
    points back ("the numbers", "this") from the sentences before too
    (``wide``); a noun with a demonstrative ("those 513 children") from its
    clause and the sentences before (``back``).
    Shares and ratios always look at their clause."""
    if anaphoric:
        return "back" if head and head not in _VAGUE_HEADS else "wide"
    if head is None:
        return "sentence"
    if unit in ("percent", "ratio"):
        return "clause"  # a share's noun is often what is counted, not of what: "input (88%)"
    return "clause" if head in GENERIC_HEADS else "measure"


def _distance(offset: int, ctx: Context) -> int:
    """Characters between a word at ``offset`` and the figure."""
    if offset < ctx.position:
        return ctx.position - offset
    return max(0, offset - ctx.position_end)


def _in_reach(offsets: list[int], ctx: Context, window: int = S_WINDOW) -> bool:
    """A word of the sentence near the figure with no other figure in between
    ("50% required improvement and 50% were good": "good" is the second's)."""
    for o in offsets:
        if _distance(o, ctx) <= window and not any(min(o, ctx.position) < x < max(o, ctx.position) for x in ctx.others):
            return True
    return False


def _parse_phrases(text: str) -> tuple[tuple[tuple[str, ...], ...], ...]:
    phrases = []
    for phrase in text.split(";"):
        parts = tuple(tuple(s for s, _ in tokens(part)) for part in phrase.split("+"))
        parts = tuple(p for p in parts if p)
        if parts:
            phrases.append(parts)
    return tuple(phrases)


def read_vocabulary(rows, version: str) -> Vocabulary:
    metrics = []
    for row in rows:
        metrics.append(Metric(row["key"].strip(), row["unit"].strip(), (row.get("per") or "").strip(),
                              row.get("description", "").strip(), _parse_phrases(row["phrases"])))
    return Vocabulary(metrics, version)


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """The packaged vocabulary (``extractors/data/metrics.csv``)."""
    data = resources.files("extractors.data")
    version = data.joinpath("metrics_version.txt").read_text(encoding="utf-8").strip()
    with data.joinpath("metrics.csv").open(encoding="utf-8", newline="") as fh:
        return read_vocabulary(list(csv.DictReader(fh)), version)

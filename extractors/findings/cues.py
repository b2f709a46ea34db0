"""Evaluative cues in a sentence, found by spaCy token rules.

The cues are what an inspector's wording turns on: hedges and negation ("do
not always", "not consistently", "too many", "still needs to improve"),
evaluative words ("robust", "effective", "timely"), a negated evaluative
word ("not effective", "not always timely"), contrast ("although", "but"),
and the marks of neutral text (the visit and the framework, data, new
arrangements). :func:`cue_features` turns them into a fixed vector of counts
for the classifier; :func:`cue_names` lists what each position means.

Only the tokenizer runs (``nlp.make_doc``): the rules match lower-cased
token sequences, so no parse is needed and thousands of sentences take a
fraction of a second.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import spacy
from spacy.matcher import Matcher

NEGATORS = ["not", "n't", "no", "never", "nor", "without", "cannot", "little", "few", "hardly", "rarely"]
LIMITERS = ["always", "consistently", "routinely", "all", "yet", "sufficiently", "fully", "enough", "well",
            "effectively", "clearly", "regularly", "robustly", "thoroughly", "systematically", "timely"]
POSITIVE = [
    "effective", "effectively", "robust", "robustly", "timely", "strong", "strongly", "strengths", "well", "good",
    "benefit", "benefits", "benefiting", "benefited", "appropriate", "appropriately", "positive", "positively",
    "skilled", "skilful", "skilfully", "thorough", "thoroughly", "comprehensive", "creative", "sensitive",
    "sensitively", "swift", "swiftly", "prompt", "promptly", "excellent", "outstanding", "exceptional",
    "purposeful", "meaningful", "impressive", "committed", "ambitious", "proactive", "child-centred",
    "rigorous", "valuable", "tenacious", "supportive", "confident", "knowledgeable", "successful",
    "successfully", "decisive", "careful", "carefully", "detailed", "high-quality", "well-established",
    "insightful", "clear", "clearly", "helpful", "helps", "ensures", "ensure", "improved", "improving",
    "strengthened", "progress", "passionate", "stable", "safe", "safer", "caring", "warm", "trusting",
    "respectful", "dedicated", "highly", "quickly", "responsive", "consistent", "consistently", "focused",
    "well-being", "enthusiastic", "innovative", "effectiveness", "value", "valued", "celebrated", "praised",
    "understand", "understands", "know", "knows", "attuned", "nurturing", "confidently", "reflective",
]
NEGATIVE = [
    "delay", "delays", "delayed", "drift", "weak", "weaker", "weakness", "weaknesses", "poor", "poorly",
    "inconsistent", "inconsistently", "inconsistency", "inconsistencies", "variable", "variability", "varies",
    "vary", "insufficient", "insufficiently", "limited", "lack", "lacks", "lacking", "gap", "gaps", "deficit",
    "deficits", "shortfall", "shortfalls", "inadequate", "deteriorated", "deterioration", "decline", "declined",
    "unclear", "unreliable", "fail", "fails", "failed", "failing", "overlooked", "missed", "concern", "concerns",
    "concerning", "ineffective", "superficial", "overly", "optimistic", "unsafe", "risk", "harm", "late",
    "lengthy", "slow", "slower", "backlog", "backlogs", "high", "higher", "unallocated", "vacancies", "turnover",
    "absence", "absent", "unnecessary", "unnecessarily", "avoidable", "confused", "confusing", "difficult",
    "poorer", "worse", "challenge", "challenges", "vulnerable", "unable", "reduced", "minimal", "narrow",
    "generic", "adult-focused", "unfocused", "incomplete", "outdated", "out-of-date", "compliance", "deficient",
]
NEUTRAL_OPENERS = [
    ["this", "letter"], ["this", "visit"], ["this", "inspection"], ["inspectors", "looked"], ["inspectors", "considered"],
    ["inspectors", "reviewed"], ["inspectors", "spoke"], ["inspectors", "evaluated"], ["inspectors", "met"],
    ["ofsted", "will"], ["the", "visit"], ["during", "this"], ["you", "should"], ["i", "am", "copying"],
    ["the", "local", "authority", "has"], ["since", "the"], ["in", "response"], ["at", "the", "time"],
]
DESCRIPTIVE = [
    "introduced", "launched", "commissioned", "established", "restructured", "restructure", "appointed",
    "created", "pandemic", "covid-19", "lockdown", "population", "recently", "new", "newly", "since",
    "previous", "previously", "planned", "plans", "will", "%", "per", "number", "proportion", "increase",
    "increased", "reduction", "rise", "national", "nationally", "average", "currently", "interim", "permanent",
    "framework", "inspectors", "inspection", "visit", "letter", "evaluated", "looked",
]
MUST_IMPROVE = [
    ["needs", "to"], ["need", "to"], ["further", "work"], ["more", "work"], ["still"], ["should"], ["must"],
    ["could", "be"], ["would", "benefit"], ["yet", "to"], ["are", "yet"], ["is", "yet"], ["not", "yet"],
    ["more", "to", "do"], ["requires"], ["require"], ["required"], ["too", "early"], ["too", "soon"],
]
TOO = ["many", "long", "few", "slow", "late", "variable", "often", "much", "high", "narrow", "early", "soon", "little"]
HEDGE_POSITIVE = [["most"], ["mostly"], ["majority"], ["generally"], ["in", "the", "main"], ["nearly", "all"],
                  ["almost", "all"], ["the", "vast", "majority"], ["in", "most", "cases"]]
HEDGE_LIMITED = [["some"], ["a", "small", "number"], ["a", "few"], ["a", "minority"], ["not", "all"], ["others"],
                 ["a", "number", "of"]]
CONTRAST = ["although", "but", "while", "whilst", "despite", "however", "though", "yet", "nevertheless"]
PROCEDURAL = [["agreed"], ["resolved"], ["noted"], ["be", "noted"], ["apologies"], ["declarations"], ["minutes"],
              ["recommendation"], ["approved"], ["item"]]
CHILD_VOICE = [["told", "inspectors"], ["said"], ["described"], ["told", "us"], ["spoke", "positively"]]
PRAISE_CHANGE = [["has", "improved"], ["have", "improved"], ["has", "been", "strengthened"], ["have", "been", "strengthened"],
                 ["improving"], ["progress", "has", "been", "made"], ["improved", "significantly"], ["better"]]


def _words(words: list[str]) -> list[dict]:
    return [{"LOWER": w} for w in words]


def _in(words: list[str]) -> dict:
    return {"LOWER": {"IN": words}}


def _patterns() -> dict[str, list[list[dict]]]:
    return {
        "negated_limiter": [[_in(["not", "n't", "never"]), _in(LIMITERS)],
                            [_in(["not", "n't"]), {"LOWER": {"IN": ["always", "consistently"]}, "OP": "?"}, _in(POSITIVE)]],
        "negated_positive": [[_in(NEGATORS), {"IS_ALPHA": True, "OP": "?"}, _in(POSITIVE)]],
        "negation": [[_in(NEGATORS)]],
        "too": [[{"LOWER": "too"}, _in(TOO)]],
        "negative_word": [[_in(NEGATIVE)]],
        "positive_word": [[_in(POSITIVE)]],
        "must_improve": [_words(p) for p in MUST_IMPROVE],
        "hedge_positive": [_words(p) for p in HEDGE_POSITIVE],
        "hedge_limited": [_words(p) for p in HEDGE_LIMITED],
        "contrast": [[_in(CONTRAST)]],
        "descriptive": [[_in(DESCRIPTIVE)], [{"LIKE_NUM": True}]],
        "procedural": [_words(p) for p in PROCEDURAL],
        "voice": [_words(p) for p in CHILD_VOICE],
        "praise_change": [_words(p) for p in PRAISE_CHANGE],
        "little_evidence": [_words(["little", "evidence"]), _words(["no", "evidence"]), _words(["limited", "evidence"])],
        "no_negative": [[_in(["no", "not", "without", "never"]), {"IS_ALPHA": True, "OP": "{,3}"}, _in(NEGATIVE)],
                        [_in(["no", "without"]), {"LOWER": {"IN": ["undue", "unnecessary", "significant", "any"]}, "OP": "?"},
                         _in(["drift", "delay", "delays", "gaps", "concerns"])]],
    }


CUES = tuple(_patterns())


def cue_names() -> list[str]:
    return [*CUES, "neutral_opener", "starts_contrast", "n_words", "no_verb_like", "question"]


@lru_cache(maxsize=1)
def _matcher():
    nlp = spacy.blank("en")  # English tokenizer rules; the cues need no trained component
    matcher = Matcher(nlp.vocab)
    for name, pats in _patterns().items():
        matcher.add(name, pats)
    return nlp, matcher


def cue_counts(texts: list[str]) -> list[dict[str, int]]:
    """Per text, the number of matches of each cue (overlaps counted once per start)."""
    nlp, matcher = _matcher()
    out = []
    for doc in nlp.tokenizer.pipe(texts, batch_size=256):
        counts = dict.fromkeys(CUES, 0)
        for match_id, _start, _end in matcher(doc):
            counts[nlp.vocab.strings[match_id]] += 1
        words = [t.lower_ for t in doc if t.is_alpha]
        counts["neutral_opener"] = int(any(words[: len(p)] == p for p in NEUTRAL_OPENERS))
        counts["starts_contrast"] = int(bool(words) and words[0] in CONTRAST)
        counts["n_words"] = len(words)
        counts["no_verb_like"] = int(not any(w.endswith(("ed", "s", "ing")) or w in _AUX for w in words[1:]))
        counts["question"] = int(doc.text.rstrip().endswith("?"))
        out.append(counts)
    return out


_AUX = {"is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "can", "will", "may"}


def cue_features(texts: list[str]) -> np.ndarray:
    """Cue counts as a float matrix (texts x cue_names()), squashed with log1p
    so a long sentence's many matches do not dominate."""
    names = cue_names()
    rows = cue_counts(texts)
    mat = np.array([[r[n] for n in names] for r in rows], dtype=np.float32)
    return np.log1p(mat)

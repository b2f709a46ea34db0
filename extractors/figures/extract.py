"""``extract_figures``: every figure of a segmented document.

1. a cheap regular-expression pass over every passage finds candidate numbers
   (``numbers``) and drops what is not a figure (``nonfigures``); most
   passages have none and are never parsed;
2. the passages with candidates are parsed in one ``nlp.pipe`` batch (tagger,
   parser and lemmatizer; no NER);
3. per figure: its measure (``measure``), qualifier, role and as-of date
   (``context``), metric (``metrics``); then changes are linked (``changes``)
   and spans mapped back to ``Document.text`` (``spans``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.document import Document
from extractors.figure_records import Figure
from extractors.figures import changes, context, measure, metrics, nonfigures, numbers
from extractors.figures.spans import PassageMap
from extractors.segment import Segmentation

FIGURES_VERSION = "figures-1"

_PREFILTER = re.compile(
    r"\d|£|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|half|thirds?"
    r"|quarters?|fifths?|tenths?|dozen)\b",
    re.I,
)


@dataclass
class _Found:
    passage: object
    mention: numbers.Mention
    measure: measure.Measure | None = None
    qualifier: str | None = None
    role: str = "observed"
    as_of: context.DateRef | None = None
    metric: str | None = None
    previous: int | None = None  # position in the document's list of _Found
    direction: str | None = None


_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z]{2,}\b")


def candidates(text: str) -> list[numbers.Mention]:
    """The figures of one passage's text, before parsing. A passage with fewer
    than three lower-case words is a table row, an address line, a vote tally
    or a label ("Swale £719k 9.8%", "1 Angel Square", "Against (35)"): its
    numbers have no words to say what they measure, so none is taken."""
    if not _PREFILTER.search(text) or len(_LOWER_WORD.findall(text)) < 3:
        return []
    found = numbers.find_mentions(text)
    if not found:
        return []
    blocks = nonfigures.blocked_spans(text)
    return [m for m in found if nonfigures.keep(m, text, blocks)]


def extract_figures(doc: Document, seg: Segmentation, nlp=None, doc_date: str | None = None,
                    model: str = measure.DEFAULT_MODEL, vocabulary: metrics.Vocabulary | None = None
                    ) -> tuple[Figure, ...]:
    """The figures of ``doc`` (segmented as ``seg``), in reading order.

    ``nlp``: a loaded spaCy pipeline with a parser (default: ``model`` loaded
    once, without NER). ``doc_date`` (ISO) resolves "as of today's date" and
    years left out ("at the end of October"); default the document's own
    ``source_meta.document_date`` when it has one.
    """
    doc_date = doc_date or (doc.source_meta.document_date if doc.source_meta else None) or None
    vocab = vocabulary or metrics.load_vocabulary()
    work: list[tuple[object, list[numbers.Mention]]] = []
    for p in seg.passages:
        if p.kind == "heading":
            continue
        ms = candidates(p.text)
        if ms:
            work.append((p, ms))
    if not work:
        return ()
    nlp = nlp or measure.load_nlp(model)
    parsed = list(nlp.pipe([p.text for p, _ in work], batch_size=64))
    by_index = {p.index: p for p in seg.passages}
    titles = {s.index: s.title for s in seg.sections}
    found: list[_Found] = []
    last_in_passage: dict[int, list[int]] = {}
    for (p, ms), sdoc in zip(work, parsed):
        text = p.text
        first = len(found)
        dates = context.find_dates(text, doc_date)
        as_of = context.attach_dates(text, [(m.start, m.end) for m in ms], dates)
        before_toks = _before_tokens(p, by_index, titles)
        sent_toks = tuple(metrics.tokens(text))
        prev_meas = None
        for j, (m, d) in enumerate(zip(ms, as_of)):
            if j and prev_meas is not None and _paired(text, ms[j - 1], m):
                meas = prev_meas  # "21 (73%)", "73% (21)": one measure, two figures
            elif j + 1 < len(ms) and m.qualifier == "at_least" and ms[j + 1].qualifier == "at_most":
                meas = measure.find_measure(sdoc, ms[j + 1].start, ms[j + 1].end)  # "between 28 to 33 cases"
            else:
                meas = measure.find_measure(sdoc, m.start, m.end)
            prev_meas = meas
            ctx = _context(text, m, ms, meas, sent_toks, before_toks)
            key, _ = vocab.match(m.unit, m.per, ctx)
            if _DIFFERENCE.match(text[m.end:]) or _CHANGE_SIZE.search(text[max(0, m.start - 20):m.start]) \
                    or _CHANGE_SIZE_AFTER.match(text[m.end:]):
                key = None  # "153 days over the threshold", "a 50% increase": a difference, not the measure itself
            found.append(_Found(p, m, meas, context.qualifier(text, m.start, m.end) or m.qualifier,
                                context.role(text, m.start, m.end, m.unit), d, key))
        _borrow(found, first)
        _resolve_pronouns(found, first)
        for j in range(1, len(ms)):
            if found[first + j].measure is found[first + j - 1].measure:
                _sibling_metrics(found, first + j - 1, first + j, vocab)
        spans = [(m.start, m.end, f"{m.unit}/{m.per}") for m in ms]
        roles = [f.role for f in found[first:]]
        for later, earlier in changes.link(text, spans, as_of):
            if "comparator" in (roles[later], roles[earlier]) or "target" in (roles[later], roles[earlier]):
                continue
            _join(found, first + later, first + earlier)
        k = changes.cross_passage(text, spans)
        if k is not None:
            prev = last_in_passage.get(p.index - 1) or []
            unit = ms[k].unit
            cands = [i for i in prev if found[i].mention.unit == unit and found[i].mention.per == ms[k].per
                     and found[i].previous is None and found[i].role == "observed"]
            if cands:
                _join(found, cands[-1], first + k)
        last_in_passage[p.index] = list(range(first, len(found)))
    return tuple(_records(doc, found))


_DIFFERENCE = re.compile(r"\s+(?:(?:days?|weeks?|months?)\s+)?(?:over|above|below|under|longer|shorter|more|fewer|less|slower|faster|"
                         r"higher|lower|better|worse|quicker|away|short|behind|ahead)\b(?!\s+(?:the\s+)?(?:last|past|period|year))", re.I)
_CHANGE_SIZE = re.compile(r"\b(?:increase|reduction|rise|decrease|fall|drop|growth|change)\s+of\s+(?:around\s+|about\s+|over\s+)?$", re.I)
_CHANGE_SIZE_AFTER = re.compile(r"\s+(?:increase|reduction|rise|decrease|fall|drop|growth|improvement)\b", re.I)
_PARTITIVE = re.compile(r"\bof\s+(?:whom|which|these|those|them)\s+$", re.I)
_PAIR_GAP = re.compile(r"^\s*\(\s*$")


_RATE_GAP = re.compile(r"^[^()\d]{0,100}[(,]\s*(?:a\s+|the\s+)?(?:[a-z]+\s+){0,2}rate\s+of\s+$", re.I)


def _paired(text: str, a: numbers.Mention, b: numbers.Mention) -> bool:
    """"21 (73%)", "266 children (42.3 per 10,000 children)", "262 children are
    looked after (a rate of 69 per 10,000)": one measure, a count and its share or rate."""
    gap = text[a.end:b.start]
    if b.per and not a.per and a.unit == b.unit and _RATE_GAP.match(gap):
        return True
    if not _PAIR_GAP.match(gap):
        return False
    return (a.unit != b.unit and "percent" in (a.unit, b.unit)) or (a.unit == b.unit and bool(a.per) != bool(b.per))


def _sibling_metrics(found: list[_Found], i: int, j: int, vocab: metrics.Vocabulary) -> None:
    """A count and its share or rate: the one without a metric takes the other's
    variant ("children_looked_after" <-> "children_looked_after_rate", "audits_good" <-> "audits_good_pct")."""
    for a, b in ((found[i], found[j]), (found[j], found[i])):
        if a.metric is None and b.metric is not None:
            base = b.metric.removesuffix("_pct").removesuffix("_rate")
            for key in (base, base + "_pct", base + "_rate"):
                m = vocab.by_key.get(key)
                if m is not None and key != b.metric and m.unit == a.mention.unit \
                        and (m.per != "yes" or a.mention.per) and (m.per != "no" or not a.mention.per):
                    a.metric = key
                    break


def _context(text: str, m: numbers.Mention, ms: list[numbers.Mention], meas: measure.Measure,
             sent_toks, before_toks) -> metrics.Context:
    """Where the metric of the figure ``m`` may be read (see ``metrics``)."""
    lo, hi = context.clause_bounds(text, m.start, m.end)
    return metrics.Context(
        measure=tuple(metrics.stem(w) for w in meas.lemmas) + tuple(s for s, _ in metrics.tokens(meas.text or "")),
        clause=tuple((s, o + lo) for s, o in metrics.tokens(text[lo:hi])),
        sentence=sent_toks,
        before=before_toks,
        position=m.start,
        position_end=m.end,
        others=tuple(x.start for x in ms if x is not m),
        partitive=bool(_PARTITIVE.search(text[max(0, m.start - 12):m.start])
                       or re.match(r"\s*of\s+(?:whom|which)\b", text[m.end:], re.I)),
        anaphoric=meas.anaphoric,
        scope=metrics.scope(meas.head, meas.anaphoric, m.unit),
        head=metrics.stem(meas.head) if meas.head else None,
        verb=metrics.stem(meas.verb) if meas.verb else None,
    )


def _join(found: list[_Found], later: int, earlier: int) -> None:
    a, b = found[later], found[earlier]
    a.previous = earlier
    a.direction = changes.direction(b.mention.value, a.mention.value)
    if _weak(a.measure) and not _weak(b.measure):
        a.measure = b.measure  # "the agency rate ... reduced from 40% ... to 22.9%": one measure
    elif _weak(b.measure) and not _weak(a.measure):
        b.measure = a.measure
    if b.role == "observed":
        b.role = "previous"
    if a.metric is None and b.metric is not None:
        a.metric = b.metric
    elif b.metric is None or (b.metric != a.metric and a.metric is not None):
        b.metric = a.metric


def _weak(meas: measure.Measure | None) -> bool:
    """No noun of its own: missing, or a pronoun ("this", "which")."""
    return meas is None or meas.head is None or meas.text is None or meas.head in measure.ANAPHORS


def _borrow(found: list[_Found], first: int) -> None:
    """A comparator with no words of its own ("compared with 25% in the country
    as a whole", "the national average is 20%") measures what the figure before
    it in the passage measures (same unit)."""
    for i in range(first + 1, len(found)):
        f = found[i]
        if f.role != "comparator" or not (_weak(f.measure) or f.measure.head in measure.VAGUE):
            continue
        for k in range(i - 1, first - 1, -1):
            g = found[k]
            if g.mention.unit == f.mention.unit and g.role != "comparator":
                f.measure = g.measure
                f.metric = f.metric or g.metric
                break


def _resolve_pronouns(found: list[_Found], first: int) -> None:
    """"should normally be around 26 weeks, however, it was currently around
    32.5 weeks": a figure whose measure is a pronoun measures what the figure
    before it in the sentence (same unit) measures."""
    for i in range(first + 1, len(found)):
        f = found[i]
        if f.metric is not None or f.measure is None or f.measure.head not in ("it", "this", "that", "which"):
            continue
        for k in range(i - 1, first - 1, -1):
            g = found[k]
            if g.mention.unit == f.mention.unit and g.mention.per == f.mention.per:
                f.metric = g.metric
                if not _weak(g.measure):
                    f.measure = g.measure
                break


def _before_tokens(p, by_index, titles) -> tuple[tuple[str, int], ...]:
    toks: list[tuple[str, int]] = []
    for k in (1, 2):
        q = by_index.get(p.index - k)
        if q is None or q.section != p.section or q.kind == "heading":
            break
        toks += [(s, -k) for s, _ in metrics.tokens(q.text)]
    title = titles.get(p.section)
    if title:
        toks += [(s, -3) for s, _ in metrics.tokens(title)]
    return tuple(toks)


def _records(doc: Document, found: list[_Found]):
    maps: dict[int, PassageMap] = {}
    for i, f in enumerate(found):
        p = f.passage
        if p.index not in maps:
            maps[p.index] = PassageMap.of(doc.text, p)
        m = f.mention
        start, end = maps[p.index].raw_span(m.start, m.end)
        yield Figure(
            doc_id=doc.id,
            index=i,
            value=float(m.value),
            unit=m.unit,
            text=p.text[m.start:m.end],
            passage=p.index,
            page=doc.page_of(start),
            start=start,
            end=end,
            per=m.per,
            measure=f.measure.text if f.measure else None,
            metric=f.metric,
            qualifier=f.qualifier,
            role=f.role,
            as_of=f.as_of.value if f.as_of else None,
            as_of_text=f.as_of.text if f.as_of else None,
            previous=f.previous,
            direction=f.direction,
            version=FIGURES_VERSION,
        )

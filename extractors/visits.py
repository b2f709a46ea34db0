"""Visit facts: which monitoring visit, the judgement it follows, and the areas
it covered. Pure; no I/O.

* ``visit_number``: an ordinal that names this document's visit: "This was the
  fourth monitoring visit since ...", "the findings of the 2nd monitoring visit
  to ...", "This is the third monitoring visit" -> 4, 2, 3 ("first" ...
  "twentieth", "1st", "12th"). Only sentences about *this* visit count (they
  start "This was/is the", "The visit was the", or the letter's "summarises the
  findings of the Nth ..."); "the council received its fourth monitoring visit
  in 2021" in a report does not.
* ``previous_judgement`` / ``previous_judgement_date``: the overall grade
  the authority was given at its last inspection, when the text says so:
  "since the local authority was judged inadequate in January 2020" ->
  ('inadequate', '2020-01'); "Following the last inspection in 2018, when the
  local authority was judged good overall" -> ('good', '2018'); "when the
  overall effectiveness of the service was judged to require improvement to be
  good" -> 'requires_improvement'. The subject must be the authority or its
  services as a whole (the local authority, the council, children's services,
  services for children, the overall effectiveness): a grade of one area
  ("help and protection was judged...", "judged good in help and protection"),
  the pre-2013 grade "adequate", and a present judgement ("are now judged to
  be good") are not read. The date is the one the sentence gives for that
  inspection, as precise as stated ("2020-01", "2019", "2019-11-15"), else None.
* :func:`find_areas_covered`: the list items under "Areas covered by the visit"
  (monitoring letters) or after an introducing sentence that ends in a colon in
  the opening of a letter ("Inspectors reviewed the progress made in the
  following areas ...:", "This visit focused specifically on:"). A focused-visit
  letter usually names its area in one sentence ("Inspectors looked at the
  local authority's arrangements for children in care."): that phrase, from
  after the verb to the end of the sentence, is one area
  ("the local authority's arrangements for children in care"); when such a
  sentence goes on to a list ("..., which included a specific focus on:"), the
  phrase comes first and the items follow. "Inspectors looked at a range of
  evidence ..." names evidence, not an area, and is not read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.document import Document
from extractors.dates import evidence_for, find_month_years, raw_span
from extractors.meta_records import AreaCovered, Evidence
from extractors.records import Passage
from extractors.segment import Segmentation

VISITS_VERSION = "visits-1"

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20,
}
_ORDINAL = r"(?P<ord>" + "|".join(ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))"
_VISIT_NUMBER = re.compile(
    r"(?:\b(?:this|it)\s+(?:was|is)\s+(?:the\s+)?(?:local\s+authority['’]s\s+)?"
    r"|\bthe\s+visit\s+was\s+the\s+"
    r"|\b(?:summarises|reports?)\s+(?:on\s+)?the\s+(?:findings\s+of\s+the\s+)?"
    r"|\bfindings\s+of\s+(?:the|a)\s+)"
    + _ORDINAL + r"\s+(?:monitoring|focused|assurance|focused\s+assurance)\s+visit\b",
    re.IGNORECASE,
)

_GRADE = (
    r"(?P<grade>inadequate|outstanding|good|adequate"
    r"|(?:to\s+)?(?:requires?|required|requiring)\s+improvement(?:\s+to\s+be\s+good)?)"
)
_NAME_WORDS = r"[A-Z][\w’'\-]*(?:\s+(?:and\s+|upon\s+|on\s+)?[A-Z][\w’'\-]*)*"
_SUBJECT = (
    r"(?:[Tt]he\s+)?(?:[Ll]ocal\s+authority|[Cc]ouncil|[Aa]uthority"
    rf"|(?:[Oo]verall\s+)?(?:{_NAME_WORDS}\s+)?(?:[Cc]hildren['’]s\s+)?[Ss]ervices"
    rf"(?:\s+(?:for|to)\s+children(?:\s+and\s+(?:families|young\s+people))?)?(?:\s+(?:in|at)\s+{_NAME_WORDS})?"
    r"|[Oo]verall\s+effectiveness(?:\s+of\s+(?:the\s+)?(?:service|services|children['’]s\s+services)"
    rf"(?:\s+(?:in|for)\s+{_NAME_WORDS})?)?"
    rf"|{_NAME_WORDS}\s+(?:City\s+|County\s+|Borough\s+)?Council"
    # the authority's bare name after "where"/"when": "where North Lincolnshire was judged"
    rf"|(?:(?<=where\s)|(?<=when\s)){_NAME_WORDS})"
)
_JUDGED = re.compile(
    r"\b" + _SUBJECT + r"\s*,?\s+(?:was|were|had\s+been|has\s+been)\s+(?:also\s+)?(?:last\s+)?judged\s+"
    r"(?:overall\s+)?(?:to\s+be\s+|to\s+(?=requir)|as\s+(?:being\s+)?)?" + _GRADE + r"(?P<overall>\s+overall)?",
)
_PAST_CUE = re.compile(
    r"(?i)\b(?:last|previous|previously|since|following|when|prior|earlier|at\s+the\s+time|"
    r"(?:19|20)\d\d)\b")
_NOW = re.compile(r"(?i)\b(?:now|currently)\s+(?:\w+\s+)?judged")

_AREA_SENTENCE = re.compile(
    r"^(?:Specifically,\s*|During\s+this\s+visit,\s*|In\s+particular,\s*|In\s+addition,\s*)?"
    r"(?:(?:[Ii]nspectors|[Tt]he\s+inspectors|[Tt]hey)\s+(?:also\s+|carefully\s+|specifically\s+)?"
    r"(?:looked\s+at|considered|reviewed|evaluated|examined|focused\s+on)"
    r"|(?:[Tt]his|[Tt]he)\s+(?:focused\s+)?visit\s+(?:looked\s+at|focused(?:\s+specifically)?\s+on|considered|evaluated|reviewed)"
    r"|[Tt]he\s+focus\s+of\s+(?:this|the)\s+visit\s+was(?:\s+on)?)"
    r"\s+(?P<area>.+)$"
)
_NOT_AREA = re.compile(
    r"^(?:a\s+(?:broad\s+|wide\s+)?range|(?:a\s+)?(?:sample|number)\s+of|evidence|case\s+records|children['’]s\s+(?:case\s+)?records"
    r"|relevant|(?:the\s+)?local\s+authority\s+performance|performance|records|the\s+progress\s+made\s+in\s+the\s+following"
    r"|the\s+following|children['’]s\s+(?:case\s+)?files|case\s+files|documents|information|in\s+detail"
    r"|(?:the\s+)?(?:local\s+authority['’]s|organisation['’]s|council['’]s|trust['’]s)\s+(?:own\s+)?"
    r"(?:performance|quality\s+assurance|audits?|self-evaluation)"
    r"|local\s+authority\s+(?:quality|data)|(?:a\s+)?(?:wide\s+)?(?:variety|selection)\s+of)",
    re.IGNORECASE,
)
_LIST_INTRO = re.compile(
    r"(?i)\b(?:focus(?:ed)?|following\s+areas?|areas?\s+(?:of|covered)|looked\s+at|specifically|"
    r"reviewed\s+the\s+progress)\b[^:]*:\s*$")
_AREA_TAIL = re.compile(r"\s*(?:,?\s*(?:which|including|with|specifically)\b[^:]*)?:\s*$|\.\s*$")
_INTRO_END = re.compile(
    r"(?i)^(?:headline\s+findings|overview|main\s+findings|findings|what\s+needs\s+to\s+improve|"
    r"findings\s+and\s+evaluation|evaluation\s+of\s+progress|summary)")


@dataclass(frozen=True)
class VisitFacts:
    """Visit number and previous judgement, each with evidence (field names as
    in :class:`~extractors.meta_records.DocumentMeta`)."""

    visit_number: int | None = None
    previous_judgement: str | None = None
    previous_judgement_date: str | None = None
    evidence: tuple[Evidence, ...] = ()
    version: str = VISITS_VERSION

    def as_dict(self) -> dict:
        return {
            "visit_number": self.visit_number,
            "previous_judgement": self.previous_judgement,
            "previous_judgement_date": self.previous_judgement_date,
        }


def ordinal_value(word: str) -> int | None:
    word = word.lower()
    if word in ORDINALS:
        return ORDINALS[word]
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", word)
    return int(m.group(1)) if m else None


def normalise_grade(text: str) -> str | None:
    t = " ".join(text.lower().split())
    if t == "inadequate":
        return "inadequate"
    if t == "good":
        return "good"
    if t == "outstanding":
        return "outstanding"
    if "improvement" in t:
        return "requires_improvement"
    return None  # "adequate" (the grade before 2013) is not a GRADES value


def find_visit_facts(doc: Document, seg: Segmentation) -> VisitFacts:
    passages = [p for p in seg.passages[:120] if p.text]
    evidence: list[Evidence] = []
    number = None
    for p in passages[:60]:
        m = _VISIT_NUMBER.search(p.text)
        if m:
            value = ordinal_value(m.group("ord"))
            if value:
                number = value
                evidence.append(evidence_for(doc, p, "visit_number", m.start(), m.end()))
                break
    grade = when = None
    for p in passages:
        found = _previous_judgement(p.text)
        if found is None:
            continue
        grade, when, (gs, ge), date_span = found
        evidence.append(evidence_for(doc, p, "previous_judgement", gs, ge))
        if date_span is not None:
            evidence.append(evidence_for(doc, p, "previous_judgement_date", *date_span))
        break
    return VisitFacts(number, grade, when, tuple(evidence))


def _previous_judgement(text: str):
    """(grade, date or None, grade span, date span or None) of the first overall
    previous judgement stated in ``text``."""
    for m in _JUDGED.finditer(text):
        grade = normalise_grade(m.group("grade").removeprefix("to ").strip())
        if grade is None:
            continue
        after = text[m.end():]
        # "judged good in help and protection": one area, not the whole; but "... and
        # outstanding overall" after it is the overall grade
        if re.match(r"\s+(?:in|for)\s+(?!(?:January|February|March|April|May|June|July|August|September|"
                    r"October|November|December|\d))", after):
            overall = re.search(r"\band\s+(?:was\s+|were\s+)?(?:judged\s+)?(?:to\s+be\s+|as\s+)?" + _GRADE
                                + r"\s+overall\b", after[:120])
            if overall is None:
                continue
            grade = normalise_grade(overall.group("grade").removeprefix("to ").strip())
            if grade is None:
                continue
            date_value, date_span = _judgement_date(text, m)
            return grade, date_value, (m.start(), m.end() + overall.end()), date_span
        if _NOW.search(text[max(0, m.start() - 10): m.end()]):
            continue
        if not _PAST_CUE.search(text):
            continue
        date_value, date_span = _judgement_date(text, m)
        return grade, date_value, (m.start(), m.end()), date_span
    return None


def _judgement_date(text: str, m: re.Match):
    """The date the sentence gives for the judged inspection: right after the
    grade ("judged inadequate in January 2020"), else the nearest one before it
    ("the last inspection in November 2019, when ...")."""
    dates = find_month_years(text)
    after = [d for d in dates if d.start >= m.end() and re.fullmatch(
        r"[\s,]*(?:overall\s*)?(?:,\s*)?(?:in|at\s+(?:the|its)\s+(?:\w+\s+){0,3}?inspection\s+in|"
        r"following\s+(?:the|its|an)\s+(?:\w+\s+){0,3}?inspection\s+in|during|from|since)?\s*",
        text[m.end(): d.start], re.IGNORECASE)]
    if after:
        return after[0].value, (after[0].start, after[0].end)
    before = [d for d in dates if d.end <= m.start()]
    if before:
        d = before[-1]
        between = text[d.end: m.start()]
        if len(between) <= 120 and not re.search(r"[.;]", between):
            return d.value, (d.start, d.end)
    return None, None


# --------------------------------------------------------------------------- areas


def find_areas_covered(doc: Document, seg: Segmentation) -> tuple[AreaCovered, ...]:
    """The areas a visit covered, in order; see the module docstring."""
    passages = [p for p in seg.passages if p.text]
    out: list[tuple[Passage, int, int]] = []  # passage, span in its text

    covered = {s.index for s in seg.sections if re.match(r"(?i)areas?\s+covered", s.title.strip())}
    if covered:
        items = [p for p in passages if p.section in covered and p.kind == "list_item"]
        if items:
            out = [(p, 0, len(p.text)) for p in items]
        else:
            # no bullets: each sentence that is not the introduction
            out = [(p, 0, len(p.text)) for p in passages if p.section in covered and p.kind != "heading"
                   and not p.text.rstrip().endswith(":") and not re.match(r"(?i)this visit was carried out", p.text)]
    elif any(re.match(r"\s*Dear\b", p.text) for p in passages[:40]):
        # a letter: the sentences of its opening that name the area
        intro = _opening(seg, passages)
        for i, p in enumerate(intro):
            m = _AREA_SENTENCE.match(p.text)
            if m and not _NOT_AREA.match(m.group("area")):
                area_start = m.start("area")
                tail = _AREA_TAIL.search(p.text, area_start)
                area_end = tail.start() if tail else len(p.text)
                if area_end > area_start:
                    out.append((p, area_start, area_end))
            if p.text.rstrip().endswith(":") and _LIST_INTRO.search(p.text):
                for q in intro[i + 1:]:
                    if q.kind != "list_item":
                        break
                    out.append((q, 0, len(q.text)))
    records = []
    seen: set[int] = set()
    for p, s, e in out:
        if p.index in seen and (s, e) == (0, len(p.text)):
            continue
        seen.add(p.index)
        text = p.text[s:e].strip()
        rs, re_ = raw_span(doc, p, s, e) if (s, e) != (0, len(p.text)) else (p.start, p.end)
        records.append(AreaCovered(doc.id, len(records), text, doc.page_of(rs), rs, re_, VISITS_VERSION))
    return tuple(records)


def _opening(seg: Segmentation, passages: list[Passage]) -> list[Passage]:
    """The opening of a letter: from the start to the first findings heading."""
    out = []
    for p in passages[:60]:
        if p.kind == "heading" and _INTRO_END.match(p.text.strip()):
            break
        out.append(p)
    return out

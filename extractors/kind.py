"""What kind of document this is (one of ``meta_records.KINDS``), from its text alone.

Ofsted documents say what they are in their title, on the first page:

============================  ===============================================================
kind                          title (at the start of a line, first two pages)
============================  ===============================================================
``ilacs``                     "Inspection of <LA> local authority children's services",
                              "Inspection of children's social care services" (2018-20),
                              "Inspection of <LA> Children's Trust"; else the ILACS judgement
                              table header "Judgement Grade"
``sif``                       "Inspection of services for children in need of help and
                              protection, children looked after and care leavers"
``focused_visit``             "Focused visit to <LA> ...", and the 2020-21 "Focused assurance
                              visit to" / "Assurance visit to" letters (same letter form, same
                              Ofsted listing: they are counted as focused visits)
``monitoring_visit``          "Monitoring visit to <LA> ..."
``jtai``                      "Joint targeted area inspection of/in <area>"
``lac_inspection``            "Inspection of looked after children services", "Inspection of
                              safeguarding and looked after children services" (2009-13)
``lscb_review``               "Review of the effectiveness of the Local Safeguarding Children
                              Board" when it is the document's own title (a SIF report carries
                              it second, after "and")
============================  ===============================================================

The earliest title wins, so a focused-visit letter that cites "the inspection of
services for children in need..." further down stays a focused visit.

Council papers are told by their form. Minutes: "MINUTES of a meeting", a
"Minutes:" line, "PRESENT:", "Apologies", "(Item 3)", "RESOLVED", "the Panel
was advised". Committee reports: "From:/By:" with "To:", "Subject:", "Report
from:", "Recommendation(s)", "Financial implications", "Background papers".
When a council paper's header comes before any Ofsted title (a committee report
with an Ofsted letter appended) the paper's form decides. Nothing recognised:
``other``.
"""
from __future__ import annotations

import re

from corpus.document import Document
from extractors.meta_records import KINDS, Evidence
from extractors.segment import Segmentation

KIND_VERSION = "kind-1"
FIELD = "kind"

# (kind, pattern): at equal positions the earlier entry wins.
_L = r"^[ \t>#*]*"  # start of a line, Markdown marks allowed
_TITLES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind, re.compile(pattern, re.I | re.M)) for kind, pattern in (
    ("jtai", _L + r"(?:the\s+)?joint\s+targeted\s+area\s+inspection\s+(?:of|in|into)\b"),
    ("focused_visit", _L + r"(?:focused\s+(?:assurance\s+)?|assurance\s+)visit\s+to\b"),
    ("focused_visit", r"findings\s+of\s+(?:a|the)\s+(?:focused\s+(?:assurance\s+)?|assurance\s+)visit\b"),
    ("monitoring_visit", _L + r"monitoring\s+visit\s+(?:to|of)\b"),
    ("monitoring_visit", r"findings\s+of\s+(?:a|the)\s+monitoring\s+visit\s+to\b"),
    ("lac_inspection", r"inspection\s+of\s+(?:safeguarding\s+and\s+)?looked\s+after\s+children(?:['’]s)?\s+services"),
    ("lac_inspection", r"inspection\s+of\s+local\s+authority\s+arrangements\s+for\s+the\s+protection\s+of\s+children"),
    ("sif", r"inspection\s+of\s+services\s+for\s+children\s+in\s+need\s+of\s+help\s+and\s+protection"),
    ("lscb_review", _L + r"(?:[^\n]{0,80}[ \t])?review\s+of\s+the\s+effectiveness\s+of\s+the\s+local"
                         r"\s+safeguarding\s+children\s+board"),
    ("ilacs", _L + r"inspection\s+of\s+(?:[^.;:]{0,100}?\s)?(?:local\s+authority\s+)?children['’]s\s+"
                   r"(?:social\s+care\s+)?services\b"),
    ("ilacs", _L + r"inspection\s+of\s+[^.;:]{0,80}?\s(?:children['’]s\s+(?:services\s+)?trust"
                   r"|children\s+and\s+families\s+trust)\b"),
    ("ilacs", _L + r"judgement\s+grade\b"),
))
_ORDER = {kind: i for i, kind in enumerate(dict.fromkeys(kind for kind, _ in _TITLES))}

# Council papers: (weight, pattern). A "header" pattern also marks where the paper starts.
_MINUTES: tuple[tuple[int, bool, re.Pattern[str]], ...] = tuple((w, h, re.compile(p, re.I | re.M)) for w, h, p in (
    (3, True, r"^\W*minutes\s+of\s+(?:a|the)\b[^\n]{0,60}\bmeeting"),
    (3, True, r"^\W*minutes\s*:\s*$"),
    (2, True, r"^\W*(?:present|also\s+present)\s*:"),
    (1, False, r"^\W*in\s+attendance\s*:"),
    (1, False, r"^\W*(?:\d+\.\s*)?apologies\b"),
    (1, False, r"^\W*(?:\d+\.\s*)?declarations?\s+of\s+(?:disclosable\s+)?(?:pecuniary\s+)?interests?"),
    (1, False, r"\(item\s+\d+\)"),
    (1, False, r"(?-i:\bRESOLVED\b|^\W*AGREED\b)"),
    (1, False, r"\bthe\s+(?:panel|committee|board|cabinet|council)\s+(?:was|were)\s+(?:advised|informed|told|reminded)"
               r"|\bmembers\s+(?:heard|noted|queried)|\bthe\s+chair(?:man)?\s+(?:welcomed|thanked)"),
))
_REPORT: tuple[tuple[int, bool, re.Pattern[str]], ...] = tuple((w, h, re.compile(p, re.I | re.M)) for w, h, p in (
    (3, True, r"^\W*(?:from|by)\s*:[^\n]*(?:\n[^\n]*){0,8}\n\W*to\s*:"),
    (2, True, r"^\W*subject\s*:"),
    (2, True, r"^\W*report\s+(?:from|of|by|to)\b"),
    (1, False, r"^\W*author\s*:"),
    (1, False, r"^\W*(?:\d+\.?\s*)?recommendations?(?:\s*\(s\))?\s*:?\s*$"),
    (1, False, r"^\W*(?:\d+\.?\s*)?financial\s+implications"),
    (1, False, r"^\W*(?:\d+\.?\s*)?legal\s+implications"),
    (1, False, r"^\W*(?:background\s+(?:papers|documents)|lead\s+officer\s+contact|contact\s+details)\b"),
    (1, False, r"^\W*(?:decision\s+no|key\s+decision|classification)\s*:"),
    (1, False, r"\bthis\s+report\s+(?:provides|sets\s+out|seeks|supports|updates)"),
))


def _head_end(doc: Document, pages: int = 2, chars: int = 4000) -> int:
    """End of the first ``pages`` pages (text and Markdown, one long page:
    the first ``chars`` characters)."""
    if not doc.pages:
        return min(len(doc.text), chars)
    end = doc.pages[min(pages, len(doc.pages)) - 1].end
    return min(end, chars) if doc.media_type in ("text", "markdown", "html") or len(doc.pages) == 1 else end


def ofsted_title(doc: Document) -> tuple[str, int, int] | None:
    """``(kind, start, end)`` of the earliest Ofsted title in the first pages."""
    head = doc.text[: _head_end(doc)]
    best: tuple[int, int, str, int] | None = None
    for kind, pattern in _TITLES:
        m = next((m for m in pattern.finditer(head) if not _second_title(kind, head, m.start())), None)
        if m is None:
            continue
        start = m.start() + (len(m.group()) - len(m.group().lstrip(" \t>#*")))
        key = (start, _ORDER[kind])
        if best is None or key < best[:2]:
            best = (start, _ORDER[kind], kind, m.end())
    return (best[2], best[0], best[3]) if best else None


def _second_title(kind: str, head: str, start: int) -> bool:
    """The LSCB review title of a SIF report, which follows the SIF title after "and"."""
    return kind == "lscb_review" and head[max(0, start - 12) : start].rstrip().lower().endswith("and")


def _score(text: str, rules) -> tuple[int, int | None, tuple[int, int] | None]:
    """Total weight of the rules that match, the first header position, and the
    span of the strongest match."""
    score, first, span, strongest = 0, None, None, 0
    for weight, header, pattern in rules:
        m = pattern.search(text)
        if m is None:
            continue
        score += weight
        if header and (first is None or m.start() < first):
            first = m.start()
        if weight > strongest or (weight == strongest and span and m.start() < span[0]):
            found = m.group()
            strongest, span = weight, (m.start() + len(found) - len(found.lstrip()), m.start() + len(found.rstrip()))
    return score, first, span


def council_paper(doc: Document, before: int | None = None) -> tuple[str, int, int, int | None] | None:
    """``(kind, start, end, header)``: ``minutes`` or ``committee_report`` by
    their form, the span of the strongest marker, and where the paper's header
    starts (None if it has none). With ``before``, only a paper whose header
    starts before that offset counts."""
    text = doc.text
    if before is not None:
        opening = text[:before]
        if not any(h and p.search(opening) for _, h, p in (*_MINUTES, *_REPORT)):
            return None
    m_score, m_first, m_span = _score(text, _MINUTES)
    r_score, r_first, r_span = _score(text, _REPORT)
    if m_score >= 2 and m_score > r_score and m_span:
        return "minutes", *m_span, m_first
    if r_score >= 2 and r_score >= m_score and r_span:
        return "committee_report", *r_span, r_first
    return None


def classify_kind(doc: Document, seg: Segmentation | None = None) -> tuple[str, Evidence | None]:
    """The document's kind and the span that says so (``("other", None)`` when
    nothing does). ``seg`` is accepted for the common extractor signature."""
    title = ofsted_title(doc)
    paper = council_paper(doc, before=title[1] if title else None)
    if title and not (paper and paper[3] is not None and paper[3] < title[1]):
        kind, start, end = title
    elif paper:
        kind, start, end = paper[:3]
    else:
        return "other", None
    assert kind in KINDS
    return kind, Evidence(FIELD, doc.text[start:end], doc.page_of(start), start, end)


def expected_kind(manifest_kind: str, doc_type: str = "") -> str:
    """The kind a MANIFEST.csv row stands for (``kind`` folder and
    ``doc_type``), for measuring accuracy; never used to classify."""
    if manifest_kind == "ilacs":
        doc_type = doc_type.lower()
        if "single inspection framework" in doc_type or "(sif)" in doc_type:
            return "sif"
        if "looked after children" in doc_type:
            return "lac_inspection"
        if "safeguarding children board" in doc_type:
            return "lscb_review"
        return "ilacs"
    return {
        "focused_visits": "focused_visit", "monitoring_visits": "monitoring_visit", "jtai": "jtai",
        "minutes": "minutes", "committee_reports": "committee_report",
    }.get(manifest_kind, "other")

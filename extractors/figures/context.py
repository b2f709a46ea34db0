"""What the words around a figure say about it: its qualifier, its role, its
as-of date, and the clause it sits in.

- qualifier: ``approximate`` ("around", "about", "circa", "some",
  "approximately"), ``at_least`` ("at least", "a minimum of", "or more"),
  ``at_most`` ("up to", "a maximum of", "or less", "no more than"),
  ``more_than`` ("more than", "over", "in excess of"), ``less_than``
  ("less than", "fewer than", "under", "below");
- role: ``target`` ("target of 90%", "should normally be around 26 weeks",
  "required to be", "within a maximum of 45 days", a timescale "within 45
  days"), ``comparator`` ("national average", "statistical neighbours",
  "England average", "nationally"), else ``observed`` (``previous`` is set by
  change linking);
- as-of: a date written right after the figure ("702 in August 2020", "22.9%
  at the end of October", "609 as of today's date"), else a date the sentence
  gives for all its figures ("In December 2020, two additional teams...",
  "Audits carried out in June 2020 found that ...").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MONTH_NUM = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"

_QUAL_BEFORE = [
    ("approximate", r"(?:around|about|circa|c\.|ca\.|approximately|approx\.?|roughly|some|an\s+estimated|estimated"
                    r"|nearly|almost|close\s+to|in\s+the\s+region\s+of|of\s+the\s+order\s+of|an\s+average\s+of\s+around)"),
    ("at_least", r"(?:at\s+least|a\s+minimum\s+of|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|minimum\s+of)"),
    ("at_most", r"(?:up\s+to|a\s+maximum\s+of|maximum\s+of|no\s+more\s+than|not\s+more\s+than|at\s+most|not\s+exceeding)"),
    ("more_than", r"(?:more\s+than|over|in\s+excess\s+of|above|exceeding|upwards\s+of|just\s+over|well\s+over|greater\s+than|higher\s+than)"),
    ("less_than", r"(?:less\s+than|fewer\s+than|under|below|just\s+under|lower\s+than|well\s+below)"),
]
_QUAL_BEFORE_RX = [(q, re.compile(rf"\b{rx}\s+(?:(?:a|an|the|just|only|currently|still|now)\s+)?$", re.I))
                   for q, rx in _QUAL_BEFORE]
_QUAL_AFTER = [
    ("at_least", re.compile(r"^\s*(?:or|and)\s+(?:more|above|over|higher|greater)\b|^\s*plus\b", re.I)),
    ("at_most", re.compile(r"^\s*(?:or|and)\s+(?:less|fewer|under|below|lower)\b", re.I)),
]

_AGGREGATE = (r"(?:averages?|figures?|rates?|levels?|data|picture|benchmarks?|mean|median|comparators?|norms?|trends?"
              r"|performance|position|statistics|proportion|percentage)")
_COMPARATOR = re.compile(
    rf"\b(?:nationally|national(?=\s*\(\s*\d)|national\s+(?:and\s+\w+\s+)?{_AGGREGATE}|(?:england|english)\s+(?:and\s+\w+\s+)?{_AGGREGATE}"
    r"|(?:in|across|for|of|than)\s+england\b|statistical\s+neighbou?rs?|comparators?|comparator\s+authorities"
    r"|comparable\s+(?:local\s+)?(?:authorities|authority|areas|councils)"
    r"|similar\s+(?:local\s+)?(?:authorities|areas|councils)|(?:north|south)[- ](?:east|west)\s+average"
    rf"|regionally|regional\s+{_AGGREGATE}|(?:the\s+)?region(?:al)?\s+average|the\s+average\s+for\s+england|benchmark|(?:in|across)\s+the\s+country"
    r"|the\s+country\s+as\s+a\s+whole|all\s+english\s+(?:local\s+)?authorities|london\s+average|inner\s+london)", re.I)
_TARGET = re.compile(
    r"\b(?:targets?|aim(?:s|ed|ing)?\s+(?:to|for)|ambition|goal|aspir\w+|should(?:\s+\w+)?\s+be|must\s+be"
    r"|required\s+to\s+be|requirement|needs?\s+to\s+be|expected\s+to\s+be|statutory\s+(?:timescale|requirement)"
    r"|timescales?\s+of|within\s+a\s+maximum\s+of|no\s+later\s+than|standard\s+of|threshold\s+of)\b", re.I)
_WITHIN = re.compile(r"\bwithin\s+(?:a\s+maximum\s+of\s+|the\s+required\s+)?$", re.I)
_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s|\s[–—-]\s|\b(?:and|but|however|whereas|while|whilst|although|though|than|compared|against"
    r"|in\s+comparison|which|where)\b",
    re.I,
)

_DATE_PATTERNS = [
    ("range", re.compile(rf"\b(?:{_MONTH})(?:\s+(?:19|20)\d{{2}})?\s*(?:to|-|–|until|and)\s*({_MONTH})\s+(\d{{4}})\b", re.I)),
    ("day", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\s+(\d{{4}})\b", re.I)),
    ("month", re.compile(rf"\b({_MONTH})\s+(\d{{4}})\b", re.I)),
    ("fy", re.compile(r"\b((?:19|20)\d{2})\s*[-–−—/]\s*(\d{2}|\d{4})\b")),
    ("bare_month", re.compile(rf"\b(?:the\s+end\s+of|end\s+of|as\s+at|as\s+of|in|at|since|during|for)\s+({_MONTH})\b(?!\s+\d)", re.I)),
    ("year", re.compile(r"\b((?:19|20)\d{2})\b(?!\s*[-–−—/]\s*\d)")),
    ("today", re.compile(r"\b(?:as\s+(?:of|at)\s+(?:at\s+)?today['’]?s\s+date|as\s+(?:of|at)\s+today|today['’]?s\s+date|to\s+date)\b", re.I)),
    ("relative", re.compile(r"\b(?:last|this|the\s+previous|the\s+current)\s+(?:year|month|financial\s+year)\b", re.I)),
]
_ATTACH_GAP = re.compile(
    r"^[\s,]*(?:\(?(?:in|at|as\s+at|as\s+of|on|during|for|by|at\s+the\s+end\s+of|by\s+the\s+end\s+of|the\s+end\s+of|end\s+of)\s+)?(?:the\s+)?$",
    re.I,
)
_NO_ASOF_BEFORE = re.compile(r"\b(?:since|from|until|till|before|after|between|to|by|prior\s+to|following|published|judged|inspected|inspection|visit)\s+(?:the\s+)?(?:end\s+of\s+)?$", re.I)
_NOW = re.compile(r"\b(?:currently|now|today|at\s+present|presently)\b", re.I)


@dataclass(frozen=True)
class DateRef:
    start: int
    end: int
    text: str
    value: str | None  # "2020-08", "2017-03-31", "2019/20", "2020"
    kind: str


def find_dates(text: str, doc_date: str | None = None) -> list[DateRef]:
    """Dates a passage gives, normalised where possible, non-overlapping."""
    out: list[DateRef] = []
    taken: list[tuple[int, int]] = []
    years = [int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", text)]
    for kind, rx in _DATE_PATTERNS:
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            if any(s < te and e > ts for ts, te in taken):
                continue
            value = _normalise(kind, m, text, years, doc_date)
            if kind == "bare_month":
                s = m.start(0)
            out.append(DateRef(s, e, text[s:e], value, kind))
            taken.append((s, e))
    out.sort(key=lambda d: d.start)
    return out


def _normalise(kind: str, m: re.Match, text: str, years: list[int], doc_date: str | None) -> str | None:
    if kind == "day":
        return f"{int(m.group(3)):04d}-{MONTH_NUM[m.group(2).lower().rstrip('.')]:02d}-{int(m.group(1)):02d}"
    if kind == "range":  # "April 2015 to March 2016": the period's end
        return f"{int(m.group(2)):04d}-{MONTH_NUM[m.group(1).lower().rstrip('.')]:02d}"
    if kind == "month":
        return f"{int(m.group(2)):04d}-{MONTH_NUM[m.group(1).lower().rstrip('.')]:02d}"
    if kind == "fy":
        a, b = m.group(1), m.group(2)
        return f"{a}/{b[-2:]}" if int(b[-2:]) == (int(a) + 1) % 100 else None
    if kind == "year":
        return m.group(1)
    if kind == "bare_month":
        month = MONTH_NUM[m.group(1).lower().rstrip(".")]
        if years:
            year = years[-1] if len(set(years)) == 1 else max(years)
            return f"{year:04d}-{month:02d}"
        if doc_date and len(doc_date) >= 7:
            y, dm = int(doc_date[:4]), int(doc_date[5:7])
            return f"{y if month <= dm else y - 1:04d}-{month:02d}"
        return None
    if kind == "today":
        return doc_date[:10] if doc_date else None
    if kind == "relative" and doc_date and "year" in m.group(0).lower() and "financial" not in m.group(0).lower():
        y = int(doc_date[:4])
        return str(y - 1 if m.group(0).lower().startswith(("last", "the previous")) else y)
    return None


def qualifier(text: str, start: int, end: int) -> str | None:
    """The qualifier written around the figure ``text[start:end]``."""
    after = text[end:end + 20]
    for q, rx in _QUAL_AFTER:
        if rx.search(after):
            return q
    before = text[max(0, start - 40):start]
    for q, rx in _QUAL_BEFORE_RX:
        if rx.search(before):
            return q
    return None


_HAS_NUMBER = re.compile(r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|half|third|quarter)\b", re.I)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``[start, end)``: from the last break before it to the
    next break after it (a parenthesis right after the figure stays in). "and"
    breaks only between conjuncts that both hold a number ("50% required
    improvement and 50% were good"), not inside "children and young people"."""
    lo = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, start):
        if m.group(0).lower() == "and" and not _HAS_NUMBER.search(text, lo, m.start()) \
                and not _HAS_NUMBER.search(text, m.end(), min(start + 1, m.end() + 15)):
            continue  # "children and young people", but "... are up to date and 95% of ..." breaks
        lo = m.end()
    hi = len(text)
    m = _CLAUSE_BREAK.search(text, end)
    while m is not None:
        if text[end:m.start()].count("(") > text[end:m.start()].count(")"):
            m = _CLAUSE_BREAK.search(text, m.end())
            continue
        if m.group(0).lower() == "and":
            nxt = _CLAUSE_BREAK.search(text, m.end())
            if not _HAS_NUMBER.search(text, m.end(), nxt.start() if nxt else len(text)):
                m = nxt
                continue
        break
    if m is not None:
        hi = m.start()
    return lo, hi


def role(text: str, start: int, end: int, unit: str) -> str:
    """``target``, ``comparator`` or ``observed`` from the clause around the figure."""
    lo, hi = clause_bounds(text, start, end)
    before = text[lo:start]
    if re.match(r"\s*(?:as\s+)?compared\s+(?:with|to)\b|\s*(?:against|versus|vs\.?)\s", text[end:], re.I):
        return "observed"  # "(6% as compared with 5%)": this is the figure being compared
    near_before = _COMPARATOR.search(text[max(0, start - 45):start])
    gap = text[max(0, start - 45) + near_before.end():start] if near_before else ""
    if near_before and not _HAS_NUMBER.search(gap) and len(gap) <= 30 and not re.search(r"[,;]", gap) \
            and not re.search(r"\b(?:than|with|to)\s+(?:the\s+)?\S*\s*$", text[max(0, start - 45):max(0, start - 45) + near_before.start()], re.I):
        return "comparator"  # "the national average for 2013–14, which is 15.8%"
    if _own_comparator(text, lo, hi, start, end) and not re.search(r"\b(?:national(?:ly)?|england)\s+(?:and|or)?\s*$", before, re.I):
        if not re.search(r"\b(?:in\s+line\s+with|above|below|higher\s+than|lower\s+than|better\s+than|worse\s+than)\b", before, re.I) \
                or re.search(r"\b(?:average|figure|rate)\s+(?:of|was|is|at)\s+(?:\w+\s+)?$", before, re.I):
            return "comparator"
    cue = None
    for cue in _TARGET.finditer(text, max(lo, start - 60), start):
        pass
    if (cue is not None and not _HAS_DIGIT.search(text, cue.end(), start)) or re.search(r"^\s*(?:target|standard)\b", text[end:hi], re.I):
        return "target"
    if unit in ("days", "weeks", "months") and _WITHIN.search(text[max(0, start - 30):start]):
        # a timescale: "96% of assessments ... within 45 days", "within 20 working days of receiving"
        # (but "care proceedings are usually completed within 27 weeks" is what happened)
        if re.search(r"%|per\s?cent|\b(?:should|must|required|expected|need|needs|aim|ensure)\b", text[lo:start], re.I) \
                or re.match(r"\s+of\b", text[end:]):
            return "target"
    return "observed"


def _own_comparator(text: str, lo: int, hi: int, start: int, end: int) -> bool:
    """A comparator phrase in the clause that is about this figure, not about
    another figure right after it ("9% (the national average is 15%)") or
    between it and the phrase."""
    for m in _COMPARATOR.finditer(text, lo, hi):
        if m.start() >= end and _HAS_DIGIT.search(text, m.end(), min(hi, m.end() + 25)) \
                and not _HAS_DIGIT.search(text, end, m.start()):
            continue  # introduces the next figure
        if m.end() <= start and _HAS_DIGIT.search(text, m.end(), start):
            continue  # belongs to a figure in between
        if m.start() >= end and _HAS_DIGIT.search(text, end, m.start()):
            continue
        return True
    return False


_HAS_DIGIT = re.compile(r"\d")


def attach_dates(text: str, spans: list[tuple[int, int]], dates: list[DateRef]) -> list[DateRef | None]:
    """The as-of date of each figure span (in order): a date right after the
    figure, else an unclaimed date earlier in the sentence (not for a figure
    said to be current, nor after a figure that has its own date)."""
    claimed: dict[int, DateRef] = {}
    used: set[int] = set()
    for i, (s, e) in enumerate(spans):
        nxt = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        d = next((d for d in dates if e <= d.start < nxt), None)
        if d is not None and d.start - e <= 25 and _ATTACH_GAP.match(text[e:d.start]):
            claimed[i] = d
            used.add(d.start)
    out: list[DateRef | None] = []
    seen_own = False
    for i, (s, e) in enumerate(spans):
        if i in claimed:
            out.append(claimed[i])
            seen_own = True
            continue
        if seen_own or _NOW.search(text[max(0, s - 25):min(len(text), e + 25)]):
            out.append(None)
            continue
        best = None
        lo, _ = clause_bounds(text, s, e)
        for d in dates:
            if d.start >= s or d.start in used or d.kind in ("today", "relative"):
                continue
            if d.start < lo and d.start > 60:
                continue  # a date in another clause counts only when the sentence opens with it
            if d.kind == "year" and not re.search(r"\b(?:in|during|for|end\s+of)\s+$", text[max(0, d.start - 15):d.start], re.I):
                continue
            if _NO_ASOF_BEFORE.search(text[max(0, d.start - 30):d.start]):
                continue
            best = d
        out.append(best)
    return out

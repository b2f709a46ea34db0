"""Dates: phrase parsing and the document-level date finder. Pure; no I/O.

Two layers:

* :func:`find_date_phrases` reads every date phrase in a string: a single day
  ("2 August 2021", "Thursday, 30 January 2025", "10th December 2024"), a range
  ("10 to 21 July 2023", "29 November – 3 December 2021", "30 September to
  4 October 2019", "11 January 2016 – 4 February 2016", "from 15 to 26 July
  2019") or a list of days ("13 and 14 July 2022", "15, 16 and 21 July 2025",
  "29 and 30 September, and 1 October 2020", "30 September to 11 October 2024
  and 13 to 16 January 2025"). A day without its month or year takes them from
  the next day that has them; a range that crosses a year end ("29 December to
  2 January 2020") is put right. A phrase with no year at all ("on 30 and 31
  January") is returned with ``year_given`` False, dated in ``default_year``.
  :func:`find_month_years` reads "January 2020", "in 2019" for coarser dates.

* :func:`find_dates` picks, for one document of a known ``kind``, the
  inspection or visit dates (``start_date``/``end_date``), the date printed at
  the top of a letter (``letter_date``) and, for minutes and committee reports,
  the meeting date when the text states it (``meeting_date``). Each value comes
  with an :class:`Evidence` (page and span of ``Document.text``). Nothing is
  guessed: a value the text does not state stays None, and the manifest
  (``doc.source_meta``) is never consulted.

Which statement gives which field:

- ``start_date``/``end_date``: the labelled line of an inspection report
  ("Inspection dates: 10 to 21 July 2023", "Inspection date: 29 April – 22 May
  2014"); in a letter, the sentence that says when the visit took place ("This
  letter summarises the findings of the focused visit to ... on 13 and 14 July
  2022", "Between 12 and 16 March 2018, Ofsted ... undertook a joint
  inspection"). Not read for minutes and committee reports: a visit they
  mention is not the document's own date.
- ``letter_date``: a line that is nothing but a full date, above the "Dear ..."
  salutation of a letter (focused, monitoring and JTAI letters, and any
  document of kind ``other`` shaped like a letter); failing that, a raw line of
  page 1 that is only a date (the cleaner drops the Ofsted letterhead as an
  address block, and a few PDFs print the date inside it, mid-page). The date
  is kept as printed; :attr:`FoundDates.notes` says when the text itself shows
  it to be wrong (a letter dated before the visit it reports on).
- ``meeting_date``: minutes and committee reports only, from the head of the
  document: "MINUTES of a meeting of the Cabinet held ... on Thursday, 30
  January 2025", a title line "CORPORATE PARENTING PANEL – 10th December 2024",
  "To: Cabinet - 30 January 2025", "Date of meeting: ...", or a line that is
  only a date ("1 DECEMBER 2020") in the head of the document. "Minutes of the
  meeting held on 9 January 2025" under an agenda item names an earlier
  meeting and is not read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from corpus.document import Document
from extractors.meta_records import Evidence
from extractors.records import Passage
from extractors.segment import Segmentation

DATES_VERSION = "dates-2"

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept",
    "Sep", "Oct", "Nov", "Dec",
)
# Title case or capitals ("July", "JULY"), never lower case: "5 may be" is not a date.
_MONTH = (
    "(?:" + "|".join(f"{m}|{m.upper()}" for m in _MONTH_NAMES[:12]) + "|"
    + "(?:" + "|".join(f"{m}|{m.upper()}" for m in _MONTH_NAMES[12:]) + r")(?:\.(?=\s*\d))?)(?![A-Za-z])"
)
_WEEKDAY = r"(?:(?i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*,?\s+)"
_DAY = r"(?:(?i:the)\s+)?(?<![\d.,:/£$%])\d{1,2}(?i:st|nd|rd|th)?(?![\d.,:/%]\d)(?!\d)(?:\s+(?i:of))?"
_YEAR = r"(?:19|20)\d\d(?!\d)"
_ITEM = rf"{_WEEKDAY}?{_DAY}(?:\s+{_MONTH}(?:\s*,?\s*{_YEAR})?)?"
_SEP = r"(?:\s*,\s*(?:(?i:and)\s+)?|\s+(?i:and|to|until|till|through)\s+|\s*[–—‐‑-]+\s*)"
_SEQ = re.compile(rf"(?<![\w\d]){_ITEM}(?:{_SEP}{_ITEM})*")
_ITEM_PARTS = re.compile(
    rf"(?:{_WEEKDAY})?(?:(?i:the)\s+)?(?P<day>\d{{1,2}})(?i:st|nd|rd|th)?(?:\s+(?i:of))?"
    rf"(?:\s+(?P<month>{_MONTH})(?:\s*,?\s*(?P<year>{_YEAR}))?)?"
)
_MONTH_YEAR = re.compile(
    rf"(?<![\w\d])(?:(?P<day>\d{{1,2}})(?i:st|nd|rd|th)?\s+)?(?P<month>{_MONTH})\s*,?\s*(?P<year>{_YEAR})"
    rf"|\b(?i:in|during|since|from|of)\s+(?P<yonly>{_YEAR})\b"
    rf"|\b(?P<yadj>{_YEAR})(?=\s+(?:[\w’'-]+\s+){{0,2}}?(?i:inspection|visit|judgement)\b)"
)


@dataclass(frozen=True)
class DatePhrase:
    """A date phrase found in a string: ``[start, end)`` offsets into it.

    ``start_date``/``end_date`` are the first and last day (equal for one
    day). ``days`` lists every day named ("13 and 14 July" gives two).
    ``year_given`` is False when the phrase names no year.
    """

    text: str
    start: int
    end: int
    start_date: date
    end_date: date
    days: tuple[date, ...]
    year_given: bool = True

    @property
    def is_range(self) -> bool:
        return self.start_date != self.end_date


@dataclass(frozen=True)
class MonthYear:
    """A coarse date ("January 2020" -> "2020-01", "in 2019" -> "2019",
    "15 November 2019" -> "2019-11-15") with its offsets."""

    text: str
    start: int
    end: int
    value: str


@dataclass(frozen=True)
class FoundDates:
    """The dates of one document, each with its evidence (field names as in
    :class:`~extractors.meta_records.DocumentMeta`)."""

    start_date: date | None = None
    end_date: date | None = None
    letter_date: date | None = None
    meeting_date: date | None = None
    evidence: tuple[Evidence, ...] = ()
    notes: tuple[str, ...] = ()   # what looks wrong in the text itself (a letter dated before its visit)
    version: str = DATES_VERSION

    def as_dict(self) -> dict:
        return {
            "start_date": self.start_date, "end_date": self.end_date,
            "letter_date": self.letter_date, "meeting_date": self.meeting_date,
        }


# --------------------------------------------------------------------------- phrases


def month_number(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_date_phrases(text: str, default_year: int | None = None,
                      reference: date | None = None) -> list[DatePhrase]:
    """Every date phrase of ``text`` (day, range or list of days), in order.

    A phrase with no year is dated with ``reference`` (the latest such date not
    after it: "30 and 31 January" in a letter of 22 February 2018 is January
    2018) or else ``default_year``; with neither, it is left out.
    """
    out: list[DatePhrase] = []
    for m in _SEQ.finditer(text):
        phrase = _parse_sequence(text, m.start(), m.end(), default_year, reference)
        if phrase is not None:
            out.append(phrase)
    return out


def parse_date(text: str) -> date | None:
    """The single date of a string that is one date phrase ("2 August 2021")."""
    phrases = find_date_phrases(text)
    if len(phrases) == 1 and not phrases[0].is_range:
        return phrases[0].start_date
    return None


def _parse_sequence(text: str, start: int, end: int, default_year: int | None,
                    reference: date | None) -> DatePhrase | None:
    items = []
    chunk = text[start:end]
    for im in _ITEM_PARTS.finditer(chunk):
        items.append((im.group("day"), im.group("month"), im.group("year"), start + im.start(), start + im.end()))
    # drop trailing items without a month ("14 July 2022 and 5" -> "14 July 2022")
    while items and items[-1][1] is None:
        items.pop()
    if not items:
        return None
    pos = items[0][3]
    end = items[-1][4]
    days = [int(d) for d, _, _, _, _ in items]
    if any(not 1 <= d <= 31 for d in days):
        return None
    months: list[int | None] = [month_number(mn) if mn else None for _, mn, _, _, _ in items]
    years: list[int | None] = [int(y) if y else None for _, _, y, _, _ in items]
    given = [y is not None for y in years]
    # fill month and year from the right
    next_month, next_year = None, None
    for i in range(len(items) - 1, -1, -1):
        if months[i] is None:
            months[i] = next_month
        else:
            next_month = months[i]
        if years[i] is None:
            years[i] = next_year
        else:
            next_year = years[i]
    year_given = years[-1] is not None
    if not year_given:
        base = None
        if reference is not None:
            base = reference.year
            if _safe_date(base, months[-1], days[-1]) and _safe_date(base, months[-1], days[-1]) > reference:
                base -= 1
        elif default_year is not None:
            base = default_year
        if base is None:
            return None
        years = [base if y is None else y for y in years]
    dates: list[date] = []
    for d, mo, y in zip(days, months, years):
        dt = _safe_date(y, mo, d)
        if dt is None:
            return None
        dates.append(dt)
    # a range across a year end: an inferred year one too high
    for i in range(len(dates) - 2, -1, -1):
        if dates[i] > dates[i + 1] and not given[i]:
            dt = _safe_date(dates[i].year - 1, dates[i].month, dates[i].day)
            if dt is None:
                return None
            dates[i] = dt
    return DatePhrase(text[pos:end], pos, end, min(dates), max(dates), tuple(dates), year_given)


def find_month_years(text: str) -> list[MonthYear]:
    """Coarse dates: "January 2020" -> "2020-01", "15 November 2019" ->
    "2019-11-15", "in 2019" and "the 2022 inspection" -> "2019", "2022"."""
    out = []
    for m in _MONTH_YEAR.finditer(text):
        year_only = m.group("yonly") or m.group("yadj")
        if year_only:
            ys = m.start("yonly") if m.group("yonly") else m.start("yadj")
            out.append(MonthYear(year_only, ys, ys + 4, year_only))
            continue
        mo = month_number(m.group("month"))
        y = int(m.group("year"))
        if m.group("day"):
            dt = _safe_date(y, mo, int(m.group("day")))
            if dt is not None:
                out.append(MonthYear(m.group(0), m.start(), m.end(), dt.isoformat()))
                continue
        out.append(MonthYear(m.group(0)[m.start("month") - m.start():], m.start("month"), m.end(), f"{y:04d}-{mo:02d}"))
    return out


# --------------------------------------------------------------------------- spans


def raw_span(doc: Document, passage: Passage, start: int, end: int) -> tuple[int, int]:
    """The span of ``passage.text[start:end]`` in ``Document.text``.

    A passage's text is cleaned (whitespace collapsed, line breaks rejoined), so
    the phrase is looked for in the raw stretch the passage came from, words
    matched in order across any whitespace or line break; else the passage's
    whole span.
    """
    phrase = passage.text[start:end]
    raw = doc.text[passage.start:passage.end]
    if not phrase.strip():
        return passage.start, passage.end
    direct = raw.find(phrase)
    if direct >= 0 and raw.find(phrase, direct + 1) < 0:
        return passage.start + direct, passage.start + direct + len(phrase)
    words = phrase.split()
    pattern = r"[\s\-‐]*".join(re.escape(w) for w in words)
    hits = list(re.finditer(pattern, raw))
    if hits:
        # the occurrence nearest the phrase's relative place in the passage
        want = start / max(1, len(passage.text)) * len(raw)
        best = min(hits, key=lambda h: abs(h.start() - want))
        return passage.start + best.start(), passage.start + best.end()
    return passage.start, passage.end


def evidence_for(doc: Document, passage: Passage, fld: str, start: int, end: int) -> Evidence:
    s, e = raw_span(doc, passage, start, end)
    text = doc.text[s:e] if (s, e) != (passage.start, passage.end) else passage.text[start:end]
    return Evidence(fld, text, doc.page_of(s), s, e)


# --------------------------------------------------------------------------- document

LETTER_KINDS = ("focused_visit", "monitoring_visit", "jtai")
REPORT_KINDS = ("ilacs", "sif", "lac_inspection", "lscb_review")
MEETING_KINDS = ("minutes", "committee_report")

_LABEL = re.compile(
    r"^\s*(?:(?:inspection|visit|review|fieldwork|on-?site)(?:\s+visit)?\s+dates?|dates?\s+of\s+(?:the\s+)?"
    r"(?:inspection|visit|review|fieldwork))\s*[:\-–]?\s*",
    re.IGNORECASE,
)
# "... focused visit to X children's services on 13 and 14 July 2022", "Between 2 and
# 6 March 2020, Ofsted ... undertook", "The visit took place on ..."
_VISIT_CUE = re.compile(
    r"\b(?:visit|visited|inspection|inspected|inspectors)\b", re.IGNORECASE)
_VISIT_PREP = re.compile(r"\b(?:on|between|from|during|dated)\s+(?:the\s+)?$", re.IGNORECASE)
_NOT_THIS_VISIT = re.compile(
    r"\b(?:last|previous|earlier|prior|since|following)\s+(?:\w+\s+){0,4}?(?:inspection|visit)\b", re.IGNORECASE)
_SALUTATION = re.compile(r"^\s*Dear\b")
_LEADS_INTO_DATE = re.compile(
    r"(?i)(?:\b(?:on|between|and|to|from|in|of|dated|until|since|by|until|before|after)|[,–—-])\s*$")
_MINUTES_HEAD = re.compile(
    r"\bminutes\s+of\s+(?:a|the)\s+(?:\w+\s+){0,3}?meeting\b(?!\s+held\s+on\s+\d)", re.IGNORECASE)
_MEETING_LABEL = re.compile(
    r"^\s*(?:date\s+of\s+(?:the\s+)?meeting|meeting\s+date|date)\s*[:\-–]\s*", re.IGNORECASE)
_TO_LINE = re.compile(r"^\s*To\s*:\s*[^:]{2,80}?\s+[–—-]\s+", re.IGNORECASE)
_PREVIOUS_MEETING = re.compile(
    r"\b(?:minutes|record)\s+of\s+(?:the\s+)?(?:\w+\s+){0,3}?meeting\s+held\s+on\b", re.IGNORECASE)


def find_dates(doc: Document, seg: Segmentation, kind: str) -> FoundDates:
    """The dates of one document: see the module docstring for which statement
    gives which field."""
    passages = [p for p in seg.passages if p.text]
    evidence: list[Evidence] = []
    letter_date = meeting_date = start_date = end_date = None

    looks_like_letter = kind in LETTER_KINDS or (kind == "other" and _has_salutation(passages))
    if looks_like_letter:
        found = _letter_date(doc, passages)
        if found:
            letter_date, ev = found
            evidence.append(ev)

    if kind not in MEETING_KINDS:
        found = _labelled_dates(doc, passages, letter_date)
        if found is None and (looks_like_letter or kind in ("other",) + REPORT_KINDS):
            found = _visit_sentence_dates(doc, passages, letter_date)
        if found:
            start_date, end_date, evs = found
            evidence += evs
    else:
        found = _meeting_date(doc, passages)
        if found:
            meeting_date, ev = found
            evidence.append(ev)

    notes = _notes(doc, passages, kind, start_date, end_date, letter_date, looks_like_letter)
    return FoundDates(start_date, end_date, letter_date, meeting_date, tuple(evidence), notes)


def _notes(doc: Document, passages: list[Passage], kind: str, start: date | None, end: date | None,
           letter: date | None, is_letter: bool) -> tuple[str, ...]:
    """Values kept as printed that the text itself shows to be doubtful."""
    notes = []
    if letter and end and letter < end:
        notes.append(f"letter date {letter.isoformat()} is before the visit it reports on "
                     f"({end.isoformat()}): the printed date looks wrong")
    if start and end and kind in ("focused_visit", "monitoring_visit") and (end - start).days > 31:
        notes.append(f"visit dates {start.isoformat()} to {end.isoformat()} span {(end - start).days} days: "
                     f"a printed year looks wrong")
    if is_letter and letter is None:
        for p in _head(passages)[:15]:
            if re.fullmatch(rf"\s*\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s*,?\s*\d{{3,6}}\s*", p.text):
                notes.append(f"letter date line not readable as a date: {p.text.strip()!r}")
                break
    return tuple(notes)


def _has_salutation(passages: list[Passage]) -> bool:
    return any(_SALUTATION.match(p.text) for p in passages[:40])


def _head(passages: list[Passage], limit: int = 40) -> list[Passage]:
    return [p for p in passages[:limit] if p.page <= 2]


def _whole_date(text: str) -> DatePhrase | None:
    """The date when ``text`` is nothing but one full date (offsets into ``text``)."""
    lead = len(text) - len(text.lstrip())
    stripped = text.strip().rstrip(".")
    phrases = find_date_phrases(stripped)
    if len(phrases) == 1 and not phrases[0].is_range and phrases[0].year_given:
        ph = phrases[0]
        rest = (stripped[: ph.start] + stripped[ph.end:]).strip(" ,.")
        if not rest or re.fullmatch(r"(?i)(date|dated)\s*:?", rest):
            return DatePhrase(ph.text, ph.start + lead, ph.end + lead, ph.start_date, ph.end_date, ph.days,
                              ph.year_given)
    return None


def _letter_date(doc: Document, passages: list[Passage]) -> tuple[date, Evidence] | None:
    """The date line of a letter: a passage that is only a date, above "Dear ..."."""
    head = _head(passages)
    stop = next((i for i, p in enumerate(head) if _SALUTATION.match(p.text)), None)
    if stop is None:
        # no salutation read: only the first few lines of page 1
        head = [p for p in head[:12] if p.page == 1]
    else:
        head = head[:stop]
    for p in head:
        ph = _whole_date(p.text)
        if ph is not None:
            return ph.start_date, evidence_for(doc, p, "letter_date", ph.start, ph.end)
    # The cleaner may drop the Ofsted letterhead with the date line in it (a PDF whose
    # text stream puts the letterhead mid-page): a raw line of page 1 that is only a
    # date, is no sentence's end ("... on" / "13 July 2022.") and follows no word that
    # leads into a date.
    if doc.pages:
        page = doc.pages[0]
        offset = page.start
        previous = ""
        for line in doc.text[page.start:page.end].split("\n"):
            ph = _whole_date(line)
            if ph is not None and not line.rstrip().endswith(".") and not _LEADS_INTO_DATE.search(previous):
                s0 = offset + ph.start
                return ph.start_date, Evidence("letter_date", ph.text, page.number, s0, s0 + len(ph.text))
            offset += len(line) + 1
            if line.strip():
                previous = line
    return None


def _labelled_dates(doc: Document, passages: list[Passage], reference: date | None):
    for p in passages[:80]:
        m = _LABEL.match(p.text)
        if not m:
            continue
        phrases = find_date_phrases(p.text[m.end():], reference=reference)
        if not phrases:
            continue
        # every phrase straight after the label (split inspections: "... 2024 and 13 to 16 January 2025")
        first = phrases[0]
        if first.start > 3:
            continue
        group = [first]
        for ph in phrases[1:]:
            gap = p.text[m.end() + group[-1].end : m.end() + ph.start]
            if re.fullmatch(r"\s*(?:,|and|&|;)?\s*(?:and\s+)?", gap):
                group.append(ph)
            else:
                break
        s, e = m.end() + group[0].start, m.end() + group[-1].end
        ev_start = evidence_for(doc, p, "start_date", s, e)
        ev_end = Evidence("end_date", ev_start.text, ev_start.page, ev_start.start, ev_start.end)
        return min(g.start_date for g in group), max(g.end_date for g in group), [ev_start, ev_end]
    return None


def _visit_sentence_dates(doc: Document, passages: list[Passage], reference: date | None):
    """The sentence of a letter that says when the visit took place."""
    for p in passages[:60]:
        text = p.text
        if not _VISIT_CUE.search(text):
            continue
        for ph in find_date_phrases(text, reference=reference):
            before = text[: ph.start]
            if not _VISIT_PREP.search(before):
                continue
            # the sentence must be about this visit, not an earlier one
            window = text[max(0, ph.start - 60): ph.start]
            if _NOT_THIS_VISIT.search(window):
                continue
            if not re.search(r"(?i)\b(summaris|took place|carried out|undert|conducted|visit(?:ed)?\s+(?:to|on|of)|"
                             r"inspect(?:ed|ion)\b|inspectors\b)", text):
                continue
            ev_start = evidence_for(doc, p, "start_date", ph.start, ph.end)
            ev_end = Evidence("end_date", ev_start.text, ev_start.page, ev_start.start, ev_start.end)
            return ph.start_date, ph.end_date, [ev_start, ev_end]
    return None


def _meeting_date(doc: Document, passages: list[Passage]) -> tuple[date, Evidence] | None:
    """The meeting date stated at the head of minutes or a committee report."""
    head = [p for p in passages[:20] if p.page == 1]
    for p in head:
        text = p.text
        if _PREVIOUS_MEETING.search(text):
            break  # an agenda item about earlier minutes: the head is over
        if re.search(r"\(\s*item\s+\d", text, re.IGNORECASE):
            break
        candidates: list[tuple[int, int, DatePhrase]] = []
        m = _MINUTES_HEAD.search(text)
        if m:
            for ph in find_date_phrases(text[m.end():]):
                if not ph.is_range and ph.year_given:
                    candidates.append((m.end() + ph.start, m.end() + ph.end, ph))
                    break
        if not candidates:
            lm = _MEETING_LABEL.match(text) or _TO_LINE.match(text)
            if lm:
                phrases = find_date_phrases(text[lm.end():])
                if phrases and phrases[0].start == 0 and not phrases[0].is_range and phrases[0].year_given:
                    ph = phrases[0]
                    candidates.append((lm.end() + ph.start, lm.end() + ph.end, ph))
        if not candidates:
            ph = _title_date(text)
            if ph is not None:
                candidates.append((ph.start, ph.end, ph))
        if candidates:
            s, e, ph = candidates[0]
            return ph.start_date, evidence_for(doc, p, "meeting_date", s, e)
    return None


_TRAILING_TIME = re.compile(r"[\s,]+(?:at\s+)?\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)\s*$", re.IGNORECASE)


def _title_date(text: str) -> DatePhrase | None:
    """A title line that ends in a date ("CORPORATE PARENTING PANEL – 10th
    December 2024") or is one ("1 DECEMBER 2020"); a time after the date, as
    modern.gov pages print it ("Tuesday, 14th January, 2025 4.00 pm"), is
    allowed."""
    if len(text) > 120:
        return None
    text = _TRAILING_TIME.sub("", text)  # removes a suffix only: offsets stay valid
    ph = _whole_date(text)
    if ph is not None:
        return ph
    m = re.search(r"(?:\s[–—-]|[–—])\s*(?=[^–—-]*$)", text)
    if m and _title_like(text[: m.start()]):
        tail = text[m.end():]
        ph = _whole_date(tail)
        if ph is not None:
            off = m.end() + (len(tail) - len(tail.lstrip()))
            return DatePhrase(ph.text, off + ph.start, off + ph.end, ph.start_date, ph.end_date, ph.days)
    return None


def _title_like(text: str) -> bool:
    """A committee's name: no sentence punctuation, not ending in a number,
    most words capitalised ("CORPORATE PARENTING PANEL", "Children and Young
    People Overview and Scrutiny Committee")."""
    text = text.strip()
    if not text or re.search(r"[.;:]|\d$", text):
        return False
    words = re.findall(r"[^\W\d_][\w’'-]*", text)
    if not words:
        return False
    minor = {"and", "of", "the", "for", "on", "in", "to", "a"}
    major = [w for w in words if w.lower() not in minor]
    return bool(major) and sum(w[0].isupper() for w in major) / len(major) >= 0.8

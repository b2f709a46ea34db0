"""Judgements of ILACS and SIF reports: the judgement table and the graded headings.

``extract_judgements(doc, seg, kind)`` returns ``(judgements, warnings)``.

The table
    ILACS (2018 on): the table under "Judgement Grade" on page 1, one row per
    area and "Overall effectiveness" last. pypdfium2 gives it as lines, area
    names wrapped over two or three lines, the grade on a line of its own or
    at the end of the area's last line. The table is read in order, one row
    after another, from the header: a row is a known area name (see
    ``extractors/data/judgement_areas.csv``) followed by a grade that ends its
    line; the first thing that is not such a row ends the table. 2018-2022
    reports grade children in care and care leavers together
    (``children_in_care_and_care_leavers``); inspections from 2023 grade them
    apart (``children_in_care``, ``care_leavers``); inspections from April
    2026 have no overall effectiveness row (no row, and no warning).

    SIF (before 2018): the headline ("The overall judgement is that
    children's services are good", "Children's services in Bedford Borough
    require improvement to be good"), the numbered list (1. help and
    protection, 2. children looked after, 2.1 adoption, 2.2 care leavers,
    3. leadership, management and governance) and, in reports that also
    review the Local Safeguarding Children Board, its grade (on page 1, or
    the headline of the LSCB section). All of these are ``source='table'``.
    An LSCB review on its own (kind ``lscb_review``) has the LSCB headline only.

Headings
    The grade stated in a graded section heading ("The experiences and
    progress of children who need help and protection: requires improvement
    to be good") is a Judgement with ``source='heading'``; when it differs
    from the table's grade for the same area a Warning says so.

Markdown tables ("| The impact of leaders ... | Good |") read the same way.
Reading a report takes about a millisecond (no pdfplumber: the reader's text of
pages 1-2 is enough for every report of the corpus).

Nothing is guessed: a grade is read where the text states it, with the span
of the grade text in ``Document.text``. An expected table that is not found
gives no judgements and a Warning (field ``judgements``).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from corpus.document import Document
from extractors.meta_records import GRADES, Judgement, Warning

JUDGEMENTS_VERSION = "judgements-1"

#: document kinds whose reports carry a judgement table
TABLE_KINDS = ("ilacs", "sif", "lscb_review")

ILACS_AREAS_2018 = ("impact_of_leaders", "help_and_protection", "children_in_care_and_care_leavers")
ILACS_AREAS_2023 = ("impact_of_leaders", "help_and_protection", "children_in_care", "care_leavers")
SIF_AREAS = ("help_and_protection", "children_looked_after", "adoption_performance", "care_leavers",
             "leadership_management_governance")

_GRADE = r"(?:requires?\s+improvement(?:\s+to\s+be\s+good)?|outstanding|good|inadequate)"
# between an area and its grade: nothing but space, a colon, "is"/"are", "is that it is"
# (a Markdown table's cell border "|" too)
_LINK = r"\s*[.:]?\s*\|?\s*(?:(?:is|are)\b\s*:?\s*(?:that\s+it\s+(?:is\s+)?)?)?"
_TRAILING_LINK = re.compile(r"(?:\s+(?:is|are|that it))+$", re.I)
# the grade ends its line (a full stop may follow)
_EOL = r"[ \t]*\.?[ \t]*\|?[ \t]*(?=\n|\Z)"
# between two rows: white space, Markdown cell borders and rules ("|---|---|")
_BETWEEN = re.compile(r"(?:\s|\|[ \t:|-]*)*")
_REFORM = (2026, 4)  # inspections from April 2026 have no overall effectiveness grade
_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), start=1)}
_INSPECTION_DATES = re.compile(r"Inspection\s+dates?\s*:?\s*([^\n]{0,80})", re.I)
# SIF 2014-15: each graded section opens with a one-row table "Key judgement | Judgement grade"
_KEY_JUDGEMENT = re.compile(r"(?m)^[ \t]*Key\s+judge?ment\s+Judge?ment\s+grade[ \t]*\n", re.I)
_MONTH = re.compile(r"\b(?:" + "|".join(_MONTHS) + r")\b", re.I)
_YEAR = re.compile(r"\b20\d\d\b")


@dataclass(frozen=True)
class AreaPattern:
    pattern: str     # as written in the data file (whitespace-normalised, case-insensitive)
    area: str        # normalised area key
    framework: str   # "ilacs", "ilacs_2018", "ilacs_2023", "sif", "lscb_review" joined with "|"
    where: str       # "table", "heading" or "both"

    def for_kind(self, kind: str) -> bool:
        return any(f == kind or f.startswith(kind + "_") for f in self.framework.split("|"))


@lru_cache(maxsize=1)
def area_patterns() -> tuple[AreaPattern, ...]:
    """The rows of ``extractors/data/judgement_areas.csv``, in file order (first match wins)."""
    with resources.files("extractors.data").joinpath("judgement_areas.csv").open(encoding="utf-8") as fh:
        return tuple(AreaPattern(r["pattern"], r["area"], r["framework"], r["where"]) for r in csv.DictReader(fh))


def _flex(pattern: str) -> str:
    """A data-file pattern as a regex over raw text: a space (outside a character
    class) matches any run of whitespace, line breaks included."""
    out: list[str] = []
    in_class = escaped = False
    for ch in pattern:
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif ch == "[":
            in_class = True
            out.append(ch)
        elif ch == "]":
            in_class = False
            out.append(ch)
        elif ch == " " and not in_class:
            out.append(r"\s+")
        else:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=None)
def _row_regex(kind: str, where: str) -> tuple[re.Pattern, tuple[str, ...]]:
    """One regex for "area + link + grade to the end of the line" over the patterns
    of ``kind`` used ``where`` (table / heading); group ``a<n>`` names the area."""
    pats = [p for p in area_patterns() if p.for_kind(kind) and p.where in (where, "both")]
    alts = "|".join(f"(?P<a{i}>{_flex(p.pattern)})" for i, p in enumerate(pats))
    rx = re.compile(rf"(?P<area>{alts}){_LINK}(?P<grade>{_GRADE}){_EOL}", re.I)
    return rx, tuple(p.area for p in pats)


def normalise_grade(text: str) -> str | None:
    """"Requires improvement to be good" -> ``requires_improvement``; one of GRADES or None."""
    t = " ".join(text.lower().split())
    if t.startswith("require") and "improvement" in t:
        return "requires_improvement"
    return t if t in GRADES else None


def expects_judgements(kind: str | None) -> bool:
    """Whether a document of this kind should have a judgement table."""
    return kind in TABLE_KINDS


def _norm(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class Row:
    """One graded area as read: the area (normalised key and as written) and its
    grade. ``start``/``end`` span the grade text; ``row_start`` is where the area
    text starts, so ``text[row_start:end]`` is the whole row or heading."""

    area: str
    area_text: str
    grade: str
    grade_text: str
    start: int
    end: int
    row_start: int


@dataclass(frozen=True)
class JudgementRead:
    """What ``read_judgements`` found: table rows, graded headings, problems (the
    messages of the warnings)."""

    table: tuple[Row, ...] = ()
    headings: tuple[Row, ...] = ()
    problems: tuple[str, ...] = ()


def _match_row(m: re.Match, areas: tuple[str, ...]) -> Row:
    area = next(areas[int(k[1:])] for k, v in m.groupdict().items() if v is not None and k[0] == "a" and k[1:].isdigit())
    g0, g1 = m.span("grade")
    area_text = _TRAILING_LINK.sub("", _norm(m.group("area")))
    return Row(area, area_text, normalise_grade(m.group("grade")) or "", _norm(m.group("grade")),
               g0, g1, m.start("area"))


def _scan(text: str, pos: int, kind: str, limit: int) -> tuple[list[Row], int]:
    """Rows one after another from ``pos`` (each must start where the last ended,
    after white space); stops at the first thing that is not a row."""
    rx, areas = _row_regex(kind, "table")
    rows: list[Row] = []
    seen: set[str] = set()
    while pos < limit:
        ws = _BETWEEN.match(text, pos)
        at = ws.end() if ws else pos
        m = rx.match(text, at, limit)
        if not m:
            break
        row = _match_row(m, areas)
        if row.area in seen:
            break
        seen.add(row.area)
        rows.append(row)
        pos = m.end()
    return rows, pos


def _pages_text_end(doc: Document, n: int) -> int:
    pages = doc.pages[:n]
    return pages[-1].end if pages else len(doc.text)


def inspection_start_month(doc: Document) -> tuple[int, int] | None:
    """(year, month) the inspection began, from the "Inspection dates" line of page 1:
    the first month named and the first year after it ("27 April to 1 May 2026"
    -> (2026, 4); "5 to 9 December 2022 and 14 to 15 February 2023" -> (2022, 12))."""
    page1 = doc.text[: _pages_text_end(doc, 1)]
    m = _INSPECTION_DATES.search(page1)
    if not m:
        return None
    line = m.group(1)
    month = _MONTH.search(line)
    year = _YEAR.search(line, month.end()) if month else None
    if not (month and year):
        return None
    return int(year.group(0)), _MONTHS[month.group(0).lower()]


def _ilacs_table(doc: Document) -> tuple[list[Row], int, list[str]]:
    """The ILACS table rows, where the table ends, and problems found."""
    text = doc.text
    limit = _pages_text_end(doc, 2)
    header = re.compile(r"Judge?ments?[ \t|]+Grades?\b", re.I).search(text, 0, limit)
    problems: list[str] = []
    rows: list[Row] = []
    end = 0
    if header:
        rows, end = _scan(text, header.end(), "ilacs", limit)
    if not rows:
        # no header (or nothing under it): three or more rows in a row, on pages 1-2;
        # one sentence that reads like a row ("... care leavers are good.") is no table
        rx, _ = _row_regex("ilacs", "table")
        for m in re.finditer(r"(?m)^", text[:limit]):
            if rx.match(text, m.start(), limit):
                found, stop = _scan(text, m.start(), "ilacs", limit)
                if len(found) >= 3:
                    rows, end = found, stop
                    break
    if not rows:
        return [], 0, ["no judgement table found on pages 1-2"]
    got = {r.area for r in rows}
    expected = ILACS_AREAS_2018 if "children_in_care_and_care_leavers" in got else ILACS_AREAS_2023
    missing = [a for a in expected if a not in got]
    if missing:
        problems.append(f"judgement table without a row for {', '.join(missing)}")
    if "overall_effectiveness" not in got:
        when = inspection_start_month(doc)
        post_reform = expected is ILACS_AREAS_2023 and when is not None and when >= _REFORM
        if not post_reform:
            problems.append("judgement table without an overall effectiveness row")
    return rows, end, problems


def _runs(text: str, kind: str, begin: int, limit: int) -> list[tuple[list[Row], int]]:
    """Every run of consecutive rows that starts at a line start in ``[begin, limit)``."""
    rx, _ = _row_regex(kind, "table")
    runs: list[tuple[list[Row], int]] = []
    end = begin
    for m in re.finditer(r"(?m)^[ \t|]*", text[:limit]):
        if m.start() < end or not rx.match(text, m.end(), limit):
            continue
        found, end = _scan(text, m.end(), kind, limit)
        runs.append((found, end))
    return runs


def _lscb_headline(doc: Document, kind: str, after: int) -> Row | None:
    """The LSCB review's headline ("The Local Safeguarding Children Board is good")
    at the start of a line after ``after``."""
    rx, areas = _row_regex(kind, "table")
    for m in re.finditer(r"(?m)^[ \t]*(?=The\s+Local\s+Safeguarding)", doc.text[after:]):
        hit = rx.match(doc.text, after + m.end())
        if hit and _match_row(hit, areas).area == "lscb":
            return _match_row(hit, areas)
    return None


def _sif_table(doc: Document, kind: str) -> tuple[list[Row], int, list[str]]:
    """A SIF report's judgements: the numbered list (a run of three or more rows on
    pages 1-2, with the LSCB row when it follows), the overall headline (page 1),
    and the LSCB grade. An LSCB review on its own: the LSCB headline of page 1-2."""
    text = doc.text
    page1, limit = _pages_text_end(doc, 1), _pages_text_end(doc, 2)
    if kind == "lscb_review":
        row = _lscb_headline(doc, kind, 0)
        if row is None or row.start >= limit:
            return [], 0, ["no judgement of the Local Safeguarding Children Board found on pages 1-2"]
        return [row], row.end, []
    runs = _runs(text, kind, 0, limit)
    listed = next(((rows, end) for rows, end in runs if len(rows) >= 3), None)
    if listed is None:
        return [], 0, ["no judgement table found on pages 1-2"]
    rows, end = list(listed[0]), listed[1]
    seen = {r.area for r in rows}
    overall = next((r for found, _ in runs for r in found
                    if r.area == "overall_effectiveness" and r.start < page1), None)
    if overall is not None and "overall_effectiveness" not in seen:
        rows.insert(0, overall)
        seen.add("overall_effectiveness")
    problems: list[str] = []
    if "lscb" not in seen and re.search(r"Review\s+of\s+the\s+effectiveness\s+of\s+the\s+local\s+safeguarding",
                                        text[:page1], re.I):
        lscb = _lscb_headline(doc, kind, end)
        if lscb is not None:
            rows.append(lscb)
            seen.add("lscb")
        else:
            problems.append("the report reviews the LSCB but states no LSCB grade")
    missing = [a for a in ("overall_effectiveness",) + SIF_AREAS if a not in seen]
    if missing:
        problems.append(f"judgement table without a row for {', '.join(missing)}")
    return rows, end, problems


def _headings(doc: Document, kind: str, after: int) -> list[Row]:
    """Graded section headings after ``after``: a known area name at the start of a
    bold (or larger) line, or of the row under a "Key judgement / Judgement grade"
    header (SIF 2014-15), its grade ending a line. The first per area."""
    if kind not in ("ilacs", "sif"):
        return []
    rx, areas = _row_regex(kind, "heading")
    text = doc.text
    starts = {b.start: b for b in doc.blocks}
    out: list[Row] = []
    seen: set[str] = set()
    key_tables = {m.end() for m in _KEY_JUDGEMENT.finditer(text, after)}
    for m in re.finditer(r"(?m)^[ \t]*", text):
        if m.end() < after:
            continue
        block = starts.get(m.end())
        styled = block is not None and (
            block.bold or (block.font_size or 0) >= 13.5 or block.kind == "heading"
            or (doc.media_type != "pdf" and block.bold is None))
        if not styled and m.start() not in key_tables:
            continue
        hit = rx.match(text, m.end())
        if not hit:
            continue
        row = _match_row(hit, areas)
        if row.area not in seen:
            seen.add(row.area)
            out.append(row)
    return out


def _judgement(doc: Document, row: Row, source: str) -> Judgement:
    return Judgement(doc.id, row.area, row.area_text, row.grade, row.grade_text, source,
                     doc.page_of(row.start), row.start, row.end, JUDGEMENTS_VERSION)


def read_judgements(doc: Document, kind: str | None) -> JudgementRead:
    """The table rows and graded headings of a report of ``kind``, with the
    problems found (an expected row missing, a heading that disagrees)."""
    if not expects_judgements(kind) or not doc.text:
        return JudgementRead()
    if kind == "ilacs":
        rows, end, problems = _ilacs_table(doc)
    else:
        rows, end, problems = _sif_table(doc, kind)
    if not rows:
        return JudgementRead((), (), tuple(problems))
    after = max(end, _pages_text_end(doc, 1)) if kind == "sif" else end
    headings = _headings(doc, kind, after)
    table = {r.area: r for r in rows}
    for h in headings:
        t = table.get(h.area)
        if t is not None and t.grade != h.grade:
            problems.append(
                f"{h.area}: the table says {t.grade_text!r} (page {doc.page_of(t.start)}) but the heading on "
                f"page {doc.page_of(h.start)} says {h.grade_text!r}")
    return JudgementRead(tuple(rows), tuple(headings), tuple(problems))


def extract_judgements(doc: Document, seg: object = None, kind: str | None = None
                       ) -> tuple[tuple[Judgement, ...], tuple[Warning, ...]]:
    """Judgements (table rows, then graded headings) and warnings of one document.

    ``kind`` is the document's kind (``extractors.meta_records.KINDS``); kinds
    without a judgement table give ``((), ())``. ``seg`` (the Segmentation) is
    accepted for the common extractor signature and not needed: the table is
    read from ``doc.text`` and the headings from its bold lines.
    """
    read = read_judgements(doc, kind)
    judgements = tuple(_judgement(doc, r, "table") for r in read.table) + tuple(
        _judgement(doc, r, "heading") for r in read.headings)
    warnings = tuple(Warning(doc.id, "judgements", p, JUDGEMENTS_VERSION) for p in read.problems)
    return judgements, warnings

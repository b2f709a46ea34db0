"""Structure: group cleaned lines into headings, paragraphs and list items.

Input: the lines of a document with boilerplate marked (``cleaning``) and
headings marked (``sections.mark_headings``). Output: :class:`Unit` records in
reading order. A unit is one heading, paragraph, list item, footnote or table
row; its lines are joined later into the text a person reads.

Rules (beyond headings):

- a bullet glyph ("◼", "•", "·", Word's private-use bullets, "- ") starts a list
  item; a glyph alone on its line ("·" / "Executive" / "Members") starts the
  item that the next lines hold;
- "12." / "12.Text" / "1.3" / "25)" after the end of a sentence starts a
  numbered paragraph, "a." / "(b)" / "iii)" a lettered list item; the marker is
  kept apart from the text;
- a line continues the open paragraph or item unless something ends it: a
  heading or item start, the end of a sentence followed by a blank line (text)
  or by a short last line (PDF: a paragraph's last line is shorter than the
  measure), a list item's closing punctuation followed by a capital, or a table
  cell. A page break never ends a paragraph, nor does a blank line inside a
  sentence (Markdown letters break sentences with blank lines);
- letters: the lines before "Dear ..." (date, addressee) are one unit each;
- the judgement table of an ILACS report ("Judgement Grade" ... "Overall
  effectiveness Good") becomes one list item per row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.lines import BULLET_RE, Line, ends_sentence

_NUMBERED = re.compile(r"^(\d{1,3})(?:\.(?!\d)|\))\s*(?=\S)")
_SUBNUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,2})\.?\s+(?=\S)")
_LETTERED = re.compile(r"^(?:\(([a-z]|[ivx]{1,4})\)|([a-z]|[ivx]{1,4})[.)])\s+(?=\S)")
_MARKER_ONLY = re.compile(r"^(?:\d{1,3}\.|\(?[a-z]\)|[a-z]\.)$")
_FORCE_BREAK = re.compile(r"^(?:AGREED|RESOLVED|ORDERED|DECIDED|NOTED)\b")
_SALUTATION = re.compile(r"^Dear\s+\S")
_GRADE_END = re.compile(
    r"(?:^|\s)(Outstanding|Good|Requires improvement(?: to be good)?|Inadequate|Adequate|Not applicable)$",
    re.I,
)
_ROW_START = re.compile(r"^(?:the (?:impact|experiences and progress)|overall effectiveness|\d\.\d?\s)", re.I)
_CONNECTOR_END = re.compile(r"(?:\b(?:and|of|the|to|for|with|in|on|a|an|by|at|from|or|that)|[,–-])$", re.I)
_TABLE_HEAD = re.compile(r"^Judgements?\s+Grades?$", re.I)


@dataclass(slots=True)
class Unit:
    kind: str  # heading | paragraph | list_item | footnote
    lines: list[Line] = field(default_factory=list)
    number: str = ""  # the printed marker: "12", "1.3", "a"
    section_kind: str = ""  # headings: heading | judgement | agenda_item
    level: int = 0  # headings: 1 is the top
    table: bool = False  # a row of a judgement table (kept whole, not sentence-split)


def mark_items(lines: list[Line]) -> None:
    """Find list-item and numbered-paragraph starts among body lines (sets item/marker/skip)."""
    prev: Line | None = None
    last: dict[str, str] = {}  # the last number and letter seen, to expect their successors
    for line in lines:
        if line.role == "drop":
            continue
        if line.role == "body":
            _mark_item(line, prev, last)
            if line.item in ("number", "letter"):
                last[line.item] = line.marker
        if line.role in ("body", "heading"):
            prev = line


def _successor(marker: str) -> str:
    if marker.isdigit():
        return str(int(marker) + 1)
    if len(marker) == 1 and marker.isalpha():
        return chr(ord(marker) + 1)
    return ""


def _mark_item(line: Line, prev: Line | None, last: dict[str, str]) -> None:
    text = line.text
    if line.hint == "list_item":
        line.item = "bullet"
        return
    m = BULLET_RE.match(text)
    if m:
        if m.end() >= len(text):  # "·" alone: the item's text is on the next lines
            line.item, line.skip, line.marker = "marker", len(text), ""
            return
        line.item, line.skip, line.marker = "bullet", m.end(), text[: m.end()].strip()
        # "- 2.1 The plan ..." (a text file's numbered paragraph behind a dash)
        rest = text[m.end():]
        n = _SUBNUMBERED.match(rest) or _NUMBERED.match(rest)
        if n and text[0] in "-–*":
            line.item, line.marker, line.skip = "number", n.group(1), m.end() + n.end()
        return
    boundary = prev is None or prev.role == "heading" or line.gap or ends_sentence(prev.text)
    for pattern, kind in ((_SUBNUMBERED, "number"), (_NUMBERED, "number"), (_LETTERED, "letter")):
        m = pattern.match(text)
        if m:
            marker = next(g for g in m.groups() if g)
            # after an unfinished line only the next number/letter of a running list counts
            if boundary or (kind in last and marker == _successor(last[kind])):
                line.item, line.marker, line.skip = kind, marker, m.end()
            return
    if not boundary:
        return
    if _MARKER_ONLY.match(text):
        line.item, line.marker, line.skip = "marker", text.strip("().").strip(), len(text)


def typical_width(lines: list[Line]) -> int:
    """The measure of a full body line, in characters (90th percentile)."""
    widths = sorted(len(ln.text) for ln in lines if ln.role == "body" and not ln.item)
    if not widths:
        return 80
    return widths[int(len(widths) * 0.9)]


def build_units(lines: list[Line], media_type: str) -> list[Unit]:
    units: list[Unit] = []
    deferred: list[Unit] = []  # footnotes wait for the paragraph they interrupt to end
    cur: Unit | None = None
    prev: Line | None = None
    pending_item: str = ""  # a marker on a line of its own: the next line starts the item
    width = typical_width(lines)
    is_pdf = media_type == "pdf"
    letter_head = _letter_head(lines)
    table_rows = 0

    def close() -> None:
        nonlocal cur
        if cur is not None and cur.lines:
            units.append(cur)
        cur = None
        if deferred:
            units.extend(deferred)
            deferred.clear()

    for idx, line in enumerate(lines):
        if line.role == "drop":
            continue
        if line.role == "footnote":
            if line.item == "footnote" or not deferred:
                deferred.append(Unit("footnote", [line], line.marker))
            else:
                deferred[-1].lines.append(line)
            if cur is None:
                close()
            continue
        if line.role == "heading":
            if cur is not None and cur.kind == "heading" and line.why == "continued":
                cur.lines.append(line)
            else:
                close()
                cur = Unit("heading", [line], "", line.section_kind, line.level)
                table_rows = 12 if _TABLE_HEAD.match(line.text) else 0
            prev = line
            pending_item = ""
            continue
        if idx in letter_head or line.why == "signoff":
            close()
            units.append(Unit("paragraph", [line]))
            prev = line
            continue
        if table_rows:
            new_row = cur is None or cur.kind == "heading" or (_ends_row(cur) and not line.text[:1].islower())
            if new_row and (not _ROW_START.match(line.text) or _is_overall(cur)):
                table_rows = 0  # the table has ended: treat the line as text
                close()
            else:
                if new_row:
                    close()
                    cur = Unit("list_item", [line], table=True)
                    table_rows -= 1
                else:
                    cur.lines.append(line)
                if _ends_row(cur) and cur.lines[0].text.lower().startswith("overall effectiveness"):
                    table_rows = 1  # only "to be good" may follow
                prev = line
                continue
        if line.item == "marker":
            close()
            pending_item = "•"
            cur = Unit("paragraph" if line.marker.isdigit() else "list_item", [], line.marker)
            prev = line
            continue
        if pending_item and cur is not None and not cur.lines:
            cur.lines.append(line)
            pending_item = ""
            prev = line
            continue
        pending_item = ""
        if line.item in ("bullet", "letter", "number"):
            if line.item == "bullet" and line.marker in ("-", "–") and not is_pdf and cur is not None \
                    and line.content[:1].islower() and cur.kind != "heading" \
                    and not ends_sentence(prev.text if prev else "."):
                # "- and this is enabling ..." : a text file's broken line, not a new item
                cur.lines.append(line)
                prev = line
                continue
            close()
            kind = "paragraph" if line.item == "number" else "list_item"
            cur = Unit(kind, [line], "" if line.item == "bullet" else line.marker)
            prev = line
            continue
        # a body line: continue the open unit or start a paragraph
        if cur is None or cur.kind == "heading" or _breaks(cur, prev, line, width, is_pdf):
            close()
            cur = Unit("paragraph", [line])
        else:
            cur.lines.append(line)
        prev = line
    close()
    return units


def _is_overall(unit: Unit | None) -> bool:
    return unit is not None and unit.table and unit.lines[0].text.lower().startswith("overall effectiveness")


def _ends_row(unit: Unit) -> bool:
    return bool(unit.lines) and bool(_GRADE_END.search(unit.lines[-1].text))


def _breaks(cur: Unit, prev: Line | None, line: Line, width: int, is_pdf: bool) -> bool:
    if prev is None or line.cell or prev.cell or line.hint == "paragraph":
        return True  # a reader's paragraph (HTML) is never joined to the block before
    if _FORCE_BREAK.match(line.text):
        return True
    done = ends_sentence(prev.text)
    first = line.text[:1]
    capital = first.isupper() or first.isdigit() or first in "‘“'\"("
    if line.gap:
        # a blank line ends a paragraph after a sentence, or before or after a
        # label line ("Inspection dates: ...", "Lead inspector: ..."); it does not
        # inside a sentence (Markdown letters break sentences with blank lines)
        return done or bool(_LABEL.match(line.text)) or bool(cur.lines and _LABEL.match(cur.lines[0].text))
    if cur.kind == "list_item" and done and capital and not prev.text.rstrip().endswith((",", ";")):
        return True
    if is_pdf and capital and (
        (done and len(prev.text) < 0.7 * width)
        or (len(prev.text) < 0.6 * width and not _CONNECTOR_END.search(prev.text))
    ):
        return True
    return False


_LABEL = re.compile(r"^[A-Z][A-Za-z’' ]{2,30}:\s")


def _letter_head(lines: list[Line]) -> set[int]:
    """Indices of a letter's date/addressee lines (before "Dear ...")."""
    kept = [i for i, ln in enumerate(lines[:60]) if ln.role != "drop"]
    for n, i in enumerate(kept[:30]):
        if _SALUTATION.match(lines[i].text):
            return {k for k in kept[: n + 1] if lines[k].role == "body"}
    return set()

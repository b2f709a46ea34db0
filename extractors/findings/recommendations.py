"""Formal recommendations: the items of a "What needs to improve" list.

ILACS reports have "What needs to improve?" (or "... for children in X?"),
focused-visit letters "What needs to improve in this area of social work
practice?", older letters "Areas for improvement", priority-action letters
"Areas for priority action". Every item of such a list is a recommendation,
always an improvement, kept in the order printed. An item is one list unit
(a bullet or numbered item); the sentences of a multi-sentence item share
the item number.

:func:`count_list_items` counts the items a second, independent way (the
list markers at the start of raw lines inside the section), so the corpus
check can report how many items were found against how many the document
prints.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.document import Document
from extractors.lines import BULLET_RE
from extractors.segment import Segmentation

RECOMMENDATION_TITLE = re.compile(
    r"^\s*(what needs to improve|what the local authority needs to improve|areas? for (improvement|priority action|development)"
    r"|(priority actions?|recommendations)\s*$)",
    re.I,
)
_NUMBERED = re.compile(r"^\s*(?:\(?\d{1,3}[.)]|\(?[a-h]\))\s+\S")


@dataclass(frozen=True)
class Recommendation:
    item_no: int  # 1-based, in the order printed
    passages: tuple[int, ...]  # passage indexes (the item's sentences and sub-items)


def _is_title(text: str) -> bool:
    """A recommendation-list heading: the whole line is the title (no full stop)."""
    text = text.strip()
    return text[:1].isupper() and bool(RECOMMENDATION_TITLE.match(text)) and len(text.split()) <= 16 and not text.endswith(".")


def recommendation_sections(seg: Segmentation) -> list[int]:
    return [s.index for s in seg.sections if s.kind != "preamble" and _is_title(s.title)]


def _zones(seg: Segmentation) -> list[list]:
    """Runs of passages that make up a recommendation list: the passages of a
    recommendation section, or (when the segmenter left the heading as a
    line of text) the list items straight after such a line."""
    sections = set(recommendation_sections(seg))
    zones: list[list] = []
    current: list | None = None
    open_section: int | None = None
    after_title = False
    for p in seg.passages:
        if p.section in sections and p.kind != "heading":
            if open_section != p.section:
                current = []
                zones.append(current)
                open_section = p.section
            current.append(p)
            continue
        open_section = None
        if p.kind == "sentence" and _is_title(p.text):
            current = []
            zones.append(current)
            after_title = True
            continue
        if after_title and p.kind == "list_item":
            current.append(p)
            continue
        after_title = False
    return zones


def _items(zone: list) -> list[list[int]]:
    """Group a zone's passages into items. A numbered report (SIF
    "Recommendations": "1. Ensure that: - a - b") makes each numbered paragraph
    an item, with any bullets after it as its sub-items; otherwise each list
    unit (bullet) is an item and sentences around the list are left out."""
    numbered = bool(zone) and zone[0].number is not None  # not a footnote marker inside a bullet list
    items: list[list[int]] = []
    last_unit = None
    for p in zone:
        unit = p.unit if p.unit is not None else p.index
        if numbered:
            if p.number and unit != last_unit:
                items.append([p.index])
            elif items:
                items[-1].append(p.index)
        elif p.kind == "list_item":
            if unit != last_unit or not items:
                items.append([p.index])
            else:
                items[-1].append(p.index)
        last_unit = unit
    return items


def recommendations(seg: Segmentation) -> list[Recommendation]:
    """The items of every recommendation list, in document order."""
    out: list[Recommendation] = []
    for zone in _zones(seg):
        for members in _items(zone):
            out.append(Recommendation(len(out) + 1, tuple(members)))
    return out


_HEADING_LINE = re.compile(r"^[A-Z][^.;:]{0,90}$")


def count_list_items(doc: Document, seg: Segmentation | None = None) -> int:
    """The items the document prints under its recommendation headings,
    counted from the raw text's list markers rather than the segmenter's
    lists: after each line that is such a heading, the lines that start with
    a bullet, "1." or "(a)", up to the next section heading (the segmenter's,
    when given) or else the next heading-like line after a finished sentence.
    Where numbered paragraphs carry the items (SIF reports), only the numbers
    are counted (bullets under them are parts of an item)."""
    section_starts = sorted(s.start for s in seg.sections) if seg is not None else []
    text = doc.text
    total = 0
    pos = 0
    lines = text.split("\n")
    offsets = []
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    i = 0
    while i < len(lines):
        if not _is_title(lines[i].strip(" \f")):
            i += 1
            continue
        later = [s for s in section_starts if s > offsets[i] + len(lines[i])]
        stop = later[0] if later else None
        bullets = numbers = 0
        prev_done = True
        j = i + 1
        while j < len(lines) and (stop is None or offsets[j] < stop):
            line = lines[j].strip(" \f")
            if not line or line.isdigit():
                j += 1
                continue
            if _NUMBERED.match(line):
                numbers += 1
            elif BULLET_RE.match(line):
                bullets += 1
            elif stop is None and prev_done and (bullets or numbers) and _HEADING_LINE.match(line) \
                    and len(line.split()) <= 8 and not _FURNITURE.match(line):
                break
            prev_done = line.endswith((".", ";", ":", "?", ")"))
            j += 1
        total += numbers if numbers else bullets
        i = j
    return total


_FURNITURE = re.compile(r"^(ofsted|piccadilly gate|store street|manchester|m1 2wd|t \d|www\.|inspection of |focused visit to )", re.I)

"""Segmentation: a Document in, its sections and passages out. Pure; no I/O.

The stages, each its own module:

1. ``lines.make_lines``: blocks to lines (one-for-one character fixes);
2. ``cleaning.clean``: running headers/footers, page numbers, address
   blocks, back page, contents, footnotes;
3. ``sections.mark_headings``: which lines are headings, their level and kind;
4. ``structure.mark_items`` / ``build_units``: list items, numbered
   paragraphs, paragraphs (lines rejoined over line and page breaks);
5. sentences: every paragraph, list item and footnote is split with spaCy in
   one ``nlp.pipe`` pass; heading and table-row units stay whole.

Passage spans (``start``/``end``) are the raw stretch of ``Document.text``
from the first to the last character of the passage (a passage crossing a
page break spans the running header between). ``text`` is what a person
reads: one space between words, hyphenated line ends rejoined, no headers,
page numbers or markers ("12. ", "◼ ").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.document import Document
from extractors import cleaning, sections, structure
from extractors.lines import TextBuilder, Vocabulary, make_lines
from extractors.records import Passage, Section
from extractors.sentences import SentenceSplitter, load_splitter

SEGMENTER_VERSION = "seg-2"

_TRAILING_REF = re.compile(r"[A-Za-z?)’:](\d{1,2})$")
_SPLIT_KINDS = ("paragraph", "list_item", "footnote")


@dataclass(frozen=True)
class Segmentation:
    sections: tuple[Section, ...]
    passages: tuple[Passage, ...]

    def section_of(self, passage: Passage) -> Section | None:
        return self.sections[passage.section] if passage.section is not None else None

    def in_section(self, title: str) -> list[Passage]:
        """Passages of the sections whose title starts with ``title`` (case-insensitive)."""
        want = title.lower()
        indices = {s.index for s in self.sections if s.title.lower().startswith(want)}
        return [p for p in self.passages if p.section in indices]


def segment(doc: Document, splitter: SentenceSplitter | None = None) -> Segmentation:
    if not doc.blocks:
        return Segmentation((), ())
    splitter = splitter or load_splitter()
    lines = make_lines(doc)
    body = cleaning.clean(lines, len(doc.pages))
    width = structure.typical_width(lines)
    sections.mark_headings(lines, doc.media_type, body, width)
    structure.mark_items(lines)
    units = structure.build_units(lines, doc.media_type)

    footnote_marks = {ln.marker for ln in lines if ln.role == "footnote" and ln.marker}
    vocab = Vocabulary(doc.text)
    built: list[tuple[structure.Unit, TextBuilder]] = []
    for unit in units:
        tb = TextBuilder(vocab)
        for line in unit.lines:
            tb.add(line.content, line.content_start)
        if tb.length:
            built.append((unit, tb))

    split_texts = [tb.text() for unit, tb in built if unit.kind in _SPLIT_KINDS and not _table_row(unit)]
    spans_iter = iter(splitter.split_many(split_texts))

    page_of = doc.page_of
    headings: list[tuple[str, int, int, int, str, int]] = []
    pending: list[tuple] = []  # passages before their section index is final
    section_no = -1
    for unit_no, (unit, tb) in enumerate(built):
        text = tb.text()
        if unit.kind == "heading":
            start, end = tb.raw_span(0, len(text))
            text = _strip_reference(text, footnote_marks)
            section_no += 1
            headings.append((text, page_of(start), start, end, unit.section_kind or "heading", unit.level or 1))
            pending.append(("heading", text, start, end, section_no, unit_no, None, None))
            continue
        if unit.kind in _SPLIT_KINDS and not _table_row(unit):
            spans = next(spans_iter)
        else:
            spans = [(0, len(text))]
        kind = "list_item" if unit.kind == "list_item" else "sentence"
        number = unit.number or None
        paragraph = int(number) if number and number.isdigit() and unit.kind == "paragraph" else None
        for s, e in spans:
            start, end = tb.raw_span(s, e)
            pending.append((kind, text[s:e], start, end, section_no, unit_no, number, paragraph))

    preamble = any(p[4] < 0 for p in pending)
    shift = 1 if preamble else 0
    secs = sections.build_sections(doc.id, headings, SEGMENTER_VERSION, preamble)
    # Reading order, except that a footnote comes after the last sentence that starts
    # on its page (a stable sort by page: the paragraph it interrupted may run on).
    rows = sorted(((page_of(row[2]), row) for row in pending), key=lambda pr: pr[0])
    passages = tuple(
        Passage(doc.id, index, (sec + shift) if sec >= 0 else 0, kind, text, page,
                page_of(end - 1), start, end, paragraph, SEGMENTER_VERSION, unit_no, number)
        for index, (page, (kind, text, start, end, sec, unit_no, number, paragraph)) in enumerate(rows)
    )
    return Segmentation(tuple(secs), passages)


def _strip_reference(title: str, marks: set[str]) -> str:
    """Drop a footnote reference glued to a heading ("What needs to improve?1")."""
    m = _TRAILING_REF.search(title)
    return title[: m.start(1)] if m and m.group(1) in marks else title


def _table_row(unit: structure.Unit) -> bool:
    return unit.table

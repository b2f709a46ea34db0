"""Records produced by segmentation. Frozen; passed between stages.

Every record carries provenance: document id, page, character span
``[start, end)`` in ``Document.text`` and the extractor version.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    """A heading and the stretch of the document it governs.

    ``kind``: ``heading`` (a titled section such as "Headline findings" or
    "What needs to improve?"), ``judgement`` (a graded judgement heading of an
    ILACS/SIF report), ``agenda_item`` (minutes), ``preamble`` (text before the
    first heading). ``level`` 1 is the top. ``parent`` is the index of the
    enclosing section or None.
    """

    doc_id: str
    index: int
    title: str
    kind: str
    level: int
    page: int
    start: int  # span of the heading text itself
    end: int
    parent: int | None = None
    version: str = ""


@dataclass(frozen=True)
class Passage:
    """A sentence or a list item, cleaned, with where it came from.

    ``text`` is the cleaned text (headers/footers/page numbers removed,
    hyphenation and line breaks rejoined). ``start``/``end`` span the raw
    stretch of ``Document.text`` it came from; ``page``..``page_end`` the pages.
    ``kind``: ``sentence``, ``list_item`` or ``heading``.
    ``paragraph`` is the report's own paragraph number when it has one ("12.").
    ``unit`` is the index (0-based, in reading order) of the heading, paragraph,
    list item or footnote the passage belongs to: the sentences of one list item
    or paragraph share it. ``number`` is the marker the source printed before
    that paragraph or item, as printed ("12", "1.3", "a"), without its
    punctuation; ``paragraph`` is its value when it is a whole number.
    """

    doc_id: str
    index: int
    section: int | None
    kind: str
    text: str
    page: int
    page_end: int
    start: int
    end: int
    paragraph: int | None = None
    version: str = ""
    unit: int | None = None
    number: str | None = None


EXAMPLE_SECTION = Section("0" * 64, 0, "What needs to improve?", "heading", 1, 2, 120, 142, None, "seg-1")
EXAMPLE_PASSAGE = Passage(
    "0" * 64, 0, 0, "list_item", "Timeliness of strategy meetings.", 2, 2, 145, 179, None, "seg-1"
)

"""The contract every reader produces: a Document of pages and text blocks.

``Document.text`` is the reader's text of the whole document (pages joined by
``PAGE_SEPARATOR``). Every offset in the project (blocks, sections, passages,
figures) is a character offset into that string, so any record can be traced
back to the exact stretch of the document it came from.
"""
from __future__ import annotations

from dataclasses import dataclass, field

PAGE_SEPARATOR = "\n\f\n"


@dataclass(frozen=True)
class Page:
    """One page (1-based ``number``) as the span ``[start, end)`` of ``Document.text``."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class Block:
    """A unit of text as the reader found it: a line of a PDF or text file,
    a paragraph, heading or list item of an HTML page.

    ``kind`` is the reader's structural hint: ``line`` (no structure known),
    ``paragraph``, ``heading`` or ``list_item``. ``font_size`` and ``bold`` are
    filled where the format tells them (PDF), else None.
    """

    page: int
    start: int
    end: int
    kind: str = "line"
    font_size: float | None = None
    bold: bool | None = None
    level: int | None = None  # heading level where the format says (HTML h1..h6, Markdown #)


@dataclass(frozen=True)
class SourceMeta:
    """Metadata that came with the file (a MANIFEST.csv row), never extracted."""

    kind: str | None = None
    local_authority: str | None = None
    document_date: str | None = None
    original_url: str | None = None
    doc_type: str | None = None


@dataclass(frozen=True)
class Document:
    """A read document. ``id`` is the SHA-256 of the file's bytes."""

    id: str
    source: str  # path as given / relative to the corpus root
    media_type: str  # pdf | html | text | markdown
    text: str
    pages: tuple[Page, ...]
    blocks: tuple[Block, ...]
    n_bytes: int = 0
    source_meta: SourceMeta = field(default_factory=SourceMeta)
    reader_version: str = ""

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    def page_of(self, offset: int) -> int:
        """The 1-based page holding character ``offset``."""
        lo, hi = 0, len(self.pages) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.pages[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return self.pages[lo].number if self.pages else 1


def example_document() -> Document:
    """A tiny two-page document, for tests and docs."""
    p1 = "Headline findings\nLeaders have built strong\n"
    p2 = "3\nrelationships with partners.\n"
    text = p1 + PAGE_SEPARATOR + p2
    s2 = len(p1) + len(PAGE_SEPARATOR)
    blocks = (
        Block(1, 0, 17, "line", 14.0, True),
        Block(1, 18, 43, "line", 12.0, False),
        Block(2, s2, s2 + 1, "line", 12.0, False),
        Block(2, s2 + 2, s2 + 30, "line", 12.0, False),
    )
    return Document(
        id="0" * 64,
        source="example.pdf",
        media_type="pdf",
        text=text,
        pages=(Page(1, 0, len(p1)), Page(2, s2, len(text))),
        blocks=blocks,
    )

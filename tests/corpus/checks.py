"""Invariants every Document must keep, whatever reader made it."""
from __future__ import annotations

from corpus.document import PAGE_SEPARATOR, Document
from corpus.hashing import sha256_bytes

KINDS = {"line", "paragraph", "heading", "list_item"}


def check_document(doc: Document, data: bytes | None = None) -> None:
    text = doc.text
    assert text.strip(), "empty text"
    if data is not None:
        assert doc.id == sha256_bytes(data)
        assert doc.n_bytes == len(data)
    assert doc.reader_version

    # pages: numbered 1..n, tiling the text with PAGE_SEPARATOR between them
    assert [p.number for p in doc.pages] == list(range(1, len(doc.pages) + 1))
    assert doc.pages[0].start == 0 and doc.pages[-1].end == len(text)
    for before, after in zip(doc.pages, doc.pages[1:]):
        assert text[before.end:after.start] == PAGE_SEPARATOR
    for page in doc.pages:
        assert page.start <= page.end

    # blocks: in order, not overlapping, non-empty, stripped, one line, inside their page
    previous_end = -1
    for block in doc.blocks:
        assert block.kind in KINDS, block
        assert 0 <= block.start < block.end <= len(text), block
        assert block.start >= previous_end, f"blocks overlap or are out of order: {block}"
        previous_end = block.end
        span = text[block.start:block.end]
        assert span.strip() == span and span, (block, span)
        assert "\n" not in span and "\f" not in span, (block, span)
        page = doc.pages[block.page - 1]
        assert page.start <= block.start and block.end <= page.end, (block, page)
        assert doc.page_of(block.start) == block.page
        if block.kind == "heading" and block.level is not None:
            assert 1 <= block.level <= 6
    assert doc.blocks, "no blocks"

"""Fixtures for the extractor tests: real documents read once per session, and a
builder of small hand-made Documents."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from corpus.document import PAGE_SEPARATOR, Block, Document, Page
from corpus.readers import read_path
from extractors.sentences import load_splitter

ILACS_TYPE = "Ofsted ILACS inspection report (2018 framework onwards)"


@pytest.fixture(scope="session")
def splitter():
    return load_splitter()


@pytest.fixture(scope="session")
def manifest(corpus_dir: Path) -> list[dict[str, str]]:
    with open(corpus_dir / "MANIFEST.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="session")
def read_doc(corpus_dir: Path):
    """``read_doc("focused_visits/barnet_2021-08-02.pdf")`` -> Document (cached)."""
    cache: dict[str, Document] = {}

    def read(rel: str) -> Document:
        if rel not in cache:
            path = corpus_dir / rel
            if not path.is_file():
                pytest.skip(f"{rel} is not in the corpus")
            cache[rel] = read_path(path, rel)
        return cache[rel]

    return read


def make_doc(pages: list[list], media_type: str = "pdf") -> Document:
    """A Document from pages of lines.

    A line is ``"text"`` (body: 12pt, not bold) or ``("text", size, bold)``;
    ``""`` is a blank line (no block). Text and Markdown documents take one page.
    """
    parts: list[str] = []
    page_records: list[Page] = []
    blocks: list[Block] = []
    offset = 0
    for number, lines in enumerate(pages, start=1):
        if number > 1:
            parts.append(PAGE_SEPARATOR)
            offset += len(PAGE_SEPARATOR)
        start = offset
        for i, line in enumerate(lines):
            if i:
                parts.append("\n")
                offset += 1
            if isinstance(line, tuple):
                text, size, bold = line
            else:
                text, size, bold = line, 12.0, False
            if media_type != "pdf":
                size = bold = None
            if text.strip():
                lead = len(text) - len(text.lstrip())
                blocks.append(Block(number, offset + lead, offset + len(text.rstrip()), "line", size, bold))
            parts.append(text)
            offset += len(text)
        page_records.append(Page(number, start, offset))
    return Document("0" * 64, f"hand-made.{media_type}", media_type, "".join(parts),
                    tuple(page_records), tuple(blocks))


@pytest.fixture(scope="session")
def segmented(read_doc, splitter):
    """``segmented("monitoring_visits/...md")`` -> (Document, Segmentation), cached."""
    from extractors.segment import segment

    cache = {}

    def get(rel: str):
        if rel not in cache:
            doc = read_doc(rel)
            cache[rel] = (doc, segment(doc, splitter))
        return cache[rel]

    return get

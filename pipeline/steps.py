"""The ingest steps as plain functions (no Prefect): plan, read, segment, load.

The Prefect flow in ``pipeline.flows`` wraps each in a thin task; tests and
the benchmark call them directly.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from corpus.discover import DiscoveredFile
from corpus.document import Document
from corpus.errors import ReadError
from corpus.hashing import sha256_file
from corpus.readers import read_bytes
from extractors.segment import SEGMENTER_VERSION, Segmentation, segment
from extractors.sentences import SentenceSplitter
from warehouse import loader


@dataclass(frozen=True)
class PlannedFile:
    """A discovered file and what the run will do with it.

    ``action``: ``new`` (read, segment, load), ``stale`` (loaded by an older
    segmenter: re-segment from the stored text), ``unchanged`` (nothing to do),
    ``duplicate`` (same bytes as another file of this run), ``failed`` (could not
    even be hashed)."""

    item: DiscoveredFile
    doc_id: str | None
    action: str
    error: ReadError | None = None


@dataclass
class Outcome:
    """What happened to one file."""

    source: str
    doc_id: str | None
    status: str  # new | updated | unchanged | duplicate | failed | skipped
    pages: int = 0
    passages: int = 0
    code: str | None = None
    reason: str | None = None
    stage: str | None = None
    timings: dict[str, float] = field(default_factory=dict)


def plan(files: list[DiscoveredFile], con: duckdb.DuckDBPyConnection) -> list[PlannedFile]:
    """Hash every file and decide, against the warehouse, what to do with it."""
    hashed: list[tuple[DiscoveredFile, str | None, ReadError | None]] = []
    for item in files:
        try:
            hashed.append((item, sha256_file(item.path), None))
        except OSError as exc:
            hashed.append((item, None, ReadError("E010_UNREADABLE", str(exc))))
    known = loader.known_documents(con, [h for _, h, _ in hashed if h])
    seen: set[str] = set()
    planned = []
    for item, doc_id, error in hashed:
        if error is not None:
            planned.append(PlannedFile(item, None, "failed", error))
            continue
        if doc_id in seen:
            action = "duplicate"
        elif doc_id in known:
            action = "unchanged" if known[doc_id].segmenter_version == SEGMENTER_VERSION else "stale"
        else:
            action = "new"
        seen.add(doc_id)
        planned.append(PlannedFile(item, doc_id, action))
    return planned


def read_step(item: DiscoveredFile, doc_id: str | None = None) -> Document:
    """Read one file into a Document, with its manifest metadata attached."""
    try:
        data = Path(item.path).read_bytes()
    except OSError as exc:
        raise ReadError("E010_UNREADABLE", str(exc)) from exc
    doc = read_bytes(data, Path(item.path), item.source, doc_id)
    if item.meta is not None:
        from dataclasses import replace

        doc = replace(doc, source_meta=item.meta)
    return doc


def segment_step(doc: Document, splitter: SentenceSplitter | None = None) -> Segmentation:
    return segment(doc, splitter)


def load_step(
    con: duckdb.DuckDBPyConnection, doc: Document, seg: Segmentation, run_id: str | None, replace_existing: bool = False
) -> int:
    if replace_existing:
        return loader.replace_segmentation(con, doc.id, seg.sections, seg.passages, SEGMENTER_VERSION)
    return loader.load_document(con, doc, seg.sections, seg.passages, SEGMENTER_VERSION, run_id)

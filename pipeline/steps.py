"""The ingest steps as plain functions (no Prefect): plan, read, segment, load.

The Prefect flow in ``pipeline.flows`` wraps each in a thin task; tests and
the benchmark call them directly.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import duckdb

from corpus.discover import DiscoveredFile
from corpus.document import Document
from corpus.errors import ReadError
from corpus.hashing import sha256_file
from corpus.readers import read_bytes
from pipeline.settings import Settings
from pipeline.stages import STAGES, active_stages, required, stale_stages
from warehouse import loader


@dataclass(frozen=True)
class PlannedFile:
    """A discovered file and what the run will do with it.

    ``action``: ``new`` (read, extract, load), ``stale`` (already loaded, but
    some stages are out of date: re-run those from the stored text),
    ``unchanged`` (nothing to do), ``duplicate`` (same bytes as another file of
    this run), ``failed`` (could not even be hashed). ``stages`` lists the
    stages to run."""

    item: DiscoveredFile
    doc_id: str | None
    action: str
    error: ReadError | None = None
    stages: tuple[str, ...] = ()


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


def plan(files: list[DiscoveredFile], con: duckdb.DuckDBPyConnection, skip: tuple[str, ...] = ()) -> list[PlannedFile]:
    """Hash every file and decide, against the warehouse, what to do with it
    (stages in ``skip`` are left for a later run)."""
    hashed: list[tuple[DiscoveredFile, str | None, ReadError | None]] = []
    for item in files:
        try:
            hashed.append((item, sha256_file(item.path), None))
        except OSError as exc:
            hashed.append((item, None, ReadError("E010_UNREADABLE", str(exc))))
    known = loader.stage_versions(con, [h for _, h, _ in hashed if h])
    all_stages = tuple(s.name for s in active_stages(skip))
    seen: set[str] = set()
    planned = []
    for item, doc_id, error in hashed:
        if error is not None:
            planned.append(PlannedFile(item, None, "failed", error))
        elif doc_id in seen:
            planned.append(PlannedFile(item, doc_id, "duplicate", stages=all_stages))
        elif doc_id in known:
            todo = tuple(stale_stages(known[doc_id], skip))
            planned.append(PlannedFile(item, doc_id, "stale" if todo else "unchanged", stages=todo))
        else:
            planned.append(PlannedFile(item, doc_id, "new", stages=all_stages))
        if doc_id:
            seen.add(doc_id)
    return planned


def read_step(item: DiscoveredFile, doc_id: str | None = None) -> Document:
    """Read one file into a Document, with its manifest metadata attached."""
    try:
        data = Path(item.path).read_bytes()
    except OSError as exc:
        raise ReadError("E010_UNREADABLE", str(exc)) from exc
    doc = read_bytes(data, Path(item.path), item.source, doc_id)
    return replace(doc, source_meta=item.meta) if item.meta is not None else doc


def stored_results(
    con: duckdb.DuckDBPyConnection, doc: Document, todo: tuple[str, ...], settings: Settings
) -> dict[str, Any]:
    """Results of the up-to-date stages that the stale ones build on: read
    back from the warehouse where the stage can be (the segmentation), else
    re-run in memory (not written: their stored rows are current)."""
    done: dict[str, Any] = {}
    inputs = set(required(todo)) - set(todo)
    for stage in STAGES:
        if stage.name in inputs:
            done[stage.name] = stage.stored(con, doc.id) if stage.stored else stage.run(doc, done, settings)
    return done


def run_stages(doc: Document, settings: Settings, until: str | None = None) -> dict[str, Any]:
    """Run the stages on a document in memory: every stage, or with
    ``until``, that stage and the stages it needs."""
    wanted = set(required([until])) if until else {s.name for s in STAGES}
    done: dict[str, Any] = {}
    for stage in STAGES:
        if stage.name in wanted:
            done[stage.name] = stage.run(doc, done, settings)
    return done


def run_stage(name: str, doc: Document, done: dict[str, Any], settings: Settings) -> Any:
    return STAGE_BY_NAME[name].run(doc, done, settings)


def load_step(
    con: duckdb.DuckDBPyConnection,
    doc: Document,
    results: dict[str, Any],
    run_id: str | None,
    replace_existing: bool = False,
) -> int:
    """Write the results of the stages run (all of them for a new document,
    the stale ones otherwise) in one transaction; returns passages written."""
    stage_rows = {name: STAGE_BY_NAME[name].rows(result) for name, result in results.items()}
    stage_versions = {name: STAGE_BY_NAME[name].version for name in results}
    if replace_existing:
        return loader.replace_stages(con, doc.id, stage_rows, stage_versions)
    return loader.load_document(con, doc, stage_rows, stage_versions, run_id)


STAGE_BY_NAME = {s.name: s for s in STAGES}

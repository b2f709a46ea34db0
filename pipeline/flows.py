"""Prefect flows. Tasks are thin wrappers over ``pipeline.steps``.

``ingest`` reads like the script it is: discover, plan, then for each new
file read, segment and load. It runs with no Prefect server configured
(Prefect starts a temporary local one).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from duckdb import DuckDBPyConnection
from prefect import flow, task
from prefect.cache_policies import NONE
from prefect.runtime import flow_run

from corpus.discover import Discovery, discover
from corpus.document import Document
from corpus.errors import ReadError
from extractors.segment import SEGMENTER_VERSION, Segmentation
from extractors.sentences import load_splitter
from pipeline import progress, steps
from pipeline.settings import Settings
from warehouse import loader
from warehouse.db import connect

_TASK = dict(cache_policy=NONE, persist_result=False)


@dataclass
class IngestSummary:
    run_id: str
    db_path: str
    counts: dict[str, int]
    outcomes: list[steps.Outcome] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> list[steps.Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]


@task(name="discover", **_TASK)
def discover_task(paths: list[str]) -> Discovery:
    return discover([Path(p) for p in paths])


@task(name="plan", **_TASK)
def plan_task(files, con: DuckDBPyConnection) -> list[steps.PlannedFile]:
    return steps.plan(files, con)


@task(name="read", **_TASK)
def read_task(planned: steps.PlannedFile) -> Document:
    return steps.read_step(planned.item, planned.doc_id)


@task(name="segment", **_TASK)
def segment_task(doc: Document, model: str, mode: str) -> Segmentation:
    return steps.segment_step(doc, load_splitter(model, mode))


@task(name="load", **_TASK)
def load_task(con: DuckDBPyConnection, doc: Document, seg: Segmentation, run_id: str, replace_existing: bool) -> int:
    return steps.load_step(con, doc, seg, run_id, replace_existing)


def _process(
    planned: steps.PlannedFile, settings: Settings, con: DuckDBPyConnection, run_id: str
) -> steps.Outcome:
    """Read (or fetch from the warehouse), segment and load one file; any
    failure becomes an ``ingest_errors`` row and a failed outcome."""
    source = planned.item.source
    outcome = steps.Outcome(source, planned.doc_id, "new" if planned.action == "new" else "updated")
    stage = "read"
    try:
        t0 = time.perf_counter()
        if planned.action == "new":
            doc = read_task(planned)
        else:
            doc = loader.stored_document(con, planned.doc_id)
        t1 = time.perf_counter()
        stage = "segment"
        try:
            seg = segment_task(doc, settings.spacy_model, settings.sentence_mode)
        except Exception as exc:  # a segmentation bug must not stop the run
            raise ReadError("E011_SEGMENTATION_FAILED", f"{type(exc).__name__}: {exc}") from exc
        t2 = time.perf_counter()
        stage = "load"
        try:
            outcome.passages = load_task(con, doc, seg, run_id, planned.action == "stale")
        except Exception as exc:
            raise ReadError("E012_LOAD_FAILED", f"{type(exc).__name__}: {exc}") from exc
        t3 = time.perf_counter()
        outcome.pages = len(doc.pages)
        outcome.timings = {"read": t1 - t0, "segment": t2 - t1, "load": t3 - t2}
    except ReadError as exc:
        outcome.status, outcome.code, outcome.reason, outcome.stage = "failed", exc.code, exc.reason, stage
        loader.record_error(con, run_id, source, planned.doc_id, stage, exc.code, exc.reason)
    return outcome


@flow(name="ingest", log_prints=False, validate_parameters=False)
def ingest(paths: list[str], settings: Settings) -> IngestSummary:
    """Discover documents under ``paths`` and load what is new into the warehouse."""
    con = connect(settings.db_path)
    try:
        return _ingest(con, paths, settings)
    finally:
        con.close()


def _ingest(con: DuckDBPyConnection, paths: list[str], settings: Settings) -> IngestSummary:
    started = time.perf_counter()
    run_id = str(flow_run.get_id() or "") or None
    run_id = loader.start_run(con, "ingest", [str(p) for p in paths], _versions(settings), run_id)

    found = discover_task(paths)
    planned = plan_task(found.files, con)
    outcomes: list[steps.Outcome] = []
    for item in found.problems:
        loader.record_error(con, run_id, item.source, None, "discover", item.code, item.reason)
        outcomes.append(steps.Outcome(item.source, None, "failed", code=item.code, reason=item.reason, stage="discover"))
    outcomes += [steps.Outcome(s.source, None, "skipped", code=s.code, reason=s.reason) for s in found.skipped]

    progress.start(len(planned))
    first_outcome: dict[str, steps.Outcome] = {}  # doc_id -> outcome of its first file in this run
    for p in planned:
        if p.action == "duplicate" and first_outcome[p.doc_id].status == "failed":
            # same bytes as a file that failed (two empty files; an HTML page saved as
            # .pdf): read it on its own, under its own suffix, and record its own result
            outcome = _process(replace(p, action="new"), settings, con, run_id)
        elif p.action in ("unchanged", "duplicate"):
            outcome = steps.Outcome(p.item.source, p.doc_id, p.action)
        elif p.action == "failed":
            loader.record_error(con, run_id, p.item.source, None, "read", p.error.code, p.error.reason)
            outcome = steps.Outcome(p.item.source, None, "failed", code=p.error.code, reason=p.error.reason, stage="read")
        else:
            outcome = _process(p, settings, con, run_id)
        if p.doc_id:
            first_outcome.setdefault(p.doc_id, outcome)
        outcomes.append(outcome)
        progress.advance(p.item.source, outcome.status)

    counts = count_outcomes(outcomes)
    seconds = time.perf_counter() - started
    loader.finish_run(con, run_id, counts, seconds)
    return IngestSummary(run_id, str(settings.db_path), counts, outcomes, seconds)


def count_outcomes(outcomes: list[steps.Outcome]) -> dict[str, int]:
    counts = {k: 0 for k in ("new", "updated", "unchanged", "duplicate", "failed", "skipped")}
    for o in outcomes:
        counts[o.status] += 1
    counts["unchanged"] += counts.pop("duplicate")
    counts["pages"] = sum(o.pages for o in outcomes)
    counts["passages"] = sum(o.passages for o in outcomes)
    return counts


def _versions(settings: Settings) -> dict[str, str]:
    from corpus.readers.pdf import VERSION as PDF_VERSION
    from corpus.readers.text import VERSION as TEXT_VERSION

    return {
        "pdf_reader": PDF_VERSION,
        "text_reader": TEXT_VERSION,
        "segmenter": SEGMENTER_VERSION,
        "spacy_model": settings.spacy_model,
        "sentence_mode": settings.sentence_mode,
    }


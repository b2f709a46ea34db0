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
from extractors.findings.encoder import resolve_precision
from pipeline import progress, steps
from pipeline.stages import STAGES, versions as stage_versions
from pipeline.settings import Settings
from models.themes_taxonomy import load_taxonomy
from warehouse import loader, rows
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
def plan_task(files, con: DuckDBPyConnection, skip: tuple[str, ...] = ()) -> list[steps.PlannedFile]:
    return steps.plan(files, con, skip)


@task(name="read", **_TASK)
def read_task(planned: steps.PlannedFile) -> Document:
    return steps.read_step(planned.item, planned.doc_id)


# one task per extraction stage (segment, understand, ...), named after it
_STAGE_TASKS = {s.name: task(name=s.name, **_TASK)(steps.run_stage) for s in STAGES}


@task(name="load", **_TASK)
def load_task(con: DuckDBPyConnection, doc: Document, results: dict, run_id: str, replace_existing: bool) -> int:
    return steps.load_step(con, doc, results, run_id, replace_existing)


def _process(
    planned: steps.PlannedFile, settings: Settings, con: DuckDBPyConnection, run_id: str
) -> steps.Outcome:
    """Read (or fetch from the warehouse), run the stages due and load one
    file; any failure becomes an ``ingest_errors`` row and a failed outcome."""
    source = planned.item.source
    is_new = planned.action == "new"
    outcome = steps.Outcome(source, planned.doc_id, "new" if is_new else "updated")
    stage = "read"
    try:
        t0 = time.perf_counter()
        if is_new:
            doc = read_task(planned)
            done: dict = {}
        else:
            doc = loader.stored_document(con, planned.doc_id)
            done = steps.stored_results(con, doc, planned.stages, settings)
        outcome.timings["read"] = time.perf_counter() - t0
        results: dict = {}
        for stage in planned.stages:
            t0 = time.perf_counter()
            try:
                results[stage] = done[stage] = _STAGE_TASKS[stage](stage, doc, done, settings)
            except Exception as exc:  # an extractor bug must not stop the run
                code = "E011_SEGMENTATION_FAILED" if stage == "segment" else "E014_EXTRACTION_FAILED"
                raise ReadError(code, f"{stage}: {type(exc).__name__}: {exc}") from exc
            outcome.timings[stage] = time.perf_counter() - t0
        stage = "load"
        t0 = time.perf_counter()
        try:
            outcome.passages = load_task(con, doc, results, run_id, not is_new)
        except Exception as exc:
            raise ReadError("E012_LOAD_FAILED", f"{type(exc).__name__}: {exc}") from exc
        outcome.timings["load"] = time.perf_counter() - t0
        outcome.pages = len(doc.pages)
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

    loader.refresh_authorities(con, _authority_rows())
    loader.refresh_reference(con, "themes", rows.taxonomy_rows(load_taxonomy()))
    found = discover_task(paths)
    planned = plan_task(found.files, con, settings.skip_stages)
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


def _authority_rows() -> list[dict]:
    from extractors.gazetteer import load_gazetteer

    return [
        {"la_code": e.code, "name": e.name, "la_type": e.type, "valid_from": e.valid_from,
         "valid_to": e.valid_to, "aliases": "; ".join(e.aliases)}
        for e in load_gazetteer().all()
    ]


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
        **stage_versions(),
        "spacy_model": settings.spacy_model,
        "sentence_mode": settings.sentence_mode,
        "encoder_precision": resolve_precision(settings.encoder_precision),
    }


"""`ofsted-mine ingest` end to end: a real Prefect flow into a real DuckDB file.

Assertions are on warehouse rows, not only on printed text.
"""
from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import sys

import duckdb

from pipeline import steps
from pipeline.cli import main


def _rows(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _ingest(runner, *args):
    result = runner.invoke(main, ["ingest", "--json", *map(str, args)])
    summary = json.loads(result.stdout[result.stdout.index("{"):]) if "{" in result.stdout else None
    return result, summary


def test_samples_load_then_are_unchanged(runner, samples, tmp_path):
    db = tmp_path / "w.duckdb"
    result, summary = _ingest(runner, samples, "--db", db)
    assert result.exit_code == 0, result.output
    n_docs = summary["documents"]["new"]
    assert n_docs >= 3 and summary["documents"]["failed"] == 0
    assert _rows(db, "SELECT count(*) FROM documents")[0][0] == n_docs
    n_passages = _rows(db, "SELECT count(*) FROM passages")[0][0]
    assert n_passages == summary["passages"] > 50
    # every passage cites a page inside its document, and a span inside its text
    bad = _rows(db, """
        SELECT count(*) FROM passages p JOIN documents d USING (doc_id)
        WHERE p.page < 1 OR p.page_end > d.n_pages OR p.page_end < p.page
           OR p.char_start < 0 OR p.char_end > d.n_chars OR p.char_end <= p.char_start""")
    assert bad == [(0,)]
    assert _rows(db, "SELECT status, n_new FROM pipeline_runs") == [("completed", n_docs)]

    result, summary = _ingest(runner, samples, "--db", db)
    assert result.exit_code == 0, result.output
    assert summary["documents"]["unchanged"] == n_docs and summary["documents"]["new"] == 0
    assert _rows(db, "SELECT count(*) FROM passages")[0][0] == n_passages
    assert _rows(db, "SELECT count(*) FROM pipeline_runs")[0][0] == 2


def test_same_file_twice_is_one_document(runner, samples, tmp_path):
    pdf = next(samples.glob("*.pdf"))
    copy = tmp_path / "copy" / "renamed.pdf"
    copy.parent.mkdir()
    shutil.copy(pdf, copy)
    db = tmp_path / "w.duckdb"
    result, summary = _ingest(runner, pdf, copy, "--db", db)
    assert result.exit_code == 0, result.output
    assert summary["documents"]["new"] == 1 and summary["documents"]["unchanged"] == 1
    assert _rows(db, "SELECT count(*) FROM documents")[0][0] == 1


def test_busy_warehouse_is_reported_plainly(runner, tmp_path, samples):
    db = tmp_path / "w.duckdb"
    duckdb.connect(str(db)).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('ok', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        result = runner.invoke(main, ["ingest", str(samples), "--db", str(db)])
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 2
    assert "warehouse is busy" in result.output
    assert "Traceback" not in result.output


def test_db_status_and_passages(runner, samples, tmp_path):
    db = tmp_path / "w.duckdb"
    assert runner.invoke(main, ["ingest", "-q", str(samples), "--db", str(db)]).exit_code == 0
    result = runner.invoke(main, ["db", "status", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.output)
    assert info["migrations"][0]["name"] == "core"
    assert info["tables"]["documents"] >= 3
    result = runner.invoke(main, ["passages", "--db", str(db), "--contains", "improve", "--json", "--limit", "5"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert rows and all("improve" in r["text"].lower() and r["page"] >= 1 for r in rows)
    assert all(r["kind"] != "heading" for r in rows)
    result = runner.invoke(main, ["documents", "--db", str(db), "--json", "--la", "rutland"])
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert {d["kind"] for d in docs} == {"focused_visit", "committee_report"}
    assert all(d["local_authority"] == "Rutland" and d["n_passages"] > 0 for d in docs)


def test_missing_warehouse_for_status_is_a_clear_error(runner, tmp_path):
    result = runner.invoke(main, ["db", "status", "--db", str(tmp_path / "nope.duckdb")])
    assert result.exit_code == 2
    assert "no warehouse" in result.output


def test_new_segmenter_version_resegments_from_stored_text(runner, samples, tmp_path, monkeypatch):
    db = tmp_path / "w.duckdb"
    _, first = _ingest(runner, samples, "--db", db)
    n_docs = first["documents"]["new"]
    from pipeline.stages import STAGES

    segment_stage = dataclasses.replace(STAGES[0], version="seg-test")
    monkeypatch.setattr("pipeline.steps.STAGES", (segment_stage, *STAGES[1:]))
    monkeypatch.setattr("pipeline.stages.STAGES", (segment_stage, *STAGES[1:]))
    monkeypatch.setitem(steps.STAGE_BY_NAME, "segment", segment_stage)

    def no_file_reads(*args, **kwargs):
        raise AssertionError("a stale document must be re-segmented from the warehouse, not re-read")

    monkeypatch.setattr("pipeline.steps.read_bytes", no_file_reads)
    result, second = _ingest(runner, samples, "--db", db)
    assert result.exit_code == 0, result.output
    assert second["documents"]["updated"] == n_docs and second["documents"]["failed"] == 0
    assert _rows(db, "SELECT DISTINCT segmenter_version FROM documents") == [("seg-test",)]
    assert _rows(db, "SELECT DISTINCT stage, version FROM document_stages WHERE stage = 'segment'") == [("segment", "seg-test")]
    assert _rows(db, "SELECT count(*) FROM passages")[0][0] == first["passages"]
    assert _rows(db, "SELECT count(*) FROM document_meta")[0][0] == n_docs  # later stages re-run too


def test_new_understanding_version_reruns_only_that_stage(runner, samples, tmp_path, monkeypatch):
    from pipeline.stages import STAGES

    db = tmp_path / "w.duckdb"
    _ingest(runner, samples, "--db", db)
    passages_before = _rows(db, "SELECT doc_id, passage_no, text FROM passages ORDER BY ALL")
    bumped = dataclasses.replace(STAGES[1], version="understand-test")
    monkeypatch.setattr("pipeline.stages.STAGES", (STAGES[0], bumped, *STAGES[2:]))
    monkeypatch.setattr("pipeline.steps.STAGES", (STAGES[0], bumped, *STAGES[2:]))
    monkeypatch.setitem(steps.STAGE_BY_NAME, "understand", bumped)
    monkeypatch.setattr("pipeline.steps.read_bytes", lambda *a, **k: (_ for _ in ()).throw(AssertionError("re-read")))
    result, second = _ingest(runner, samples, "--db", db)
    assert result.exit_code == 0, result.output
    assert second["documents"]["updated"] == len(_rows(db, "SELECT doc_id FROM documents"))
    assert _rows(db, "SELECT DISTINCT version FROM document_stages WHERE stage = 'understand'") == [("understand-test",)]
    assert _rows(db, "SELECT DISTINCT version FROM document_stages WHERE stage = 'segment'") != [("understand-test",)]
    assert _rows(db, "SELECT doc_id, passage_no, text FROM passages ORDER BY ALL") == passages_before

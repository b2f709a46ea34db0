"""Bad input: each file gets an ingest_errors row with a reason, the run goes
on, and nothing of a failed document is left in the warehouse."""
from __future__ import annotations

import json
import shutil

import duckdb
import pytest

from pipeline.cli import main
from tests.corpus.badfiles import write_bad_inputs


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory, samples):
    from click.testing import CliRunner

    folder = tmp_path_factory.mktemp("bad")
    expected = write_bad_inputs(folder)
    good = folder / "good-letter.pdf"
    shutil.copy(next(samples.glob("*.pdf")), good)
    db = tmp_path_factory.mktemp("db") / "w.duckdb"
    result = CliRunner().invoke(main, ["ingest", "--json", str(folder), "--db", str(db)])
    con = duckdb.connect(str(db), read_only=True)
    yield expected, result, con, folder
    con.close()


def test_run_finishes_with_exit_code_zero(bad_run):
    expected, result, con, _ = bad_run
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout[result.stdout.index("{"):])
    n_bad = sum(1 for _, code in expected.values() if code)
    assert summary["documents"]["failed"] == n_bad
    assert len(summary["failures"]) == n_bad


def test_every_bad_file_has_an_error_row_with_its_code(bad_run):
    expected, _, con, folder = bad_run
    rows = dict(con.execute("SELECT source, code FROM ingest_errors").fetchall())
    for name, (path, code) in expected.items():
        source = str(path.relative_to(folder))
        if code is None:
            assert source not in rows, f"{name} should have been read"
        else:
            assert rows.get(source) == code, f"{name}: expected {code}, got {rows.get(source)}"
    reasons = [r[0] for r in con.execute("SELECT reason FROM ingest_errors").fetchall()]
    assert all(len(r.split()) >= 4 for r in reasons), reasons


def test_nothing_of_a_failed_document_is_loaded(bad_run):
    expected, _, con, folder = bad_run
    loaded = {r[0] for r in con.execute("SELECT source FROM documents").fetchall()}
    failed = {str(p.relative_to(folder)) for p, code in expected.values() if code}
    assert not loaded & failed
    assert "good-letter.pdf" in loaded
    readable = {str(p.relative_to(folder)) for p, code in expected.values() if code is None}
    assert readable <= loaded  # e.g. the cp1252 text file reads via its fallback
    for table in ("pages", "blocks", "sections", "passages"):
        orphans = con.execute(f"SELECT count(*) FROM {table} WHERE doc_id NOT IN (SELECT doc_id FROM documents)").fetchone()[0]
        assert orphans == 0, table
    errors_with_rows = con.execute(
        "SELECT count(*) FROM ingest_errors e JOIN documents d ON d.doc_id = e.doc_id"
    ).fetchone()[0]
    assert errors_with_rows == 0


def test_strict_makes_failures_an_exit_code(bad_run, tmp_path, runner):
    _, _, _, folder = bad_run
    result = runner.invoke(main, ["ingest", "-q", "--strict", str(folder), "--db", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 1


@pytest.mark.parametrize("stage, code", [("segment", "E011_SEGMENTATION_FAILED"), ("understand", "E014_EXTRACTION_FAILED")])
def test_an_extractor_crash_is_recorded_not_raised(runner, samples, tmp_path, monkeypatch, stage, code):
    import dataclasses

    from pipeline import steps

    def boom(doc, done, settings):
        raise RuntimeError(f"simulated {stage} bug")

    broken = dataclasses.replace(steps.STAGE_BY_NAME[stage], run=boom)
    monkeypatch.setitem(steps.STAGE_BY_NAME, stage, broken)
    db = tmp_path / "w.duckdb"
    result = runner.invoke(main, ["ingest", "-q", str(samples), "--db", str(db)])
    assert result.exit_code == 0, result.output
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT stage, code, reason FROM ingest_errors").fetchall()
    assert {(r[0], r[1]) for r in rows} == {(stage, code)}
    assert all("simulated" in r[2] for r in rows)
    for table in ("documents", "pages", "blocks", "passages", "document_meta", "document_stages"):
        assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table

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


def test_a_segmentation_crash_is_recorded_not_raised(runner, samples, tmp_path, monkeypatch):
    import extractors.segment

    def boom(doc, splitter=None):
        raise RuntimeError("simulated segmenter bug")

    monkeypatch.setattr("pipeline.steps.segment", boom)
    db = tmp_path / "w.duckdb"
    result = runner.invoke(main, ["ingest", "-q", str(samples), "--db", str(db)])
    assert result.exit_code == 0, result.output
    con = duckdb.connect(str(db), read_only=True)
    codes = {r[0] for r in con.execute("SELECT code FROM ingest_errors").fetchall()}
    assert codes == {"E011_SEGMENTATION_FAILED"}
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    assert extractors.segment.segment is not boom

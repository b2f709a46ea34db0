"""The whole real corpus through the real flow: 642 documents in, 0 failures;
a second run finds them all unchanged, adds nothing, and is quick.

The findings and themes stages are skipped here (``--skip-stage findings
--skip-stage themes``): encoding the corpus's 110,000 passages takes the
2-core CI machine over ten minutes. They are tested on real documents in
test_findings_cli.py, test_themes_cli.py and tests/extractors/, and their
whole-corpus run is measured in the README."""
from __future__ import annotations

import json

import duckdb
import pytest

from pipeline.cli import main

pytestmark = pytest.mark.slow

TABLES = ("documents", "pages", "blocks", "sections", "passages", "ingest_errors")


def _counts(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


def _run(runner, corpus_dir, db):
    result = runner.invoke(main, ["ingest", "--json", "--skip-stage", "findings", "--skip-stage", "themes", str(corpus_dir), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout[result.stdout.index("{"):])


def test_whole_corpus_ingests_then_is_unchanged(runner, corpus_dir, tmp_path):
    db = tmp_path / "corpus.duckdb"
    first = _run(runner, corpus_dir, db)
    assert first["documents"] == {"new": 642, "updated": 0, "unchanged": 0, "failed": 0, "skipped": 2}
    assert first["failures"] == []
    counts = _counts(db)
    assert counts["documents"] == 642 and counts["ingest_errors"] == 0
    assert counts["passages"] == first["passages"] > 100_000

    con = duckdb.connect(str(db), read_only=True)
    # manifest metadata stored with each document
    assert con.execute("SELECT count(*) FROM documents WHERE source_local_authority IS NULL").fetchone()[0] == 0
    assert con.execute(
        "SELECT count(*) FROM documents WHERE source_kind = 'ilacs' AND source_original_url IS NULL"
    ).fetchone()[0] == 0
    # every ILACS report has its "What needs to improve?" list items (5 reports have no such list)
    with_list = con.execute("""
        SELECT count(DISTINCT d.doc_id) FROM documents d
        JOIN sections s USING (doc_id)
        JOIN passages p ON p.doc_id = s.doc_id AND p.section_no = s.section_no AND p.kind = 'list_item'
        WHERE d.source_doc_type LIKE 'Ofsted ILACS%' AND s.title ILIKE 'what needs to improve%'""").fetchone()[0]
    assert with_list >= 316
    con.close()

    second = _run(runner, corpus_dir, db)
    assert second["documents"] == {"new": 0, "updated": 0, "unchanged": 642, "failed": 0, "skipped": 2}
    assert _counts(db) == counts
    assert second["seconds"] < 10  # Prefect's start-up is reported apart

"""Document understanding in the warehouse: metadata rows, warnings instead of
guesses, and the la_inspection_history view."""
from __future__ import annotations

import duckdb

from pipeline.cli import main

NO_AUTHORITY = """Notes of a meeting of the Children's Services Working Group

Present: the chair and four members.

The group discussed the caseload of the family support service and agreed to meet again.
RESOLVED that the notes be circulated.
"""

REPORT_WITHOUT_TABLE = """Inspection of Rutland children's services

Inspection dates: 8 to 19 May 2023

Lead inspector: Jane Example, His Majesty's Inspector

Children in Rutland benefit from a stable and experienced workforce. Leaders know their services well.

What needs to improve?

- The timeliness of strategy meetings.
"""


def test_missing_authority_and_table_give_warnings_not_guesses(runner, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "working-group-notes.txt").write_text(NO_AUTHORITY, encoding="utf-8")
    (folder / "report-without-table.md").write_text(REPORT_WITHOUT_TABLE, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    result = runner.invoke(main, ["ingest", "-q", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    con = duckdb.connect(str(db), read_only=True)
    meta = {
        source: (kind, la_code)
        for source, kind, la_code in con.execute(
            "SELECT d.source, m.kind, m.la_code FROM document_meta m JOIN documents d USING (doc_id)"
        ).fetchall()
    }
    assert meta["working-group-notes.txt"][1] is None
    assert meta["report-without-table.md"] == ("ilacs", "E06000017")
    warnings = set(con.execute(
        "SELECT d.source, w.field FROM extraction_warnings w JOIN documents d USING (doc_id)"
    ).fetchall())
    assert ("working-group-notes.txt", "authority") in warnings
    assert ("report-without-table.md", "judgements") in warnings
    assert con.execute("SELECT count(*) FROM judgements").fetchone()[0] == 0
    row = con.execute(
        "SELECT local_authority, start_date, end_date, kind, graded FROM la_inspection_history"
    ).fetchall()
    assert [(r[0], str(r[1]), str(r[2]), r[3], r[4]) for r in row] == [
        ("Rutland", "2023-05-08", "2023-05-19", "ilacs", False)
    ]
    assert con.execute("SELECT name, role FROM people").fetchall() == [("Jane Example", "lead_inspector")]

"""The warehouse schema: migrations, self-documentation, transactional loads."""
from __future__ import annotations

import dataclasses

import duckdb
import pytest

from corpus.document import example_document
from extractors.records import EXAMPLE_PASSAGE, EXAMPLE_SECTION
from warehouse import loader, migrations
from warehouse.rows import segmentation_rows


class _Seg:
    def __init__(self, sections, passages):
        self.sections, self.passages = sections, passages


def _stages(sections, passages):
    return {"segment": segmentation_rows(_Seg(sections, passages))}
from warehouse.db import connect, status
from warehouse.errors import MigrationError, WarehouseBusy


@pytest.fixture
def db(tmp_path):
    return tmp_path / "w.duckdb"


def test_migrations_are_recorded_once(db):
    con = connect(db)
    first = status(con)["migrations"]
    assert [m["version"] for m in first] == [m.version for m in migrations.available()]
    con.close()
    con = connect(db)  # opening again applies nothing new
    assert status(con)["migrations"] == first
    assert migrations.pending(con) == []


def test_edited_migration_is_refused(db):
    con = connect(db)
    con.execute("UPDATE schema_migrations SET checksum = 'x' WHERE version = 1")
    with pytest.raises(MigrationError, match="edited"):
        migrations.pending(con)


def test_every_table_and_column_has_a_comment(db):
    con = connect(db)
    tables = con.execute(
        "SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = 'main'"
    ).fetchall()
    assert tables
    assert [t for t, c in tables if not c] == []
    missing = con.execute(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = 'main' AND comment IS NULL "
        "AND table_name IN (SELECT table_name FROM duckdb_tables())"
    ).fetchall()
    assert missing == []
    views = con.execute("SELECT view_name, comment FROM duckdb_views() WHERE NOT internal AND schema_name = 'main'").fetchall()
    assert views and [v for v, c in views if not c] == []


def test_document_round_trips_through_the_warehouse(db):
    con = connect(db)
    doc = example_document()
    loader.load_document(con, doc, _stages([EXAMPLE_SECTION], [EXAMPLE_PASSAGE]), {"segment": "seg-1"}, "run-1")
    assert loader.stored_document(con, doc.id) == doc
    assert loader.stored_segmentation(con, doc.id) == ((EXAMPLE_SECTION,), (EXAMPLE_PASSAGE,))
    assert loader.stage_versions(con, [doc.id, "f" * 64]) == {doc.id: {"segment": "seg-1"}}


def test_a_failed_load_leaves_nothing_behind(db):
    con = connect(db)
    doc = example_document()
    bad = dataclasses.replace(EXAMPLE_PASSAGE, index=0)
    with pytest.raises(duckdb.ConstraintException):
        # two passages with the same number violate the primary key mid-load
        loader.load_document(con, doc, _stages([EXAMPLE_SECTION], [EXAMPLE_PASSAGE, bad]), {"segment": "seg-1"})
    counts = status(con)["tables"]
    assert counts["documents"] == counts["pages"] == counts["blocks"] == counts["sections"] == counts["passages"] == 0


def test_replace_stages_swaps_passages(db):
    con = connect(db)
    doc = example_document()
    loader.load_document(con, doc, _stages([EXAMPLE_SECTION], [EXAMPLE_PASSAGE]), {"segment": "seg-0"})
    newer = [EXAMPLE_PASSAGE, dataclasses.replace(EXAMPLE_PASSAGE, index=1, text="Another.")]
    loader.replace_stages(con, doc.id, _stages([EXAMPLE_SECTION], newer), {"segment": "seg-9"})
    assert con.execute("SELECT count(*) FROM passages").fetchone()[0] == 2
    assert loader.stage_versions(con, [doc.id])[doc.id] == {"segment": "seg-9"}


def test_second_writer_gets_a_busy_error(db, tmp_path):
    import subprocess
    import sys
    import time

    connect(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('ok', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        with pytest.raises(WarehouseBusy, match="warehouse is busy"):
            connect(db)
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0.1)

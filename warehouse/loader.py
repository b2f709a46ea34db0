"""Writing documents to the warehouse: one transaction per document.

The loader knows the record types (Document, Section, Passage) and nothing of
how they were made. A document either lands whole or not at all.
"""
from __future__ import annotations

import json
import uuid
from datetime import datetime, timezone
from pathlib import PurePath
from typing import Iterable

import duckdb
import pyarrow as pa

from corpus.document import Block, Document, Page, SourceMeta
from extractors.records import Passage, Section
from warehouse.rows import STAGE_TABLES


def stage_versions(con: duckdb.DuckDBPyConnection, doc_ids: Iterable[str]) -> dict[str, dict[str, str]]:
    """For each of these ids already loaded: {stage: version} of the rows stored."""
    ids = list(doc_ids)
    if not ids:
        return {}
    known: dict[str, dict[str, str]] = {
        d: {} for (d,) in con.execute("SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))", [ids]).fetchall()
    }
    for d, stage, version in con.execute(
        "SELECT doc_id, stage, version FROM document_stages WHERE doc_id IN (SELECT unnest(?))", [ids]
    ).fetchall():
        known[d][stage] = version
    return known


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    view = f"_load_{table}"
    con.register(view, pa.Table.from_pylist(rows))
    try:
        columns = ", ".join(rows[0])
        con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {view}")
    finally:
        con.unregister(view)


def _document_row(doc: Document, run_id: str | None) -> dict:
    meta = doc.source_meta
    return {
        "doc_id": doc.id,
        "source": doc.source,
        "file_name": PurePath(doc.source).name,
        "media_type": doc.media_type,
        "n_bytes": doc.n_bytes,
        "n_pages": len(doc.pages),
        "n_chars": len(doc.text),
        "text": doc.text,
        "reader_version": doc.reader_version,
        "source_kind": meta.kind,
        "source_local_authority": meta.local_authority,
        "source_document_date": _date_or_none(meta.document_date),
        "source_original_url": meta.original_url,
        "source_doc_type": meta.doc_type,
        "first_run_id": run_id,
    }


def _date_or_none(value: str | None):
    if not value:
        return None
    try:
        return datetime.strptime(value[:10], "%Y-%m-%d").date()
    except ValueError:
        return None


def _write_stages(con, doc_id: str, stages: dict[str, dict[str, list[dict]]], versions: dict[str, str]) -> int:
    for stage, tables in stages.items():
        for table in STAGE_TABLES[stage]:
            _insert(con, table, tables.get(table, []))
        con.execute(
            "INSERT OR REPLACE INTO document_stages (doc_id, stage, version, completed_at) VALUES (?, ?, ?, current_timestamp)",
            [doc_id, stage, versions[stage]],
        )
    if "segment" in stages:
        con.execute("UPDATE documents SET segmenter_version = ? WHERE doc_id = ?", [versions["segment"], doc_id])
    return len(stages.get("segment", {}).get("passages", []))


def load_document(
    con: duckdb.DuckDBPyConnection,
    doc: Document,
    stages: dict[str, dict[str, list[dict]]],
    versions: dict[str, str],
    run_id: str | None = None,
) -> int:
    """Insert a new document (text, pages, blocks) and every stage's rows
    (``{stage: {table: rows}}``, see warehouse.rows) in one transaction.
    Returns the number of passages written."""
    page_rows = [{"doc_id": doc.id, "page": p.number, "char_start": p.start, "char_end": p.end} for p in doc.pages]
    block_rows = [
        {
            "doc_id": doc.id, "block_no": i, "page": b.page, "char_start": b.start, "char_end": b.end,
            "kind": b.kind, "font_size": b.font_size, "bold": b.bold, "level": b.level,
        }
        for i, b in enumerate(doc.blocks)
    ]
    con.execute("BEGIN TRANSACTION")
    try:
        _insert(con, "documents", [_document_row(doc, run_id)])
        _insert(con, "pages", page_rows)
        _insert(con, "blocks", block_rows)
        n = _write_stages(con, doc.id, stages, versions)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return n


def replace_stages(
    con: duckdb.DuckDBPyConnection,
    doc_id: str,
    stages: dict[str, dict[str, list[dict]]],
    versions: dict[str, str],
) -> int:
    """Swap a loaded document's rows of the given stages for new ones (a newer
    extractor version), in one transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        for stage in stages:
            for table in STAGE_TABLES[stage]:
                con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
        n = _write_stages(con, doc_id, stages, versions)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return n


def stored_segmentation(con: duckdb.DuckDBPyConnection, doc_id: str) -> tuple[tuple[Section, ...], tuple[Passage, ...]]:
    """A loaded document's sections and passages, as records."""
    sections = tuple(
        Section(doc_id, *row)
        for row in con.execute(
            "SELECT section_no, title, kind, level, page, char_start, char_end, parent_no, version "
            "FROM sections WHERE doc_id = ? ORDER BY section_no",
            [doc_id],
        ).fetchall()
    )
    passages = tuple(
        Passage(doc_id, *row)
        for row in con.execute(
            "SELECT passage_no, section_no, kind, text, page, page_end, char_start, char_end, paragraph_no, version, "
            "unit_no, marker FROM passages WHERE doc_id = ? ORDER BY passage_no",
            [doc_id],
        ).fetchall()
    )
    return sections, passages


def stored_document(con: duckdb.DuckDBPyConnection, doc_id: str) -> Document:
    """Rebuild a Document from the warehouse (text, pages, blocks), so that
    extractors can be re-run without reading the file again."""
    row = con.execute(
        "SELECT source, media_type, text, n_bytes, reader_version, source_kind, source_local_authority, "
        "CAST(source_document_date AS VARCHAR), source_original_url, source_doc_type FROM documents WHERE doc_id = ?",
        [doc_id],
    ).fetchone()
    if row is None:
        raise KeyError(doc_id)
    source, media_type, text, n_bytes, reader_version, *meta = row
    pages = tuple(
        Page(n, s, e)
        for n, s, e in con.execute(
            "SELECT page, char_start, char_end FROM pages WHERE doc_id = ? ORDER BY page", [doc_id]
        ).fetchall()
    )
    blocks = tuple(
        Block(p, s, e, k, f, b, lv)
        for p, s, e, k, f, b, lv in con.execute(
            "SELECT page, char_start, char_end, kind, font_size, bold, level FROM blocks WHERE doc_id = ? ORDER BY block_no",
            [doc_id],
        ).fetchall()
    )
    return Document(doc_id, source, media_type, text, pages, blocks, n_bytes or 0, SourceMeta(*meta), reader_version or "")


def record_error(
    con: duckdb.DuckDBPyConnection, run_id: str | None, source: str, doc_id: str | None, stage: str, code: str, reason: str
) -> None:
    con.execute(
        "INSERT INTO ingest_errors (run_id, source, doc_id, stage, code, reason) VALUES (?, ?, ?, ?, ?, ?)",
        [run_id, source, doc_id, stage, code, reason],
    )


def start_run(con: duckdb.DuckDBPyConnection, flow: str, inputs: list[str], versions: dict, run_id: str | None = None) -> str:
    run_id = run_id or str(uuid.uuid4())
    con.execute(
        "INSERT INTO pipeline_runs (run_id, flow, started_at, status, inputs, versions) VALUES (?, ?, ?, 'running', ?, ?)",
        [run_id, flow, datetime.now(timezone.utc).replace(tzinfo=None), json.dumps(inputs), json.dumps(versions)],
    )
    return run_id


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, counts: dict, seconds: float, status: str = "completed") -> None:
    con.execute(
        "UPDATE pipeline_runs SET finished_at = ?, status = ?, n_new = ?, n_updated = ?, n_unchanged = ?, "
        "n_failed = ?, n_skipped = ?, n_pages = ?, n_passages = ?, seconds = ? WHERE run_id = ?",
        [
            datetime.now(timezone.utc).replace(tzinfo=None), status,
            counts.get("new", 0), counts.get("updated", 0), counts.get("unchanged", 0), counts.get("failed", 0),
            counts.get("skipped", 0), counts.get("pages", 0), counts.get("passages", 0), seconds, run_id,
        ],
    )


def refresh_authorities(con: duckdb.DuckDBPyConnection, authorities: list[dict]) -> None:
    """Replace the reference table of authorities (the gazetteer) in one transaction."""
    refresh_reference(con, "authorities", authorities)


def refresh_reference(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    """Replace a reference table (authorities, themes) in one transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"DELETE FROM {table}")
        _insert(con, table, rows)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise

"""`ofsted-mine inspect FILE`: read, segment and extract one document, no warehouse.

Every extractor adds its records to the output of :func:`extract_records`.
"""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from rich.console import Console
from rich.table import Table

from corpus.document import Document
from corpus.readers import read_path
from extractors.segment import segment
from extractors.sentences import load_splitter
from pipeline.settings import Settings


def extract_records(doc: Document, settings: Settings) -> dict[str, list]:
    """Every record the extractors find in ``doc``, by record type."""
    seg = segment(doc, load_splitter(settings.spacy_model, settings.sentence_mode))
    return {"sections": list(seg.sections), "passages": list(seg.passages)}


def document_header(doc: Document) -> dict:
    return {
        "doc_id": doc.id,
        "source": doc.source,
        "media_type": doc.media_type,
        "pages": len(doc.pages),
        "chars": len(doc.text),
        "reader_version": doc.reader_version,
    }


def inspect_file(path: Path, settings: Settings, as_json: bool = False, limit: int | None = None) -> dict:
    doc = read_path(path, source=str(path))
    records = extract_records(doc, settings)
    if as_json:
        out = {"document": document_header(doc)}
        out.update({k: [asdict(r) for r in v[: limit if k == "passages" else None]] for k, v in records.items()})
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return out
    _print(doc, records, limit)
    return records


def _print(doc: Document, records: dict[str, list], limit: int | None) -> None:
    console = Console()
    head = document_header(doc)
    console.print(
        f"[bold]{head['source']}[/bold]  {head['media_type']}, {head['pages']} pages, "
        f"{len(records['sections'])} sections, {len(records['passages'])} passages\n"
        f"id {head['doc_id']}"
    )
    titles = {s.index: s.title for s in records["sections"]}
    table = Table(title="sections")
    for col in ("#", "page", "kind", "title"):
        table.add_column(col, overflow="fold")
    for s in records["sections"]:
        table.add_row(str(s.index), str(s.page), s.kind, ("  " * (s.level - 1)) + s.title)
    console.print(table)
    table = Table(title="passages")
    for col in ("page", "kind", "section", "text"):
        table.add_column(col, overflow="fold")
    for p in records["passages"][:limit]:
        pages = str(p.page) if p.page == p.page_end else f"{p.page}-{p.page_end}"
        table.add_row(pages, p.kind, titles.get(p.section, "")[:30], p.text)
    console.print(table)
    if limit is not None and len(records["passages"]) > limit:
        console.print(f"... {len(records['passages']) - limit} more passages (use --limit)", style="dim")

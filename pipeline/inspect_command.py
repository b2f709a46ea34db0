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
from pipeline.settings import Settings
from pipeline.steps import run_stages


def extract_records(doc: Document, settings: Settings) -> dict[str, list]:
    """Every record the extractors find in ``doc``, by record type: each
    stage's result, flattened (a new stage adds its own record lists)."""
    done = run_stages(doc, settings)
    seg, understanding = done["segment"], done["understand"]
    return {
        "document_meta": [understanding.meta],
        "judgements": list(understanding.judgements),
        "people": list(understanding.people),
        "areas_covered": list(understanding.areas_covered),
        "warnings": list(understanding.warnings),
        "figures": list(done["figures"]),
        "sections": list(seg.sections),
        "passages": list(seg.passages),
    }


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
        print(json.dumps(out, indent=2, ensure_ascii=False, default=str))
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
    _print_understanding(console, records)
    _print_figures(console, records["figures"], limit)
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


def _print_understanding(console: Console, records: dict[str, list]) -> None:
    meta = records["document_meta"][0]
    facts = [
        ("kind", meta.kind), ("local authority", f"{meta.la_name} ({meta.la_code})" if meta.la_code else None),
        ("visit dates", _range(meta.start_date, meta.end_date)), ("letter date", meta.letter_date),
        ("meeting date", meta.meeting_date), ("visit number", meta.visit_number),
        ("previous judgement", f"{meta.previous_judgement} ({meta.previous_judgement_date})" if meta.previous_judgement else None),
    ]
    table = Table(title="document", show_header=False)
    table.add_column("field")
    table.add_column("value", overflow="fold")
    for name, value in facts:
        if value is not None:
            table.add_row(name, str(value))
    for person in records["people"]:
        table.add_row(person.role.replace("_", " "), f"{person.name} (p.{person.page})")
    for area in records["areas_covered"]:
        table.add_row("area covered", f"{area.text} (p.{area.page})")
    for warning in records["warnings"]:
        table.add_row("[yellow]warning[/yellow]", f"{warning.field}: {warning.message}")
    console.print(table)
    if records["judgements"]:
        table = Table(title="judgements")
        for col in ("area", "grade", "source", "page", "as written"):
            table.add_column(col, overflow="fold")
        for j in records["judgements"]:
            table.add_row(j.area, j.grade, j.source, str(j.page), j.grade_text)
        console.print(table)


def _range(start, end) -> str | None:
    if start is None:
        return None
    return str(start) if end in (None, start) else f"{start} to {end}"


def _print_figures(console: Console, figures: list, limit: int | None) -> None:
    if not figures:
        return
    table = Table(title=f"figures ({len(figures)})")
    for col in ("page", "as written", "value", "unit", "metric", "measure", "role"):
        table.add_column(col, overflow="fold")
    for f in figures[:limit]:
        unit = f.unit + (f" per {f.per}" if f.per else "")
        role = f.role + (f", {f.qualifier}" if f.qualifier else "") + (f", {f.direction}" if f.direction else "")
        table.add_row(str(f.page), f.text, f"{f.value:g}", unit, f.metric or "", f.measure or "", role)
    console.print(table)

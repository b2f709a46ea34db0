"""Records to warehouse rows, one function per extraction stage.

Each returns ``{table: [row, ...]}``; ``STAGE_TABLES`` says which tables a
stage owns, so a stage's rows for a document can be replaced as a whole.
"""
from __future__ import annotations

from dataclasses import asdict
from typing import Any

from extractors.figure_records import Figure
from extractors.finding_records import Finding
from extractors.theme_records import ThemeTag
from extractors.meta_records import OFSTED_KINDS, Understanding
from extractors.records import Passage, Section

STAGE_TABLES: dict[str, tuple[str, ...]] = {
    "segment": ("sections", "passages"),
    "understand": (
        "document_meta", "meta_evidence", "visits", "visit_areas", "people", "judgements", "extraction_warnings",
    ),
    "figures": ("figures",),
    "findings": ("findings",),
    "themes": ("theme_tags",),
}



def section_row(s: Section) -> dict[str, Any]:
    return {
        "doc_id": s.doc_id, "section_no": s.index, "title": s.title, "kind": s.kind, "level": s.level,
        "parent_no": s.parent, "page": s.page, "char_start": s.start, "char_end": s.end, "version": s.version,
    }


def passage_row(p: Passage) -> dict[str, Any]:
    return {
        "doc_id": p.doc_id, "passage_no": p.index, "section_no": p.section, "kind": p.kind, "text": p.text,
        "page": p.page, "page_end": p.page_end, "char_start": p.start, "char_end": p.end,
        "paragraph_no": p.paragraph, "version": p.version, "unit_no": p.unit, "marker": p.number,
    }


def segmentation_rows(seg) -> dict[str, list[dict]]:
    return {"sections": [section_row(s) for s in seg.sections], "passages": [passage_row(p) for p in seg.passages]}


def understanding_rows(u: Understanding) -> dict[str, list[dict]]:
    m = u.meta
    rows: dict[str, list[dict]] = {t: [] for t in STAGE_TABLES["understand"]}
    rows["document_meta"].append({
        "doc_id": m.doc_id, "kind": m.kind, "la_code": m.la_code, "la_name": m.la_name,
        "start_date": m.start_date, "end_date": m.end_date, "letter_date": m.letter_date,
        "meeting_date": m.meeting_date, "version": m.version,
    })
    rows["meta_evidence"] = [
        {"doc_id": m.doc_id, "field": e.field, "text": e.text, "page": e.page, "char_start": e.start, "char_end": e.end}
        for e in m.evidence
    ]
    if m.kind in OFSTED_KINDS:
        rows["visits"].append({
            "doc_id": m.doc_id, "kind": m.kind, "la_code": m.la_code, "start_date": m.start_date,
            "end_date": m.end_date, "visit_number": m.visit_number, "previous_judgement": m.previous_judgement,
            "previous_judgement_date": m.previous_judgement_date, "version": m.version,
        })
    rows["visit_areas"] = [
        {"doc_id": a.doc_id, "area_no": a.index, "text": a.text, "page": a.page, "char_start": a.start,
         "char_end": a.end, "version": a.version}
        for a in u.areas_covered
    ]
    rows["people"] = [
        {"doc_id": p.doc_id, "person_no": i, "name": p.name, "role": p.role, "role_text": p.role_text,
         "page": p.page, "char_start": p.start, "char_end": p.end, "version": p.version}
        for i, p in enumerate(u.people)
    ]
    rows["judgements"] = [
        {"doc_id": j.doc_id, "area": j.area, "area_text": j.area_text, "grade": j.grade, "grade_text": j.grade_text,
         "source": j.source, "page": j.page, "char_start": j.start, "char_end": j.end, "version": j.version}
        for j in u.judgements
    ]
    rows["extraction_warnings"] = [asdict(w) for w in u.warnings]
    return rows


def figure_rows(figures: tuple[Figure, ...]) -> dict[str, list[dict]]:
    return {
        "figures": [
            {
                "doc_id": f.doc_id, "figure_no": f.index, "value": f.value, "unit": f.unit, "per": f.per,
                "text": f.text, "measure": f.measure, "metric": f.metric, "qualifier": f.qualifier, "role": f.role,
                "as_of": f.as_of, "as_of_text": f.as_of_text, "previous_no": f.previous, "direction": f.direction,
                "passage_no": f.passage, "page": f.page, "char_start": f.start, "char_end": f.end, "version": f.version,
            }
            for f in figures
        ]
    }


def finding_rows(findings: tuple[Finding, ...], version: str = "") -> dict[str, list[dict]]:
    return {
        "findings": [
            {
                "doc_id": f.doc_id, "passage_no": f.passage, "kind": f.kind, "label": f.label,
                "probability": f.probability, "p_strength": f.p_strength, "p_improvement": f.p_improvement,
                "p_neutral": f.p_neutral, "method": f.method, "model_version": f.model_version, "area": f.area,
                "area_text": f.area_text, "grade": f.grade, "made_by": f.made_by, "item_no": f.item_no,
                "text": f.text, "page": f.page, "char_start": f.start, "char_end": f.end, "version": version,
            }
            for f in findings
        ]
    }


def theme_tag_rows(tags: tuple[ThemeTag, ...]) -> dict[str, list[dict]]:
    return {
        "theme_tags": [
            {
                "doc_id": t.doc_id, "passage_no": t.passage, "theme_id": t.theme, "score": t.score, "method": t.method,
                "phrase": t.phrase, "page": t.page, "char_start": t.start, "char_end": t.end, "version": t.version,
            }
            for t in tags
        ]
    }


def taxonomy_rows(taxonomy) -> list[dict]:
    return [
        {"theme_id": t.id, "label": t.label, "description": t.description, "seeds": list(t.seeds),
         "retired": t.retired, "taxonomy_version": taxonomy.version}
        for t in taxonomy.themes
    ]

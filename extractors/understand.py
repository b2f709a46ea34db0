"""Document understanding: what a document is, which authority, when, who
inspected, which visit, and what grades. Pure; no I/O.

Combines the extractors of kind, authority, dates, people, visit facts and
judgements into one :class:`Understanding`. Everything is read from the text;
the manifest (``doc.source_meta``) is never consulted.
"""
from __future__ import annotations

from corpus.document import Document
from extractors.authority import AUTHORITY_VERSION, find_authority
from extractors.dates import DATES_VERSION, find_dates
from extractors.judgements import JUDGEMENTS_VERSION, extract_judgements
from extractors.kind import KIND_VERSION, classify_kind
from extractors.meta_records import OFSTED_KINDS, DocumentMeta, Understanding, Warning
from extractors.people import PEOPLE_VERSION, find_people
from extractors.segment import Segmentation
from extractors.visits import VISITS_VERSION, find_areas_covered, find_visit_facts

# Made of every part's version, so a change to any of them re-runs this stage.
UNDERSTANDING_VERSION = "+".join(
    ("understand-1", KIND_VERSION, AUTHORITY_VERSION, DATES_VERSION, PEOPLE_VERSION, VISITS_VERSION, JUDGEMENTS_VERSION)
)



def understand(doc: Document, seg: Segmentation) -> Understanding:
    kind, kind_evidence = classify_kind(doc, seg)
    authority, la_evidence = find_authority(doc, seg)
    dates = find_dates(doc, seg, kind)
    evidence = [e for e in (kind_evidence, la_evidence) if e is not None]
    evidence += [e for e in dates.evidence]
    warnings: list[Warning] = []
    if authority is None:
        warnings.append(Warning(doc.id, "authority", "no local authority recognised in the text", UNDERSTANDING_VERSION))
    # doubts about the dates that the text itself raises (a misprinted year, "20205")
    warnings += [Warning(doc.id, "dates", note, UNDERSTANDING_VERSION) for note in dates.notes]
    is_ofsted = kind in OFSTED_KINDS
    facts = find_visit_facts(doc, seg) if is_ofsted else None
    if facts is not None:
        evidence += list(facts.evidence)
    judgements, judgement_warnings = extract_judgements(doc, seg, kind)
    warnings += judgement_warnings
    meta = DocumentMeta(
        doc_id=doc.id,
        kind=kind,
        la_code=authority.code if authority else None,
        la_name=authority.name if authority else None,
        start_date=dates.start_date,
        end_date=dates.end_date,
        letter_date=dates.letter_date,
        meeting_date=dates.meeting_date,
        visit_number=facts.visit_number if facts else None,
        previous_judgement=facts.previous_judgement if facts else None,
        previous_judgement_date=facts.previous_judgement_date if facts else None,
        evidence=tuple(evidence),
        version=UNDERSTANDING_VERSION,
    )
    return Understanding(
        meta=meta,
        people=find_people(doc, seg) if is_ofsted else (),
        areas_covered=find_areas_covered(doc, seg) if is_ofsted else (),
        judgements=tuple(judgements),
        warnings=tuple(warnings),
    )

"""Records of document understanding: what a document is, who it is about,
when, by whom, and what grades it gives. Frozen; every one with provenance.

Extractors take ``(doc: Document, seg: Segmentation)`` and return these.
A field the text does not state stays None: nothing here is guessed, and
manifest metadata (``Document.source_meta``) is never used to fill them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

KINDS = (
    "ilacs",             # inspection of local authority children's services, 2018 on
    "sif",               # single inspection framework report, before 2018
    "focused_visit",
    "monitoring_visit",
    "jtai",              # joint targeted area inspection
    "lac_inspection",    # 2013 inspection of looked-after children services
    "lscb_review",       # review of a Local Safeguarding Children Board
    "minutes",
    "committee_report",
    "other",
)

# the kinds that are Ofsted inspections or visits (the rest are council papers or other)
OFSTED_KINDS = ("ilacs", "sif", "focused_visit", "monitoring_visit", "jtai", "lac_inspection", "lscb_review")

GRADES = ("outstanding", "good", "requires_improvement", "inadequate")


@dataclass(frozen=True)
class Evidence:
    """Where a value was read: the field it supports and the span of
    ``Document.text`` that states it."""

    field: str
    text: str
    page: int
    start: int
    end: int


@dataclass(frozen=True)
class Authority:
    """A local authority from the gazetteer (extractors/data/local_authorities.csv)."""

    code: str   # ONS code, e.g. E08000016 (Barnsley)
    name: str   # gazetteer name, e.g. "Barnsley"


@dataclass(frozen=True)
class DocumentMeta:
    doc_id: str
    kind: str                          # one of KINDS
    la_code: str | None = None         # ONS code of the authority the document is about
    la_name: str | None = None
    start_date: date | None = None     # inspection / visit first day
    end_date: date | None = None       # inspection / visit last day
    letter_date: date | None = None    # the date printed on a letter
    meeting_date: date | None = None   # minutes / committee report, when the text states it
    visit_number: int | None = None    # "the fourth monitoring visit" -> 4
    previous_judgement: str | None = None       # a GRADES value: "judged inadequate in January 2020"
    previous_judgement_date: str | None = None  # as precise as stated: "2020-01" or "2019-11-15"
    evidence: tuple[Evidence, ...] = ()
    version: str = ""


@dataclass(frozen=True)
class Person:
    """An inspector named in an Ofsted document, as written."""

    doc_id: str
    name: str
    role: str          # lead_inspector | inspector | team_inspector | other (role text in role_text)
    role_text: str     # as written, e.g. "His Majesty's Inspector"
    page: int
    start: int
    end: int
    version: str = ""


@dataclass(frozen=True)
class AreaCovered:
    """One item of a visit's "Areas covered by the visit" / "Inspectors looked at" list."""

    doc_id: str
    index: int
    text: str
    page: int
    start: int
    end: int
    version: str = ""


@dataclass(frozen=True)
class Judgement:
    """A graded judgement of an ILACS or SIF report.

    ``area`` is normalised across framework versions (see
    extractors/data/judgement_areas.csv); ``area_text`` is as written.
    ``source`` is ``table`` (the judgement table) or ``heading`` (the grade
    stated in a graded section heading). ``grade`` is one of GRADES.
    """

    doc_id: str
    area: str
    area_text: str
    grade: str
    grade_text: str
    source: str
    page: int
    start: int
    end: int
    version: str = ""


@dataclass(frozen=True)
class Warning:
    """Something expected and not found (no authority, no judgement table)."""

    doc_id: str
    field: str
    message: str
    version: str = ""


@dataclass(frozen=True)
class Understanding:
    """Everything document understanding found in one document."""

    meta: DocumentMeta
    people: tuple[Person, ...] = ()
    areas_covered: tuple[AreaCovered, ...] = ()
    judgements: tuple[Judgement, ...] = ()
    warnings: tuple[Warning, ...] = ()


EXAMPLE_META = DocumentMeta(
    "0" * 64, "focused_visit", "E09000003", "Barnet", date(2021, 6, 23), date(2021, 6, 24), date(2021, 8, 2),
    evidence=(Evidence("start_date", "23 and 24 June 2021", 1, 900, 918),), version="meta-1",
)
EXAMPLE_JUDGEMENT = Judgement(
    "0" * 64, "care_leavers", "The experiences and progress of care leavers", "good", "Good", "table", 1, 400, 404, "judgements-1"
)

"""The authority a document is about (extractors/authority.py)."""
from __future__ import annotations

import csv
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest

from corpus.document import Document
from corpus.readers import read_path
from extractors.authority import choose, find_authority, find_mentions, reference_date
from extractors.gazetteer import load_gazetteer
from extractors.meta_records import Authority
from extractors.segment import segment
from tests.extractors.conftest import make_doc

OFSTED_ADDRESS = ["Ofsted", "Piccadilly Gate", "Store Street", "Manchester", "M1 2WD", "T 0300 123 1231"]


# ---------------------------------------------------------------- hand-made documents

def test_focused_visit_title_names_the_authority():
    doc = make_doc([[*OFSTED_ADDRESS, "2 August 2021", "Mr Chris Munday", "London Borough of Barnet",
                     "2 Bristol Avenue, Colindale", "NW9 4EW", "Dear Chris",
                     "Focused visit to the London Borough of Barnet local authority children’s",
                     "services", "Leaders in Barnet work with partners in Enfield and Haringey."]])
    authority, ev = find_authority(doc, None)
    assert authority == Authority("E09000003", "Barnet")
    assert ev.field == "la_code" and ev.page == 1
    assert doc.text[ev.start:ev.end] == ev.text == "the London Borough of Barnet"
    assert choose(doc)[3] == "title"


def test_ofsted_address_and_street_names_are_not_authorities():
    doc = make_doc([[*OFSTED_ADDRESS, "Clive House", "70 Petty France,", "Westminster,", "London SW1H 9EX",
                     "2 Bristol Avenue", "Sutton Coldfield", "Greater Manchester Police", "Mr Richmond",
                     "Bury St Edmunds", "Newcastle-under-Lyme"]])
    assert find_mentions(doc.text) == []
    assert find_authority(doc, None) == (None, None)


def test_no_authority_gives_none_and_none():
    doc = make_doc([["Minutes:", "Reading ages improved across the school.", "The panel noted the report."]])
    assert find_authority(doc, None) == (None, None)
    assert find_authority(make_doc([[]]), None) == (None, None)


def test_names_are_matched_only_when_capitalised():
    doc = make_doc([["The council is reading the report; the bury site is closed."]])
    assert find_mentions(doc.text) == []


def test_acronyms_only_in_capitals():
    assert [m.text for m in find_mentions("Leaders at BCP and at KCC; bcp is a word.")] == ["BCP", "KCC"]


def test_partner_mentions_do_not_win():
    doc = make_doc([[
        "Agenda item", "", "Children's Services update", "", "Minutes:", "",
        "The Panel heard that Middlesbrough had improved its front door.",
        "Middlesbrough was in partnership with Redcar and Cleveland and Hartlepool Councils.",
        "Redcar and Cleveland and Stockton-on-Tees shared the out-of-hours service with Middlesbrough.",
        "Staff in Middlesbrough felt supported.",
    ]], media_type="text")
    authority, ev = find_authority(doc, None)
    assert authority.name == "Middlesbrough"
    assert choose(doc)[3] == "mentions"


def test_no_clear_leader_is_no_guess():
    doc = make_doc([["Minutes:", "Members visited Leeds.", "Members visited Bradford."]], media_type="text")
    assert find_authority(doc, None) == (None, None)


def test_a_shared_name_is_settled_by_the_date_on_the_first_page():
    before = make_doc([["21 February 2019", "Focused visit to Somerset children’s services"]])
    after = make_doc([["21 February 2024", "Focused visit to Somerset children’s services"]])
    wrapped = make_doc([["21 February 2024", "Focused visit to Somerset County Council children’s services"]])
    assert reference_date(before) == date(2019, 2, 21)
    assert find_authority(before, None)[0].code == "E10000027"
    assert find_authority(after, None)[0].code == "E06000066"
    assert find_authority(wrapped, None)[0].code == "E10000027"


def test_council_wrappers_widen_the_evidence():
    text = "MINUTES of a meeting of the Cabinet of Kent County Council held at Sessions House."
    assert [m.text for m in find_mentions(text)] == ["Kent County Council"]
    assert [m.text for m in find_mentions("Inspection of City of Bradford\nMetropolitan District Council")] == \
        ["City of Bradford\nMetropolitan District Council"]
    assert [m.text for m in find_mentions("KENT COUNTY COUNCIL\nCOUNTY COUNCIL\nMINUTES")] == ["KENT COUNTY COUNCIL"]
    assert [m.text for m in find_mentions("Middlesbrough’s children")] == ["Middlesbrough"]


def test_web_domain_is_the_last_resort():
    doc = make_doc([["By: Anna Taylor", "To: Cabinet", "Contact: anna.taylor@kent.gov.uk"]])
    authority, ev = find_authority(doc, None)
    assert authority.name == "Kent" and ev.text == "kent"


def test_heading_line_of_a_report():
    doc = make_doc([["1", "London Borough of Barnet", "Inspection of children’s social care services",
                     "Inspection dates: 13 May to 24 May 2019", "Services for children in Barnet are good."]])
    authority, ev = find_authority(doc, None)
    assert authority.code == "E09000003" and ev.text == "London Borough of Barnet"
    assert choose(doc)[3] == "heading"


# ---------------------------------------------------------------- real documents

REAL = [
    ("ilacs/barnet_2024-07-23.pdf", "E09000003"),                       # ILACS
    ("ilacs/bath-and-north-east-somerset_2025-08-05.pdf", "E06000022"),  # title over two lines
    ("ilacs/north-northamptonshire_2026-07-07.pdf", "E06000061"),       # 2026, no overall grade
    ("ilacs/bedford_2017-04-07.pdf", "E06000055"),                      # SIF
    ("ilacs/buckinghamshire_2014-08-08.pdf", "E10000002"),              # SIF, the old county council
    ("ilacs/kent_2013-08-23.pdf", "E10000016"),                         # 2013 looked-after children
    ("ilacs/surrey_2015-08-03.pdf", "E10000030"),                       # LSCB review
    ("focused_visits/barnet_2021-08-02.pdf", "E09000003"),
    ("focused_visits/somerset_2019-02-21.pdf", "E10000027"),            # Somerset County Council
    ("focused_visits/north-yorkshire_2021-07-26.pdf", "E10000023"),
    ("focused_visits/manchester_2020-01-21.pdf", "E08000003"),
    ("focused_visits/london-corporation_2022-12-13.pdf", "E09000001"),
    ("monitoring_visits/middlesbrough_2022-08-17_monitoring-visit.md", "E06000002"),
    ("minutes/middlesbrough_2021-q1_childrens-scrutiny-panel.txt", "E06000002"),  # mentions Redcar and Cleveland
    ("minutes/middlesbrough_2022-06_childrens-scrutiny-panel.txt", "E06000002"),
    ("minutes/middlesbrough_executive-member-update.txt", "E06000002"),            # mentions Redcar and Cleveland
    ("minutes/kent_corporate-parenting-panel_2024-10-29.pdf", "E10000016"),         # mentions Medway
    ("committee_reports/kent_cabinet_2025-03-04_family-hubs-call-in.pdf", "E10000016"),  # only "KCC"
    ("committee_reports/medway_2020-12-01_cyp-overview-scrutiny.txt", "E06000035"),      # mentions Essex, Thurrock
]


@pytest.mark.parametrize("rel, code", REAL)
def test_real_documents(read_doc, splitter, rel, code):
    doc = read_doc(rel)
    authority, ev = find_authority(doc, segment(doc, splitter))
    assert authority is not None and authority.code == code
    assert doc.text[ev.start:ev.end] == ev.text
    assert doc.page_of(ev.start) == ev.page


@lru_cache(maxsize=1)
def corpus_documents(root: str) -> tuple[tuple[dict[str, str], Document], ...]:
    """Every document of the corpus with its MANIFEST.csv row, read once per
    test session (test_kind.py shares it)."""
    base = Path(root)
    with open(base / "MANIFEST.csv", newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["local_authority"] != "(all)"]
    return tuple((row, read_path(base / row["path"], row["path"])) for row in rows)


def expected_authority(row: dict[str, str]) -> Authority | None:
    """The manifest's authority through the gazetteer, on the manifest's date
    (a shared name such as "Somerset" means the county council before 2023-04)."""
    day = date.fromisoformat(row["document_date"]) if row["document_date"] else None
    return load_gazetteer().lookup(row["local_authority"], day)


def test_every_corpus_document(corpus_dir):
    """Authority accuracy over the whole corpus (642 documents). Segmentation
    is not needed by find_authority, so it is skipped here to keep this fast."""
    docs = corpus_documents(str(corpus_dir))
    assert len(docs) >= 642
    wrong = []
    for row, doc in docs:
        authority, ev = find_authority(doc, None)
        expected = expected_authority(row)
        assert expected is not None, row["local_authority"]
        if authority != expected:
            wrong.append((row["path"], expected, authority, ev and ev.text))
    assert wrong == []

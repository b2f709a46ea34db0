"""The kind of a document (extractors/kind.py)."""
from __future__ import annotations

import pytest

from extractors.kind import classify_kind, expected_kind
from extractors.meta_records import KINDS
from extractors.segment import segment
from tests.extractors.conftest import make_doc
from tests.extractors.test_authority import corpus_documents

OFSTED_ADDRESS = ["Ofsted", "Piccadilly Gate", "Store Street", "Manchester", "M1 2WD"]


def kind_of(lines, media_type="pdf"):
    return classify_kind(make_doc([lines], media_type), None)


# ---------------------------------------------------------------- hand-made documents

def test_jtai_letter():
    kind, ev = kind_of([*OFSTED_ADDRESS, "12 March 2019", "Dear Director",
                        "Joint targeted area inspection of the multi-agency response to children living with",
                        "domestic abuse in Leeds",
                        "This letter summarises the findings of the joint targeted area inspection (JTAI)."])
    assert kind == "jtai"
    assert ev.field == "kind" and ev.text == "Joint targeted area inspection of" and ev.page == 1


def test_nothing_recognised_is_other():
    assert kind_of(["Annual report of the Director of Public Health", "Air quality in the county improved."]) == \
        ("other", None)
    assert classify_kind(make_doc([[]]), None) == ("other", None)


def test_focused_assurance_visits_count_as_focused_visits():
    assert kind_of(["Focused assurance visit to Leeds children’s services"])[0] == "focused_visit"
    assert kind_of(["Assurance visit to Leeds children’s services"])[0] == "focused_visit"
    assert kind_of(["Dear Sal", "This letter summarises the findings of the focused visit to Leeds on 1 May."])[0] == \
        "focused_visit"


def test_the_earliest_title_wins():
    # a focused-visit letter that cites an earlier SIF inspection on its first page
    kind, _ = kind_of(["Focused visit to Leeds children’s services",
                       "The last inspection of services for children in need of help and protection, children",
                       "looked after and care leavers judged services to be good."])
    assert kind == "focused_visit"


def test_sif_report_carrying_the_lscb_review_title_second():
    lines = ["Bedford Borough", "Inspection of services for children in need of help and",
             "protection, children looked after and care leavers", "and",
             "Review of the effectiveness of the Local Safeguarding Children", "Board"]
    assert kind_of(lines)[0] == "sif"
    assert kind_of(lines[3:])[0] == "other"  # "and Review of ..." is never a title of its own
    assert kind_of(["Surrey Safeguarding Children Board", *lines[4:]])[0] == "lscb_review"


@pytest.mark.parametrize("title, kind", [
    ("Inspection of Barnet local authority children’s services", "ilacs"),
    ("Inspection of children's social care services", "ilacs"),
    ("Inspection of Bradford Children and", "other"),
    ("Monitoring visit to Middlesbrough children's services", "monitoring_visit"),
    ("Inspection of looked after children services", "lac_inspection"),
    ("Inspection of local authority arrangements for the protection of children", "lac_inspection"),
])
def test_titles(title, kind):
    assert kind_of([title])[0] == kind


def test_a_title_in_running_text_is_not_a_title():
    assert kind_of(["CHILDREN'S SERVICES UPDATE", "In 2018, Ofsted launched the Inspection of Local Authority",
                    "Children's Services (ILACS). The first monitoring visit to Medway was in August."])[0] == "other"


def test_minutes_and_committee_reports():
    minutes = ["CORPORATE PARENTING PANEL – 29 October 2024", "MINUTES of the meeting held in the Darent Room.",
               "PRESENT: Mrs S Prendergast (Chair)", "Apologies and Substitutes", "(Item 1)",
               "RESOLVED that the minutes were a correct record."]
    report = ["From: Sarah Hammond, Corporate Director", "To: Cabinet - 30 January 2025",
              "Subject: Commissioned Family Hub Contracts", "Recommendation(s):", "1. INTRODUCTION",
              "5. Financial Implications", "11. Background Documents"]
    kind, ev = kind_of(minutes)
    assert kind == "minutes" and ev.text == "MINUTES of the meeting"
    kind, ev = kind_of(report)
    assert kind == "committee_report" and ev.text.startswith("From: Sarah Hammond")
    assert kind_of(["Agenda item", "", "Update", "", "Minutes:", "", "The Panel was advised that..."], "text")[0] == \
        "minutes"


def test_a_committee_report_with_an_ofsted_letter_appended():
    lines = ["By: Head of Children's Services", "To: Children and Young People Committee – 1 May 2023",
             "Subject: Ofsted focused visit", "Summary: The letter is attached.", "Recommendations:",
             "Focused visit to Medway children’s services", "This letter summarises the findings..."]
    assert kind_of(lines)[0] == "committee_report"


def test_expected_kind_from_the_manifest():
    assert expected_kind("ilacs", "Ofsted single inspection framework (SIF) report, pre-ILACS") == "sif"
    assert expected_kind("ilacs", "Ofsted review of Local Safeguarding Children Board (SIF-era)") == "lscb_review"
    assert expected_kind("ilacs", "Ofsted inspection of looked after children services (2013 framework)") == \
        "lac_inspection"
    assert expected_kind("ilacs", "Ofsted ILACS inspection report (2018 framework onwards)") == "ilacs"
    assert expected_kind("focused_visits") == "focused_visit"
    assert expected_kind("committee_reports") == "committee_report"
    assert {expected_kind(k) for k in ("minutes", "monitoring_visits", "jtai", "leaflets")} <= set(KINDS)


# ---------------------------------------------------------------- real documents

REAL = [
    ("ilacs/barnet_2024-07-23.pdf", "ilacs"),
    ("ilacs/north-northamptonshire_2026-07-07.pdf", "ilacs"),  # 2026, no overall effectiveness grade
    ("ilacs/rochdale_2018-03-12.pdf", "ilacs"),
    ("ilacs/bath-and-north-east-somerset_2025-08-05.pdf", "ilacs"),
    ("ilacs/bedford_2017-04-07.pdf", "sif"),
    ("ilacs/kent_2013-08-23.pdf", "lac_inspection"),
    ("ilacs/medway_2013-08-23.pdf", "lac_inspection"),
    ("ilacs/surrey_2015-08-03.pdf", "lscb_review"),
    ("focused_visits/barnet_2021-08-02.pdf", "focused_visit"),
    ("focused_visits/stockport_2019-03-11.pdf", "focused_visit"),
    ("monitoring_visits/middlesbrough_2022-08-17_monitoring-visit.md", "monitoring_visit"),
    ("minutes/kent_cabinet_2025-01-30.pdf", "minutes"),
    ("minutes/kent_corporate-parenting-panel_2024-10-29.pdf", "minutes"),
    ("minutes/middlesbrough_2021-q1_childrens-scrutiny-panel.txt", "minutes"),
    ("minutes/middlesbrough_2022-06_childrens-scrutiny-panel.txt", "minutes"),
    ("minutes/middlesbrough_executive-member-update.txt", "minutes"),
    ("committee_reports/kent_county-council_2025-03-13_family-hub-contracts-decision-report.pdf", "committee_report"),
    ("committee_reports/kent_cabinet_2025-03-04_family-hubs-call-in.pdf", "committee_report"),
    ("committee_reports/medway_2020-12-01_cyp-overview-scrutiny.txt", "committee_report"),
]


@pytest.mark.parametrize("rel, kind", REAL)
def test_real_documents(read_doc, splitter, rel, kind):
    doc = read_doc(rel)
    got, ev = classify_kind(doc, segment(doc, splitter))
    assert got == kind
    assert doc.text[ev.start:ev.end] == ev.text and doc.page_of(ev.start) == ev.page


def test_every_corpus_document(corpus_dir):
    """Kind accuracy over the whole corpus (642 documents) against the manifest's
    folder and doc_type."""
    docs = corpus_documents(str(corpus_dir))
    assert len(docs) >= 642
    wrong = [(row["path"], expected_kind(row["kind"], row["doc_type"]), classify_kind(doc, None)[0])
             for row, doc in docs
             if classify_kind(doc, None)[0] != expected_kind(row["kind"], row["doc_type"])]
    assert wrong == []

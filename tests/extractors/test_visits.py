"""Visit facts (visit number, previous judgement) and areas covered."""
from __future__ import annotations

import pytest

from extractors.segment import segment
from extractors.visits import (
    _previous_judgement,
    find_areas_covered,
    find_visit_facts,
    normalise_grade,
    ordinal_value,
)
from tests.extractors.conftest import make_doc


MONITORING = "monitoring_visits/middlesbrough_2022-08-17_monitoring-visit.md"


@pytest.mark.parametrize("word,value", [
    ("first", 1), ("fourth", 4), ("Tenth", 10), ("twelfth", 12), ("2nd", 2), ("13th", 13), ("sixtieth", None),
])
def test_ordinals(word, value):
    assert ordinal_value(word) == value


@pytest.mark.parametrize("text,grade", [
    ("inadequate", "inadequate"), ("Requires improvement to be good", "requires_improvement"),
    ("require improvement", "requires_improvement"), ("good", "good"), ("adequate", None),
])
def test_grades(text, grade):
    assert normalise_grade(text) == grade


@pytest.mark.parametrize("sentence,grade,when", [
    # monitoring_visits/middlesbrough_2022-08-17_monitoring-visit.md
    ("This was the fourth monitoring visit since the local authority was judged inadequate in January 2020.",
     "inadequate", "2020-01"),
    # ilacs/barnsley_2023-10-27.pdf
    ("Following the last inspection in 2018, when the local authority was judged good overall, a joint targeted "
     "area inspection in 2022 and a focused visit of the Future Directions service in 2023 identified that some "
     "children’s experiences and overall practice had weakened.", "good", "2018"),
    # ilacs/sefton_2025-08-12.pdf
    ("Services for children and families in Sefton have significantly improved since the 2022 inspection, when "
     "overall effectiveness was judged to be inadequate.", "inadequate", "2022"),
    # focused_visits/leicester_2019-02-14.pdf
    ("Leicester children’s services were last inspected by Ofsted in July 2017, when the overall effectiveness of "
     "the service was judged to require improvement to be good.", "requires_improvement", "2017-07"),
    # focused_visits/north-lincolnshire_2019-03-29.pdf: one area's grade, then the overall one
    ("Since the last inspection in 2017, where North Lincolnshire was judged good in help and protection and "
     "outstanding overall, the local authority has strengthened practice further at the front door.",
     "outstanding", "2017"),
    # ilacs/newham_2022-09-21.pdf: no date stated
    ("Leaders and operational managers have supported frontline staff to significantly improve practice since the "
     "last inspection, when the overall effectiveness was judged to be inadequate.", "inadequate", None),
])
def test_previous_judgement_sentences(sentence, grade, when):
    found = _previous_judgement(sentence)
    assert found is not None and found[:2] == (grade, when)


@pytest.mark.parametrize("sentence", [
    # focused_visits/rotherham_2019-04-15.pdf: one area's grade
    "Progress is evident since the last inspection in 2017, when services for children looked after were judged "
    "to require improvement.",
    # focused_visits/bracknell-forest_2024-01-12.pdf (shape): one area's grade
    "Since the last inspection in 2019, when care leavers were judged as good, the quality and impact of social "
    "work practice has been maintained.",
    # ilacs/bedford_2022-01-14.pdf: the present judgement
    "Services for children are now judged to be good.",
    # ilacs/croydon_2017-09-04.pdf (shape): the pre-2013 grade "adequate" is not a GRADES value
    "At the last inspection in 2012 the local authority was judged adequate.",
])
def test_not_a_previous_overall_judgement(sentence):
    assert _previous_judgement(sentence) is None


def test_monitoring_letter(segmented):
    doc, seg = segmented(MONITORING)
    facts = find_visit_facts(doc, seg)
    assert facts.as_dict() == {"visit_number": 4, "previous_judgement": "inadequate",
                               "previous_judgement_date": "2020-01"}
    ev = {e.field: e for e in facts.evidence}
    assert ev["visit_number"].text == "This was the fourth monitoring visit"
    assert ev["previous_judgement_date"].text == "January 2020"
    for e in facts.evidence:
        assert doc.text[e.start:e.end] == e.text and e.page == 1

    areas = find_areas_covered(doc, seg)
    assert [a.text for a in areas] == [
        "The front door service that receives contacts and referrals.",
        "Child protection enquiries, such as strategy discussions or section 47 enquiries.",
        "Child in need assessments.",
        "Early help assessments.",
        "Step-up and step-down to early help.",
    ]
    assert [a.index for a in areas] == [0, 1, 2, 3, 4]
    assert all(doc.text[a.start:a.end] == a.text for a in areas)


def test_focused_visit_area_sentence(segmented):
    # "Inspectors looked at the local authority’s arrangements for children in care."
    doc, seg = segmented("focused_visits/barnet_2021-08-02.pdf")
    areas = find_areas_covered(doc, seg)
    assert [a.text for a in areas] == ["the local authority’s arrangements for children in care"]
    assert doc.text[areas[0].start:areas[0].end] == areas[0].text
    facts = find_visit_facts(doc, seg)
    assert facts.visit_number is None and facts.previous_judgement is None


def test_focused_visit_area_with_a_focus_list(segmented):
    # "Inspectors looked at the local authority’s arrangements for care leavers, which included a
    # specific focus on:" and four bullets
    doc, seg = segmented("focused_visits/cambridgeshire_2025-08-29.pdf")
    assert [a.text for a in find_areas_covered(doc, seg)] == [
        "the local authority’s arrangements for care leavers",
        "The quality and suitability of accommodation.",
        "Staying close and in touch.",
        "Employment, education and training.",
        "The impact of leaders on practice with care leavers.",
    ]


def test_focused_visit_separate_focus_sentence(segmented):
    # "... arrangements for care leavers aged 18 to 25. This visit focused specifically on:" + bullets
    doc, seg = segmented("focused_visits/north-northamptonshire_2024-10-31.pdf")
    assert [a.text for a in find_areas_covered(doc, seg)] == [
        "the local authority’s arrangements for care leavers aged 18 to 25",
        "Preparation and support into adulthood.",
        "Keeping in touch.",
        "The local offer for care leavers.",
        "Support for former unaccompanied asylum-seeking children.",
    ]


def test_evidence_sentences_are_not_areas(segmented):
    # "Inspectors considered a range of evidence, ..." / "Inspectors also evaluated the local
    # authority’s performance management and quality assurance information."
    doc, seg = segmented("focused_visits/norfolk_2019-10-31.pdf")
    areas = [a.text for a in find_areas_covered(doc, seg)]
    assert areas[0].startswith("the local authority’s arrangements for dealing with contacts and referrals")
    assert not any("range of evidence" in a or "performance management" in a for a in areas)


def test_focused_visit_number(segmented):
    # "This was the second focused visit since ..."
    doc, seg = segmented("focused_visits/knowsley_2024-03-06.pdf")
    assert find_visit_facts(doc, seg).visit_number == 2


def test_covid_letter_states_no_area(segmented):
    doc, seg = segmented("focused_visits/havering_2021-06-25.pdf")
    assert find_areas_covered(doc, seg) == ()


def test_ilacs_report(segmented):
    doc, seg = segmented("ilacs/barnsley_2023-10-27.pdf")
    facts = find_visit_facts(doc, seg)
    assert (facts.visit_number, facts.previous_judgement, facts.previous_judgement_date) == (None, "good", "2018")
    assert find_areas_covered(doc, seg) == ()  # a report, not a visit letter


def test_lac_inspection_evidence_list_is_not_areas(segmented):
    # "The evidence evaluated by inspectors included:" + bullets
    doc, seg = segmented("ilacs/kent_2013-08-23.pdf")
    assert find_areas_covered(doc, seg) == ()


def test_hand_made_monitoring_letter():
    doc = make_doc([[
        "Dear Sue",
        ("Monitoring visit to Middlesbrough children’s services", 14.0, True),
        "This was the 2nd monitoring visit since the local authority was judged inadequate in January 2020.",
        ("Areas covered by the visit", 14.0, True),
        "Inspectors reviewed the progress made in the following areas:",
        "◼ Child in need assessments.",
        "◼ Early help assessments.",
    ]])
    seg = segment(doc)
    assert find_visit_facts(doc, seg).as_dict() == {
        "visit_number": 2, "previous_judgement": "inadequate", "previous_judgement_date": "2020-01"}
    assert [a.text for a in find_areas_covered(doc, seg)] == ["Child in need assessments.", "Early help assessments."]

"""People: lead inspectors, inspection teams, letters' inspectors and sign-offs."""
from __future__ import annotations

import pytest

from extractors.people import find_people
from extractors.segment import segment
from tests.extractors.conftest import make_doc


@pytest.fixture(scope="module")
def people(read_doc, splitter):
    def get(rel: str):
        doc = read_doc(rel)
        found = find_people(doc, segment(doc, splitter))
        for p in found:  # every span is the name as printed
            assert " ".join(doc.text[p.start:p.end].split()) == p.name
            assert doc.page_of(p.start) == p.page
        return found

    return get


def rows(found):
    return [(p.name, p.role, p.role_text) for p in found]


def test_ilacs_lead_inspector(people):
    # "Lead inspector: Naintara Khosla, His Majesty’s Inspector"
    found = people("ilacs/barking-and-dagenham_2023-09-04.pdf")
    assert rows(found) == [("Naintara Khosla", "lead_inspector", "Lead inspector, His Majesty’s Inspector")]
    assert found[0].page == 1


def test_ilacs_two_lead_inspectors(people):
    # "Lead inspectors: Rebecca Quested, His Majesty’s Inspector, and Matthew Reed," / "His Majesty’s Inspector"
    assert rows(people("ilacs/stoke-on-trent_2022-11-25.pdf")) == [
        ("Rebecca Quested", "lead_inspector", "Lead inspectors, His Majesty’s Inspector"),
        ("Matthew Reed", "lead_inspector", "Lead inspectors, His Majesty’s Inspector"),
    ]


def test_ilacs_designation_on_the_next_line(people):
    # "Lead inspector: Julie Knight" / "Her Majesty’s Inspector"
    assert rows(people("ilacs/derbyshire_2019-09-19.pdf")) == [
        ("Julie Knight", "lead_inspector", "Lead inspector, Her Majesty’s Inspector")]


def test_ilacs_report_naming_no_inspector(people):
    assert people("ilacs/devon_2025-05-13.pdf") == ()


def test_sif_inspection_team(people):
    found = rows(people("ilacs/bromley_2016-06-27.pdf"))
    assert found == [
        ("Marcie Taylor", "lead_inspector", "Lead inspector"),
        ("Brenda McLaughlin", "team_inspector", "Deputy lead inspector"),
        ("Karen Wareing", "team_inspector", "Team inspectors"),
        ("Tracey Metcalfe", "team_inspector", "Team inspectors"),
        ("Anji Parker", "team_inspector", "Team inspectors"),
        ("Jon Bowman", "team_inspector", "Team inspectors"),
        ("Peter McEntee", "team_inspector", "Team inspectors"),  # "Peter" / "McEntee" over a line break
        ("Alison Smale", "team_inspector", "Shadow inspectors"),
        ("Sandra Jacobs-Walls", "team_inspector", "Shadow inspectors"),
        ("Judith Swindell", "other", "Senior data analyst"),
        ("Sean Tarpey", "other", "Quality assurance manager"),
    ]


def test_sif_team_with_group_designations(people):
    # "Team inspectors: Mike Ferguson, Wendy Ghaffar, Graham Tilby, Penny Fisher (HMIs)"
    # "and Sara Goodinge and Nick Stacey (associate inspectors)"
    found = rows(people("ilacs/barking-and-dagenham_2014-07-07.pdf"))
    assert found[0] == ("Brendan Parkinson", "lead_inspector", "Lead inspector, HMI")
    assert found[1:] == [(n, "team_inspector", "Team inspectors, HMIs")
                         for n in ("Mike Ferguson", "Wendy Ghaffar", "Graham Tilby", "Penny Fisher")] + [
        (n, "team_inspector", "Team inspectors, associate inspectors") for n in ("Sara Goodinge", "Nick Stacey")]


def test_sif_team_one_name_a_line(people):
    found = rows(people("ilacs/lancashire_2018-08-17.pdf"))
    assert [n for n, role, _ in found if role == "team_inspector"] == [
        "Sue Myers", "Nigel Parkes", "Ian Young", "Matthew Brazier", "Kathryn Townsley", "Cathy Blair",
        "Diane Partridge"]
    assert ("Kathryn Townsley", "team_inspector", "Team inspectors, Ofsted Inspector") in found
    assert ("Diane Partridge", "team_inspector", "Team inspectors, HMI (Desigate)") in found
    assert ("Jenny Turnross", "other", "Quality assurance manager, Senior Her Majesty’s Inspector") in found


def test_lac_inspection_reporting_inspector(people):
    # "Reporting inspector Helen Cawston HMI"
    assert rows(people("ilacs/kent_2013-08-23.pdf")) == [("Helen Cawston", "lead_inspector", "Reporting inspector, HMI")]


def test_focused_visit_inspectors_and_sign_off(people):
    # "Her Majesty’s Inspectors for this visit were Tara Geere and Christine Kennet." and the
    # sign-off "Yours sincerely / Tara Geere / Her Majesty’s Inspector": one record each
    found = people("focused_visits/barnet_2021-08-02.pdf")
    assert rows(found) == [
        ("Tara Geere", "inspector", "Her Majesty’s Inspectors"),
        ("Christine Kennet", "inspector", "Her Majesty’s Inspectors"),
    ]


def test_focused_visit_inspectors_each_with_designation(people):
    # "The inspectors were Louise Warren, HMI, and John Roughton, HMI." ... "The quality assurance
    # manager was Sean Tarpey, SHMI."
    assert rows(people("focused_visits/barking-and-dagenham_2018-04-03.pdf")) == [
        ("Louise Warren", "inspector", "HMI"),
        ("John Roughton", "inspector", "HMI"),
        ("Sean Tarpey", "other", "quality assurance manager, SHMI"),
    ]


def test_focused_visit_lead_and_team_inspectors(people):
    # "His Majesty’s Inspectors for this visit were lead inspector Sophie Wales and team inspectors
    # Sally Sinclair and Mark Scanlon."; the sign-off (Sophie Wales) adds nothing
    found = rows(people("focused_visits/stockton-on-tees_2026-01-27.pdf"))
    assert [(n, r) for n, r, _ in found] == [
        ("Sophie Wales", "lead_inspector"), ("Sally Sinclair", "team_inspector"), ("Mark Scanlon", "team_inspector")]


def test_sign_off_names_the_lead(people):
    # "The inspectors were Lorna Schlechte, HMI, and Neil Penswick, HMI." ... "Lorna Schlechte (Lead Inspector)"
    found = rows(people("focused_visits/warrington_2018-02-23.pdf"))
    assert ("Neil Penswick", "inspector", "HMI") in found
    assert ("Lorna Schlechte", "lead_inspector", "Lead Inspector, Her Majesty’s Inspector") in found
    assert len(found) == 2


def test_designate_inspector(people):
    # "Her Majesty’s Inspectors (HMI) for this visit were Russel Breyer and Victoria Metheringham,
    # with Teresa Godfrey, HMI designate."
    assert rows(people("focused_visits/waltham-forest_2022-07-01.pdf")) == [
        ("Russel Breyer", "inspector", "Her Majesty’s Inspectors"),
        ("Victoria Metheringham", "inspector", "Her Majesty’s Inspectors"),
        ("Teresa Godfrey", "inspector", "HMI designate"),
    ]


def test_monitoring_letter(people):
    # "Her Majesty's inspectors for this visit were Louise Hollick and Matt Reed."
    found = people("monitoring_visits/middlesbrough_2022-08-17_monitoring-visit.md")
    assert [(p.name, p.role) for p in found] == [("Louise Hollick", "inspector"), ("Matt Reed", "inspector")]


def test_hand_made_letter():
    doc = make_doc([[
        "Dear Ms Quinton",
        ("Focused visit to Coventry City Council children’s services", 14.0, True),
        "This letter summarises the findings of a focused visit to Coventry City Council",
        "children’s services on 30 and 31 January. The inspectors were Alison Smale, HMI, and ",
        "Peter McEntee, HMI.",
        "Yours sincerely",
        "Alison Smale",
        "Her Majesty’s Inspector",
    ]])
    found = find_people(doc, segment(doc))
    assert rows(found) == [("Alison Smale", "inspector", "HMI"), ("Peter McEntee", "inspector", "HMI")]
    assert doc.text[found[1].start:found[1].end] == "Peter McEntee"


def test_no_people_in_plain_text():
    doc = make_doc([["The inspectors were pleased with the progress made by the council."]])
    assert find_people(doc, segment(doc)) == ()

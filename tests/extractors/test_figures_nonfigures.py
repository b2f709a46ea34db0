"""What is not a figure, each on a sentence quoted from ../shared/corpus (the
document named above it): dates and years, legislation and sections, ages,
paragraph and list numbers, phone numbers, postcodes, times, reference codes,
ordinal visit numbers, page numbers, footnote markers, names with numbers."""
from __future__ import annotations

import re

import pytest

from extractors.figures import candidates
from extractors.figures.nonfigures import blocked_spans
from tests.extractors.test_figures_support import figures_of, one, values

NO_FIGURES = [
    # dates and years: committee_reports/medway_2020-12-01_cyp-overview-scrutiny.txt
    "The Ofsted ILACS took place in Medway Children's Services from 15 to 26 July 2019 and the report was published on "
    "the 27 August 2019.",
    "The Commissioner has reported to the Secretary of State in December 2019 and July 2020.",
    # financial years: committee_reports/kent_cabinet_2025-01-30_strengthening-independence-service-transfer.pdf
    "The budget to be transferred will include the 25-26 budget for 18-25 services, agreed as part of the Budget at "
    "County Council in February 2025, including budgets for both placement/support costs and related staffing budgets.",
    # legislation and sections: an ILACS report
    "The review of the Local Safeguarding Children Board was carried out under section 15A of the Children Act 2004.",
    # committee_reports/medway_2020-12-01_cyp-overview-scrutiny.txt ("S17")
    "The purpose of an assessment is to gather sufficient information about the child and family to understand their "
    "needs and make a decision about whether the child meets the criteria for a service and what intervention is "
    "appropriate for their needs, which may be support under S17 of the Children Act 1989.",
    # monitoring_visits/middlesbrough_2022-08-17_monitoring-visit.md ("section 47")
    "Children's section 47 child protection enquiries and child in need assessments are thorough and most are completed "
    "in a timeframe suitable for the child's needs.",
    # an ILACS report
    "Senior leaders have taken decisive action since the last inspection to significantly improve the assessment and "
    "provision of services for homeless 16- and 17-year-olds.",
    # focused visit letter
    "A small number of children entering the children’s social care system between the ages of 16 and 17 are placed in "
    "supported accommodation settings, appropriate to their assessed needs.",
    # committee_reports/kent_cabinet_2025-01-30_strengthening-independence-service-transfer.pdf
    "Parents previously made decisions, but at 16, young people gain legal rights and can make their own choices about "
    "social care and their future.",
    # minutes/kent_corporate-parenting-panel_2024-12-10.pdf ("Level 3", ages in words)
    "Firstly, few young people took Level 3 courses at seventeen or eighteen, opting to take them later.",
    # paragraph numbers and cross-references: committee_reports/kent_county-council_2025-03-13_family-hub-contracts-decision-report.pdf
    "4.11 The section below details the response to the public consultation regarding the future of the provision.",
    "Given the overarching policy priority of the Council (see paragraph 2.1 of this report) the primary objective was "
    "the impact of that option.",
    # reference codes: committee_reports/kent_county-council_2025-03-13_family-hub-contracts-decision-report.pdf
    "Kent Communities Programme (KCP) decision taken in November 2023 (23/00101) proposed a network of Family Hubs.",
    # phone numbers: committee_reports/kent_cabinet_2025-03-04_family-hubs-call-in.pdf
    "Anna Taylor, Scrutiny Research Officer anna.taylor@kent.gov.uk 03000 416478",
    # committee_reports/medway_2020-12-01_cyp-overview-scrutiny.txt
    "Lee-Anne Farach, Assistant Director, Early Help and Children's Social Care, 01634 331215, leeanne.farach@medway.gov.uk",
    # times: committee_reports/kent_county-council_2025-03-13_family-hubs-call-in.pdf
    "Background documents a) Agenda for County Council on Thursday, 7th November, 2024, 10.00 am",
    # ordinal visit numbers: monitoring_visits/middlesbrough_2022-08-17_monitoring-visit.md
    "This was the fourth monitoring visit since the local authority was judged inadequate in January 2020.",
    # minutes/middlesbrough_2022-06_childrens-scrutiny-panel.txt
    "The visit was the third monitoring visit (plus a focused visit) since the last full inspection and was the first "
    "to take place ‘face to face’ following the lifting of Covid restrictions.",
    # Covid-19: focused_visits/barnet_2021-08-02.pdf
    "Senior leaders and partner agencies in Barnet have worked together to deliver a well-coordinated and effective "
    "response to the COVID-19 pandemic.",
    # Tier 4: ilacs/durham_2025-05-13.pdf
    "There is also a mental health prevention and support service, which has been developed with health partners to "
    "provide crisis support with the aim of preventing Tier 4 mental health hospital admissions.",
    # Year 6, Level 4: an ILACS report
    "More looked after children reach Level 4 in English at the end of Year 6 and make good progress.",
    # names with numbers: minutes/kent_county-council_2025-03-13.pdf, ilacs/brent_2026-06-17.pdf
    "Mrs Chandler and Mr Rayner declared a pecuniary interest in item 12 – Motion for Time Limited Debate 3 - ‘Family "
    "Farm Tax’ – and would not participate in the debate or vote.",
    "Emotional wellbeing support is available through a range of services, including Elev8, grand mentors, St Giles "
    "Trust, advocates and adult mental health services.",
    # an address line: a focused-visit letter
    "Woodhatch Place, 11 Cockshot Hill",
    # a vote tally: minutes/kent_county-council_2024-12-19.pdf
    "Against (35)",
    # distances: committee_reports/kent_county-council_2025-03-13_family-hub-contracts-decision-report.pdf
    "In relation to Millmead, there are alternative sites all within 1.5 miles from the Millmead centre.",
    # "one of": the pronoun, not a count; an ILACS report
    "The local offer to care leavers was identified as one of the areas for improvement.",
]


@pytest.mark.parametrize("sentence", NO_FIGURES)
def test_not_figures(sentence):
    assert figures_of(sentence) == (), [(f.text, f.value, f.unit) for f in figures_of(sentence)]


def test_age_range_of_eighteen_to_twenty_five_with_spaced_dash():
    # committee_reports/kent_cabinet_2025-01-30_strengthening-independence-service-transfer.pdf
    text = ("Transition Gap: Young adults in Kent with a learning disability or physical disability identified in "
            "childhood currently transition into adult social care at the age of 26, because between the ages of "
            "18-25 years these young adults are supported by the 18-25 SIS.")
    assert figures_of(text) == ()
    assert figures_of("It also supports young people between the ages of 18 – 25 who are care leavers.") == ()


def test_ages_beside_a_count_of_types():
    # minutes/kent_corporate-parenting-panel_2024-12-10.pdf
    figs = figures_of("Sarah Hammond invited Members to visit the centres, explaining there are two types: registered "
                      "children's homes for under 16s and registered supported accommodation for 16 and 17-year-olds.")
    assert values(figs) == [2]


def test_an_age_beside_a_real_count_keeps_the_count():
    # an ILACS report: "21 young people aged 16 or 17"
    figs = figures_of("During the year April 2014 to March 2015, 21 young people aged 16 or 17 became looked after.")
    assert values(figs) == [21]


def test_a_footnote_marker_glued_to_a_share_is_not_a_figure():
    # an ILACS report: "62%5" (footnote 5)
    figs = figures_of("Children and young people from minority ethnic groups account for 62%5 of all children living "
                      "in the area, compared with 25% in the country as a whole.")
    assert values(figs) == [62, 25]
    assert one(figs, 25, "percent").role == "comparator"


def test_postcode_is_not_a_figure():
    # monitoring_visits/middlesbrough_2022-08-17_monitoring-visit.md (address block)
    text = "Middlesbrough Council, PO Box 505, 3rd Floor, Fountain Court, Middlesbrough TS1 9FZ"
    assert candidates(text) == []
    assert any(r == "postcode" for _, _, r in blocked_spans("The office is at TS1 9FZ in the town."))


def test_page_number_and_contact_lines_of_a_real_letter_are_not_figures(read_doc):
    from extractors.figures import extract_figures
    from extractors.segment import segment

    doc = read_doc("focused_visits/southend-on-sea_2023-06-28.pdf")
    figs = extract_figures(doc, segment(doc))
    for m in re.finditer(r"Page \d+ of \d+|0161 618 8524|0300 123 1231", doc.text):
        assert not [f for f in figs if f.start < m.end() and f.end > m.start()], m.group(0)


def test_urls_and_ons_codes_are_not_figures():
    # The corpus's URLs carry no digits and its text no ONS codes (its Ofsted
    # letters end with "www.gov.uk/ofsted"); the filter is checked on the shapes.
    text = ("Further information is available at www.gov.uk/ofsted and ieIssueDetails.aspx?IId=50043387 "
            "for the area E06000002 and its 12 wards.")
    assert [m.value for m in candidates(text)] == [12]

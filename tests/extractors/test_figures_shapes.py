"""Number shapes and their normalisation, each on a sentence quoted from
../shared/corpus (the document named above it)."""
from __future__ import annotations

import pytest

from tests.extractors.test_figures_support import figures_of, one, values


def test_money_in_millions_written_out():
    # minutes/middlesbrough_2021-q1_childrens-scrutiny-panel.txt
    figs = figures_of("In relation to invested and prioritised resourcing, the Panel was informed that soon after the "
                      "poor Ofsted inspection, a significant amount of money (£3.3 million) was made available and had "
                      "been used wisely, and included the development of the audit programme.")
    f = one(figs, 3_300_000, "GBP")
    assert f.text == "£3.3 million" and f.per is None


def test_money_with_m_suffix():
    # committee_reports/medway_2020-12-01_cyp-overview-scrutiny.txt
    figs = figures_of("Improving Children's Services has created additional budget pressures and £7.6m of additional "
                      "funding has been made available to the service through the 2020-21 budget setting process and "
                      "the improvement action plan.")
    assert values(figs) == [7_600_000]
    # minutes/middlesbrough_executive-member-update.txt
    figs = figures_of("In terms of financials, a Member commented that £56m had been spent last year, most of this "
                      "on external services.")
    assert one(figs, 56_000_000, "GBP").text == "£56m"


def test_money_in_thousands_and_glued_million():
    # committee_reports/kent_county-council_2025-03-13_family-hub-contracts-decision-report.pdf
    figs = figures_of("Firstly, the required saving of £204,302.16 will need to be made elsewhere.")
    assert values(figs, "GBP") == [204_302.16]
    # minutes/kent_county-council_2025-03-13.pdf
    figs = figures_of("The council faced significant pressures in this financial year, but would still be in the "
                      "range of around £20million.")
    assert one(figs, 20_000_000, "GBP").qualifier == "approximate"


def test_money_rate_per_week():
    # minutes/middlesbrough_executive-member-update.txt
    figs = figures_of("It was also commented that the average spend per child was £5600 per week.")
    f = one(figs, 5600, "GBP")
    assert f.per == "week" and f.metric == "unit_cost"
    # the same figure written "weekly fees of £5600 per child": per week, not per child
    figs = figures_of("A Member commented that some of the properties being looked at for development were already "
                      "owned by the Council, and that operations would be funded through saved money, i.e., the "
                      "weekly fees of £5600 per child would not be payable.")
    assert one(figs, 5600, "GBP").per == "week"


def test_word_numbers():
    # committee_reports/medway_2020-12-01_cyp-overview-scrutiny.txt
    assert values(figures_of("Nine workers have converted from agency to permanent roles.")) == [9]
    # minutes/middlesbrough_executive-member-update.txt
    figs = figures_of("There were only two families last year, but this had increased to 20 this year.")
    assert values(figs) == [2, 20]
    figs = figures_of("In response to a query regarding the purchase and renovation of residential properties to "
                      "accommodate children, the Executive Member advised that the Council would have seven "
                      "residential homes once two properties currently being acquired/developed had been completed.")
    f = one(figs, 7, "count")
    assert f.text == "seven" and f.metric == "residential_homes"


def test_word_percent_and_per_cent():
    # focused_visits/bedford_2019-12-18.pdf
    figs = figures_of("Ninety-six per cent of children in care have an up-to-date personal education plan (PEP).")
    assert one(figs, 96, "percent").metric == "personal_education_plans_pct"
    # ilacs/buckinghamshire_2014-08-08.pdf
    figs = figures_of("Forty nine per cent of children wait more than 20 months following court proceedings before "
                      "their adoptions are completed.")
    assert values(figs, "percent") == [49]


def test_percent_with_a_space():
    # committee_reports/medway_2020-12-01_cyp-overview-scrutiny.txt
    figs = figures_of("Currently 96 % of assessments are completed within 45 days and 82% of assessment visits under "
                      "S47 are recorded as completed within 1 working day.")
    assert one(figs, 96, "percent").text == "96 %"
    assert values(figs, "percent") == [96, 82]
    assert values(figs, "days") == [45, 1]  # "1 working day"


def test_fraction_a_quarter_of():
    # monitoring_visits/middlesbrough_2022-08-17_monitoring-visit.md
    figs = figures_of("Audits conclude that practice within the assessment service still needs to improve, with a "
                      "quarter of audits rated as inadequate.")
    f = one(figs, 25, "percent")
    assert f.text == "a quarter" and f.metric == "audits_inadequate_pct"


def test_fraction_two_thirds_and_half_of():
    # ilacs/bradford_2014-05-23.pdf
    figs = figures_of("In over two thirds of cases, lack of capacity within the child protection conferencing service "
                      "has led to unacceptable delays of up to six weeks in holding initial child protection conferences.")
    f = one(figs, 66.7, "percent")
    assert f.qualifier == "more_than"
    assert one(figs, 6, "weeks").qualifier == "at_most"
    # focused visit letter (ilacs/ and focused_visits/ share the wording)
    figs = figures_of("Triage does successfully and appropriately filter out approximately half of the domestic abuse "
                      "referrals to MASH, enabling MASH workers to focus on those cases that present a greater risk and "
                      "require further assessment.")
    assert one(figs, 50, "percent").qualifier == "approximate"


def test_ratio_one_in_n():
    # minutes/middlesbrough_2021-q1_childrens-scrutiny-panel.txt
    figs = figures_of("Around 1 in 17 of children in North Ormesby came into the local authority’s care.")
    f = one(figs, 0.0588, "ratio")
    assert f.value == 0.0588 and f.qualifier == "approximate" and f.metric == "children_in_care_rate"
    # an ILACS report
    figs = figures_of("Less than one in 10 children moved placements more than twice in the 12 months preceding the "
                      "inspection.")
    assert one(figs, 0.1, "ratio").qualifier == "less_than"


def test_count_and_its_share_in_brackets():
    # committee_reports/medway_2020-12-01_cyp-overview-scrutiny.txt
    figs = figures_of("Audits which were carried out in June 2020 found that out of 30 cases audited, 21 (73%) were "
                      "graded Requires Improvement or Inadequate in relation to the quality of assessment.")
    assert values(figs) == [30, 21, 73]
    assert one(figs, 21, "count").metric == "audits_ri_or_inadequate"
    assert one(figs, 73, "percent").metric == "audits_ri_or_inadequate_pct"
    assert one(figs, 30, "count").metric == "audits_count"


def test_x_out_of_y():
    # ilacs/peterborough_2015-09-18.pdf
    figs = figures_of("Most looked after children live near to their homes; currently 21% (85 out of 395) are placed "
                      "more than 20 miles from their homes.")
    assert values(figs, "percent") == [21]
    assert values(figs, "count") == [85, 395]


def test_durations():
    # minutes/middlesbrough_2021-q1_childrens-scrutiny-panel.txt
    figs = figures_of("The average time for taking children through the Court process should normally be around 26 "
                      "weeks, however, it was currently around 32.5 weeks.")
    assert values(figs, "weeks") == [26, 32.5]
    # minutes/middlesbrough_executive-member-update.txt
    figs = figures_of("More families were currently in the processing/assessment stage, which took around nine months, "
                      "often longer, to complete.")
    assert one(figs, 9, "months").qualifier == "approximate"
    figs = figures_of("There were procedures in place, which included a 16-week assessment process and panel hearing.")
    assert one(figs, 16, "weeks").text == "16-week"


def test_a_range_of_days_per_month():
    # minutes/middlesbrough_2021-q1_childrens-scrutiny-panel.txt
    figs = figures_of("This recommendation was accepted by the Secretary of State and the Commissioner continued to work "
                      "with Children’s Services two to three days per month up until November 2020.")
    low, high = one(figs, 2, "days"), one(figs, 3, "days")
    assert (low.per, high.per) == ("month", "month")
    assert (low.qualifier, high.qualifier) == ("at_least", "at_most")


def test_rate_per_ten_thousand_children():
    # an ILACS report (pre-2018 "Information about this local authority area")
    figs = figures_of("At 31 March 2015, 200 children are being looked after by the local authority (a rate of 88 per "
                      "10,000 children).")
    rate = one(figs, 88, "count")
    assert rate.per == "10,000 children" and rate.metric == "children_looked_after_rate"
    assert one(figs, 200, "count").metric == "children_looked_after"
    assert 10_000 not in values(figs)


@pytest.mark.parametrize("sentence, expected", [
    # ilacs/leeds_2015-03-27.pdf
    ("Only 8% of children looked after in Leeds (105 out of 1,340) at the end of March 2014 had experienced three or "
     "more placements during 2013–14, compared to an England average of 11%.", [8, 105, 1340, 3, 11]),
    # minutes/kent_corporate-parenting-panel_2024-10-29.pdf
    ("To update the figures from the report: 31 children had been adopted, 26 children were matched with adopters, 18 "
     "children had a placement order and a continued plan for adoption but were not yet matched with adopters, 39 "
     "adopter households were approved and there were 24 approved and available adopters.", [31, 26, 18, 39, 24]),
])
def test_every_figure_of_a_sentence(sentence, expected):
    assert values(figures_of(sentence)) == expected

"""What a figure means: its measure, metric, qualifier, role, as-of date and
changes, each on a sentence quoted from ../shared/corpus (the document named
above it)."""
from __future__ import annotations

from extractors.segment import segment
from extractors.figures import extract_figures
from tests.extractors.conftest import make_doc
from tests.extractors.test_figures_support import figures_of, one

# minutes/middlesbrough_2021-q1_childrens-scrutiny-panel.txt
REDUCED = ("The Panel was advised that since the Commissioner’s report in November, the numbers had reduced from an "
           "all-time high of 702 in August 2020 to 609 as of today’s date.")
# committee_reports/medway_2020-12-01_cyp-overview-scrutiny.txt
AGENCY = ("The indicators are currently positive with the agency rate of workers having reduced from 40% in April 2020 "
          "to 22.9% at the end of October.")


def test_measure_is_the_noun_the_number_counts():
    # minutes/middlesbrough_2021-q1_childrens-scrutiny-panel.txt
    f = one(figures_of("The Service currently supported or kept in touch with 154 care leavers."), 154, "count")
    assert f.measure == "care leavers" and f.metric == "care_leavers"
    f = one(figures_of("There was capacity to house nine young people and introductions into the accommodation would "
                       "be staggered, alongside careful matching."), 9, "count")
    assert f.measure == "young people" and f.metric == "placement_capacity"


def test_measure_is_the_subject_of_a_copula():
    # minutes/middlesbrough_2021-q1_childrens-scrutiny-panel.txt
    f = one(figures_of("The Panel was advised that caseloads were beginning to stabilise and the average caseload as of "
                       "at today’s date was 22."), 22, "count")
    assert f.measure == "average caseload" and f.metric == "caseload_average"


def test_measure_of_a_change_verb():
    f = one(figures_of(AGENCY), 40, "percent")
    assert f.measure == "agency rate of workers" and f.metric == "agency_staff_pct"


def test_measure_of_a_share_of_something():
    # committee_reports/medway_2020-12-01_cyp-overview-scrutiny.txt
    figs = figures_of("Currently 96 % of assessments are completed within 45 days and 82% of assessment visits under "
                      "S47 are recorded as completed within 1 working day.")
    assert one(figs, 96, "percent").measure == "assessments"
    assert one(figs, 96, "percent").metric == "assessments_within_timescale_pct"
    assert one(figs, 82, "percent").metric == "s47_visits_within_timescale_pct"
    assert one(figs, 45, "days").metric == "assessment_timescale_days"


def test_metric_from_the_clause_not_the_next_figure():
    # minutes/middlesbrough_2021-q1_childrens-scrutiny-panel.txt: the audits are named a sentence before
    lines = ["It was highlighted that for the current month within the MACH there were 0% inadequate case audits.",
             "50% required improvement and 50% were good."]
    doc = make_doc([[" ".join(lines)]], media_type="text")
    figs = extract_figures(doc, segment(doc))
    assert [(f.value, f.metric) for f in figs] == [(0, "audits_inadequate_pct"), (50, "audits_requires_improvement_pct"),
                                                   (50, "audits_good_pct")]


def test_metric_stays_null_when_nothing_fits():
    # minutes/kent_corporate-parenting-panel_2024-10-29.pdf
    f = one(figures_of("The Virtual School Kent held its annual awards event, where 479 nominations were received for "
                       "children."), 479, "count")
    assert f.metric is None and f.measure == "nominations"


def test_specific_measure_is_not_given_a_metric_from_its_clause():
    # an ILACS report: exclusions of children looked after are not children looked after
    figs = figures_of("The number of fixed-term exclusions for children looked after from September 2014 to the time "
                      "of the inspection was three in Reading schools and nine for children living outside the town.")
    assert one(figs, 3, "count").metric != "children_looked_after"


def test_qualifiers():
    # minutes/middlesbrough_2021-q1_childrens-scrutiny-panel.txt
    assert one(figures_of("This service was already having a significant impact both with children living in the hub "
                          "and children on the edge of care and was currently supporting around 40 children to remain "
                          "with their families."), 40, "count").qualifier == "approximate"
    f = one(figures_of("Audits of inadequate cases was required to be at around 5% or less in order to exit "
                       "intervention."), 5, "percent")
    assert f.qualifier == "at_most" and f.role == "target"
    # ilacs/redcar-and-cleveland_2022-09-22.pdf
    assert one(figures_of("However, there are at least 20 children placed with family or friends who are not approved "
                          "as carers, meaning that these arrangements are unlawful."), 20, "count").qualifier == "at_least"
    # ilacs/kent_2013-08-23.pdf style ("over 1,200")
    assert one(figures_of("Also, there are over 1,200 children in care who live in Kent who were placed from elsewhere "
                          "in the country."), 1200, "count").qualifier == "more_than"


def test_target_roles():
    # minutes/middlesbrough_2021-q1_childrens-scrutiny-panel.txt
    figs = figures_of("The average time for taking children through the Court process should normally be around 26 "
                      "weeks, however, it was currently around 32.5 weeks.")
    assert one(figs, 26, "weeks").role == "target"
    assert one(figs, 32.5, "weeks").role == "observed"
    assert {f.metric for f in figs} == {"court_proceedings_weeks"}
    # committee_reports/medway_2020-12-01_cyp-overview-scrutiny.txt
    f = one(figures_of("An assessment should be completed within a maximum of 45 days from the point of referral, but "
                       "the timescale should be determined by the needs of the child/family."), 45, "days")
    assert f.role == "target" and f.qualifier == "at_most" and f.metric == "assessment_timescale_days"
    # ilacs/wirral: "the target of 426 days"
    figs = figures_of("Wirral’s performance on the national scorecard for 2013–16 was 431 days, which is just over the "
                      "target of 426 days.")
    assert one(figs, 426, "days").role == "target"
    assert one(figs, 431, "days").role == "observed"


def test_comparator_roles():
    # an ILACS report
    figs = figures_of("in secondary schools is 9% (the national average is 15%).")
    assert one(figs, 15, "percent").role == "comparator" and one(figs, 9, "percent").role == "observed"
    # ilacs/peterborough_2015-09-18.pdf
    figs = figures_of("The authority’s own unpublished data for 2015 show that the proportion of former relevant young "
                      "people aged 18–21 who are NEET is 37%, significantly better than national (55%) and statistical "
                      "neighbour (58%) averages.")
    assert [f.role for f in figs] == ["observed", "comparator", "comparator"]
    # ilacs/leeds_2015-03-27.pdf: "compared to an England average of 11%"
    figs = figures_of("Only 8% of children looked after in Leeds (105 out of 1,340) at the end of March 2014 had "
                      "experienced three or more placements during 2013–14, compared to an England average of 11%.")
    assert one(figs, 11, "percent").role == "comparator" and one(figs, 8, "percent").role == "observed"


def test_as_of_dates():
    figs = figures_of(REDUCED)
    assert one(figs, 702, "count").as_of == "2020-08"
    assert one(figs, 609, "count").as_of is None  # no document date given
    assert one(figures_of(REDUCED, doc_date="2021-03-04"), 609, "count").as_of == "2021-03-04"
    assert one(figures_of(REDUCED), 609, "count").as_of_text is None or "today" in one(figures_of(REDUCED), 609, "count").as_of_text
    figs = figures_of(AGENCY)
    assert (one(figs, 40, "percent").as_of, one(figs, 22.9, "percent").as_of) == ("2020-04", "2020-10")
    # committee_reports/medway_2020-12-01_cyp-overview-scrutiny.txt: a date for the whole sentence
    figs = figures_of("Audits which were carried out in June 2020 found that out of 30 cases audited, 21 (73%) were "
                      "graded Requires Improvement or Inadequate in relation to the quality of assessment.")
    assert {f.as_of for f in figs} == {"2020-06"}
    # minutes/middlesbrough_2021-q1_childrens-scrutiny-panel.txt
    f = one(figures_of("In December 2020, two additional managed teams were put into the assessment service."), 2, "count")
    assert f.as_of == "2020-12" and f.metric == "teams_added"
    # an ILACS report: a full date
    f = one(figures_of("At 31 March 2015, 86 children and young people were the subject of a child protection plan."),
            86, "count")
    assert f.as_of == "2015-03-31" and f.metric == "child_protection_plans"


def test_change_from_to_links_two_figures():
    figs = figures_of(REDUCED)
    earlier, later = one(figs, 702, "count"), one(figs, 609, "count")
    assert later.previous == earlier.index and later.direction == "decrease"
    assert earlier.role == "previous" and later.role == "observed"
    assert earlier.metric == later.metric == "children_looked_after" or earlier.metric == later.metric
    figs = figures_of(AGENCY)
    assert one(figs, 22.9, "percent").previous == one(figs, 40, "percent").index


def test_change_stated_after_the_later_value():
    # minutes/middlesbrough_2022-06_childrens-scrutiny-panel.txt
    figs = figures_of("In response to a query, the Panel was advised that there were currently 513 Children Looked "
                      "After in Middlesbrough and that this had fallen from an all-time high of 702.")
    later, earlier = one(figs, 513, "count"), one(figs, 702, "count")
    assert later.previous == earlier.index and later.direction == "decrease"
    assert later.metric == earlier.metric == "children_looked_after"


def test_change_to_with_an_anaphor():
    # minutes/middlesbrough_executive-member-update.txt
    figs = figures_of("There were only two families last year, but this had increased to 20 this year.")
    assert one(figs, 20, "count").previous == one(figs, 2, "count").index
    assert one(figs, 20, "count").direction == "increase"


def test_series_of_dated_values():
    # an ILACS report
    figs = figures_of("However, the local authority matched over 78% of adopters within six months in 2013–14 and "
                      "increased the number of adopters during the same period (75 in 2012–13 and 83 in 2013–14).")
    assert one(figs, 83, "count").previous == one(figs, 75, "count").index


def test_change_across_sentences():
    # an ILACS report, "Information about this local authority area"
    text = ("At 31 March 2015, 86 children and young people were the subject of a child protection plan. "
            "This is a reduction from 140 at 31 March 2014.")
    doc = make_doc([[text]], media_type="text")
    figs = extract_figures(doc, segment(doc))
    later, earlier = one(figs, 86, "count"), one(figs, 140, "count")
    assert later.previous == earlier.index and later.direction == "decrease"
    assert earlier.as_of == "2014-03-31" and earlier.role == "previous"

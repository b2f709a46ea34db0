"""Judgements of ILACS and SIF reports: hand-made documents and real reports."""
from __future__ import annotations

import re

import pytest

from extractors.judgements import (
    ILACS_AREAS_2018,
    ILACS_AREAS_2023,
    JUDGEMENTS_VERSION,
    SIF_AREAS,
    area_patterns,
    expects_judgements,
    extract_judgements,
    normalise_grade,
)
from extractors.meta_records import GRADES, KINDS
from tests.extractors.conftest import ILACS_TYPE, make_doc

AREAS = {"overall_effectiveness", "lscb", *ILACS_AREAS_2018, *ILACS_AREAS_2023, *SIF_AREAS}


def table(judgements) -> dict[str, str]:
    return {j.area: j.grade for j in judgements if j.source == "table"}


def headings(judgements) -> dict[str, str]:
    return {j.area: j.grade for j in judgements if j.source == "heading"}


def check_provenance(doc, judgements) -> None:
    for j in judgements:
        assert j.doc_id == doc.id and j.version == JUDGEMENTS_VERSION
        assert j.grade in GRADES and j.area in AREAS
        assert " ".join(doc.text[j.start : j.end].split()) == j.grade_text
        assert doc.page_of(j.start) == j.page


# --- units -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, grade", [
    ("Requires improvement to be good", "requires_improvement"),
    ("requires \nimprovement to \nbe good", "requires_improvement"),
    ("Require improvement", "requires_improvement"),
    ("Requires Improvement", "requires_improvement"),
    ("Good", "good"),
    ("Outstanding ", "outstanding"),
    ("inadequate", "inadequate"),
    ("Adequate", None),
    ("to be good", None),
])
def test_normalise_grade(text, grade):
    assert normalise_grade(text) == grade


def test_area_data_file_is_valid():
    rows = area_patterns()
    assert rows
    for row in rows:
        re.compile(row.pattern)
        assert row.area in AREAS, row
        assert row.where in ("table", "heading", "both"), row
    # the combined 2018-2022 area is tried before "children in care" alone
    order = [r.area for r in rows]
    assert order.index("children_in_care_and_care_leavers") < order.index("children_in_care")


def test_which_kinds_expect_a_table():
    assert [k for k in KINDS if expects_judgements(k)] == ["ilacs", "sif", "lscb_review"]


TABLE_2023 = [
    ("Inspection of Anytown local authority children’s services", 16.0, False),
    "Inspection dates: 10 to 21 July 2023",
    ("Judgement Grade", 12.0, True),
    "The impact of leaders on social work ",
    "practice with children and families",
    "Good",
    "The experiences and progress of ",
    "children who need help and protection",
    "Requires improvement to be good",
    "The experiences and progress of ",
    "children in care",
    "Good",
    "The experiences and progress of care ",
    "leavers",
    "Outstanding",
    "Overall effectiveness Good",
    "Services for children in Anytown are good and have improved since the last inspection.",
]


def test_hand_made_table_and_headings():
    doc = make_doc([TABLE_2023, [
        ("The experiences and progress of children who need help and ", 14.0, True),
        ("protection: requires improvement to be good", 14.0, True),
        "1. Most children receive a timely response.",
        ("The experiences and progress of children in care: good", 14.0, True),
        "2. Children in care are well supported.",
    ]])
    js, ws = extract_judgements(doc, None, "ilacs")
    assert ws == ()
    assert table(js) == {"impact_of_leaders": "good", "help_and_protection": "requires_improvement",
                         "children_in_care": "good", "care_leavers": "outstanding", "overall_effectiveness": "good"}
    assert headings(js) == {"help_and_protection": "requires_improvement", "children_in_care": "good"}
    check_provenance(doc, js)
    help_row = next(j for j in js if j.source == "table" and j.area == "help_and_protection")
    assert help_row.area_text == "The experiences and progress of children who need help and protection"
    assert help_row.grade_text == "Requires improvement to be good" and help_row.page == 1


def test_heading_that_disagrees_with_the_table_gives_a_warning():
    doc = make_doc([TABLE_2023, [
        ("The experiences and progress of children in care: outstanding", 14.0, True),
        "1. Children in care are well supported.",
    ]])
    js, ws = extract_judgements(doc, None, "ilacs")
    assert table(js)["children_in_care"] == "good"
    assert headings(js) == {"children_in_care": "outstanding"}
    assert len(ws) == 1 and ws[0].field == "judgements"
    assert "children_in_care" in ws[0].message and "'Good'" in ws[0].message and "page 2" in ws[0].message


def test_a_body_sentence_is_not_a_graded_heading():
    doc = make_doc([TABLE_2023, [
        "The experiences and progress of children in care: outstanding",  # body type, not bold
    ]])
    js, ws = extract_judgements(doc, None, "ilacs")
    assert headings(js) == {} and ws == ()


def test_no_table_where_one_is_expected_gives_a_warning_and_no_judgements():
    doc = make_doc([[
        ("Inspection of Anytown local authority children’s services", 16.0, False),
        "Inspection dates: 10 to 21 July 2023",
        "Services for children in Anytown are good and have improved since the last inspection.",
    ], [
        "The experiences and progress of children in care and care leavers are good.",
    ]])
    js, ws = extract_judgements(doc, None, "ilacs")
    assert js == ()
    assert len(ws) == 1 and ws[0].field == "judgements" and "no judgement table" in ws[0].message
    js, ws = extract_judgements(doc, None, "sif")
    assert js == () and len(ws) == 1


def test_missing_overall_row_before_the_reform_gives_a_warning():
    doc = make_doc([[line for line in TABLE_2023 if not str(line).startswith("Overall")]])
    js, ws = extract_judgements(doc, None, "ilacs")
    assert "overall_effectiveness" not in table(js) and len(table(js)) == 4
    assert len(ws) == 1 and "overall effectiveness" in ws[0].message


def test_markdown_table():
    doc = make_doc([[
        "Inspection dates: 10 to 21 July 2019",
        "",
        "| Judgement | Grade |",
        "|---|---|",
        "| The impact of leaders on social work practice with children and families | Good |",
        "| The experiences and progress of children who need help and protection | Requires improvement to be good |",
        "| The experiences and progress of children in care and care leavers | Outstanding |",
        "| Overall effectiveness | Good |",
        "",
        "The experiences and progress of children in care and care leavers: outstanding",
        "",
        "1. Children are well cared for.",
    ]], media_type="markdown")
    js, ws = extract_judgements(doc, None, "ilacs")
    assert ws == ()
    assert table(js) == {"impact_of_leaders": "good", "help_and_protection": "requires_improvement",
                         "children_in_care_and_care_leavers": "outstanding", "overall_effectiveness": "good"}
    assert headings(js) == {"children_in_care_and_care_leavers": "outstanding"}
    check_provenance(doc, js)


def test_other_kinds_have_no_judgements_and_no_warning():
    doc = make_doc([TABLE_2023])
    for kind in ("focused_visit", "monitoring_visit", "minutes", "lac_inspection", "other", None):
        assert extract_judgements(doc, None, kind) == ((), ())


# --- real reports ------------------------------------------------------------------------

def test_ilacs_2018_combined_children_in_care_and_care_leavers(read_doc):
    doc = read_doc("ilacs/barnsley_2018-11-19.pdf")
    js, ws = extract_judgements(doc, None, "ilacs")
    assert ws == ()
    assert table(js) == {"impact_of_leaders": "good", "help_and_protection": "good",
                         "children_in_care_and_care_leavers": "good", "overall_effectiveness": "good"}
    assert all(j.page == 1 for j in js if j.source == "table")
    check_provenance(doc, js)


def test_ilacs_2019_combined_rows_wrapped_over_lines(read_doc):
    doc = read_doc("ilacs/cheshire-east_2020-01-09.pdf")  # "...children and families." / "Requires improvement" / "to be good"
    js, ws = extract_judgements(doc, None, "ilacs")
    assert ws == ()
    assert table(js) == dict.fromkeys(ILACS_AREAS_2018 + ("overall_effectiveness",), "requires_improvement")
    check_provenance(doc, js)


def test_ilacs_2023_separate_care_leavers(read_doc):
    doc = read_doc("ilacs/barnsley_2023-10-27.pdf")
    js, ws = extract_judgements(doc, None, "ilacs")
    assert ws == ()
    assert table(js) == {"impact_of_leaders": "good", "help_and_protection": "requires_improvement",
                         "children_in_care": "good", "care_leavers": "good", "overall_effectiveness": "good"}
    assert headings(js) == {k: v for k, v in table(js).items() if k != "overall_effectiveness"}
    check_provenance(doc, js)


def test_ilacs_2026_without_overall_effectiveness(read_doc):
    doc = read_doc("ilacs/blackpool_2026-07-28.pdf")
    js, ws = extract_judgements(doc, None, "ilacs")
    assert ws == ()
    assert table(js) == {"impact_of_leaders": "outstanding", "help_and_protection": "good",
                         "children_in_care": "outstanding", "care_leavers": "outstanding"}
    check_provenance(doc, js)


def test_ilacs_2026_inspected_before_april_keeps_its_overall_grade(read_doc):
    doc = read_doc("ilacs/bradford_2026-05-21.pdf")  # inspected January 2026, published in May
    js, ws = extract_judgements(doc, None, "ilacs")
    assert ws == () and table(js)["overall_effectiveness"] == "requires_improvement"


def test_headings_checked_against_the_table(read_doc):
    # the third-party CSV has these grades shifted by a row; the table and every heading agree
    doc = read_doc("ilacs/st-helens_2023-09-04.pdf")
    js, ws = extract_judgements(doc, None, "ilacs")
    assert ws == ()
    expected = {"impact_of_leaders": "good", "help_and_protection": "requires_improvement",
                "children_in_care": "good", "care_leavers": "outstanding"}
    assert table(js) == {**expected, "overall_effectiveness": "good"}
    assert headings(js) == expected
    heading = next(j for j in js if j.source == "heading" and j.area == "care_leavers")
    assert heading.page == 7 and heading.grade_text == "outstanding"
    assert doc.text[heading.start : heading.end] == "outstanding"
    check_provenance(doc, js)


def test_sif_report(read_doc):
    doc = read_doc("ilacs/bedford_2017-04-07.pdf")
    js, ws = extract_judgements(doc, None, "sif")
    assert ws == ()
    assert table(js) == {"overall_effectiveness": "requires_improvement", "help_and_protection": "requires_improvement",
                         "children_looked_after": "requires_improvement", "adoption_performance": "good",
                         "care_leavers": "good", "leadership_management_governance": "requires_improvement",
                         "lscb": "good"}
    overall = next(j for j in js if j.area == "overall_effectiveness")
    assert overall.grade_text == "require improvement to be good" and overall.page == 1
    assert next(j for j in js if j.area == "lscb").page == 29  # the LSCB section's headline
    assert headings(js) == {k: v for k, v in table(js).items() if k in SIF_AREAS}
    check_provenance(doc, js)


def test_sif_2014_report_with_lscb_on_page_one(read_doc):
    doc = read_doc("ilacs/buckinghamshire_2014-08-08.pdf")
    js, ws = extract_judgements(doc, None, "sif")
    assert ws == ()
    assert table(js) == {"overall_effectiveness": "inadequate", "help_and_protection": "inadequate",
                         "children_looked_after": "inadequate", "adoption_performance": "requires_improvement",
                         "care_leavers": "requires_improvement", "leadership_management_governance": "inadequate",
                         "lscb": "inadequate"}
    assert all(j.page == 1 for j in js if j.source == "table")
    # the graded sections open with a "Key Judgement / Judgement Grade" row
    assert headings(js) == {k: v for k, v in table(js).items() if k in SIF_AREAS}


def test_lscb_review(read_doc):
    doc = read_doc("ilacs/surrey_2015-08-03.pdf")
    js, ws = extract_judgements(doc, None, "lscb_review")
    assert ws == () and table(js) == {"lscb": "requires_improvement"}


@pytest.mark.slow
def test_every_ilacs_report_has_its_table(corpus_dir, manifest, read_doc):
    """Every ILACS report: 3 areas + overall for inspections begun before 2023, 4 areas +
    overall from 2023, 4 areas and no overall from April 2026; no warnings."""
    months = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july",
                                          "august", "september", "october", "november", "december"), 1)}
    reports = [r["path"] for r in manifest if r.get("doc_type") == ILACS_TYPE]
    assert len(reports) == 321
    problems = []
    for rel in reports:
        doc = read_doc(rel)
        line = re.search(r"Inspection dates?:?\s*([^\n]+)", doc.text).group(1)
        month = re.search("|".join(months), line, re.I)
        year = int(re.search(r"20\d\d", line[month.end():]).group(0))
        begun = (year, months[month.group(0).lower()])
        if begun < (2023, 1):
            expected = set(ILACS_AREAS_2018) | {"overall_effectiveness"}
        elif begun < (2026, 4):
            expected = set(ILACS_AREAS_2023) | {"overall_effectiveness"}
        else:
            expected = set(ILACS_AREAS_2023)
        js, ws = extract_judgements(doc, None, "ilacs")
        rows = [j for j in js if j.source == "table"]
        if {j.area for j in rows} != expected or len(rows) != len(expected) or ws:
            problems.append((rel, begun, sorted(j.area for j in rows), [w.message for w in ws]))
        # every graded heading found agrees with the table (else there would be a warning)
        assert set(headings(js)) <= {j.area for j in rows}
    assert problems == []

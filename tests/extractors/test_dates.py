"""Dates: phrase shapes (real sentences from the corpus, quoted) and the
document-level finder on real documents of every kind."""
from __future__ import annotations

from datetime import date

import pytest

from extractors.dates import find_date_phrases, find_dates, find_month_years, parse_date
from extractors.segment import segment
from tests.extractors.conftest import make_doc

D = date


# ------------------------------------------------------------------ phrase shapes

SHAPES = [
    # ilacs/barking-and-dagenham_2023-09-04.pdf
    ("Inspection dates: 10 to 21 July 2023", "10 to 21 July 2023", D(2023, 7, 10), D(2023, 7, 21)),
    # ilacs/bexley_2018-08-20.pdf
    ("Inspection dates: 9 July 2018 to 20 July 2018", "9 July 2018 to 20 July 2018", D(2018, 7, 9), D(2018, 7, 20)),
    # ilacs/blackburn-with-darwen_2022-03-18.pdf
    ("Inspection dates: 24 January to 4 February 2022", "24 January to 4 February 2022", D(2022, 1, 24), D(2022, 2, 4)),
    # ilacs/barking-and-dagenham_2014-07-07.pdf (SIF)
    ("Inspection date: 29 April – 22 May 2014", "29 April – 22 May 2014", D(2014, 4, 29), D(2014, 5, 22)),
    # ilacs/bedford_2017-04-07.pdf (SIF)
    ("Inspection date: 23 January 2017 – 16 February 2017", "23 January 2017 – 16 February 2017",
     D(2017, 1, 23), D(2017, 2, 16)),
    # ilacs/lancashire_2018-08-17.pdf (SIF, no spaces round the dash)
    ("Inspection date: 4 June 2018–28 June 2018", "4 June 2018–28 June 2018", D(2018, 6, 4), D(2018, 6, 28)),
    # ilacs/cambridgeshire_2014-08-08.pdf (SIF, hyphen)
    ("Inspection date: 3 June 2014 - 25 June 2014", "3 June 2014 - 25 June 2014", D(2014, 6, 3), D(2014, 6, 25)),
    # ilacs/bradford_2014-05-23.pdf (SIF, abbreviated month)
    ("Inspection date: 18 Feb 2014 – 12 March 2014", "18 Feb 2014 – 12 March 2014", D(2014, 2, 18), D(2014, 3, 12)),
    # ilacs/medway_2013-08-23.pdf (2013 looked-after children inspection)
    ("Inspection dates: 15-19 July 2013", "15-19 July 2013", D(2013, 7, 15), D(2013, 7, 19)),
    # ilacs/medway_2015-11-27.pdf
    ("Inspection date: 14 September to 8 October 2015", "14 September to 8 October 2015",
     D(2015, 9, 14), D(2015, 10, 8)),
    # ilacs/devon_2025-05-13.pdf: a split inspection across a year end
    ("Inspection dates: 30 September to 11 October 2024 and 13 to 16 January 2025",
     "30 September to 11 October 2024 and 13 to 16 January 2025", D(2024, 9, 30), D(2025, 1, 16)),
    # ilacs/south-tyneside_2023-05-10.pdf
    ("Inspection dates: 5 to 9 December 2022 and 14 to 15 February 2023",
     "5 to 9 December 2022 and 14 to 15 February 2023", D(2022, 12, 5), D(2023, 2, 15)),
    # monitoring_visits/middlesbrough_2022-08-17_monitoring-visit.md
    ("This letter summarises the findings of the monitoring visit to Middlesbrough children's services on "
     "13 and 14 July 2022.", "13 and 14 July 2022", D(2022, 7, 13), D(2022, 7, 14)),
    # focused_visits/barnet_2021-08-02.pdf
    ("This letter summarises the findings of a focused visit to Barnet local authority children’s services on "
     "23 and 24 June 2021.", "23 and 24 June 2021", D(2021, 6, 23), D(2021, 6, 24)),
    # focused_visits/gloucestershire_2020-11-20.pdf
    ("This letter summarises the findings of a focused visit to Gloucestershire children’s services between "
     "6 and 8 October 2020.", "6 and 8 October 2020", D(2020, 10, 6), D(2020, 10, 8)),
    # focused_visits/milton-keynes_2020-11-13.pdf
    ("This letter summarises the findings of the focused visit to Milton Keynes children’s services between "
     "29 September and 1 October 2020.", "29 September and 1 October 2020", D(2020, 9, 29), D(2020, 10, 1)),
    # focused_visits/bury_2020-11-13.pdf
    ("This letter summarises the findings of a focused visit to Bury children’s services on 29 and 30 "
     "September, and 1 October 2020.", "29 and 30 September, and 1 October 2020", D(2020, 9, 29), D(2020, 10, 1)),
    # focused_visits/kingston-upon-hull_2025-08-28.pdf
    ("This letter summarises the findings of the focused visit to Kingston-upon-Hull children’s services on "
     "15, 16 and 21 July 2025.", "15, 16 and 21 July 2025", D(2025, 7, 15), D(2025, 7, 21)),
    # focused_visits/camden_2018-06-08.pdf
    ("This letter summarises the findings of a focused visit to Camden children’s services on the 15 and 16 "
     "of May 2018.", "the 15 and 16 of May 2018", D(2018, 5, 15), D(2018, 5, 16)),
    # focused_visits/bedford_2019-01-04.pdf: one day
    ("This letter summarises the findings of a focused visit to Bedford Borough Council children’s services on "
     "11 December 2018.", "11 December 2018", D(2018, 12, 11), D(2018, 12, 11)),
    # focused_visits/bolton_2025-06-27.pdf
    ("This letter summarises the findings of the focused visit to Bolton children’s services on 28 to 29 May 2025.",
     "28 to 29 May 2025", D(2025, 5, 28), D(2025, 5, 29)),
    # committee_reports/medway_2020-12-01_cyp-overview-scrutiny.txt
    ("The Ofsted ILACS took place in Medway Children's Services from 15 to 26 July 2019 and the report was "
     "published on the 27 August 2019.", "15 to 26 July 2019", D(2019, 7, 15), D(2019, 7, 26)),
    # minutes/kent_cabinet_2025-01-30.pdf
    ("MINUTES of a meeting of the Cabinet held in the Council Chamber, Sessions House, County Hall, Maidstone "
     "on Thursday, 30 January 2025.", "Thursday, 30 January 2025", D(2025, 1, 30), D(2025, 1, 30)),
    # minutes/kent_corporate-parenting-panel_2024-12-10.pdf
    ("CORPORATE PARENTING PANEL – 10th December 2024", "10th December 2024", D(2024, 12, 10), D(2024, 12, 10)),
    # committee_reports/medway_2020-12-01_cyp-overview-scrutiny.txt (capitals)
    ("1 DECEMBER 2020", "1 DECEMBER 2020", D(2020, 12, 1), D(2020, 12, 1)),
]


@pytest.mark.parametrize("sentence,phrase,start,end", SHAPES, ids=[s[1] for s in SHAPES])
def test_date_shapes(sentence, phrase, start, end):
    found = find_date_phrases(sentence)
    assert found, sentence
    first = found[0]
    assert (first.text, first.start_date, first.end_date) == (phrase, start, end)
    assert sentence[first.start:first.end] == phrase


def test_range_across_a_year_end_without_the_first_year():
    # constructed: the corpus prints the year on both sides when a range crosses a year end
    ph = find_date_phrases("Inspection dates: 29 December to 2 January 2020")[0]
    assert (ph.start_date, ph.end_date) == (D(2019, 12, 29), D(2020, 1, 2))
    ph = find_date_phrases("29 November – 3 December 2021")[0]
    assert (ph.start_date, ph.end_date) == (D(2021, 11, 29), D(2021, 12, 3))


def test_phrase_without_a_year_takes_it_from_the_reference_date():
    # focused_visits/coventry_2018-02-22.pdf, a letter dated 22 February 2018
    sentence = ("This letter summarises the findings of a focused visit to Coventry City Council children’s "
                "services on 30 and 31 January. The inspectors were Alison Smale, HMI, and Peter McEntee, HMI.")
    assert find_date_phrases(sentence) == []  # no year, no reference: not dated
    ph = find_date_phrases(sentence, reference=D(2018, 2, 22))[0]
    assert (ph.text, ph.start_date, ph.end_date, ph.year_given) == ("30 and 31 January", D(2018, 1, 30),
                                                                    D(2018, 1, 31), False)
    # a month after the reference date is the year before
    assert find_date_phrases("on 30 December", reference=D(2018, 2, 22))[0].start_date == D(2017, 12, 30)


@pytest.mark.parametrize("text", [
    "care leavers aged 18 to 25",
    "Children aged 5 may be seen",
    "2.1 Adoption performance Good",
    "caseloads of 20 to 25 children",
    "£3.3 million",
    "30 June",  # no year and no reference
])
def test_not_dates(text):
    assert find_date_phrases(text) == []


def test_trailing_number_is_not_part_of_a_range():
    ph = find_date_phrases("visited on 13 July 2022 and 5 children were seen")
    assert [(p.text, p.start_date, p.end_date) for p in ph] == [("13 July 2022", D(2022, 7, 13), D(2022, 7, 13))]


def test_parse_date():
    assert parse_date("2 August 2021") == D(2021, 8, 2)
    assert parse_date("10 to 21 July 2023") is None
    assert parse_date("31 February 2021") is None


def test_month_years():
    text = ("This was the fourth monitoring visit since the local authority was judged inadequate in January 2020. "
            "since the 2022 inspection; in 2019; on 15 November 2019")
    assert [m.value for m in find_month_years(text)] == ["2020-01", "2022", "2019", "2019-11-15"]


# ------------------------------------------------------------------ hand-made documents


def test_letter_date_above_the_salutation_and_visit_sentence():
    doc = make_doc([[
        "2 August 2021",
        "Mr Chris Munday",
        "Dear Chris",
        ("Focused visit to the London Borough of Barnet local authority children’s services", 14.0, True),
        "This letter summarises the findings of a focused visit to Barnet local authority ",
        "children’s services on 23 and 24 June 2021. Her Majesty’s Inspectors for this visit ",
        "were Tara Geere and Christine Kennet.",
    ]])
    seg = segment(doc)
    found = find_dates(doc, seg, "focused_visit")
    assert (found.letter_date, found.start_date, found.end_date) == (D(2021, 8, 2), D(2021, 6, 23), D(2021, 6, 24))
    assert found.meeting_date is None and found.notes == ()
    for ev in found.evidence:
        assert doc.text[ev.start:ev.end] == ev.text
    # read as minutes, a visit it mentions is not the document's date and there is no letter
    # date (a line that is only a date at the head of minutes is their meeting date)
    as_minutes = find_dates(doc, seg, "minutes")
    assert (as_minutes.start_date, as_minutes.end_date, as_minutes.letter_date) == (None, None, None)


def test_wrapped_visit_date_is_not_a_letter_date():
    doc = make_doc([[
        "Dear Ms Smith",
        ("Focused visit to Anytown children’s services", 14.0, True),
        "This letter summarises the findings of the focused visit to Anytown children’s services on",
        "13 July 2022.",
    ]])
    found = find_dates(doc, segment(doc), "focused_visit")
    assert found.letter_date is None
    assert found.start_date == D(2022, 7, 13)


def test_empty_document():
    doc = make_doc([[""]])
    found = find_dates(doc, segment(doc), "ilacs")
    assert found.evidence == () and found.start_date is None


# ------------------------------------------------------------------ real documents


def _check_evidence(doc, found):
    for ev in found.evidence:
        assert " ".join(doc.text[ev.start:ev.end].split()) == " ".join(ev.text.split())
        assert doc.page_of(ev.start) == ev.page


def test_ilacs_2023(segmented):
    doc, seg = segmented("ilacs/barking-and-dagenham_2023-09-04.pdf")
    found = find_dates(doc, seg, "ilacs")
    assert (found.start_date, found.end_date) == (D(2023, 7, 10), D(2023, 7, 21))
    assert found.letter_date is None and found.meeting_date is None
    ev = {e.field: e for e in found.evidence}
    assert ev["start_date"].text == "10 to 21 July 2023" and ev["start_date"].page == 1
    _check_evidence(doc, found)


def test_ilacs_split_inspection(segmented):
    doc, seg = segmented("ilacs/derbyshire_2019-09-19.pdf")
    found = find_dates(doc, seg, "ilacs")
    # "Inspection dates: 8 July 2019 to 12 July 2019 and 7 August 2019 to" / "8 August 2019"
    assert (found.start_date, found.end_date) == (D(2019, 7, 8), D(2019, 8, 8))
    _check_evidence(doc, found)


def test_sif_report(segmented):
    doc, seg = segmented("ilacs/bedford_2017-04-07.pdf")
    found = find_dates(doc, seg, "sif")
    assert (found.start_date, found.end_date) == (D(2017, 1, 23), D(2017, 2, 16))
    assert found.letter_date is None  # "Report published: 7 April 2017" is not a letter date
    _check_evidence(doc, found)


def test_lac_inspection_2013(segmented):
    doc, seg = segmented("ilacs/kent_2013-08-23.pdf")
    found = find_dates(doc, seg, "lac_inspection")
    assert (found.start_date, found.end_date) == (D(2013, 7, 15), D(2013, 7, 19))


def test_focused_visit_letter(segmented):
    doc, seg = segmented("focused_visits/barnet_2021-08-02.pdf")
    found = find_dates(doc, seg, "focused_visit")
    assert found.letter_date == D(2021, 8, 2)
    assert (found.start_date, found.end_date) == (D(2021, 6, 23), D(2021, 6, 24))
    ev = {e.field: e for e in found.evidence}
    assert ev["letter_date"].text == "2 August 2021" and ev["letter_date"].start == 0
    assert ev["start_date"].text == "23 and 24 June 2021"
    _check_evidence(doc, found)


def test_focused_visit_without_a_year_in_the_visit_sentence(segmented):
    doc, seg = segmented("focused_visits/coventry_2018-02-22.pdf")
    found = find_dates(doc, seg, "focused_visit")
    assert (found.letter_date, found.start_date, found.end_date) == (D(2018, 2, 22), D(2018, 1, 30), D(2018, 1, 31))


def test_letter_date_inside_the_letterhead(segmented):
    # the PDF's text stream puts the Ofsted letterhead (and the date) mid-page 1
    doc, seg = segmented("focused_visits/north-northamptonshire_2024-10-31.pdf")
    found = find_dates(doc, seg, "focused_visit")
    assert found.letter_date == D(2024, 10, 31)
    assert (found.start_date, found.end_date) == (D(2024, 10, 1), D(2024, 10, 2))
    _check_evidence(doc, found)


def test_letter_printed_wrong_is_kept_as_printed_with_a_note(segmented):
    doc, seg = segmented("focused_visits/dudley_2020-01-21.pdf")
    found = find_dates(doc, seg, "focused_visit")
    assert found.letter_date == D(2019, 1, 21)  # printed "21 January 2019" for a visit on 18 and 19 December 2019
    assert (found.start_date, found.end_date) == (D(2019, 12, 18), D(2019, 12, 19))
    assert any("before the visit" in n for n in found.notes)


def test_unreadable_letter_date_stays_null(segmented):
    doc, seg = segmented("focused_visits/north-somerset_2025-11-06.pdf")
    found = find_dates(doc, seg, "focused_visit")
    assert found.letter_date is None  # printed "6 November 20205"
    assert any("20205" in n for n in found.notes)


def test_letter_without_a_date_line(segmented):
    doc, seg = segmented("focused_visits/cambridgeshire_2025-08-29.pdf")
    found = find_dates(doc, seg, "focused_visit")
    assert found.letter_date is None
    assert (found.start_date, found.end_date) == (D(2025, 7, 29), D(2025, 7, 30))


def test_monitoring_letter(segmented):
    doc, seg = segmented("monitoring_visits/middlesbrough_2022-08-17_monitoring-visit.md")
    found = find_dates(doc, seg, "monitoring_visit")
    assert found.letter_date == D(2022, 8, 17)
    assert (found.start_date, found.end_date) == (D(2022, 7, 13), D(2022, 7, 14))
    _check_evidence(doc, found)


@pytest.mark.parametrize("rel", [
    "minutes/middlesbrough_2021-q1_childrens-scrutiny-panel.txt",
    "minutes/middlesbrough_2022-06_childrens-scrutiny-panel.txt",
    "minutes/middlesbrough_executive-member-update.txt",
])
def test_middlesbrough_minutes_state_no_meeting_date(segmented, rel):
    # their text names other dates ("undertaken 9 - 11 November 2020", "took place on 29 and 30
    # March 2022"), never the meeting's own
    doc, seg = segmented(rel)
    found = find_dates(doc, seg, "minutes")
    assert found.as_dict() == dict.fromkeys(("start_date", "end_date", "letter_date", "meeting_date"))
    assert found.evidence == ()


@pytest.mark.parametrize("rel,kind,expected,text", [
    ("minutes/kent_cabinet_2025-01-30.pdf", "minutes", D(2025, 1, 30), "Thursday, 30 January 2025"),
    ("minutes/kent_county-council_2024-12-19.pdf", "minutes", D(2024, 12, 19), "Thursday, 19 December 2024"),
    # "CORPORATE PARENTING PANEL– 29 October 2024"
    ("minutes/kent_corporate-parenting-panel_2024-10-29.pdf", "minutes", D(2024, 10, 29), "29 October 2024"),
    # "CORPORATE PARENTING PANEL – 10th December 2024"; item 3 "Minutes of the meeting held on 29 October 2024"
    ("minutes/kent_corporate-parenting-panel_2024-12-10.pdf", "minutes", D(2024, 12, 10), "10th December 2024"),
    # "To: Cabinet - 30 January 2025"
    ("committee_reports/kent_cabinet_2025-01-30_strengthening-independence-service-transfer.pdf",
     "committee_report", D(2025, 1, 30), "30 January 2025"),
    ("committee_reports/medway_2020-12-01_cyp-overview-scrutiny.txt", "committee_report", D(2020, 12, 1),
     "1 DECEMBER 2020"),
])
def test_meeting_dates(segmented, rel, kind, expected, text):
    doc, seg = segmented(rel)
    found = find_dates(doc, seg, kind)
    assert found.meeting_date == expected
    assert (found.start_date, found.letter_date) == (None, None)
    (ev,) = found.evidence
    assert ev.field == "meeting_date" and ev.text == text and ev.page == 1
    assert doc.text[ev.start:ev.end] == text


def test_decision_report_states_no_meeting_date(segmented):
    # a report to a Cabinet Member ("To: Sue Chandler, Cabinet Member ..."): its dates are contract dates
    doc, seg = segmented("committee_reports/kent_county-council_2025-03-13_family-hub-contracts-decision-report.pdf")
    assert find_dates(doc, seg, "committee_report").meeting_date is None


def test_evaluate_dates_on_a_few_documents(corpus_dir):
    from pipeline.evaluate.dates import evaluate_dates

    result = evaluate_dates(corpus_dir, only=[
        "focused_visits/barnet_2021-08-02.pdf",
        "focused_visits/bedford_2019-01-04.pdf",
        "ilacs/derbyshire_2019-09-19.pdf",
        "ilacs/barking-and-dagenham_2023-09-04.pdf",
        "minutes/middlesbrough_executive-member-update.txt",
    ])
    letters = result["letter_dates"]
    assert (letters["letters"], letters["exact_match_publication_date"], letters["right_after_reading_mismatches"]) \
        == (2, 1, 2)
    (mismatch,) = letters["mismatches"]
    assert mismatch["printed"] == "8 January 2019" and mismatch["right"]
    inspections = result["inspection_dates"]
    assert (inspections["compared_with_history"], inspections["both_agree"]) == (2, 1)
    assert inspections["disagreements"][0]["reading"]["ours_right"]
    assert result["meeting_dates"]["rows"][0]["agrees"]  # null where the text states no date


def test_modern_gov_title_with_a_time_gives_the_meeting_date():
    # the bundled modern.gov-style sample prints "Tuesday, 14th January, 2025 4.00 pm" under the committee name
    from pathlib import Path

    from corpus.readers import read_path
    from extractors.dates import find_dates
    from extractors.segment import segment

    sample = Path(__file__).resolve().parents[2] / "corpus" / "samples" / "torbay_2025-01-14_cyp-scrutiny-panel-minutes.html"
    doc = read_path(sample)
    found = find_dates(doc, segment(doc), "minutes")
    assert str(found.meeting_date) == "2025-01-14"
    evidence = [e for e in found.evidence if e.field == "meeting_date"][0]
    assert doc.text[evidence.start:evidence.end] == evidence.text

"""Segmentation on small hand-made Documents: one behaviour per test."""
from __future__ import annotations

import re

import pytest

from corpus.document import example_document
from corpus.readers.text import read_markdown, read_text
from extractors.lines import TextBuilder, Vocabulary
from extractors.records import Passage
from extractors.segment import SEGMENTER_VERSION, Segmentation, segment
from tests.extractors.conftest import make_doc

HEADER = ("Inspection of Testshire local authority children’s services", 8.04, True)


def header(page: int) -> list:
    return [HEADER, (f"1 to 5 May 2023 {page}", 8.04, True)]


def texts(seg: Segmentation, kind: str | None = None) -> list[str]:
    return [p.text for p in seg.passages if kind is None or p.kind == kind]


def one(seg: Segmentation, fragment: str) -> Passage:
    hits = [p for p in seg.passages if fragment in p.text]
    assert len(hits) == 1, (fragment, [p.text for p in seg.passages])
    return hits[0]


def assert_valid(doc, seg: Segmentation) -> None:
    last_page = 0
    for i, p in enumerate(seg.passages):
        assert p.index == i and p.version == SEGMENTER_VERSION and p.doc_id == doc.id
        assert 0 <= p.start < p.end <= len(doc.text)
        assert p.page <= p.page_end and p.page >= last_page
        last_page = p.page
        assert p.section is None or 0 <= p.section < len(seg.sections)
        assert p.text == p.text.strip() and "  " not in p.text and "\n" not in p.text


def test_example_document_rejoins_across_the_page_number():
    doc = example_document()
    seg = segment(doc)
    assert [s.title for s in seg.sections] == ["Headline findings"]
    p = one(seg, "Leaders")
    assert p.text == "Leaders have built strong relationships with partners."
    assert (p.page, p.page_end) == (1, 2)
    assert_valid(doc, seg)


def test_empty_document_has_no_passages():
    doc = make_doc([[""]])
    assert segment(doc) == Segmentation((), ())


def test_running_headers_and_page_numbers_are_dropped_and_sentences_rejoined():
    body = "Social workers visit children regularly and know them well. They"
    pages = [
        [("Inspection of Testshire local authority", 26.04, False), ("children’s services", 26.04, False),
         "Children in Testshire receive good help. Leaders are ambitious for children and"],
        header(2) + ["have built a stable workforce. Caseloads are manageable.", body],
        header(3) + ["record their views carefully. Managers oversee plans."],
    ]
    doc = make_doc(pages)
    seg = segment(doc)
    assert_valid(doc, seg)
    joined = " ".join(texts(seg))
    assert "1 to 5 May 2023" not in joined and "Inspection of Testshire local authority children’s services" \
        not in " ".join(texts(seg, "sentence"))
    p = one(seg, "Leaders are ambitious")
    assert p.text == "Leaders are ambitious for children and have built a stable workforce."
    assert (p.page, p.page_end) == (1, 2)
    q = one(seg, "They record")
    assert q.text == "They record their views carefully."
    # the raw span runs over the header between the pages
    assert doc.text.find("1 to 5 May 2023 3") in range(q.start, q.end)
    assert doc.text[q.start:q.start + 4] == "They" and doc.text[q.end - 10:q.end] == "carefully."


def test_bare_page_number_at_the_top_of_a_page():
    doc = make_doc([
        ["Work is not routinely evidenced on files for children in long-term foster care,",
         "although advice is available from the team.", "Dear reader"] + [f"Line {i}." for i in range(3)],
        ["3", "although consultation is available. Next sentence here."],
    ])
    seg = segment(doc)
    assert_valid(doc, seg)
    assert not any(re.search(r"(^|\s)3(\s|$)", t) for t in texts(seg))


def test_hyphenated_line_ends_rejoin():
    doc = make_doc([[
        "Leaders have improved the child-",
        "centred approach. The safeguarding partnership is strong and the safe-",
        "guarding of children is effective.",
    ]])
    seg = segment(doc)
    assert texts(seg) == [
        "Leaders have improved the child-centred approach.",
        "The safeguarding partnership is strong and the safeguarding of children is effective.",
    ]
    p = seg.passages[1]
    assert doc.text[p.start:p.end].replace("-\n", "") == p.text


def test_text_builder_maps_back_to_raw_offsets():
    raw = "abc-\ndef ghi\nxyz"
    tb = TextBuilder(Vocabulary("abcdef"))
    tb.add("abc-", 0)
    tb.add("def ghi", 5)
    tb.add("xyz", 13)
    assert tb.text() == "abcdef ghi xyz"
    assert tb.raw_span(0, 6) == (0, 8) and raw[0:8] == "abc-\ndef"
    assert tb.raw_span(11, 14) == (13, 16)


def test_ofsted_address_block_is_dropped():
    doc = make_doc([[
        ("Headline findings", 12.0, True),
        "Leaders know their services well.",
        ("Ofsted", 9.0, False), ("Piccadilly Gate", 9.0, False), ("Store Street", 9.0, False),
        ("Manchester", 9.0, False), ("M1 2WD", 9.0, False), ("T 0300 123 1231", 8.04, True),
        ("Textphone 0161 618 8524", 8.04, True), ("enquiries@ofsted.gov.uk", 9.0, False),
        ("www.gov.uk/ofsted", 9.0, False),
    ], [("Main findings", 12.0, True), "Plans are clear."]])
    seg = segment(doc)
    assert texts(seg, "sentence") == ["Leaders know their services well.", "Plans are clear."]
    assert [s.title for s in seg.sections] == ["Headline findings", "Main findings"]


def test_wrapped_bullets_are_one_list_item_each():
    doc = make_doc([[
        ("What needs to improve?", 14.04, True),
        "◼ The quality of plans for children in care, including their timeliness and",
        "review.",
        "◼ Timeliness of strategy meetings.",
        ("The experiences and progress of children who need help and", 14.04, True),
        ("protection: requires improvement to be good", 14.04, True),
        "1. Children are safe. Most plans are clear.",
        "2. Thresholds are",
        "understood.",
    ]])
    seg = segment(doc)
    titles = [(s.title, s.kind) for s in seg.sections]
    assert titles == [
        ("What needs to improve?", "heading"),
        ("The experiences and progress of children who need help and protection: "
         "requires improvement to be good", "judgement"),
    ]
    items = seg.in_section("What needs to improve?")
    assert [(p.kind, p.text) for p in items if p.kind != "heading"] == [
        ("list_item", "The quality of plans for children in care, including their timeliness and review."),
        ("list_item", "Timeliness of strategy meetings."),
    ]
    numbered = [p for p in seg.passages if p.paragraph]
    assert [(p.paragraph, p.text) for p in numbered] == [
        (1, "Children are safe."), (1, "Most plans are clear."), (2, "Thresholds are understood."),
    ]
    assert doc.text[numbered[0].start:numbered[0].end] == "Children are safe."


def test_footnote_does_not_interrupt_a_sentence_over_a_page_break():
    doc = make_doc([
        ["Most care leavers develop living skills. This support ensures that,",
         ("1 The areas for improvement have been cross-referenced with the", 6.48, False),
         ("national framework.", 9.96, False)],
        ["for most young people, transitions are managed well."],
    ])
    seg = segment(doc)
    assert texts(seg) == [
        "Most care leavers develop living skills.",
        "This support ensures that, for most young people, transitions are managed well.",
        "The areas for improvement have been cross-referenced with the national framework.",
    ]
    assert seg.passages[2].number == "1" and seg.passages[2].paragraph is None


def test_text_bullets_split_over_lines_are_rebuilt():
    raw = (
        "Minutes:\nThe Commissioner met with various stakeholders, including:-\n·\nExecutive\nMembers\n"
        "·\nChief\nExecutive and other members of the\nSenior Leadership Team\n·\nStaff\nfocus groups.\n"
        "The Panel noted the report.\nAGREED that the information provided be noted.\n"
    ).encode()
    doc = read_text(raw, "1" * 64, "minutes.txt")
    seg = segment(doc)
    assert texts(seg, "list_item") == [
        "Executive Members",
        "Chief Executive and other members of the Senior Leadership Team",
        "Staff focus groups.",
    ]
    assert [s.title for s in seg.sections] == ["Minutes:"]
    assert texts(seg, "sentence")[-1] == "AGREED that the information provided be noted."
    assert_valid(doc, seg)


def test_markdown_sentence_broken_by_a_blank_line_is_one_passage():
    raw = (
        "### **Headline findings**\n\nThere are stronger partnerships in the Multi-Agency Children's\n\n"
        "Hub (MACH), which are improving referrals. Workforce instability remains.\n\n"
        "- The front door service.\n- Early help assessments.\n"
    ).encode()
    doc = read_markdown(raw, "2" * 64, "letter.md")
    seg = segment(doc)
    assert texts(seg, "sentence") == [
        "There are stronger partnerships in the Multi-Agency Children's Hub (MACH), which are improving referrals.",
        "Workforce instability remains.",
    ]
    assert texts(seg, "list_item") == ["The front door service.", "Early help assessments."]
    assert seg.sections[0].title == "Headline findings"


def test_minutes_agenda_items_from_item_tags():
    doc = make_doc([[
        "MINUTES of the meeting held at County Hall.",
        "Participation Team update",
        "(Item 4)",
        "1. The manager introduced the report. She highlighted a few key areas:",
        "a. Six apprentices were recruited over the",
        "summer.",
        "b. Feedback was positive.",
        "2. RESOLVED that the Panel note the update.",
    ]])
    seg = segment(doc)
    assert [(s.title, s.kind) for s in seg.sections] == [
        ("", "preamble"), ("Participation Team update (Item 4)", "agenda_item"),
    ]
    items = [(p.number, p.text) for p in seg.passages if p.kind == "list_item"]
    assert items == [("a", "Six apprentices were recruited over the summer."), ("b", "Feedback was positive.")]
    assert one(seg, "RESOLVED").paragraph == 2


@pytest.mark.parametrize("media_type", ["pdf", "text"])
def test_every_span_points_at_its_text(media_type):
    lines = ["Summary", "", "Children are seen. Plans are reviewed on time, and risks", "are understood.", ""]
    doc = make_doc([lines], media_type)
    seg = segment(doc)
    for p in seg.passages:
        assert " ".join(doc.text[p.start:p.end].split()) == p.text

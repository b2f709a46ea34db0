"""Segmentation of the real documents in ../shared/corpus (skipped when it is absent)."""
from __future__ import annotations

import json
import re

import pytest

from extractors.lines import BULLET_RE
from extractors.segment import segment
from tests.extractors.conftest import ILACS_TYPE

WNI = re.compile(r"^what needs to improve[?:]?$", re.I)
WNI_FV = re.compile(r"^what needs to improve in this area of social work practice[?:]?$", re.I)
# "What needs to improve?" headings that the report follows with prose, not bullets
WNI_PROSE = {"ilacs/north-lincolnshire_2022-11-25.pdf"}

ADDRESS = re.compile(r"Piccadilly Gate|Store Street|M1 2WD|Textphone|enquiries@ofsted|www\.gov\.uk/ofsted"
                     r"|Aviation House|Royal Exchange Buildings|Crown copyright", re.I)
RUNNING_HEADER = re.compile(r"local authority children’s services \d{1,2}(?: \w+)?(?: \d{4})? to \d{1,2} \w+ \d{4}")

SAMPLE = [
    "focused_visits/barnet_2021-08-02.pdf",
    "focused_visits/barnet_2025-12-04.pdf",
    "focused_visits/south-gloucestershire_2022-10-20.pdf",
    "focused_visits/stockport_2019-03-11.pdf",
    "ilacs/barnet_2019-07-01.pdf",
    "ilacs/barnet_2024-07-23.pdf",
    "ilacs/bath-and-north-east-somerset_2025-08-05.pdf",
    "ilacs/blackpool_2026-07-28.pdf",
    "ilacs/bedford_2017-04-07.pdf",
    "ilacs/kent_2013-08-23.pdf",
    "ilacs/rochdale_2018-03-12.pdf",
    "minutes/kent_corporate-parenting-panel_2024-10-29.pdf",
    "committee_reports/kent_county-council_2025-03-13_family-hub-contracts-decision-report.pdf",
]


def squash(text: str) -> str:
    return " ".join(text.split())


def passages_with(seg, fragment: str):
    return [p for p in seg.passages if fragment in p.text]


def test_monitoring_letter_sentence_over_a_blank_line_is_one_passage(read_doc, splitter):
    doc = read_doc("monitoring_visits/middlesbrough_2022-08-17_monitoring-visit.md")
    seg = segment(doc, splitter)
    hits = passages_with(seg, "There are stronger and wider partnerships in the Multi-Agency Children's")
    assert len(hits) == 1
    p = hits[0]
    assert p.text.startswith("There are stronger and wider partnerships in the Multi-Agency Children's "
                              "Hub (MACH), which are improving the quality of referrals")
    assert p.kind == "sentence" and seg.sections[p.section].title == "Headline findings"


def test_barnet_sentence_over_the_page_number_is_one_passage(read_doc, splitter):
    doc = read_doc("focused_visits/barnet_2021-08-02.pdf")
    seg = segment(doc, splitter)
    want = ("Life-story work is not routinely evidenced on files for children in long-term foster care, "
            "although consultation on how to undertake this specialist work is available from the "
            "special guardianship team.")
    hits = passages_with(seg, "Life-story work")
    assert [p.text for p in hits] == [want]
    p = hits[0]
    assert (p.page, p.page_end) == (2, 3)
    assert not re.search(r"\b3\b", p.text)
    raw = doc.text[p.start:p.end]
    assert raw.startswith("Life-story") and raw.endswith("team.") and "\f" in raw
    assert seg.sections[p.section].title == "Main findings"


def test_middlesbrough_minutes_bullets_split_over_lines_are_single_items(read_doc, splitter):
    doc = read_doc("minutes/middlesbrough_2021-q1_childrens-scrutiny-panel.txt")
    seg = segment(doc, splitter)
    items = [p.text for p in seg.passages if p.kind == "list_item"]
    assert items[:8] == [
        "Executive Members",
        "Chief Executive, Executive Director of Children’s Services and other members of the Senior "
        "Leadership Team",
        "Independent Chair of Improvement Board and Director of Children’s Services at Redcar and "
        "Cleveland (as some of Middlesbrough’s services, such as Safeguarding, were shared with Redcar)",
        "Senior Leaders from key partners, including CAMHS, Police, Health.",
        "Staff focus groups – front line and middle managers.",
        "Focus groups on relevant key themes.",
        "Engagement through direct communication with front line staff.",
        "Considered performance data and improvement against the plan.",
    ]
    assert not any(p.text in ("·", "Executive", "Members") for p in seg.passages)


def _bullet_lines(text: str) -> int:
    return sum(1 for line in text.split("\n") if BULLET_RE.match(line.strip()) and len(line.strip()) > 2)


def _check_improvement_lists(paths, read_doc, splitter, title_re, required: bool) -> int:
    """Every section titled ``title_re`` lists its bullets as list items, one item per bullet."""
    checked = 0
    problems = []
    for rel in paths:
        doc = read_doc(rel)
        seg = segment(doc, splitter)
        sections = [s for s in seg.sections if title_re.match(s.title)]
        if not sections:
            if required and re.search(r"^What needs to improve\b", doc.text, re.M):
                problems.append((rel, "no section"))
            continue
        for s in sections:
            later = [t.start for t in seg.sections if t.index > s.index]
            region = doc.text[s.end:later[0] if later else len(doc.text)]
            units = {p.unit for p in seg.passages if p.section == s.index and p.kind == "list_item"}
            bullets = _bullet_lines(region)
            if len(units) != bullets or (not units and rel not in WNI_PROSE and required):
                problems.append((rel, s.title, len(units), bullets))
            checked += 1
    assert not problems, problems
    return checked


def test_every_ilacs_report_lists_what_needs_to_improve(manifest, read_doc, splitter):
    paths = [r["path"] for r in manifest if r["doc_type"] == ILACS_TYPE]
    assert len(paths) == 321
    checked = _check_improvement_lists(paths, read_doc, splitter, WNI, required=True)
    assert checked >= 310  # a few reports (all "outstanding") have no such section


def test_focused_visit_letters_list_what_needs_to_improve(manifest, read_doc, splitter):
    paths = [r["path"] for r in manifest if r["kind"] == "focused_visits"]
    checked = _check_improvement_lists(paths, read_doc, splitter, WNI_FV, required=False)
    assert checked >= 250


@pytest.mark.parametrize("rel", SAMPLE)
def test_no_boilerplate_in_passages_and_spans_are_valid(rel, read_doc, splitter):
    doc = read_doc(rel)
    seg = segment(doc, splitter)
    assert seg.passages and seg.sections
    last_page = 0
    for i, p in enumerate(seg.passages):
        assert p.index == i
        assert 0 <= p.start < p.end <= len(doc.text)
        assert doc.page_of(p.start) == p.page and doc.page_of(p.end - 1) == p.page_end
        assert p.page >= last_page, "pages go forward"
        last_page = p.page
        assert not ADDRESS.search(p.text), p.text
        assert not RUNNING_HEADER.search(p.text), p.text
        if p.kind != "heading" and rel.startswith(("ilacs/", "focused_visits/")):  # no page number at either end
            numbers = {str(n) for n in range(p.page, p.page_end + 2)}
            lead = re.match(r"^(\d{1,3})(?:\s|$)", p.text)
            trail = re.search(r"\s(\d{1,3})$", p.text)
            assert not (lead and lead.group(1) in numbers and p.page > 1), p.text
            assert not (trail and trail.group(1) in numbers), p.text
        if p.kind != "heading":
            first = squash(doc.text[p.start:p.end]).split()[0]
            assert p.text.startswith(first) or first.rstrip(".)") == p.number
    for s in seg.sections:
        assert s.parent is None or s.parent < s.index


def test_gold_quotes_are_inside_passages(corpus_dir, read_doc, splitter):
    gold = corpus_dir.parent / "gold"
    files = sorted(gold.glob("*.jsonl")) if gold.is_dir() else []
    if not files:
        pytest.skip("no gold annotations next to the corpus")
    missing = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            seg = segment(read_doc(row["doc"]), splitter)
            quote = squash(row["quote"])
            if not any(quote in squash(p.text) for p in seg.passages):
                missing.append((path.name, row["doc"], quote))
    assert not missing, missing

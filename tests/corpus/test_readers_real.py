"""Every reader on real documents of the shared corpus."""
from __future__ import annotations

import pytest

from corpus.discover import discover
from corpus.errors import ReadError
from corpus.manifest import read_manifest
from corpus.readers import read_path
from tests.corpus.checks import check_document

ILACS = "ilacs/barnet_2024-07-23.pdf"
SIF = "ilacs/barking-and-dagenham_2014-07-07.pdf"
FOCUSED = "focused_visits/barnet_2021-08-02.pdf"
KENT_MINUTES = "minutes/kent_corporate-parenting-panel_2024-10-29.pdf"
TEXTS = [
    "minutes/middlesbrough_2021-q1_childrens-scrutiny-panel.txt",
    "minutes/middlesbrough_2022-06_childrens-scrutiny-panel.txt",
    "minutes/middlesbrough_executive-member-update.txt",
    "committee_reports/medway_2020-12-01_cyp-overview-scrutiny.txt",
]
MARKDOWN = "monitoring_visits/middlesbrough_2022-08-17_monitoring-visit.md"


def _read(corpus, rel):
    path = corpus / rel
    doc = read_path(path, rel)
    check_document(doc, path.read_bytes())
    assert doc.source == rel
    return doc


def _page_text(doc, number):
    page = doc.pages[number - 1]
    return doc.text[page.start:page.end]


@pytest.mark.parametrize("rel", [ILACS, SIF, FOCUSED, KENT_MINUTES])
def test_pdf_page_count_matches_manifest(shared_corpus, rel):
    doc = _read(shared_corpus, rel)
    assert doc.media_type == "pdf"
    assert len(doc.pages) == read_manifest(shared_corpus)[rel].pages
    assert all(b.font_size and b.font_size > 0 for b in doc.blocks)
    assert all(b.kind == "line" for b in doc.blocks)
    # every page has text, and blocks say which page they are on
    assert {b.page for b in doc.blocks} == set(range(1, len(doc.pages) + 1))


def test_ilacs_report(shared_corpus):
    doc = _read(shared_corpus, ILACS)
    assert doc.text.startswith("Inspection of Barnet local authority")
    # the running header opens every page after the first
    for number in range(2, len(doc.pages) + 1):
        assert _page_text(doc, number).startswith("Inspection of Barnet local authority children’s services")
    assert any(b.bold for b in doc.blocks)


def test_sif_report_page_numbers(shared_corpus):
    doc = _read(shared_corpus, SIF)
    assert len(doc.pages) == 34
    for number in range(1, len(doc.pages) + 1):
        assert _page_text(doc, number).startswith(f"{number}\n"), number


def test_focused_visit_letter(shared_corpus):
    doc = _read(shared_corpus, FOCUSED)
    assert len(doc.pages) == 4
    assert doc.text.startswith("2 August 2021\n")
    for number in (2, 3, 4):
        assert _page_text(doc, number).startswith(f"{number}\n")
    bold = [doc.block_text(b) for b in doc.blocks if b.bold]
    assert "Headline findings" in bold and "Main findings" in bold
    assert "What needs to improve in this area of social work practice" in bold
    headline = next(b for b in doc.blocks if doc.block_text(b) == "Headline findings")
    assert headline.page == 1
    # the Ofsted address block is in the page-1 footer, in smaller type
    footer = next(b for b in doc.blocks if doc.block_text(b) == "www.gov.uk/ofsted")
    assert footer.page == 1 and footer.font_size < 12
    assert sum("◼" in doc.block_text(b) for b in doc.blocks) >= 1


def test_kent_minutes(shared_corpus):
    doc = _read(shared_corpus, KENT_MINUTES)
    assert len(doc.pages) == 9
    for number in range(1, len(doc.pages) + 1):
        assert _page_text(doc, number).startswith(f"{number}\n"), number
    assert "CORPORATE PARENTING PANEL" in _page_text(doc, 1)


@pytest.mark.parametrize("rel", TEXTS)
def test_text_files(shared_corpus, rel):
    doc = _read(shared_corpus, rel)
    assert doc.media_type == "text"
    assert len(doc.pages) == 1
    assert all(b.kind == "line" and b.page == 1 for b in doc.blocks)
    assert len(doc.blocks) > 20
    assert "\r" not in doc.text


def test_medway_report_keeps_table_tabs(shared_corpus):
    doc = _read(shared_corpus, TEXTS[3])
    rows = [doc.block_text(b) for b in doc.blocks if "\t" in doc.block_text(b)]
    assert rows, "the flattened table keeps its tab-separated cells"


def test_markdown_letter(shared_corpus):
    doc = _read(shared_corpus, MARKDOWN)
    assert doc.media_type == "markdown"
    headings = [doc.block_text(b) for b in doc.blocks if b.kind == "heading"]
    assert "Headline findings" in headings
    assert all(b.level for b in doc.blocks if b.kind == "heading")
    assert any(b.kind == "list_item" for b in doc.blocks)
    assert "###" not in doc.text and "**" not in doc.text


@pytest.mark.slow
def test_every_manifest_document_reads(shared_corpus):
    found = discover([shared_corpus])
    manifest = read_manifest(shared_corpus)
    failures = []
    for item in found.files:
        try:
            doc = read_path(item.path, item.source)
        except ReadError as exc:
            failures.append((item.source, exc.code))
            continue
        check_document(doc)
        expected_pages = manifest[item.source].pages
        if expected_pages is not None:
            assert len(doc.pages) == expected_pages, item.source
    assert failures == []
    assert len(found.files) == 642

"""The sample documents in corpus/samples read cleanly, with the structure the extractors expect."""
from __future__ import annotations

import importlib.util
import re

import pytest

from corpus.discover import discover
from corpus.readers import read_path
from tests.corpus.checks import check_document

PDF = "rutland_2025-04-17_focused-visit.pdf"
HTML = "torbay_2025-01-14_cyp-scrutiny-panel-minutes.html"
TEXT = "rutland_2025-06-05_cyp-scrutiny-report.txt"


@pytest.fixture(scope="module")
def letter(sample_dir):
    path = sample_dir / PDF
    doc = read_path(path, PDF)
    check_document(doc, path.read_bytes())
    return doc


def _lines(doc, page=None):
    return [doc.block_text(b) for b in doc.blocks if page is None or b.page == page]


def test_samples_are_small_and_all_read(sample_dir):
    found = discover([sample_dir])
    assert len(found.files) == 3
    for item in found.files:
        assert item.path.stat().st_size < 100_000
        doc = read_path(item.path, item.source)
        check_document(doc, item.path.read_bytes())


def test_letter_pages_and_reading_order(letter):
    assert letter.media_type == "pdf" and 3 <= len(letter.pages) <= 4
    lines = _lines(letter)
    order = ["17 April 2025", "Joanne Whitfield", "Rutland County Council", "LE15 6HP", "Dear Mrs Whitfield",
             "Headline findings", "What needs to improve in this area of social work practice", "Main findings",
             "Yours sincerely", "Daniel Ashworth", "His Majesty’s Inspector"]
    positions = [lines.index(line) for line in order]
    assert positions == sorted(positions)
    assert lines[0] == "17 April 2025"
    assert "This letter summarises the findings of the focused visit to Rutland County" in letter.text
    assert "on 12 and 13 March 2025" in letter.text.replace("\n", " ")


def test_letter_headings_are_bold_and_larger(letter):
    headings = [b for b in letter.blocks if b.bold and b.font_size == 14.0]
    texts = [letter.block_text(b) for b in headings]
    assert texts[:2] == ["Focused visit to Rutland County Council children’s", "services"]
    assert {"Headline findings", "Main findings",
            "What needs to improve in this area of social work practice"} <= set(texts)
    body = [b for b in letter.blocks if not b.bold and b.font_size == 12.0]
    assert len(body) > 60


def test_letter_bullets_page_numbers_and_footer(letter):
    bullets = [t for t in _lines(letter) if t.startswith("◼ ")]
    assert len(bullets) == 6
    for page in letter.pages[1:]:
        assert letter.text[page.start:page.end].startswith(f"{page.number}\n")
    footer = [b for b in letter.blocks if b.page == 1 and b.font_size < 10]
    assert [letter.block_text(b) for b in footer][0] == "Ofsted"
    assert "www.gov.uk/ofsted" in [letter.block_text(b) for b in footer]
    assert all(b.page == 1 for b in letter.blocks if letter.block_text(b) == "Piccadilly Gate")


def test_letter_sentence_runs_over_a_page_break(letter):
    """The last body line of page 1 ends mid-sentence and page 2 carries on after its page number."""
    page1_body = [t for t in _lines(letter, 1) if not t.startswith(("Ofsted", "Piccadilly", "Store Street",
                                                                      "Manchester", "M1 2WD", "T 0300",
                                                                      "Textphone", "enquiries@", "www."))]
    assert not page1_body[-1].endswith((".", ":", ";"))
    page2 = _lines(letter, 2)
    assert page2[0] == "2" and page2[1][0].islower()


def test_letter_figures(letter):
    flat = letter.text.replace("\n", " ")
    for figure in ("£640,000", "24%", "93%", "81%", "15 children", "31% in 2023 to 12%", "£1.3 million",
                   "In 9 of the 25 plans"):
        assert figure in flat, figure


def test_minutes_page(sample_dir):
    doc = read_path(sample_dir / HTML)
    kinds = {b.kind for b in doc.blocks}
    assert kinds == {"heading", "paragraph", "list_item"}
    assert "Tuesday, 14th January, 2025" in doc.text
    assert re.search(r"^AGREED that", doc.text, re.M)


def test_committee_report(sample_dir):
    doc = read_path(sample_dir / TEXT)
    lines = [doc.block_text(b) for b in doc.blocks]
    assert "1. RECOMMENDATIONS" in lines and "5. FINANCIAL IMPLICATIONS" in lines
    assert any(line.startswith("1.1 That the Committee") for line in lines)
    table = [line for line in lines if "\t" in line]
    assert table[0] == "Measure\tMarch 2023\tMarch 2024\tMarch 2025"
    assert "Children in need (number)\t141\t132\t164" in table
    assert len(table) == 7 + 4
    assert "£85,000" in doc.text and "£11.4 million" in doc.text


@pytest.mark.skipif(importlib.util.find_spec("fpdf") is None, reason="fpdf2 (dev tool) not installed")
def test_make_samples_reproduces_the_committed_pdf(sample_dir, tmp_path):
    """The committed PDF is what make_samples.py makes (compared as read text, not bytes,
    so another fpdf2 or DejaVu version does not fail the test)."""
    spec = importlib.util.spec_from_file_location("make_samples", sample_dir / "make_samples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not (module.FONT_DIR / "DejaVuSans.ttf").is_file():
        pytest.skip("DejaVu fonts not installed")
    made = read_path(module.build(tmp_path))
    committed = read_path(sample_dir / PDF)
    assert made.text == committed.text
    assert [(b.page, b.bold, b.font_size) for b in made.blocks] == [
        (b.page, b.bold, b.font_size) for b in committed.blocks]

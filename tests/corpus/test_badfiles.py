"""Every bad input gives its ReadError code; the awkward-but-readable ones read."""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from corpus.errors import CATALOGUE, ReadError
from corpus.readers import read_path
from tests.corpus.badfiles import PDF_TEXT, USER_PASSWORD, write_bad_inputs
from tests.corpus.checks import check_document

NAMES = sorted([
    "empty_pdf", "empty_txt", "empty_html", "truncated_pdf", "encrypted_pdf", "random_bytes_pdf",
    "html_saved_as_pdf", "blank_page_pdf", "whitespace_txt", "binary_txt", "undecodable_txt",
    "error_page_html", "nav_only_html", "no_body_html", "docx", "unknown_suffix",
    "cp1252_txt", "owner_password_only_pdf",
])


def test_all_inputs_are_covered(bad_inputs):
    assert sorted(bad_inputs) == NAMES
    for path, code in bad_inputs.values():
        assert path.is_file()
        assert code is None or code in CATALOGUE


@pytest.mark.parametrize("name", NAMES)
def test_bad_input(bad_inputs, name):
    path, code = bad_inputs[name]
    if code is None:
        doc = read_path(path)
        check_document(doc, path.read_bytes())
    else:
        with pytest.raises(ReadError) as info:
            read_path(path)
        assert info.value.code == code, str(info.value)
        assert str(info.value).startswith(CATALOGUE[code])


def test_cp1252_text_reads_through_the_fallback(bad_inputs):
    path, _ = bad_inputs["cp1252_txt"]
    data = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    doc = read_path(path)
    assert "“Staying Close”" in doc.text
    assert "£48,000" in doc.text and "Council’s" in doc.text and "noted – with" in doc.text


def test_encrypted_pdf_is_a_real_encrypted_pdf(bad_inputs):
    """The hand-made encrypted PDF opens with its password, so E004 is not a parse accident."""
    data = bad_inputs["encrypted_pdf"][0].read_bytes()
    assert b"/Encrypt" in data
    pdf = pdfium.PdfDocument(data, password=USER_PASSWORD.decode())
    try:
        text = pdf[0].get_textpage().get_text_range()
    finally:
        pdf.close()
    assert text.replace("’", "'") == PDF_TEXT


def test_owner_password_only_pdf_reads(bad_inputs):
    doc = read_path(bad_inputs["owner_password_only_pdf"][0])
    assert doc.text.replace("’", "'") == PDF_TEXT


def test_truncated_pdf_is_half_a_real_pdf(bad_inputs, sample_dir):
    data = bad_inputs["truncated_pdf"][0].read_bytes()
    whole = (sample_dir / "rutland_2025-04-17_focused-visit.pdf").read_bytes()
    assert whole.startswith(data) and len(data) == len(whole) // 2


def test_error_page_is_refused_as_an_error_page(bad_inputs):
    with pytest.raises(ReadError) as info:
        read_path(bad_inputs["error_page_html"][0])
    assert "error page" in str(info.value)


def test_inputs_are_the_same_every_time(tmp_path):
    first = write_bad_inputs(tmp_path / "a")
    second = write_bad_inputs(tmp_path / "b")
    for name in first:
        assert first[name][0].read_bytes() == second[name][0].read_bytes(), name

"""The HTML minutes reader, on the sample page and on small hand-written pages."""
from __future__ import annotations

import pytest

from corpus.errors import ReadError
from corpus.readers import read_path
from corpus.readers.html import MIN_BODY_WORDS, decode_html, read_html
from tests.corpus.checks import check_document

SAMPLE = "torbay_2025-01-14_cyp-scrutiny-panel-minutes.html"
FILLER = (
    "<p>The Panel was advised that the number of children looked after had fallen over the year "
    "and that the service continued to recruit foster carers and social workers to meet demand.</p>"
)


def page(body: str, title: str = "Minutes - Children and Young People Scrutiny Panel", head: str = "") -> bytes:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
        f"<body>{body}</body></html>"
    ).encode("utf-8")


def read(data: bytes):
    doc = read_html(data, "x" * 64, "page.html")
    check_document(doc)
    return doc


def blocks(doc):
    return [(b.kind, b.level, doc.block_text(b)) for b in doc.blocks]


def texts(doc):
    return [doc.block_text(b) for b in doc.blocks]


# ---------------------------------------------------------------- the sample page


@pytest.fixture(scope="module")
def sample(sample_dir):
    path = sample_dir / SAMPLE
    doc = read_path(path)
    check_document(doc, path.read_bytes())
    return doc


def test_sample_structure(sample):
    assert sample.media_type == "html" and len(sample.pages) == 1
    found = blocks(sample)
    assert found[0] == ("heading", None,
                        "Minutes - Children and Young People Scrutiny Panel - Tuesday, 14th January, 2025 4.00 pm")
    assert ("heading", 1, "Minutes") in found
    assert ("heading", 2, "Children and Young People Scrutiny Panel") in found
    assert ("heading", 2, "Tuesday, 14th January, 2025 4.00 pm") in found  # <br> ends a block
    assert ("heading", 2, "Attendance") in found
    items = [t for k, lvl, t in found if k == "heading" and lvl is None][1:]
    assert items == [
        "31. Apologies for Absence",
        "32. Declarations of Interest",
        "33. Minutes of the meeting held on 12 November 2024",
        "34. Children Looked After – Sufficiency and Placement Update",
        "35. Ofsted Focused Visit – Front Door and Early Help",
        "36. Work Programme 2024/25",
    ]
    assert texts(sample).count("Minutes:") == 6


def test_sample_lists_and_decisions(sample):
    found = blocks(sample)
    list_items = [t for k, _, t in found if k == "list_item"]
    assert len(list_items) == 3 + 4 + 3 + 3  # Word "·" bullets, <ul>, <ol>, <ul>
    assert list_items[0].startswith("the Edge of Care service")  # the typed bullet is dropped
    assert "AGREED that:" in texts(sample)
    assert any(t.startswith("RESOLVED that the minutes") for t in texts(sample))
    assert any("from 702 in March 2023 to 609" in t for t in texts(sample))
    assert any("from 38% to 22%" in t and "£1.2m" in t for t in texts(sample))


def test_sample_drops_boilerplate(sample):
    for junk in ("Skip to main content", "Accept all cookies", "cookies", "Calendar", "Committees",
                 "Privacy notice", "Search this site", "mgPageLoaded", "mgItemNumberCell", "Home >",
                 "© Torbay Council"):
        assert junk not in sample.text, junk


def test_sample_entities_and_table(sample):
    assert "Children’s Services" in sample.text and "£6,850" in sample.text
    assert "&rsquo;" not in sample.text and "&nbsp;" not in sample.text and "\u00a0" not in sample.text
    assert "Document\tType\tSize" in texts(sample)
    assert "CLA sufficiency update\tPDF\t412 KB" in texts(sample)


def test_sample_text_is_blocks_joined_by_newlines(sample):
    assert sample.text == "\n".join(texts(sample))


# ---------------------------------------------------------------- structure


def test_headings_levels_and_paragraphs():
    doc = read(page("".join(f"<h{i}>Heading {i}</h{i}>" for i in range(1, 7)) + FILLER))
    assert blocks(doc)[1:7] == [("heading", i, f"Heading {i}") for i in range(1, 7)]
    assert blocks(doc)[-1][0] == "paragraph"


def test_lists_nested_and_unclosed():
    doc = read(page(FILLER + "<ul><li>first<li>second <ul><li>inner one<li>inner two</ul> tail</li>"
                    "<li><p>in a paragraph</p></ul><p>after"))
    assert blocks(doc)[2:] == [
        ("list_item", None, "first"),
        ("list_item", None, "second"),
        ("list_item", None, "inner one"),
        ("list_item", None, "inner two"),
        ("list_item", None, "tail"),
        ("list_item", None, "in a paragraph"),
        ("paragraph", None, "after"),
    ]


def test_typed_bullets_become_list_items():
    doc = read(page(FILLER + "<p>•\u00a0\u00a0Children were visited regularly.</p>"
                    "<p>- Family time was well considered.</p><p>-5% was the change.</p>"
                    "<p>– Sibling assessments were timely.</p>"))
    assert blocks(doc)[2:] == [
        ("list_item", None, "Children were visited regularly."),
        ("list_item", None, "Family time was well considered."),
        ("paragraph", None, "-5% was the change."),
        ("list_item", None, "Sibling assessments were timely."),
    ]


def test_entities_and_whitespace_are_normalised():
    doc = read(page(FILLER + "<p>Children&rsquo;s&nbsp;services   &amp;\n  &pound;5m &#8211; &#x201C;ok&#x201D;"
                    "&zwnj;</p>"))
    assert texts(doc)[-1] == "Children’s services & £5m – “ok”"


def test_table_rows_with_inline_cells_are_one_block():
    doc = read(page(FILLER + "<table><tr><th>Measure</th><th>2024</th><th>2025</th><th></th></tr>"
                    "<tr><td>Children looked after</td><td>702</td><td>609</td><td> </td></tr>"
                    "<tr><td>Agency rate</td><td>38%</td><td>22%</td></tr></table>"))
    assert texts(doc)[2:] == ["Measure\t2024\t2025", "Children looked after\t702\t609", "Agency rate\t38%\t22%"]


def test_numbered_item_rows():
    doc = read(page(FILLER + "<table class='mgItemTable'>"
                    "<tr><td><p>7.</p></td><td><p>Ofsted Monitoring Visit</p><p>Minutes:</p>"
                    "<p>The Director presented the letter.</p></td></tr>"
                    "<tr><td><p>8</p></td><td><p>The Panel noted the report and thanked officers for "
                    "their work on the plan.</p></td></tr></table>"))
    assert blocks(doc)[2:] == [
        ("heading", None, "7. Ofsted Monitoring Visit"),
        ("paragraph", None, "Minutes:"),
        ("paragraph", None, "The Director presented the letter."),
        ("paragraph", None, "8 The Panel noted the report and thanked officers for their work on the plan."),
    ]


def test_br_and_pre_split_blocks():
    doc = read(page(FILLER + "<p>Present:<br>Councillor A<br/>Councillor B</p><pre>line one\n  line two\n\n</pre>"))
    assert texts(doc)[2:] == ["Present:", "Councillor A", "Councillor B", "line one", "line two"]


def test_title_not_repeated_when_first_block_says_it():
    doc = read(page("<h1>Minutes</h1>" + FILLER, title="Minutes"))
    assert texts(doc)[0] == "Minutes" and texts(doc).count("Minutes") == 1


def test_no_title():
    doc = read(b"<html><body>" + FILLER.encode() + b"</body></html>")
    assert blocks(doc)[0][0] == "paragraph"


# ---------------------------------------------------------------- boilerplate


def test_boilerplate_is_dropped():
    doc = read(page(
        "<a class='skip-link' href='#c'>Skip to content</a>"
        "<header><p>Council logo and strapline</p></header>"
        "<nav><a href='/'>Home</a></nav>"
        "<div id='breadcrumbs'>Home &gt; Meetings</div>"
        "<div class='cookie-banner'><p>We use cookies on this site.</p></div>"
        "<div class='sidebar'><p>Related pages and more links</p></div>"
        "<div hidden><p>hidden text</p></div><p style='display: none'>invisible text</p>"
        "<p aria-hidden='true'>aria hidden text</p><div role='navigation'>role nav</div>"
        "<noscript>enable javascript</noscript><form><select><option>Option text</option></select>"
        "<button>Go</button></form>"
        + FILLER + "<footer><p>Copyright notice</p></footer><script>var x = '<p>not text</p>';</script>",
        head="<style>p { color: red; }</style><script>alert('x')</script>"))
    assert texts(doc)[1:] == [FILLER[3:-4]]


def test_header_inside_article_is_content():
    doc = read(page("<header><p>Site banner</p></header><article><header><h1>Minutes of the Panel</h1></header>"
                    + FILLER + "<footer><p>Signed by the Chair</p></footer></article>"))
    assert "Site banner" not in doc.text
    assert "Minutes of the Panel" in texts(doc) and "Signed by the Chair" in texts(doc)


def test_main_element_is_preferred():
    doc = read(page("<div><p>Other news from the council this week, unrelated to the minutes.</p></div>"
                    "<main>" + FILLER + "</main>"))
    assert "Other news" not in doc.text


def test_main_too_short_falls_back_to_body():
    doc = read(page("<main><p>Minutes</p></main><div>" + FILLER + "</div>", title="Panel"))
    assert "Minutes" in texts(doc) and FILLER[3:-4] in texts(doc)


# ---------------------------------------------------------------- E007: no minutes


@pytest.mark.parametrize("html", [
    pytest.param(page(""), id="empty-body"),
    pytest.param(page("<h1>Minutes</h1>"), id="heading-only"),
    pytest.param(page("<script>" + "var a = 1; " * 200 + "</script>"), id="script-only"),
    pytest.param(page("<nav>" + FILLER * 3 + "</nav><footer>" + FILLER + "</footer>"), id="navigation-only"),
    pytest.param(page("<ul>" + "".join(f"<li><a href='/m{i}'>Meeting of the Panel on {i} March 2025</a></li>"
                                       for i in range(1, 20)) + "</ul>"), id="links-only"),
    pytest.param(page("<h1>Page not found</h1><p>Sorry, the page you asked for could not be found. It may have "
                      "been moved or deleted, or the web address may be wrong. Check the address or go back to "
                      "the home page and search for the committee or meeting you want.</p>",
                      title="Page not found"), id="404-page"),
    pytest.param(page("<h1>Server Error in '/' Application.</h1><h2><i>Runtime Error</i></h2><p>Description: An "
                      "application error occurred on the server. The current custom error settings for this "
                      "application prevent the details of the application error from being viewed remotely "
                      "for security reasons.</p>", title="Runtime Error"), id="aspnet-error"),
    pytest.param(b"<html><body>\n</body></html>", id="no-title-no-body"),
    pytest.param(b"   \n\t  ", id="whitespace"),
])
def test_pages_without_minutes_are_refused(html):
    with pytest.raises(ReadError) as info:
        read_html(html, "x" * 64, "page.html")
    assert info.value.code == "E007_NO_MINUTES"


def test_word_rule_threshold():
    words = " ".join(["word"] * MIN_BODY_WORDS)
    read(page(f"<p>{words}</p>"))
    with pytest.raises(ReadError):
        read_html(page(f"<p>{' '.join(['word'] * (MIN_BODY_WORDS - 1))}</p>"), "x" * 64, "page.html")


def test_long_page_with_error_in_title_is_read():
    doc = read(page(FILLER * 8, title="Minutes - Error correction to the minutes of 12 November"))
    assert len(doc.blocks) == 9


# ---------------------------------------------------------------- bytes and encodings


def test_empty_bytes():
    with pytest.raises(ReadError) as info:
        read_html(b"", "x" * 64, "page.html")
    assert info.value.code == "E001_EMPTY_FILE"


def test_cp1252_declared():
    html = ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>"
            "</head><body>" + FILLER + "<p>The \u201cStaying Close\u201d pilot cost \u00a348,000.</p></body></html>")
    doc = read(html.encode("cp1252"))
    assert texts(doc)[-1] == "The “Staying Close” pilot cost £48,000."


def test_cp1252_undeclared_falls_back():
    html = "<html><body>" + FILLER + "<p>The Council\u2019s budget was \u00a311.4m.</p></body></html>"
    assert read(html.encode("cp1252")).text.endswith("The Council’s budget was £11.4m.")


def test_latin1_label_means_cp1252():
    text, encoding = decode_html(b"<meta charset=ISO-8859-1><p>\x93quoted\x94 \xa35</p>")
    assert encoding == "cp1252" and "“quoted” £5" in text


def test_utf8_wins_over_a_wrong_label():
    html = "<meta charset='windows-1252'><p>Children\u2019s services \u00a35m</p>"
    text, encoding = decode_html(html.encode("utf-8"))
    assert encoding == "utf-8" and "Children’s services £5m" in text


def test_byte_order_marks():
    html = "<html><body>" + FILLER + "<p>Children\u2019s services</p></body></html>"
    assert read(b"\xef\xbb\xbf" + html.encode("utf-8")).text.endswith("Children’s services")
    assert read(html.encode("utf-16")).text.endswith("Children’s services")


def test_binary_and_undecodable():
    with pytest.raises(ReadError) as info:
        read_html(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "x" * 64, "a.html")
    assert info.value.code == "E009_BINARY_TEXT"
    with pytest.raises(ReadError) as info:
        read_html(b"<p>Minutes \x81\x8d\x8f\x90\x9d</p>", "x" * 64, "a.html")
    assert info.value.code == "E006_NOT_UTF8"


def test_document_fields():
    data = page(FILLER)
    doc = read_html(data, "a" * 64, "minutes/page.html")
    assert (doc.id, doc.source, doc.media_type, doc.n_bytes) == ("a" * 64, "minutes/page.html", "html", len(data))
    assert doc.reader_version.startswith("html-")
    assert [(p.number, p.start, p.end) for p in doc.pages] == [(1, 0, len(doc.text))]


# ---------------------------------------------------------------- messy markup


def test_malformed_marked_sections_and_word_conditionals():
    doc = read(page("<![if !supportLists]><p>· Listed item from Word</p><![endif]><![broken " + FILLER))
    assert ("list_item", None, "Listed item from Word") in blocks(doc)
    assert FILLER[3:-4] in texts(doc)


def test_deeply_nested_unclosed_tags():
    doc = read(page("<p>" + "<font>" * 5000 + "deep " * 40 + "<p>next paragraph"))
    assert texts(doc)[1:] == [" ".join(["deep"] * 40), "next paragraph"]


def test_self_closing_and_stray_end_tags():
    doc = read(page("</td></tr></p><div/><span/>" + FILLER + "</li></ul></table><p>end</p>"))
    assert texts(doc)[1:] == [FILLER[3:-4], "end"]


def test_random_markup_never_breaks_the_reader():
    import random

    rng = random.Random(2025)
    pieces = ["<p>", "</p>", "<div>", "<li>", "<ul>", "</ul>", "<table>", "<tr>", "<td>", "</td>", "<h2>",
              "</h2>", "<br>", "<a href=x>", "</a>", "<![", "<!--", "-->", "&amp;", "&#x", "<main>", "</main>",
              "<header>", "<nav>", "</nav>", "<pre>", "\n", "&", "<", ">", "<script>", "</script>", "<title>",
              "</title>", "<svg>", "<![if x]>", "<![endif]>", "<span/>", "<th>", "<article>", "<footer>",
              "\u00a0", "·", "- ", "12.", "\u200b", "\t"] + ["word ", "Minutes ", "the Panel "] * 15
    read_ok = 0
    for _ in range(300):
        html = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 500)))
        try:
            doc = read_html(html.encode(), "x" * 64, "page.html")
        except ReadError as exc:
            assert exc.code == "E007_NO_MINUTES"
            continue
        check_document(doc)
        read_ok += 1
    assert read_ok > 30


def test_word_style_table_with_a_paragraph_in_every_cell():
    doc = read(page(FILLER + "<table class=MsoTableGrid><tr><td><p class=MsoNormal><b>Measure</b></p></td>"
                    "<td><p class=MsoNormal>March&nbsp;2024</p></td></tr>"
                    "<tr><td><p class=MsoNormal>Children looked after</p></td><td><p class=MsoNormal>702</p></td>"
                    "</tr></table>"))
    assert texts(doc)[2:] == ["Measure\tMarch 2024", "Children looked after\t702"]


def test_layout_row_is_read_cell_by_cell():
    doc = read(page(FILLER + "<table><tr><td><p>Left one</p><p>Left two</p></td><td><ul><li>right</li></ul>"
                    "</td></tr></table>"))
    assert blocks(doc)[2:] == [("paragraph", None, "Left one"), ("paragraph", None, "Left two"),
                               ("list_item", None, "right")]

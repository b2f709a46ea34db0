"""Cleaning: mark the lines a reader of the document does not read as text.

Every rule sets ``Line.role = "drop"`` (with ``Line.why``) or ``"footnote"``;
nothing is deleted, so offsets stay those of ``Document.text``. Rules:

- running headers and footers: a line (digits ignored) that recurs in the top
  or bottom lines of many pages ("Inspection of Barnet local authority
  children's services" / "10 to 14 June 2024 2");
- page numbers: a bare number ("3", "Page 3 of 9", "- 3 -") among the first or
  last lines of a page;
- Ofsted address blocks (Piccadilly Gate, Aviation House, Agora ... variants)
  and the back page of Ofsted reports ("The Office for Standards in Education,
  Children's Services and Skills (Ofsted) regulates ...", "© Crown copyright");
- tables of contents (lines ending in page numbers after "Contents");
- footnotes: small-print lines at the foot of a PDF page (kept, but as their
  own passages, out of the flow of the text they interrupt).
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from extractors.lines import Line

ZONE = 4  # lines at the top and at the bottom of a page that may be running headers/footers
PAGE_NUMBER_ZONE = 2

_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
PAGE_NUMBER_RE = re.compile(
    r"^(?:(?:page|p\.)\s*)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$|^[-–—]\s*\d{1,3}\s*[-–—]$", re.I
)

# Lines of Ofsted's address blocks (letters' first page, reports' back page).
_ADDRESS_STRONG = re.compile(
    r"^(?:"
    r"(?:[tfe]:?\s*|direct\s+[tf]:?\s*)?0\d{3}\s?\d{3}\s?\d{3,4}"
    r"|textphone:?\s*0[\d ]+"
    r"|(?:e:\s*|email:?\s*)?enquiries@ofsted\.(?:gov\.uk)?"
    r"|(?:w:\s*)?www\.gov\.uk[/.]ofsted|(?:w:\s*)?www\.ofsted\.gov\.uk"
    r"|(?:manchester\s+)?m1\s*2wd|(?:manchester\s+)?m2\s*7la|(?:london\s+)?wc2b\s*6se"
    r"|(?:nottingham\s+)?ng1\s*6hj|(?:london\s+)?sw1h\s*9ex|(?:bristol\s+)?bs1\s*6eh"
    r"|(?:birmingham\s+)?b4\s*6at|piccadilly gate|aviation house|royal exchange buildings"
    r"|agora|clive house|125 kingsway|6 cumberland place|st ann[’']s square|colmore plaza"
    r"|2 rivergate,?|70 petty france,?"
    r")$",
    re.I,
)
_ADDRESS_WEAK = re.compile(
    r"^(?:ofsted|store st(?:reet)?|manchester|london|nottingham|birmingham|bristol|westminster,?"
    r"|temple quay,?|textphone:?[\d ]*|[\d ]+|gov\.uk|\d*\s*ofsted|ofsted is proud to use recycled paper\.?"
    r"|direct (?:t|f|email).*|t|e|w|©?\s*crown copyright.*|20 colmore circus.*|queensway)$",
    re.I,
)
_BACK_PAGE_RE = re.compile(
    r"^(?:Any complaints about the inspection or the report should be made"
    r"|The Office for Standards in Education, Children[’']s Services and Skills(?:\s*\(Ofsted\)|\s*$)"
    r"|If you would like a copy of this document in a different format"
    r"|The Office for Standards in Education \(Ofsted\) regulates"
    r"|Ofsted (?:regulates|inspects) and (?:inspects|regulates) to achieve excellence)"
)
_COPYRIGHT_RE = re.compile(r"^©\s*Crown copyright", re.I)
_NOT_A_HEADER = re.compile(r"^\(item #[a-z]?\)$")  # agenda item tags of minutes
_CONTENTS_RE = re.compile(r"^(?:table of )?contents$", re.I)
_TOC_ENTRY_RE = re.compile(r"\S\s+\d{1,3}$")
_REFERENCE = re.compile(r"^\d{1,2}$")
_FOOTNOTE_START = re.compile(r"^(\d{1,2})(?:\s*(?=[A-Za-z‘“'\"(])|$)")


def body_size(lines: list[Line]) -> float | None:
    """The font size most of the text is set in (None where the format has no fonts)."""
    sizes: Counter = Counter()
    for line in lines:
        if line.size:
            sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else None


def _drop(line: Line, why: str) -> None:
    line.role = "drop"
    line.why = why


def _by_page(lines: list[Line]) -> dict[int, list[int]]:
    pages: dict[int, list[int]] = defaultdict(list)
    for i, line in enumerate(lines):
        pages[line.page].append(i)
    return pages


def _kept(lines: list[Line], indices: list[int]) -> list[int]:
    return [i for i in indices if lines[i].role != "drop"]


def mark_running_headers(lines: list[Line], pages: dict[int, list[int]]) -> None:
    n_pages = len(pages)
    if n_pages < 2:
        return
    zone_keys: dict[int, tuple[str, str]] = {}
    counts: Counter = Counter()
    for idx in pages.values():
        seen = set()
        for where, zone in (("top", idx[:ZONE]), ("bottom", idx[-ZONE:])):
            for i in zone:
                key = (_SPACES.sub(" ", _DIGITS.sub("#", lines[i].text.lower())), where)
                zone_keys.setdefault(i, key)
                seen.add(key)
        counts.update(seen)
    need = max(2, math.ceil(0.3 * n_pages))
    repeated = {
        k for k, c in counts.items()
        if c >= need
        and (len(k[0]) >= 12 or ("#" in k[0] and any(ch.isalpha() for ch in k[0])))
        and not _NOT_A_HEADER.match(k[0])
    }
    for i, key in zone_keys.items():
        if key in repeated:
            _drop(lines[i], "running header/footer")


def mark_page_numbers(lines: list[Line], pages: dict[int, list[int]], body: float | None) -> None:
    if len(pages) < 2:
        return
    tiny = body - 1.5 if body else 0.0  # a footnote's number, not the page's
    for idx in pages.values():
        kept = _kept(lines, idx)
        top = kept[:PAGE_NUMBER_ZONE]
        for i in top + kept[-PAGE_NUMBER_ZONE:]:
            marker = i not in top and i != kept[-1] and bool(lines[i].size) and lines[i].size <= tiny
            if PAGE_NUMBER_RE.match(lines[i].text) and not marker:
                _drop(lines[i], "page number")


def mark_address_blocks(lines: list[Line]) -> None:
    n = len(lines)
    i = 0
    while i < n:
        if not (_ADDRESS_STRONG.match(lines[i].text) or _ADDRESS_WEAK.match(lines[i].text)):
            i += 1
            continue
        j = i
        strong = 0
        while j < n and (lines[j].role == "drop" or _ADDRESS_STRONG.match(lines[j].text)
                         or _ADDRESS_WEAK.match(lines[j].text)):
            if _ADDRESS_STRONG.match(lines[j].text):
                strong += 1
            j += 1
        if strong >= 2 or (strong >= 1 and j - i >= 3):
            for k in range(i, j):
                if lines[k].role != "drop":
                    _drop(lines[k], "address")
        i = j


def mark_back_page(lines: list[Line], n_pages: int) -> None:
    """Ofsted's closing page of boilerplate (what Ofsted is, licence, address)."""
    for i, line in enumerate(lines):
        if line.page >= n_pages - 1 and _BACK_PAGE_RE.match(line.text):
            for later in lines[i:]:
                if later.role != "drop":
                    _drop(later, "back page")
            return


def mark_front_matter(lines: list[Line], pages: dict[int, list[int]]) -> None:
    """A page of copyright notice near the front ("© Crown copyright 2013" / "Website: ...")."""
    for number in sorted(pages)[:3]:
        kept = _kept(lines, pages[number])
        if kept and _COPYRIGHT_RE.match(lines[kept[0]].text):
            for i in kept:
                _drop(lines[i], "copyright page")


def mark_contents(lines: list[Line], pages: dict[int, list[int]]) -> None:
    for i, line in enumerate(lines):
        if line.page > 6 or not _CONTENTS_RE.match(line.text):
            continue
        rest = [k for k in pages[line.page] if k > i and lines[k].role != "drop"]
        if rest and sum(bool(_TOC_ENTRY_RE.search(lines[k].text)) for k in rest) >= 0.5 * len(rest):
            _drop(line, "contents")
            for k in rest:
                _drop(lines[k], "contents")


def mark_footnotes(lines: list[Line], pages: dict[int, list[int]], body: float | None) -> None:
    """Small print below the text of a page: footnotes."""
    if not body:
        return
    for idx in pages.values():
        kept = _kept(lines, idx)
        if not any(lines[i].size and lines[i].size >= body - 0.5 for i in kept):
            continue
        foot: list[int] = []
        for i in reversed(kept):
            line = lines[i]
            if line.size and line.size < body - 0.9 and len(foot) < 12:
                foot.append(i)
            else:
                break
        foot.reverse()
        # a footnote block starts with its number, set smaller than the body text
        while foot and not (_FOOTNOTE_START.match(lines[foot[0]].text)
                            and (lines[foot[0]].size or body) <= body - 1.5):
            foot.pop(0)
        for i in foot:
            lines[i].role = "footnote"
            m = _FOOTNOTE_START.match(lines[i].text)
            if m:
                lines[i].marker = m.group(1)
                lines[i].item = "footnote"
                lines[i].skip = m.end()


def mark_references(lines: list[Line], body: float | None) -> None:
    """A footnote reference set as a superscript line of its own ("What needs to improve?" / "1")."""
    if not body:
        return
    for line in lines:
        if line.role == "body" and line.size and line.size <= body - 1.5 and _REFERENCE.match(line.text):
            _drop(line, "footnote reference")


def clean(lines: list[Line], n_pages: int) -> float | None:
    """Mark boilerplate lines in place; returns the body font size."""
    pages = _by_page(lines)
    mark_address_blocks(lines)
    mark_back_page(lines, n_pages)
    mark_running_headers(lines, pages)
    body = body_size([ln for ln in lines if ln.role != "drop"])
    mark_page_numbers(lines, pages, body)
    mark_contents(lines, pages)
    mark_front_matter(lines, pages)
    mark_footnotes(lines, pages, body)
    mark_references(lines, body)
    return body

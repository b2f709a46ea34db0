"""HTML reader for council committee minutes pages (modern.gov style).

Standard library only (:mod:`html.parser`). The page is parsed into a small,
forgiving element tree, boilerplate is dropped, and the rest becomes one
:class:`~corpus.document.Block` per paragraph, heading, list item or table row,
joined by ``"\\n"`` into ``Document.text`` (a single page 1).

Blocks
    * ``<h1>``..``<h6>``: ``kind="heading"`` with ``level`` 1..6.
    * ``<li>`` (and ``<dd>``), and paragraphs that start with a typed bullet
      glyph (``•``, ``·``, ``▪``, ``◼``, ``-``, ``–`` ... as Word pastes them into
      modern.gov): ``kind="list_item"``; a typed glyph is dropped from the text.
    * a table row whose cells each hold at most one block of text (a data
      table, also as Word writes it with a ``<p>`` in every cell): one
      ``paragraph`` block, cells joined by a tab (the shape of a flattened
      table in the text files). Other rows (modern.gov's ``mgItemTable``
      layout of agenda items) are read cell by cell. When a row is a first
      cell holding only an item number ("4.", "12", "5(a)") and one other cell
      with text, the number is put in front of that cell's first block, so the
      item reads "4. Children Looked After - Sufficiency Update"; that block
      is a ``heading`` (``level=None``) when it is short (at most 20 words)
      and does not end in punctuation, as agenda item titles are.
    * the page ``<title>`` (which on modern.gov names the committee and the
      meeting date) is the first block, a ``heading`` with ``level=None``,
      unless the page's first block already says the same.
    * everything else with text: ``paragraph``. ``<br>`` ends a block.

Boilerplate dropped
    ``<script>``, ``<style>``, ``<noscript>``, ``<template>``, ``<svg>``, form
    controls, ``<nav>``, elements that are hidden (``hidden``,
    ``aria-hidden="true"``, ``display:none``), elements with role
    navigation/banner/contentinfo/search, and elements whose class or id names
    breadcrumbs, cookie banners, skip links or
    screen-reader-only text (``sr-only``, ``visually-hidden``). ``<header>``, ``<footer>``,
    ``<aside>`` and elements whose class or id token is exactly
    nav/menu/header/footer/sidebar/masthead/banner are dropped only outside
    ``<main>``/``<article>`` (inside them they are the content's own header).
    When the page has a ``<main>`` (or ``role="main"``) element with enough
    text, only that is read.

Encoding
    A byte-order mark wins; then UTF-8 if the bytes decode as UTF-8 (valid
    non-ASCII UTF-8 is almost never meant as anything else); then the charset
    the page declares (``<meta charset>`` or ``http-equiv`` Content-Type, with
    latin-1/ascii read as cp1252 as browsers do); then cp1252. NUL bytes or
    many control characters mean binary data (``E009_BINARY_TEXT``); bytes no
    candidate decodes give ``E006_NOT_UTF8``. Entities are decoded.

No minutes (``E007_NO_MINUTES``)
    A page is refused when, after boilerplate removal, its body holds fewer
    than :data:`MIN_BODY_WORDS` words outside links (link text is navigation,
    not minutes; the ``<title>`` does not count), or when its title or first
    heading reads like an error page ("Page not found", "404", "Access
    denied", "Runtime Error" ...) and the body holds fewer than
    :data:`MAX_ERROR_PAGE_WORDS` words.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from corpus.document import Block, Document, Page
from corpus.errors import ReadError

VERSION = "html-1"

MIN_BODY_WORDS = 30
MAX_ERROR_PAGE_WORDS = 200
_MAX_TITLE_WORDS = 20
_MAX_DEPTH = 200

_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr keygen basefont frame".split()
)
_SKIP = frozenset(
    "script style noscript template svg math canvas iframe object embed select option optgroup "
    "button textarea input datalist nav head map audio video picture".split()
)
_BLOCK = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu "
    "nav ol p pre section summary table tbody thead tfoot tr td th caption ul".split()
)
_CLOSES_P = frozenset(
    "address article aside blockquote center details dialog dir div dl fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p pre section summary "
    "table ul dd dt".split()
)
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_SITE_ONLY = frozenset("header footer aside".split())
_SITE_TOKENS = frozenset(
    "nav navbar navigation menu mainmenu header footer sidebar masthead banner site-header "
    "site-footer page-header page-footer".split()
)
_ALWAYS_BOILERPLATE = re.compile(r"breadcrumb|cookie|skip-?link|skip-?to|skipnav|visually-?hidden|sr-only", re.I)
_BOILER_ROLES = frozenset("navigation banner contentinfo search".split())
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

_WS = re.compile(r"[ \t\n\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = str.maketrans({"\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None, "\u00ad": None})
_BULLET = re.compile(r"^(?:[•·▪▫■□◼◻●○◦‣∙⁃§Ø➢➤►▶✓✔]|-|–|—)\s+(?=\S)")
_ITEM_NUMBER = re.compile(r"^(?:item\s+)?\(?\d{1,3}[a-z]?(?:\.\d{1,2})?\)?[.):]?(?:\s*\(?[a-z]\))?$", re.I)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_ERROR_PAGE = re.compile(
    r"\b(?:page not found|not found|404|403|410|500|502|503|error|access denied|forbidden|"
    r"unavailable|cannot be found|could not be found|no longer available|session (?:has )?expired)\b",
    re.I,
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


# --------------------------------------------------------------------------- decoding


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode an HTML page's bytes. Returns (text, encoding used)."""
    if not data:
        raise ReadError("E001_EMPTY_FILE")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise ReadError("E006_NOT_UTF8", f"{encoding} byte-order mark but {exc}") from exc
    declared = _declared_charset(data[:4096])
    if declared and declared.startswith(("utf-16", "utf-32")):
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:4096]:
        raise ReadError("E009_BINARY_TEXT", "NUL bytes in the first 4 KiB")
    candidates = ["utf-8"]
    if declared and declared not in candidates:
        candidates.append(declared)
    if "cp1252" not in candidates:
        candidates.append("cp1252")
    errors = []
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            errors.append(f"{encoding}: {exc}")
            continue
        controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
        if controls > max(3, len(text) // 1000):
            raise ReadError("E009_BINARY_TEXT", f"{controls} control characters")
        return text, encoding
    raise ReadError("E006_NOT_UTF8", "; ".join(errors))


def _declared_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii", "ignore")).name
    except LookupError:
        return None
    # As browsers do (WHATWG Encoding): latin-1 and ascii labels mean windows-1252.
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    if name == "utf-8-sig":
        return "utf-8"
    return name


# --------------------------------------------------------------------------- tree


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list = field(default_factory=list)  # _Node | str
    parent: "_Node | None" = None


class _TreeBuilder(HTMLParser):
    """A forgiving tree builder: void elements, implied end tags, stray end tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root")
        self.stack: list[_Node] = [self.root]
        self.title_parts: list[str] = []
        self._title_done = False

    # helpers
    def _index_of(self, tag: str, stop: frozenset[str] = frozenset()) -> int | None:
        for i in range(len(self.stack) - 1, 0, -1):
            current = self.stack[i].tag
            if current == tag:
                return i
            if current in stop:
                return None
        return None

    def _pop_to(self, index: int) -> None:
        del self.stack[index:]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _CLOSES_P:
            i = self._index_of("p", frozenset({"td", "th", "li", "table", "div", "blockquote", "button"}))
            if i is not None:
                self._pop_to(i)
        if tag == "li":
            i = self._index_of("li", frozenset({"ul", "ol", "menu", "table"}))
            if i is not None:
                self._pop_to(i)
        elif tag in ("dt", "dd"):
            for other in ("dt", "dd"):
                i = self._index_of(other, frozenset({"dl", "table"}))
                if i is not None:
                    self._pop_to(i)
        elif tag in ("td", "th"):
            for other in ("td", "th"):
                i = self._index_of(other, frozenset({"tr", "table"}))
                if i is not None:
                    self._pop_to(i)
        elif tag == "tr":
            i = self._index_of("tr", frozenset({"table"}))
            if i is not None:
                self._pop_to(i)
        elif tag in ("thead", "tbody", "tfoot"):
            for other in ("thead", "tbody", "tfoot"):
                i = self._index_of(other, frozenset({"table"}))
                if i is not None:
                    self._pop_to(i)
        elif tag in _HEADINGS:
            top = self.stack[-1].tag
            if top in _HEADINGS:
                self.stack.pop()
        node = _Node(tag, {k.lower(): (v or "") for k, v in attrs}, [], self.stack[-1])
        self.stack[-1].children.append(node)
        # Unclosed inline tags (<font>, <span> in Word HTML) nest without end; past
        # _MAX_DEPTH an element is kept empty and its text goes to the element above.
        if tag not in _VOID and len(self.stack) < _MAX_DEPTH:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        depth = len(self.stack)
        self.handle_starttag(tag, attrs)
        if len(self.stack) > depth:  # "<div/>" opens and closes at once
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if tag == "title" and self.title_parts:
            self._title_done = True
        stop = frozenset({"table"}) if tag in ("td", "th", "tr", "thead", "tbody", "tfoot") else frozenset()
        i = self._index_of(tag, stop)
        if i is not None:
            self._pop_to(i)

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        # A malformed "<![..." (Word's "<![if !supportLists]>" is fine; "<![" followed by
        # anything else is not) makes html.parser assert; skip it up to the next ">".
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            j = self.rawdata.find(">", i + 3)
            return -1 if j < 0 else j + 1

    def handle_data(self, data: str) -> None:
        top = self.stack[-1]
        if top.tag == "title" and not self._title_done and not any(n.tag == "svg" for n in self.stack):
            self.title_parts.append(data)
        self.stack[-1].children.append(data)


# --------------------------------------------------------------------------- blocks


class _Collector:
    """Walks the tree and collects (kind, level, text) blocks."""

    def __init__(self) -> None:
        self.blocks: list[tuple[str, int | None, str]] = []
        self.parts: list[str] = []
        self.has_text = False
        self.kind = "paragraph"
        self.level: int | None = None
        self.pre = False
        self.body_words = 0

    def add_text(self, text: str, kind: str, level: int | None, pre: bool, in_link: bool) -> None:
        if not text:
            return
        if not self.has_text:
            self.kind, self.level, self.pre = kind, level, pre
            self.has_text = not text.isspace()
        self.parts.append(text)
        if not in_link:
            self.body_words += len(_WORD.findall(text))

    def flush(self) -> None:
        raw = "".join(self.parts).translate(_INVISIBLE)
        self.parts = []
        self.has_text = False
        lines = raw.split("\n") if self.pre else [raw]
        for line in lines:
            text = _WS.sub(" ", line).strip()
            if not text:
                continue
            kind = self.kind
            if kind == "paragraph":
                bullet = _BULLET.match(text)
                if bullet:
                    kind = "list_item"
                    text = text[bullet.end():].strip()
            self.blocks.append((kind, self.level if kind == "heading" else None, text))


def _classes(node: _Node) -> list[str]:
    return (node.attrs.get("class", "") + " " + node.attrs.get("id", "")).split()


def _is_boilerplate(node: _Node, in_content: bool) -> bool:
    tag, attrs = node.tag, node.attrs
    if tag in _SKIP:
        return True
    if "hidden" in attrs or attrs.get("aria-hidden", "").lower() == "true":
        return True
    if _HIDDEN_STYLE.search(attrs.get("style", "")):
        return True
    if attrs.get("role", "").lower() in _BOILER_ROLES:
        return True
    tokens = _classes(node)
    if any(_ALWAYS_BOILERPLATE.search(token) for token in tokens):
        return True
    if not in_content:
        if tag in _SITE_ONLY:
            return True
        if any(token.lower() in _SITE_TOKENS for token in tokens):
            return True
    return False


def _is_content_root(node: _Node) -> bool:
    return node.tag in ("main", "article") or node.attrs.get("role", "").lower() == "main"


class _Walker:
    def __init__(self) -> None:
        self.out = _Collector()

    def visit(self, node: _Node, kind: str = "paragraph", level: int | None = None,
              in_content: bool = False, pre: bool = False, in_link: bool = False) -> None:
        for child in node.children:
            if isinstance(child, str):
                self.out.add_text(child, kind, level, pre, in_link)
                continue
            tag = child.tag
            if tag == "title" or _is_boilerplate(child, in_content):
                continue
            if tag == "br":
                self.out.flush()
                continue
            child_content = in_content or _is_content_root(child)
            if tag == "tr":
                self.visit_row(child, kind, level, child_content)
                continue
            child_kind, child_level = kind, level
            if tag in _HEADINGS:
                child_kind, child_level = "heading", _HEADINGS[tag]
            elif tag in ("li", "dd") and kind != "heading":
                child_kind, child_level = "list_item", None
            elif tag in ("td", "th", "table", "blockquote") and kind != "heading":
                child_kind, child_level = "paragraph", None
            child_pre = pre or tag in ("pre", "textarea")
            if tag in _BLOCK:
                self.out.flush()
                self.visit(child, child_kind, child_level, child_content, child_pre, in_link)
                self.out.flush()
            else:
                self.visit(child, child_kind, child_level, child_content, child_pre, in_link or tag == "a")

    def visit_row(self, row: _Node, kind: str, level: int | None, in_content: bool) -> None:
        """A table row: one tab-joined block when every cell holds at most one block
        (a data table, also as Word writes it with a <p> in each cell); else cell by
        cell (a layout table), a first cell holding only an item number put in front."""
        self.out.flush()
        cell_kind = "heading" if kind == "heading" else "paragraph"
        cell_level = level if kind == "heading" else None
        cells: list[list[tuple[str, int | None, str]]] = []
        for cell in row.children:
            if not isinstance(cell, _Node) or cell.tag not in ("td", "th") or _is_boilerplate(cell, in_content):
                continue
            sub = _Walker()
            sub.visit(cell, cell_kind, cell_level, in_content)
            sub.out.flush()
            self.out.body_words += sub.out.body_words
            cells.append(sub.out.blocks)
        if not any(cells):
            return
        first, rest = cells[0], [c for c in cells[1:] if c]
        if (len(first) == 1 and _ITEM_NUMBER.match(first[0][2]) and len(rest) == 1
                and (len(rest[0]) > 1 or len(rest[0][0][2].split()) > 1)):
            head_kind, head_level, head_text = rest[0][0]
            head_text = f"{first[0][2]} {head_text}"
            if head_kind == "paragraph" and len(head_text.split()) <= _MAX_TITLE_WORDS and head_text[-1] not in ".;:,":
                head_kind = "heading"  # an agenda item's number and title
            self.out.blocks.append((head_kind, head_level, head_text))
            self.out.blocks.extend(rest[0][1:])
        elif all(len(c) <= 1 for c in cells):
            texts = [c[0][2] if c else "" for c in cells]
            while not texts[-1]:
                texts.pop()
            while not texts[0]:
                texts.pop(0)
            self.out.blocks.append((cell_kind, cell_level, "\t".join(texts)))
        else:
            for blocks in cells:
                self.out.blocks.extend(blocks)


def _find_main(node: _Node) -> _Node | None:
    for child in node.children:
        if isinstance(child, _Node):
            if child.tag in _SKIP:
                continue
            if child.tag == "main" or child.attrs.get("role", "").lower() == "main":
                return child
            found = _find_main(child)
            if found is not None:
                return found
    return None


def _extract(text: str) -> tuple[str, list[tuple[str, int | None, str]], int]:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    title = _WS.sub(" ", "".join(builder.title_parts).translate(_INVISIBLE)).strip()

    main = _find_main(builder.root)
    walker = _Walker()
    if main is not None:
        walker.visit(main, in_content=True)
        walker.out.flush()
    if main is None or walker.out.body_words < MIN_BODY_WORDS:
        walker = _Walker()
        walker.visit(builder.root)
        walker.out.flush()
    return title, walker.out.blocks, walker.out.body_words


def read_html(data: bytes, doc_id: str, source: str) -> Document:
    """Read an HTML minutes page into a one-page Document (see the module docstring)."""
    decoded, _ = decode_html(data)
    title, found, body_words = _extract(decoded)

    first_heading = next((t for k, _, t in found if k == "heading"), "")
    if body_words < MIN_BODY_WORDS:
        raise ReadError("E007_NO_MINUTES", f"{body_words} words of body text outside links (fewer than {MIN_BODY_WORDS})")
    if body_words < MAX_ERROR_PAGE_WORDS and (_ERROR_PAGE.search(title) or _ERROR_PAGE.search(first_heading)):
        raise ReadError("E007_NO_MINUTES", f"an error page: {(title or first_heading)[:80]!r}")

    if title and not (found and found[0][2].casefold() == title.casefold()):
        found.insert(0, ("heading", None, title))

    pieces: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for kind, level, block_text in found:
        if pieces:
            pieces.append("\n")
            offset += 1
        blocks.append(Block(1, offset, offset + len(block_text), kind, level=level))
        pieces.append(block_text)
        offset += len(block_text)
    out = "".join(pieces)
    return Document(doc_id, source, "html", out, (Page(1, 0, len(out)),), tuple(blocks), len(data),
                    reader_version=VERSION)

"""Lines: a Document's blocks as typed lines, and joining lines back into text.

``make_lines`` turns the reader's blocks into :class:`Line` records: one per
line (one per table cell where a text line holds tab-separated cells), with the
character fixes applied one-for-one so that ``line.text[i]`` is the character
at ``line.start + i`` of ``Document.text``. Cleaning, structure and sections
then only set ``Line.role`` and friends; nothing else rewrites text.

``TextBuilder`` joins the pieces of a paragraph or list item into the text a
person reads (line breaks to spaces, hyphenated line ends rejoined) while
keeping a map from every cleaned character back to its offset in
``Document.text``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from corpus.document import Document

# One-for-one character fixes (offsets must not move). Private-use bullets of
# Word's Symbol/Wingdings fonts stay as they are: ``BULLET_RE`` knows them.
CHAR_FIXES = str.maketrans(
    {
        "\ufffe": "-",  # pdfium's marker for a hyphen it joined at a line end
        "\u00ad": "-",  # soft hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200b": " ",  # zero-width space (kept one-for-one as a space)
        "\x02": "-",
        "\t": " ",
    }
)

# A bullet glyph at the start of a line, then the item's text (or nothing).
_BULLET_GLYPHS = "◼■▪●•·◦‣∙⁃➢➤►▶✓✔\uf06e\uf02d\uf0a7\uf0b7\uf0be\uf0a8\uf076\uf0d8\uf0fc\uf0e8\uf071"
BULLET_RE = re.compile(rf"^(?:[{_BULLET_GLYPHS}]|[-–*](?=\s)|o(?=\s{{2,}}|\s[A-Z]))\s*")

_TERMINAL = ".!?;:"
_CLOSERS = "\"'”’)]"


@dataclass(slots=True)
class Line:
    """One line of the document (or one cell of a tab-separated text row)."""

    text: str  # stripped, char-fixed; text[i] is Document.text[start + i]
    start: int
    end: int
    page: int
    size: float | None = None
    bold: bool | None = None
    hint: str = "line"  # the reader's block kind
    level: int | None = None  # the reader's heading level (Markdown, HTML)
    gap: bool = False  # a blank line separates it from the line before
    cell: bool = False  # a cell of a tab-separated row
    role: str = "body"  # body | drop | footnote | heading (set by later stages)
    why: str = ""  # why it was dropped, or which heading rule fired
    section_kind: str = ""  # for headings: heading | judgement | agenda_item
    marker: str = ""  # a list/paragraph marker stripped from the text ("12", "a", "◼")
    item: str = ""  # "" | "bullet" | "number" | "letter" (starts a list item/numbered paragraph)
    skip: int = 0  # characters of ``text`` before the content (the marker)

    @property
    def content(self) -> str:
        return self.text[self.skip :]

    @property
    def content_start(self) -> int:
        return self.start + self.skip


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with terminal punctuation (quotes/brackets allowed after)."""
    t = text.rstrip(_CLOSERS + " ")
    if t.endswith(":-"):  # "the following issues were raised:-"
        return True
    return bool(t) and t[-1] in _TERMINAL


def make_lines(doc: Document) -> list[Line]:
    """The document's non-empty blocks as lines, with blank-line gaps and table cells."""
    text = doc.text
    lines: list[Line] = []
    prev_end = 0
    for block in doc.blocks:
        raw = text[block.start : block.end]
        fixed = raw.translate(CHAR_FIXES)
        between = text[prev_end : block.start]
        gap = bool(lines) and between.count("\n") >= 2 and "\f" not in between
        prev_end = block.end
        if "\t" in raw:  # a table row of a text file: one line per cell
            for m in re.finditer(r"[^\t]+", raw):
                cell = m.group(0)
                stripped = cell.strip()
                if not stripped:
                    continue
                lead = len(cell) - len(cell.lstrip())
                s = block.start + m.start() + lead
                lines.append(
                    Line(stripped.translate(CHAR_FIXES), s, s + len(stripped), block.page,
                         block.font_size, block.bold, block.kind, block.level, gap, True)
                )
                gap = False
            continue
        stripped = fixed.strip()
        if not stripped:
            continue
        lead = len(fixed) - len(fixed.lstrip())
        s = block.start + lead
        lines.append(
            Line(stripped, s, s + len(stripped), block.page, block.font_size, block.bold,
                 block.kind, block.level, gap)
        )
    return lines


_WORD_RE = re.compile(r"[A-Za-z]+")


class Vocabulary:
    """Lower-cased words of a document, to decide how a hyphenated line end rejoins."""

    def __init__(self, text: str) -> None:
        self.words = frozenset(w.lower() for w in _WORD_RE.findall(text))

    def keep_hyphen(self, left: str, right: str) -> bool:
        """``left-`` at a line end, ``right`` on the next line: keep the hyphen?

        Ofsted and council documents are set ragged-right, so almost every
        line-end hyphen belongs to a compound ("child-" / "centred"); a word is
        split only where the document itself has the unbroken word elsewhere.
        """
        lw = _WORD_RE.search(left[::-1])
        rw = _WORD_RE.match(right)
        if not lw or not rw:
            return True
        lpart = lw.group(0)[::-1]
        if lw.start() != 0 or not lpart[-1:].islower() or not rw.group(0)[:1].islower():
            return True
        return (lpart + rw.group(0)).lower() not in self.words


class TextBuilder:
    """Join line pieces into cleaned text, mapping cleaned offsets to raw ones."""

    __slots__ = ("parts", "length", "seg_clean", "seg_raw", "vocab")

    def __init__(self, vocab: Vocabulary | None = None) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.seg_clean: list[int] = []  # cleaned offset where a piece starts
        self.seg_raw: list[int] = []  # its raw offset
        self.vocab = vocab

    def add(self, piece: str, raw_start: int) -> None:
        """Append ``piece`` (raw text starting at ``raw_start``), joining it to what is there."""
        if not piece:
            return
        if self.parts:
            last = self.parts[-1]
            if last.endswith("-") and not last.endswith(" -") and len(last) > 1 and last[-2].isalnum():
                if self.vocab is not None and not self.vocab.keep_hyphen(last[:-1], piece):
                    self.parts[-1] = last[:-1]
                    self.length -= 1
            else:
                self.parts.append(" ")
                self.length += 1
        self.seg_clean.append(self.length)
        self.seg_raw.append(raw_start)
        self.parts.append(piece)
        self.length += len(piece)

    def text(self) -> str:
        return "".join(self.parts)

    def raw(self, offset: int) -> int:
        """Raw offset of cleaned character ``offset`` (a joining space maps to the char before)."""
        i = bisect_right(self.seg_clean, offset) - 1
        if i < 0:
            return self.seg_raw[0] if self.seg_raw else 0
        return self.seg_raw[i] + (offset - self.seg_clean[i])

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``[start, end)`` for the cleaned span ``[start, end)`` (end exclusive, non-empty)."""
        return self.raw(start), self.raw(end - 1) + 1

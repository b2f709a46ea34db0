"""Finding an annotation's quote in a document.

Quotes are written as a person reads the text (../shared/gold/README.md):
line breaks, page breaks, page numbers and hyphenation that interrupt the text
are not part of them. So a quote is looked for in the passages' cleaned text
(joined in reading order, so a quote may run from one passage into the next
and across a page break), comparing case-insensitively with whitespace
collapsed and typographic quotes and dashes made plain; failing that, with
whitespace and hyphens ignored altogether; failing that, in the raw document
text the same way (a stretch that cleaning left out of every passage).

``locate(quote, doc, seg)`` returns one :class:`QuoteHit` per passage a match
touches: the passage (None for a raw-text match outside every passage) and the
span ``[start, end)`` of the match in ``Document.text``.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from corpus.document import Document
from extractors.figures.spans import PassageMap
from extractors.records import Passage
from extractors.segment import Segmentation

_PLAIN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u2010": "-", "\u2011": "-",
                        "\u00ad": "-", "\u00a0": " ", "\ufffe": "-", "\u202f": " ", "\u2009": " "})


class QuoteHit(NamedTuple):
    passage: Passage | None
    start: int  # span in Document.text
    end: int


def _plain(text: str) -> str:
    return text.translate(_PLAIN).lower()


class QuoteIndex:
    """The passages of one document, ready for many quotes."""

    def __init__(self, doc: Document, seg: Segmentation) -> None:
        self.doc = doc
        self.passages = list(seg.passages)
        self._maps: dict[int, PassageMap] = {}
        chars: list[str] = []
        owner: list[tuple[int, int]] = []  # (passage position, offset in its text)
        for k, p in enumerate(self.passages):
            if chars:
                chars.append(" ")
                owner.append((-1, -1))
            for i, ch in enumerate(_plain(p.text)):
                chars.append(ch)
                owner.append((k, i))
        self._collapsed, self._c_owner = _squeeze("".join(chars), owner, loose=False)
        self._loose, self._l_owner = _squeeze("".join(chars), owner, loose=True)
        raw = _plain(doc.text)
        raw_owner = [(-2, i) for i in range(len(raw))]
        self._raw_loose, self._r_owner = _squeeze(raw, raw_owner, loose=True)

    def locate(self, quote: str) -> list[QuoteHit]:
        q = _plain(quote)
        strict = re.sub(r"\s+", " ", q).strip()
        loose = re.sub(r"[\s\-]+", "", q)
        if not loose:
            return []
        for text, owner, needle in ((self._collapsed, self._c_owner, strict), (self._loose, self._l_owner, loose)):
            hits = [h for pos in _find_all(text, needle) for h in self._hits(owner[pos:pos + len(needle)])]
            if hits:
                return hits
        out = []
        for pos in _find_all(self._raw_loose, loose):
            own = self._r_owner[pos:pos + len(loose)]
            s, e = own[0][1], own[-1][1] + 1
            out.append(QuoteHit(self._passage_at(s), s, e))
        return out

    def _hits(self, owner: list[tuple[int, int]]) -> list[QuoteHit]:
        pieces: dict[int, list[int]] = {}
        for k, i in owner:
            if k >= 0:
                pieces.setdefault(k, []).append(i)
        out = []
        for k, offs in pieces.items():
            p = self.passages[k]
            if k not in self._maps:
                self._maps[k] = PassageMap.of(self.doc.text, p)
            s, e = self._maps[k].raw_span(min(offs), max(offs) + 1)
            out.append(QuoteHit(p, s, e))
        return out

    def _passage_at(self, offset: int) -> Passage | None:
        for p in self.passages:
            if p.start <= offset < p.end:
                return p
        return None


def _squeeze(text: str, owner: list[tuple[int, int]], loose: bool) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with whitespace collapsed to one space (or, ``loose``, with
    whitespace and hyphens dropped), and the owner of each kept character."""
    out: list[str] = []
    own: list[tuple[int, int]] = []
    space = False
    for ch, o in zip(text, owner):
        if ch.isspace() or (loose and ch == "-"):
            if not loose and out and not space:
                out.append(" ")
                own.append(o)
            space = True
            continue
        space = False
        out.append(ch)
        own.append(o)
    return "".join(out), own


def _find_all(text: str, needle: str) -> list[int]:
    out = []
    pos = text.find(needle)
    while pos >= 0:
        out.append(pos)
        pos = text.find(needle, pos + 1)
    return out


_LAST: list[tuple[int, int, QuoteIndex]] = []


def locate(quote: str, doc: Document, seg: Segmentation) -> list[QuoteHit]:
    """Where ``quote`` is in ``doc``: one hit per passage it touches, each with
    its span in ``Document.text``; empty when it is not there."""
    key = (id(doc), id(seg))
    if not _LAST or _LAST[0][:2] != key or _LAST[0][2].doc is not doc:
        _LAST[:] = [(key[0], key[1], QuoteIndex(doc, seg))]
    return _LAST[0][2].locate(quote)

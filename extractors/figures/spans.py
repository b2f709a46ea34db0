"""From offsets in a passage's cleaned text back to offsets in ``Document.text``.

A passage's ``text`` is its raw stretch ``Document.text[start:end]`` with line
breaks turned into single spaces, hyphenated line ends rejoined, and running
headers, page numbers and list markers left out. :class:`PassageMap` lines the
two up character by character (equal characters match; raw whitespace and
line-end hyphens are skipped; where the raw text has something the clean text
lacks, it re-synchronises on the next stretch of clean text), so a figure
found in the clean text gets its exact span in the document.
"""
from __future__ import annotations

from extractors.lines import CHAR_FIXES


class PassageMap:
    """Maps offsets in ``text`` (a passage's clean text) to ``Document.text``
    offsets, given the raw stretch ``raw_start:raw_end`` it came from."""

    __slots__ = ("text", "raw_start", "raw_end", "_map")

    def __init__(self, doc_text: str, text: str, raw_start: int, raw_end: int) -> None:
        self.text = text
        self.raw_start = raw_start
        self.raw_end = raw_end
        self._map = _align(text, doc_text[raw_start:raw_end].translate(CHAR_FIXES))

    @classmethod
    def of(cls, doc_text: str, passage) -> "PassageMap":
        return cls(doc_text, passage.text, passage.start, passage.end)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """``Document.text`` span of clean ``[start, end)``; the passage's span when unmappable."""
        m = self._map
        s = next((m[i] for i in range(start, min(end, len(m))) if m[i] >= 0), None)
        e = next((m[i] for i in range(min(end, len(m)) - 1, start - 1, -1) if m[i] >= 0), None)
        if s is None or e is None or e < s:
            return self.raw_start, self.raw_end
        return self.raw_start + s, self.raw_start + e + 1

    def raw_offset(self, offset: int) -> int:
        m = self._map
        for i in range(offset, len(m)):
            if m[i] >= 0:
                return self.raw_start + m[i]
        return self.raw_end


_NORMAL = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u2010": "-"})


def _align(clean: str, raw: str) -> list[int]:
    """``out[i]`` = offset in ``raw`` of ``clean[i]``, or -1."""
    c = clean.translate(_NORMAL)
    r = raw.translate(_NORMAL)
    out = [-1] * len(c)
    i = j = 0
    n, k = len(c), len(r)
    while i < n and j < k:
        ci, rj = c[i], r[j]
        if ci == rj:
            out[i] = j
            i += 1
            j += 1
        elif ci.isspace():
            if rj.isspace():
                out[i] = j
                j += 1
            i += 1
        elif rj.isspace() or rj in "-\f\u00ad":
            j += 1
        else:
            # the raw text holds something the clean text left out (a running
            # header, a page number, a marker): find where the clean text resumes
            for width in (16, 8, 4, 1):
                needle = c[i:i + width]
                pos = r.find(needle, j)
                if pos >= 0:
                    j = pos
                    break
            else:
                i += 1
    return out

"""The ThemeTag record: one theme found in one passage, with where and how.

Produced by ``extractors.themes.tag_passages``.
"""
from __future__ import annotations

from dataclasses import dataclass

METHODS = ("phrase", "embedding", "phrase+embedding")


@dataclass(frozen=True)
class ThemeTag:
    """``theme``: a taxonomy id (models/themes/taxonomy.toml). ``score``: the
    cosine similarity of the passage's embedding to the theme's prototype
    (its description and labelled examples). ``method``: ``phrase`` (a seed
    phrase matched, ``phrase`` holds it), ``embedding`` (the similarity
    passed the theme's threshold) or both. ``version``: the themes stage."""

    doc_id: str
    passage: int
    theme: str
    score: float
    method: str
    phrase: str | None
    page: int
    start: int
    end: int
    version: str


EXAMPLE = ThemeTag("0" * 64, 12, "front_door", 0.61, "phrase+embedding", "MACH", 3, 5120, 5230, "themes-1+taxonomy-1")

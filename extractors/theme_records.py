"""The ThemeTag record: one theme found in one passage, with where and how.

Produced by ``extractors.themes.tag_passages``.
"""
from __future__ import annotations

from dataclasses import dataclass

METHODS = ("classifier", "phrase+classifier", "phrase", "embedding", "phrase+embedding")


@dataclass(frozen=True)
class ThemeTag:
    """``theme``: a taxonomy id (models/themes/taxonomy.toml). ``method``:
    ``classifier`` (the theme classifier's probability passed its threshold)
    or ``phrase+classifier`` (and a seed phrase of the theme is in the
    passage, ``phrase`` holds it); under the similarity rule, ``phrase``,
    ``embedding`` (the cosine similarity to the theme's prototype passed the
    theme's threshold) or ``phrase+embedding``. ``score``: the probability,
    or the similarity under the similarity rule. ``version``: the themes
    stage."""

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


EXAMPLE = ThemeTag("0" * 64, 12, "front_door", 0.93, "phrase+classifier", "MACH", 3, 5120, 5230, "themes-4+taxonomy-1")

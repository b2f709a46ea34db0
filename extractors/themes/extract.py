"""The themes pass over one document's passages."""
from __future__ import annotations

from extractors.segment import Segmentation
from extractors.theme_records import ThemeTag
from extractors.themes.tagger import ThemeTagger

THEMES_VERSION = "themes-1"  # the pass; the taxonomy and the tuning have their own versions
MIN_WORDS = 4


def taggable(passage) -> bool:
    """Headings and scraps are not tagged (a heading names a section; its
    passages carry the themes)."""
    return passage.kind != "heading" and len(passage.text.split()) >= MIN_WORDS


def tag_document(doc_id: str, seg: Segmentation, tagger: ThemeTagger, encoder, version: str) -> tuple[ThemeTag, ...]:
    passages = [p for p in seg.passages if taggable(p)]
    texts = [p.text for p in passages]
    vectors = encoder.encode(texts)
    out = []
    for p, hits in zip(passages, tagger.tag(texts, vectors)):
        for h in hits:
            out.append(ThemeTag(doc_id, p.index, h.theme, h.score, h.method, h.phrase, p.page, p.start, p.end, version))
    return tuple(out)

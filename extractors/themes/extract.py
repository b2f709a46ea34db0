"""The themes pass over one document's passages."""
from __future__ import annotations

from typing import Sequence

import numpy as np

from extractors.findings.encoder import DIM
from extractors.segment import Segmentation
from extractors.theme_records import ThemeTag
from extractors.themes.tagger import ThemeTagger

THEMES_VERSION = "themes-4"  # the pass; the taxonomy and the tuning have their own versions
MIN_WORDS = 4
# texts, vectors, previous texts, previous vectors, paragraph vectors, scope vectors
TaggerInputs = tuple[list[str], np.ndarray, list[str], np.ndarray, np.ndarray, np.ndarray]


def encode_or_zero(encoder, texts: list[str], dim: int) -> np.ndarray:
    """Embeddings of ``texts``, a zero row for an empty one."""
    out = np.zeros((len(texts), dim), dtype=np.float32)
    idx = [i for i, t in enumerate(texts) if t]
    if idx:
        out[idx] = encoder.encode([texts[i] for i in idx])
    return out


def taggable(passage) -> bool:
    """Headings and scraps are not tagged (a heading names a section; its
    passages carry the themes)."""
    return passage.kind != "heading" and len(passage.text.split()) >= MIN_WORDS


def previous_texts(passages) -> list[str]:
    """For each passage, the text of the last passage before it that is not
    a heading ("" for the first): what "This ..." or "They ..." refers to."""
    out, last = [], ""
    for p in passages:
        out.append(last)
        if p.kind != "heading":
            last = p.text
    return out


def unit_members(passages) -> list[tuple[str, ...]]:
    """For each passage, the texts of the passages of its whole unit (the
    paragraph, list item or footnote it was split from), itself included."""
    by_unit: dict[int, list[str]] = {}
    for p in passages:
        by_unit.setdefault(p.unit, []).append(p.text)
    return [tuple(by_unit[p.unit]) for p in passages]


def mean_vectors(encoder, groups: list[tuple[str, ...]], dim: int = DIM) -> np.ndarray:
    """The normalised mean embedding of each group of texts: a paragraph's
    vector from its sentences' (which the stage encodes anyway), so it costs
    no extra pass of the encoder over long text."""
    if not groups:
        return np.zeros((0, dim), dtype=np.float32)
    texts = sorted({t for g in groups for t in g})
    row = {t: i for i, t in enumerate(texts)}
    vecs = encoder.encode(texts)
    out = np.stack([vecs[[row[t] for t in g]].mean(axis=0) for g in groups])
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return (out / np.where(norms == 0, 1, norms)).astype(np.float32)


def scope_texts(seg: Segmentation, passages, areas: Sequence[str] = ()) -> list[str]:
    """For each passage, what its document says it is about: the areas a
    visit covered (``extractors.visits.find_areas_covered``: "the local
    authority's arrangements for children in care"), joined, when the
    document names any; else the title of the passage's section ("The
    experiences and progress of children in care: good"); "" for neither."""
    if areas:
        joined = "; ".join(a.strip() for a in areas if a.strip())
        return [joined] * len(passages)
    out = []
    for p in passages:
        section = seg.section_of(p)
        out.append(section.title.strip() if section is not None else "")
    return out


def tagger_inputs(seg: Segmentation, passages, encoder, areas: Sequence[str] = ()) -> TaggerInputs:
    """What the tagger reads of ``passages`` (passages of ``seg``): their texts
    and embeddings, the previous passage's text and embedding, the
    paragraph vector and the scope vector (``scope_texts``; ``areas``: the
    areas covered that the document names)."""
    before = dict(zip((p.index for p in seg.passages), previous_texts(seg.passages)))
    members = dict(zip((p.index for p in seg.passages), unit_members(seg.passages)))
    texts = [p.text for p in passages]
    prev = [before[p.index] for p in passages]
    vectors = encoder.encode(texts)
    prev_vectors = encode_or_zero(encoder, prev, DIM)
    unit_vectors = mean_vectors(encoder, [members[p.index] for p in passages])
    # a document's passages share a few scope texts: the encoder runs each distinct text once
    scope_vectors = encode_or_zero(encoder, scope_texts(seg, passages, areas), DIM)
    return texts, vectors, prev, prev_vectors, unit_vectors, scope_vectors


def tag_document(doc_id: str, seg: Segmentation, tagger: ThemeTagger, encoder, version: str, *,
                 areas: Sequence[str]) -> tuple[ThemeTag, ...]:
    """``areas``: the areas covered the document names (``Understanding.areas_covered``'s
    texts; empty for none): its scope, see ``scope_texts``. Required, so that no caller
    tags a visit letter without the scope its tagger was trained with."""
    passages = [p for p in seg.passages if taggable(p)]
    out = []
    for p, hits in zip(passages, tagger.tag(*tagger_inputs(seg, passages, encoder, areas))):
        for h in hits:
            out.append(ThemeTag(doc_id, p.index, h.theme, h.score, h.method, h.phrase, p.page, p.start, p.end, version))
    return tuple(out)

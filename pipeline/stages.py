"""The extraction stages a document goes through after it is read, in order.

Each stage has a name and a version (stored per document in
``document_stages``), a function from the document and the earlier stages'
results to its own result, and a function from its result to warehouse rows.
A new extractor (figures, findings, themes) is one more entry here.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from corpus.document import Document
from extractors.segment import SEGMENTER_VERSION, Segmentation, segment
from extractors.sentences import load_splitter
from extractors.figures import extract_figures, stage_version as figures_version
from extractors.understand import UNDERSTANDING_VERSION, understand
from pipeline.settings import Settings
from warehouse import loader, rows


@dataclass(frozen=True)
class Stage:
    name: str
    version: str
    run: Callable[[Document, dict[str, Any], Settings], Any]
    rows: Callable[[Any], dict[str, list[dict]]]
    # reads the stored result back (connection, doc_id); None: re-run it in memory instead
    stored: Callable[[Any, str], Any] | None = None


def _segment(doc: Document, done: dict[str, Any], settings: Settings) -> Segmentation:
    return segment(doc, load_splitter(settings.spacy_model, settings.sentence_mode))


def _stored_segmentation(con, doc_id: str) -> Segmentation:
    return Segmentation(*loader.stored_segmentation(con, doc_id))


def _understand(doc: Document, done: dict[str, Any], settings: Settings):
    return understand(doc, done["segment"])


def _figures(doc: Document, done: dict[str, Any], settings: Settings):
    meta = done["understand"].meta
    day = meta.meeting_date or meta.letter_date or meta.end_date  # resolves "as of today's date"
    return extract_figures(doc, done["segment"], doc_date=day.isoformat() if day else None, model=settings.spacy_model)


STAGES: tuple[Stage, ...] = (
    Stage("segment", SEGMENTER_VERSION, _segment, rows.segmentation_rows, _stored_segmentation),
    Stage("understand", UNDERSTANDING_VERSION, _understand, rows.understanding_rows),
    Stage("figures", figures_version(), _figures, rows.figure_rows),
)


def versions() -> dict[str, str]:
    return {s.name: s.version for s in STAGES}


def stale_stages(stored: dict[str, str]) -> list[str]:
    """Stages to re-run for a document whose stored stage versions are
    ``stored``: the first out-of-date stage and every stage after it (later
    stages build on earlier ones)."""
    for i, stage in enumerate(STAGES):
        if stored.get(stage.name) != stage.version:
            return [s.name for s in STAGES[i:]]
    return []

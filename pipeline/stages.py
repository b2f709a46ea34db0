"""The extraction stages a document goes through after it is read, in order.

Each stage has a name and a version (stored per document in
``document_stages``), a function from the document and the earlier stages'
results to its own result, and a function from its result to warehouse rows.
A new extractor (figures, findings, themes) is one more entry here.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

from corpus.document import Document
from extractors.segment import SEGMENTER_VERSION, Segmentation, segment
from extractors.sentences import load_splitter
from extractors.figures import extract_figures, stage_version as figures_version
from extractors.understand import UNDERSTANDING_VERSION, understand
from extractors import findings as findings_stage
from extractors import themes as themes_stage
from extractors.findings.encoder import shared_encoder
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
    needs: tuple[str, ...] = ()  # the earlier stages whose results ``run`` reads


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


def _findings(doc: Document, done: dict[str, Any], settings: Settings):
    u = done["understand"]
    focus = [a.text for a in u.areas_covered]
    spans = [(a.start, a.end) for a in u.areas_covered]
    model = findings_stage.load_model()
    return findings_stage.extract_findings(doc, done["segment"], u.meta.kind, model, focus,
                                           encoder=shared_encoder(model.encoder_name, settings.encoder_precision),
                                           scope_spans=spans)


# read once (the model card, the taxonomy and the tuning file), not once per document
FINDINGS_STAGE_VERSION = findings_stage.stage_version()
THEMES_STAGE_VERSION = themes_stage.stage_version()


def _finding_rows(result) -> dict[str, list[dict]]:
    return rows.finding_rows(result, FINDINGS_STAGE_VERSION)


@lru_cache(maxsize=1)
def _tagger():
    return themes_stage.load_tagger()


def _themes(doc: Document, done: dict[str, Any], settings: Settings):
    areas = [a.text for a in done["understand"].areas_covered]  # the document's scope
    return themes_stage.tag_document(doc.id, done["segment"], _tagger(),
                                   shared_encoder(precision=settings.encoder_precision), THEMES_STAGE_VERSION,
                                   areas=areas)


STAGES: tuple[Stage, ...] = (
    Stage("segment", SEGMENTER_VERSION, _segment, rows.segmentation_rows, _stored_segmentation),
    Stage("understand", UNDERSTANDING_VERSION, _understand, rows.understanding_rows, needs=("segment",)),
    Stage("figures", figures_version(), _figures, rows.figure_rows, needs=("segment", "understand")),
    Stage("findings", FINDINGS_STAGE_VERSION, _findings, _finding_rows, needs=("segment", "understand")),
    Stage("themes", THEMES_STAGE_VERSION, _themes, rows.theme_tag_rows, needs=("segment", "understand")),
)


def versions() -> dict[str, str]:
    return {s.name: s.version for s in STAGES}


NEEDED = ("segment", "understand")  # later stages build on these; they cannot be skipped


def active_stages(skip: tuple[str, ...] = ()) -> tuple[Stage, ...]:
    """The stages a run does: all but those in ``skip`` (only stages no other
    stage builds on may be skipped: figures, findings)."""
    unknown = set(skip) - {s.name for s in STAGES}
    if unknown:
        raise ValueError(f"no such stage: {', '.join(sorted(unknown))} (stages: {', '.join(s.name for s in STAGES)})")
    needed = set(skip) & set(NEEDED)
    if needed:
        raise ValueError(f"stage {', '.join(sorted(needed))} cannot be skipped: later stages build on it")
    return tuple(s for s in STAGES if s.name not in skip)


def stale_stages(stored: dict[str, str], skip: tuple[str, ...] = ()) -> list[str]:
    """Stages to re-run for a document whose stored stage versions are
    ``stored``: those out of date, and those that need (read the results of)
    a stage being re-run, leaving out skipped stages."""
    stale: list[str] = []
    for stage in STAGES:
        if stage.name in skip:
            continue
        if stored.get(stage.name) != stage.version or any(n in stale for n in stage.needs):
            stale.append(stage.name)
    return stale


def required(names) -> list[str]:
    """``names`` and every stage they need, directly or not, in stage order."""
    want = set(names)
    for stage in reversed(STAGES):
        if stage.name in want:
            want.update(stage.needs)
    return [s.name for s in STAGES if s.name in want]

"""The classifier's input: one row per passage, made of

* the MiniLM sentence embedding (384 numbers, unit length);
* spaCy cue counts (``cues.cue_features``), scaled by ``CUE_WEIGHT``;
* TF-IDF of word 1-3-grams (the vocabulary is fitted at training time and
  saved in the model artefact);
* the passage's context: grade of its judgement section, whether it is a
  recommendation-list item, in a letter's opening, a list item, and the
  family of document (inspection report, visit letter, council paper).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix, hstack

from extractors.findings.context import GRADES
from extractors.findings.cues import cue_features

CUE_WEIGHT = 0.5
FAMILIES = ("report", "letter", "council")
_FAMILY = {"ilacs": "report", "sif": "report", "lac_inspection": "report", "lscb_review": "report",
           "focused_visit": "letter", "monitoring_visit": "letter", "minutes": "council", "committee_report": "council"}


def family(kind: str | None) -> str:
    return _FAMILY.get(kind or "", "letter")


@dataclass(frozen=True)
class Item:
    """What the classifier sees of one passage."""

    text: str
    grade: str | None = None
    in_recommendations: bool = False
    intro: bool = False
    list_item: bool = False
    family: str = "letter"


def context_names() -> list[str]:
    return [*(f"grade_{g}" for g in GRADES), "in_recommendations", "intro", "list_item",
            *(f"family_{f}" for f in FAMILIES)]


def context_matrix(items: list[Item]) -> np.ndarray:
    rows = []
    for it in items:
        rows.append([*(float(it.grade == g) for g in GRADES), float(it.in_recommendations), float(it.intro),
                     float(it.list_item), *(float(it.family == f) for f in FAMILIES)])
    return np.array(rows, dtype=np.float32).reshape(len(items), len(context_names()))


def feature_matrix(items: list[Item], embeddings: np.ndarray, tfidf) -> csr_matrix:
    texts = [it.text for it in items]
    parts = [csr_matrix(embeddings), csr_matrix(cue_features(texts) * CUE_WEIGHT), tfidf.transform(texts),
             csr_matrix(context_matrix(items))]
    return hstack(parts).tocsr()

"""The theme classifier: one logistic regression per theme over what the
tagger knows of a passage and of the passage before it.

Features (``features``), the same at training and tagging time:

* the passage's MiniLM embedding (384) and, for each theme, whether one of
  its kept seed phrases is in it and its similarity to the theme's
  prototype (scaled by ``SIM_SCALE``);
* the previous passage's embedding and seed-phrase hits, weighted by
  ``PREV_WEIGHT`` (zeros when only headings, or nothing, come before): a sentence that
  opens "This ..." or "They ..." takes its subject from there;
* the paragraph's vector: the normalised mean embedding of the sentences of
  the passage's whole paragraph (or list item), weighted by ``UNIT_WEIGHT``
  (for a one-sentence paragraph, the passage's own): a sentence's theme is
  often its paragraph's topic;
* TF-IDF of the passage's word 1-2-grams (vocabulary fitted on the tuning
  set).

A theme is tagged when its probability reaches the threshold chosen by
grouped cross-validation on the tuning set (``models.themes_training``).
The fitted weights are stored as plain arrays, with the fitted scikit-learn
TfidfVectorizer, in ``classifier.joblib`` (so the file is tied to the
scikit-learn version of constraints.txt).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix, hstack

SIM_SCALE = 3.0
PREV_WEIGHT = 0.5
UNIT_WEIGHT = 0.5


def features(vecs: np.ndarray, hits: np.ndarray, sims: np.ndarray, prev_vecs: np.ndarray,
             prev_hits: np.ndarray, unit_vecs: np.ndarray, tfidf, texts: list[str]) -> csr_matrix:
    """One row per passage; ``hits`` and ``sims`` are passage x theme."""
    dense = np.hstack([vecs, hits.astype(np.float32), sims * SIM_SCALE, prev_vecs * PREV_WEIGHT,
                       prev_hits.astype(np.float32) * PREV_WEIGHT, unit_vecs * UNIT_WEIGHT]).astype(np.float32)
    return hstack([csr_matrix(dense), tfidf.transform(texts)]).tocsr()


def feature_width(dim: int, n_themes: int, tfidf) -> int:
    """The number of columns ``features`` builds: three embeddings, three
    per-theme blocks and the TF-IDF vocabulary."""
    return 3 * dim + 3 * n_themes + len(tfidf.vocabulary_)


@dataclass
class ThemeClassifier:
    """``coef`` is theme x feature, ``intercept`` per theme, in the order of
    ``ids``; ``tfidf`` a fitted scikit-learn TfidfVectorizer."""

    ids: list[str]
    tfidf: object
    coef: np.ndarray
    intercept: np.ndarray
    threshold: float

    def proba(self, X: csr_matrix) -> np.ndarray:
        """Passage x theme probabilities."""
        z = np.asarray(X @ self.coef.T) + self.intercept
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))

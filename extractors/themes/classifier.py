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
  set);
* the document's scope: the similarity of what the visit says it looked at
  (its "areas covered", ``extractors.visits``) or else of the passage's
  section heading to the descriptions of the themes that name a group of
  children (``SCOPE_THEMES``), weighted by ``SCOPE_WEIGHT`` (zeros when
  there is neither). "Plans are not specific enough" is about children in
  need in a letter on help and protection, about care plans in one on
  children in care.

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
SCOPE_WEIGHT = 2.0
# the themes that name a group of children: which group a visit or a section is
# about tells which of them a plain sentence ("plans are not specific") is about
SCOPE_THEMES = ("children_in_need", "child_protection", "care_planning_reviews", "care_leavers", "early_help")


def scope_similarities(scope_vecs: np.ndarray, description_vecs: np.ndarray) -> np.ndarray:
    """Passage x scope theme: cosine similarity of each passage's scope
    embedding (zeros for none) to the descriptions of ``SCOPE_THEMES``
    (``description_vecs``, in that order)."""
    return (np.asarray(scope_vecs, dtype=np.float32) @ np.asarray(description_vecs, dtype=np.float32).T)


def features(vecs: np.ndarray, hits: np.ndarray, sims: np.ndarray, prev_vecs: np.ndarray,
             prev_hits: np.ndarray, unit_vecs: np.ndarray, scope_sims: np.ndarray, tfidf,
             texts: list[str]) -> csr_matrix:
    """One row per passage; ``hits`` and ``sims`` are passage x theme,
    ``scope_sims`` passage x scope theme (``scope_similarities``)."""
    dense = np.hstack([vecs, hits.astype(np.float32), sims * SIM_SCALE, prev_vecs * PREV_WEIGHT,
                       prev_hits.astype(np.float32) * PREV_WEIGHT, unit_vecs * UNIT_WEIGHT,
                       scope_sims * SCOPE_WEIGHT]).astype(np.float32)
    return hstack([csr_matrix(dense), tfidf.transform(texts)]).tocsr()


def feature_width(dim: int, n_themes: int, n_scope: int, tfidf) -> int:
    """The number of columns ``features`` builds: three embeddings, three
    per-theme blocks, the scope block and the TF-IDF vocabulary."""
    return 3 * dim + 3 * n_themes + n_scope + len(tfidf.vocabulary_)


@dataclass
class ThemeClassifier:
    """``coef`` is theme x feature, ``intercept`` per theme, in the order of
    ``ids``; ``tfidf`` a fitted scikit-learn TfidfVectorizer."""

    ids: list[str]
    tfidf: object
    coef: np.ndarray
    intercept: np.ndarray
    threshold: float
    # the scope block's themes (SCOPE_THEMES when trained) and their descriptions' embeddings;
    # none for a classifier trained before the scope (tuning-3), which is tagged without it
    scope_theme_ids: tuple[str, ...] = ()
    scope_description_vectors: np.ndarray | None = None

    def scope_block(self, scope_vecs: np.ndarray) -> np.ndarray:
        """The scope features of passages whose documents' scope embeddings are ``scope_vecs``."""
        if self.scope_description_vectors is None or not len(self.scope_theme_ids):
            return np.zeros((len(scope_vecs), 0), dtype=np.float32)
        return scope_similarities(scope_vecs, self.scope_description_vectors)

    def proba(self, X: csr_matrix) -> np.ndarray:
        """Passage x theme probabilities."""
        z = np.asarray(X @ self.coef.T) + self.intercept
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))

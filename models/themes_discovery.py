"""Discovering themes the taxonomy does not name.

Passages that no theme fits are clustered on their sentence embeddings
(k-means, scikit-learn); each cluster is labelled with its most distinctive
terms (mean TF-IDF weight in the cluster minus the mean over all the
passages) and shown with the passages nearest its centre. Same passages, same
``k`` and same ``seed``: same clusters.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer

DEFAULT_CLUSTERS = 12
DEFAULT_SEED = 20261122


@dataclass(frozen=True)
class Candidate:
    """A candidate theme: a cluster of passages that fit no theme."""

    cluster: int
    label: str  # its most distinctive terms, joined with " / "
    terms: tuple[str, ...]
    size: int
    cohesion: float  # mean cosine similarity of its passages to the cluster centre
    nearest_theme: str | None  # the taxonomy theme whose prototype is nearest the centre
    nearest_similarity: float | None
    examples: tuple[int, ...] = field(default=())  # indices of the passages nearest the centre


def distinctive_terms(texts: list[str], assignment: np.ndarray, k: int, n_terms: int) -> list[list[str]]:
    vec = TfidfVectorizer(stop_words="english", ngram_range=(1, 2), min_df=2, max_df=0.5,
                          token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z\-']+\b", sublinear_tf=True)
    try:
        X = vec.fit_transform(texts)
    except ValueError:  # too few passages or words for min_df
        return [[] for _ in range(k)]
    terms = np.array(vec.get_feature_names_out())
    overall = np.asarray(X.mean(axis=0)).ravel()
    out = []
    for c in range(k):
        rows = np.where(assignment == c)[0]
        if not len(rows):
            out.append([])
            continue
        lift = np.asarray(X[rows].mean(axis=0)).ravel() - overall
        chosen: list[str] = []
        for i in np.argsort(-lift):
            t = terms[i]
            if lift[i] <= 0 or len(chosen) == n_terms:
                break
            if any(t in c2 or c2 in t for c2 in chosen):  # "care" and "care plans": keep the first
                continue
            chosen.append(t)
        out.append(chosen)
    return out


def discover(texts: list[str], vectors: np.ndarray, k: int = DEFAULT_CLUSTERS, seed: int = DEFAULT_SEED,
             n_terms: int = 5, n_examples: int = 3, prototypes: np.ndarray | None = None,
             theme_ids: list[str] | None = None) -> list[Candidate]:
    """Cluster ``texts`` (rows of ``vectors``, unit length) into ``k``
    candidate themes, largest first."""
    if len(texts) < 2:
        return []
    k = max(1, min(k, len(texts) // 2))
    km = KMeans(n_clusters=k, random_state=seed, n_init=10).fit(vectors)
    assignment = km.labels_
    centres = km.cluster_centers_ / np.linalg.norm(km.cluster_centers_, axis=1, keepdims=True)
    labels = distinctive_terms(texts, assignment, k, n_terms)
    out = []
    for c in range(k):
        rows = np.where(assignment == c)[0]
        sims = vectors[rows] @ centres[c]
        order = rows[np.argsort(-sims)][:n_examples]
        nearest, near_sim = None, None
        if prototypes is not None and theme_ids:
            s = prototypes @ centres[c]
            j = int(np.argmax(s))
            nearest, near_sim = theme_ids[j], round(float(s[j]), 3)
        out.append(Candidate(c, " / ".join(labels[c]) or f"cluster {c}", tuple(labels[c]), int(len(rows)),
                             round(float(sims.mean()), 3), nearest, near_sim, tuple(int(i) for i in order)))
    return sorted(out, key=lambda x: (-x.size, x.cluster))

"""Tagging passages with themes: seed phrases, embedding similarity and a
classifier over both.

Two rules, chosen by ``ofsted-mine train themes`` on the labelled passages
(models/data/themes_tune*.jsonl) and named in ``models/themes/tuning.json``:

* ``classifier``: a logistic regression per theme over the
  passage's embedding, its seed-phrase hits, its similarity to every theme's
  prototype, TF-IDF of its words, the embedding and phrase hits of the
  passage before it, the mean embedding of its whole paragraph and the
  similarity of its document's scope to the themes that name a group of
  children (``extractors.themes.classifier``); a theme is tagged
  when its probability reaches the threshold chosen by cross-validation.
  Method ``classifier``, or ``phrase+classifier`` when one of the theme's
  seed phrases is in the passage; the score is the probability.
* ``similarity`` (the only rule before tuning-2): a theme is tagged when one of its kept seed
  phrases is in the passage (``phrase``), or when the cosine similarity of
  the passage's embedding to the theme's prototype reaches the theme's
  threshold (``embedding``), or both; the score is the similarity.

A theme's prototype is the normalised sum of the embedding of its
description and the mean embedding of its labelled example passages. Seed
phrases wrong too often on the labelled passages are dropped. Prototypes
are in ``models/themes/prototypes.npz``, the classifier in
``models/themes/classifier.joblib``.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import joblib
import numpy as np

from extractors.themes.classifier import ThemeClassifier, feature_width, features
from extractors.themes.phrases import SeedMatcher, hit_matrix
from models.themes_taxonomy import Taxonomy, load_taxonomy


class TuningMissing(RuntimeError):
    pass


def default_dir() -> Path:
    return Path(str(resources.files("models").joinpath("themes")))


def tuning_version(model_dir: Path | None = None) -> str:
    """The tuning's version and a short hash of its files ("tuning-4.3f2a9c1"),
    read without loading them: re-training on other labels changes the hash,
    so stored tags are re-made even when the version is not bumped. The hash
    covers tuning.json and, under the classifier rule, classifier.joblib."""
    folder = Path(model_dir or default_dir())
    try:
        data = (folder / "tuning.json").read_bytes()
        tuning = json.loads(data)
        digest = hashlib.sha1(data)
        if tuning.get("rule") == "classifier":
            digest.update((folder / "classifier.joblib").read_bytes())
        return f"{tuning['version']}.{digest.hexdigest()[:7]}"
    except (OSError, KeyError, ValueError):
        return "untuned"


def tuning_card(model_dir: Path | None = None) -> dict:
    """The tuning card (tuning.json) as written by training; {} if there is none."""
    try:
        return json.loads((Path(model_dir or default_dir()) / "tuning.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


@dataclass(frozen=True)
class Hit:
    theme: str
    score: float
    method: str
    phrase: str | None


def prototypes(description_vecs: np.ndarray, example_vecs: list[np.ndarray]) -> np.ndarray:
    """Per theme: normalise(description + mean of its examples); the
    description alone when it has none."""
    out = np.array(description_vecs, dtype=np.float32, copy=True)
    for i, ex in enumerate(example_vecs):
        if len(ex):
            out[i] = out[i] + ex.mean(axis=0)
    return out / np.linalg.norm(out, axis=1, keepdims=True)


class ThemeTagger:
    def __init__(self, taxonomy: Taxonomy, protos: np.ndarray, thresholds: dict[str, float],
                 dropped: dict[str, list[str]], version: str, classifier: ThemeClassifier | None = None) -> None:
        self.taxonomy = taxonomy
        self.ids = [t.id for t in taxonomy.themes if not t.retired]
        index = {t.id: i for i, t in enumerate(taxonomy.themes)}
        self.protos = protos[[index[i] for i in self.ids]]
        self.thresholds = np.array([thresholds[i] for i in self.ids], dtype=np.float32)
        self.seeds = {t.id: [s for s in t.seeds if s not in set(dropped.get(t.id, ()))]
                      for t in taxonomy.themes if not t.retired}
        self.matcher = SeedMatcher(self.seeds)
        self.version = version
        if classifier is not None and list(classifier.ids) != self.ids:
            raise TuningMissing("the theme classifier was trained for other themes; run `ofsted-mine train themes`")
        self.classifier = classifier

    def scores(self, vectors: np.ndarray) -> np.ndarray:
        """Similarity of each passage (row) to each theme (column)."""
        return vectors @ self.protos.T

    def phrase_hits(self, texts: list[str]) -> tuple[list[dict[str, list[str]]], np.ndarray]:
        """The kept seed phrases found, and as a passage x theme matrix."""
        found = self.matcher.find(texts)
        return found, hit_matrix(found, self.ids)

    def tag(self, texts: list[str], vectors: np.ndarray, prev_texts: list[str] | None = None,
            prev_vectors: np.ndarray | None = None, unit_vectors: np.ndarray | None = None,
            scope_vectors: np.ndarray | None = None) -> list[list[Hit]]:
        """The themes of each text, best score first. ``prev_texts`` and
        ``prev_vectors``: the passage before each one ("" and zeros for
        none); ``unit_vectors``: the mean embedding of each one's whole paragraph
        (default: its own, as for a one-sentence paragraph); ``scope_vectors``:
        the embedding of its document's scope (``extract.scope_texts``; default
        zeros: no scope known, as for a sentence outside any document; the themes
        stage always gives one). The classifier reads them, the similarity rule does not."""
        sims = self.scores(vectors) if len(texts) else np.zeros((0, len(self.ids)))
        if (prev_texts is None) != (prev_vectors is None):
            raise ValueError("give both the previous passages' texts and their vectors, or neither")
        found, hit_matrix = self.phrase_hits(texts)
        if self.classifier is not None:
            return self._classify(texts, vectors, sims, found, hit_matrix, prev_texts, prev_vectors, unit_vectors,
                                  scope_vectors)
        out = []
        for row, phrases in zip(sims, found):
            hits = []
            for j, theme in enumerate(self.ids):
                by_phrase = theme in phrases
                by_embedding = bool(row[j] >= self.thresholds[j])
                if by_phrase or by_embedding:
                    method = "phrase+embedding" if by_phrase and by_embedding else "phrase" if by_phrase else "embedding"
                    hits.append(Hit(theme, round(float(row[j]), 4), method, phrases[theme][0] if by_phrase else None))
            out.append(sorted(hits, key=lambda h: -h.score))
        return out

    def classifier_proba(self, texts: list[str], vectors: np.ndarray, prev_texts: list[str],
                         prev_vectors: np.ndarray, unit_vectors: np.ndarray,
                         scope_vectors: np.ndarray | None = None) -> np.ndarray:
        """The classifier's passage x theme probabilities, before the threshold
        (what ``tag`` tags from; the labelling draws read it too)."""
        _, hits = self.phrase_hits(texts)
        return self._proba(texts, vectors, self.scores(vectors), hits, prev_texts, prev_vectors, unit_vectors,
                           scope_vectors)

    def _proba(self, texts, vectors, sims, hits, prev_texts, prev_vectors, unit_vectors, scope_vectors) -> np.ndarray:
        n = len(texts)
        prev_texts = list(prev_texts) if prev_texts is not None else [""] * n
        if prev_vectors is None:
            prev_vectors = np.zeros_like(vectors)
        if unit_vectors is None:
            unit_vectors = vectors
        if scope_vectors is None:
            scope_vectors = np.zeros_like(vectors)
        _, prev_hits = self.phrase_hits(prev_texts)
        return self.classifier.proba(features(vectors, hits, sims, prev_vectors, prev_hits, unit_vectors,
                                              self.classifier.scope_block(scope_vectors), self.classifier.tfidf, texts))

    def _classify(self, texts, vectors, sims, found, hits, prev_texts, prev_vectors, unit_vectors,
                  scope_vectors) -> list[list[Hit]]:
        n = len(texts)
        if n == 0:
            return []
        proba = self._proba(texts, vectors, sims, hits, prev_texts, prev_vectors, unit_vectors, scope_vectors)
        out = []
        for i in range(n):
            row = []
            for j in np.flatnonzero(proba[i] >= self.classifier.threshold):
                theme = self.ids[j]
                phrase = found[i][theme][0] if theme in found[i] else None
                row.append(Hit(theme, round(float(proba[i, j]), 4), "phrase+classifier" if phrase else "classifier", phrase))
            out.append(sorted(row, key=lambda h: -h.score))
        return out


def load_tagger(model_dir: Path | None = None, taxonomy: Taxonomy | None = None) -> ThemeTagger:
    model_dir = Path(model_dir or default_dir())
    taxonomy = taxonomy or load_taxonomy()
    try:
        tuning = json.loads((model_dir / "tuning.json").read_text(encoding="utf-8"))
        with np.load(model_dir / "prototypes.npz", allow_pickle=False) as data:
            ids = [str(i) for i in data["ids"]]
            vecs = data["vectors"]
    except (OSError, KeyError, ValueError) as exc:
        raise TuningMissing(f"{model_dir}: no theme tuning ({exc}); run `ofsted-mine train themes`") from exc
    if ids != list(taxonomy.ids) or tuning.get("taxonomy_version") != taxonomy.version:
        raise TuningMissing(f"{model_dir}: tuned for another taxonomy version; run `ofsted-mine train themes`")
    classifier = None
    if tuning.get("rule") == "classifier":
        try:
            classifier = ThemeClassifier(**joblib.load(model_dir / "classifier.joblib"))
        except (OSError, KeyError, TypeError, ValueError) as exc:
            raise TuningMissing(f"{model_dir}: no theme classifier ({exc}); run `ofsted-mine train themes`") from exc
        width = feature_width(vecs.shape[1], len(ids), len(classifier.scope_theme_ids), classifier.tfidf)
        scope_shape = (len(classifier.scope_theme_ids), vecs.shape[1])
        if classifier.scope_theme_ids and np.shape(classifier.scope_description_vectors) != scope_shape:
            raise TuningMissing(f"{model_dir}: classifier.joblib's scope vectors are not {scope_shape}; "
                                "run `ofsted-mine train themes`")
        if classifier.coef.shape != (len(ids), width):
            raise TuningMissing(f"{model_dir}: classifier.joblib has shape {classifier.coef.shape}, this code builds "
                                f"{(len(ids), width)} (themes x features): it was trained by another version; "
                                "run `ofsted-mine train themes`")
    return ThemeTagger(taxonomy, vecs, tuning["thresholds"], tuning.get("dropped_seeds", {}), tuning["version"],
                       classifier)

"""Tagging passages with themes: seed phrases and embedding similarity.

A passage gets a theme when one of the theme's kept seed phrases is in it
(``phrase``), or when the cosine similarity of its embedding to the theme's
prototype reaches the theme's threshold (``embedding``), or both. A theme's
prototype is the normalised sum of the embedding of its description and the
mean embedding of its labelled example passages (models/data/themes_tune.jsonl).
Thresholds, and the seed phrases dropped for poor precision, were chosen on
those labelled passages by ``ofsted-mine train themes`` and are read from
``models/themes/tuning.json``; prototypes from ``models/themes/prototypes.npz``.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from extractors.themes.phrases import SeedMatcher
from models.themes_taxonomy import Taxonomy, load_taxonomy


class TuningMissing(RuntimeError):
    pass


def default_dir() -> Path:
    return Path(str(resources.files("models").joinpath("themes")))


def tuning_version(model_dir: Path | None = None) -> str:
    """The tuning's version and a short hash of its file ("tuning-1.3f2a9c1"),
    read without loading the prototypes: re-tuning on other labels changes
    the hash, so stored tags are re-made even when the version is not bumped."""
    path = Path(model_dir or default_dir()) / "tuning.json"
    try:
        data = path.read_bytes()
        return f"{json.loads(data)['version']}.{hashlib.sha1(data).hexdigest()[:7]}"
    except (OSError, KeyError, ValueError):
        return "untuned"


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
                 dropped: dict[str, list[str]], version: str) -> None:
        self.taxonomy = taxonomy
        self.ids = [t.id for t in taxonomy.themes if not t.retired]
        index = {t.id: i for i, t in enumerate(taxonomy.themes)}
        self.protos = protos[[index[i] for i in self.ids]]
        self.thresholds = np.array([thresholds[i] for i in self.ids], dtype=np.float32)
        self.seeds = {t.id: [s for s in t.seeds if s not in set(dropped.get(t.id, ()))]
                      for t in taxonomy.themes if not t.retired}
        self.matcher = SeedMatcher(self.seeds)
        self.version = version

    def scores(self, vectors: np.ndarray) -> np.ndarray:
        """Similarity of each passage (row) to each theme (column)."""
        return vectors @ self.protos.T

    def tag(self, texts: list[str], vectors: np.ndarray) -> list[list[Hit]]:
        """The themes of each text, best score first."""
        sims = self.scores(vectors) if len(texts) else np.zeros((0, len(self.ids)))
        found = self.matcher.find(texts)
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
    return ThemeTagger(taxonomy, vecs, tuning["thresholds"], tuning.get("dropped_seeds", {}), tuning["version"])

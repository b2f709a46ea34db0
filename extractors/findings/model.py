"""The trained findings classifier: load the artefact and label passages.

The artefact (``models/findings/findings-<n>.joblib``) is written by
``ofsted-mine train findings`` (``models/findings_training.py``). It holds
the fitted TF-IDF vocabulary, the calibrated scikit-learn classifier and the
version string; the sentence encoder is the packaged all-MiniLM-L6-v2,
named in the artefact.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import joblib
import numpy as np

from extractors.findings.encoder import Encoder, shared_encoder
from extractors.findings.features import Item, feature_matrix

LABELS = ("strength", "improvement", "neutral")


class ModelMissing(RuntimeError):
    pass


def default_model_path() -> Path:
    return Path(str(resources.files("models").joinpath("findings", "findings.joblib")))


@dataclass
class FindingsModel:
    version: str
    tfidf: object
    clf: object
    encoder_name: str
    card: dict

    @classmethod
    def load(cls, path: Path | None = None) -> "FindingsModel":
        path = Path(path) if path else default_model_path()
        if not path.is_file():
            raise ModelMissing(f"no findings model at {path}: run `ofsted-mine train findings` first")
        data = joblib.load(path)
        return cls(data["version"], data["tfidf"], data["clf"], data["encoder"], data.get("card", {}))

    def predict(self, items: list[Item], encoder: Encoder | None = None) -> tuple[list[str], np.ndarray]:
        """Labels and calibrated probabilities (rows: items; columns: LABELS)."""
        if not items:
            return [], np.zeros((0, len(LABELS)))
        encoder = encoder or shared_encoder(self.encoder_name)
        X = feature_matrix(items, encoder.encode([it.text for it in items]), self.tfidf)
        proba = self.clf.predict_proba(X)
        order = [list(self.clf.classes_).index(c) for c in LABELS]
        proba = proba[:, order]
        return [LABELS[i] for i in proba.argmax(1)], proba


@lru_cache(maxsize=2)
def model_version(path: str | None = None) -> str:
    """The version of the model at ``path`` (default: the packaged one), from
    the metrics.json that training writes beside the artefact."""
    card = (Path(path) if path else default_model_path()).with_name("metrics.json")
    try:
        return json.loads(card.read_text(encoding="utf-8"))["version"]
    except (OSError, KeyError, ValueError) as exc:
        raise ModelMissing(f"no findings model card at {card}: run `ofsted-mine train findings` first") from exc


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> FindingsModel:
    return FindingsModel.load(Path(path) if path else None)

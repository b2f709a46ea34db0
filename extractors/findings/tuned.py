"""The findings classifier's own fine-tuned copy of MiniLM's layers.

all-MiniLM-L6-v2 has six transformer layers. The findings model carries
fine-tuned copies of the layers from ``start`` up (written by
``ofsted-mine train findings``, ``models/findings_tuning.py``), with a
linear head over their mean-pooled output and the passage's context; the
layers below ``start`` and the word embeddings are the packaged ones. One
pass of the encoder gives both the packaged sentence embedding (used by the
logistic regression and the themes tagger, and cached) and the hidden
states the tuned layers start from (``Encoder.encode_tuned``). The packaged
model (model-findings-7) tunes all six layers (``start`` 0), so the tuned
layers cost about as much again as the packaged encoding; a later ``start``
shares more of the pass.

Weights are stored as float16 in the artefact (about 20 MB for six layers)
and used as float32; the model card's scores are computed with the stored
weights.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

POOL_SCALE = 5.0  # the unit-length pooled vector is scaled before the head (a fixed temperature)


def extended_mask(mask, dtype):
    """The additive attention mask BERT layers take: 0 where a token is
    attended to, the most negative number where it is padding."""
    import torch

    return (1.0 - mask[:, None, None, :].to(dtype)) * torch.finfo(dtype).min


def mean_pool(hidden, mask):
    import torch

    m = mask.unsqueeze(-1).to(hidden.dtype)
    pooled = (hidden * m).sum(1) / m.sum(1).clamp(min=1.0)
    return torch.nn.functional.normalize(pooled, dim=-1)


@dataclass
class TunedTop:
    """Fine-tuned copies of layers ``start``.. of the encoder, and the head.

    ``layers``: the layers' state dicts (numpy float16, keys as in
    ``BertLayer.state_dict()``); ``head_weight`` (3 x (384 + context)),
    ``head_bias`` (3): logits over ``LABELS`` from the pooled vector (times
    ``POOL_SCALE``) and the context features."""

    start: int
    layers: list[dict[str, np.ndarray]]
    head_weight: np.ndarray
    head_bias: np.ndarray

    def modules(self, encoder_model):
        """torch copies of the tuned layers, built on the encoder's own layer
        class (so attention is computed the same way)."""
        import copy

        import torch

        base = encoder_model.encoder.layer
        if self.start + len(self.layers) != len(base):
            raise ValueError(f"tuned layers {self.start}..{self.start + len(self.layers) - 1} do not match an "
                             f"encoder of {len(base)} layers")
        out = []
        for i, state in enumerate(self.layers):
            layer = copy.deepcopy(base[self.start + i])
            layer.load_state_dict({k: torch.from_numpy(v.astype(np.float32)) for k, v in state.items()})
            layer.eval()
            out.append(layer)
        return out

    def logits(self, pooled: np.ndarray, context: np.ndarray) -> np.ndarray:
        x = np.hstack([pooled * POOL_SCALE, context]).astype(np.float32)
        return x @ self.head_weight.T.astype(np.float32) + self.head_bias.astype(np.float32)

    @cached_property
    def key(self) -> str:
        """Names these weights in an encoder's cache: a hash of ``start``,
        every layer's weights and the head."""
        import hashlib

        h = hashlib.sha1(str(self.start).encode())
        for state in self.layers:
            for name in sorted(state):
                h.update(name.encode())
                h.update(np.ascontiguousarray(state[name]).tobytes())
        h.update(self.head_weight.tobytes())
        h.update(self.head_bias.tobytes())
        return h.hexdigest()[:16]

    @property
    def n_parameters(self) -> int:
        return int(sum(v.size for s in self.layers for v in s.values()) + self.head_weight.size + self.head_bias.size)


def apply_layers(layers, hidden, mask):
    """``hidden`` (torch, batch x tokens x 384) through ``layers``, in order."""
    ext = extended_mask(mask, hidden.dtype)
    h = hidden
    for layer in layers:
        h = layer(h, attention_mask=ext)
        if isinstance(h, tuple):
            h = h[0]
    return h


def run_layers(layers, hidden, mask):
    """``hidden`` through ``layers``; returns the mean-pooled, unit-length
    output (a torch tensor)."""
    return mean_pool(apply_layers(layers, hidden, mask), mask)

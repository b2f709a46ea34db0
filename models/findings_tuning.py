"""Fine-tuning the findings classifier's top layers of MiniLM (torch).

The layers from ``START`` up of the packaged all-MiniLM-L6-v2 and a linear
head over their mean-pooled output and the passage's context
(``extractors.findings.tuned``) are trained on labelled sentences with a
class-balanced cross-entropy: AdamW, learning rate ``LR`` with a linear
warm-up over the first tenth of the steps and a linear decay, ``EPOCHS``
passes in batches of ``BATCH`` sentences of similar length, seeded. The
word embeddings (and any layers below ``START``) are not trained. These
settings were fixed before the test sets were read with them: the one
configuration tried on them (see the README); START was then compared with
4 on a split of the training documents only.
"""
from __future__ import annotations

import random
import time

import numpy as np

from extractors.findings.features import Item, context_matrix, context_names
from extractors.findings.tuned import POOL_SCALE, TunedTop, apply_layers, run_layers

START = 0  # all six layers are tuned (the word embeddings are not)
LR = 4e-5
EPOCHS = 3
BATCH = 16
WEIGHT_DECAY = 0.01
DROPOUT = 0.1


def _batches(items: list[Item], rng: random.Random, shuffle: bool):
    order = sorted(range(len(items)), key=lambda i: len(items[i].text))
    chunks = [order[i:i + BATCH] for i in range(0, len(order), BATCH)]
    if shuffle:
        rng.shuffle(chunks)
    return chunks


def hidden_at(base, features: dict, start: int):
    """The packaged model's hidden states entering layer ``start``."""
    h = base.embeddings(input_ids=features["input_ids"], token_type_ids=features.get("token_type_ids"))
    return apply_layers(base.encoder.layer[:start], h, features["attention_mask"])


def fine_tune(encoder, items: list[Item], labels: list[int], seed: int, epochs: int = EPOCHS,
              progress=print) -> TunedTop:
    """Train copies of layers ``START``.. and a head on ``items`` (labels:
    indexes into ``LABELS``); the packaged lower layers give the hidden
    states they start from. Returns the tuned layers, rounded to float16 as
    they are stored."""
    import copy

    import torch
    from torch import nn

    torch.manual_seed(seed)
    rng = random.Random(seed)
    st = encoder.model
    base = st[0].auto_model
    base.eval()
    layers = nn.ModuleList(copy.deepcopy(layer) for layer in base.encoder.layer[START:])
    layers.train()
    head = nn.Linear(384 + len(context_names()), 3)
    drop = nn.Dropout(DROPOUT)
    y = torch.tensor(labels)
    counts = np.bincount(np.array(labels), minlength=3)
    loss_fn = nn.CrossEntropyLoss(weight=torch.tensor(len(labels) / (3 * np.maximum(counts, 1)), dtype=torch.float32))
    params = [*layers.parameters(), *head.parameters()]
    opt = torch.optim.AdamW(params, lr=LR, weight_decay=WEIGHT_DECAY)
    per_epoch = (len(items) + BATCH - 1) // BATCH
    steps = epochs * per_epoch
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, (steps - s) / steps))
    context = torch.tensor(context_matrix(items))
    for epoch in range(epochs):
        t0, total = time.perf_counter(), 0.0
        chunks = _batches(items, rng, shuffle=True)
        for chunk in chunks:
            features = st.preprocess([items[i].text for i in chunk])
            mask = features["attention_mask"]
            with torch.no_grad():
                hidden = hidden_at(base, features, START)
            pooled = run_layers(layers, hidden, mask)
            logits = head(torch.cat([drop(pooled * POOL_SCALE), context[chunk]], -1))
            loss = loss_fn(logits, y[chunk])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item()
        progress(f"  epoch {epoch + 1}/{epochs}: loss {total / len(chunks):.3f} ({time.perf_counter() - t0:.0f} s)")
    return TunedTop(
        START,
        [{k: v.detach().numpy().astype(np.float16) for k, v in layer.state_dict().items()} for layer in layers],
        head.weight.detach().numpy().astype(np.float16), head.bias.detach().numpy().astype(np.float16))

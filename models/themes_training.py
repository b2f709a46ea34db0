"""Choosing the theme tagger's thresholds on labelled passages.

``ofsted-mine train themes`` reads ``models/data/themes_tune.jsonl`` (never
the gold file) and writes ``models/themes/tuning.json`` and
``models/themes/prototypes.npz``:

1. Seed phrases: every seed is matched in the labelled passages; a seed that
   tags at least ``SEED_MIN_WRONG`` passages wrongly and is right less than
   ``SEED_MIN_PRECISION`` of the time is dropped.
2. Similarity: each passage's similarity to each theme's prototype is
   computed leaving its own document's examples out of the prototype (so a
   passage is never compared with itself), and for each theme with at least
   ``MIN_POSITIVES`` labelled passages the threshold that maximises F1 of
   (kept phrase or similarity >= threshold) is chosen; other themes get the
   threshold that maximises micro-F1 over all of them together.
3. Prototypes for the pipeline are made from every labelled example.

Deterministic: no randomness is involved; the same labels give the same file.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import numpy as np

from extractors.findings.encoder import Encoder
from extractors.themes.phrases import SeedMatcher
from extractors.themes.tagger import prototypes
from models.themes_data import LabelledPassage, data_file, locate_rows, read_theme_rows
from models.themes_taxonomy import Taxonomy, load_taxonomy

TUNING_VERSION = "tuning-1"
SEED_MIN_PRECISION = 0.6
SEED_MIN_WRONG = 2
MIN_POSITIVES = 5
GRID = np.round(np.arange(0.20, 0.81, 0.01), 2)


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def seed_stats(passages: list[LabelledPassage], taxonomy: Taxonomy) -> dict[str, dict[str, list[int]]]:
    """theme -> seed -> [right, wrong] over the labelled passages."""
    found = SeedMatcher({t.id: t.seeds for t in taxonomy.themes}).find([p.text for p in passages])
    stats: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for p, hits in zip(passages, found):
        for theme, phrases in hits.items():
            for s in phrases:
                stats[theme][s][0 if theme in p.themes else 1] += 1
    return stats


def dropped_seeds(stats) -> dict[str, list[str]]:
    out = {}
    for theme, seeds in stats.items():
        bad = sorted(s for s, (right, wrong) in seeds.items()
                     if wrong >= SEED_MIN_WRONG and right / (right + wrong) < SEED_MIN_PRECISION)
        if bad:
            out[theme] = bad
    return out


def lodo_similarity(passages: list[LabelledPassage], vecs: np.ndarray, desc: np.ndarray, ids: list[str]) -> np.ndarray:
    """Passage x theme similarity, each prototype made without the passage's own document."""
    docs = sorted({p.doc for p in passages})
    sims = np.zeros((len(passages), len(ids)), dtype=np.float32)
    doc_of = np.array([p.doc for p in passages])
    for d in docs:
        rows = np.where(doc_of == d)[0]
        examples = [vecs[[i for i, p in enumerate(passages) if t in p.themes and p.doc != d]] for t in ids]
        sims[rows] = vecs[rows] @ prototypes(desc, examples).T
    return sims


def choose_thresholds(passages, sims, phrase_hit: np.ndarray, ids: list[str]) -> tuple[dict[str, float], float]:
    gold = np.array([[t in p.themes for t in ids] for p in passages])
    positives = gold.sum(axis=0)

    def counts(j: int, thr: float) -> tuple[int, int, int]:
        pred = phrase_hit[:, j] | (sims[:, j] >= thr)
        return int((pred & gold[:, j]).sum()), int((pred & ~gold[:, j]).sum()), int((~pred & gold[:, j]).sum())

    best_global, best_f = 0.5, -1.0
    for thr in GRID:
        tp = fp = fn = 0
        for j in range(len(ids)):
            a, b, c = counts(j, thr)
            tp, fp, fn = tp + a, fp + b, fn + c
        f = _f1(tp, fp, fn)
        if f > best_f + 1e-9:
            best_global, best_f = float(thr), f
    chosen = {}
    for j, theme in enumerate(ids):
        if positives[j] < MIN_POSITIVES:
            chosen[theme] = best_global
            continue
        best_thr, best = best_global, -1.0
        for thr in GRID:
            f = _f1(*counts(j, thr))
            if f > best + 1e-9:
                best_thr, best = float(thr), f
        chosen[theme] = best_thr
    return chosen, best_global


def micro(passages, predicted: list[set[str]]) -> dict:
    tp = sum(len(p.themes & s) for p, s in zip(passages, predicted))
    n_pred = sum(len(s) for s in predicted)
    n_gold = sum(len(p.themes) for p in passages)
    return {"precision": round(tp / n_pred, 4) if n_pred else 0.0, "recall": round(tp / n_gold, 4) if n_gold else 0.0,
            "tagged": n_pred, "gold": n_gold}


def train(corpus_dir: Path, out_dir: Path, labels: Path | None = None, progress=print) -> dict:
    taxonomy = load_taxonomy()
    ids = list(taxonomy.ids)
    labels = Path(labels or data_file("themes_tune.jsonl"))
    progress(f"reading {labels.name} and finding its passages in {corpus_dir}")
    passages = locate_rows(read_theme_rows(labels, taxonomy), corpus_dir)
    encoder = Encoder()
    progress(f"encoding {len(passages)} passages and {len(ids)} descriptions")
    vecs = encoder.encode([p.text for p in passages])
    desc = encoder.encode([t.description for t in taxonomy.themes])

    stats = seed_stats(passages, taxonomy)
    dropped = dropped_seeds(stats)
    kept = SeedMatcher({t.id: [s for s in t.seeds if s not in set(dropped.get(t.id, ()))] for t in taxonomy.themes})
    found = kept.find([p.text for p in passages])
    phrase_hit = np.array([[t in f for t in ids] for f in found])
    sims = lodo_similarity(passages, vecs, desc, ids)
    thresholds, global_thr = choose_thresholds(passages, sims, phrase_hit, ids)

    thr = np.array([thresholds[t] for t in ids])
    predicted = [{t for j, t in enumerate(ids) if phrase_hit[i, j] or sims[i, j] >= thr[j]} for i in range(len(passages))]
    phrase_only = [{t for j, t in enumerate(ids) if phrase_hit[i, j]} for i in range(len(passages))]
    examples = [vecs[[i for i, p in enumerate(passages) if t in p.themes]] for t in ids]
    protos = prototypes(desc, examples)

    card = {
        "version": TUNING_VERSION,
        "taxonomy_version": taxonomy.version,
        "labels": labels.name,
        "passages": len(passages),
        "documents": sorted({p.doc for p in passages}),
        "examples_per_theme": {t: int(len(e)) for t, e in zip(ids, examples)},
        "thresholds": thresholds,
        "default_threshold": global_thr,
        "dropped_seeds": dropped,
        "rules": {"seed_min_precision": SEED_MIN_PRECISION, "seed_min_wrong": SEED_MIN_WRONG,
                  "min_positives": MIN_POSITIVES, "grid": [float(GRID[0]), float(GRID[-1]), 0.01]},
        "tune_set_leave_one_document_out": {"phrases_and_embedding": micro(passages, predicted),
                                            "phrases_only": micro(passages, phrase_only)},
    }
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "tuning.json").write_text(json.dumps(card, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    np.savez(out_dir / "prototypes.npz", ids=np.array(ids), vectors=protos.astype(np.float32))
    return card

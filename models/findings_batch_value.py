"""What each batch of findings labels adds, measured without the test sets.

    python -m models.findings_batch_value [--corpus DIR] [--c C] [--json]

Grouped cross-validation on the training side of ``ofsted-mine train
findings`` (same labels, split, weak labels, features and 5 folds grouped by
document), scored only on the training-side sentences of batches 1 to 3: the
batches drawn by cue strata, the same kind of sample as the held-out split and
the fresh test set (models/data/findings_test.jsonl). The folds are made once
over every document; each variant leaves the documents of some later batches
out of the training folds, so every variant is scored on the same sentences.

The variants: every batch; without batch 8; without batches 7 and 8; without
4 to 8 (only the cue-strata batches 1 to 3 and the weak labels). This is how
batches 7 and 8 were judged to help before the test sets were read
(LABELLING.md). The class-balanced logistic regression is fitted
uncalibrated, at ``--c`` (default 4: the value the grid of ``train findings``
reaches fastest; the comparison, not the level, is what this measures).
The weak labels are drawn once, as training draws them with every batch, so a
variant that leaves batches out keeps the same weak labels (training without
those label files would draw its weak labels from a slightly larger pool).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from extractors.findings.encoder import DEFAULT_ENCODER, Encoder
from extractors.findings.features import feature_matrix
from models.findings_scoring import score
from models.findings_training import FOLDS, SEED, _tfidf, training_data

VARIANTS = (("every batch", ()), ("without batch 8", (8,)), ("without batches 7 and 8", (7, 8)),
            ("without batches 4 to 8", (4, 5, 6, 7, 8)))
SCORED_BATCHES = (1, 2, 3)


def batch_number(path: Path) -> int:
    """findings_labels.jsonl is batch 1, findings_labels_<n>.jsonl batch n."""
    stem = path.stem.rsplit("_", 1)[-1]
    return int(stem) if stem.isdigit() else 1


def measure(corpus_dir: Path, C: float = 4.0, progress=print) -> dict:
    t0 = time.perf_counter()
    data = training_data(corpus_dir, SEED, progress)
    batch_of = {}
    for name, rows in data.by_file.items():
        for r in rows:
            batch_of.setdefault(r["doc"], batch_number(Path(name)))
    ex = data.train_hand + data.weak
    progress(f"encoding {len(ex)} sentences with {DEFAULT_ENCODER}")
    emb = Encoder(DEFAULT_ENCODER).encode([e.item.text for e in ex])
    y = np.array([e.label for e in ex])
    groups = np.array([e.doc for e in ex])
    batch = np.array([0 if e.weak else batch_of[e.doc] for e in ex])
    scored = np.isin(batch, SCORED_BATCHES)
    folds = list(GroupKFold(n_splits=FOLDS).split(emb, y, groups))
    out = {"C": C, "scored_sentences": int(scored.sum()), "variants": {}}
    for name, left_out in VARIANTS:
        preds = np.empty(len(y), dtype=object)
        for tr, te in folds:
            tr = tr[~np.isin(batch[tr], left_out)]
            tfidf = _tfidf().fit([ex[i].item.text for i in tr])
            Xtr = feature_matrix([ex[i].item for i in tr], emb[tr], tfidf)
            m = LogisticRegression(C=C, max_iter=5000, class_weight="balanced", random_state=SEED).fit(Xtr, y[tr])
            preds[te] = m.predict(feature_matrix([ex[i].item for i in te], emb[te], tfidf))
        s = score([(g, p) for g, p in zip(y[scored], preds[scored])])
        out["variants"][name] = {"left_out": list(left_out), "macro_f1": s["macro_f1"], "accuracy": s["accuracy"],
                                 "recall": {k: v["recall"] for k, v in s["per_class"].items()}}
        progress(f"  {name}: macro-F1 {s['macro_f1']:.4f} on the {int(scored.sum())} batch 1-3 sentences")
    out["seconds"] = round(time.perf_counter() - t0, 1)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "corpus")
    ap.add_argument("--c", type=float, default=4.0, help="regularisation of the logistic regression (default 4)")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    args = ap.parse_args(argv)
    if not (args.corpus / "MANIFEST.csv").is_file():
        print(f"error: {args.corpus} is not the corpus (no MANIFEST.csv); give --corpus DIR", file=sys.stderr)
        return 2
    result = measure(args.corpus, args.c, progress=(lambda *a: print(*a, file=sys.stderr)) if args.json else print)
    if args.json:
        print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

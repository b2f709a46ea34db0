"""Scoring predicted finding labels against gold labels (../shared/gold/README.md).

A gold ``mixed`` counts as correct for a prediction of ``strength`` or
``improvement`` (and as that class), wrong for ``neutral``; in the
per-class figures and the confusion matrix a mixed row is counted under
the predicted class when it is right, else under ``improvement``.
"""
from __future__ import annotations

LABELS = ("strength", "improvement", "neutral")


def resolve(gold: str, pred: str) -> str:
    """The gold label a prediction is scored against (mixed resolved)."""
    if gold == "mixed":
        return pred if pred in ("strength", "improvement") else "improvement"
    return gold


def score(pairs: list[tuple[str, str]]) -> dict:
    """``pairs``: (gold, predicted). Accuracy, per-class precision/recall/F1,
    macro-F1 and the confusion matrix (rows gold, columns predicted)."""
    n = len(pairs)
    resolved = [(resolve(g, p), p) for g, p in pairs]
    correct = sum(g == p for g, p in resolved)
    confusion = {g: {p: 0 for p in LABELS} for g in LABELS}
    for g, p in resolved:
        if g in confusion and p in LABELS:
            confusion[g][p] += 1
    per_class = {}
    f1s = []
    for c in LABELS:
        tp = confusion[c][c]
        pred_n = sum(confusion[g][c] for g in LABELS)
        gold_n = sum(confusion[c].values())
        prec = tp / pred_n if pred_n else 0.0
        rec = tp / gold_n if gold_n else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_class[c] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4), "support": gold_n}
        f1s.append(f1)
    return {
        "n": n,
        "accuracy": round(correct / n, 4) if n else 0.0,
        "macro_f1": round(sum(f1s) / len(f1s), 4) if n else 0.0,
        "per_class": per_class,
        "confusion": confusion,
        "mixed": sum(1 for g, _ in pairs if g == "mixed"),
    }


def calibration_error(probs: list[float], correct: list[bool], bins: int = 10) -> float:
    """Expected calibration error of the top label's probability."""
    if not probs:
        return 0.0
    total = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, p in enumerate(probs) if lo < p <= hi or (b == 0 and p == 0)]
        if idx:
            conf = sum(probs[i] for i in idx) / len(idx)
            acc = sum(correct[i] for i in idx) / len(idx)
            total += len(idx) / len(probs) * abs(conf - acc)
    return round(total, 4)

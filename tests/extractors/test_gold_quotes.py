"""Segmentation against annotations: every quote of the gold files (and of the
project's own findings labels) lies inside exactly one passage, so evaluation
can look up the passage that holds it."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from corpus.readers import read_path
from extractors.segment import segment
from pipeline.evaluate.quotes import locate

REPO = Path(__file__).resolve().parents[2]


@lru_cache(maxsize=None)
def _document(path: str):
    doc = read_path(Path(path))
    return doc, segment(doc)


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("name", ["figures_dev.jsonl", "findings_dev.jsonl"])
def test_every_gold_quote_is_inside_one_passage(corpus_dir, name):
    gold = corpus_dir.parent / "gold" / name
    if not gold.exists():
        pytest.skip(f"{gold} not present")
    bad = []
    for row in _rows(gold):
        doc, seg = _document(str(corpus_dir / row["doc"]))
        hits = locate(row["quote"], doc, seg)
        if len({h.passage.index for h in hits if h.passage is not None}) != 1:
            bad.append((row["doc"], row["quote"], len(hits)))
    assert bad == []


def test_every_findings_label_quote_is_inside_one_passage(corpus_dir):
    bad = []
    data = REPO / "models" / "data"
    rows = [r for path in [*sorted(data.glob("findings_labels*.jsonl")), data / "findings_test.jsonl"] for r in _rows(path)]
    assert len(rows) >= 2000
    for row in rows:
        doc, seg = _document(str(corpus_dir / row["doc"]))
        hits = locate(row["quote"], doc, seg)
        if len({h.passage.index for h in hits if h.passage is not None}) != 1:
            bad.append((row["doc"], row["quote"][:60], len(hits)))
    assert bad == []

"""Labelled findings as classifier items: the hand-labelled sentences
(``models/data/findings_labels*.jsonl``) and the weak labels the documents'
own structure gives (recommendation-list items are improvements).

Each labelled quote is found in its document's passages (segmenter seg-2)
and turned into the same :class:`~extractors.findings.features.Item` the
pipeline classifies, with the passage's context (grade of its section,
recommendation list, letter opening, list item, document family).
"""
from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from corpus.readers import read_path
from extractors.findings.context import passage_contexts
from extractors.findings.features import Item, family
from extractors.findings.recommendations import recommendations
from extractors.segment import segment

DEV_GOLD_DOCS = {"focused_visits/barnet_2021-08-02.pdf"}
_PLAIN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_PLAIN)).strip().lower()


# The held-out documents are drawn from the first two batches only, so the
# held-out set stays the same when more labels are added: the documents of
# later files (findings_labels_3.jsonl, ...) are training data only.
SPLIT_FILES = ("findings_labels.jsonl", "findings_labels_2.jsonl")


def label_files() -> list[Path]:
    base = Path(str(resources.files("models").joinpath("data")))
    return sorted(base.glob("findings_labels*.jsonl"))


def test_set_documents() -> set[str]:
    """The documents of the fresh test set (models/data/findings_test.jsonl):
    never trained on, not even for weak labels."""
    path = Path(str(resources.files("models").joinpath("data", "findings_test.jsonl")))
    if not path.is_file():
        return set()
    return {r["doc"] for r in read_labels([path])}


def read_labels(paths: list[Path]) -> list[dict]:
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip() and not line.startswith("#"):
                    rows.append(json.loads(line))
    return rows


@dataclass(frozen=True)
class Example:
    doc: str
    quote: str
    label: str  # strength | improvement | neutral | mixed
    item: Item
    weak: bool = False


def _kind_of(rel: str) -> str:
    return "focused_visit" if rel.startswith("focused_visits/") else "ilacs" if rel.startswith("ilacs/") else "minutes"


class _DocCache:
    def __init__(self, corpus_dir: Path) -> None:
        self.corpus_dir = Path(corpus_dir)
        self._docs: dict[str, tuple] = {}

    def get(self, rel: str):
        if rel not in self._docs:
            doc = read_path(self.corpus_dir / rel, rel)
            seg = segment(doc)
            recs = recommendations(seg)
            rec_passages = {i for r in recs for i in r.passages}
            ctx = passage_contexts(seg, rec_passages)
            self._docs[rel] = (seg, ctx, rec_passages, [_plain(p.text) for p in seg.passages])
        return self._docs[rel]


def hand_examples(rows: list[dict], corpus_dir: Path, cache: _DocCache | None = None) -> list[Example]:
    """The labelled rows as examples; a quote not found in its document is an error."""
    cache = cache or _DocCache(corpus_dir)
    out = []
    for r in rows:
        seg, ctx, _recs, plain = cache.get(r["doc"])
        q = _plain(r["quote"])
        hits = [i for i, t in enumerate(plain) if q in t]
        if len(hits) != 1:
            raise ValueError(f"{r['doc']}: quote found in {len(hits)} passages: {r['quote'][:60]!r}")
        p, c = seg.passages[hits[0]], ctx[hits[0]]
        item = Item(p.text, c.grade, c.in_recommendations, c.intro, p.kind == "list_item", family(_kind_of(r["doc"])))
        out.append(Example(r["doc"], r["quote"], r["label"], item))
    return out


def weak_examples(docs: list[str], corpus_dir: Path, limit: int, seed: int,
                  cache: _DocCache | None = None) -> list[Example]:
    """Recommendation-list items of ``docs`` (improvements by the documents'
    own structure), at most ``limit``, drawn with ``seed``."""
    cache = cache or _DocCache(corpus_dir)
    pool = []
    for rel in docs:
        seg, ctx, rec_passages, _plain_texts = cache.get(rel)
        for i in sorted(rec_passages):
            p, c = seg.passages[i], ctx[i]
            if len(p.text.split()) >= 4:
                item = Item(p.text, c.grade, True, c.intro, p.kind == "list_item", family(_kind_of(rel)))
                pool.append(Example(rel, p.text, "improvement", item, weak=True))
    random.Random(seed).shuffle(pool)
    return pool[:limit]


def split_documents(docs: list[str], seed: int, test_share: float,
                    train_only: set[str] | frozenset[str] = frozenset()) -> tuple[list[str], list[str]]:
    """Documents into train and test, per folder (ILACS / focused visits) so
    both kinds are in both; seeded. No document is in both. ``train_only``
    documents are not drawn for the test side."""
    train, test = sorted(set(train_only) & set(docs)), []
    docs = [d for d in docs if d not in set(train_only)]
    by_folder: dict[str, list[str]] = {}
    for d in sorted(set(docs)):
        by_folder.setdefault(d.split("/")[0], []).append(d)
    rng = random.Random(seed)
    for folder in sorted(by_folder):
        items = by_folder[folder]
        rng.shuffle(items)
        n_test = max(1, round(len(items) * test_share))
        test += items[:n_test]
        train += items[n_test:]
    return sorted(train), sorted(test)

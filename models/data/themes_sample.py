"""Draw the passages hand-labelled with themes, and check the labels files.

Two sets, from different documents (no local authority in both):

* ``themes_tune.jsonl``: the set the theme thresholds are chosen on
  (``ofsted-mine train themes``) and whose passages serve as the themes'
  labelled examples: 12 sentences from each of the 46 documents of
  findings batch 1 (``findings_labels.jsonl``), drawn with a seeded
  ``random.Random``;
* ``themes_gold.jsonl``: the held-out evaluation set
  (``ofsted-mine evaluate themes``): 10 sentences from each of the 46
  documents of findings batch 2 (authorities batch 1 does not use), and 6
  passages from each council paper and monitoring letter in the corpus
  (minutes and committee reports, which no findings batch covers).

    python models/data/themes_sample.py --draw tune > candidates.jsonl
    python models/data/themes_sample.py --draw gold > candidates.jsonl
    python models/data/themes_sample.py --check models/data/themes_gold.jsonl

Only the project and the standard library are imported.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
for p in (ROOT, HERE):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import findings_sample as fs  # noqa: E402

SEED = 20261122
TUNE_PER_DOC = 12
GOLD_PER_DOC = 10
COUNCIL_PER_DOC = 6
COUNCIL_KINDS = ("minutes", "committee_reports", "monitoring_visits")
TAXONOMY = ROOT / "models" / "themes" / "taxonomy.toml"


def theme_ids() -> list[str]:
    with open(TAXONOMY, "rb") as fh:
        return [t["id"] for t in tomllib.load(fh)["theme"]]


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def from_findings(labels: Path, per_doc: int, rng: random.Random) -> list[dict]:
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for r in _rows(labels):
        by_doc[r["doc"]].append(r)
    out = []
    for doc in sorted(by_doc):
        rows = list(by_doc[doc])
        rng.shuffle(rows)
        out += [{"doc": doc, "quote": r["quote"], "section": r.get("section", "")} for r in rows[:per_doc]]
    return out


def council(rng: random.Random) -> list[dict]:
    with open(fs.CORPUS / "MANIFEST.csv", newline="", encoding="utf-8") as fh:
        docs = sorted(r["path"] for r in csv.DictReader(fh) if r["kind"] in COUNCIL_KINDS)
    out = []
    for rel in docs:
        seg = fs.load(rel)
        plain = " ".join(fs._plain(p.text) for p in seg.passages)
        pool = []
        for p in seg.passages:
            if p.kind == "heading" or len(p.text.split()) < 10:
                continue
            q = fs.quote_for(p.text, plain)
            if q:
                title = seg.sections[p.section].title.strip() if p.section is not None else ""
                pool.append({"doc": rel, "quote": q, "section": title})
        rng.shuffle(pool)
        out += pool[:COUNCIL_PER_DOC]
    return out


def draw(which: str) -> list[dict]:
    rng = random.Random(f"{SEED}-{which}")
    if which == "tune":
        return from_findings(HERE / "findings_labels.jsonl", TUNE_PER_DOC, rng)
    return from_findings(HERE / "findings_labels_2.jsonl", GOLD_PER_DOC, rng) + council(rng)


def check(path: Path) -> int:
    ids = set(theme_ids())
    bad = 0
    for n, r in enumerate(_rows(path), 1):
        themes = r.get("themes")
        if not isinstance(themes, list) or not set(themes) <= ids or len(set(themes)) != len(themes):
            print(f"{path.name}:{n}: themes must be a list of distinct taxonomy ids: {themes!r}")
            bad += 1
        if not r.get("doc") or not r.get("quote"):
            print(f"{path.name}:{n}: doc and quote are required")
            bad += 1
    print(f"{path}: {n} rows, {bad} problems")
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--draw", choices=("tune", "gold"))
    ap.add_argument("--check", type=Path)
    a = ap.parse_args()
    if a.check:
        return check(a.check)
    if not a.draw:
        ap.error("--draw or --check")
    for row in draw(a.draw):
        print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

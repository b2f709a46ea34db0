"""Draw the passages hand-labelled with themes, and check the labels files.

The sets, from different documents (no local authority has documents in both
the tuning files and the gold file, except three: Middlesbrough's 2026 focused
visit is in ``themes_tune.jsonl``; Middlesbrough's and Kent's council papers
are split between ``themes_tune_6.jsonl`` and the gold file; Medway's
committee report is in ``themes_tune_6.jsonl`` and its 2019 focused visit
in the gold file):

* ``themes_tune.jsonl``: the set the theme thresholds are chosen on
  (``ofsted-mine train themes``) and whose passages serve as the themes'
  labelled examples: 12 sentences from each of the 46 documents of
  findings batch 1 (``findings_labels.jsonl``), drawn with a seeded
  ``random.Random``;
* ``themes_tune_2.jsonl``: the themes of findings batch 3
  (``findings_labels_3.jsonl``: 46 more documents, authorities of neither
  earlier batch nor the council papers), labelled with both at once;
* ``themes_tune_3.jsonl`` and ``themes_tune_4.jsonl``: 12 passages from
  each of 80 more ILACS reports and focused-visit letters each
  (``--draw tune3``, ``--draw tune4``), drawn with a seeded
  ``random.Random`` from the documents no earlier file labels whose
  authority has no document in the gold set, from the judgement and
  findings sections (``findings_sample.candidate_pool``);
* ``themes_tune_5.jsonl``: 10 passages from each of 36 more such documents
  (``--draw tune5``), the ones on which the tagger of commit 85fc3e5
  (themes-3, the tuning on 3,559 passages; to repeat the draw, extract it
  with ``git archive 85fc3e5 models/themes | tar -x -C /tmp/t`` and give
  ``--model-dir /tmp/t/models/themes``) is least sure: whose probability for some
  theme is closest to the tagging threshold (the annotators did not see the
  tagger's output);
* ``themes_tune_6.jsonl``: council papers, which the earlier tuning files
  lack. Half the minutes and half the committee reports (``council_tune_documents``:
  a seeded order of groups of papers that repeat each other's text, so no
  passage is on both sides) moved from the gold set to tuning, with the 6
  labelled passages each had there, plus 30 more passages from each
  (``--draw council``, labelled blind by three helpers);
* ``themes_tune_7.jsonl``: 12 passages from each of 80 more ILACS reports
  and focused-visit letters, the third batch of the ``tune3`` draw
  (``--draw tune7``), labelled blind by eight helpers;
* ``themes_tune_8.jsonl``: the fourth batch of the same draw (``--draw
  tune8``), which runs out of eligible documents: 12 passages from each of
  the last 40, labelled blind by four helpers;
* ``themes_tune_9.jsonl``: 5 more passages from each of the 407 ILACS
  reports and focused-visit letters of the tuning files (``--draw tune9``,
  ``tune_documents``), none a passage an earlier tuning file labels, drawn
  with a seeded ``random.Random`` from the same candidates, labelled blind
  by sixteen helpers;
* ``themes_tune_10.jsonl``: 5 more from each of those documents again and
  40 more from each council paper of ``themes_tune_6.jsonl`` (``--draw
  tune10``), none a passage an earlier tuning file labels, labelled blind
  by eighteen helpers;
* ``themes_tune_11.jsonl`` and ``themes_tune_12.jsonl``: 5 more from each
  of those reports and letters, twice more (``--draw tune11``, ``--draw
  tune12``), each labelled blind by sixteen helpers;
* ``themes_tune_13.jsonl``: 5 more from each of those reports and letters
  (``--draw tune13``), the ones on which the tagger of commit bf60966
  (tuning on 13,955 passages; to repeat the draw, extract it with ``git
  archive bf60966 models/themes | tar -x -C /tmp/t`` and give ``--model-dir
  /tmp/t/models/themes``) is least sure, as for ``themes_tune_5.jsonl``,
  among the candidates of at least 4 words no earlier file labels; labelled
  blind by sixteen helpers. Training does not choose its threshold on them
  (``models.themes_training.UNSURE_FILES``);
* ``themes_gold.jsonl``: the held-out evaluation set
  (``ofsted-mine evaluate themes``): 10 sentences from each of the 46
  documents of findings batch 2 (authorities batch 1 does not use), and 6
  passages from each council paper and monitoring letter in the corpus
  (minutes and committee reports, which no findings batch covers) that
  ``themes_tune_6.jsonl`` did not take;
* ``themes_gold_2.jsonl``: a second held-out set, drawn after the tagger of
  ``themes_tune_13.jsonl`` had been scored on the first (``--draw gold2``,
  ``second_gold``): 3 passages of each of the 143 ILACS reports and
  focused-visit letters that no other themes file labels, all of
  authorities of the gold set; labelled twice, blind, and adjudicated as
  the first.

    python models/data/themes_sample.py --draw tune > candidates.jsonl
    python models/data/themes_sample.py --draw gold > candidates.jsonl
    python models/data/themes_sample.py --draw tune3 > candidates.jsonl
    python models/data/themes_sample.py --draw tune5 --model-dir DIR > candidates.jsonl
    python models/data/themes_sample.py --draw council > candidates.jsonl
    python models/data/themes_sample.py --draw tune7 > candidates.jsonl
    python models/data/themes_sample.py --draw tune8 > candidates.jsonl
    python models/data/themes_sample.py --draw tune9 > candidates.jsonl
    python models/data/themes_sample.py --draw tune10 > candidates.jsonl
    python models/data/themes_sample.py --draw tune11 > candidates.jsonl
    python models/data/themes_sample.py --draw tune12 > candidates.jsonl
    python models/data/themes_sample.py --draw tune13 --model-dir DIR > candidates.jsonl
    python models/data/themes_sample.py --draw gold2 > candidates.jsonl
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
TUNE3_DOCS = 80
GOLD_PER_DOC = 10
COUNCIL_PER_DOC = 6
COUNCIL_TUNE_PER_DOC = 30
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


def council_pool(rel: str) -> list[dict]:
    """A council paper's passages that may be drawn: not headings, at least
    10 words, with a quote found once in the document."""
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
    return pool


def council(rng: random.Random) -> list[dict]:
    with open(fs.CORPUS / "MANIFEST.csv", newline="", encoding="utf-8") as fh:
        docs = sorted(r["path"] for r in csv.DictReader(fh) if r["kind"] in fs.COUNCIL_KINDS)
    out = []
    for rel in docs:
        pool = council_pool(rel)
        rng.shuffle(pool)
        out += pool[:COUNCIL_PER_DOC]
    return out


SHARED_PASSAGES = 5  # council papers sharing this many passages are one unit of the split


def shared_text_groups(docs: list[str]) -> list[list[str]]:
    """``docs`` grouped so that papers repeating each other's text (a call-in
    report sent to two meetings) fall on the same side of a split."""
    text = {d: {fs._plain(p.text) for p in fs.load(d).passages if len(p.text.split()) >= 8} for d in docs}
    group = {d: {d} for d in docs}
    for i, a in enumerate(docs):
        for b in docs[i + 1:]:
            if len(text[a] & text[b]) >= SHARED_PASSAGES and group[a] is not group[b]:
                merged = group[a] | group[b]
                for d in merged:
                    group[d] = merged
    return sorted({tuple(sorted(g)) for g in group.values()})


def council_tune_documents() -> list[str]:
    """The council papers moved from the gold set to tuning (``themes_tune_6.jsonl``):
    of the minutes and of the committee reports, half (rounded down), taken
    in a seeded order of groups of papers that repeat each other's text (so
    no passage is on both sides). The rest, and the monitoring letter, stay
    in the gold set."""
    rows = fs.manifest()
    rng = random.Random(f"{SEED}-council-split")
    out = []
    for kind in ("minutes", "committee_reports"):
        docs = sorted(r["path"] for r in rows if r["kind"] == kind)
        groups = shared_text_groups(docs)
        rng.shuffle(groups)
        taken: list[str] = []
        for g in groups:
            if len(taken) + len(g) <= len(docs) // 2:
                taken += g
        out += taken
    return sorted(out)


def council_tune(rng: random.Random) -> list[dict]:
    """``themes_tune_6.jsonl``'s new passages: ``COUNCIL_TUNE_PER_DOC`` from each
    of ``council_tune_documents()``, in a seeded order, leaving out those the
    gold draw took (``--draw gold``, repeatable: they moved to the tuning file
    with their labels, so the gold file no longer lists them)."""
    had = {(r["doc"], r["quote"]) for r in draw("gold")}
    out = []
    for rel in council_tune_documents():
        pool = [c for c in council_pool(rel) if (rel, c["quote"]) not in had]
        rng.shuffle(pool)
        out += pool[:COUNCIL_TUNE_PER_DOC]
    return out


EARLIER_FILES = ("findings_labels.jsonl", "findings_labels_2.jsonl", "findings_labels_3.jsonl",
                 "themes_tune.jsonl", "themes_tune_2.jsonl", "themes_gold.jsonl")
UNSURE_EARLIER = ("themes_tune_3.jsonl", "themes_tune_4.jsonl", "findings_labels_4.jsonl")
UNSURE_DOCS = 36
UNSURE_PER_DOC = 10
MORE_PER_DOC = 5
COUNCIL_MORE_PER_DOC = 40  # themes_tune_10.jsonl only
MORE_DRAWS = ("tune9", "tune10", "tune11", "tune12")
UNSURE_MORE_DRAWS = ("tune13",)


def gold_authorities(rows: list[dict]) -> set[str]:
    """The local authorities with a document in the gold set (``rows``: the manifest)."""
    gold_docs = {r["doc"] for r in _rows(HERE / "themes_gold.jsonl")}
    return {r["local_authority"] for r in rows if r["path"] in gold_docs}


def unlabelled_documents(files: tuple[str, ...]) -> list[str]:
    """ILACS reports and focused-visit letters that none of ``files`` labels,
    of authorities with nothing in the gold set, sorted."""
    labelled = {r["doc"] for f in files for r in _rows(HERE / f)}
    rows = fs.manifest()
    gold_las = gold_authorities(rows)
    pools = fs.eligible(rows)
    return sorted(r["path"] for kind in ("ilacs", "focused_visits") for r in pools[kind]
                  if r["local_authority"] not in gold_las and r["path"] not in labelled)


def more_tune(rng: random.Random, batch: int) -> list[dict]:
    """Batch ``batch`` (1: themes_tune_3.jsonl, 2: themes_tune_4.jsonl, 3:
    themes_tune_7.jsonl, 4: themes_tune_8.jsonl, which gets only the 40
    documents left) of ``TUNE3_DOCS`` ILACS reports and focused-visit
    letters that no earlier file labels, of authorities with nothing in the
    gold set, in a seeded order, ``TUNE_PER_DOC`` passages each (later
    batches continue the same draw, so earlier ones are unchanged; batch 3
    passes over the documents of themes_tune_5.jsonl, which were drawn from
    beyond batch 2)."""
    docs = unlabelled_documents(EARLIER_FILES)
    rng.shuffle(docs)
    skip = {r["doc"] for r in _rows(HERE / "themes_tune_5.jsonl")} if batch > 2 else set()
    out, taken = [], 0
    for rel in docs:
        if taken >= batch * TUNE3_DOCS:
            break
        if rel in skip:
            continue
        pool = fs.candidate_pool(rel)
        if len(pool) < 2 * TUNE_PER_DOC:
            continue  # too little usable text
        picked = sorted(rng.sample(pool, TUNE_PER_DOC), key=lambda c: c["index"])
        taken += 1
        if taken > (batch - 1) * TUNE3_DOCS:
            out += [{"doc": rel, "quote": c["quote"], "section": c["section"]} for c in picked]
    return out


def closeness(rel: str, pool: list[dict], tagger, encoder) -> list[float]:
    """For each candidate of ``rel``: how far its likeliest-to-flip theme's
    probability is from the tagging threshold (small = unsure), computed as
    the themes stage computes it (previous passage, paragraph vector, scope)."""
    import numpy as np

    from extractors.themes.extract import tagger_inputs
    from extractors.understand import understand

    seg = fs.load(rel)
    areas = [a.text for a in understand(fs.document(rel), seg).areas_covered]
    proba = tagger.classifier_proba(*tagger_inputs(seg, [seg.passages[c["index"]] for c in pool], encoder, areas))
    return np.abs(proba - tagger.classifier.threshold).min(axis=1).tolist()


def least_sure(rel: str, pool: list[dict], k: int, tagger, encoder, rng: random.Random) -> list[dict]:
    """The ``k`` candidates of ``pool`` (of ``rel``) nearest the tagging
    threshold (``closeness``), in document order; ``pool`` is shuffled first
    with ``rng``, so ties are broken at random, reproducibly."""
    rng.shuffle(pool)
    near = closeness(rel, pool, tagger, encoder) if pool else []
    return sorted((pool[i] for i in sorted(range(len(pool)), key=lambda i: near[i])[:k]), key=lambda c: c["index"])


def unsure_tune(rng: random.Random, model_dir: Path | None = None) -> list[dict]:
    """``themes_tune_5.jsonl``: ``UNSURE_DOCS`` ILACS reports and focused-visit
    letters that none of EARLIER_FILES and UNSURE_EARLIER uses, of authorities with nothing in the
    gold set, in a seeded order; from each, the ``UNSURE_PER_DOC`` candidates
    whose closest theme probability is nearest the threshold."""
    from extractors.findings.encoder import shared_encoder
    from extractors.themes import load_tagger

    docs = unlabelled_documents((*EARLIER_FILES, *UNSURE_EARLIER))
    rng.shuffle(docs)
    tagger, encoder = load_tagger(model_dir), shared_encoder()
    out, taken = [], 0
    for rel in docs:
        if taken >= UNSURE_DOCS:
            break
        pool = [c for c in fs.candidate_pool(rel) if len(c["text"].split()) >= 4]
        if len(pool) < 2 * TUNE_PER_DOC:
            continue  # too little usable text
        picked = least_sure(rel, pool, UNSURE_PER_DOC, tagger, encoder, rng)
        taken += 1
        out += [{"doc": rel, "quote": c["quote"], "section": c["section"]} for c in picked]
    return out


def earlier_tune_rows(number: int) -> list[dict]:
    """The rows of the tuning files before ``themes_tune_<number>.jsonl``."""
    return [r for f in sorted(HERE.glob("themes_tune*.jsonl")) if _tune_file_number(f) < number
            for r in _rows(f)]


def tune_documents(number: int) -> list[str]:
    """The ILACS reports and focused-visit letters that the tuning files before
    ``themes_tune_<number>.jsonl`` label, of authorities with nothing in the
    gold set, sorted."""
    rows = fs.manifest()
    la = {r["path"]: r["local_authority"] for r in rows}
    gold_las = gold_authorities(rows)
    return sorted({r["doc"] for r in earlier_tune_rows(number)
                   if r["doc"].startswith(("ilacs/", "focused_visits/")) and la.get(r["doc"]) not in gold_las})


def _tune_file_number(path: Path) -> int:
    """themes_tune.jsonl is 1, themes_tune_9.jsonl is 9."""
    tail = path.stem.rsplit("_", 1)[-1]
    return int(tail) if tail.isdigit() else 1


def labelled_quotes(number: int) -> dict[str, list[str]]:
    """doc -> the normalised quotes the tuning files before ``themes_tune_<number>.jsonl`` label."""
    labelled: dict[str, list[str]] = defaultdict(list)
    for r in earlier_tune_rows(number):
        labelled[r["doc"]].append(fs._plain(r["quote"]))
    return labelled


def fresh_candidates(rel: str, quotes: list[str]) -> list[dict]:
    """The candidates of ``rel`` (``findings_sample.candidate_pool``) holding none of ``quotes``."""
    return [c for c in fs.candidate_pool(rel) if not any(q in fs._plain(c["text"]) for q in quotes)]


def more_of_tune_documents(rng: random.Random, number: int, council_per_doc: int = 0) -> list[dict]:
    """``themes_tune_<number>.jsonl`` (9 to 12): ``MORE_PER_DOC`` more passages
    from each document of ``tune_documents`` (the eligible documents ran out
    with ``themes_tune_8.jsonl``) and ``council_per_doc`` more from each
    council paper of ``council_tune_documents``, none a passage an earlier
    tuning file labels, drawn with a seeded ``random.Random`` from the
    judgement and findings sections (``findings_sample.candidate_pool``) and
    from ``council_pool``."""
    labelled = labelled_quotes(number)
    out = []
    for rel in tune_documents(number):
        pool = fresh_candidates(rel, labelled[rel])
        picked = sorted(rng.sample(pool, min(MORE_PER_DOC, len(pool))), key=lambda c: c["index"])
        out += [{"doc": rel, "quote": c["quote"], "section": c["section"]} for c in picked]
    for rel in council_tune_documents() if council_per_doc else ():
        pool = [c for c in council_pool(rel)
                if not any(q in fs._plain(c["quote"]) or fs._plain(c["quote"]) in q for q in labelled[rel])]
        rng.shuffle(pool)
        out += pool[:council_per_doc]
    return out


def unsure_of_tune_documents(rng: random.Random, number: int, model_dir: Path | None = None) -> list[dict]:
    """``themes_tune_<number>.jsonl`` (13): from each document of
    ``tune_documents``, the ``MORE_PER_DOC`` candidates of at least 4 words
    that no earlier tuning file labels whose closest theme probability is
    nearest the tagging threshold (``closeness``, as ``unsure_tune``), ties
    broken by a seeded shuffle."""
    from extractors.findings.encoder import shared_encoder
    from extractors.themes import load_tagger

    tagger, encoder = load_tagger(model_dir), shared_encoder()
    labelled = labelled_quotes(number)
    docs = tune_documents(number)
    out = []
    for n, rel in enumerate(docs, 1):
        pool = [c for c in fresh_candidates(rel, labelled[rel]) if len(c["text"].split()) >= 4]
        picked = least_sure(rel, pool, MORE_PER_DOC, tagger, encoder, rng)
        out += [{"doc": rel, "quote": c["quote"], "section": c["section"]} for c in picked]
        if n % 25 == 0 or n == len(docs):
            print(f"{n}/{len(docs)} documents", file=sys.stderr, flush=True)
    return out


GOLD2_PER_DOC = 3


def second_gold(rng: random.Random) -> list[dict]:
    """``themes_gold_2.jsonl``: ``GOLD2_PER_DOC`` passages, drawn with a seeded
    ``random.Random`` from the candidates (``findings_sample.candidate_pool``),
    of every ILACS report and focused-visit letter that neither the tuning
    files to ``themes_tune_13.jsonl`` nor ``themes_gold.jsonl`` label (all of
    authorities with a document in the gold set, since every other
    authority's are in the tuning files)."""
    labelled = {r["doc"] for r in earlier_tune_rows(14)} | {r["doc"] for r in _rows(HERE / "themes_gold.jsonl")}
    pools = fs.eligible(fs.manifest())
    out = []
    for rel in sorted(r["path"] for kind in ("ilacs", "focused_visits") for r in pools[kind] if r["path"] not in labelled):
        pool = fs.candidate_pool(rel)
        picked = sorted(rng.sample(pool, min(GOLD2_PER_DOC, len(pool))), key=lambda c: c["index"])
        out += [{"doc": rel, "quote": c["quote"], "section": c["section"]} for c in picked]
    return out


def draw(which: str, model_dir: Path | None = None) -> list[dict]:
    if which == "gold2":
        return second_gold(random.Random(f"{SEED}-gold2"))
    if which in UNSURE_MORE_DRAWS:
        return unsure_of_tune_documents(random.Random(f"{SEED}-{which}"), int(which[4:]), model_dir)
    if which in MORE_DRAWS:
        number = int(which[4:])
        return more_of_tune_documents(random.Random(f"{SEED}-{which}"), number,
                                      COUNCIL_MORE_PER_DOC if number == 10 else 0)
    if which == "council":
        return council_tune(random.Random(f"{SEED}-council"))
    if which == "tune5":
        return unsure_tune(random.Random(f"{SEED}-tune5"), model_dir)
    if which in ("tune3", "tune4", "tune7", "tune8"):
        return more_tune(random.Random(f"{SEED}-tune3"), {"tune3": 1, "tune4": 2, "tune7": 3, "tune8": 4}[which])
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
    ap.add_argument("--draw", choices=("tune", "gold", "tune3", "tune4", "tune5", "council", "tune7", "tune8",
                                       *MORE_DRAWS, *UNSURE_MORE_DRAWS, "gold2"))
    ap.add_argument("--check", type=Path)
    ap.add_argument("--model-dir", type=Path, default=None,
                    help="--draw tune5 or tune13: the theme tagger to draw with (default: the packaged one; see above)")
    a = ap.parse_args()
    if a.check:
        return check(a.check)
    if not a.draw:
        ap.error("--draw or --check")
    for row in draw(a.draw, a.model_dir):
        print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Accuracy of the figures extractor.

Recall (../shared/gold/README.md): a gold figure is found when the extractor
reports, in the same document, a figure whose span overlaps the quote, with
the same unit and a value equal within 0.5% relative. Recall is over ``core``
rows (rows without a tier count as core). Over the found core rows:
agreement on ``metric`` (gold rows with a metric), on role (gold ``kind``
``target`` against role ``target``; anything else against ``observed`` or
``previous``, the earlier value of a change being an observed value too), on
``previous_value`` (the linked earlier figure has that value), ``as_of``
(equal, or the figure's date within the gold month) and ``approximate``.
Unit agreement is over the core rows where a figure of the right value
overlaps the quote, whatever its unit. A quote that cannot be found is a miss
and is listed with the reason.

Precision: a hand-labelled sample of reported figures
(``extractors/data/labels/figures_precision.jsonl``, format in the README
beside it). The extractor is run again; a labelled item still reported (a
figure overlapping its quote with the same value and unit) keeps its label;
precision = correct / still reported. Items no longer reported are counted
apart (``dropped``), and reported items labelled wrong are listed.
"""
from __future__ import annotations

import csv
import hashlib
import json
from collections import defaultdict
from importlib import resources
from pathlib import Path

from corpus.readers import read_path
from extractors.figures import extract_figures, load_nlp
from extractors.segment import segment
from pipeline.evaluate.quotes import QuoteIndex

DEFAULT = object()
"""``precision_path`` default: the packaged sample ``extractors/data/labels/figures_precision.jsonl``."""

TOLERANCE = 0.005


def default_precision_path() -> Path:
    return Path(str(resources.files("extractors.data").joinpath("labels", "figures_precision.jsonl")))


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                rows.append(json.loads(line))
    return rows


def same_value(a: float, b: float) -> bool:
    if b == 0:
        return abs(a) < 1e-9
    return abs(a - b) <= TOLERANCE * abs(b)


def _manifest_dates(corpus_dir: Path) -> dict[str, str]:
    path = Path(corpus_dir) / "MANIFEST.csv"
    if not path.is_file():
        return {}
    with open(path, newline="", encoding="utf-8") as fh:
        return {r["path"]: r.get("document_date") or "" for r in csv.DictReader(fh)}


class _Docs:
    """Read, segment and extract each document once."""

    def __init__(self, corpus_dir: Path, nlp) -> None:
        self.corpus_dir = Path(corpus_dir)
        self.nlp = nlp
        self.dates = _manifest_dates(corpus_dir)
        self.cache: dict[str, tuple | None] = {}

    def get(self, rel: str):
        if rel not in self.cache:
            path = self.corpus_dir / rel
            if not path.is_file():
                self.cache[rel] = None
            else:
                doc = read_path(path, rel)
                seg = segment(doc)
                figs = extract_figures(doc, seg, nlp=self.nlp, doc_date=self.dates.get(rel) or None)
                self.cache[rel] = (doc, seg, figs, QuoteIndex(doc, seg))
        return self.cache[rel]


def _overlapping(figs, hits):
    return [f for f in figs if any(f.start < h.end and f.end > h.start for h in hits)]


def _brief(f) -> dict:
    return {"text": f.text, "value": f.value, "unit": f.unit, "metric": f.metric, "role": f.role, "page": f.page}


def _gold_role(row: dict) -> str:
    kind = row.get("kind")
    return kind if kind else "observed"


def _pred_role(role: str) -> str:
    return "observed" if role in ("observed", "previous") else role


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def evaluate_figures(gold_path: Path, corpus_dir: Path, precision_path: Path | None = DEFAULT, nlp=None) -> dict:  # type: ignore[assignment]
    """Score ``gold_path`` (figures JSONL) against the extractor run on the
    documents in ``corpus_dir``; with a precision sample (default: the packaged
    one; None: skip), score precision too. Returns the JSON object of
    ../shared/gold/README.md plus the agreements and counts described above."""
    nlp = nlp or load_nlp()
    docs = _Docs(corpus_dir, nlp)
    rows = read_jsonl(Path(gold_path))
    core = [r for r in rows if r.get("tier", "core") == "core"]
    counts = defaultdict(lambda: [0, 0])  # field -> [agree, total]
    found = 0
    misses = []
    disagreements: list[dict] = []
    extra_found = 0
    for row in rows:
        is_core = row.get("tier", "core") == "core"
        got = docs.get(row["doc"])
        if got is None:
            if is_core:
                misses.append({**_row_id(row), "reason": "document not found"})
            continue
        doc, seg, figs, index = got
        hits = index.locate(row["quote"])
        if not hits:
            if is_core:
                misses.append({**_row_id(row), "reason": "quote not found in the document"})
            continue
        near = _overlapping(figs, hits)
        by_value = [f for f in near if same_value(f.value, float(row["value"]))]
        match = [f for f in by_value if f.unit == row["unit"]]
        if not is_core:
            extra_found += bool(match)
            continue
        if by_value:
            counts["unit"][1] += 1
            counts["unit"][0] += bool(match)
        if not match:
            misses.append({**_row_id(row), "reason": "no figure with this value and unit overlaps the quote",
                           "reported": [_brief(f) for f in near]})
            continue
        found += 1
        if row.get("metric"):
            best = next((f for f in match if f.metric == row["metric"]), match[0])
        else:
            best = match[0]
        _agree(counts, row, best, figs, disagreements)
    result = {
        "n_gold": len(core),
        "found": found,
        "recall": _ratio(found, len(core)),
        "metric_agreement": _ratio(*counts["metric"]),
        "unit_agreement": _ratio(*counts["unit"]),
        "role_agreement": _ratio(*counts["role"]),
        "agreement": {k: {"agree": v[0], "n": v[1], "rate": _ratio(*v)} for k, v in sorted(counts.items())},
        "n_extra": len(rows) - len(core),
        "extra_found": extra_found,
        "misses": misses,
        "disagreements": disagreements,
    }
    if precision_path is DEFAULT:
        precision_path = default_precision_path()
    if precision_path is not None and Path(precision_path).is_file():
        result.update(score_precision(Path(precision_path), docs))
    return result


def _agree(counts, row: dict, f, figs, disagreements: list[dict]) -> None:
    def note(field: str, ok: bool, got) -> None:
        counts[field][1] += 1
        counts[field][0] += ok
        if not ok:
            disagreements.append({**_row_id(row), "field": field, "gold": row.get(field) if field != "role" else _gold_role(row), "got": got})

    if row.get("metric"):
        note("metric", f.metric == row["metric"], f.metric)
    note("role", _pred_role(f.role) == _gold_role(row), f.role)
    if row.get("previous_value") is not None:
        prev = figs[f.previous].value if f.previous is not None else None
        note("previous_value", prev is not None and same_value(prev, float(row["previous_value"])), prev)
    if row.get("as_of"):
        note("as_of", bool(f.as_of) and (f.as_of == row["as_of"] or f.as_of.startswith(row["as_of"] + "-")), f.as_of)
    if "approximate" in row:
        note("approximate", (f.qualifier == "approximate") == bool(row["approximate"]), f.qualifier)
    if row.get("per"):
        note("per", f.per == row["per"], f.per)


def _row_id(row: dict) -> dict:
    return {"doc": row["doc"], "quote": row["quote"], "value": row.get("value"), "unit": row.get("unit"),
            "metric": row.get("metric")}


def score_precision(path: Path, docs: _Docs) -> dict:
    """Precision on a labelled sample: see the module docstring."""
    labels = read_jsonl(path)
    reported = correct = 0
    dropped = []
    wrong = []
    metric_changed = 0
    for item in labels:
        got = docs.get(item["doc"])
        if got is None:
            dropped.append({"doc": item["doc"], "quote": item["quote"], "reason": "document not found"})
            continue
        doc, seg, figs, index = got
        hits = index.locate(item["quote"])
        match = [f for f in _overlapping(figs, hits)
                 if f.unit == item["unit"] and same_value(f.value, float(item["value"]))]
        if not match:
            dropped.append({"doc": item["doc"], "quote": item["quote"], "value": item["value"], "unit": item["unit"]})
            continue
        reported += 1
        label = item.get("label", {})
        ok = bool(label.get("correct"))
        if "metric" in item and all(f.metric != item["metric"] for f in match):
            metric_changed += 1
        correct += ok
        if not ok:
            wrong.append({"doc": item["doc"], "quote": item["quote"], "value": item["value"], "unit": item["unit"],
                          "error": label.get("error")})
    return {
        "precision": _ratio(correct, reported),
        "precision_sample": {"n_labelled": len(labels), "n_reported": reported, "correct": correct,
                             "dropped": len(dropped), "metric_changed": metric_changed,
                             "false_positives": wrong, "dropped_items": dropped[:50]},
    }


PRECISION_SEED = "figures-precision-2"
"""The seed of the packaged precision sample. Development samples (drawn
earlier with other seeds and read to find errors) are not the reported one."""

STRATA = (("council", ("minutes/", "committee_reports/", "monitoring_visits/"), 60),
          ("focused_visits", ("focused_visits/",), 45),
          ("ilacs", ("ilacs/",), 55))
"""The precision sample: how many figures from which folders of the corpus."""


def sample_key(seed: str, rel: str, start: int, end: int) -> str:
    """A figure's place in the random order of the sample: a hash of the seed, the
    document and the figure's span, so that a figure keeps its place (and its
    label) when the extractor changes elsewhere."""
    return hashlib.sha256(f"{seed}|{rel}|{start}|{end}".encode("utf-8")).hexdigest()


def draw_precision_sample(corpus_dir: Path, exclude_docs: set[str], seed: str = PRECISION_SEED, nlp=None) -> list[dict]:
    """A random sample of reported figures (``STRATA``: the figures with the
    lowest ``sample_key`` in each stratum) on the corpus's documents not in
    ``exclude_docs`` (those of the gold files), each with a quote that
    identifies it in its document, ready for labelling."""
    from corpus.readers import SUPPORTED_SUFFIXES

    nlp = nlp or load_nlp()
    docs = _Docs(corpus_dir, nlp)
    root = Path(corpus_dir)
    rels = sorted(str(p.relative_to(root)) for p in root.rglob("*")
                  if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and p.parent != root)
    pools: dict[str, list[tuple[str, str, int]]] = {name: [] for name, _, _ in STRATA}
    for rel in rels:
        if rel in exclude_docs:
            continue
        stratum = next((name for name, prefixes, _ in STRATA if rel.startswith(prefixes)), None)
        got = docs.get(rel) if stratum else None
        if got is None:
            continue
        pools[stratum] += [(sample_key(seed, rel, f.start, f.end), rel, f.index) for f in got[2]]
    out = []
    for name, _, n in STRATA:
        for _, rel, i in sorted(sorted(pools[name])[:n], key=lambda t: (t[1], t[2])):
            doc, seg, figs, index = docs.get(rel)
            f = figs[i]
            out.append({"doc": rel, "quote": _unique_quote(seg.passages[f.passage].text, f, index),
                        "value": f.value, "unit": f.unit, "per": f.per, "metric": f.metric, "measure": f.measure,
                        "role": f.role, "text": f.text, "page": f.page})
    return out


def _unique_quote(text: str, f, index: QuoteIndex) -> str:
    """The shortest stretch of the passage around the figure (whole words) that
    is found once in the document and holds the figure."""
    pos = text.find(f.text)
    lo, hi = pos, pos + len(f.text)
    for _ in range(40):
        quote = text[lo:hi].strip()
        hits = index.locate(quote)
        if len(hits) == 1 and hits[0].start <= f.start and f.end <= hits[0].end:
            return quote
        lo = text.rfind(" ", 0, max(0, lo - 1)) + 1 if lo > 0 else 0
        nxt = text.find(" ", hi + 1)
        hi = len(text) if nxt < 0 else nxt
    return text

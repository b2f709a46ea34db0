"""The figures evaluation (plain functions, not the CLI) and quote location,
on the real corpus and gold file (skipped when ../shared is absent)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.readers import read_path
from extractors.segment import segment
from pipeline.evaluate.figures import default_precision_path, evaluate_figures, read_jsonl
from pipeline.evaluate.quotes import locate

GOLD_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "gold"
DEV = GOLD_DIR / "figures_dev.jsonl"
MIDDLESBROUGH = "minutes/middlesbrough_2021-q1_childrens-scrutiny-panel.txt"


@pytest.fixture(scope="module")
def dev_gold() -> Path:
    if not DEV.is_file():
        pytest.skip(f"{DEV} is absent")
    return DEV


def _doc(corpus_dir: Path, rel: str):
    doc = read_path(corpus_dir / rel, rel)
    return doc, segment(doc)


def test_quote_is_found_across_a_page_break(corpus_dir):
    doc, seg = _doc(corpus_dir, "focused_visits/barnet_2021-08-02.pdf")
    quote = "children in long-term foster care, although consultation on how to undertake"
    hits = locate(quote, doc, seg)
    assert len(hits) == 1
    hit = hits[0]
    assert hit.passage is not None and hit.passage.page != hit.passage.page_end
    raw = doc.text[hit.start:hit.end]
    assert raw.startswith("children") and raw.endswith("undertake") and "\f" in raw


def test_quote_is_found_across_a_hyphenated_line_end(corpus_dir):
    doc, seg = _doc(corpus_dir, "focused_visits/bury_2018-08-17.pdf")
    hits = locate("specialists strengthen decision-making, but they have", doc, seg)
    assert len(hits) == 1 and doc.text[hits[0].start:hits[0].end].endswith("have")
    # the same quote with the line break and hyphen a reader would not type
    assert locate("specialists strengthen decisionmaking,   but they have", doc, seg) == hits


def test_quote_whitespace_and_typographic_quotes_do_not_matter(corpus_dir):
    doc, seg = _doc(corpus_dir, MIDDLESBROUGH)
    curly = locate("average caseload as of at today’s date was 22", doc, seg)
    straight = locate("average   caseload as of at today's\ndate was 22", doc, seg)
    assert curly and curly == straight
    assert locate("a sentence that is not in the minutes", doc, seg) == []


def test_dev_gold_recall_and_metric_agreement(dev_gold, corpus_dir):
    result = evaluate_figures(dev_gold, corpus_dir, precision_path=None)
    assert {"n_gold", "found", "recall", "metric_agreement", "misses"} <= set(result)
    assert result["n_gold"] == sum(1 for r in read_jsonl(dev_gold) if r.get("tier", "core") == "core")
    assert result["recall"] >= 0.95, result["misses"]
    assert result["metric_agreement"] >= 0.85, result["disagreements"]
    assert result["unit_agreement"] >= 0.95 and result["role_agreement"] >= 0.9
    json.dumps(result)  # the --json output is plain JSON


def test_a_quote_that_cannot_be_found_is_a_listed_miss(tmp_path, corpus_dir):
    gold = tmp_path / "figures_test.jsonl"
    rows = [
        {"doc": MIDDLESBROUGH, "quote": "kept in touch with 154 care leavers", "value": 154, "unit": "count",
         "metric": "care_leavers", "tier": "core"},
        {"doc": MIDDLESBROUGH, "quote": "a quote that is nowhere in the minutes 999", "value": 999, "unit": "count",
         "tier": "core"},
        {"doc": MIDDLESBROUGH, "quote": "kept in touch with 154 care leavers", "value": 154, "unit": "percent",
         "tier": "core"},
        {"doc": "minutes/no_such_minutes.txt", "quote": "12 children", "value": 12, "unit": "count"},
    ]
    gold.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    result = evaluate_figures(gold, corpus_dir, precision_path=None)
    assert (result["n_gold"], result["found"], result["recall"]) == (4, 1, 0.25)
    reasons = {m["quote"]: m["reason"] for m in result["misses"]}
    assert reasons["a quote that is nowhere in the minutes 999"] == "quote not found in the document"
    assert reasons["12 children"] == "document not found"
    assert "value and unit" in reasons["kept in touch with 154 care leavers"]
    assert result["unit_agreement"] == 0.5  # 154 is there, as a count: right for one row, not the other


def test_precision_is_scored_on_labelled_items_still_reported(tmp_path, corpus_dir):
    labels = tmp_path / "labels.jsonl"
    rows = [
        {"doc": MIDDLESBROUGH, "quote": "kept in touch with 154 care leavers", "value": 154, "unit": "count",
         "metric": "care_leavers", "label": {"correct": True, "error": None}},
        {"doc": MIDDLESBROUGH, "quote": "attended by 170 staff", "value": 170, "unit": "count",
         "metric": "staff_count", "label": {"correct": False, "error": "pretend: wrong measure"}},
        {"doc": MIDDLESBROUGH, "quote": "capacity to house nine young people", "value": 10, "unit": "count",
         "metric": "placement_capacity", "label": {"correct": True, "error": None}},
    ]
    labels.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    gold = tmp_path / "empty.jsonl"
    gold.write_text("", encoding="utf-8")
    result = evaluate_figures(gold, corpus_dir, precision_path=labels)
    assert result["precision"] == 0.5
    sample = result["precision_sample"]
    assert (sample["n_labelled"], sample["n_reported"], sample["dropped"]) == (3, 2, 1)
    assert sample["false_positives"][0]["quote"] == "attended by 170 staff"


@pytest.mark.slow
def test_packaged_precision_sample_meets_the_target(dev_gold, corpus_dir):
    path = default_precision_path()
    labels = read_jsonl(path)
    assert len(labels) >= 150
    assert all({"doc", "quote", "value", "unit", "metric", "label"} <= set(r) for r in labels)
    gold_docs = {r["doc"] for r in read_jsonl(dev_gold)}
    assert not gold_docs & {r["doc"] for r in labels}
    result = evaluate_figures(dev_gold, corpus_dir)
    assert result["precision_sample"]["n_reported"] >= 150
    assert result["precision"] >= 0.95, result["precision_sample"]["false_positives"]

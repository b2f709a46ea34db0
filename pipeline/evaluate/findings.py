"""Accuracy of the findings classifier.

Gold files are in the findings format of ../shared/gold/README.md (``doc``,
``quote``, ``label``; ``mixed`` counts as right for strength or improvement).
Each quote is found in its document's passages (``quotes.locate``) and the
label the findings stage gave that passage is compared. A quote that cannot
be found is a miss: listed, and counted wrong. The same scoring is run on the
model's held-out split (the hand-labelled sentences of the documents the
model card lists as held out), through the same stage.

``by_confidence``: the same scores counting only passages whose label's
calibrated probability reaches a cut-off, with the share of passages kept:
what a researcher filtering with ``ofsted-mine findings --min-probability``
(or ``WHERE probability >= ...``) can expect. The cut-offs are fixed
(``CONFIDENCE_CUTS``), not chosen on any gold file. Passages decided by a
rule or a recommendation list carry probability 1, so they pass every cut-off.

``evaluate_recommendations`` checks that every item of every "What needs to
improve" list is captured: per document, the recommendations found against
the list markers counted in the raw text.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from extractors.findings import load_model
from extractors.findings.recommendations import count_list_items, recommendations
from models.findings_data import label_files, read_labels
from models.findings_scoring import score
from pipeline.evaluate.documents import process
from pipeline.evaluate.figures import read_jsonl
from pipeline.evaluate.quotes import QuoteIndex
from pipeline.settings import Settings

CONFIDENCE_CUTS = (0.5, 0.6, 0.7, 0.8, 0.9)


def read_gold(path: Path) -> list[dict]:
    rows = read_jsonl(path)
    for n, row in enumerate(rows, 1):
        missing = {"doc", "quote", "label"} - set(row)
        if missing:
            raise ValueError(f"{path}: row {n}: missing {', '.join(sorted(missing))}")
    return rows


def _predictions(rows: list[dict], corpus_dir: Path, settings: Settings, show_progress: bool):
    """(gold row, predicted label or None, passage text or reason, the
    label's probability or None) per row."""
    wanted = {r["doc"] for r in rows}
    found: dict[str, tuple] = {}
    for item, doc, done in process(corpus_dir, settings, lambda f: f.source in wanted, "findings", show_progress):
        found[item.source] = (QuoteIndex(doc, done["segment"]), {f.passage: f for f in done["findings"]})
    out = []
    for r in rows:
        if r["doc"] not in found:
            out.append((r, None, "document not found or unreadable", None))
            continue
        index, by_passage = found[r["doc"]]
        hits = [h for h in index.locate(r["quote"]) if h.passage is not None]
        if not hits:
            out.append((r, None, "quote not found in the document", None))
            continue
        f = by_passage[hits[0].passage.index]
        out.append((r, f.label, f.text, f.probability))
    return out


def by_confidence(preds) -> list[dict]:
    """Scores of the matched passages whose probability reaches each cut-off,
    and their share of all the rows."""
    out = []
    for cut in CONFIDENCE_CUTS:
        kept = [(r["label"], p) for r, p, _text, prob in preds if p is not None and prob >= cut]
        s = score(kept)
        out.append({"min_probability": cut, "n": len(kept), "share": round(len(kept) / len(preds), 4) if preds else 0.0,
                    "accuracy": s["accuracy"], "macro_f1": s["macro_f1"]})
    return out


def _score(preds) -> dict:
    matched = [(r["label"], p) for r, p, _, _ in preds if p is not None]
    unmatched = [(r["label"], "unmatched") for r, p, _, _ in preds if p is None]
    result = score(matched + unmatched)
    result["unmatched_quotes"] = len(unmatched)
    result["misses"] = [{"doc": r["doc"], "quote": r["quote"], "reason": why} for r, p, why, _ in preds if p is None]
    result["errors"] = [
        {"doc": r["doc"], "gold": r["label"], "predicted": p, "text": text}
        for r, p, text, _ in preds
        if p is not None and not (p == r["label"] or (r["label"] == "mixed" and p in ("strength", "improvement")))
    ]
    result["by_confidence"] = by_confidence(preds)
    return result


def evaluate_findings(gold_path: Path, corpus_dir: Path, settings: Settings, held_out: bool = True,
                      show_progress: bool = True) -> dict:
    model = load_model()
    gold = read_gold(gold_path)
    result = _score(_predictions(gold, corpus_dir, settings, show_progress))
    result["gold"] = str(gold_path)
    result["model_version"] = model.version
    if held_out:
        test_docs = set(model.card.get("test_documents", []))
        rows = [r for r in read_labels(label_files()) if r["doc"] in test_docs]
        ho = _score(_predictions(rows, corpus_dir, settings, show_progress))
        ho["documents"] = len(test_docs)
        result["held_out"] = {k: v for k, v in ho.items() if k != "errors"}
        result["held_out"]["errors"] = len(ho["errors"])
    return result


def print_findings_report(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()

    def block(title: str, r: dict) -> None:
        console.print(f"[bold]{title}[/bold]: n={r['n']} accuracy {r['accuracy']:.3f} macro-F1 {r['macro_f1']:.4f} "
                      f"(mixed {r['mixed']}, unmatched quotes {r['unmatched_quotes']})")
        table = Table()
        for col in ("class", "precision", "recall", "F1", "support"):
            table.add_column(col, justify="left" if col == "class" else "right")
        for c, v in r["per_class"].items():
            table.add_row(c, f"{v['precision']:.3f}", f"{v['recall']:.3f}", f"{v['f1']:.3f}", str(v["support"]))
        console.print(table)
        conf = Table(title="confusion (rows gold, columns predicted)")
        conf.add_column("")
        labels = list(r["confusion"])
        for c in labels:
            conf.add_column(c, justify="right")
        for g in labels:
            conf.add_row(g, *(str(r["confusion"][g][p]) for p in labels))
        console.print(conf)
        cuts = Table(title="only passages whose label is at least this probable")
        for col in ("min probability", "passages", "share", "accuracy", "macro-F1"):
            cuts.add_column(col, justify="right")
        for c in r.get("by_confidence", []):
            cuts.add_row(f"{c['min_probability']:.1f}", str(c["n"]), f"{c['share']:.1%}", f"{c['accuracy']:.3f}",
                         f"{c['macro_f1']:.3f}")
        console.print(cuts)
        for m in r["misses"]:
            console.print(f"  miss: {m['doc']}: {m['reason']}: {m['quote'][:80]!r}", highlight=False)

    block(f"gold {result['gold']} (model {result['model_version']})", result)
    for e in result["errors"]:
        console.print(f"  wrong: gold {e['gold']}, predicted {e['predicted']}: {e['text'][:110]}", highlight=False)
    if "held_out" in result:
        block(f"held-out split ({result['held_out']['documents']} documents)", result["held_out"])


def _recommendation_group(meta) -> str:
    if meta.kind == "focused_visits":
        return "focused_visit"
    if (meta.doc_type or "").startswith("Ofsted ILACS"):
        return "ilacs"
    return "older_reports"  # SIF, LAC, LSCB reviews in ilacs/


def evaluate_recommendations(corpus_dir: Path, settings: Settings, show_progress: bool = True) -> dict:
    """Recommendation items found against list markers, for every ILACS report
    and focused-visit letter (and, reported apart, the older reports in ilacs/)."""
    groups: dict[str, dict] = defaultdict(lambda: {"documents": 0, "with_list": 0, "found": 0, "printed": 0,
                                                    "documents_equal": 0, "mismatches": []})

    def select(item) -> bool:
        return item.meta.kind in ("ilacs", "focused_visits") and item.source.endswith(".pdf")

    for item, doc, done in process(corpus_dir, settings, select, "segment", show_progress):
        seg = done["segment"]
        found, printed = len(recommendations(seg)), count_list_items(doc, seg)
        g = groups[_recommendation_group(item.meta)]
        g["documents"] += 1
        g["with_list"] += printed > 0 or found > 0
        g["found"] += found
        g["printed"] += printed
        g["documents_equal"] += found == printed
        if found != printed:
            g["mismatches"].append({"doc": item.source, "found": found, "printed": printed})
    return {k: dict(v) for k, v in sorted(groups.items())}

"""Accuracy of the theme tagger.

A gold file has rows ``doc``, ``quote`` and ``themes`` (a list of taxonomy
ids or labels, possibly empty; ``theme`` for one), as
``models/data/themes_gold.jsonl``. Each quote is found in its document's
passages (``quotes.QuoteIndex``) and the themes the themes stage gave that
passage are compared with the gold themes: micro-averaged precision and
recall over all (passage, theme) pairs, and per theme. A quote that cannot
be found is a miss: listed, and its gold themes count as not found.

``operating_points``: the same micro scores counting only tags whose score
(the classifier's probability) reaches a higher cut-off, beside the
precision and recall cross-validation on the tuning set gave at that cut-off
(``classifier_by_threshold`` in ``models/themes/tuning.json``: over the
tuning passages drawn at random, those the threshold is chosen on): the trade
a researcher makes by filtering ``theme_tags.score``, and how far the
tuning set's cross-validation flatters it. The pipeline's own threshold is
the first row, chosen on the tuning set.

``interval``: a 95% bootstrap interval for micro precision and recall,
resampling whole documents (passages of one document are not independent
draws), ``RESAMPLES`` times with a fixed seed: how far the figures could
move on another sample of documents like these.
"""
from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path

from extractors.themes import stage_version
from extractors.themes.tagger import tuning_card
from models.themes_data import read_theme_rows
from models.themes_taxonomy import load_taxonomy
from pipeline.evaluate.documents import process
from pipeline.evaluate.quotes import QuoteIndex
from pipeline.settings import Settings

CUTS = (0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
RESAMPLES = 1000


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _counts(pairs: list[tuple[set[str], set[str]]]) -> tuple[int, int, int]:
    """(gold, predicted) theme sets -> true positives, predicted tags, gold tags."""
    return (sum(len(g & p) for g, p in pairs), sum(len(p) for _, p in pairs), sum(len(g) for g, _ in pairs))


def score_sets(pairs: list[tuple[set[str], set[str]]], theme_ids) -> dict:
    """(gold, predicted) theme sets per passage -> micro and per-theme scores."""
    tp, n_pred, n_gold = _counts(pairs)
    per_theme = {}
    for t in theme_ids:
        t_tp = sum(1 for g, p in pairs if t in g and t in p)
        t_pred = sum(1 for _, p in pairs if t in p)
        t_gold = sum(1 for g, _ in pairs if t in g)
        if t_pred or t_gold:
            per_theme[t] = {"precision": _ratio(t_tp, t_pred), "recall": _ratio(t_tp, t_gold),
                            "support": t_gold, "predicted": t_pred}
    p, r = _ratio(tp, n_pred), _ratio(tp, n_gold)
    return {"n": len(pairs), "micro_precision": p, "micro_recall": r,
            "micro_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "gold_tags": n_gold, "predicted_tags": n_pred, "per_theme": per_theme}


def by_kind(pairs: list[tuple[set[str], set[str]]], kinds: list[str]) -> dict:
    """Micro precision and recall per kind of document (the corpus folder:
    ilacs, focused_visits, minutes, ...)."""
    out = {}
    for kind in sorted(set(kinds)):
        sub = [pr for pr, k in zip(pairs, kinds) if k == kind]
        tp, n_pred, n_gold = _counts(sub)
        out[kind or "(no folder)"] = {"n": len(sub), "precision": _ratio(tp, n_pred), "recall": _ratio(tp, n_gold),
                                      "gold_tags": n_gold, "predicted_tags": n_pred}
    return out


def interval(pairs: list[tuple[set[str], set[str]]], docs: list[str], resamples: int = RESAMPLES,
             seed: int = 0) -> dict:
    """95% bootstrap interval of micro precision and recall over documents:
    ``docs[i]`` is the document of ``pairs[i]``."""
    per_doc: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for pair, doc in zip(pairs, docs):
        for i, c in enumerate(_counts([pair])):
            per_doc[doc][i] += c
    counts = list(per_doc.values())
    rng = random.Random(seed)
    ps, rs = [], []
    for _ in range(resamples):
        tp = n_pred = n_gold = 0
        for a, b, c in rng.choices(counts, k=len(counts)):
            tp, n_pred, n_gold = tp + a, n_pred + b, n_gold + c
        ps.append(tp / n_pred if n_pred else 0.0)
        rs.append(tp / n_gold if n_gold else 0.0)

    def bounds(xs: list[float]) -> list[float]:
        xs = sorted(xs)
        return [round(xs[int(0.025 * len(xs))], 4), round(xs[min(len(xs) - 1, int(0.975 * len(xs)))], 4)]

    return {"precision": bounds(ps), "recall": bounds(rs), "documents": len(counts), "resamples": resamples}


def operating_points(passages: list[tuple[set[str], dict[str, float]]], tuning: dict) -> list[dict]:
    """``passages``: (gold themes, {predicted theme: score}) per gold row.
    Only under the classifier rule, whose scores are probabilities (under the
    similarity rule a score is a cosine similarity, with per-theme thresholds)."""
    if tuning.get("rule") != "classifier":
        return []
    cv = tuning.get("cross_validated", {}).get("classifier_by_threshold", {})
    base = tuning.get("classifier_threshold", CUTS[0])
    cuts = sorted({base, *(c for c in CUTS if c >= base)})
    points = []
    for cut in cuts:
        pairs = [(g, {t for t, s in tags.items() if s >= cut}) for g, tags in passages]
        tp, n_pred, n_gold = _counts(pairs)
        cv_at = cv.get(str(float(cut)), {})
        points.append({"min_score": cut, "precision": _ratio(tp, n_pred), "recall": _ratio(tp, n_gold),
                       "tagged": n_pred, "cv_precision": cv_at.get("precision"), "cv_recall": cv_at.get("recall")})
    return points


def evaluate_themes(gold_path: Path | list[Path], corpus_dir: Path, settings: Settings,
                    show_progress: bool = True) -> dict:
    """``gold_path``: one gold file, or several scored as one set (pooled)."""
    taxonomy = load_taxonomy()
    paths = [Path(gold_path)] if isinstance(gold_path, (str, Path)) else [Path(g) for g in gold_path]
    rows = [r for path in paths for r in read_theme_rows(path, taxonomy)]
    wanted = {r["doc"] for r in rows}
    found: dict[str, tuple] = {}
    for item, doc, done in process(corpus_dir, settings, lambda f: f.source in wanted, "themes", show_progress):
        tags: dict[int, dict[str, float]] = defaultdict(dict)
        for t in done["themes"]:
            tags[t.passage][t.theme] = max(t.score, tags[t.passage].get(t.theme, 0.0))
        found[item.source] = (QuoteIndex(doc, done["segment"]), tags)
    scored, misses, errors, kinds = [], [], [], []  # scored: (gold themes, {predicted theme: score})
    for r in rows:
        kinds.append(r["doc"].split("/")[0] if "/" in r["doc"] else "")
        gold = set(r["themes"])
        if r["doc"] not in found:
            misses.append({"doc": r["doc"], "quote": r["quote"], "reason": "document not found or unreadable"})
            scored.append((gold, {}))
            continue
        index, tags = found[r["doc"]]
        hits = [h for h in index.locate(r["quote"]) if h.passage is not None]
        if not hits:
            misses.append({"doc": r["doc"], "quote": r["quote"], "reason": "quote not found in the document"})
            scored.append((gold, {}))
            continue
        scored.append((gold, tags.get(hits[0].passage.index, {})))
        predicted = set(scored[-1][1])
        if predicted != gold:
            errors.append({"doc": r["doc"], "quote": r["quote"], "gold": sorted(gold), "predicted": sorted(predicted),
                           "missed": sorted(gold - predicted), "extra": sorted(predicted - gold)})
    pairs = [(gold, set(tags)) for gold, tags in scored]
    result = score_sets(pairs, taxonomy.ids)
    result["by_kind"] = by_kind(pairs, kinds)
    result["interval"] = interval(pairs, [r["doc"] for r in rows])
    result["operating_points"] = operating_points(scored, tuning_card())
    result.update({"gold": ", ".join(str(p) for p in paths), "documents": len(wanted), "version": stage_version(),
                   "unmatched_quotes": len(misses), "misses": misses, "errors": errors})
    return result


def print_themes_report(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(f"[bold]themes[/bold] ({result['version']}) on {result['gold']}: {result['n']} passages from "
                  f"{result['documents']} documents, {result['gold_tags']} gold tags, {result['predicted_tags']} predicted")
    console.print(f"micro precision {result['micro_precision']:.3f}  micro recall {result['micro_recall']:.3f}  "
                  f"micro F1 {result['micro_f1']:.3f}  unmatched quotes {result['unmatched_quotes']}")
    ci = result.get("interval")
    if ci:
        console.print(f"95% interval, resampling the {ci['documents']} documents: precision "
                      f"{ci['precision'][0]:.3f}-{ci['precision'][1]:.3f}, recall {ci['recall'][0]:.3f}-{ci['recall'][1]:.3f}")
    table = Table(title="per theme")
    for col in ("theme", "precision", "recall", "gold", "predicted"):
        table.add_column(col, justify="left" if col == "theme" else "right")
    for t, s in sorted(result["per_theme"].items(), key=lambda kv: -kv[1]["support"]):
        table.add_row(t, f"{s['precision']:.2f}", f"{s['recall']:.2f}", str(s["support"]), str(s["predicted"]))
    console.print(table)
    kinds = Table(title="per kind of document")
    for col in ("kind", "passages", "precision", "recall", "gold", "predicted"):
        kinds.add_column(col, justify="left" if col == "kind" else "right")
    for k, v in result.get("by_kind", {}).items():
        kinds.add_row(k, str(v["n"]), f"{v['precision']:.2f}", f"{v['recall']:.2f}", str(v["gold_tags"]),
                      str(v["predicted_tags"]))
    console.print(kinds)
    ops = result.get("operating_points", [])
    if ops:
        cuts = Table(title="only tags scoring at least the cut-off (cross-validated on the tuning set, and on this file)")
        for col in ("cut-off", "cv precision", "cv recall", "precision", "recall", "tagged"):
            cuts.add_column(col, justify="right")
        for p in ops:
            cv = [f"{p[k]:.3f}" if p[k] is not None else "-" for k in ("cv_precision", "cv_recall")]
            cuts.add_row(f"{p['min_score']:.2f}", *cv, f"{p['precision']:.3f}", f"{p['recall']:.3f}", str(p["tagged"]))
        console.print(cuts)
    for m in result["misses"]:
        console.print(f"[red]miss[/red] {m['doc']}: {m['reason']}: {m['quote'][:80]}", highlight=False)
    console.print(f"{len(result['errors'])} passages where the themes differ (--json lists them)")

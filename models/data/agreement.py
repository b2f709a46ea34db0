"""Agreement between two annotations of the same passages.

    python models/data/agreement.py themes models/data/agreement/themes_gold_first.jsonl \\
        models/data/themes_tune_6.jsonl --second models/data/agreement/themes_gold_second.jsonl
    python models/data/agreement.py findings models/data/findings_labels.jsonl models/data/findings_labels_2.jsonl \\
        --second models/data/agreement/findings_held_out_second.jsonl

Rows are matched on (doc, quote). ``themes``: the second annotation scored
against the first as micro precision, recall and F1 over (passage, theme)
pairs, with the share of passages given exactly the same set. ``findings``:
the share of sentences given the same label, Cohen's kappa, and the
macro-F1 of the second against the first over the sentences neither calls
``mixed``.

The second annotations in ``models/data/agreement/`` were made blind, by
other annotators than the first (helpers working from the same guide, without
the first labels). For the theme gold set's first annotation
(``themes_gold_first.jsonl``) they cover every passage: one helper labelled a
seeded sample of 280 of the 544 passages it then held (17 of them have since
moved, with their council papers, to ``themes_tune_6.jsonl``; hence that file
beside it above), three more later the other 245 of the 508 it holds now. They
also cover all 424
held-out findings sentences (the 18 held-out documents of
``ofsted-mine train findings``), and 140 passages each of
``themes_tune.jsonl`` and ``themes_tune_4.jsonl`` (``themes_tune_second.jsonl``,
drawn with ``random.Random("agreement-<file name>")``):

    python models/data/agreement.py themes models/data/themes_tune.jsonl models/data/themes_tune_4.jsonl \\
        --second models/data/agreement/themes_tune_second.jsonl

``review``: the review of the tuning labels (``themes_review.jsonl``, made
by blind verdicts on the themes where the tagger's cross-validated
prediction and the label disagreed, plus one control theme per passage
where they agreed) scored against the labels it reviewed:

    python models/data/agreement.py review models/data/themes_tune*.jsonl \\
        --second models/data/themes_review.jsonl

The gold set itself (``themes_gold.jsonl``) is the two annotations'
consensus: where they differed, adjudicators (two more blind helpers, shown
the disputed themes and one control theme, shuffled, not told who proposed
what; no tagger involved) judged each disputed theme
(``themes_gold_adjudication.jsonl``). ``review`` scores that too:

    python models/data/agreement.py review models/data/agreement/themes_gold_first.jsonl \\
        --second models/data/agreement/themes_gold_adjudication.jsonl

The second held-out set (``themes_gold_2.jsonl``) was made the same way, from
``themes_gold_2_first.jsonl``, ``themes_gold_2_second.jsonl`` (every passage
labelled twice) and ``themes_gold_2_adjudication.jsonl``.

Only the standard library is imported.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path


def _rows(paths: list[Path]) -> dict[tuple[str, str], dict]:
    out = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                out[(r["doc"], r["quote"])] = r
    return out


def themes(first: dict, second: dict) -> dict:
    keys = [k for k in second if k in first]
    if not keys:
        raise SystemExit("no passage (doc, quote) is in both annotations")
    tp = fp = fn = same = 0
    for k in keys:
        a, b = set(first[k]["themes"]), set(second[k]["themes"])
        tp, fp, fn, same = tp + len(a & b), fp + len(b - a), fn + len(a - b), same + (a == b)
    p, r = (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)
    return {"passages": len(keys), "precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "same_set": round(same / len(keys), 3)}


def findings(first: dict, second: dict) -> dict:
    pairs = [(first[k]["label"], second[k]["label"]) for k in second if k in first]
    n = len(pairs)
    if not n:
        raise SystemExit("no sentence (doc, quote) is in both annotations")
    agree = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    chance = sum(ca[x] * cb[x] for x in ca) / (n * n)
    plain = [(a, b) for a, b in pairs if "mixed" not in (a, b)]
    f1s = []
    for lab in ("strength", "improvement", "neutral"):
        tp = sum(a == b == lab for a, b in plain)
        fp = sum(b == lab != a for a, b in plain)
        fn = sum(a == lab != b for a, b in plain)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    kappa = (agree - chance) / (1 - chance) if chance < 1 else 1.0
    return {"sentences": n, "same_label": round(agree, 3), "kappa": round(kappa, 3),
            "macro_f1_without_mixed": round(sum(f1s) / 3, 3), "without_mixed": len(plain)}


def review(first: dict, second: dict) -> dict:
    """A review (``themes_review.jsonl``) against the labels it reviewed:
    how often its verdicts on the disputed themes keep or change the label,
    and how often it agrees with the label on the control themes."""
    keys = [k for k in second if k in first]
    if not keys:
        raise SystemExit("no passage (doc, quote) of the review is in the labels")
    c = Counter()
    for k in keys:
        labelled = set(first[k]["themes"])
        for theme, verdict in second[k]["verdicts"].items():
            c[("labelled" if theme in labelled else "unlabelled", verdict)] += 1
        for theme, verdict in second[k].get("controls", {}).items():
            c[("control", verdict == (theme in labelled))] += 1
    return {"passages": len(keys),
            "labelled_theme_kept": c[("labelled", True)], "labelled_theme_removed": c[("labelled", False)],
            "unlabelled_theme_left_out": c[("unlabelled", False)], "unlabelled_theme_added": c[("unlabelled", True)],
            "labels_changed": c[("labelled", False)] + c[("unlabelled", True)],
            "controls": c[("control", True)] + c[("control", False)], "controls_agreeing": c[("control", True)]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("kind", choices=("themes", "findings", "review"))
    ap.add_argument("first", type=Path, nargs="+", help="the first annotation (one or more files)")
    ap.add_argument("--second", type=Path, help="the second annotation (default: the last positional file)")
    a = ap.parse_args(argv)
    firsts, second = (a.first, a.second) if a.second else (a.first[:-1], a.first[-1])
    if not firsts:
        ap.error("give the first annotation and the second")
    result = {"themes": themes, "findings": findings, "review": review}[a.kind](_rows(firsts), _rows([second]))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

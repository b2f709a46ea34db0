"""Training the theme tagger on labelled passages.

``ofsted-mine train themes`` reads ``models/data/themes_tune*.jsonl`` (never
the gold file) and writes ``models/themes/tuning.json``,
``models/themes/prototypes.npz`` and ``models/themes/classifier.joblib``:

0. A review (``models/data/themes_review.jsonl``: blind verdicts on the
   (passage, theme) pairs where an earlier tagger's out-of-fold prediction
   and the label disagreed) is applied over the labels, when given; the
   command line gives it by default with the default files.
1. Seed phrases: every seed is matched in the labelled passages; a seed that
   tags at least ``SEED_MIN_WRONG`` passages wrongly and is right less than
   ``SEED_MIN_PRECISION`` of the time is dropped.
2. Similarity rule (tuning-1): each passage's similarity to each theme's
   prototype is computed leaving its own document's examples out of the
   prototype (so a passage is never compared with itself), and for each
   theme with at least ``MIN_POSITIVES`` labelled passages the threshold
   that maximises F1 of (kept phrase or similarity >= threshold) is chosen;
   other themes get the threshold that maximises micro-F1 over all of them.
3. Classifier (tuning-2; tuning-3 adds the paragraph's mean embedding, tuning-4 the
   document's scope; ``extractors.themes.classifier``): a class-balanced
   logistic regression per theme; its probability threshold is the one that
   maximises micro-F1 over ``FOLDS``-fold cross-validation grouped by
   document, in which seeds, prototypes, thresholds and the classifier are
   all re-made from the training folds only. The passages of
   ``UNSURE_FILES`` (drawn where a tagger was least sure) are trained on and
   scored out of fold like the others, but the threshold is chosen on the
   passages drawn at random only: borderline passages are over-represented
   there, so a threshold they choose suits them, not the text tagged.
4. Both rules are scored by that cross-validation; the better one (by
   micro-F1) is the one the pipeline uses (``rule`` in tuning.json).
5. Prototypes, seeds and the classifier for the pipeline are made from
   every labelled passage.

Deterministic: the folds are fixed (GroupKFold), the solver has no
randomness and runs on one BLAS thread (so its sums do not depend on the
machine's cores), and ``save_classifier`` writes nothing of the process;
the same labels give the same files, byte for byte.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import joblib
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from threadpoolctl import threadpool_limits

from extractors.findings.encoder import Encoder
from extractors.themes.classifier import SCOPE_THEMES, ThemeClassifier, features, scope_similarities
from extractors.themes.extract import encode_or_zero, mean_vectors
from extractors.themes.phrases import SeedMatcher, hit_matrix
from extractors.themes.tagger import prototypes
from models.themes_data import LabelledPassage, apply_review, data_file, locate_rows, read_review, read_theme_rows
from models.themes_taxonomy import Taxonomy, load_taxonomy

TUNING_VERSION = "tuning-4"
C = 8.0
FOLDS = 5
PROBA_GRID = np.round(np.arange(0.30, 0.96, 0.05), 2)
SEED_MIN_PRECISION = 0.6
SEED_MIN_WRONG = 2
MIN_POSITIVES = 5
GRID = np.round(np.arange(0.20, 0.81, 0.01), 2)
# tuning files drawn where a tagger was least sure (``models/data/themes_sample.py``
# --draw tune5, tune13): trained on, but not used to choose the probability threshold
UNSURE_FILES = ("themes_tune_5.jsonl", "themes_tune_13.jsonl")


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def seed_stats(passages: list[LabelledPassage], taxonomy: Taxonomy) -> dict[str, dict[str, list[int]]]:
    """theme -> seed -> [right, wrong] over the labelled passages."""
    found = SeedMatcher({t.id: t.seeds for t in taxonomy.themes}).find([p.text for p in passages])
    stats: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for p, hits in zip(passages, found):
        for theme, phrases in hits.items():
            for s in phrases:
                stats[theme][s][0 if theme in p.themes else 1] += 1
    return stats


def dropped_seeds(stats) -> dict[str, list[str]]:
    out = {}
    for theme, seeds in stats.items():
        bad = sorted(s for s, (right, wrong) in seeds.items()
                     if wrong >= SEED_MIN_WRONG and right / (right + wrong) < SEED_MIN_PRECISION)
        if bad:
            out[theme] = bad
    return out


def lodo_similarity(passages: list[LabelledPassage], vecs: np.ndarray, desc: np.ndarray, ids: list[str]) -> np.ndarray:
    """Passage x theme similarity, each prototype made without the passage's own document."""
    docs = sorted({p.doc for p in passages})
    sims = np.zeros((len(passages), len(ids)), dtype=np.float32)
    doc_of = np.array([p.doc for p in passages])
    for d in docs:
        rows = np.where(doc_of == d)[0]
        examples = [vecs[[i for i, p in enumerate(passages) if t in p.themes and p.doc != d]] for t in ids]
        sims[rows] = vecs[rows] @ prototypes(desc, examples).T
    return sims


def gold_matrix(passages: list[LabelledPassage], ids: list[str]) -> np.ndarray:
    """Passage x theme: the labelled themes, columns in ``ids`` order."""
    return np.array([[t in p.themes for t in ids] for p in passages], dtype=bool).reshape(len(passages), len(ids))


def choose_thresholds(passages, sims, phrase_hit: np.ndarray, ids: list[str]) -> tuple[dict[str, float], float]:
    gold = gold_matrix(passages, ids)
    positives = gold.sum(axis=0)

    def counts(j: int, thr: float) -> tuple[int, int, int]:
        pred = phrase_hit[:, j] | (sims[:, j] >= thr)
        return int((pred & gold[:, j]).sum()), int((pred & ~gold[:, j]).sum()), int((~pred & gold[:, j]).sum())

    best_global, best_f = 0.5, -1.0
    for thr in GRID:
        tp = fp = fn = 0
        for j in range(len(ids)):
            a, b, c = counts(j, thr)
            tp, fp, fn = tp + a, fp + b, fn + c
        f = _f1(tp, fp, fn)
        if f > best_f + 1e-9:
            best_global, best_f = float(thr), f
    chosen = {}
    for j, theme in enumerate(ids):
        if positives[j] < MIN_POSITIVES:
            chosen[theme] = best_global
            continue
        best_thr, best = best_global, -1.0
        for thr in GRID:
            f = _f1(*counts(j, thr))
            if f > best + 1e-9:
                best_thr, best = float(thr), f
        chosen[theme] = best_thr
    return chosen, best_global


def tune_files() -> list[Path]:
    """The labelled passages tuned on by default: every themes_tune*.jsonl."""
    return sorted(data_file("themes_tune.jsonl").parent.glob("themes_tune*.jsonl"))


def kept_matcher(passages: list[LabelledPassage], taxonomy: Taxonomy) -> tuple[SeedMatcher, dict[str, list[str]]]:
    dropped = dropped_seeds(seed_stats(passages, taxonomy))
    return SeedMatcher({t.id: [s for s in t.seeds if s not in set(dropped.get(t.id, ()))]
                        for t in taxonomy.themes}), dropped


def _hits(matcher: SeedMatcher, texts: list[str], ids: list[str]) -> np.ndarray:
    return hit_matrix(matcher.find(texts), ids)


def active_columns(taxonomy: Taxonomy) -> tuple[list[str], list[int]]:
    """The themes the tagger tags (not retired) and their columns among all
    the taxonomy's ids: the classifier is trained on these only."""
    ids = list(taxonomy.ids)
    active = [t.id for t in taxonomy.themes if not t.retired]
    return active, [ids.index(t) for t in active]


def fit_classifier(texts, X_parts, gold: np.ndarray, ids: list[str], threshold: float,
                   scope_desc: np.ndarray) -> ThemeClassifier:
    """``X_parts``: (vecs, hits, sims, prev_vecs, prev_hits, unit_vecs, scope_sims) of the
    passages; ``scope_desc``: the embeddings of the descriptions of ``SCOPE_THEMES``."""
    tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True).fit(texts)
    X = features(*X_parts, tfidf, texts)
    coef = np.zeros((len(ids), X.shape[1]), dtype=np.float32)
    intercept = np.full(len(ids), -30.0, dtype=np.float32)  # a theme with no example is never tagged
    # one BLAS thread: the solver's many small vector operations run faster without
    # threads (on 2 cores, 174 s against 317 s for the cross-validation), and the
    # weights then do not depend on how many cores the machine has
    with threadpool_limits(limits=1, user_api="blas"):
        for j in range(len(ids)):
            if gold[:, j].all():
                intercept[j] = 30.0  # ... and one every example has is always tagged
            elif gold[:, j].any():
                m = LogisticRegression(C=C, class_weight="balanced", max_iter=3000).fit(X, gold[:, j])
                coef[j], intercept[j] = m.coef_[0], m.intercept_[0]
    return ThemeClassifier(list(ids), tfidf, coef, intercept, threshold, tuple(SCOPE_THEMES),
                           np.asarray(scope_desc, dtype=np.float32))


def _micro_counts(gold: np.ndarray, pred: np.ndarray) -> dict:
    tp, n_pred, n_gold = int((gold & pred).sum()), int(pred.sum()), int(gold.sum())
    p, r = (tp / n_pred if n_pred else 0.0), (tp / n_gold if n_gold else 0.0)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "tagged": n_pred, "gold": n_gold}


def scope_descriptions(desc: np.ndarray, ids: list[str]) -> np.ndarray:
    """The rows of ``desc`` (one per theme of ``ids``) of ``SCOPE_THEMES``."""
    missing = [t for t in SCOPE_THEMES if t not in ids]
    if missing:
        raise ValueError(f"the scope themes {missing} (extractors.themes.classifier.SCOPE_THEMES) are not in the "
                         "taxonomy: keep them or change SCOPE_THEMES")
    return desc[[ids.index(t) for t in SCOPE_THEMES]]


def cross_validate(passages, vecs, prev_vecs, unit_vecs, scope_vecs, desc, taxonomy: Taxonomy, progress=print,
                   chooses: np.ndarray | None = None) -> dict:
    """Out-of-fold predictions of both rules, everything re-made per fold.
    ``chooses``: which passages the probability threshold is chosen on (and
    the figures reported for; default all); every passage is trained on."""
    ids = list(taxonomy.ids)
    active, cols = active_columns(taxonomy)
    texts, prevs = [p.text for p in passages], [p.prev for p in passages]
    gold = gold_matrix(passages, ids)
    groups = np.array([p.doc for p in passages])
    proba = np.zeros((len(passages), len(active)), dtype=np.float32)
    similarity_pred = np.zeros(gold.shape, dtype=bool)
    scope_desc = scope_descriptions(desc, ids)
    scope_sims = scope_similarities(scope_vecs, scope_desc)
    for k, (tr, te) in enumerate(GroupKFold(n_splits=FOLDS).split(vecs, gold, groups), 1):
        progress(f"  fold {k}/{FOLDS}: {len(tr)} passages to fit, {len(te)} to score")
        train_ps = [passages[i] for i in tr]
        matcher, _ = kept_matcher(train_ps, taxonomy)
        hits, prev_hits = _hits(matcher, texts, ids), _hits(matcher, prevs, ids)
        sims_tr = lodo_similarity(train_ps, vecs[tr], desc, ids)
        protos = prototypes(desc, [vecs[tr][gold[tr][:, j]] for j in range(len(ids))])
        sims_te = vecs[te] @ protos.T
        thresholds, _ = choose_thresholds(train_ps, sims_tr, hits[tr], ids)
        thr = np.array([thresholds[t] for t in ids])
        similarity_pred[te] = hits[te] | (sims_te >= thr)
        clf = fit_classifier([texts[i] for i in tr], (vecs[tr], hits[tr][:, cols], sims_tr[:, cols], prev_vecs[tr],
                                                      prev_hits[tr][:, cols], unit_vecs[tr], scope_sims[tr]),
                             gold[tr][:, cols], active, 0.5, scope_desc)
        proba[te] = clf.proba(features(vecs[te], hits[te][:, cols], sims_te[:, cols], prev_vecs[te],
                                       prev_hits[te][:, cols], unit_vecs[te], scope_sims[te], clf.tfidf,
                                       [texts[i] for i in te]))
    rows = _marked(chooses, len(passages))
    # both rules are compared on the passages the threshold is chosen on
    return {"folds": FOLDS, **probability_threshold(gold[:, cols], proba, rows),
            "similarity": _micro_counts(gold[rows][:, cols], similarity_pred[rows][:, cols])}


def _marked(chooses: np.ndarray | None, n: int) -> np.ndarray:
    """``chooses`` as a boolean mask over ``n`` passages; all of them when None."""
    return np.ones(n, dtype=bool) if chooses is None else np.asarray(chooses, dtype=bool)


def probability_threshold(gold: np.ndarray, proba: np.ndarray, chooses: np.ndarray | None = None) -> dict:
    """The probability threshold of ``PROBA_GRID`` that maximises micro-F1 of
    (``proba`` >= threshold) against ``gold`` (passage x theme) over the
    passages ``chooses`` marks (default all; ties go to the lower), with the
    figures at each threshold over those passages, and what all the passages
    would have chosen. The threshold is chosen on the same out-of-fold scores
    it is reported with (slightly optimistic); the held-out gold set is the
    honest figure."""
    rows = _marked(chooses, len(gold))

    def by_threshold(on: np.ndarray) -> dict:
        return {float(t): _micro_counts(gold[on], proba[on] >= t) for t in PROBA_GRID}

    def best(table: dict) -> float:
        return float(max(PROBA_GRID, key=lambda t: (table[float(t)]["f1"], -t)))

    chosen, everyone = by_threshold(rows), by_threshold(_marked(None, len(gold)))
    return {"classifier_threshold": best(chosen), "classifier": chosen[best(chosen)],
            "classifier_by_threshold": chosen, "threshold_passages": int(rows.sum()),
            # what every passage, the least-sure draws included, would have chosen
            "all_passages": {"classifier_threshold": best(everyone), "classifier": everyone[best(everyone)],
                             "at_chosen_threshold": everyone[best(chosen)], "passages": len(gold)}}


def review_file() -> Path | None:
    """The review of the tuning labels applied by default, if there is one."""
    path = data_file("themes_review.jsonl")
    return path if path.exists() else None


def train(corpus_dir: Path, out_dir: Path, labels: list[Path] | Path | None = None, progress=print,
          review: Path | None = None) -> dict:
    """``review``: a file of verdicts on (passage, theme) labels
    (``models.themes_data.read_review``) applied over the labels before
    anything is fitted; the card records how many labels it changed."""
    taxonomy = load_taxonomy()
    ids = list(taxonomy.ids)
    paths = [Path(p) for p in ([labels] if isinstance(labels, (str, Path)) else labels or tune_files())]
    progress(f"reading {', '.join(p.name for p in paths)} and finding the passages in {corpus_dir}")
    per_file = [(path, read_theme_rows(path, taxonomy)) for path in paths]
    rows = [r for _, file_rows in per_file for r in file_rows]
    # which passages choose the threshold (the review keeps the rows in order)
    chooses = np.array([path.name not in UNSURE_FILES for path, file_rows in per_file for _ in file_rows], dtype=bool)
    unsure = sorted(p.name for p in paths if p.name in UNSURE_FILES)
    changed = 0
    if review is not None:
        rows, changed = apply_review(rows, read_review(Path(review), taxonomy))
        progress(f"{Path(review).name}: {changed} (passage, theme) labels changed by the review")
    passages = locate_rows(rows, corpus_dir)
    if len({p.doc for p in passages}) < FOLDS:
        raise ValueError(f"need labelled passages from at least {FOLDS} documents to cross-validate")
    encoder = Encoder()
    progress(f"encoding {len(passages)} passages, the passages before them, their paragraphs, their documents' "
             f"scopes and {len(ids)} descriptions")
    vecs = encoder.encode([p.text for p in passages])
    prev_vecs = encode_or_zero(encoder, [p.prev for p in passages], vecs.shape[1])
    unit_vecs = mean_vectors(encoder, [p.unit or (p.text,) for p in passages])
    scope_vecs = encode_or_zero(encoder, [p.scope for p in passages], vecs.shape[1])
    desc = encoder.encode([t.description for t in taxonomy.themes])

    progress(f"cross-validating both rules ({FOLDS} folds grouped by document)")
    progress(f"  the threshold is chosen on the {int(chooses.sum())} passages drawn at random (not on those of "
             f"{', '.join(unsure) or 'no file'}, drawn where a tagger was least sure)")
    cv = cross_validate(passages, vecs, prev_vecs, unit_vecs, scope_vecs, desc, taxonomy, progress, chooses)
    rule = "classifier" if cv["classifier"]["f1"] >= cv["similarity"]["f1"] else "similarity"

    matcher, dropped = kept_matcher(passages, taxonomy)
    texts = [p.text for p in passages]
    hits, prev_hits = _hits(matcher, texts, ids), _hits(matcher, [p.prev for p in passages], ids)
    sims = lodo_similarity(passages, vecs, desc, ids)
    thresholds, global_thr = choose_thresholds(passages, sims, hits, ids)
    gold = gold_matrix(passages, ids)
    active, cols = active_columns(taxonomy)
    scope_desc = scope_descriptions(desc, ids)
    clf = fit_classifier(texts, (vecs, hits[:, cols], sims[:, cols], prev_vecs, prev_hits[:, cols], unit_vecs,
                                 scope_similarities(scope_vecs, scope_desc)),
                         gold[:, cols], active, cv["classifier_threshold"], scope_desc)
    examples = [vecs[gold[:, j]] for j in range(len(ids))]
    protos = prototypes(desc, examples)

    card = {
        "version": TUNING_VERSION,
        "taxonomy_version": taxonomy.version,
        "rule": rule,
        "labels": [p.name for p in paths],
        "review": {"file": Path(review).name, "labels_changed": changed} if review is not None else None,
        "passages": len(passages),
        "documents": sorted({p.doc for p in passages}),
        "examples_per_theme": {t: int(len(e)) for t, e in zip(ids, examples)},
        "thresholds": thresholds,
        "default_threshold": global_thr,
        "classifier_threshold": cv["classifier_threshold"],
        "dropped_seeds": dropped,
        "threshold_chosen_without": unsure,
        "rules": {"seed_min_precision": SEED_MIN_PRECISION, "seed_min_wrong": SEED_MIN_WRONG,
                  "min_positives": MIN_POSITIVES, "grid": [float(GRID[0]), float(GRID[-1]), 0.01],
                  "classifier_C": C, "classifier_features": {"embedding": int(vecs.shape[1]), "phrase_hits": len(active),
                                                             "similarities": len(active), "previous_passage":
                                                             int(vecs.shape[1]) + len(active),
                                                             "paragraph": int(vecs.shape[1]),
                                                             "scope": len(SCOPE_THEMES),
                                                             "scope_themes": list(SCOPE_THEMES),
                                                             "tfidf": len(clf.tfidf.vocabulary_)}},
        "cross_validated": cv,
    }
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "tuning.json").write_text(json.dumps(card, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    np.savez(out_dir / "prototypes.npz", ids=np.array(ids), vectors=protos.astype(np.float32))
    save_classifier(clf, out_dir / "classifier.joblib")
    return card


def save_classifier(clf: ThemeClassifier, path: Path) -> None:
    """Write ``clf`` as ``classifier.joblib``. Two trainings on the same
    labels write the same bytes, so the themes stage's version (a digest of
    the file) changes only when the weights do. (A classifier loaded and
    saved again may pickle differently: pickle shares equal strings only when
    they are one object in memory.)"""
    clf.tfidf.stop_words_ = None  # the terms cut by min_df: not needed to transform, and large
    # the id() of an object of the process that fitted it (a check scikit-learn
    # redoes when it is missing): it made every training's file differ
    vars(clf.tfidf).pop("_stop_words_id", None)
    joblib.dump({"ids": clf.ids, "tfidf": clf.tfidf, "coef": clf.coef, "intercept": clf.intercept,
                 "threshold": clf.threshold, "scope_theme_ids": clf.scope_theme_ids,
                 "scope_description_vectors": clf.scope_description_vectors},
                path, compress=3)

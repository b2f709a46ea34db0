"""Train the findings classifier: ``ofsted-mine train findings``.

Seeded and reproducible. Steps:

1. the hand-labelled sentences (``models/data/findings_labels*.jsonl``) are
   located in their documents (../shared/corpus) and split by document, per
   kind, 80/20: no document is in both train and test;
2. weak labels are added to the training side only: items of the
   "What needs to improve" lists of other ILACS reports and focused-visit
   letters (improvements by the documents' structure), drawn with the seed
   (never from the fresh test set's documents, models/data/findings_test.jsonl);
3. the training documents are split again, by document (``CALIBRATION_SHARE``):
   the *fitting* documents train two classifiers, the *calibration*
   documents combine them;
4. on the fitting documents: (a) a class-balanced logistic regression over
   MiniLM embeddings + spaCy cue counts + TF-IDF 1-3-grams + context
   (``extractors.findings.features``), its C chosen by 5-fold
   cross-validation grouped by document (macro-F1 over hand labels), fitted
   on all of them and calibrated with sigmoid (Platt) scalers on its
   out-of-fold scores (``CalibratedClassifierCV(ensemble=False)``); (b) MiniLM's
   layers fine-tuned with a linear head (``models.findings_tuning``);
   on the calibration documents: a class-balanced logistic regression over
   (a)'s log probabilities and (b)'s logits, sigmoid-calibrated over grouped
   folds of them (``extractors.findings.model.stack_features``);
5. the held-out documents are scored (accuracy, per-class precision and
   recall, macro-F1, confusion, calibration error), and the artefact, the
   metrics and a model card are written under ``models/findings/``.
"""
from __future__ import annotations

import json
import platform
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import joblib
import numpy as np
import sklearn
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from corpus.manifest import read_manifest
from extractors.findings.cues import cue_names
from extractors.findings.encoder import DEFAULT_ENCODER, DIM, Encoder
from extractors.findings.features import context_names, feature_matrix
from extractors.findings.model import LABELS, FindingsModel, ordered
from models.findings_data import (
    DEV_GOLD_DOCS, SPLIT_FILES, _DocCache, hand_examples, label_files, read_labels, split_documents, test_set_documents,
    weak_examples,
)
from models.findings_scoring import calibration_error, score
from models.findings_tuning import BATCH, EPOCHS, LR, START, fine_tune

MODEL_VERSION = "model-findings-7"
SEED = 20251122
TEST_SHARE = 0.2
WEAK_LIMIT = 400
C_GRID = (4.0, 16.0, 64.0, 256.0, 1024.0)
FOLDS = 5
CALIBRATION_SHARE = 0.15  # of the training documents: where the two classifiers are combined
STACK_C = 1.0
ILACS_TYPE = "Ofsted ILACS inspection report (2018 framework onwards)"


def _tfidf() -> TfidfVectorizer:
    return TfidfVectorizer(ngram_range=(1, 3), min_df=2, sublinear_tf=True, lowercase=True)


def weak_pool(corpus_dir: Path, labelled: set[str]) -> list[str]:
    """The reports and letters weak labels are drawn from: none with hand
    labels, not the dev gold document, none of the fresh test set."""
    return _weak_docs(corpus_dir, set(labelled) | DEV_GOLD_DOCS | test_set_documents())


def _weak_docs(corpus_dir: Path, exclude: set[str]) -> list[str]:
    rows = read_manifest(Path(corpus_dir)).values()
    return sorted(r.path for r in rows if r.suffix == ".pdf" and r.path not in exclude and (
        r.kind == "focused_visits" or (r.kind == "ilacs" and r.doc_type == ILACS_TYPE)))


def _fit(X, y, groups, C: float, seed: int, weights=None):
    folds = list(GroupKFold(n_splits=FOLDS).split(X, y, groups))
    base = LogisticRegression(C=C, max_iter=5000, class_weight="balanced", random_state=seed)
    clf = CalibratedClassifierCV(base, method="sigmoid", cv=folds, ensemble=False)
    clf.fit(X, y, sample_weight=weights)
    return clf


@dataclass
class TrainingData:
    """The labelled sentences as training sees them (steps 1 and 2): the
    label files (rows without the dev gold document, by file name), the split
    by document, the hand-labelled examples and the weak labels."""

    by_file: dict[str, list[dict]]
    docs: list[str]
    train_docs: list[str]
    test_docs: list[str]
    hand: list
    weak: list

    @property
    def train_hand(self) -> list:
        train = set(self.train_docs)
        return [e for e in self.hand if e.doc in train and e.label != "mixed"]

    @property
    def test_hand(self) -> list:
        test = set(self.test_docs)
        return [e for e in self.hand if e.doc in test]


def training_data(corpus_dir: Path, seed: int = SEED, progress=print) -> TrainingData:
    files = label_files()
    by_file = {f.name: [r for r in read_labels([f]) if r["doc"] not in DEV_GOLD_DOCS] for f in files}
    rows = [r for f in files for r in by_file[f.name]]
    docs = sorted({r["doc"] for r in rows})
    first = {r["doc"] for name in SPLIT_FILES for r in by_file.get(name, ())}
    later = set(docs) - first
    train_docs, test_docs = split_documents(docs, seed, TEST_SHARE, train_only=later)
    if not first or not test_docs:
        raise ValueError(f"no held-out documents: the held-out set is drawn from {', '.join(SPLIT_FILES)}")
    progress(f"{len(rows)} labelled sentences from {len(docs)} documents: "
             f"{len(train_docs)} documents to train on ({len(later)} from later label files, training only), "
             f"{len(test_docs)} held out")
    cache = _DocCache(corpus_dir)
    hand = hand_examples(rows, corpus_dir, cache)
    pool = weak_pool(corpus_dir, set(docs))
    progress(f"reading {len(pool)} other reports and letters for weak labels (recommendation lists)")
    weak = weak_examples(pool, corpus_dir, WEAK_LIMIT, seed, cache)
    return TrainingData(by_file, docs, train_docs, test_docs, hand, weak)


def _lr_choose_and_fit(examples, emb, seed, c_grid, progress):
    """The logistic regression over the packaged embedding, cues, TF-IDF and
    context: C chosen by grouped cross-validation (hand labels scored), then
    fitted on all ``examples`` and calibrated. Returns (tfidf, model, C, CV scores)."""
    tfidf = _tfidf().fit([e.item.text for e in examples])
    X = feature_matrix([e.item for e in examples], emb, tfidf)
    y = np.array([e.label for e in examples])
    groups = np.array([e.doc for e in examples])
    is_hand = np.array([not e.weak for e in examples])
    cv_scores = {}
    for C in (c_grid if len(c_grid) > 1 else ()):  # one C given: no choice to make
        preds = np.empty(len(y), dtype=object)
        for tr, te in GroupKFold(n_splits=FOLDS).split(X, y, groups):
            fold_tfidf = _tfidf().fit([examples[i].item.text for i in tr])
            Xtr = feature_matrix([examples[i].item for i in tr], emb[tr], fold_tfidf)
            Xte = feature_matrix([examples[i].item for i in te], emb[te], fold_tfidf)
            m = LogisticRegression(C=C, max_iter=5000, class_weight="balanced", random_state=seed).fit(Xtr, y[tr])
            preds[te] = m.predict(Xte)
        cv_scores[C] = score([(g, p) for g, p, h in zip(y, preds, is_hand) if h])["macro_f1"]
        progress(f"  C={C:g}: cross-validated macro-F1 {cv_scores[C]:.3f}")
    best_C = max(c_grid, key=lambda c: (cv_scores.get(c, 0.0), -c))
    return tfidf, _fit(X, y, groups, best_C, seed), best_C, cv_scores


def _part_scores(S, gold) -> dict:
    """Macro-F1 of each part alone (the top label of its columns of the
    combining classifier's input, ``stack_features``)."""
    return {name: score([(g, LABELS[i]) for g, i in zip(gold, S[:, cols].argmax(1))])["macro_f1"]
            for name, cols in (("logistic_regression", slice(0, 3)), ("fine_tuned", slice(3, 6)))}


def _oof_scores(S, y, groups, seed) -> dict:
    """Grouped cross-validation on the calibration side: macro-F1 of each
    part alone and of the combination, out of fold."""
    stacked = np.empty(len(y), dtype=object)
    for tr, te in GroupKFold(n_splits=FOLDS).split(S, y, groups):
        m = LogisticRegression(C=STACK_C, max_iter=5000, class_weight="balanced", random_state=seed)
        stacked[te] = m.fit(S[tr], y[tr]).predict(S[te])
    return {**_part_scores(S, y), "combined": score(list(zip(y, stacked)))["macro_f1"]}


def train(corpus_dir: Path, out_dir: Path, seed: int = SEED, progress=print,
          c_grid: tuple[float, ...] = C_GRID, epochs: int = EPOCHS) -> dict:
    t0 = time.perf_counter()
    corpus_dir, out_dir = Path(corpus_dir), Path(out_dir)
    data = training_data(corpus_dir, seed, progress)
    docs, train_docs, test_docs, hand, weak = data.docs, data.train_docs, data.test_docs, data.hand, data.weak
    train_hand, test_hand = data.train_hand, data.test_hand
    fit_docs, cal_docs = split_documents(train_docs, seed, CALIBRATION_SHARE)
    cal = set(cal_docs)
    fit_ex = [e for e in train_hand + weak if e.doc not in cal]
    cal_ex = [e for e in train_hand if e.doc in cal]
    progress(f"training side: {len(fit_docs)} documents to fit both classifiers ({len(fit_ex)} sentences), "
             f"{len(cal_docs)} to fit their combination ({len(cal_ex)} sentences)")
    encoder = Encoder(DEFAULT_ENCODER)
    progress(f"encoding {len(fit_ex) + len(cal_ex) + len(test_hand)} sentences with {DEFAULT_ENCODER}")
    emb_fit = encoder.encode([e.item.text for e in fit_ex])

    progress("1. logistic regression over embeddings, cues, TF-IDF and context")
    tfidf, lr, best_C, cv_scores = _lr_choose_and_fit(fit_ex, emb_fit, seed, c_grid, progress)

    progress(f"2. fine-tuning MiniLM's layers {START}-5 and a head ({epochs} epochs of {len(fit_ex)} sentences)")
    tuned = fine_tune(encoder, [e.item for e in fit_ex], [LABELS.index(e.label) for e in fit_ex], seed,
                      epochs=epochs, progress=progress)

    progress("3. combining them on the calibration documents")
    model = FindingsModel(MODEL_VERSION, tfidf, lr, tuned, None, DEFAULT_ENCODER, {})  # clf: fitted below
    S_cal = model.stacked([e.item for e in cal_ex], encoder)
    y_cal = np.array([e.label for e in cal_ex])
    g_cal = np.array([e.doc for e in cal_ex])
    calibration_cv = _oof_scores(S_cal, y_cal, g_cal, seed)
    progress("  grouped cross-validation on them: " + ", ".join(f"{k} {v:.3f}" for k, v in calibration_cv.items()))
    clf = model.clf = _fit(S_cal, y_cal, g_cal, STACK_C, seed)

    progress(f"4. scoring {len(test_hand)} held-out sentences")
    S_test = model.stacked([e.item for e in test_hand], encoder)
    proba = ordered(clf.predict_proba(S_test), clf.classes_)  # what model.predict gives
    pred = [LABELS[i] for i in proba.argmax(1)]
    held_out = score([(e.label, p) for e, p in zip(test_hand, pred)])
    top = proba.max(1).tolist()
    correct = [p == e.label or (e.label == "mixed" and p != "neutral") for e, p in zip(test_hand, pred)]
    held_out["calibration_error"] = calibration_error(top, correct)
    held_out["documents"] = len(test_docs)
    held_out["parts"] = _part_scores(S_test, [e.label for e in test_hand])

    counts = {lab: sum(1 for e in hand if e.label == lab) for lab in (*LABELS, "mixed")}
    card = {
        "version": MODEL_VERSION,
        "trained": date.today().isoformat(),
        "seed": seed,
        "encoder": DEFAULT_ENCODER,
        "label_files": list(data.by_file),
        "hand_labelled": {"sentences": len(hand), "documents": len(docs), "labels": counts},
        "train": {"documents": len(train_docs), "hand": len(train_hand), "weak_recommendations": len(weak),
                  "mixed_dropped": sum(1 for e in hand if e.doc in set(train_docs) and e.label == "mixed"),
                  "fit_documents": len(fit_docs), "fit_sentences": len(fit_ex),
                  "calibration_documents": len(cal_docs), "calibration_sentences": len(cal_ex)},
        "test": {"documents": len(test_docs), "sentences": len(test_hand)},
        "test_documents": test_docs,
        "C": best_C,
        "cv_macro_f1": {str(k): v for k, v in cv_scores.items()},
        "fine_tuning": {"layers": f"{START}-5", "parameters": tuned.n_parameters, "epochs": epochs, "lr": LR,
                        "batch": BATCH},
        "calibration_cv_macro_f1": calibration_cv,
        "held_out": held_out,
        "features": {"embedding": DIM, "cues": len(cue_names()), "tfidf": len(tfidf.vocabulary_),
                     "context": len(context_names())},
        "sklearn": sklearn.__version__,
        "torch": _torch_version(),
        "python": platform.python_version(),
        "seconds": round(time.perf_counter() - t0, 1),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    tfidf.stop_words_ = None  # not needed to transform; keeps the artefact small
    joblib.dump({"version": MODEL_VERSION, "tfidf": tfidf, "lr": lr, "tuned": tuned, "clf": clf,
                 "encoder": DEFAULT_ENCODER, "card": card}, out_dir / "findings.joblib", compress=3)
    (out_dir / "metrics.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    (out_dir / "MODEL_CARD.md").write_text(model_card(card), encoding="utf-8")
    return card


def _torch_version() -> str:
    import torch

    return torch.__version__


def model_card(card: dict) -> str:
    h = card["held_out"]
    lines = [
        f"# Findings classifier `{card['version']}`",
        "",
        "Labels every passage of an Ofsted document (and of council minutes and committee reports) as",
        "`strength`, `improvement` or `neutral`, with calibrated probabilities. Written by",
        "`ofsted-mine train findings` (models/findings_training.py); do not edit by hand.",
        "",
        "## Model",
        "Two classifiers, combined by a third:",
        f"- A logistic regression over all-MiniLM-L6-v2 sentence embeddings ({card['features']['embedding']}), spaCy cue "
        f"counts ({card['features']['cues']}: hedges, negation, evaluative words, ...), TF-IDF word 1-3-grams "
        f"({card['features']['tfidf']}) and context ({card['features']['context']}: section grade, recommendation list, "
        "letter opening, list item, document family); class-balanced, C="
        + (f"{card['C']:g} chosen by 5-fold cross-validation grouped by document on the fitting documents (macro-F1 "
           f"{', '.join(f'C={k}: {v}' for k, v in card['cv_macro_f1'].items())}), sigmoid-calibrated."
           if card["cv_macro_f1"] else f"{card['C']:g} (given), sigmoid-calibrated."),
        f"- MiniLM's layers {card['fine_tuning']['layers']} fine-tuned on the same sentences with a linear head over "
        f"their mean-pooled output and the context ({card['fine_tuning']['parameters']:,} parameters, stored as "
        f"float16; {card['fine_tuning']['epochs']} epochs, learning rate {card['fine_tuning']['lr']:g}, batches of "
        f"{card['fine_tuning']['batch']}, class-balanced cross-entropy).",
        "- A class-balanced logistic regression over the first one's log probabilities and the second one's logits,",
        "  fitted on the calibration documents (which neither was trained on) and sigmoid-calibrated over",
        "  5 folds of them grouped by document. Macro-F1 on those documents: each part alone (neither was trained",
        "  on them) " + ", ".join(f"{k.replace('_', ' ')} {v:.3f}" for k, v in card["calibration_cv_macro_f1"].items()
                                  if k != "combined")
        + f"; the combination, out of fold, {card['calibration_cv_macro_f1']['combined']:.3f}.",
        f"- Seed {card['seed']}; scikit-learn {card['sklearn']}, torch {card['torch']}; trained {card['trained']} "
        f"in {card['seconds']} s.",
        "",
        "## Data",
        f"- Hand-labelled: {card['hand_labelled']['sentences']} sentences from {card['hand_labelled']['documents']} "
        f"documents ({', '.join(f'{k} {v}' for k, v in card['hand_labelled']['labels'].items())}); files "
        f"{', '.join(card['label_files'])}; guide models/data/LABELLING.md.",
        f"- Split by document: {card['train']['documents']} documents train ({card['train']['hand']} sentences, "
        f"{card['train']['mixed_dropped']} mixed left out), {card['test']['documents']} documents held out "
        f"({card['test']['sentences']} sentences).",
        f"- The training documents are split again: {card['train']['fit_documents']} to fit the two classifiers "
        f"({card['train']['fit_sentences']} sentences with the weak labels), {card['train']['calibration_documents']} "
        f"to combine them ({card['train']['calibration_sentences']} sentences).",
        f"- Weak labels (training side only): {card['train']['weak_recommendations']} items of \"What needs to improve\" "
        "lists from other reports and letters, as improvements.",
        "- The dev gold document (focused_visits/barnet_2021-08-02.pdf) is in neither.",
        "",
        "## Held-out scores (documents never seen in training)",
        f"- {h['n']} sentences ({h['mixed']} mixed, scored as in ../shared/gold/README.md) from {h['documents']} documents",
        f"- accuracy {h['accuracy']:.3f}, macro-F1 {h['macro_f1']:.4f}, calibration error (ECE, 10 bins) "
        f"{h['calibration_error']:.3f}",
        f"- each part alone (its top label): logistic regression {h['parts']['logistic_regression']:.4f}, "
        f"fine-tuned layers {h['parts']['fine_tuned']:.4f}",
        "",
        "| class | precision | recall | F1 | support |",
        "|---|---|---|---|---|",
    ]
    for c, v in h["per_class"].items():
        lines.append(f"| {c} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} | {v['support']} |")
    lines += ["", "Confusion (rows gold, columns predicted):", "", "| | " + " | ".join(LABELS) + " |",
              "|---|" + "---|" * len(LABELS)]
    for g in LABELS:
        lines.append(f"| {g} | " + " | ".join(str(h["confusion"][g][p]) for p in LABELS) + " |")
    lines += ["", "## Limits",
              "- Sentences are labelled on their own words; a sentence that only makes sense with its neighbours",
              "  (\"This means that ...\") is classified alone.",
              "- Trained on ILACS reports (2018 framework) and focused-visit letters; SIF reports, monitoring letters",
              "  and council papers are classified by the same model without labelled data of their own.",
              "- The held-out split was read after label batches 4 to 6 were added, to decide whether to keep them.",
              "  A second test set that is never trained on, models/data/findings_test.jsonl (422 sentences, 18",
              "  other documents), is scored by `ofsted-mine evaluate findings --gold models/data/findings_test.jsonl`;",
              "  the README says when it was read and what was decided without it.",
              ""]
    return "\n".join(lines)

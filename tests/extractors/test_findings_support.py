"""Scoring rules, the encoder's cache and the document split."""
from __future__ import annotations

import numpy as np

from extractors.findings.encoder import Encoder, text_hash
from models.findings_data import split_documents
from models.findings_scoring import calibration_error, score


def test_mixed_counts_right_for_strength_or_improvement():
    r = score([("mixed", "strength"), ("mixed", "improvement"), ("mixed", "neutral"), ("neutral", "neutral")])
    assert r["n"] == 4 and r["accuracy"] == 0.75 and r["mixed"] == 3
    assert r["confusion"]["improvement"]["neutral"] == 1  # a wrong mixed is counted as a missed improvement


def test_per_class_and_macro_f1():
    r = score([("strength", "strength"), ("strength", "improvement"), ("improvement", "improvement"),
               ("neutral", "neutral")])
    assert r["per_class"]["strength"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "support": 2}
    assert r["per_class"]["improvement"]["precision"] == 0.5
    assert r["macro_f1"] == round((2 / 3 + 2 / 3 + 1) / 3, 4)
    assert score([("strength", "unmatched")])["accuracy"] == 0.0


def test_calibration_error():
    assert calibration_error([0.9, 0.9], [True, True]) == 0.1
    assert calibration_error([], []) == 0.0


def test_encoder_caches_by_text_and_persists(tmp_path):
    enc = Encoder()
    vecs = enc.encode(["Children are safe.", "Plans are not timely.", "Children are safe."])
    assert vecs.shape == (3, 384) and enc.encoded == 2
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1, atol=1e-5)
    assert np.allclose(vecs[0], vecs[2])
    path = tmp_path / "cache.npz"
    enc.save_cache(path)
    again = Encoder()
    assert again.load_cache(path) == 2
    assert np.allclose(again.encode(["Plans are not timely."])[0], vecs[1]) and again.encoded == 0
    assert text_hash("a") != text_hash("b")
    assert Encoder().load_cache(tmp_path / "missing.npz") == 0


def test_the_encoder_gives_what_sentence_transformers_gives():
    """The encoder runs MiniLM itself (so one pass also feeds the findings
    model's fine-tuned layers); its vectors are sentence-transformers' own."""
    enc = Encoder()
    texts = ["Children are safe.", "Too many children wait too long for their initial health assessments."]
    ours = enc.encode(texts)
    theirs = enc.model.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
    assert np.abs(ours - theirs).max() < 1e-5


def test_split_is_by_document_seeded_and_per_folder():
    docs = [f"ilacs/a{i}.pdf" for i in range(10)] + [f"focused_visits/b{i}.pdf" for i in range(10)]
    train, test = split_documents(docs, 7, 0.2)
    assert not set(train) & set(test) and len(train) + len(test) == 20
    assert sum(d.startswith("ilacs/") for d in test) == 2 and sum(d.startswith("focused_visits/") for d in test) == 2
    assert split_documents(docs, 7, 0.2) == (train, test)


def test_the_fresh_test_set_is_never_trained_on(corpus_dir):
    """models/data/findings_test.jsonl is scored with `evaluate findings
    --gold`: training never reads it, none of its documents is in a label
    file or is the dev gold document, and no weak label is drawn from them."""
    import json

    from models.findings_data import DEV_GOLD_DOCS, label_files, test_set_documents
    from models.findings_training import weak_pool

    test_file = label_files()[0].with_name("findings_test.jsonl")
    assert test_file not in label_files()
    rows = [json.loads(line) for line in test_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    test_docs = {r["doc"] for r in rows}
    trained = {json.loads(line)["doc"] for f in label_files() for line in f.read_text(encoding="utf-8").splitlines()
               if line.strip()}
    assert len(rows) >= 400 and len(test_docs) == 18
    assert not test_docs & trained and not test_docs & set(DEV_GOLD_DOCS)
    assert {r["label"] for r in rows} <= {"strength", "improvement", "neutral", "mixed"}
    assert test_set_documents() == test_docs
    pool = weak_pool(corpus_dir, trained)
    assert len(pool) > 100 and not set(pool) & test_docs and not set(pool) & trained


def test_batch_value_reads_batch_numbers_and_refuses_a_wrong_corpus(tmp_path, capsys):
    from pathlib import Path

    from models.findings_batch_value import VARIANTS, batch_number, main

    assert batch_number(Path("findings_labels.jsonl")) == 1 and batch_number(Path("findings_labels_8.jsonl")) == 8
    assert VARIANTS[0] == ("every batch", ())
    assert main(["--corpus", str(tmp_path)]) == 2
    assert "no MANIFEST.csv" in capsys.readouterr().err


def test_bfloat16_encoding_stays_close_to_float32(tmp_path):
    """The pipeline's default precision (auto) runs MiniLM in bfloat16 where
    the CPU has native bfloat16 instructions: the packaged vectors and the
    findings model's tuned outputs stay within a cosine of 0.999 of float32's,
    and a saved cache is only read back at the precision that wrote it."""
    import pytest

    from extractors.findings.encoder import EncoderError, resolve_precision
    from extractors.findings.model import load_model

    texts = ["Children are safe.", "Too many children wait too long for their initial health assessments.",
             "Leaders have built strong relationships with Cafcass and the Family Court."]
    full, half = Encoder(precision="float32"), Encoder(precision="bfloat16")
    assert np.min(np.sum(full.encode(texts) * half.encode(texts), axis=1)) > 0.999
    tuned = load_model().tuned
    a, b = full.encode_tuned(texts, tuned), half.encode_tuned(texts, tuned)
    assert np.min(np.sum(a * b, axis=1) / np.linalg.norm(b, axis=1)) > 0.999
    half.save_cache(tmp_path / "half.npz")
    assert Encoder(precision="float32").load_cache(tmp_path / "half.npz") == 0
    assert Encoder(precision="bfloat16").load_cache(tmp_path / "half.npz") == 3
    assert resolve_precision("auto") in ("float32", "bfloat16") and resolve_precision("float32") == "float32"
    with pytest.raises(EncoderError, match="choose one of"):
        resolve_precision("int4")


def test_the_precision_setting_comes_from_the_environment():
    from pipeline.settings import Settings

    assert Settings.from_env({}).encoder_precision == "auto"
    assert Settings.from_env({"OFSTED_MINE_ENCODER_PRECISION": "float32"}).encoder_precision == "float32"

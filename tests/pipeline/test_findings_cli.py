"""Findings through the real flow into a real warehouse, and the commands
that print, evaluate and train them."""
from __future__ import annotations

import json

import duckdb
import pytest

from pipeline.cli import main

GOLD = "findings_dev.jsonl"


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip().startswith("{")]


def test_middlesbrough_findings_from_the_warehouse(runner, corpus_dir, tmp_path):
    db = tmp_path / "w.duckdb"
    files = [corpus_dir / "focused_visits" / "middlesbrough_2026-01-27.pdf",
             corpus_dir / "minutes" / "middlesbrough_2022-06_childrens-scrutiny-panel.txt"]
    result = runner.invoke(main, ["ingest", "-q", *map(str, files), "--db", str(db)])
    assert result.exit_code == 0, result.output

    con = duckdb.connect(str(db), read_only=True)
    # one finding per passage, every one with a label and a version
    assert con.execute("SELECT count(*) FROM passages").fetchone() == con.execute("SELECT count(*) FROM findings").fetchone()
    assert con.execute("SELECT count(*) FROM findings WHERE label NOT IN ('strength','improvement','neutral')").fetchone()[0] == 0
    stages = dict(con.execute("SELECT DISTINCT stage, version FROM document_stages").fetchall())
    from extractors.findings import stage_version

    assert stages["findings"] == stage_version() and "+model-findings-" in stages["findings"]
    con.close()

    result = runner.invoke(main, ["findings", "--db", str(db), "--la", "Middlesbrough", "--label", "improvement", "--json"])
    assert result.exit_code == 0, result.output
    rows = _lines(result.output)
    assert rows and {r["label"] for r in rows} == {"improvement"}
    assert all(r["page"] >= 1 and r["document"].endswith((".pdf", ".txt")) for r in rows)
    recs = [r for r in rows if r["kind"] == "recommendation"]
    assert recs and [r["item_no"] for r in recs] == sorted(r["item_no"] for r in recs)
    reported = _lines(runner.invoke(main, ["findings", "--db", str(db), "--la", "Middlesbrough", "--kind", "reported",
                                           "--json"]).output)
    assert reported and "inspectors" in {r["made_by"] for r in reported}

    printed = runner.invoke(main, ["findings", "--db", str(db), "--la", "Middlesbrough"])
    assert printed.exit_code == 0 and "recommendation 1" in printed.output and "strength" in printed.output


def test_evaluate_findings_on_the_dev_gold(runner, corpus_dir, tmp_path):
    gold = corpus_dir.parent / "gold" / GOLD
    if not gold.is_file():
        pytest.skip("no dev gold")
    result = runner.invoke(main, ["evaluate", "findings", "--gold", str(gold), "--corpus", str(corpus_dir), "--json",
                                  "--no-held-out"])
    assert result.exit_code == 0, result.output
    r = json.loads(result.stdout[result.stdout.index("{"):])
    assert r["n"] == 22 and r["unmatched_quotes"] == 0
    assert set(r["per_class"]) == {"strength", "improvement", "neutral"}
    assert all({"precision", "recall"} <= set(v) for v in r["per_class"].values())
    assert r["macro_f1"] >= 0.85
    cuts = r["by_confidence"]
    assert [c["min_probability"] for c in cuts] == [0.5, 0.6, 0.7, 0.8, 0.9]
    assert [c["n"] for c in cuts] == sorted((c["n"] for c in cuts), reverse=True) and cuts[0]["n"] <= 22
    assert all(c["share"] == round(c["n"] / 22, 4) for c in cuts)

    # a quote that is not in its document is a listed miss, counted wrong
    bad = tmp_path / "bad.jsonl"
    bad.write_text(gold.read_text(encoding="utf-8").splitlines()[0] + "\n"
                   + json.dumps({"doc": "focused_visits/barnet_2021-08-02.pdf", "quote": "words that are not there at all",
                                 "label": "strength"}) + "\n", encoding="utf-8")
    result = runner.invoke(main, ["evaluate", "findings", "--gold", str(bad), "--corpus", str(corpus_dir), "--json",
                                  "--no-held-out"])
    r = json.loads(result.stdout[result.stdout.index("{"):])
    assert r["n"] == 2 and r["unmatched_quotes"] == 1 and r["accuracy"] == 0.5
    assert r["misses"][0]["reason"] == "quote not found in the document"


def test_every_recommendation_item_is_captured(runner, corpus_dir):
    result = runner.invoke(main, ["evaluate", "recommendations", "--corpus", str(corpus_dir), "--json"])
    assert result.exit_code == 0, result.output
    r = json.loads(result.stdout[result.stdout.index("{"):])
    for group in ("ilacs", "focused_visit"):
        g = r[group]
        assert g["found"] == g["printed"] > 0, g["mismatches"]
        assert g["documents_equal"] == g["documents"]
    assert r["ilacs"]["documents"] + r["focused_visit"]["documents"] > 590


@pytest.mark.slow
def test_fine_tuning_is_reproducible():
    """The fine-tuning step of `train findings` gives the same weights twice
    with the same seed (on a few sentences: the whole training takes about
    ten minutes on 2 cores and is not re-run by the suite)."""
    import numpy as np

    from extractors.findings.encoder import Encoder
    from extractors.findings.features import Item
    from models.findings_tuning import fine_tune

    texts = ["Leaders have built strong relationships with Cafcass.", "Too many children wait too long.",
             "The council has twelve social workers.", "Case recording does not always do justice to the work."]
    items, labels = [Item(t) for t in texts * 4], [0, 1, 2, 1] * 4
    enc = Encoder()
    first, second = (fine_tune(enc, items, labels, seed=3, epochs=1, progress=lambda m: None) for _ in range(2))
    assert first.key == second.key
    assert all(np.array_equal(a[k], b[k]) for a, b in zip(first.layers, second.layers) for k in a)
    assert first.layers[0]["attention.self.query.weight"].dtype == np.float16
    pooled = Encoder().encode_tuned(texts, first)
    assert pooled.shape == (4, 384) and np.allclose(np.linalg.norm(pooled, axis=1), 1, atol=1e-3)


def test_the_committed_model_card_is_made_from_its_metrics():
    from models.findings_training import model_card
    from pipeline.settings import PROJECT_ROOT

    folder = PROJECT_ROOT / "models" / "findings"
    metrics = json.loads((folder / "metrics.json").read_text(encoding="utf-8"))
    assert (folder / "MODEL_CARD.md").read_text(encoding="utf-8") == model_card(metrics)
    import joblib

    artefact = joblib.load(folder / "findings.joblib")  # the artefact was written with these metrics
    assert artefact["version"] == metrics["version"] and json.loads(json.dumps(artefact["card"])) == metrics
    cv = {float(c): v for c, v in metrics["cv_macro_f1"].items()}
    assert metrics["C"] == max(cv, key=lambda c: (cv[c], -c))  # the grid was searched, and C is its best
    assert set(metrics["calibration_cv_macro_f1"]) == {"logistic_regression", "fine_tuned", "combined"}


def test_a_skipped_findings_stage_is_done_by_the_next_run(runner, samples, tmp_path):
    db = tmp_path / "s.duckdb"
    first = runner.invoke(main, ["ingest", "--json", "--skip-stage", "findings", str(samples), "--db", str(db)])
    assert first.exit_code == 0, first.output
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM findings").fetchone()[0] == 0
    con.close()
    second = runner.invoke(main, ["ingest", "--json", str(samples), "--db", str(db)])
    summary = json.loads(second.stdout[second.stdout.index("{"):])
    assert summary["documents"]["updated"] == 3 and summary["documents"]["new"] == 0
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM findings").fetchone() == con.execute("SELECT count(*) FROM passages").fetchone()
    recs = con.execute("SELECT item_no, text FROM findings_cited WHERE kind = 'recommendation' ORDER BY item_no").fetchall()
    assert [n for n, _ in recs] == list(range(1, len(recs) + 1)) and len(recs) >= 2
    # what the visit looked at ("Areas covered") is not a finding
    scope = con.execute("""SELECT f.label, f.method FROM findings f JOIN visit_areas a
        ON a.doc_id = f.doc_id AND f.char_start < a.char_end AND a.char_start < f.char_end""").fetchall()
    assert scope and set(scope) == {("neutral", "rule")}
    con.close()
    bad = runner.invoke(main, ["ingest", "--skip-stage", "segment", str(samples), "--db", str(db)])
    assert bad.exit_code == 2


def test_scores_by_confidence_keep_only_probable_labels():
    from pipeline.evaluate.findings import by_confidence

    preds = [({"label": "strength"}, "strength", "t", 0.95), ({"label": "neutral"}, "strength", "t", 0.55),
             ({"label": "improvement"}, "improvement", "t", 0.75), ({"label": "strength"}, None, "not found", None)]
    cuts = {c["min_probability"]: c for c in by_confidence(preds)}
    assert cuts[0.5]["n"] == 3 and cuts[0.5]["share"] == 0.75 and cuts[0.5]["accuracy"] == round(2 / 3, 4)
    assert cuts[0.7]["n"] == 2 and cuts[0.7]["accuracy"] == 1.0
    assert cuts[0.9]["n"] == 1 and cuts[0.9]["share"] == 0.25

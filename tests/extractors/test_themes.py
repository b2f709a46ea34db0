"""The theme taxonomy, seed phrases, the tagger with its tuned thresholds,
discovery and the labelled data, on real models and hand-written sentences
in the style of the reports."""
from __future__ import annotations

import json

import numpy as np
import pytest

from extractors.findings.encoder import shared_encoder
from extractors.themes import load_tagger, stage_version
from extractors.themes.phrases import SeedMatcher
from models.themes_data import apply_review, data_file, read_review, read_theme_rows
from models.themes_discovery import discover
from models.themes_taxonomy import TaxonomyError, load_taxonomy

REQUIRED = {  # the themes the issue names, by id
    "front_door", "early_help", "child_protection", "assessment", "permanence", "placements_sufficiency",
    "unregistered_placements", "care_leavers", "workforce", "caseloads", "management_oversight",
    "quality_assurance", "leadership_governance", "partnership_working", "voice_of_child", "exploitation_missing",
    "domestic_abuse", "neglect", "disabled_children", "homeless_16_17", "kinship_sgo", "fostering_adoption",
    "health_education_cic", "court_pre_proceedings", "corporate_parenting", "finance", "covid",
}


@pytest.fixture(scope="module")
def tagger():
    return load_tagger()


def _tag(tagger, texts):
    return [{h.theme for h in hits} for hits in tagger.tag(texts, shared_encoder().encode(texts))]


def test_taxonomy_has_the_named_themes_with_stable_ids():
    tax = load_taxonomy()
    assert len(tax.themes) >= 25 and REQUIRED <= set(tax.ids)
    assert len(set(tax.ids)) == len(tax.ids)
    assert all(t.label and len(t.description) > 40 and t.seeds for t in tax.themes)
    assert tax.resolve("Front door / MACH") == "front_door" and tax.resolve("FRONT_DOOR") == "front_door"
    assert stage_version().startswith("themes-4+" + tax.version + "+tuning-4.")


def test_a_broken_taxonomy_is_a_clear_error(tmp_path):
    bad = tmp_path / "t.toml"
    bad.write_text('version = "x"\n[[theme]]\nid = "Front Door"\nlabel = "a"\ndescription = "b"\nseeds = []\n')
    with pytest.raises(TaxonomyError, match="snake_case"):
        load_taxonomy(bad)
    bad.write_text("version = \n")
    with pytest.raises(TaxonomyError, match="cannot read"):
        load_taxonomy(bad)


def test_seed_phrases_match_whole_tokens_in_any_case():
    m = SeedMatcher({"front_door": ["MACH", "front door"], "covid": ["covid-19"]})
    found = m.find(["Contacts to the mach are screened", "The Front Door works well", "a smash hit",
                    "During the COVID-19 pandemic"])
    assert found[0] == {"front_door": ["MACH"]}
    assert found[1] == {"front_door": ["front door"]}
    assert found[2] == {}
    assert found[3] == {"covid": ["covid-19"]}


def test_tagger_finds_the_themes_of_clear_sentences(tagger):
    got = _tag(tagger, [
        "Contacts received by the multi-agency children's hub (MACH) are screened promptly by social workers.",
        "Care leavers have up-to-date pathway plans and their personal advisers know them well.",
        "Strategy meetings are held promptly and are well attended by the police and health partners.",
        "Social workers' caseloads are too high in the assessment teams.",
        "Return home interviews are not always offered to children who go missing.",
        "The virtual school tracks the attendance and progress of children in care closely.",
    ])
    assert "front_door" in got[0]
    assert "care_leavers" in got[1]
    assert "child_protection" in got[2]
    assert "caseloads" in got[3]
    assert "exploitation_missing" in got[4]
    assert "health_education_cic" in got[5]


def test_hits_carry_score_method_and_phrase(tagger):
    texts = ["Screening in the MACH is prompt and effective."]
    hits = tagger.tag(texts, shared_encoder().encode(texts))[0]
    door = next(h for h in hits if h.theme == "front_door")
    assert door.method == "phrase+classifier" and door.phrase == "MACH"
    assert 0 <= door.score <= 1
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_tuning_was_chosen_on_the_tune_set_only():
    card = json.loads((data_file("themes_tune.jsonl").parents[1] / "themes" / "tuning.json").read_text())
    tune_docs = set(card["documents"])
    gold_docs = {r["doc"] for name in ("themes_gold.jsonl", "themes_gold_2.jsonl")
                 for r in read_theme_rows(data_file(name), load_taxonomy())}
    assert tune_docs and not tune_docs & gold_docs
    assert card["taxonomy_version"] == load_taxonomy().version
    assert set(card["thresholds"]) == set(load_taxonomy().ids)


def test_the_threshold_is_chosen_on_the_passages_drawn_at_random():
    """Passages drawn where a tagger was unsure are trained on but do not choose
    the probability threshold; the card says which files those were."""
    from models.themes_training import UNSURE_FILES, probability_threshold

    # 20 random passages: the true theme scores 0.9, a wrong one 0.6 (best cut: above 0.6);
    # 60 unsure ones: the true theme scores 0.5 (best cut: at or below 0.5)
    gold = np.array([[True, False]] * 80)
    proba = np.array([[0.9, 0.6]] * 20 + [[0.5, 0.0]] * 60, dtype=np.float32)
    chooses = np.array([True] * 20 + [False] * 60)
    out = probability_threshold(gold, proba, chooses)
    assert out["classifier_threshold"] == 0.65 and out["threshold_passages"] == 20
    assert out["classifier"]["precision"] == 1.0 and out["classifier"]["gold"] == 20
    assert out["all_passages"]["classifier_threshold"] <= 0.5 and out["all_passages"]["passages"] == 80
    assert probability_threshold(gold, proba)["classifier_threshold"] <= 0.5  # default: every passage chooses
    card = json.loads((data_file("themes_tune.jsonl").parents[1] / "themes" / "tuning.json").read_text())
    assert {"themes_tune_5.jsonl", "themes_tune_13.jsonl"} <= set(UNSURE_FILES) and card["threshold_chosen_without"] == sorted(
        f for f in card["labels"] if f in UNSURE_FILES)


def test_labelled_sets_are_big_enough_and_valid():
    tax = load_taxonomy()
    gold = read_theme_rows(data_file("themes_gold.jsonl"), tax)
    tune = read_theme_rows(data_file("themes_tune.jsonl"), tax)
    assert len(gold) >= 400 and len(tune) >= 400
    assert {r["doc"].split("/")[0] for r in gold} >= {"ilacs", "focused_visits", "minutes", "committee_reports"}


def test_theme_rows_accept_labels_and_one_theme_and_reject_unknown(tmp_path):
    tax = load_taxonomy()
    path = tmp_path / "g.jsonl"
    path.write_text('{"doc": "a.pdf", "quote": "q", "themes": ["Front door / MACH", "covid"]}\n'
                    '{"doc": "a.pdf", "quote": "r", "theme": "permanence"}\n'
                    '{"doc": "a.pdf", "quote": "s", "themes": []}\n')
    rows = read_theme_rows(path, tax)
    assert [r["themes"] for r in rows] == [["covid", "front_door"], ["permanence"], []]
    path.write_text('{"doc": "a.pdf", "quote": "q", "themes": ["youth justice"]}\n')
    with pytest.raises(ValueError, match="line 1: 'youth justice' is not a theme"):
        read_theme_rows(path, tax)


def test_a_review_sets_each_judged_theme_and_leaves_the_rest(tmp_path):
    tax = load_taxonomy()
    path = tmp_path / "review.jsonl"
    path.write_text('{"doc": "a.pdf", "quote": "Managers  oversee plans.", "verdicts": {"management_oversight": true, '
                    '"Front door / MACH": false}}\n')
    review = read_review(path, tax)
    rows = [{"doc": "a.pdf", "quote": "Managers oversee plans.", "themes": ["front_door", "recording"]},
            {"doc": "b.pdf", "quote": "Managers oversee plans.", "themes": ["front_door"]}]
    out, changed = apply_review(rows, review)
    assert [r["themes"] for r in out] == [["management_oversight", "recording"], ["front_door"]] and changed == 2
    assert rows[0]["themes"] == ["front_door", "recording"]  # the labels read are not modified
    path.write_text('{"doc": "a.pdf", "quote": "q", "verdicts": {"youth justice": true}}\n')
    with pytest.raises(ValueError, match="line 1: 'youth justice' is not a theme"):
        read_review(path, tax)
    path.write_text('{"doc": "a.pdf", "quote": "q", "verdicts": {"covid": "yes"}}\n')
    with pytest.raises(ValueError, match="line 1: doc, quote and verdicts"):
        read_review(path, tax)


def test_discovery_is_deterministic_and_labels_clusters_by_their_terms():
    youth = [f"The youth offending service supervises young people on {x} orders in the youth justice system."
             for x in ("referral", "community", "custodial", "reparation", "detention", "court")]
    carers = [f"Young carers receive {x} support from the young carers service and their schools."
              for x in ("respite", "peer", "group", "emotional", "practical", "holiday")]
    texts = youth + carers
    vecs = shared_encoder().encode(texts)
    a = discover(texts, vecs, k=2, seed=7)
    b = discover(texts, vecs, k=2, seed=7)
    assert [(c.label, c.size, c.examples) for c in a] == [(c.label, c.size, c.examples) for c in b]
    assert sorted(c.size for c in a) == [6, 6]
    labels = " ".join(c.label for c in a)
    assert "youth" in labels and "carers" in labels
    groups = [{i < 6 for i in c.examples} for c in a]
    assert all(len(g) == 1 for g in groups)  # each cluster's examples come from one group


def test_discovery_reports_the_nearest_theme(tagger):
    texts = ["Care leavers live in suitable accommodation.", "Personal advisers stay in touch with care leavers.",
             "Pathway plans are reviewed with young people.", "Care leavers are helped into work."]
    found = discover(texts, shared_encoder().encode(texts), k=1, seed=1, prototypes=tagger.protos,
                     theme_ids=tagger.ids)
    assert found[0].nearest_theme == "care_leavers" and found[0].nearest_similarity > 0.3
    assert np.isclose(sum(c.size for c in found), 4)


def test_agreement_script_scores_a_second_annotation(tmp_path):
    import subprocess
    import sys

    from models.themes_data import data_file

    script = data_file("agreement.py")
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text('{"doc": "d", "quote": "q1", "themes": ["covid", "finance"], "label": "strength"}\n'
                     '{"doc": "d", "quote": "q2", "themes": [], "label": "neutral"}\n')
    second.write_text('{"doc": "d", "quote": "q1", "themes": ["covid"], "label": "strength"}\n'
                      '{"doc": "d", "quote": "q2", "themes": ["workforce"], "label": "improvement"}\n')
    out = subprocess.run([sys.executable, str(script), "themes", str(first), str(second)],
                         capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == {"passages": 2, "precision": 0.5, "recall": 0.5, "f1": 0.5, "same_set": 0.0}
    out = subprocess.run([sys.executable, str(script), "findings", str(first), "--second", str(second)],
                         capture_output=True, text=True, check=True).stdout
    assert json.loads(out)["same_label"] == 0.5


def test_the_classifier_reads_the_passage_before_and_the_paragraph(tagger):
    from types import SimpleNamespace

    from extractors.themes.extract import mean_vectors, previous_texts, unit_members

    parts = [SimpleNamespace(kind=k, text=t, unit=u) for k, t, u in
             (("heading", "Help and protection", 0), ("sentence", "A.", 1), ("sentence", "B.", 1),
              ("heading", "Next", 2), ("sentence", "C.", 3))]
    assert previous_texts(parts) == ["", "", "A.", "B.", "B."]
    assert unit_members(parts) == [("Help and protection",), ("A.", "B."), ("A.", "B."), ("Next",), ("C.",)]
    prev = ["Strategy meetings are held promptly when concerns about significant harm are identified."]
    text = ["They are completed promptly and the information from them is used well."]
    enc = shared_encoder()
    alone = {h.theme for h in tagger.tag(text, enc.encode(text))[0]}
    paragraph = mean_vectors(enc, [(prev[0], text[0])])
    assert np.allclose(np.linalg.norm(paragraph, axis=1), 1) and mean_vectors(enc, []).shape == (0, 384)
    in_context = {h.theme for h in tagger.tag(text, enc.encode(text), prev, enc.encode(prev), paragraph)[0]}
    assert "child_protection" in in_context and "child_protection" not in alone


def test_a_documents_scope_is_the_areas_its_visit_covered_or_else_the_section(corpus_dir):
    """Real documents: a focused-visit letter's scope is the area its opening
    names, for every passage; an ILACS report's is each passage's section."""
    from corpus.readers import read_path
    from extractors.segment import segment
    from extractors.themes.extract import encode_or_zero, scope_texts
    from extractors.understand import understand

    rel = "focused_visits/middlesbrough_2026-01-27.pdf"
    doc = read_path(corpus_dir / rel, rel)
    seg = segment(doc)
    areas = [a.text for a in understand(doc, seg).areas_covered]
    assert areas and "front door" in areas[0]
    assert set(scope_texts(seg, seg.passages, areas)) == {"; ".join(areas)}
    rel = "ilacs/newham_2019-03-25.pdf"
    doc = read_path(corpus_dir / rel, rel)
    seg = segment(doc)
    assert not understand(doc, seg).areas_covered
    scopes = scope_texts(seg, seg.passages)
    assert any(s.startswith("The experiences and progress of children in care") for s in scopes)
    assert all(s == (seg.section_of(p).title.strip() if seg.section_of(p) else "") for s, p in zip(scopes, seg.passages))
    vecs = encode_or_zero(shared_encoder(), ["", "a", "a"], 384)
    assert not vecs[0].any() and np.allclose(vecs[1], vecs[2]) and vecs.shape == (3, 384)


def test_training_sees_the_scope_the_themes_stage_sees(corpus_dir):
    """A labelled passage's scope (models.themes_data.locate_rows, for
    training) is what the pipeline's stages give the tagger for it."""
    from corpus.discover import DiscoveredFile
    from extractors.themes.extract import scope_texts
    from models.findings_data import _plain
    from models.themes_data import locate_rows
    from pipeline.settings import Settings
    from pipeline.steps import read_step, run_stages

    rows = read_theme_rows(data_file("themes_gold.jsonl"), load_taxonomy())
    for prefix in ("focused_visits/", "ilacs/", "committee_reports/"):
        row = next(r for r in rows if r["doc"].startswith(prefix))
        labelled = locate_rows([row], corpus_dir)[0]
        done = run_stages(read_step(DiscoveredFile(corpus_dir / row["doc"], row["doc"])), Settings.from_env(),
                          until="themes")
        seg = done["segment"]
        passage = next(p for p in seg.passages if _plain(row["quote"]) in _plain(p.text))
        areas = [a.text for a in done["understand"].areas_covered]
        assert [labelled.scope] == scope_texts(seg, [passage], areas), row["doc"]
        assert labelled.scope or prefix == "committee_reports/"


def test_the_scope_tells_which_group_of_children_a_plain_sentence_is_about(tagger):
    """The same sentence leans to children in need in a visit about help and
    protection, and to care plans in one about children in care."""
    enc = shared_encoder()
    text = ["Plans are not specific enough and do not always identify what needs to change."]
    vec = enc.encode(text)
    ids = tagger.ids
    proba = {}
    for name, scope in (("cin", "the local authority's arrangements for children in need and those subject "
                                "to a child protection plan"),
                        ("cic", "the local authority's arrangements for children in care")):
        proba[name] = tagger.classifier_proba(text, vec, [""], np.zeros_like(vec), vec, enc.encode([scope]))[0]
    cin, care = ids.index("children_in_need"), ids.index("care_planning_reviews")
    assert proba["cin"][cin] > proba["cic"][cin] and proba["cic"][care] > proba["cin"][care]
    assert tagger.classifier.scope_theme_ids and tagger.classifier.scope_description_vectors.shape == (len(tagger.classifier.scope_theme_ids), 384)


def test_the_classifier_is_trained_on_the_themes_not_retired(tmp_path):
    from models.themes_training import active_columns

    path = tmp_path / "t.toml"
    path.write_text('version = "t"\n'
                    '[[theme]]\nid = "a"\nlabel = "A"\ndescription = "' + "a" * 50 + '"\nseeds = ["x"]\n'
                    '[[theme]]\nid = "b"\nlabel = "B"\ndescription = "' + "b" * 50 + '"\nseeds = ["y"]\nretired = true\n'
                    '[[theme]]\nid = "c"\nlabel = "C"\ndescription = "' + "c" * 50 + '"\nseeds = ["z"]\n')
    assert active_columns(load_taxonomy(path)) == (["a", "c"], [0, 2])


def test_previous_passages_need_their_vectors(tagger):
    with pytest.raises(ValueError, match="both"):
        tagger.tag(["Strategy meetings are timely."], shared_encoder().encode(["Strategy meetings are timely."]),
                   ["A passage before."], None)


def _data_script(name: str):
    """A script of models/data (not a package), imported as a module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, data_file("themes_gold.jsonl").parent / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_second_annotations_match_first_annotations_and_agree(capsys):
    """The blind second annotations in models/data/agreement/ cover passages of
    the files they check, and agreement.py scores them (the README's figures)."""
    base = data_file("themes_gold.jsonl").parent
    agreement = _data_script("agreement")
    # every gold passage, plus 17 that moved with their council papers to themes_tune_6.jsonl
    for first, second, n in ((["agreement/themes_gold_first.jsonl", "themes_tune_6.jsonl"], "themes_gold_second.jsonl",
                              508 + 17),
                             (["themes_tune.jsonl", "themes_tune_4.jsonl"], "themes_tune_second.jsonl", 280)):
        assert agreement.main(["themes", *(str(base / f) for f in first),
                               "--second", str(base / "agreement" / second)]) == 0
        out = json.loads(capsys.readouterr().out.splitlines()[0])
        assert out["passages"] == n and out["f1"] > 0.9


@pytest.mark.parametrize("name", ["themes_gold", "themes_gold_2"])
def test_the_gold_set_is_the_adjudicated_consensus_of_two_blind_annotations(capsys, name):
    """themes_gold.jsonl and themes_gold_2.jsonl: where the first and second
    annotations agree, their themes; where they differ, the adjudicator's
    verdict on each disputed theme (and on nothing else)."""
    tax = load_taxonomy()
    base = data_file("themes_gold.jsonl").parent
    gold = read_theme_rows(base / f"{name}.jsonl", tax)
    first = read_theme_rows(base / "agreement" / f"{name}_first.jsonl", tax)
    second = {(r["doc"], r["quote"]): set(r["themes"])
              for r in read_theme_rows(base / "agreement" / f"{name}_second.jsonl", tax)}
    path = base / "agreement" / f"{name}_adjudication.jsonl"
    adjudication = read_review(path, tax)
    assert [(r["doc"], r["quote"]) for r in gold] == [(r["doc"], r["quote"]) for r in first]
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    disputed = {(r["doc"], r["quote"]): set(r["verdicts"]) for r in rows}
    assert len(disputed) == len(rows) and set(disputed) <= {(r["doc"], r["quote"]) for r in gold}
    for f, g in zip(first, gold):
        key = (f["doc"], f["quote"])
        differ = set(f["themes"]) ^ second[key]
        assert disputed.get(key, set()) == differ
        assert set(f["themes"]) & second[key] <= set(g["themes"]) <= set(f["themes"]) | second[key]
    consensus, changed = apply_review(first, adjudication)
    assert [r["themes"] for r in consensus] == [r["themes"] for r in gold]
    agreement = _data_script("agreement")
    assert agreement.main(["review", str(base / "agreement" / f"{name}_first.jsonl"), "--second", str(path)]) == 0
    out = json.loads(capsys.readouterr().out.splitlines()[0])
    assert out["labels_changed"] == changed and out["controls_agreeing"] / out["controls"] > 0.9


def test_the_review_covers_tuning_passages_only_and_is_what_training_applies(capsys):
    """themes_review.jsonl judges passages of the tuning files (never the gold
    set); agreement.py scores it against them (the README's figures); the
    training card records the labels it changed."""
    from models.themes_training import review_file, tune_files

    tax = load_taxonomy()
    path = review_file()
    assert path is not None and path.name == "themes_review.jsonl"
    review = read_review(path, tax)
    tune = {(r["doc"], r["quote"]) for f in tune_files() for r in read_theme_rows(f, tax)}
    gold_docs = {r["doc"] for r in read_theme_rows(data_file("themes_gold.jsonl"), tax)}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(review) == len(rows) and all((r["doc"], r["quote"]) in tune for r in rows)
    assert not {r["doc"] for r in rows} & gold_docs
    agreement = _data_script("agreement")
    assert agreement.main(["review", *map(str, tune_files()), "--second", str(path)]) == 0
    out = json.loads(capsys.readouterr().out.splitlines()[0])
    assert out["passages"] == len(rows) and out["controls_agreeing"] / out["controls"] > 0.9
    card = json.loads((path.parents[1] / "themes" / "tuning.json").read_text())
    assert card["review"] == {"file": "themes_review.jsonl", "labels_changed": out["labels_changed"]}
    _, changed = apply_review([r for f in tune_files() for r in read_theme_rows(f, tax)], review)
    assert changed == out["labels_changed"]


_FIT_AND_SAVE = """
import sys
import numpy as np
from pathlib import Path
from models.themes_training import fit_classifier, save_classifier
rng = np.random.default_rng(0)
n = 60
texts = [f"passage {i} on {'the front door' if i % 2 else 'care leavers'} and word{i % 7}" for i in range(n)]
parts = (rng.normal(size=(n, 384)).astype(np.float32), np.zeros((n, 2), bool), rng.normal(size=(n, 2)).astype(np.float32),
         np.zeros((n, 384), np.float32), np.zeros((n, 2), bool), np.zeros((n, 384), np.float32), np.zeros((n, 5), np.float32))
gold = np.array([[i % 2 == 1, i % 2 == 0] for i in range(n)])
clf = fit_classifier(texts, parts, gold, ["a", "b"], 0.5, np.zeros((5, 384), np.float32))
clf.tfidf.transform(texts[:2])  # as cross-validation does: scikit-learn notes a memory address
save_classifier(clf, Path(sys.argv[1]))
"""


def test_two_trainings_write_the_same_classifier_file(tmp_path):
    """A classifier fitted and saved in two processes gives the same bytes
    (no memory address of the training process in the file), so the themes
    stage's version, a digest of the file, changes only when the weights do;
    the shipped file carries no such address either."""
    import subprocess
    import sys

    import joblib

    from extractors.themes.tagger import default_dir

    root = data_file("themes_gold.jsonl").parents[2]
    for name in ("one.joblib", "two.joblib"):
        subprocess.run([sys.executable, "-c", _FIT_AND_SAVE, str(tmp_path / name)], cwd=root, check=True)
    assert (tmp_path / "one.joblib").read_bytes() == (tmp_path / "two.joblib").read_bytes()
    assert "_stop_words_id" not in vars(joblib.load(tmp_path / "one.joblib")["tfidf"])
    assert "_stop_words_id" not in vars(joblib.load(default_dir() / "classifier.joblib")["tfidf"])


def test_a_classifier_of_another_feature_width_is_a_clear_error(tmp_path):
    import shutil

    import joblib

    from extractors.themes.tagger import TuningMissing, default_dir

    for name in ("tuning.json", "prototypes.npz", "classifier.joblib"):
        shutil.copy(default_dir() / name, tmp_path / name)
    data = joblib.load(tmp_path / "classifier.joblib")
    data["coef"] = data["coef"][:, :-3]  # as if trained by a version with fewer features
    joblib.dump(data, tmp_path / "classifier.joblib")
    with pytest.raises(TuningMissing, match="another version"):
        load_tagger(tmp_path)
    data = joblib.load(default_dir() / "classifier.joblib")
    data["scope_description_vectors"] = data["scope_description_vectors"][:, :100]
    joblib.dump(data, tmp_path / "classifier.joblib")
    with pytest.raises(TuningMissing, match="scope vectors"):
        load_tagger(tmp_path)


def test_a_classifier_trained_before_the_scope_is_tagged_without_it(tmp_path):
    """A tuning-3 classifier.joblib (no scope block, no scope keys) still
    loads, and tags from the features it was trained on."""
    import shutil

    import joblib

    from extractors.themes.tagger import default_dir

    for name in ("tuning.json", "prototypes.npz", "classifier.joblib"):
        shutil.copy(default_dir() / name, tmp_path / name)
    data = joblib.load(tmp_path / "classifier.joblib")
    n_scope = len(data.pop("scope_theme_ids"))
    data.pop("scope_description_vectors")
    start = 3 * 384 + 3 * data["coef"].shape[0]  # three embeddings, three per-theme blocks, then the scope
    data["coef"] = np.delete(data["coef"], np.s_[start:start + n_scope], axis=1)
    joblib.dump(data, tmp_path / "classifier.joblib")
    old = load_tagger(tmp_path)
    assert old.classifier.scope_block(np.zeros((2, 384))).shape == (2, 0)
    text = ["Strategy meetings are held promptly and the right agencies attend."]
    vec = shared_encoder().encode(text)
    assert "child_protection" in {h.theme for h in old.tag(text, vec, scope_vectors=vec)[0]}


def _themes_sample():
    return _data_script("themes_sample")


def test_tune_7_is_the_third_batch_of_the_tune3_draw_and_repeats():
    rows = read_theme_rows(data_file("themes_tune_7.jsonl"), load_taxonomy())
    drawn = _themes_sample().draw("tune7")
    assert [(r["doc"], r["quote"]) for r in rows] == [(r["doc"], r["quote"]) for r in drawn] and len(rows) == 960


def test_tune_8_is_the_fourth_batch_of_the_tune3_draw_and_repeats():
    """The draw runs out of eligible documents in batch 4: 40, not 80."""
    rows = read_theme_rows(data_file("themes_tune_8.jsonl"), load_taxonomy())
    drawn = _themes_sample().draw("tune8")
    assert [(r["doc"], r["quote"]) for r in rows] == [(r["doc"], r["quote"]) for r in drawn] and len(rows) == 480
    assert not {r["doc"] for r in rows} & {r["doc"] for r in read_theme_rows(data_file("themes_tune_7.jsonl"),
                                                                            load_taxonomy())}


@pytest.mark.parametrize("number", [9, 10, 11, 12])
def test_tune_9_to_12_repeat_their_draws_and_label_no_passage_twice(number):
    """themes_tune_9.jsonl to themes_tune_12.jsonl: more passages of the
    tuning documents (and, in 10, of the tuning council papers), none a
    passage an earlier tuning file labels, none of a gold document."""
    tax = load_taxonomy()
    rows = read_theme_rows(data_file(f"themes_tune_{number}.jsonl"), tax)
    sample = _themes_sample()
    drawn = sample.draw(f"tune{number}")
    assert [(r["doc"], r["quote"]) for r in rows] == [(r["doc"], r["quote"]) for r in drawn]
    council = set(sample.council_tune_documents())
    assert {r["doc"] for r in rows} - council == set(sample.tune_documents(number)) == set(sample.tune_documents(9))
    assert bool({r["doc"] for r in rows} & council) == (number == 10)
    base = data_file("themes_gold.jsonl").parent
    earlier = {(r["doc"], sample.fs._plain(r["quote"])) for f in base.glob("themes_tune*.jsonl")
               if sample._tune_file_number(f) < number for r in read_theme_rows(f, tax)}
    assert not {(r["doc"], sample.fs._plain(r["quote"])) for r in rows} & earlier
    assert not {r["doc"] for r in rows} & {r["doc"] for r in read_theme_rows(base / "themes_gold.jsonl", tax)}


def test_tune_13_is_five_unsure_passages_of_each_tuning_report_none_labelled_before():
    """themes_tune_13.jsonl (--draw tune13, drawn with the tagger of commit
    bf60966, which training has since replaced, so the draw itself is not
    repeated here): 5 passages of at least 4 words from each tuning report
    and letter, none a passage an earlier tuning file labels, none of a gold
    document."""
    from collections import Counter

    tax = load_taxonomy()
    rows = read_theme_rows(data_file("themes_tune_13.jsonl"), tax)
    sample = _themes_sample()
    per_doc = Counter(r["doc"] for r in rows)
    assert set(per_doc) == set(sample.tune_documents(13)) == set(sample.tune_documents(9))
    assert set(per_doc.values()) == {sample.MORE_PER_DOC} and len(rows) == 5 * len(per_doc)
    earlier = {(r["doc"], sample.fs._plain(r["quote"])) for r in sample.earlier_tune_rows(13)}
    assert not {(r["doc"], sample.fs._plain(r["quote"])) for r in rows} & earlier
    assert all(len(r["quote"].split()) >= 4 for r in rows)


def test_gold_2_repeats_its_draw_and_shares_no_document_with_tuning_or_the_first_gold_set():
    """themes_gold_2.jsonl (--draw gold2): 3 passages of every ILACS report and
    letter no other themes file labels."""
    tax = load_taxonomy()
    rows = read_theme_rows(data_file("themes_gold_2.jsonl"), tax)
    drawn = _themes_sample().draw("gold2")
    assert [(r["doc"], r["quote"]) for r in rows] == [(r["doc"], r["quote"]) for r in drawn] and len(rows) == 429
    base = data_file("themes_gold.jsonl").parent
    others = {r["doc"] for f in [*base.glob("themes_tune*.jsonl"), base / "themes_gold.jsonl"]
              for r in read_theme_rows(f, tax)}
    assert not {r["doc"] for r in rows} & others


def test_council_papers_are_split_between_tuning_and_gold_by_document():
    """themes_tune_6.jsonl holds the council papers moved from the gold set
    (themes_sample.council_tune_documents): half of each kind, papers that
    repeat each other's text on one side, none on both."""
    base = data_file("themes_gold.jsonl").parent
    sample = _themes_sample()
    moved = sample.council_tune_documents()
    assert moved == sample.council_tune_documents()
    tax = load_taxonomy()
    rows6 = read_theme_rows(base / "themes_tune_6.jsonl", tax)
    tune6 = {r["doc"] for r in rows6}
    # its passages: those the gold draw had taken from these papers, then the council draw
    drawn = [(r["doc"], r["quote"]) for r in sample.draw("gold") if r["doc"] in tune6]
    assert {(r["doc"], r["quote"]) for r in rows6} == set(drawn) | {(r["doc"], r["quote"]) for r in sample.draw("council")}
    gold = {r["doc"] for r in read_theme_rows(base / "themes_gold.jsonl", tax)}
    assert tune6 == set(moved) and not tune6 & gold
    kinds = [d.split("/")[0] for d in moved]
    assert kinds.count("minutes") == 4 and kinds.count("committee_reports") == 2
    call_ins = {"committee_reports/kent_cabinet_2025-03-04_family-hubs-call-in.pdf",
                "committee_reports/kent_county-council_2025-03-13_family-hubs-call-in.pdf"}
    assert call_ins in [set(g) for g in sample.shared_text_groups(sorted(call_ins | {moved[0]}))]
    assert len(call_ins & tune6) in (0, 2)

"""Findings: the trained classifier on hard sentences, recommendation lists
of real reports and letters, second-hand findings in real minutes."""
from __future__ import annotations

import pytest

from extractors.findings import extract_findings, load_model
from extractors.findings.attribution import attributions, is_procedural, who_said
from extractors.findings.cues import cue_counts, cue_names, cue_features
from extractors.findings.features import Item
from extractors.findings.recommendations import count_list_items, recommendations
from extractors.segment import segment


@pytest.fixture(scope="module")
def model():
    return load_model()


def _label(model, text: str, **ctx) -> tuple[str, float]:
    labels, proba = model.predict([Item(text, **ctx)])
    return labels[0], float(proba[0].max())


# ------------------------------------------------------------ the classifier

@pytest.mark.parametrize("text, expected", [
    # the three sentences
    ("Practice leaders have built strong relationships with Cafcass and the Family Court.", "strength"),
    ("Case recording does not always do justice to the child-centred and creative work that is taking place.",
     "improvement"),
    ("An area of improvement has been the development of the Family Hub, which now offers families timely help "
     "close to home.", "strength"),
    # negation and hedges
    ("Not all assessments are updated when children's circumstances change.", "improvement"),
    ("Managers' decisions are not consistently recorded on case files.", "improvement"),
    ("Too many children wait too long for their initial health assessments.", "improvement"),
    ("Plans for care leavers still need to improve.", "improvement"),
    ("Social workers do not always see children alone.", "improvement"),
    ("Supervision is regular but not consistently reflective.", "improvement"),
    ("Management oversight is not robust or effective.", "improvement"),
    ("Most children benefit from stable placements that meet their needs.", "strength"),
    ("Management oversight is robust and effective.", "strength"),
    ("Assessments are timely and thorough.", "strength"),
    # description, the visit, organisation
    ("This letter summarises the findings of a focused visit to Rutland County Council children's services.", "neutral"),
    ("Inspectors looked at the local authority's arrangements for children in care.", "neutral"),
    ("Leaders have appointed a new director of children's services.", "neutral"),
])
def test_hard_sentences(model, text, expected):
    assert _label(model, text)[0] == expected


@pytest.mark.xfail(strict=True, reason="a known miss of model-findings-1, -2 and -7 (read as an improvement; "
                   "right with -3 to -6): the fine-tuned layers read 'drift or delay' as criticism despite 'no'")
def test_negated_negative_is_a_strength(model):
    assert _label(model, "There is no evidence of significant drift or delay for children.")[0] == "strength"


def test_probabilities_are_calibrated_distributions(model):
    labels, proba = model.predict([Item("Assessments are timely and thorough."), Item("Inspectors met leaders.")])
    assert proba.shape == (2, 3)
    assert abs(proba.sum(1) - 1).max() < 1e-6
    assert model.version.startswith("model-findings-")


# ------------------------------------------------------------ cues

def test_cues_see_hedges_negation_and_evaluative_words():
    c = cue_counts(["Case recording does not always capture the child's voice.", "Practice is robust and timely.",
                    "AGREED that the information provided be noted."])
    assert c[0]["negated_limiter"] == 1 and c[0]["positive_word"] == 0
    assert c[1]["positive_word"] == 2 and c[1]["negation"] == 0
    assert c[2]["procedural"] >= 1
    assert cue_features(["a b c"]).shape == (1, len(cue_names()))


# ------------------------------------------------------------ recommendation lists (real documents)

@pytest.mark.parametrize("rel, expected", [
    ("ilacs/bournemouth-christchurch-and-poole_2025-01-29.pdf", [
        "Consistency in responding to the needs of children at risk of exploitation.",
        "The help and support offered to older care leavers.",
        "Safety planning for children and families where there are safeguarding concerns.",
    ]),
    # a footnote printed inside the list is not an item
    ("focused_visits/brent_2025-12-18.pdf", [
        "The consistency and rigour of responses to children who go missing from care (Outcome 3, national framework)",
        "Life-story work for children in long-term care (Outcome 4, national framework).",
    ]),
])
def test_recommendation_lists_in_order(read_doc, rel, expected):
    doc = read_doc(rel)
    seg = segment(doc)
    recs = recommendations(seg)
    texts = [" ".join(seg.passages[i].text for i in r.passages) for r in recs]
    assert texts == expected
    assert [r.item_no for r in recs] == list(range(1, len(expected) + 1))
    assert count_list_items(doc, seg) == len(expected)


def test_statement_items_of_a_2018_letter_keep_their_sentences(read_doc):
    doc = read_doc("focused_visits/coventry_2018-02-22.pdf")
    seg = segment(doc)
    recs = recommendations(seg)
    assert len(recs) == count_list_items(doc, seg) == 5
    first = [seg.passages[i].text for i in recs[0].passages]
    assert first[0].startswith("Management oversight in area teams is not sufficiently robust")
    assert len(first) == 2  # the item's second sentence belongs to it


def test_recommendations_are_improvements_found_by_the_list(read_doc, model):
    doc = read_doc("ilacs/kirklees_2019-08-05.pdf")
    seg = segment(doc)
    found = [f for f in extract_findings(doc, seg, "ilacs", model) if f.kind == "recommendation"]
    assert [f.item_no for f in found] == list(range(1, 11))
    assert {(f.label, f.method, f.probability) for f in found} == {("improvement", "list", 1.0)}


def test_judgement_area_and_grade_of_a_passage(read_doc, model):
    doc = read_doc("ilacs/newham_2019-03-25.pdf")
    seg = segment(doc)
    found = extract_findings(doc, seg, "ilacs", model)
    areas = {(f.area, f.grade) for f in found if f.method == "classifier" and f.area}
    assert ("children_in_care_and_care_leavers", "inadequate") in areas
    assert ("help_and_protection", "requires_improvement") in areas
    assert all(f.made_by == "inspectors" for f in found)


# ------------------------------------------------------------ minutes: second-hand findings

def test_the_commissioner_found_list(read_doc, model):
    doc = read_doc("minutes/middlesbrough_2021-q1_childrens-scrutiny-panel.txt")
    seg = segment(doc)
    said = attributions(seg)
    intro = next(p for p in seg.passages if p.text.startswith("In terms of Partnership Approach, the Commissioner found"))
    items = [p for p in seg.passages[intro.index + 1: intro.index + 5]]
    assert all(p.kind == "list_item" and said.get(p.index) == "commissioner" for p in items)
    assert items[0].text == "The Improvement Board had good oversight of delivering the improvement plan."
    found = {f.passage: f for f in extract_findings(doc, seg, "minutes", model)}
    assert found[items[0].index].kind == "reported"
    assert found[items[0].index].made_by == "commissioner"
    assert found[items[0].index].label == "strength"
    advised = next(p for p in seg.passages if p.text.startswith("The Panel was advised that in relation to practice"))
    assert said[advised.index] == "commissioner"  # relayed by the Panel, found by the Commissioner
    bad = seg.passages[advised.index + 1]
    assert bad.text.startswith("Too many interventions remained inadequate")
    assert found[bad.index].label == "improvement" and found[bad.index].made_by == "commissioner"


def test_inspectors_found_in_minutes(read_doc):
    seg = segment(read_doc("minutes/middlesbrough_2022-06_childrens-scrutiny-panel.txt"))
    said = attributions(seg)
    intro = next(p for p in seg.passages if "inspectors found:-" in p.text)
    assert said[intro.index] == "inspectors"
    assert said[intro.index + 1] == "inspectors"


@pytest.mark.parametrize("text, who", [
    ("The Commissioner found:-", "commissioner"),
    ("Ofsted identified weaknesses in planning.", "inspectors"),
    ("The inspection report acknowledged that caseloads were too high.", "inspectors"),
    ("Members noted the improvement in timeliness.", "members"),
    ("The Executive Director explained that recruitment remained difficult.", "officers"),
    ("Children are safe.", None),
])
def test_who_said(text, who):
    assert who_said(text) == who


def test_sample_council_papers(model):
    """The bundled minutes and committee report: procedural text is neutral by
    rule; what inspectors found is reported, with who found it."""
    from pathlib import Path

    from corpus.readers import read_path

    samples = Path(__file__).resolve().parents[2] / "corpus" / "samples"
    doc = read_path(samples / "torbay_2025-01-14_cyp-scrutiny-panel-minutes.html", "torbay.html")
    found = extract_findings(doc, segment(doc), "minutes", model)
    resolved = [f for f in found if f.text.startswith(("RESOLVED", "AGREED"))]
    assert resolved and all((f.label, f.method) == ("neutral", "rule") for f in resolved)
    doc = read_path(samples / "rutland_2025-06-05_cyp-scrutiny-report.txt", "rutland.txt")
    found = extract_findings(doc, segment(doc), "committee_report", model)
    reported = [f for f in found if f.kind == "reported"]
    assert reported and {f.made_by for f in reported} == {"inspectors"}
    assert any(f.text.startswith("Inspectors found that the quality of help") and f.label == "strength" for f in reported)


def test_procedural_text():
    assert is_procedural("AGREED that the information provided be noted.")
    assert is_procedural("RESOLVED that the minutes of the meeting be approved.")
    assert not is_procedural("Too many children wait too long.")

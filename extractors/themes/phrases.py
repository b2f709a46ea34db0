"""Seed phrases found in passages by a spaCy PhraseMatcher.

Matching is on the tokenizer alone (no tagger or parser: fast) and on the
lower-cased token text, so "MACH", "Mach" and "mach" match alike and a
phrase matches whole tokens only ("mash" is not found in "smash").
"""
from __future__ import annotations

from typing import Iterable

import numpy as np
import spacy
from spacy.matcher import PhraseMatcher

_SEP = "\u241f"  # joins theme id and phrase in a match key


class SeedMatcher:
    def __init__(self, seeds: dict[str, Iterable[str]]) -> None:
        """``seeds``: theme id -> its phrases."""
        self.nlp = spacy.blank("en")
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        for theme, phrases in seeds.items():
            phrases = sorted(set(phrases))
            for phrase in phrases:
                self.matcher.add(f"{theme}{_SEP}{phrase}", [self.nlp.make_doc(phrase)])

    def find(self, texts: Iterable[str]) -> list[dict[str, list[str]]]:
        """Per text: theme id -> the seed phrases found (longest first)."""
        out = []
        for doc in self.nlp.tokenizer.pipe(texts, batch_size=256):
            found: dict[str, list[str]] = {}
            for key, _start, _end in self.matcher(doc):
                theme, phrase = self.nlp.vocab.strings[key].split(_SEP, 1)
                found.setdefault(theme, []).append(phrase)
            out.append({t: sorted(set(p), key=lambda s: (-len(s), s)) for t, p in found.items()})
        return out


def hit_matrix(found: list[dict[str, list[str]]], ids: list[str]) -> np.ndarray:
    """``SeedMatcher.find`` output as a text x theme boolean matrix, columns in ``ids`` order."""
    return np.array([[t in f for t in ids] for f in found], dtype=bool).reshape(len(found), len(ids))

"""Figures: every number that matters in a document, with what it measures,
when, and how it changed.

    from extractors.figures import extract_figures, FIGURES_VERSION
    figures = extract_figures(doc, seg)            # tuple[Figure, ...]
    figures = extract_figures(doc, seg, nlp=nlp, doc_date="2021-03-04")

Modules, one idea each: ``numbers`` (number shapes and normalisation),
``nonfigures`` (dates, sections, ages, codes... that are not figures),
``measure`` (what the number quantifies, from spaCy's parse), ``metrics`` (the
versioned metric vocabulary, ``extractors/data/metrics.csv``), ``context``
(qualifier, role, as-of date), ``changes`` (linking earlier and later values),
``spans`` (clean passage offsets back to ``Document.text``), ``extract``
(the whole pass).
"""
from __future__ import annotations

from extractors.figure_records import ROLES, UNITS, Figure
from extractors.figures.extract import FIGURES_VERSION, candidates, extract_figures
from extractors.figures.measure import DEFAULT_MODEL, load_nlp
from extractors.figures.metrics import load_vocabulary


def metrics_version() -> str:
    """Version of the metric vocabulary (``extractors/data/metrics_version.txt``)."""
    return load_vocabulary().version


def stage_version() -> str:
    """What a stored result depends on: the extractor and the vocabulary ("figures-1+metrics-1")."""
    return f"{FIGURES_VERSION}+{metrics_version()}"


__all__ = [
    "DEFAULT_MODEL", "FIGURES_VERSION", "ROLES", "UNITS", "Figure", "candidates", "extract_figures",
    "load_nlp", "load_vocabulary", "metrics_version", "stage_version",
]

"""Themes: every passage tagged with the taxonomy's themes (zero or more),
each with a score and the method that found it.

    from extractors.themes import load_tagger, tag_document
    areas = [a.text for a in understand(doc, seg).areas_covered]  # the document's scope
    tags = tag_document(doc.id, seg, load_tagger(), shared_encoder(), stage_version(), areas=areas)

Modules: ``phrases`` (seed phrases, spaCy PhraseMatcher), ``classifier``
(the features and the per-theme logistic regression), ``tagger`` (loads the
trained rule: the classifier, or phrases + similarity to each theme's
prototype), ``extract`` (the pass over a document, with each passage's
predecessor, paragraph and document scope). The taxonomy is
``models/themes/taxonomy.toml``; discovery of themes not in it is
``models.themes_discovery``.
"""
from __future__ import annotations

from extractors.theme_records import METHODS, ThemeTag
from extractors.themes.extract import THEMES_VERSION, tag_document, taggable
from extractors.themes.tagger import ThemeTagger, TuningMissing, load_tagger, tuning_version
from models.themes_taxonomy import load_taxonomy


def stage_version() -> str:
    """The pass, the taxonomy and the tuning ("themes-4+taxonomy-1+tuning-4.3f2a9c1")."""
    return f"{THEMES_VERSION}+{load_taxonomy().version}+{tuning_version()}"


__all__ = ["METHODS", "THEMES_VERSION", "ThemeTag", "ThemeTagger", "TuningMissing", "load_tagger", "stage_version",
           "tag_document", "taggable"]

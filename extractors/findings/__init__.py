"""Findings: every passage labelled strength, improvement or neutral, with
formal recommendations kept in order and second-hand findings attributed.

    from extractors.findings import extract_findings, load_model
    findings = extract_findings(doc, seg, kind, load_model())

Modules, one idea each: ``cues`` (spaCy token rules for hedges, negation,
evaluative words), ``encoder`` (all-MiniLM-L6-v2 embeddings, cached by text
hash), ``features`` (the classifier's input), ``model`` (the trained,
calibrated classifier), ``recommendations`` ("What needs to improve" lists),
``context`` (judgement area and grade of a passage), ``attribution`` (who
made a finding reported in minutes), ``extract`` (the whole pass).
"""
from __future__ import annotations

from extractors.finding_records import KINDS, LABELS, MAKERS, METHODS, Finding
from extractors.findings.extract import FINDINGS_VERSION, extract_findings
from extractors.findings.model import FindingsModel, ModelMissing, default_model_path, load_model, model_version


def stage_version(model: FindingsModel | None = None) -> str:
    """What a stored result depends on: the pass and the model ("findings-2+model-findings-1").
    Without ``model``, the version is read from the model card's metrics.json,
    so asking does not load the model."""
    return f"{FINDINGS_VERSION}+{model.version if model else model_version()}"


__all__ = [
    "FINDINGS_VERSION", "KINDS", "LABELS", "MAKERS", "METHODS", "Finding", "FindingsModel", "ModelMissing",
    "default_model_path", "extract_findings", "load_model", "model_version", "stage_version",
]

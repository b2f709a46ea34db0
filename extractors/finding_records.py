"""The Finding record: a passage's evaluative label, with where it came from.

Produced by ``extractors.findings.extract_findings(doc, seg, understanding)``.
"""
from __future__ import annotations

from dataclasses import dataclass

LABELS = ("strength", "improvement", "neutral")
KINDS = ("finding", "recommendation", "reported")
METHODS = ("classifier", "list", "rule")
MAKERS = ("inspectors", "commissioner", "officers", "members")


@dataclass(frozen=True)
class Finding:
    """One passage's finding.

    ``kind``: ``finding`` (a sentence of an inspection report or letter),
    ``recommendation`` (an item of a "What needs to improve" list; always
    ``improvement``; ``item_no`` is its place in the list, from 1) or
    ``reported`` (a finding reported second-hand in minutes or a committee
    report, made by ``made_by``). ``label`` is strength / improvement /
    neutral with ``probability`` the calibrated probability of that label
    and ``p_strength``/``p_improvement``/``p_neutral`` all three;
    ``method`` says how: ``classifier`` (the model ``model_version``),
    ``list`` (a recommendation item) or ``rule`` (headings, sign-offs,
    procedural text: neutral). ``area``: the judgement area or visit focus
    the passage sits under (``area_text`` as written), ``grade`` that
    section's grade. ``made_by``: inspectors (every Ofsted document),
    commissioner, officers, members, or None.
    """

    doc_id: str
    passage: int
    kind: str
    label: str
    probability: float
    p_strength: float
    p_improvement: float
    p_neutral: float
    method: str
    model_version: str
    area: str | None
    area_text: str | None
    grade: str | None
    made_by: str | None
    item_no: int | None
    text: str
    page: int
    start: int
    end: int

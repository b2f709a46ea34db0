"""The findings pass over one document.

Every passage gets a finding: recommendation-list items are improvements
by rule (``method='list'``); headings, the addressee block, the grade table,
sign-offs, the items of a visit's "Areas covered" list and procedural
minutes ("AGREED that ... be noted") are neutral by rule; everything else
is labelled by the trained classifier, with calibrated probabilities. In minutes and committee reports a finding someone is
reported to have made is kind ``reported`` with ``made_by``.
"""
from __future__ import annotations

from corpus.document import Document
from extractors.finding_records import Finding
from extractors.findings.attribution import attributions, is_procedural
from extractors.findings.context import is_structural, passage_contexts
from extractors.findings.features import Item, family
from extractors.findings.model import LABELS, FindingsModel
from extractors.findings.recommendations import recommendations
from extractors.meta_records import OFSTED_KINDS
from extractors.segment import Segmentation

FINDINGS_VERSION = "findings-2"  # the pass (rules, contexts); the model has its own version
COUNCIL_KINDS = ("minutes", "committee_report")


def extract_findings(doc: Document, seg: Segmentation, kind: str | None, model: FindingsModel,
                     visit_focus: list[str] | None = None, encoder=None,
                     scope_spans: list[tuple[int, int]] | None = None) -> tuple[Finding, ...]:
    """``visit_focus``: the texts of a visit's "Areas covered" list (its focus
    area); ``scope_spans``: their spans in ``doc.text``: those items describe
    what the visit looked at, so they are neutral by rule."""
    scope = scope_spans or []
    recs = recommendations(seg)
    item_of = {i: r.item_no for r in recs for i in r.passages}
    contexts = passage_contexts(seg, set(item_of), visit_focus)
    ofsted = kind in OFSTED_KINDS
    said = attributions(seg) if kind in COUNCIL_KINDS else {}
    fam = family(kind)
    todo: list[int] = []
    items: list[Item] = []
    decided: dict[int, tuple[str, str]] = {}  # passage -> (label, method)
    for p, ctx in zip(seg.passages, contexts):
        section_kind = seg.sections[p.section].kind if p.section is not None else "preamble"
        if p.index in item_of:
            decided[p.index] = ("improvement", "list")
        elif is_structural(p, ctx, section_kind) or (not ofsted and is_procedural(p.text)) \
                or any(p.start < end and start < p.end for start, end in scope):
            decided[p.index] = ("neutral", "rule")
        else:
            todo.append(p.index)
            items.append(Item(p.text, ctx.grade, ctx.in_recommendations, ctx.intro, p.kind == "list_item", fam))
    labels, proba = model.predict(items, encoder)
    predicted = {i: (lab, row) for i, lab, row in zip(todo, labels, proba)}
    out = []
    for p, ctx in zip(seg.passages, contexts):
        if p.index in predicted:
            label, row = predicted[p.index]
            probs = {lab: float(v) for lab, v in zip(LABELS, row)}
            method, version = "classifier", model.version
        else:
            label, method = decided[p.index]
            probs = {lab: float(lab == label) for lab in LABELS}
            version = FINDINGS_VERSION
        item_no = item_of.get(p.index)
        made_by = "inspectors" if ofsted else said.get(p.index)
        if item_no is not None:
            finding_kind = "recommendation"
        elif not ofsted and made_by is not None:
            finding_kind = "reported"
        else:
            finding_kind = "finding"
        out.append(Finding(
            doc.id, p.index, finding_kind, label, round(probs[label], 4), round(probs["strength"], 4),
            round(probs["improvement"], 4), round(probs["neutral"], 4), method, version, ctx.area, ctx.area_text,
            ctx.grade, made_by, item_no, p.text, p.page, p.start, p.end,
        ))
    return tuple(out)

"""The figures extractor on real documents of ../shared/corpus (skipped when
it is absent): the records are well formed, spans point at the figure in
Document.text, and the figures a researcher wants are there."""
from __future__ import annotations

import math
import re

import pytest

from extractors.figure_records import ROLES, UNITS
from extractors.figures import FIGURES_VERSION, extract_figures
from extractors.segment import segment

DOCS = [
    "minutes/middlesbrough_2021-q1_childrens-scrutiny-panel.txt",
    "minutes/middlesbrough_executive-member-update.txt",
    "minutes/kent_corporate-parenting-panel_2024-10-29.pdf",
    "committee_reports/medway_2020-12-01_cyp-overview-scrutiny.txt",
    "committee_reports/kent_cabinet_2025-01-30_strengthening-independence-service-transfer.pdf",
    "focused_visits/wakefield_2018-03-22.pdf",
    "ilacs/leeds_2015-03-27.pdf",
    "ilacs/reading_2016-08-05.pdf",
    "monitoring_visits/middlesbrough_2022-08-17_monitoring-visit.md",
]


def _squash(text: str) -> str:
    return re.sub(r"[\s\-\u00ad]+", "", text)


@pytest.mark.parametrize("rel", DOCS)
def test_records_are_well_formed(read_doc, rel):
    doc = read_doc(rel)
    seg = segment(doc)
    figs = extract_figures(doc, seg)
    assert figs, rel
    headings = {p.index for p in seg.passages if p.kind == "heading"}
    for i, f in enumerate(figs):
        assert f.index == i and f.doc_id == doc.id and f.version == FIGURES_VERSION
        assert f.unit in UNITS and f.role in ROLES and math.isfinite(f.value)
        assert 0 <= f.start < f.end <= len(doc.text) and f.page == doc.page_of(f.start)
        assert _squash(doc.text[f.start:f.end]) == _squash(f.text), (f.text, doc.text[f.start:f.end])
        assert f.passage not in headings
        passage = seg.passages[f.passage]
        assert passage.start <= f.start and f.end <= passage.end
        if f.previous is not None:
            assert 0 <= f.previous < len(figs) and f.previous != i and f.direction in ("increase", "decrease", "unchanged")
            assert figs[f.previous].unit == f.unit


def test_series_for_middlesbrough_children_looked_after(read_doc):
    later = read_doc("minutes/middlesbrough_2022-06_childrens-scrutiny-panel.txt")
    figs = extract_figures(later, segment(later), doc_date="2022-06-20")
    cla = {f.value: f for f in figs if f.metric == "children_looked_after"}
    assert {513, 702} <= set(cla)
    assert cla[513].previous == cla[702].index and cla[513].direction == "decrease"


def test_sif_information_section_figures(read_doc):
    doc = read_doc("ilacs/leeds_2015-03-27.pdf")
    figs = extract_figures(doc, segment(doc))
    by_metric = {}
    for f in figs:
        by_metric.setdefault(f.metric, []).append(f)
    for key in ("children_looked_after", "child_protection_plans", "children_in_foster_care",
                "placements_out_of_area_pct", "adoptions", "special_guardianship_orders"):
        assert key in by_metric, key
    assert any(f.per == "10,000 children" for f in figs)


def test_letters_have_no_figures_from_their_address_blocks(read_doc):
    doc = read_doc("focused_visits/wakefield_2018-03-22.pdf")
    figs = extract_figures(doc, segment(doc))
    assert figs
    for f in figs:
        assert not re.search(r"Piccadilly|Store Street|Textphone|enquiries@", doc.text[max(0, f.start - 60):f.end + 60])

"""Helpers for the figures tests (one real sentence in, its figures out), and
the tests of the pieces they rest on: clean-to-raw spans, the vocabulary file."""
from __future__ import annotations

import csv
from importlib import resources

from extractors.figure_records import UNITS, Figure
from extractors.figures import FIGURES_VERSION, extract_figures, load_vocabulary, stage_version
from extractors.figures.spans import PassageMap
from extractors.segment import segment
from tests.extractors.conftest import make_doc


def figures_of(sentence: str, doc_date: str | None = None) -> tuple[Figure, ...]:
    """The figures of a one-sentence text document (a sentence quoted from ../shared/corpus)."""
    doc = make_doc([[sentence]], media_type="text")
    return extract_figures(doc, segment(doc), doc_date=doc_date)


def values(figs, unit: str | None = None) -> list[float]:
    return [f.value for f in figs if unit is None or f.unit == unit]


def one(figs, value: float, unit: str) -> Figure:
    hits = [f for f in figs if f.unit == unit and abs(f.value - value) <= 0.005 * max(abs(value), 1e-9)]
    assert len(hits) == 1, [(f.text, f.value, f.unit) for f in figs]
    return hits[0]


def test_figure_spans_point_at_the_figure_in_the_document_text():
    # minutes/middlesbrough_2021-q1_childrens-scrutiny-panel.txt, a sentence broken over lines
    lines = ["The Panel was advised that since the Commissioner’s report in November, the numbers had",
             "reduced from an all-time high of 702 in August 2020 to 609 as of today’s date."]
    doc = make_doc([lines], media_type="text")
    figs = extract_figures(doc, segment(doc))
    assert [doc.text[f.start:f.end] for f in figs] == ["702", "609"]
    assert all(f.version == FIGURES_VERSION and f.page == 1 for f in figs)


def test_passage_map_skips_a_running_header_between_pages():
    raw = "caseloads were beginning to stabilise and the\nInspection of Testshire 3\naverage caseload was 22."
    clean = "caseloads were beginning to stabilise and the average caseload was 22."
    pm = PassageMap(raw, clean, 0, len(raw))
    s, e = pm.raw_span(clean.index("22"), clean.index("22") + 2)
    assert raw[s:e] == "22"
    s, e = pm.raw_span(clean.index("average"), clean.index("average") + 7)
    assert raw[s:e] == "average"


def test_passage_map_rejoins_a_hyphenated_line_end():
    raw = "the number of over-\ndue assessments fell to 12."
    clean = "the number of overdue assessments fell to 12."
    pm = PassageMap(raw, clean, 0, len(raw))
    s, e = pm.raw_span(clean.index("12"), clean.index("12") + 2)
    assert raw[s:e] == "12"


def test_the_vocabulary_is_a_versioned_data_file_of_forty_metrics_or_more():
    data = resources.files("extractors.data")
    with data.joinpath("metrics.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {"key", "unit", "description", "phrases"} <= set(rows[0])
    assert len(rows) >= 40
    assert len({r["key"] for r in rows}) == len(rows)
    assert all(r["unit"] in UNITS and r["phrases"].strip() and r["description"].strip() for r in rows)
    vocab = load_vocabulary()
    assert vocab.version.startswith("metrics-")
    assert stage_version() == f"{FIGURES_VERSION}+{vocab.version}"
    for key in ("children_looked_after", "child_protection_plans", "children_in_need", "referrals",
                "re_referrals_pct", "assessments_within_timescale_pct", "caseload_average", "agency_staff_pct",
                "vacancy_rate_pct", "staff_turnover_pct", "audits_good_pct", "care_leavers_eet_pct",
                "care_leavers_suitable_accommodation_pct", "unregistered_placements", "foster_carers",
                "adoption_timeliness_days", "court_proceedings_weeks", "pre_proceedings_weeks", "funding",
                "spend", "unit_cost"):
        assert key in vocab.keys, key


def test_a_document_without_numbers_has_no_figures():
    # minutes/middlesbrough_2021-q1_childrens-scrutiny-panel.txt
    assert figures_of("The Director of Children’s Care referred to the Commissioner’s finding that "
                      "‘the Local Authority knows itself’.") == ()

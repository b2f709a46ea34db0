"""``evaluate_judgements``: extracted grades against the third-party ILACS table."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from pipeline.evaluate.judgements import FIELDS, evaluate_judgements, kind_from_doc_type, their_grade

HISTORY = Path("ilacs") / "ofsted_csc_ilacs_history.csv"


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def _write(path: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def small_corpus(corpus_dir: Path, tmp_path: Path) -> Path:
    """Five real reports (linked, not copied), their manifest rows and a history CSV
    with some cells changed."""
    picks = {
        "ilacs/st-helens_2023-09-04.pdf": {},  # the CSV's own row: three grades shifted by a row
        "ilacs/nottingham_2022-09-05.pdf": {},  # the CSV's own row: a care leavers grade in a combined report
        "ilacs/barnsley_2018-11-19.pdf": {"overall_effectiveness_grade": "data_unreadable"},
        "ilacs/blackpool_2026-07-28.pdf": {"impact_of_leaders_grade": "inadequate"},  # planted error
        "ilacs/bedford_2017-04-07.pdf": {},  # SIF: the CSV has nothing comparable
    }
    m_fields, m_rows = _read(corpus_dir / "MANIFEST.csv")
    h_fields, h_rows = _read(corpus_dir / HISTORY)
    by_link = {r["inspection_link"]: r for r in h_rows}
    (tmp_path / "ilacs").mkdir()
    manifest, history = [], []
    for row in m_rows:
        if row["path"] not in picks:
            continue
        (tmp_path / row["path"]).symlink_to(corpus_dir / row["path"])
        h = dict(by_link[row["original_url"]], **picks[row["path"]])
        history.append(h)
        if row["path"].startswith("ilacs/barnsley"):
            row = dict(row, original_url="")  # joined on the LA folder and file name instead
        manifest.append(row)
    # a report the CSV does not cover
    extra = next(r for r in m_rows if r["path"] == "ilacs/barnsley_2023-10-27.pdf")
    (tmp_path / extra["path"]).symlink_to(corpus_dir / extra["path"])
    manifest.append(dict(extra, original_url="https://example.invalid/not-in-the-csv"))
    _write(tmp_path / "MANIFEST.csv", m_fields, manifest)
    _write(tmp_path / HISTORY, h_fields, history)
    return tmp_path


def test_their_grade():
    assert their_grade("requires improvement") == ("requires_improvement", None)
    assert their_grade("Good ") == ("good", None)
    assert their_grade("") == (None, "empty")
    assert their_grade("data_unreadable") == (None, "data_unreadable")
    assert their_grade("not_reported_post_reform") == (None, "not_reported_post_reform")
    assert their_grade("inspection_pre_dates_judgement") == (None, "inspection_pre_dates_judgement")
    assert their_grade("to requires improvement") == (None, "malformed")


def test_kind_from_doc_type():
    assert kind_from_doc_type("Ofsted ILACS inspection report (2018 framework onwards)") == "ilacs"
    assert kind_from_doc_type("Ofsted single inspection framework (SIF) report, pre-ILACS") == "sif"
    assert kind_from_doc_type("Ofsted review of Local Safeguarding Children Board (SIF-era)") == "lscb_review"
    assert kind_from_doc_type("Ofsted inspection of looked after children services (2013 framework)") == "lac_inspection"


def test_evaluate_small_corpus(small_corpus: Path):
    result = evaluate_judgements(small_corpus)
    json.dumps(result)  # the --json output
    assert result["n"] == 5
    assert result["unmatched"] == ["ilacs/barnsley_2023-10-27.pdf"]
    assert set(result["agreement"]) == set(FIELDS)
    assert result["kinds"] == {"ilacs": 4, "sif": 1}

    got = {(d["doc"], d["field"]): d for d in result["disagreements"]}
    assert set(got) == {
        ("ilacs/st-helens_2023-09-04.pdf", "help_and_protection"),
        ("ilacs/st-helens_2023-09-04.pdf", "in_care"),
        ("ilacs/st-helens_2023-09-04.pdf", "care_leavers"),
        ("ilacs/nottingham_2022-09-05.pdf", "care_leavers"),
        ("ilacs/blackpool_2026-07-28.pdf", "impact_of_leaders"),
    }
    d = got[("ilacs/st-helens_2023-09-04.pdf", "care_leavers")]
    assert (d["ours"], d["theirs"]) == ("outstanding", "good")
    assert d["table"]["text"] == "The experiences and progress of care leavers Outstanding"
    assert d["table"]["page"] == 1
    assert d["heading"]["text"] == "The experiences and progress of care leavers: outstanding"
    d = got[("ilacs/nottingham_2022-09-05.pdf", "care_leavers")]
    assert d["ours"] is None and d["theirs"] == "inadequate"
    assert "together" in d["note"]
    assert d["table"]["text"].startswith("The experiences and progress of children in care and care leavers")
    d = got[("ilacs/blackpool_2026-07-28.pdf", "impact_of_leaders")]
    assert (d["ours"], d["theirs"]) == ("outstanding", "inadequate")

    # comparable: 4 ILACS rows for impact (one planted error), 3 for overall
    assert result["compared"]["impact_of_leaders"] == 4 and result["agreed"]["impact_of_leaders"] == 3
    assert result["agreement"]["impact_of_leaders"] == pytest.approx(0.75)
    assert result["compared"]["overall_effectiveness"] == 2  # st-helens, nottingham
    assert result["agreement"]["overall_effectiveness"] == 1.0
    nc = result["not_comparable"]
    assert nc["overall_effectiveness"] == {"data_unreadable": 1, "empty": 1, "not_reported_post_reform": 1}
    assert nc["care_leavers"]["inspection_pre_dates_judgement"] == 1  # barnsley 2018
    assert nc["impact_of_leaders"] == {"data_unreadable": 1}  # the SIF report
    assert result["marker_conflicts"] == [] and result["warnings"] == []


def test_evaluate_takes_another_history_file(small_corpus: Path, tmp_path: Path):
    fields, rows = _read(small_corpus / HISTORY)
    other = tmp_path / "other.csv"
    _write(other, fields, [dict(r, help_and_protection_grade="data_unreadable") for r in rows])
    result = evaluate_judgements(small_corpus, other)
    assert result["compared"]["help_and_protection"] == 0 and result["agreement"]["help_and_protection"] is None
    assert result["history_csv"] == str(other)


@pytest.mark.slow
def test_evaluate_whole_corpus(corpus_dir: Path):
    """The figures of the README: every disagreement with the CSV is one where the
    report (table and heading alike) shows the CSV wrong; see the README's Accuracy section."""
    result = evaluate_judgements(corpus_dir)
    assert result["n"] == 348 and result["unmatched"] == []
    assert result["kinds"] == {"ilacs": 321, "lac_inspection": 4, "lscb_review": 1, "sif": 22}
    assert result["warnings"] == [] and result["marker_conflicts"] == []
    assert sorted((d["doc"], d["field"], d["ours"]) for d in result["disagreements"]) == [
        ("ilacs/nottingham_2022-09-05.pdf", "care_leavers", None),
        ("ilacs/oxfordshire_2018-05-22.pdf", "in_care", "good"),
        ("ilacs/redcar-and-cleveland_2022-09-22.pdf", "care_leavers", None),
        ("ilacs/rochdale_2018-03-12.pdf", "in_care", "good"),
        ("ilacs/st-helens_2023-09-04.pdf", "care_leavers", "outstanding"),
        ("ilacs/st-helens_2023-09-04.pdf", "help_and_protection", "requires_improvement"),
        ("ilacs/st-helens_2023-09-04.pdf", "in_care", "good"),
    ]
    for d in result["disagreements"]:
        if d["ours"] is not None:  # the heading of the section says the same as the table
            assert d["heading"] is not None and d["heading"]["grade_text"].lower().startswith(
                d["table"]["grade_text"].lower().split()[0])
    assert result["compared"] == {"overall_effectiveness": 308, "impact_of_leaders": 321,
                                  "help_and_protection": 319, "in_care": 321, "care_leavers": 158}

"""Themes through the real flow into a real warehouse (four Middlesbrough
documents), the views that track them, and the commands that print, report,
discover and evaluate them."""
from __future__ import annotations

import json
import shutil
import subprocess

import duckdb
import pytest

from pipeline.cli import main
from pipeline.stages import required, stale_stages, versions


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip().startswith("{")]


def test_every_tag_is_a_known_theme_with_provenance(middlesbrough_warehouse):
    con = duckdb.connect(str(middlesbrough_warehouse), read_only=True)
    from extractors.themes import stage_version
    from models.themes_taxonomy import load_taxonomy

    ids = set(load_taxonomy().ids)
    tags = con.execute("SELECT theme_id, method, version, page FROM theme_tags").fetchall()
    assert len(tags) > 200
    assert {t[0] for t in tags} <= ids and {t[2] for t in tags} == {stage_version()}
    assert {t[1] for t in tags} <= {"classifier", "phrase+classifier"}
    assert con.execute("SELECT count(*) FROM themes").fetchone()[0] == len(ids)
    # a tag's span is its passage's span
    bad = con.execute("""SELECT count(*) FROM theme_tags t JOIN passages p USING (doc_id, passage_no)
                         WHERE t.char_start <> p.char_start OR t.page <> p.page""").fetchone()[0]
    assert bad == 0
    con.close()


def test_timeline_shows_front_door_and_assessment_across_documents(runner, middlesbrough_warehouse):
    result = runner.invoke(main, ["timeline", "--db", str(middlesbrough_warehouse), "--la", "Middlesbrough",
                                  "--theme", "front_door", "--theme", "assessment", "--json"])
    assert result.exit_code == 0, result.output
    rows = _lines(result.output)
    docs = {r["document"] for r in rows if r["theme"] == "front_door"}
    assert len(docs) >= 3  # the 2018 and 2026 letters, the 2022 monitoring visit (and the minutes)
    assert {r["theme"] for r in rows} == {"front_door", "assessment"}
    assert all(r["pages"] and r["document"] for r in rows)
    first = next(r for r in rows if r["theme"] == "front_door")
    assert str(first["date"]).startswith("2018") and first["status"] == "improvement"
    monitoring = next(r for r in rows if r["theme"] == "front_door" and r["document_kind"] == "monitoring_visit")
    assert monitoring["status"] == "strength"

    result = runner.invoke(main, ["timeline", "--db", str(middlesbrough_warehouse), "--la", "Middlesbrough"])
    assert result.exit_code == 0, result.output
    assert "front_door" in result.output and "assessment" in result.output and "p." in result.output
    assert "middlesbrough_2018-08-31.pdf" in result.output and "Trajectories" in result.output


def test_trajectory_and_followups(middlesbrough_warehouse):
    con = duckdb.connect(str(middlesbrough_warehouse), read_only=True)
    row = con.execute("""SELECT first_raised, later_strength, latest_status, history FROM theme_trajectory
                         WHERE local_authority = 'Middlesbrough' AND theme = 'front_door'""").fetchone()
    assert str(row[0]).startswith("2018") and row[1] >= 1 and "monitoring_visit" in row[3]
    links = con.execute("""SELECT recommended_in, theme, followed_up_in FROM recommendation_followups
                           WHERE local_authority = 'Middlesbrough'""").fetchall()
    assert links and all(r[0] != r[2] for r in links)
    assert any(r[1] == "front_door" and "2018" in r[0] for r in links)
    prev = con.execute("SELECT year, document_kind, theme, documents, documents_total, share FROM theme_prevalence").fetchall()
    assert prev and all(0 < r[5] <= 1 and r[3] <= r[4] for r in prev)
    con.close()


def test_themes_command_nationally_and_for_one_authority(runner, middlesbrough_warehouse):
    db = str(middlesbrough_warehouse)
    result = runner.invoke(main, ["themes", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    rows = _lines(result.output)
    assert rows[0]["documents"] >= rows[-1]["documents"] and "front_door" in {r["theme"] for r in rows}
    result = runner.invoke(main, ["themes", "--db", db, "--la", "Middlesbrough", "--since", "2022", "--json"])
    assert result.exit_code == 0 and all(str(r["first"]) >= "2022" for r in _lines(result.output))
    result = runner.invoke(main, ["themes", "--db", db, "--la", "Atlantis"])
    assert result.exit_code == 2 and "no documents of 'Atlantis'" in result.output
    result = runner.invoke(main, ["timeline", "--db", db, "--la", "Middlesbrough", "--theme", "nope"])
    assert result.exit_code == 2 and "unknown theme nope" in result.output


def test_min_score_counts_only_the_surer_tags(runner, middlesbrough_warehouse):
    db = str(middlesbrough_warehouse)
    con = duckdb.connect(db, read_only=True)
    every = con.execute("SELECT sum(passages) FROM theme_timeline").fetchone()[0]
    assert every == con.execute("SELECT count(*) FROM theme_tags").fetchone()[0]
    sure = con.execute("SELECT sum(passages) FROM theme_timeline_at(0.9)").fetchone()[0]
    assert sure == con.execute("SELECT count(*) FROM theme_tags WHERE score >= 0.9").fetchone()[0] < every
    assert con.execute("SELECT * FROM theme_trajectory_at(NULL)").fetchall() == \
        con.execute("SELECT * FROM theme_trajectory").fetchall()
    con.close()
    summary = {r["theme"]: r for r in _lines(runner.invoke(main, ["themes", "--db", db, "--json"]).output)}
    result = runner.invoke(main, ["themes", "--db", db, "--min-score", "0.9", "--json"])
    assert result.exit_code == 0, result.output
    high = _lines(result.output)
    assert high and sum(r["passages"] for r in high) == sure
    assert all(r["passages"] <= summary[r["theme"]]["passages"] for r in high)
    args = ["timeline", "--db", db, "--la", "Middlesbrough", "--min-score", "0.9", "--json"]
    rows = _lines(runner.invoke(main, args).output)
    assert rows and sum(r["passages"] for r in rows) == sure and all(r["example"] for r in rows)
    result = runner.invoke(main, ["timeline", "--db", db, "--la", "Middlesbrough", "--min-score", "1.5"])
    assert result.exit_code == 2 and "1.5" in result.output


def test_a_warehouse_without_the_score_macros_still_answers_without_min_score():
    """A warehouse opened read-only keeps the views it was made with; an older
    one has theme_timeline but not theme_timeline_at."""
    from warehouse.errors import WarehouseError
    from warehouse.theme_queries import theme_summary

    con = duckdb.connect(":memory:")
    con.execute("""CREATE VIEW theme_timeline AS SELECT 'front_door' AS theme, 'Front door' AS theme_label, 'd1' AS doc_id,
                   3 AS passages, 1 AS strengths, 2 AS improvements, 0 AS recommendations, DATE '2022-01-01' AS date,
                   'Middlesbrough' AS local_authority, 'ilacs' AS document_kind""")
    assert theme_summary(con)[0]["passages"] == 3
    with pytest.raises(WarehouseError, match="predates the score filter"):
        theme_summary(con, min_score=0.9)
    con.close()


def test_discover_prints_reproducible_candidates(runner, middlesbrough_warehouse):
    args = ["themes", "discover", "--db", str(middlesbrough_warehouse), "--clusters", "4", "--json"]
    a = runner.invoke(main, args)
    assert a.exit_code == 0, a.output
    found = _lines(a.output)
    assert len(found) == 4 and all(c["label"] and c["size"] >= 1 and c["examples"] for c in found)
    assert all(e["document"] and e["page"] >= 1 for c in found for e in c["examples"])
    b = runner.invoke(main, args)
    assert _lines(b.output) == found
    text = runner.invoke(main, args[:-1])
    assert text.exit_code == 0 and "candidate themes" in text.output


def test_report_is_standalone_html_with_charts_and_citations(runner, middlesbrough_warehouse, tmp_path):
    out = tmp_path / "mb.html"
    result = runner.invoke(main, ["report", "--db", str(middlesbrough_warehouse), "--la", "Middlesbrough",
                                  "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text()
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html and "http" not in html.split("<body>")[1]
    assert html.count("<svg") >= 2 and "Theme timeline" in html and "Grade history" in html
    assert "middlesbrough_2018-08-31.pdf" in html and "p.2" in html


@pytest.mark.skipif(shutil.which("chromium") is None, reason="headless Chromium not installed (apt-get install chromium)")
def test_report_renders_in_headless_chromium(runner, middlesbrough_warehouse, tmp_path):
    out, png = tmp_path / "mb.html", tmp_path / "mb.png"
    runner.invoke(main, ["report", "--db", str(middlesbrough_warehouse), "--la", "Middlesbrough", "--out", str(out)])
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={png}",
                    "--window-size=1280,1600", out.as_uri()], check=True, capture_output=True, timeout=120)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000  # a page with charts, not a blank one


def test_evaluate_themes_json_on_any_gold_file(runner, corpus_dir, tmp_path):
    from models.themes_data import data_file

    rows = [json.loads(line) for line in data_file("themes_gold.jsonl").read_text().splitlines()]
    mine = [r for r in rows if r["doc"] == "focused_visits/middlesbrough_2026-01-27.pdf"][:6] or rows[:6]
    mine.append({"doc": mine[0]["doc"], "quote": "words that are in no document at all", "themes": ["covid"]})
    gold = tmp_path / "g.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in mine))
    result = runner.invoke(main, ["evaluate", "themes", "--gold", str(gold), "--corpus", str(corpus_dir), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["n"] == len(mine) and 0 <= out["micro_precision"] <= 1 and 0 <= out["micro_recall"] <= 1
    assert isinstance(out["per_theme"], dict) and out["unmatched_quotes"] == 1
    assert sum(v["n"] for v in out["by_kind"].values()) == len(mine)
    low, high = out["interval"]["precision"]
    assert low <= out["micro_precision"] <= high and out["interval"]["documents"] == 1
    points = out["operating_points"]
    assert points[0]["min_score"] == json.loads((data_file("themes_gold.jsonl").parents[1] / "themes" / "tuning.json")
                                                .read_text())["classifier_threshold"]
    assert points[0]["tagged"] == out["predicted_tags"] and points[0]["cv_precision"] is not None
    assert [p["tagged"] for p in points] == sorted((p["tagged"] for p in points), reverse=True)
    assert out["misses"][0]["quote"].startswith("words that")
    # two files scored as one set
    half = tmp_path / "half.jsonl"
    half.write_text("".join(json.dumps(r) + "\n" for r in mine[:3]))
    result = runner.invoke(main, ["evaluate", "themes", "--gold", str(gold), "--gold", str(half), "--corpus",
                                  str(corpus_dir), "--json"])
    assert result.exit_code == 0, result.output
    both = json.loads(result.output)
    assert both["n"] == len(mine) + 3 and both["gold"] == f"{gold}, {half}" and both["unmatched_quotes"] == 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc": "x.pdf", "quote": "q", "themes": ["no such theme"]}\n')
    result = runner.invoke(main, ["evaluate", "themes", "--gold", str(bad), "--corpus", str(corpus_dir)])
    assert result.exit_code == 2 and "not a theme" in result.output


def test_a_new_themes_version_reruns_only_themes():
    current = versions()
    assert stale_stages(current) == []
    assert stale_stages({**current, "themes": "themes-0"}) == ["themes"]
    # findings changed: figures and themes do not read it, so only findings re-runs
    assert stale_stages({**current, "findings": "old"}) == ["findings"]
    # the segmentation changed: everything after it re-runs
    assert stale_stages({**current, "segment": "old"}) == list(current)
    assert stale_stages({**current, "themes": "old"}, skip=("themes",)) == []
    assert required(["themes"]) == ["segment", "understand", "themes"]  # the scope: the areas a visit covered
    # so a new understanding re-runs every stage that reads it, themes included
    assert stale_stages({**current, "understand": "old"}) == ["understand", "figures", "findings", "themes"]


def test_operating_points_count_only_tags_at_the_cut_off():
    from pipeline.evaluate.themes import operating_points

    scored = [({"covid", "finance"}, {"covid": 0.97, "finance": 0.72}), (set(), {"workforce": 0.81}), ({"caseloads"}, {})]
    tuning = {"rule": "classifier", "classifier_threshold": 0.65,
              "cross_validated": {"classifier_by_threshold": {"0.65": {"precision": 0.8, "recall": 0.7}}}}
    points = {p["min_score"]: p for p in operating_points(scored, tuning)}
    assert min(points) == 0.65 and points[0.65]["cv_precision"] == 0.8 and points[0.7]["cv_precision"] is None
    assert (points[0.65]["tagged"], points[0.65]["precision"], points[0.65]["recall"]) == (3, round(2 / 3, 4), round(2 / 3, 4))
    assert (points[0.8]["tagged"], points[0.8]["precision"], points[0.8]["recall"]) == (2, 0.5, round(1 / 3, 4))
    assert (points[0.95]["tagged"], points[0.95]["precision"]) == (1, 1.0)
    assert operating_points(scored, {**tuning, "rule": "similarity"}) == []


def test_the_interval_resamples_whole_documents_and_is_repeatable():
    from pipeline.evaluate.themes import interval

    pairs = [({"covid"}, {"covid"}), ({"finance"}, {"finance"}), ({"workforce"}, {"caseloads"}), (set(), {"covid"})]
    one_doc = interval(pairs, ["a.pdf"] * 4, resamples=50)
    assert one_doc["precision"] == [0.5, 0.5] and one_doc["recall"] == [round(2 / 3, 4)] * 2  # nothing to resample
    two = interval(pairs, ["a.pdf", "a.pdf", "b.pdf", "b.pdf"], resamples=200)
    assert two == interval(pairs, ["a.pdf", "a.pdf", "b.pdf", "b.pdf"], resamples=200)
    assert two["documents"] == 2 and two["precision"] == [0.0, 1.0] and two["recall"] == [0.0, 1.0]


def test_grade_chart_shows_every_judgement_and_reports_without_an_overall_grade():
    """The 2026 framework gives no overall grade: the chart still plots that
    inspection's four judgements, each series in its own colour."""
    import datetime as dt

    from pipeline.la_report import GRADE_SERIES, grade_chart

    def row(day, overall, rest, doc):
        return {"date": dt.date.fromisoformat(day), "graded": True, "overall_effectiveness": overall,
                "impact_of_leaders": rest, "help_and_protection": rest, "children_in_care": None,
                "children_in_care_and_care_leavers": rest, "care_leavers": rest if overall is None else None,
                "document": doc}

    svg = grade_chart([row("2019-12-06", "inadequate", "inadequate", "ilacs/a_2020.pdf"),
                       row("2026-06-19", None, "requires_improvement", "ilacs/a_2026.pdf")])
    assert ">2019<" in svg and ">2026<" in svg
    assert "2026-06-19: Impact of leaders: Requires improvement (a_2026.pdf)" in svg
    assert "2026-06-19: Care leavers: Requires improvement" in svg and "2026-06-19: Overall" not in svg
    assert "2019-12-06: Children in care: Inadequate" in svg  # judged together with care leavers then
    assert all(colour in svg for _, _, colour in GRADE_SERIES)


def test_an_undated_paper_is_placed_by_a_date_in_its_file_name(tmp_path, middlesbrough_warehouse, runner):
    """The text's date, else the manifest's, else one in the file name (a
    quarter or month reads as its first day), marked as such wherever shown."""
    from warehouse.db import connect

    con = connect(tmp_path / "w.duckdb")
    names = {"a": "x_2021-Q3_minutes.txt", "b": "panel_2022-06.txt", "c": "c_2020-02-30_notes.txt",
             "d": "report_2019-11-05.pdf", "e": "executive-member-update.txt"}
    for doc_id, name in names.items():
        con.execute("INSERT INTO documents (doc_id, source, file_name, media_type, text, source_document_date) "
                    "VALUES (?, ?, ?, 'text', '', ?)", [doc_id, f"minutes/{name}", name,
                                                       "2024-01-31" if doc_id == "d" else None])
    got = {r[0]: (str(r[1]), r[2]) for r in con.execute("SELECT doc_id, date, date_basis FROM documents_dated").fetchall()}
    assert got == {"a": ("2021-07-01", "file name"), "b": ("2022-06-01", "file name"), "c": ("None", None),
                   "d": ("2024-01-31", "manifest"), "e": ("None", None)}
    con.close()

    con = duckdb.connect(str(middlesbrough_warehouse), read_only=True)
    row = con.execute("SELECT date, date_basis FROM documents_dated WHERE document LIKE '%2021-q1%'").fetchone()
    assert str(row[0]) == "2021-01-01" and row[1] == "file name"
    assert con.execute("SELECT count(*) FROM documents_dated WHERE date_basis = 'text'").fetchone()[0] == 3
    history = con.execute("""SELECT history FROM theme_trajectory WHERE local_authority = 'Middlesbrough'
                             AND history LIKE '%minutes%' LIMIT 1""").fetchone()[0]
    assert "2021-01-01 (file name) minutes" in history
    con.close()
    result = runner.invoke(main, ["timeline", "--db", str(middlesbrough_warehouse), "--la", "Middlesbrough"])
    assert result.exit_code == 0 and "2021-01-01 (file name)  minutes" in result.output
    from warehouse.theme_queries import shown_date

    row = {"date": "2021-01-01", "date_basis": "file name"}
    assert (shown_date(row), shown_date(row, short=True)) == ("2021-01-01 (file name)", "≈2021-01-01")
    assert shown_date({"date": "2022-07-14", "date_basis": "text"}, short=True) == "2022-07-14"
    assert shown_date({"date": None}) == "undated"


def test_train_themes_takes_a_review_or_none_but_not_both(runner, tmp_path):
    review = tmp_path / "r.jsonl"
    review.write_text('{"doc": "a.pdf", "quote": "q", "verdicts": {"covid": true}}\n')
    result = runner.invoke(main, ["train", "themes", "--review", str(review), "--no-review", "--out", str(tmp_path)])
    assert result.exit_code != 0 and "--review and --no-review" in result.output
    assert not (tmp_path / "tuning.json").exists()

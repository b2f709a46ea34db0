"""`ofsted-mine inspect` touches no warehouse; `ofsted-mine bench` measures both sides."""
from __future__ import annotations

import json

from pipeline.cli import main


def test_inspect_json_shows_every_record_type(runner, samples, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("OFSTED_MINE_DB", str(tmp_path / "should-not-exist.duckdb"))
    pdf = next(samples.glob("*.pdf"))
    result = runner.invoke(main, ["inspect", str(pdf), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["document"]["pages"] == 4
    assert out["document_meta"][0]["kind"] == "focused_visit"
    assert out["document_meta"][0]["la_name"] == "Rutland"
    titles = [s["title"] for s in out["sections"]]
    assert "What needs to improve in this area of social work practice" in titles
    assert all(1 <= p["page"] <= p["page_end"] <= 4 for p in out["passages"])
    assert any(p["page"] != p["page_end"] for p in out["passages"])  # a sentence across a page break
    assert not (tmp_path / "should-not-exist.duckdb").exists()


def test_inspect_prints_tables(runner, samples):
    html = next(samples.glob("*.html"))
    result = runner.invoke(main, ["inspect", str(html), "--limit", "5"])
    assert result.exit_code == 0, result.output
    assert "sections" in result.output and "passages" in result.output and "minutes" in result.output


def test_bench_times_pdfplumber_and_every_stage(runner, samples):
    result = runner.invoke(main, ["bench", str(samples), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output[result.output.index("{"):])
    assert out["files"] == 1 and out["pages"] == 4
    assert {"pdfplumber", "read", "segment", "understand", "load", "ofsted_mine_total"} <= set(out["seconds"])
    assert out["speedup_vs_pdfplumber"] > 0
    assert out["encoder_precision"] in ("float32", "bfloat16")
    result = runner.invoke(main, ["bench", str(samples), "--json", "--encoder-precision", "float32"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output[result.output.index("{"):])["encoder_precision"] == "float32"


def test_a_bad_encoder_precision_in_the_environment_is_a_clear_error(runner, samples, monkeypatch):
    monkeypatch.setenv("OFSTED_MINE_ENCODER_PRECISION", "int4")
    result = runner.invoke(main, ["bench", str(samples), "--json"])
    assert result.exit_code == 2 and "encoder precision 'int4': choose one of auto, float32, bfloat16" in result.output

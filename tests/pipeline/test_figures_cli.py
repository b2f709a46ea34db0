"""`ofsted-mine figures` reads a series out of a real warehouse."""
from __future__ import annotations

import json

from pipeline.cli import main


def test_children_looked_after_in_middlesbrough(runner, corpus_dir, tmp_path):
    db = tmp_path / "w.duckdb"
    minutes = [
        corpus_dir / "minutes" / "middlesbrough_2021-q1_childrens-scrutiny-panel.txt",
        corpus_dir / "minutes" / "middlesbrough_2022-06_childrens-scrutiny-panel.txt",
    ]
    result = runner.invoke(main, ["ingest", "-q", *map(str, minutes), "--db", str(db)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        main, ["figures", "--db", str(db), "--la", "Middlesbrough", "--metric", "children_looked_after", "--json"]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    values = {(r["value"], r["role"]) for r in rows}
    # "reduced from an all-time high of 702 in August 2020 to 609"; later 513
    assert {(702.0, "previous"), (609.0, "observed"), (513.0, "observed")} <= values
    dated = [r for r in rows if r["value"] == 702.0 and str(r["date"]).startswith("2020-08")]
    assert dated and all(r["page"] == 1 and "middlesbrough_" in r["document"] for r in rows)
    printed = runner.invoke(main, ["figures", "--db", str(db), "--la", "Middlesbrough"])
    assert printed.exit_code == 0 and "children_looked_after" in printed.output and "609" in printed.output

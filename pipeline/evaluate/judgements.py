"""``evaluate judgements``: extracted grades against the third-party ILACS table.

The table is ``ilacs/ofsted_csc_ilacs_history.csv`` of the corpus (made by the
JT-39 scraper with PyPDF2 and tabula; nobody checked it by hand). Every PDF of
``<corpus>/ilacs`` listed in MANIFEST.csv is joined to its row (manifest
``original_url`` = ``inspection_link``, else the LA folder and file name of
``source_path``) and its grades compared, field by field:

=====================  ==================================================
CSV column             our area (extractors/data/judgement_areas.csv)
=====================  ==================================================
overall_effectiveness  overall_effectiveness
impact_of_leaders      impact_of_leaders
help_and_protection    help_and_protection
in_care                children_in_care (2023 on), else the combined
                       children_in_care_and_care_leavers (2018-2022)
care_leavers           care_leavers (2023 on)
=====================  ==================================================

A CSV cell that is not a grade (``data_unreadable``, ``not_reported_post_reform``,
``inspection_pre_dates_judgement``, empty, or garbled such as
``to requires improvement``) is *not comparable*: counted by reason, never a
disagreement. Where such a cell claims there is no grade and the report has
one, the case is listed under ``marker_conflicts``. Every disagreement names
the report text that decides it: the table row (text, page, span) and the
graded heading for the same area.

The document kind comes from the manifest's ``doc_type`` here (ILACS, SIF,
LSCB review, 2013 LAC inspection), so that this measures the judgement
extractor alone.
"""
from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Callable

from corpus.document import Document
from corpus.manifest import ManifestRow, read_manifest
from corpus.readers import read_path
from extractors.judgements import JUDGEMENTS_VERSION, JudgementRead, Row, normalise_grade, read_judgements

FIELDS = ("overall_effectiveness", "impact_of_leaders", "help_and_protection", "in_care", "care_leavers")
#: our area keys for each CSV field, first found wins
FIELD_AREAS = {
    "overall_effectiveness": ("overall_effectiveness",),
    "impact_of_leaders": ("impact_of_leaders",),
    "help_and_protection": ("help_and_protection",),
    "in_care": ("children_in_care", "children_in_care_and_care_leavers"),
    "care_leavers": ("care_leavers",),
}
MARKERS = ("data_unreadable", "not_reported_post_reform", "inspection_pre_dates_judgement")
HISTORY_CSV = PurePosixPath("ilacs") / "ofsted_csc_ilacs_history.csv"


def kind_from_doc_type(doc_type: str | None) -> str:
    """The document kind of a manifest ``doc_type`` of the ilacs folder."""
    t = (doc_type or "").lower()
    if "single inspection framework" in t or "(sif)" in t:
        return "sif"
    if "ilacs" in t:
        return "ilacs"
    if "local safeguarding children board" in t:
        return "lscb_review"
    if "looked after children" in t:
        return "lac_inspection"
    return "other"


def their_grade(value: str | None) -> tuple[str | None, str | None]:
    """A CSV cell as (grade, None) or (None, reason it is not comparable)."""
    v = " ".join((value or "").lower().split())
    if not v:
        return None, "empty"
    if v in MARKERS:
        return None, v
    grade = normalise_grade(v)
    return (grade, None) if grade else (None, "malformed")


@dataclass(frozen=True)
class _Case:
    path: str
    doc: Document
    kind: str
    csv_row: dict[str, str]
    read: JudgementRead


def _read_history(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    # the CSV names its grade columns "<field>_grade"
    for r in rows:
        for f in FIELDS:
            if f not in r and f + "_grade" in r:
                r[f] = r[f + "_grade"]
    return rows


def _join(row: ManifestRow, by_link: dict[str, dict], by_file: dict[tuple[str, str], dict]) -> dict | None:
    if row.original_url and row.original_url in by_link:
        return by_link[row.original_url]
    if row.source_path:
        parts = PurePosixPath(row.source_path).parts
        if len(parts) >= 2:
            folder, name = parts[-2], parts[-1]
            urn = folder.split("_", 1)[0]
            return by_file.get((urn, name.lower()))
    return None


def _evidence(doc: Document, r: Row | None) -> dict | None:
    if r is None:
        return None
    return {
        "area_text": r.area_text,
        "grade_text": r.grade_text,
        "text": " ".join(doc.text[r.row_start : r.end].split()),
        "page": doc.page_of(r.start),
        "start": r.row_start,
        "end": r.end,
    }


def _ours(rows: tuple[Row, ...], field: str) -> Row | None:
    by_area = {r.area: r for r in rows}
    for area in FIELD_AREAS[field]:
        if area in by_area:
            return by_area[area]
    return None


def _absent(case: _Case, field: str) -> dict:
    """Why we have no grade for ``field``: the text that shows the report has none."""
    combined = next((r for r in case.read.table if r.area == "children_in_care_and_care_leavers"), None)
    if field == "care_leavers" and combined is not None:
        return {"note": "the report grades children in care and care leavers together (framework before 2023): "
                        "it has no separate care leavers judgement",
                "table": _evidence(case.doc, combined)}
    if not case.read.table:
        return {"note": "no judgement table read: " + "; ".join(case.read.problems)}
    return {"note": "the judgement table has no row for this area"}


def evaluate_judgements(corpus_dir: Path, history_csv: Path | None = None,
                        kind_of: Callable[[Document, ManifestRow], str] | None = None,
                        progress: Callable[[str], None] | None = None) -> dict:
    """Compare the grades we extract with the third-party CSV for every report of
    ``corpus_dir/ilacs`` in the manifest that the CSV covers.

    Returns ``{"n", "agreement", "disagreements", ...}`` (see the module docstring;
    the shape of ``../gold/README.md``, "Machine-readable results").
    """
    corpus_dir = Path(corpus_dir)
    history_csv = Path(history_csv) if history_csv else corpus_dir / HISTORY_CSV
    history = _read_history(history_csv)
    by_link = {r["inspection_link"]: r for r in history if r.get("inspection_link")}
    by_file = {(r.get("urn", ""), (r.get("pdf_filename") or "").lower()): r for r in history}
    manifest = read_manifest(corpus_dir)

    cases: list[_Case] = []
    unmatched: list[str] = []
    for rel, row in manifest.items():
        if not rel.startswith("ilacs/") or row.suffix != ".pdf":
            continue
        csv_row = _join(row, by_link, by_file)
        if csv_row is None:
            unmatched.append(rel)
            continue
        if progress:
            progress(rel)
        doc = read_path(corpus_dir / rel, rel)
        kind = kind_of(doc, row) if kind_of else kind_from_doc_type(row.doc_type)
        cases.append(_Case(rel, doc, kind, csv_row, read_judgements(doc, kind)))

    agreed: Counter = Counter()
    compared: Counter = Counter()
    not_comparable: dict[str, Counter] = {f: Counter() for f in FIELDS}
    disagreements: list[dict] = []
    marker_conflicts: list[dict] = []
    csv_gaps: list[dict] = []
    kinds: Counter = Counter()
    warnings: list[dict] = []
    for case in cases:
        kinds[case.kind] += 1
        warnings.extend({"doc": case.path, "message": p} for p in case.read.problems)
        for field in FIELDS:
            raw = case.csv_row.get(field)
            theirs, reason = their_grade(raw)
            mine = _ours(case.read.table, field)
            if theirs is None:
                not_comparable[field][reason] += 1
                if reason in ("empty", "malformed") and case.kind == "ilacs":
                    csv_gaps.append({"doc": case.path, "field": field, "theirs": raw,
                                     "ours": mine.grade if mine else None, "table": _evidence(case.doc, mine)})
                if mine is not None and reason in ("not_reported_post_reform", "inspection_pre_dates_judgement"):
                    marker_conflicts.append({"doc": case.path, "field": field, "ours": mine.grade,
                                             "theirs": raw, "table": _evidence(case.doc, mine)})
                continue
            compared[field] += 1
            if mine is not None and mine.grade == theirs:
                agreed[field] += 1
                continue
            heading = _ours(case.read.headings, field)
            entry = {
                "doc": case.path,
                "field": field,
                "area": mine.area if mine else None,
                "ours": mine.grade if mine else None,
                "theirs": theirs,
                "theirs_raw": raw,
                "table": _evidence(case.doc, mine),
                "heading": _evidence(case.doc, heading),
            }
            if mine is None:
                entry.update(_absent(case, field))
            disagreements.append(entry)

    return {
        "n": len(cases),
        "agreement": {f: (agreed[f] / compared[f] if compared[f] else None) for f in FIELDS},
        "disagreements": disagreements,
        "compared": {f: compared[f] for f in FIELDS},
        "agreed": {f: agreed[f] for f in FIELDS},
        "not_comparable": {f: dict(sorted(not_comparable[f].items())) for f in FIELDS},
        "marker_conflicts": marker_conflicts,
        "csv_gaps": csv_gaps,
        "kinds": dict(sorted(kinds.items())),
        "warnings": warnings,
        "unmatched": unmatched,
        "history_csv": str(history_csv),
        "version": JUDGEMENTS_VERSION,
    }


def format_report(result: dict) -> str:
    """The result as text for a person."""
    lines = [f"judgements ({result['version']}) against {result['history_csv']}",
             f"reports joined: {result['n']} ({', '.join(f'{k} {v}' for k, v in result['kinds'].items())})"]
    if result["unmatched"]:
        lines.append(f"reports not in the CSV: {len(result['unmatched'])}")
    lines.append(f"{'field':<24}{'agreement':>10}{'agreed':>8}{'compared':>10}   not comparable")
    for f in FIELDS:
        a = result["agreement"][f]
        nc = ", ".join(f"{k} {v}" for k, v in result["not_comparable"][f].items()) or "-"
        lines.append(f"{f:<24}{(f'{a:.2%}' if a is not None else '-'):>10}{result['agreed'][f]:>8}"
                     f"{result['compared'][f]:>10}   {nc}")
    lines.append(f"disagreements: {len(result['disagreements'])}")
    for d in result["disagreements"]:
        lines.append(f"  {d['doc']}  {d['field']}: ours {d['ours']}, CSV {d['theirs_raw']!r}")
        if d.get("note"):
            lines.append(f"      {d['note']}")
        for src in ("table", "heading"):
            ev = d[src]
            if ev:
                lines.append(f"      {src}, page {ev['page']} [{ev['start']}:{ev['end']}]: {ev['text']}")
    if result["csv_gaps"]:
        lines.append(f"ILACS reports where the CSV has no usable value: {len(result['csv_gaps'])}")
        for d in result["csv_gaps"]:
            ev = d["table"]
            where = f"page {ev['page']}: {ev['text']}" if ev else "no row in the report"
            lines.append(f"  {d['doc']}  {d['field']}: CSV {d['theirs']!r}, ours {d['ours']}; {where}")
    if result["marker_conflicts"]:
        lines.append(f"CSV says no grade, the report has one: {len(result['marker_conflicts'])}")
        for d in result["marker_conflicts"]:
            ev = d["table"]
            lines.append(f"  {d['doc']}  {d['field']}: CSV {d['theirs']!r}; page {ev['page']}: {ev['text']}")
    if result["warnings"]:
        lines.append(f"extractor warnings: {len(result['warnings'])}")
        for w in result["warnings"]:
            lines.append(f"  {w['doc']}: {w['message']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python -m pipeline.evaluate.judgements CORPUS_DIR [HISTORY_CSV] [--json]``."""
    args = list(sys.argv[1:] if argv is None else argv)
    as_json = "--json" in args
    args = [a for a in args if a != "--json"]
    if not args:
        print(main.__doc__, file=sys.stderr)
        return 2
    result = evaluate_judgements(Path(args[0]), Path(args[1]) if len(args) > 1 else None)
    print(json.dumps(result, indent=2) if as_json else format_report(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

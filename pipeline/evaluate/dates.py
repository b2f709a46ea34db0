"""Accuracy of the date extractor (``extractors/dates.py``) on the real corpus.

``evaluate_dates(corpus_dir)`` reads every document of the corpus (read,
segment, classify the kind from the text, find the dates) and measures:

(a) **letter dates** of focused-visit and monitoring-visit letters against the
    manifest's ``document_date``, which is the *publication* date: the exact
    match rate, and every mismatch on its own with what the letter's text
    shows (the printed date and its page, or why there is none). A letter is
    published some days after it is dated now and then, so a mismatch is not
    by itself an error; each is read in the text: ``right`` says whether ours
    is the date the letter prints (``None`` when the letter prints none, or
    prints one that is not a date).
(b) **inspection dates** of every report in ``ilacs/`` against
    ``ilacs/ofsted_csc_ilacs_history.csv`` (a third-party, machine-extracted
    table: joined on the manifest's ``original_url`` = ``inspection_link``):
    agreement of start and end date where the table has them, every
    disagreement with the report's own line ("Inspection dates: ..."), and the
    reports the table leaves blank with what we read.
(c) **visit dates** of letters: no outside reference exists, so coverage and
    two checks from the text itself (the visit ends before the letter is
    dated; a visit lasts at most a month), each failure listed.
(d) **meeting dates** of minutes and committee reports: against the manifest
    date (for Kent papers it is the meeting date) and, where the manifest has
    none (the Middlesbrough minutes state no date), ours must be null.

Run it: ``python -m pipeline.evaluate.dates [CORPUS_DIR] [--json]``.
"""
from __future__ import annotations

import csv
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Iterable

from corpus.readers import read_path
from extractors.dates import _whole_date, find_dates
from extractors.kind import classify_kind
from extractors.segment import segment
from extractors.sentences import load_splitter

LETTER_KINDS = ("focused_visit", "monitoring_visit", "jtai")
COUNCIL_KINDS = ("minutes", "committee_report")
SKIP_SUFFIXES = (".csv", ".xlsx")


def evaluate_dates(corpus_dir: Path, history_csv: Path | None = None, show_progress: bool = False,
                   only: Iterable[str] | None = None) -> dict:
    """Measure the dates found in the corpus at ``corpus_dir`` (see the module
    docstring); ``only`` restricts it to these manifest paths."""
    corpus_dir = Path(corpus_dir)
    manifest = _read_csv(corpus_dir / "MANIFEST.csv")
    history_path = history_csv or corpus_dir / "ilacs" / "ofsted_csc_ilacs_history.csv"
    history = {}
    if history_path.is_file():
        for row in _read_csv(history_path):
            history.setdefault(row["inspection_link"], row)

    splitter = load_splitter()
    letters, mismatches = [], []
    reports, report_disagreements, report_blank = [], [], []
    visit_rows, visit_doubtful = [], []
    meetings = []
    rows = [r for r in manifest if not r["path"].lower().endswith(SKIP_SUFFIXES)]
    if only is not None:
        wanted = set(only)
        rows = [r for r in rows if r["path"] in wanted]
    for i, row in enumerate(rows):
        path = corpus_dir / row["path"]
        if not path.is_file():
            continue
        if show_progress:
            print(f"\r{i + 1}/{len(rows)} {row['path'][:60]:60}", end="", file=sys.stderr)
        doc = read_path(path, row["path"])
        seg = segment(doc, splitter)
        kind, _ = classify_kind(doc, seg)
        found = find_dates(doc, seg, kind)
        folder = row["path"].split("/")[0]

        if folder in ("focused_visits", "monitoring_visits") or kind in LETTER_KINDS:
            published = _iso_date(row.get("document_date"))
            item = {"document": row["path"], "kind": kind, "publication_date": _s(published),
                    "ours": _s(found.letter_date)}
            letters.append(item)
            if found.letter_date != published:
                mismatches.append({**item, **_read_letter_mismatch(doc, found)})
            visit_rows.append(row["path"])
            problems = [n for n in found.notes if n.startswith("visit dates")]
            if found.start_date is None:
                problems.append("no visit date found")
            else:
                letter_doubtful = any(n.startswith("letter date") for n in found.notes)
                reference = (published if letter_doubtful else found.letter_date) or published
                if reference and found.end_date and found.end_date > reference:
                    problems.append(f"visit ends {found.end_date} after the letter date {reference}")
            if problems:
                ev = next((e for e in found.evidence if e.field == "start_date"), None)
                visit_doubtful.append({"document": row["path"], "start": _s(found.start_date),
                                       "end": _s(found.end_date), "text": ev.text if ev else None,
                                       "page": ev.page if ev else None, "problems": problems})

        if folder == "ilacs":
            ev = next((e for e in found.evidence if e.field == "start_date"), None)
            item = {"document": row["path"], "kind": kind, "ours_start": _s(found.start_date),
                    "ours_end": _s(found.end_date), "text": ev.text if ev else None, "page": ev.page if ev else None}
            reports.append(item)
            h = history.get(row.get("original_url") or "")
            h_start = _dmy(h.get("inspection_start_date")) if h else None
            h_end = _dmy(h.get("inspection_end_date")) if h else None
            if h is None or (h_start is None and h_end is None):
                report_blank.append({**item, "history": "no row" if h is None else "blank"})
            else:
                item.update(history_start=_s(h_start), history_end=_s(h_end))
                item["start_agrees"] = found.start_date == h_start
                item["end_agrees"] = found.end_date == h_end
                if not (item["start_agrees"] and item["end_agrees"]):
                    item["reading"] = _read_report_disagreement(found, h_start, h_end, ev.text if ev else "")
                    report_disagreements.append(item)

        if folder in ("minutes", "committee_reports") or kind in COUNCIL_KINDS:
            expected = _iso_date(row.get("document_date"))
            ev = next((e for e in found.evidence if e.field == "meeting_date"), None)
            item = {"document": row["path"], "kind": kind, "manifest": _s(expected),
                    "ours": _s(found.meeting_date), "text": ev.text if ev else None,
                    "agrees": found.meeting_date == expected}
            if not item["agrees"]:
                item["reading"] = ("the head of the document states no meeting date (the manifest's date is "
                                   "the meeting the paper was filed under): null, not guessed"
                                   if found.meeting_date is None else "ours differs from the manifest")
            meetings.append(item)
    if show_progress:
        print(file=sys.stderr)

    n_letters = len(letters)
    exact = n_letters - len(mismatches)
    right = exact + sum(1 for m in mismatches if m["right"])
    compared = [r for r in reports if "history_start" in r]
    both = sum(1 for r in compared if r["start_agrees"] and r["end_agrees"])
    report_right = both + sum(1 for r in report_disagreements if r["reading"]["ours_right"])
    visits_found = n_letters - sum(1 for v in visit_doubtful if "no visit date found" in v["problems"])
    return {
        "command": "python -m pipeline.evaluate.dates " + str(corpus_dir),
        "letter_dates": {
            "letters": n_letters,
            "found": sum(1 for item in letters if item["ours"]),
            "exact_match_publication_date": exact,
            "exact_match_rate": _rate(exact, n_letters),
            "right_after_reading_mismatches": right,
            "right_rate": _rate(right, n_letters),
            # printed wrong in the letter itself (kept as printed, or null when not a date)
            "printed_wrong_in_source": sum(1 for m in mismatches if m["source_error"]),
            "mismatches": mismatches,
        },
        "inspection_dates": {
            "reports": len(reports),
            "compared_with_history": len(compared),
            "start_agrees": sum(1 for r in compared if r["start_agrees"]),
            "end_agrees": sum(1 for r in compared if r["end_agrees"]),
            "both_agree": both,
            "agreement_rate": _rate(both, len(compared)),
            "right_after_reading_disagreements": report_right,
            "right_rate": _rate(report_right, len(compared)),
            "found": sum(1 for r in reports if r["ours_start"]),
            "disagreements": report_disagreements,
            "history_blank": report_blank,
        },
        "letter_visit_dates": {
            "letters": n_letters,
            "found": visits_found,
            "passing_checks": n_letters - len(visit_doubtful),
            # every failure so far is a year misprinted in the letter, kept as printed
            "printed_wrong_in_source": sum(1 for v in visit_doubtful
                                           if any(p.startswith("visit dates") for p in v["problems"])),
            "rate_passing_checks": _rate(n_letters - len(visit_doubtful), n_letters),
            "doubtful": visit_doubtful,
        },
        "meeting_dates": {
            "documents": len(meetings),
            "agree": sum(1 for m in meetings if m["agrees"]),
            "rows": meetings,
        },
    }


def _read_letter_mismatch(doc, found) -> dict:
    """What the letter's text shows where our letter date is not the publication date."""
    ev = next((e for e in found.evidence if e.field == "letter_date"), None)
    if found.letter_date is not None and ev is not None:
        printed = _whole_date(ev.text)
        as_printed = printed is not None and printed.start_date == found.letter_date
        doubt = [n for n in found.notes if n.startswith("letter date")]
        reading = ("ours is the date printed on the letter; the publication date differs"
                   if as_printed else "ours differs from the printed text")
        if doubt:
            reading += "; " + doubt[0] + " (kept as printed)"
        return {"printed": ev.text, "page": ev.page, "right": as_printed,
                "source_error": bool(doubt), "reading": reading}
    unreadable = [n for n in found.notes if "not readable" in n]
    if unreadable:
        return {"printed": unreadable[0].split(": ", 1)[1].strip("'\""), "page": 1, "right": True, "source_error": True,
                "reading": "the letter's date line is misprinted (not a date): null, not guessed"}
    page1 = doc.text[doc.pages[0].start: doc.pages[0].end] if doc.pages else doc.text
    lines = [ln for ln in page1.split("\n") if _whole_date(ln)]
    if lines:
        return {"printed": lines[0].strip(), "page": 1, "right": False, "source_error": False,
                "reading": "a date line is printed but was not read"}
    return {"printed": None, "page": None, "right": True, "source_error": False,
            "reading": "the letter prints no date: null is right"}


def _read_report_disagreement(found, h_start, h_end, text: str) -> dict:
    """Why ours and the history table differ, from the report's own date line."""
    from extractors.dates import find_date_phrases

    phrases = find_date_phrases(text)
    if len(phrases) == 1 and len(phrases[0].days) > 2 and found.start_date == h_start:
        return {"ours_right": True,
                "reading": f"split inspection: the report states two fieldwork periods ({text!r}); "
                           f"ours spans first to last day, the table keeps only the first period"}
    ours_as_printed = bool(phrases) and phrases[0].start_date == found.start_date \
        and max(p.end_date for p in phrases) == found.end_date
    return {"ours_right": ours_as_printed,
            "reading": ("ours is the report's printed date line; the table differs" if ours_as_printed
                        else "ours differs from the report's date line")}


def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _dmy(value: str | None) -> date | None:
    if not value:
        return None
    for fmt in ("%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None


def _s(value) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


def _rate(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def _print(result: dict) -> None:
    ld, ins, vis, mt = (result[k] for k in ("letter_dates", "inspection_dates", "letter_visit_dates", "meeting_dates"))
    print(f"letter dates: {ld['letters']} letters, {ld['found']} found; exact match with the publication date "
          f"{ld['exact_match_publication_date']}/{ld['letters']} ({ld['exact_match_rate']:.2%}); "
          f"right after reading the mismatches {ld['right_after_reading_mismatches']}/{ld['letters']} "
          f"({ld['right_rate']:.2%})")
    for m in ld["mismatches"]:
        print(f"  {m['document']}: published {m['publication_date']}, ours {m['ours']}, printed "
              f"{m['printed']!r} (p. {m['page']}) -> {'RIGHT' if m['right'] else 'WRONG'}: {m['reading']}")
    print(f"inspection dates: {ins['reports']} reports, {ins['found']} found; {ins['compared_with_history']} with dates "
          f"in the history table: start {ins['start_agrees']}, end {ins['end_agrees']}, both {ins['both_agree']} "
          f"({ins['agreement_rate']:.2%}); right after reading the disagreements {ins['right_after_reading_disagreements']}"
          f"/{ins['compared_with_history']} ({ins['right_rate']:.2%})")
    for d in ins["disagreements"]:
        print(f"  {d['document']}: table {d['history_start']}..{d['history_end']}, ours {d['ours_start']}..{d['ours_end']}"
              f" -> {'RIGHT' if d['reading']['ours_right'] else 'WRONG'}: {d['reading']['reading']}")
    print(f"  the table has no dates for {len(ins['history_blank'])} reports; ours from their date lines:")
    for d in ins["history_blank"]:
        print(f"    {d['document']}: {d['ours_start']}..{d['ours_end']} from {d['text']!r}")
    print(f"letter visit dates: {vis['found']}/{vis['letters']} found, {vis['passing_checks']} pass the checks "
          f"({vis['rate_passing_checks']:.2%})")
    for d in vis["doubtful"]:
        print(f"  {d['document']}: {d['start']}..{d['end']} from {d['text']!r}: {'; '.join(d['problems'])}")
    print(f"meeting dates: {mt['agree']}/{mt['documents']} agree with the manifest (null where it has none)")
    for m in mt["rows"]:
        print(f"  {'ok ' if m['agrees'] else 'DIFF'} {m['document']}: manifest {m['manifest']}, ours {m['ours']}"
              f"{' from ' + repr(m['text']) if m['text'] else ''}{' -> ' + m['reading'] if 'reading' in m else ''}")


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    as_json = "--json" in argv
    argv = [a for a in argv if a != "--json"]
    if argv:
        corpus = Path(argv[0])
    else:
        from pipeline.settings import Settings  # $OFSTED_CORPUS, else ../shared/corpus

        corpus = Settings.from_env().corpus_dir
        if corpus is None:
            raise SystemExit("no corpus: give its folder or set OFSTED_CORPUS")
    result = evaluate_dates(corpus, show_progress=not as_json)
    if as_json:
        print(json.dumps(result, indent=2, default=str))
    else:
        _print(result)


if __name__ == "__main__":
    main()

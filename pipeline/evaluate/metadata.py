"""`ofsted-mine evaluate metadata`: kind, authority and dates extracted from
the text, measured against the corpus manifest.

- kind and authority: every document the manifest lists;
- letter date of Ofsted letters against the manifest's date, which is the
  publication date: where they differ, the letter's printed date is shown so a
  reader can see whether the extraction or the publication differs;
- meeting date of minutes and committee reports where the manifest gives one
  (for council papers the manifest date is the meeting date).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from corpus.discover import DiscoveredFile
from extractors.gazetteer import load_gazetteer
from pipeline.evaluate.documents import process
from pipeline.settings import Settings

_DOC_TYPE_KIND = {
    "Ofsted ILACS inspection report": "ilacs",
    "Ofsted single inspection framework (SIF) report": "sif",
    "Ofsted inspection of looked after children services": "lac_inspection",
    "Ofsted review of Local Safeguarding Children Board": "lscb_review",
}
_FOLDER_KIND = {
    "focused_visits": "focused_visit",
    "monitoring_visits": "monitoring_visit",
    "minutes": "minutes",
    "committee_reports": "committee_report",
}
LETTER_KINDS = ("focused_visit", "monitoring_visit")
COUNCIL_KINDS = ("minutes", "committee_report")


def expected_kind(item: DiscoveredFile) -> str | None:
    """The kind the manifest implies: its folder kind, refined by doc_type for ilacs/."""
    meta = item.meta
    if meta.kind in _FOLDER_KIND:
        return _FOLDER_KIND[meta.kind]
    for prefix, kind in _DOC_TYPE_KIND.items():
        if (meta.doc_type or "").startswith(prefix):
            return kind
    return None


def _iso(value) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


def evaluate_metadata(corpus_dir: Path, settings: Settings, show_progress: bool = True) -> dict:
    gazetteer = load_gazetteer()
    tallies = {f: [0, 0] for f in ("kind", "authority", "letter_date", "meeting_date")}  # [agree, compared]
    disagreements: list[dict] = []
    publication_differs: list[dict] = []
    warnings = 0
    n = 0
    for item, doc, done in process(corpus_dir, settings, show_progress=show_progress):
        n += 1
        meta = done["understand"].meta
        warnings += len(done["understand"].warnings)

        def check(field: str, ours, theirs, **extra) -> bool:
            tallies[field][1] += 1
            if ours == theirs:
                tallies[field][0] += 1
                return True
            disagreements.append({"document": item.source, "field": field, "ours": _iso(ours), "manifest": _iso(theirs), **extra})
            return False

        kind = expected_kind(item)
        if kind is not None:
            check("kind", meta.kind, kind)
        manifest_la = item.meta.local_authority
        manifest_date = _parse(item.meta.document_date)
        if manifest_la:
            # a name two authorities have shared (Somerset, North Yorkshire) means the one of that date
            authority = gazetteer.lookup(manifest_la, on=manifest_date)
            expected = authority.code if authority else f"(not in gazetteer: {manifest_la})"
            check("authority", meta.la_code, expected, ours_name=meta.la_name, manifest_name=manifest_la)
        if manifest_date is None:
            continue
        if kind in LETTER_KINDS:
            tallies["letter_date"][1] += 1
            if meta.letter_date == manifest_date:
                tallies["letter_date"][0] += 1
            else:
                evidence = next((e for e in meta.evidence if e.field == "letter_date"), None)
                publication_differs.append({
                    "document": item.source, "letter_date": _iso(meta.letter_date),
                    "publication_date": _iso(manifest_date),
                    "letter_text": evidence.text if evidence else None, "page": evidence.page if evidence else None,
                })
        elif kind in COUNCIL_KINDS:
            check("meeting_date", meta.meeting_date, manifest_date)
    agreement = {f: (a / c if c else None) for f, (a, c) in tallies.items()}
    inspection = _inspection_dates(corpus_dir, show_progress)
    compared = inspection.get("compared_with_history") or 0
    for field, key in (("start_date", "start_agrees"), ("end_date", "end_agrees")):
        agreement[f"inspection_{field}"] = inspection[key] / compared if compared else None
    return {
        "n": n,
        "agreement": agreement,
        "compared": {f: c for f, (_, c) in tallies.items()}
        | {"inspection_start_date": inspection.get("compared_with_history"),
           "inspection_end_date": inspection.get("compared_with_history")},
        "disagreements": disagreements,
        "letter_date_differs_from_publication": publication_differs,
        "warnings": warnings,
        "inspection_dates": inspection,
    }


def _inspection_dates(corpus_dir: Path, show_progress: bool) -> dict:
    """Inspection start and end dates of ILACS-folder reports against the
    third-party table, from the dates evaluation (see pipeline.evaluate.dates)."""
    from pipeline.evaluate.dates import evaluate_dates

    result = evaluate_dates(corpus_dir, show_progress=show_progress)
    return result.get("inspection_dates", result)


def _parse(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None

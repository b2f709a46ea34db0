"""Passages labelled with themes (``models/data/themes_*.jsonl`` or any
file of that format): reading, checking and finding them in their documents.

A row has ``doc`` and ``quote`` (as in ../shared/gold/README.md) and its
themes as ``themes`` (a list) or ``theme`` (one); each a taxonomy id or
label. An empty list means "no theme".
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterator

from corpus.readers import read_path
from extractors.segment import segment
from extractors.themes.extract import previous_texts, scope_texts, unit_members
from extractors.understand import understand
from models.findings_data import _plain  # the same quote normalisation as the findings labels
from models.themes_taxonomy import Taxonomy


def data_file(name: str) -> Path:
    return Path(str(resources.files("models").joinpath("data", name)))


def _json_rows(path: Path) -> Iterator[tuple[int, dict]]:
    """(line number, row) of a JSON-lines file, skipping blank and ``#`` lines."""
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                yield n, json.loads(line)
            except ValueError as exc:
                raise ValueError(f"{path}: line {n}: not JSON ({exc})") from exc


def _resolve(taxonomy: Taxonomy, name: str, path: Path, n: int) -> str:
    try:
        return taxonomy.resolve(name)
    except KeyError as exc:
        raise ValueError(f"{path}: line {n}: {exc.args[0]!r} is not a theme of {taxonomy.version}") from exc


def read_theme_rows(path: Path, taxonomy: Taxonomy) -> list[dict]:
    """Rows with ``themes`` as a sorted list of ids; a clear error for a bad row."""
    rows = []
    for n, row in _json_rows(path):
        if not row.get("doc") or not row.get("quote"):
            raise ValueError(f"{path}: line {n}: doc and quote are required")
        given = row.get("themes", row.get("theme"))
        if given is None:
            raise ValueError(f"{path}: line {n}: no themes (a list, possibly empty) or theme")
        names = [given] if isinstance(given, str) else list(given)
        rows.append({**row, "themes": sorted({_resolve(taxonomy, x, path, n) for x in names})})
    return rows


@dataclass(frozen=True)
class LabelledPassage:
    doc: str
    text: str
    themes: frozenset[str]
    prev: str = ""  # the passage before it, as the themes stage sees it
    unit: tuple[str, ...] = ()  # the passages of its whole paragraph (or list item), itself included
    scope: str = ""  # what its document says it is about (``extractors.themes.extract.scope_texts``)


def locate_rows(rows: list[dict], corpus_dir: Path) -> list[LabelledPassage]:
    """Each row's passage text (segmenter passages; the quote is inside one)."""
    cache: dict[str, list] = {}
    out = []
    for r in rows:
        if r["doc"] not in cache:
            doc = read_path(Path(corpus_dir) / r["doc"], r["doc"])
            seg = segment(doc)
            areas = [a.text for a in understand(doc, seg).areas_covered]  # as the themes stage reads them
            cache[r["doc"]] = [(p.text, _plain(p.text), prev, unit, scope) for p, prev, unit, scope in
                               zip(seg.passages, previous_texts(seg.passages), unit_members(seg.passages),
                                   scope_texts(seg, seg.passages, areas))]
        q = _plain(r["quote"])
        hits = [(text, prev, unit, scope) for text, plain, prev, unit, scope in cache[r["doc"]] if q in plain]
        if len(hits) != 1:
            raise ValueError(f"{r['doc']}: quote found in {len(hits)} passages: {r['quote'][:60]!r}")
        text, prev, unit, scope = hits[0]
        out.append(LabelledPassage(r["doc"], text, frozenset(r["themes"]), prev, unit, scope))
    return out


def read_review(path: Path, taxonomy: Taxonomy) -> dict[tuple[str, str], dict[str, bool]]:
    """A review of tuning labels (``models/data/themes_review.jsonl``): rows
    ``{doc, quote, verdicts: {theme: true|false}}``, keyed by (doc, the quote
    normalised as labels are matched)."""
    out: dict[tuple[str, str], dict[str, bool]] = {}
    for n, row in _json_rows(path):
        verdicts = row.get("verdicts")
        if not row.get("doc") or not row.get("quote") or not isinstance(verdicts, dict) or \
                not all(isinstance(v, bool) for v in verdicts.values()):
            raise ValueError(f"{path}: line {n}: doc, quote and verdicts ({{theme: true|false}}) are required")
        resolved = {_resolve(taxonomy, t, path, n): v for t, v in verdicts.items()}
        out.setdefault((row["doc"], _plain(row["quote"])), {}).update(resolved)
    return out


def apply_review(rows: list[dict], review: dict[tuple[str, str], dict[str, bool]]) -> tuple[list[dict], int]:
    """``rows`` with each reviewed theme set to its verdict (added when true,
    removed when false), and how many (passage, theme) labels that changed."""
    out, changed = [], 0
    for r in rows:
        verdicts = review.get((r["doc"], _plain(r["quote"])))
        if not verdicts:
            out.append(r)
            continue
        themes = set(r["themes"])
        new = (themes | {t for t, v in verdicts.items() if v}) - {t for t, v in verdicts.items() if not v}
        changed += len(themes ^ new)
        out.append({**r, "themes": sorted(new)})
    return out, changed

"""`ofsted-mine bench`: this project's ingest against bare pdfplumber, in one run.

For the same PDFs: the baseline is ``pdfplumber`` ``extract_text()`` on every
page; ours is the ingest's own steps (read, segment, load into a temporary
warehouse), timed per stage. Prefect's start-up is not part of either.
"""
from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

import pdfplumber
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from corpus.discover import DiscoveredFile
from corpus.document import SourceMeta
from extractors.findings.encoder import resolve_precision
from extractors.sentences import load_splitter
from pipeline import steps
from pipeline.stages import STAGES
from pipeline.settings import Settings
from warehouse.db import connect


def pdfplumber_baseline(path: Path) -> int:
    """Bare pdfplumber: extract_text on every page. Returns the page count."""
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def run_bench(folder: Path, settings: Settings, limit: int | None = None, as_json: bool = False) -> dict:
    pdfs = sorted(Path(folder).rglob("*.pdf")) if Path(folder).is_dir() else [Path(folder)]
    if limit:
        pdfs = pdfs[:limit]
    if not pdfs:
        raise SystemExit(f"no PDFs under {folder}")
    console = Console(stderr=True)
    load_splitter(settings.spacy_model, settings.sentence_mode)  # model loading is not timed
    timings = {"pdfplumber": 0.0, "read": 0.0} | {s.name: 0.0 for s in STAGES} | {"load": 0.0}
    pages = 0
    passages = 0
    with tempfile.TemporaryDirectory() as tmp, Progress(console=console, transient=True) as bar:
        job = bar.add_task("pdfplumber", total=len(pdfs))
        for pdf in pdfs:
            t0 = time.perf_counter()
            pages += pdfplumber_baseline(pdf)
            timings["pdfplumber"] += time.perf_counter() - t0
            bar.advance(job)
        con = connect(Path(tmp) / "bench.duckdb")
        job = bar.add_task("ofsted-mine", total=len(pdfs))
        for pdf in pdfs:
            t0 = time.perf_counter()
            doc = steps.read_step(DiscoveredFile(pdf, pdf.name, SourceMeta()))
            timings["read"] += time.perf_counter() - t0
            done: dict = {}
            for stage in STAGES:
                t0 = time.perf_counter()
                done[stage.name] = steps.run_stage(stage.name, doc, done, settings)
                timings[stage.name] += time.perf_counter() - t0
            t0 = time.perf_counter()
            passages += steps.load_step(con, doc, done, None)
            timings["load"] += time.perf_counter() - t0
            bar.advance(job)
        con.close()
    ours = sum(v for k, v in timings.items() if k != "pdfplumber")
    result = {
        "folder": str(folder),
        "files": len(pdfs),
        "pages": pages,
        "passages": passages,
        "seconds": {k: round(v, 2) for k, v in timings.items()} | {"ofsted_mine_total": round(ours, 2)},
        "pages_per_second": {k: round(pages / v, 1) for k, v in timings.items() if v}
        | {"ofsted_mine_total": round(pages / ours, 1)},
        "speedup_vs_pdfplumber": round(timings["pdfplumber"] / ours, 2),
        "sentence_mode": settings.sentence_mode,
        "encoder_precision": resolve_precision(settings.encoder_precision),
    }
    if as_json:
        print(json.dumps(result, indent=2))
    else:
        _print(result)
    return result


def _print(result: dict) -> None:
    console = Console()
    console.print(f"[bold]{result['files']}[/bold] PDFs, {result['pages']} pages, from {result['folder']}")
    table = Table()
    for col in ("stage", "seconds", "pages/s"):
        table.add_column(col, justify="right" if col != "stage" else "left")
    names = [("pdfplumber", "pdfplumber extract_text (baseline)")]
    names += [(k, f"ofsted-mine {k}") for k in result["seconds"] if k not in ("pdfplumber", "ofsted_mine_total")]
    names += [("ofsted_mine_total", "ofsted-mine total")]
    for key, label in names:
        table.add_row(label, f"{result['seconds'][key]:.1f}", f"{result['pages_per_second'].get(key, 0):.1f}")
    console.print(table)
    console.print(f"ofsted-mine is [bold]{result['speedup_vs_pdfplumber']}x[/bold] the speed of bare pdfplumber")

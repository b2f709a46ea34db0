"""Reading and processing the documents an evaluation needs, with a progress
bar: the same steps as ingest (read, then the extraction stages), no warehouse."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterator

from rich.console import Console
from rich.progress import Progress

from corpus.discover import DiscoveredFile, discover
from corpus.document import Document
from pipeline import steps
from pipeline.settings import Settings


def process(
    corpus_dir: Path,
    settings: Settings,
    select: Callable[[DiscoveredFile], bool] | None = None,
    until: str = "understand",
    show_progress: bool = True,
) -> Iterator[tuple[DiscoveredFile, Document, dict]]:
    """Yield (file, document, stage results up to ``until``) for each document
    of the corpus that ``select`` accepts. Unreadable files are skipped (ingest
    records them; evaluation needs documents)."""
    files = [f for f in discover([Path(corpus_dir)]).files if select is None or select(f)]
    with Progress(console=Console(stderr=True), transient=True, disable=not show_progress) as bar:
        job = bar.add_task("reading", total=len(files))
        for item in files:
            try:
                doc = steps.read_step(item)
            except Exception:
                bar.advance(job)
                continue
            done = steps.run_stages(doc, settings, until)
            bar.advance(job)
            yield item, doc, done

"""`ofsted-mine ingest`: take the warehouse lock, run the flow with a progress
bar, print the summary."""
from __future__ import annotations

import json
import time

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from pipeline import progress
from pipeline.settings import Settings


class _Bar:
    def __init__(self, bar: Progress) -> None:
        self.bar = bar
        self.task = None

    def start(self, total: int) -> None:
        self.task = self.bar.add_task("ingest", total=total, current="")

    def advance(self, source: str, status: str) -> None:
        self.bar.update(self.task, advance=1, current=f"{status:9} {source[-60:]}")


def run_ingest(paths: list[str], settings: Settings, quiet: bool = False, as_json: bool = False):
    from pipeline.cli import prepare_prefect
    from warehouse.db import connect

    console = Console(stderr=True)
    # Open (and lock) the warehouse before Prefect's start-up, so that a second
    # writer is told at once that the warehouse is busy. The flow's own
    # connections in this process share this one's database instance.
    holder = connect(settings.db_path)
    prepare_prefect(settings)
    t0 = time.perf_counter()
    from pipeline.flows import ingest

    import_seconds = time.perf_counter() - t0
    bar = None
    if not quiet:
        bar = Progress(
            TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
            TextColumn("{task.fields[current]}"), console=console, transient=True,
        )
        bar.start()
        progress.install(_Bar(bar))
        console.print("starting Prefect (a temporary local server takes a few seconds)...", style="dim")
    try:
        t1 = time.perf_counter()
        summary = ingest([str(p) for p in paths], settings)
        total = time.perf_counter() - t1
    finally:
        progress.install(None)
        if bar is not None:
            bar.stop()
        holder.close()
    startup = max(0.0, total - summary.seconds) + import_seconds
    if as_json:
        print(json.dumps(_as_dict(summary, startup), indent=2))
    else:
        from pipeline.report import print_summary

        print_summary(summary, startup)
    return summary


def _as_dict(summary, startup: float) -> dict:
    return {
        "run_id": summary.run_id,
        "db": summary.db_path,
        "documents": {k: summary.counts[k] for k in ("new", "updated", "unchanged", "failed", "skipped")},
        "pages": summary.counts["pages"],
        "passages": summary.counts["passages"],
        "seconds": round(summary.seconds, 2),
        "prefect_startup_seconds": round(startup, 2),
        "failures": [
            {"source": o.source, "stage": o.stage, "code": o.code, "reason": o.reason} for o in summary.failed
        ],
    }

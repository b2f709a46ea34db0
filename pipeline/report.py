"""Printing results for people: summaries and tables (rich)."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

console = Console()


def print_summary(summary, startup_seconds: float) -> None:
    c = summary.counts
    console.print(
        f"[bold]documents[/bold]: {c['new']} new, {c['updated']} updated, {c['unchanged']} unchanged, "
        f"{c['failed']} failed, {c['skipped']} skipped"
    )
    console.print(f"[bold]pages[/bold]: {c['pages']}   [bold]passages[/bold]: {c['passages']}")
    console.print(
        f"[bold]seconds[/bold]: {summary.seconds:.1f} (plus {startup_seconds:.1f} s Prefect start-up)   "
        f"[bold]warehouse[/bold]: {summary.db_path}"
    )
    skipped = [o for o in summary.outcomes if o.status == "skipped"]
    for o in skipped:
        console.print(f"  skipped {o.source}: {o.reason}", style="dim")
    if summary.failed:
        table = Table(title="failed files (also in the ingest_errors table)", show_lines=False)
        for col in ("file", "stage", "code", "reason"):
            table.add_column(col, overflow="fold")
        for o in summary.failed:
            table.add_row(o.source, o.stage or "", o.code or "", o.reason or "")
        console.print(table)


def print_status(db_path: str, info: dict) -> None:
    console.print(f"[bold]warehouse[/bold] {db_path}")
    table = Table(title="migrations applied")
    for col in ("version", "name", "applied at"):
        table.add_column(col)
    for m in info["migrations"]:
        table.add_row(f"{m['version']:03d}", m["name"], m["applied_at"])
    console.print(table)
    table = Table(title="tables")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, n in info["tables"].items():
        table.add_row(name, f"{n:,}")
    console.print(table)
    console.print("[bold]views[/bold]: " + ", ".join(info["views"]))


def print_passages(rows: list[dict]) -> None:
    """Each passage as a citation line (document, page, section) and its text."""
    if not rows:
        console.print("no passages match")
        return
    for r in rows:
        page = f"p.{r['page']}" if r["page"] == r["page_end"] else f"pp.{r['page']}-{r['page_end']}"
        section = f" · {r['section']}" if r.get("section") else ""
        console.print(f"[bold]{r['document']}[/bold] {page}[dim]{section}[/dim]", highlight=False)
        console.print(f"  {r['text']}", highlight=False, soft_wrap=False)


def print_documents(rows: list[dict]) -> None:
    """One line per document: authority, date, kind, counts, file name."""
    if not rows:
        console.print("no documents match")
        return
    for r in rows:
        name = r["document"].rsplit("/", 1)[-1]
        counts = f"{r['n_pages']} pp, {r['n_passages']} passages, {r['n_grades']} grades"
        if r["n_warnings"]:
            counts += f", {r['n_warnings']} warnings"
        console.print(
            f"{(r['local_authority'] or '?'):<16} {str(r['date'] or ''):<10}  {(r['kind'] or ''):<16} {counts:<36} {name}",
            highlight=False, soft_wrap=True,
        )


def _number(value: float, unit: str) -> str:
    if unit == "GBP":
        return f"£{value:,.0f}" if value >= 100 else f"£{value:,.2f}"
    if unit == "percent":
        return f"{value:g}%"
    if unit == "ratio":
        return f"{value:.3g}"
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"
    return text if unit == "count" else f"{text} {unit}"


def print_figure_series(rows: list[dict]) -> None:
    """Each metric as a readable series: date, value, role, citation."""
    if not rows:
        console.print("no figures match")
        return
    metric = None
    for r in rows:
        if r["metric"] != metric:
            metric = r["metric"]
            console.print(f"\n[bold]{metric}[/bold]")
        value = _number(r["value"], r["unit"]) + (f" per {r['per']}" if r["per"] else "")
        notes = ", ".join(x for x in (r["role"] if r["role"] != "observed" else "", r["qualifier"] or "") if x)
        console.print(
            f"  {str(r['date'] or '?'):<10}  {value:>14}  {notes:<20} {r['document'].rsplit('/', 1)[-1]} p.{r['page']}",
            highlight=False, soft_wrap=True,
        )
        console.print(f"  {'':<10}  [dim]{r['measure'] or ''}: \"{r['text']}\"[/dim]", highlight=False, soft_wrap=True)


def print_findings(rows: list[dict]) -> None:
    """Findings grouped by document: label, probability, text, page."""
    if not rows:
        console.print("no findings match")
        return
    document = None
    colour = {"strength": "green", "improvement": "red", "neutral": "dim"}
    for r in rows:
        if r["document"] != document:
            document = r["document"]
            console.print(f"\n[bold]{r['date'] or '?'}  {r['document_kind']}  {document}[/bold]", highlight=False)
        tag = "recommendation " + str(r["item_no"]) if r["kind"] == "recommendation" else r["label"]
        who = f" ({r['made_by']})" if r["made_by"] and r["made_by"] != "inspectors" else ""
        area = f" \\[{r['area']}]" if r["area"] else ""
        console.print(
            f"  [{colour.get(r['label'], '')}]{tag:<17}[/] {r['probability']:.2f}{area}{who} p.{r['page']}: {r['text']}",
            highlight=False, soft_wrap=True,
        )

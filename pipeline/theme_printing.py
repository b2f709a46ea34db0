"""Printing theme results for people (rich tables)."""
from __future__ import annotations

from rich.console import Console

from warehouse.theme_queries import shown_date

console = Console()


def _pages(pages) -> str:
    pages = list(pages or [])
    return ("p." if len(pages) == 1 else "pp.") + ",".join(str(p) for p in pages[:8]) + ("…" if len(pages) > 8 else "")


def print_theme_summary(rows: list[dict], title: str) -> None:
    """One line per theme, most documents first."""
    if not rows:
        console.print("no themes found (has the themes stage run? `ofsted-mine ingest` runs it)")
        return
    console.print(f"[bold]{title}[/bold]", highlight=False)
    console.print(f"[dim]{'theme':<24} {'docs':>5} {'passages':>8} {'strengths':>9} {'improve':>7} {'recs':>5}  years[/dim]")
    for r in rows:
        years = f"{r['first'].year}-{r['last'].year}" if r["first"] and r["last"] else ""
        console.print(f"{r['theme']:<24} {r['documents']:>5} {r['passages']:>8} {r['strengths']:>9} "
                      f"{r['improvements']:>7} {r['recommendations']:>5}  {years}", highlight=False)


_COLOUR = {"improvement": "red", "strength": "green", "mixed": "yellow", "neutral": "dim"}


def _status(status: str | None, width: int = 0) -> str:
    status = status or ""
    return f"[{_COLOUR.get(status, 'default')}]{status:<{width}}[/]"


def print_timeline(rows: list[dict], local_authority: str) -> None:
    """Document by document in date order; under each, one line per theme:
    strengths (S), areas for improvement (I), neutral passages (N), status,
    pages, and an example passage with its page."""
    if not rows:
        console.print(f"no themes for {local_authority}")
        return
    console.print(f"[bold]{local_authority}[/bold]: themes across {len({r['document'] for r in rows})} documents "
                  "(S strengths, I areas for improvement, N neutral passages)", highlight=False)
    last_doc = None
    for r in rows:
        if r["document"] != last_doc:
            last_doc = r["document"]
            console.print(f"\n[bold]{shown_date(r)}  {r['document_kind'] or ''}[/bold]  {r['document']}",
                          highlight=False)
        example = r.get("example") or ""
        if len(example) > 150:
            example = example[:147] + "…"
        console.print(f"  {r['theme']:<24} {r['strengths']:>3}S {r['improvements']:>3}I {r['neutral']:>3}N  "
                      f"{_status(r['status'], 12)} {_pages(r['pages'])}", highlight=False)
        if example:
            console.print(f"  [dim]{'':<24} p.{r['example_page']}: {example}[/dim]", highlight=False)


def print_trajectory(rows: list[dict]) -> None:
    if not rows:
        return
    console.print("\n[bold]Trajectories[/bold]: first raised as an area for improvement, then each document's treatment")
    for r in rows:
        first = f"first raised {r['first_raised']} in {(r['first_raised_in'] or '').rsplit('/', 1)[-1]}" \
            if r["first_raised"] else "never raised as an area for improvement"
        latest = _status(r["latest_status"])
        console.print(f"  [bold]{r['theme']}[/bold]: {first}; latest {latest} ({r['latest_date'] or 'undated'})",
                      highlight=False)
        console.print(f"    [dim]{r['history']}[/dim]", highlight=False)


def print_candidates(candidates, texts: list[str], sources: list[str], total: int) -> None:
    console.print(f"[bold]{len(candidates)} candidate themes[/bold] from {total} passages that fit no theme")
    for c in candidates:
        near = f"nearest theme {c.nearest_theme} ({c.nearest_similarity:.2f})" if c.nearest_theme else ""
        console.print(f"\n[bold]#{c.cluster}: {c.label}[/bold]  {c.size} passages, cohesion {c.cohesion:.2f}  "
                      f"[dim]{near}[/dim]", highlight=False)
        for i in c.examples:
            text = texts[i] if len(texts[i]) <= 200 else texts[i][:197] + "…"
            console.print(f"  - {text} [dim]({sources[i]})[/dim]", highlight=False)

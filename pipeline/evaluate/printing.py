"""Printing evaluation results for people (the --json form is the dict itself)."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

console = Console()


def _fmt(value) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def print_agreement(result: dict) -> None:
    """Agreement per field, counts, then every disagreement."""
    console.print(f"[bold]n[/bold] = {result.get('n')}")
    table = Table(title="agreement")
    for col in ("field", "agreement", "compared"):
        table.add_column(col, justify="left" if col == "field" else "right")
    compared = result.get("compared", {})
    for field, value in result.get("agreement", {}).items():
        table.add_row(field, _fmt(value), str(compared.get(field, "")))
    console.print(table)
    for key, value in result.items():
        if key not in ("n", "agreement", "compared", "disagreements") and not isinstance(value, (list, dict)):
            console.print(f"{key}: {_fmt(value)}")
    for key, value in result.items():
        if isinstance(value, dict) and key not in ("agreement", "compared"):
            console.print(f"[bold]{key}[/bold]: " + ", ".join(f"{k}={_fmt(v)}" for k, v in value.items()))
    disagreements = result.get("disagreements", [])
    if disagreements:
        table = Table(title=f"disagreements ({len(disagreements)})", show_lines=True)
        columns = list(disagreements[0].keys())
        for col in columns:
            table.add_column(col, overflow="fold")
        for d in disagreements:
            table.add_row(*(_fmt(d.get(c, "")) for c in columns))
        console.print(table)

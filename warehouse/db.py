"""Opening the warehouse: one DuckDB file, migrated and with fresh views.

DuckDB lets one process write a file at a time; a second writer gets
:class:`WarehouseBusy` with a plain message instead of DuckDB's IO error.
"""
from __future__ import annotations

from pathlib import Path

import duckdb

from warehouse.errors import WarehouseBusy, WarehouseError
from warehouse.migrations import applied, migrate
from warehouse.views import create_views


def connect(path: Path | str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) the warehouse file; migrate and recreate views
    unless ``read_only``."""
    path = Path(path)
    if read_only and not path.exists():
        raise WarehouseError(f"no warehouse at {path}; run `ofsted-mine ingest` first")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        message = str(exc)
        if "lock" in message.lower():
            raise WarehouseBusy(str(path), message) from exc
        raise WarehouseError(f"cannot open warehouse {path}: {message}") from exc
    if not read_only:
        migrate(con)
        create_views(con)
    return con


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row counts of every base table, by name."""
    names = [
        r[0]
        for r in con.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_type = 'BASE TABLE' AND table_schema = 'main' ORDER BY table_name"
        ).fetchall()
    ]
    return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def status(con: duckdb.DuckDBPyConnection) -> dict:
    """Applied migrations, row counts and views, for ``ofsted-mine db status``."""
    migrations = [
        {"version": v, "name": n, "applied_at": str(a)} for v, (n, _c, a) in sorted(applied(con).items())
    ]
    views = [
        r[0]
        for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'VIEW' ORDER BY 1"
        ).fetchall()
    ]
    return {"migrations": migrations, "tables": table_counts(con), "views": views}


def connect_for_queries(path: Path | str) -> duckdb.DuckDBPyConnection:
    """Open an existing warehouse to query it. Opened for writing when it can
    be, so that a warehouse made by an older version gets its migrations and
    this version's views; read-only when the file cannot be written."""
    path = Path(path)
    if not path.exists():
        raise WarehouseError(f"no warehouse at {path}; run `ofsted-mine ingest` first")
    try:
        return connect(path)
    except WarehouseBusy:
        raise
    except (WarehouseError, duckdb.Error, OSError):
        return connect(path, read_only=True)

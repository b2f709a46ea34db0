"""Numbered schema migrations: ``migrations/NNN_name.sql``, applied in order.

Each migration runs in one transaction together with its row in
``schema_migrations``. An applied migration is never edited: its checksum is
recorded and checked on every open. Listing pending migrations changes nothing.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from importlib import resources

import duckdb

from warehouse.errors import MigrationError

_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")

BOOTSTRAP = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,
    name        VARCHAR NOT NULL,
    checksum    VARCHAR NOT NULL,
    applied_at  TIMESTAMP DEFAULT current_timestamp
);
COMMENT ON TABLE schema_migrations IS 'Schema migrations applied to this warehouse, in order (warehouse/migrations/*.sql).';
COMMENT ON COLUMN schema_migrations.version IS 'Migration number (the NNN of NNN_name.sql).';
COMMENT ON COLUMN schema_migrations.name IS 'Migration name.';
COMMENT ON COLUMN schema_migrations.checksum IS 'SHA-256 of the migration file when it was applied; an applied migration must never change.';
COMMENT ON COLUMN schema_migrations.applied_at IS 'When it was applied (UTC).';
"""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode()).hexdigest()


def available() -> list[Migration]:
    folder = resources.files("warehouse") / "migrations"
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise MigrationError(f"two migration files share a number: {versions}")
    return found


def applied(con: duckdb.DuckDBPyConnection) -> dict[int, tuple[str, str, object]]:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchone()[0]
    if not exists:
        return {}
    rows = con.execute("SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version").fetchall()
    return {v: (n, c, a) for v, n, c, a in rows}


def pending(con: duckdb.DuckDBPyConnection) -> list[Migration]:
    done = applied(con)
    for m in available():
        if m.version in done and done[m.version][1] != m.checksum:
            raise MigrationError(
                f"migration {m.version:03d}_{m.name} was edited after it was applied; "
                "add a new migration instead of changing an applied one"
            )
    return [m for m in available() if m.version not in done]


def migrate(con: duckdb.DuckDBPyConnection) -> list[Migration]:
    """Apply every pending migration; return those applied."""
    con.execute(BOOTSTRAP)
    todo = pending(con)
    for m in todo:
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(m.sql)
            con.execute(
                "INSERT INTO schema_migrations (version, name, checksum) VALUES (?, ?, ?)",
                [m.version, m.name, m.checksum],
            )
            con.execute("COMMIT")
        except Exception as exc:
            con.execute("ROLLBACK")
            raise MigrationError(f"migration {m.version:03d}_{m.name} failed: {exc}") from exc
    return todo

"""Read-only queries behind the command line's listing commands."""
from __future__ import annotations

import duckdb


def find_passages(
    con: duckdb.DuckDBPyConnection,
    contains: str | None = None,
    section: str | None = None,
    local_authority: str | None = None,
    limit: int = 20,
) -> list[dict]:
    """Passages with citations, filtered; in document and passage order."""
    where, params = [], []
    if contains:
        where.append("text ILIKE ?")
        params.append(f"%{contains}%")
    if section:
        where.append("section ILIKE ?")
        params.append(f"%{section}%")
    if local_authority:
        where.append("local_authority ILIKE ?")
        params.append(local_authority)
    sql = (
        "SELECT document, page, page_end, section, kind, text FROM passages_cited"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY document, passage_no LIMIT ?"
    )
    cur = con.execute(sql, params + [limit])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]

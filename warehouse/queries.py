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
    """Passages with citations (headings left out), filtered; in document and passage order."""
    where, params = ["kind <> 'heading'"], []
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
        "SELECT document, page, page_end, section, kind, text, local_authority FROM passages_cited"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY document, passage_no LIMIT ?"
    )
    return _dicts(con.execute(sql, params + [limit]))


def list_documents(
    con: duckdb.DuckDBPyConnection, local_authority: str | None = None, kind: str | None = None, limit: int = 50
) -> list[dict]:
    """One line per document (document_summary), filtered, by authority and date."""
    where, params = [], []
    if local_authority:
        where.append("(local_authority ILIKE ? OR source_local_authority ILIKE ?)")
        params += [local_authority, local_authority]
    if kind:
        where.append("kind = ?")
        params.append(kind)
    sql = (
        "SELECT document, kind, local_authority, date, n_pages, n_sections, n_passages, n_grades, n_warnings "
        "FROM document_summary" + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY local_authority, date, document LIMIT ?"
    )
    return _dicts(con.execute(sql, params + [limit]))


def figure_series(
    con: duckdb.DuckDBPyConnection, local_authority: str, metric: str | None = None, limit: int = 200
) -> list[dict]:
    """An authority's figures from figure_series, by metric and date (figures
    with no metric are left out unless a metric is asked for)."""
    where, params = ["local_authority ILIKE ?"], [local_authority]
    if metric:
        where.append("metric = ?")
        params.append(metric)
    else:
        where.append("metric IS NOT NULL")
    sql = (
        "SELECT metric, date, value, unit, per, role, qualifier, measure, text, document, page FROM figure_series WHERE "
        + " AND ".join(where) + " ORDER BY metric, date NULLS LAST, document, figure_no LIMIT ?"
    )
    return _dicts(con.execute(sql, params + [limit]))


def cited_findings(
    con: duckdb.DuckDBPyConnection, local_authority: str, label: str | None = None, kind: str | None = None,
    area: str | None = None, min_probability: float = 0.0, limit: int = 200,
) -> list[dict]:
    """An authority's findings from findings_cited, in date and document order
    (without a label: strengths and improvements, not neutral passages)."""
    where, params = ["local_authority ILIKE ?", "probability >= ?"], [local_authority, min_probability]
    if not label:
        where.append("label <> 'neutral'")
    for column, value in (("label", label), ("kind", kind), ("area", area)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    sql = (
        "SELECT date, document_kind, area, grade, kind, label, probability, made_by, item_no, text, document, page "
        "FROM findings_cited WHERE " + " AND ".join(where)
        + " ORDER BY date NULLS LAST, document, passage_no LIMIT ?"
    )
    return _dicts(con.execute(sql, params + [limit]))


def _dicts(cur: duckdb.DuckDBPyConnection) -> list[dict]:
    """The rows of an executed query as dicts keyed by column name."""
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]

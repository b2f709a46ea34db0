"""Read-only queries over the theme views (theme_timeline, theme_trajectory,
theme_prevalence, recommendation_followups) and the tables behind them."""
from __future__ import annotations

import duckdb

from warehouse.errors import WarehouseError
from warehouse.queries import _dicts


def _source(view: str, min_score: float | None) -> tuple[str, list]:
    """The view, or its table macro at ``min_score`` (only tags scoring at
    least that), with the macro's parameter."""
    return (view, []) if min_score is None else (f"{view}_at(?)", [min_score])


def _run(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> list[dict]:
    try:
        return _dicts(con.execute(sql, params))
    except duckdb.CatalogException as exc:
        if "_at" not in str(exc):
            raise
        raise WarehouseError("this warehouse predates the score filter (theme_timeline_at): open it once with "
                             "write access (any ofsted-mine command does) to update its views") from exc


def _la_filter(local_authority: str | None, where: list[str], params: list, column: str = "local_authority") -> None:
    if local_authority:
        where.append(f"{column} ILIKE ?")
        params.append(local_authority)


def known_authority(con: duckdb.DuckDBPyConnection, local_authority: str) -> bool:
    return con.execute("SELECT count(*) FROM documents_dated WHERE local_authority ILIKE ?",
                       [local_authority]).fetchone()[0] > 0


def theme_summary(con: duckdb.DuckDBPyConnection, local_authority: str | None = None, since: int | None = None,
                  kind: str | None = None, min_score: float | None = None) -> list[dict]:
    """Per theme: documents and passages that raise it, strengths,
    improvements, recommendations, first and last date; most documents first.
    Only tags scoring at least ``min_score`` count (None: every tag)."""
    source, params = _source("theme_timeline", min_score)
    where = ["true"]
    _la_filter(local_authority, where, params)
    if since:
        where.append("year(date) >= ?")
        params.append(since)
    if kind:
        where.append("document_kind = ?")
        params.append(kind)
    sql = f"""
        SELECT theme, any_value(theme_label) AS label, count(DISTINCT doc_id) AS documents, sum(passages) AS passages,
               sum(strengths) AS strengths, sum(improvements) AS improvements,
               sum(recommendations) AS recommendations, min(date) AS first, max(date) AS last
        FROM {source} WHERE {' AND '.join(where)}
        GROUP BY theme ORDER BY documents DESC, passages DESC, theme"""
    return _run(con, sql, params)


def timeline(con: duckdb.DuckDBPyConnection, local_authority: str, themes: list[str] | None = None,
             since: int | None = None, min_score: float | None = None) -> list[dict]:
    """An authority's theme_timeline rows, in date order, with the page of
    the passage that best represents each (an improvement first, else a
    strength) and its text. Only tags scoring at least ``min_score`` count
    (None: every tag)."""
    source, params = _source("theme_timeline", min_score)
    tag_filter = "" if min_score is None else "WHERE t.score >= ?"
    params = ([min_score] if min_score is not None else []) + params + [local_authority]
    where = ["tl.local_authority ILIKE ?"]
    if themes:
        where.append(f"tl.theme IN ({', '.join('?' for _ in themes)})")
        params += list(themes)
    if since:
        where.append("year(tl.date) >= ?")
        params.append(since)
    sql = f"""
        WITH ranked AS (
            SELECT t.doc_id, t.theme_id AS theme, t.page, f.text,
                   (CASE f.label WHEN 'improvement' THEN 2 WHEN 'strength' THEN 1 ELSE 0 END) * 10 + t.score AS rank
            FROM theme_tags t LEFT JOIN findings f ON f.doc_id = t.doc_id AND f.passage_no = t.passage_no
            {tag_filter}
        ),
        best AS (
            SELECT doc_id, theme, arg_max(text, rank) AS example, arg_max(page, rank) AS example_page
            FROM ranked GROUP BY doc_id, theme
        )
        SELECT tl.date, tl.date_basis, tl.document_kind, tl.theme, tl.theme_label, tl.passages, tl.strengths, tl.improvements,
               tl.neutral, tl.recommendations, tl.status, tl.pages, tl.document, b.example, b.example_page
        FROM {source} tl LEFT JOIN best b ON b.doc_id = tl.doc_id AND b.theme = tl.theme
        WHERE {' AND '.join(where)}
        ORDER BY tl.date NULLS LAST, tl.document, tl.theme"""
    return _run(con, sql, params)


def shown_date(row: dict, short: bool = False) -> str:
    """A timeline row's date as shown: ``undated``, or the date, marked when
    it was read from the file name (``date_basis``: it places the document
    rather than dates it): "2021-01-01 (file name)", or "≈2021-01-01" where
    space is short."""
    if row.get("date") is None:
        return "undated"
    if row.get("date_basis") != "file name":
        return str(row["date"])
    return f"≈{row['date']}" if short else f"{row['date']} (file name)"


def trajectory(con: duckdb.DuckDBPyConnection, local_authority: str, themes: list[str] | None = None,
               min_score: float | None = None) -> list[dict]:
    source, params = _source("theme_trajectory", min_score)
    where = ["local_authority ILIKE ?"]
    params.append(local_authority)
    if themes:
        where.append(f"theme IN ({', '.join('?' for _ in themes)})")
        params += list(themes)
    sql = f"SELECT * FROM {source} WHERE {' AND '.join(where)} ORDER BY first_raised NULLS LAST, theme"
    return _run(con, sql, params)


def followups(con: duckdb.DuckDBPyConnection, local_authority: str) -> list[dict]:
    sql = "SELECT * FROM recommendation_followups WHERE local_authority ILIKE ?"
    return _dicts(con.execute(sql, [local_authority]))


def prevalence(con: duckdb.DuckDBPyConnection, kind: str | None = None) -> list[dict]:
    where, params = ["true"], []
    if kind:
        where.append("document_kind = ?")
        params.append(kind)
    return _dicts(con.execute(f"SELECT * FROM theme_prevalence WHERE {' AND '.join(where)}", params))


def grade_history(con: duckdb.DuckDBPyConnection, local_authority: str) -> list[dict]:
    sql = """SELECT date, kind, visit_number, graded, overall_effectiveness, impact_of_leaders, help_and_protection,
                    children_in_care, care_leavers, children_in_care_and_care_leavers, document
             FROM la_inspection_history WHERE local_authority ILIKE ? ORDER BY date NULLS LAST, document"""
    return _dicts(con.execute(sql, [local_authority]))


def figure_points(con: duckdb.DuckDBPyConnection, local_authority: str) -> list[dict]:
    """An authority's figures with a metric, as points for charts."""
    sql = """SELECT metric, date, value, unit, per, role, text, document, page FROM figure_series
             WHERE local_authority ILIKE ? AND metric IS NOT NULL AND date IS NOT NULL AND value IS NOT NULL
             ORDER BY metric, date, document"""
    return _dicts(con.execute(sql, [local_authority]))


def unthemed_passages(con: duckdb.DuckDBPyConnection, local_authority: str | None = None, min_words: int = 8,
                      limit: int | None = None, seed: float = 0.5) -> list[dict]:
    """Passages (not headings, at least ``min_words`` words) with no theme,
    in a deterministic pseudo-random order (a hash of the document and
    passage, salted with ``seed``), at most ``limit``."""
    where, params = ["p.kind <> 'heading'", "len(string_split(p.text, ' ')) >= ?"], [min_words]
    _la_filter(local_authority, where, params, "dd.local_authority")
    sql = f"""
        SELECT p.doc_id, p.passage_no, p.text, p.page, dd.document, dd.local_authority, dd.date
        FROM passages p
        JOIN documents_dated dd USING (doc_id)
        JOIN document_stages s ON s.doc_id = p.doc_id AND s.stage = 'themes'
        WHERE {' AND '.join(where)}
          AND NOT EXISTS (SELECT 1 FROM theme_tags t WHERE t.doc_id = p.doc_id AND t.passage_no = p.passage_no)
        ORDER BY hash(p.doc_id || ':' || p.passage_no || ':' || ?::VARCHAR), p.doc_id, p.passage_no
        {'LIMIT ?' if limit else ''}"""
    params.append(str(seed))
    if limit:
        params.append(limit)
    return _dicts(con.execute(sql, params))

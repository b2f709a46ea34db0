"""Researcher-facing views, recreated from ``views/*.sql`` on every open.

Each file holds one ``CREATE OR REPLACE VIEW`` (plus its ``COMMENT ON VIEW``),
and the theme files also the table macro the view is built on
(``theme_timeline_at(min_score)``, ``theme_trajectory_at(min_score)``: the
same rows from tags scoring at least ``min_score``; the views are these at NULL,
every tag); files are applied in name
order so a view may build on an earlier one.
"""
from __future__ import annotations

from importlib import resources

import duckdb


def view_files() -> list[tuple[str, str]]:
    folder = resources.files("warehouse") / "views"
    return sorted((e.name, e.read_text(encoding="utf-8")) for e in folder.iterdir() if e.name.endswith(".sql"))


def create_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    names = []
    for name, sql in view_files():
        con.execute(sql)
        names.append(name.removesuffix(".sql"))
    return names

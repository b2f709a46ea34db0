"""Fixtures shared by every test folder."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ENV_CORPUS = "OFSTED_CORPUS"


def corpus_path() -> Path:
    """``$OFSTED_CORPUS``, else ``../shared/corpus`` relative to the repository root."""
    env = os.environ.get(ENV_CORPUS)
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The real corpus of Ofsted reports and council papers; skips the test when it is absent."""
    path = corpus_path()
    if not path.is_dir():
        pytest.skip(f"the real corpus is not at {path} (set {ENV_CORPUS})")
    return path


def pytest_collection_modifyitems(config, items):
    """Tests that use ``corpus_dir`` carry the ``corpus`` mark (deselect with -m 'not corpus')."""
    for item in items:
        if "corpus_dir" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.corpus)


MIDDLESBROUGH = (
    "focused_visits/middlesbrough_2018-08-31.pdf",
    "monitoring_visits/middlesbrough_2022-08-17_monitoring-visit.md",
    "focused_visits/middlesbrough_2026-01-27.pdf",
    "minutes/middlesbrough_2021-q1_childrens-scrutiny-panel.txt",
)


@pytest.fixture(scope="session")
def middlesbrough_warehouse(corpus_dir, tmp_path_factory) -> Path:
    """A small real warehouse: four Middlesbrough documents (2018 focused
    visit, 2022 monitoring visit, 2026 focused visit, 2021 scrutiny panel
    minutes) through the real ingest flow, every stage included."""
    from click.testing import CliRunner

    from pipeline.cli import main

    os.environ.setdefault("PREFECT_HOME", str(tmp_path_factory.mktemp("prefect-home-themes")))
    db = tmp_path_factory.mktemp("themes-warehouse") / "middlesbrough.duckdb"
    result = CliRunner().invoke(main, ["ingest", "-q", *(str(corpus_dir / p) for p in MIDDLESBROUGH), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db

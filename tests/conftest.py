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

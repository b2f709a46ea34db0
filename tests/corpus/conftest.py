"""Fixtures for the corpus tests: the shared real corpus, the samples, the bad inputs."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ENV_CORPUS, corpus_path
from tests.corpus.badfiles import write_bad_inputs

REPO_ROOT = Path(__file__).resolve().parents[2]
SAMPLES = REPO_ROOT / "corpus" / "samples"


def shared_corpus_path() -> Path:
    """``$OFSTED_CORPUS``, else ``<repo>/../shared/corpus`` (see tests/conftest.py)."""
    return corpus_path()


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    """The shared real corpus; tests that use it are skipped when it is absent."""
    path = shared_corpus_path()
    if not (path / "MANIFEST.csv").is_file():
        pytest.skip(f"the shared corpus is not at {path} (set {ENV_CORPUS})")
    return path


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def bad_inputs(tmp_path_factory) -> dict[str, tuple[Path, str | None]]:
    return write_bad_inputs(tmp_path_factory.mktemp("bad-inputs"))


def pytest_collection_modifyitems(config, items):
    """Tests that use the shared corpus carry the ``corpus`` mark (deselect with -m 'not corpus')."""
    here = Path(__file__).parent
    for item in items:
        if "shared_corpus" in getattr(item, "fixturenames", ()) and here in Path(item.path).parents:
            item.add_marker(pytest.mark.corpus)

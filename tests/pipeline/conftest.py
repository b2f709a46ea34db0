from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.settings import PROJECT_ROOT

SAMPLES = PROJECT_ROOT / "corpus" / "samples"


@pytest.fixture(scope="session", autouse=True)
def prefect_home(tmp_path_factory):
    """Prefect writes its state under a temporary PREFECT_HOME, never ~/.prefect."""
    home = tmp_path_factory.mktemp("prefect-home")
    os.environ["PREFECT_HOME"] = str(home)
    return home


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES

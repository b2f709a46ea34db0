"""Every command explains itself, and the README names every command."""
from __future__ import annotations

import click
import pytest

from pipeline.cli import main
from pipeline.settings import PROJECT_ROOT


def _commands(group: click.Group, prefix=()):
    for name, cmd in group.commands.items():
        yield prefix + (name,), cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, prefix + (name,))


ALL = [("",)] + [path for path, _ in _commands(main)]


@pytest.mark.parametrize("path", ALL, ids=lambda p: " ".join(p) or "ofsted-mine")
def test_help_explains(runner, path):
    args = [p for p in path if p] + ["--help"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    body = result.output.split("\n\n", 1)[1]
    assert len(body.split()) >= 8, f"{' '.join(path)} --help says too little"


@pytest.mark.parametrize("path", [p for p, _ in _commands(main)], ids=" ".join)
def test_readme_mentions_command(path):
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert f"ofsted-mine {' '.join(path)}" in readme

"""Progress reporting without tying the flow to a terminal.

The CLI installs a reporter (a rich progress bar); the flow calls
:func:`advance` after each file. With no reporter installed, nothing happens.
"""
from __future__ import annotations

from typing import Protocol


class Reporter(Protocol):
    def start(self, total: int) -> None: ...
    def advance(self, source: str, status: str) -> None: ...


class _Null:
    def start(self, total: int) -> None:
        pass

    def advance(self, source: str, status: str) -> None:
        pass


_current: Reporter = _Null()


def install(reporter: Reporter | None) -> None:
    global _current
    _current = reporter or _Null()


def start(total: int) -> None:
    _current.start(total)


def advance(source: str, status: str) -> None:
    _current.advance(source, status)

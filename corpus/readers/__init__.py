"""Readers: bytes of one file in, a Document out (or a ReadError)."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from corpus.document import Document
from corpus.errors import ReadError
from corpus.hashing import sha256_bytes

Reader = Callable[[bytes, str, str], Document]

SUPPORTED_SUFFIXES = (".pdf", ".html", ".htm", ".txt", ".md", ".markdown")
TABLE_SUFFIXES = (".csv", ".xlsx", ".xls", ".tsv")


def reader_for(path: Path) -> Reader:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from corpus.readers.pdf import read_pdf

        return read_pdf
    if suffix in (".html", ".htm"):
        from corpus.readers.html import read_html

        return read_html
    if suffix == ".txt":
        from corpus.readers.text import read_text

        return read_text
    if suffix in (".md", ".markdown"):
        from corpus.readers.text import read_markdown

        return read_markdown
    raise ReadError("E008_UNSUPPORTED_TYPE", f"suffix {suffix or '(none)'!r}")


def read_bytes(data: bytes, path: Path, source: str | None = None, doc_id: str | None = None) -> Document:
    """Read a file's bytes with the reader its suffix names."""
    reader = reader_for(path)
    return reader(data, doc_id or sha256_bytes(data), source or str(path))


def read_path(path: Path, source: str | None = None) -> Document:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ReadError("E010_UNREADABLE", str(exc)) from exc
    return read_bytes(data, Path(path), source)

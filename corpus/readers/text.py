"""Plain-text and Markdown readers. One block per non-blank line.

Text files are UTF-8; a file that is not is tried as cp1252 (Windows
"smart quotes" exports), and refused if that does not decode cleanly either.
Markdown markup (``###``, ``**``, ``<sup>``, list dashes) is turned into plain
text, with the heading and list-item structure kept as block hints.
"""
from __future__ import annotations

import re

from corpus.document import Block, Document, Page
from corpus.errors import ReadError

VERSION = "text-1"

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_MD_INLINE = re.compile(r"\*\*|__|</?sup>|</?sub>|</?b>|</?i>|</?em>|</?strong>|`")


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8, else cp1252. Returns (text, encoding)."""
    if not data:
        raise ReadError("E001_EMPTY_FILE")
    if b"\x00" in data[:4096]:
        raise ReadError("E009_BINARY_TEXT", "NUL bytes in the first 4 KiB")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ReadError("E006_NOT_UTF8", f"{utf8_error}; cp1252 also failed") from exc
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(3, len(text) // 1000):
        raise ReadError("E009_BINARY_TEXT", f"{controls} control characters")
    return text, "cp1252"


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")


def read_text(data: bytes, doc_id: str, source: str) -> Document:
    text, _ = decode_text(data)
    text = _normalise(text)
    blocks = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            blocks.append(Block(1, offset + lead, offset + lead + len(stripped), "line"))
        offset += len(line) + 1
    if not blocks:
        raise ReadError("E005_NO_TEXT", "the file holds only whitespace")
    return Document(doc_id, source, "text", text, (Page(1, 0, len(text)),), tuple(blocks), len(data), reader_version=VERSION)


def read_markdown(data: bytes, doc_id: str, source: str) -> Document:
    raw, _ = decode_text(data)
    out_lines: list[str] = []
    hints: list[tuple[str, int | None]] = []
    for line in _normalise(raw).split("\n"):
        kind, level = "line", None
        heading = _MD_HEADING.match(line)
        if heading:
            kind, level = "heading", len(heading.group(1))
            line = heading.group(2)
        elif _MD_LIST.match(line):
            kind = "list_item"
            line = _MD_LIST.sub("", line, count=1)
        out_lines.append(_MD_INLINE.sub("", line).rstrip())
        hints.append((kind, level))
    text = "\n".join(out_lines)
    blocks = []
    offset = 0
    for line, (kind, level) in zip(out_lines, hints):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            blocks.append(Block(1, offset + lead, offset + lead + len(stripped), kind, level=level))
        offset += len(line) + 1
    if not blocks:
        raise ReadError("E005_NO_TEXT", "the file holds only whitespace")
    return Document(doc_id, source, "markdown", text, (Page(1, 0, len(text)),), tuple(blocks), len(data), reader_version=VERSION)

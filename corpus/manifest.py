"""MANIFEST.csv: the metadata that comes with a corpus folder.

One row per file, ``path`` relative to the folder holding the manifest. The
columns of the shared corpus (see its README) are ``path, kind,
local_authority, document_date, source_repo, source_path, source_commit,
bytes, pages, doc_type, original_url, sha256``; only ``path`` is required, any
other column may be missing, and unknown columns are kept in
:attr:`ManifestRow.extra`. Empty cells read as None.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from corpus.document import SourceMeta

MANIFEST_NAME = "MANIFEST.csv"
COLUMNS = (
    "path",
    "kind",
    "local_authority",
    "document_date",
    "source_repo",
    "source_path",
    "source_commit",
    "bytes",
    "pages",
    "doc_type",
    "original_url",
    "sha256",
)


class ManifestError(ValueError):
    """A MANIFEST.csv that cannot be used: missing, unreadable or malformed."""

    def __init__(self, manifest: Path, detail: str) -> None:
        self.manifest = manifest
        self.detail = detail
        super().__init__(f"{manifest}: {detail}")


@dataclass(frozen=True)
class ManifestRow:
    """One row of a MANIFEST.csv. ``path`` is relative to the manifest's folder, with ``/``."""

    path: str
    kind: str | None = None
    local_authority: str | None = None
    document_date: str | None = None
    source_repo: str | None = None
    source_path: str | None = None
    source_commit: str | None = None
    bytes: int | None = None
    pages: int | None = None
    doc_type: str | None = None
    original_url: str | None = None
    sha256: str | None = None
    extra: tuple[tuple[str, str], ...] = ()

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.path).suffix.lower()

    def source_meta(self) -> SourceMeta:
        return SourceMeta(
            kind=self.kind,
            local_authority=self.local_authority,
            document_date=self.document_date,
            original_url=self.original_url,
            doc_type=self.doc_type,
        )


def manifest_path(folder: Path) -> Path:
    """The MANIFEST.csv of ``folder`` (or ``folder`` itself when it is the manifest file)."""
    folder = Path(folder)
    return folder if folder.name == MANIFEST_NAME and not folder.is_dir() else folder / MANIFEST_NAME


def has_manifest(folder: Path) -> bool:
    return (Path(folder) / MANIFEST_NAME).is_file()


def read_manifest(folder: Path) -> dict[str, ManifestRow]:
    """Parse ``folder/MANIFEST.csv`` into rows keyed by their ``path``, in file order.

    Raises :class:`ManifestError` when the file is missing or unreadable, has no
    ``path`` column, or a row has an empty, absolute, escaping (``..``) or
    duplicated path, or a ``bytes``/``pages`` value that is not a whole number.
    """
    path = manifest_path(folder)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ManifestError(path, f"cannot read the manifest ({exc.strerror or exc})") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise ManifestError(path, f"not UTF-8 or cp1252 text ({exc})") from exc
    if "\x00" in text:
        raise ManifestError(path, "binary data, not CSV")

    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise ManifestError(path, "the manifest is empty (no header row)") from None
    except csv.Error as exc:
        raise ManifestError(path, f"line 1: {exc}") from exc
    names = [name.strip().lower() for name in header]
    if "path" not in names:
        raise ManifestError(path, f"no 'path' column in the header {header!r}")
    duplicated = sorted({n for n in names if n and names.count(n) > 1})
    if duplicated:
        raise ManifestError(path, f"duplicated columns {duplicated}")

    rows: dict[str, ManifestRow] = {}
    try:
        for cells in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(names) and any(c.strip() for c in cells[len(names):]):
                raise ManifestError(path, f"line {line}: {len(cells)} cells for {len(names)} columns")
            values = {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(names) if name}
            row = _row(path, line, values)
            if row.path in rows:
                raise ManifestError(path, f"line {line}: path {row.path!r} is listed twice")
            rows[row.path] = row
    except csv.Error as exc:
        raise ManifestError(path, f"line {reader.line_num}: {exc}") from exc
    return rows


def _row(manifest: Path, line: int, values: dict[str, str]) -> ManifestRow:
    rel = values.get("path", "").replace("\\", "/")
    if not rel:
        raise ManifestError(manifest, f"line {line}: empty path")
    pure = PurePosixPath(rel)
    if pure.is_absolute() or (len(rel) > 1 and rel[1] == ":") or ".." in pure.parts:
        raise ManifestError(manifest, f"line {line}: path {rel!r} is not inside the manifest's folder")
    rel = str(pure)  # drops "./" and doubled slashes
    fields: dict[str, object] = {"path": rel}
    for name in COLUMNS[1:]:
        value = values.get(name) or None
        if name in ("bytes", "pages") and value is not None:
            try:
                value = int(value.replace(",", ""))
            except ValueError:
                raise ManifestError(manifest, f"line {line}: {name} {value!r} is not a whole number") from None
        fields[name] = value
    extra = tuple((k, v) for k, v in values.items() if k not in COLUMNS)
    return ManifestRow(**fields, extra=extra)  # type: ignore[arg-type]

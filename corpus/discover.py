"""Discovery: which files a run should read, from the paths a user gave.

For each given path:

* a file: that file; ``source`` is its file name.
* a folder holding ``MANIFEST.csv``: exactly the files the manifest lists
  (paths relative to that folder), with the row's :class:`SourceMeta`. Rows
  that name data tables (.csv, .xlsx, .xls, .tsv) are ``skipped`` with
  code ``S001_DATA_TABLE``; listed files that are not there are ``missing``
  (``E013_MISSING_FILE``); listed files of a type no reader supports are
  ``unsupported`` (``E008_UNSUPPORTED_TYPE``). Files in the
  folder that the manifest does not list (its README.md, EXCLUDED.csv) are
  not read.
* any other folder: every file below it, recursively. Files with a supported
  suffix (:data:`corpus.readers.SUPPORTED_SUFFIXES`) are ``files``, data
  tables are ``skipped``, anything else is ``unsupported`` (the pipeline
  records those as ``E008_UNSUPPORTED_TYPE``). Junk is left out altogether:
  dotfiles and dot-folders, ``__pycache__``, Office lock files (``~$...``),
  ``Thumbs.db``/``desktop.ini``, any ``MANIFEST.csv``, and a README at the top
  of the folder given. ``source`` is the path relative to the folder given.
* a path that does not exist: ``missing`` (``E013_MISSING_FILE``).

Everything not read is a :class:`FileIssue` with a ``code`` and a ``reason`` in
words; ``Discovery.problems`` (missing + unsupported) are what a run records as
errors, ``Discovery.skipped`` what it reports as skipped.

Files inside a folder (given directly, or found below a folder given) take their
:class:`SourceMeta` from the nearest enclosing folder's MANIFEST.csv that lists
them, so a file keeps its metadata however it is reached.

The same file reached twice (given twice, or a folder and a file inside it) is
kept once, as first reached. Every list is sorted by path.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from corpus.document import SourceMeta
from corpus.errors import SKIP_REASONS, SKIPPED_TABLE, ReadError
from corpus.manifest import MANIFEST_NAME, ManifestError, ManifestRow, has_manifest, read_manifest
from corpus.readers import SUPPORTED_SUFFIXES, TABLE_SUFFIXES

MISSING_FILE = "E013_MISSING_FILE"
UNSUPPORTED = "E008_UNSUPPORTED_TYPE"
_JUNK_NAMES = frozenset({"thumbs.db", "desktop.ini", "__pycache__", MANIFEST_NAME.lower()})
_README_STEMS = frozenset({"readme"})


@dataclass(frozen=True)
class DiscoveredFile:
    """A file to read. ``source`` is the path relative to the folder given, or the file name."""

    path: Path
    source: str
    meta: SourceMeta = field(default_factory=SourceMeta)


@dataclass(frozen=True)
class FileIssue:
    """A file that will not be read, and why.

    ``code`` is ``S001_DATA_TABLE`` (a key of :data:`corpus.errors.SKIP_REASONS`) for
    skipped files, ``E013_MISSING_FILE`` or ``E008_UNSUPPORTED_TYPE`` (keys of
    :data:`corpus.errors.CATALOGUE`) for problems; ``reason`` explains it in words.
    """

    path: Path
    source: str
    code: str
    reason: str
    meta: SourceMeta = field(default_factory=SourceMeta)


@dataclass(frozen=True)
class Discovery:
    """What :func:`discover` found.

    ``files`` are to be read; ``skipped`` are deliberately not read (data tables,
    code ``S001_DATA_TABLE``); ``missing`` are listed in a manifest or given but
    absent (``E013_MISSING_FILE``); ``unsupported`` have a suffix no reader
    handles (``E008_UNSUPPORTED_TYPE``). ``problems`` is missing + unsupported,
    what a run records as errors.
    """

    files: tuple[DiscoveredFile, ...] = ()
    skipped: tuple[FileIssue, ...] = ()
    missing: tuple[FileIssue, ...] = ()
    unsupported: tuple[FileIssue, ...] = ()

    @property
    def problems(self) -> tuple[FileIssue, ...]:
        return tuple(sorted(self.missing + self.unsupported, key=_order))

    def __len__(self) -> int:
        return len(self.files)

    def __iter__(self):
        return iter(self.files)


def _order(item) -> tuple[str, str]:
    return (str(item.path), item.source)


def _issue(path: Path, source: str, code: str, meta: SourceMeta, detail: str = "") -> FileIssue:
    if code in SKIP_REASONS:
        reason = SKIP_REASONS[code]
    else:
        reason = str(ReadError(code, detail))
    return FileIssue(path, source, code, reason, meta)


class _Builder:
    def __init__(self) -> None:
        self.seen: set[Path] = set()
        self.files: list[DiscoveredFile] = []
        self.skipped: list[FileIssue] = []
        self.missing: list[FileIssue] = []
        self.unsupported: list[FileIssue] = []
        self._manifests: dict[Path, dict[str, ManifestRow] | None] = {}

    def _first_time(self, path: Path) -> bool:
        key = _identity(path)
        if key in self.seen:
            return False
        self.seen.add(key)
        return True

    def add(self, path: Path, source: str, meta: SourceMeta) -> None:
        if not self._first_time(path):
            return
        suffix = path.suffix.lower()
        if suffix in TABLE_SUFFIXES:
            self.skipped.append(_issue(path, source, SKIPPED_TABLE, meta))
        elif not path.is_file():
            self.missing.append(_issue(path, source, MISSING_FILE, meta, str(path)))
        elif suffix in SUPPORTED_SUFFIXES:
            self.files.append(DiscoveredFile(path, source, meta))
        else:
            self.unsupported.append(_issue(path, source, UNSUPPORTED, meta, f"suffix {suffix or '(none)'!r}"))

    def add_missing(self, path: Path, source: str) -> None:
        if self._first_time(path):
            self.missing.append(_issue(path, source, MISSING_FILE, SourceMeta(), str(path)))

    def manifest_rows(self, folder: Path, strict: bool) -> dict[str, ManifestRow] | None:
        """The rows of ``folder``'s MANIFEST.csv (None if it has none). A malformed
        manifest raises when ``strict``, else counts as none."""
        key = _identity(folder)
        cached = key in self._manifests
        if cached and (self._manifests[key] is not None or not strict):
            return self._manifests[key]
        rows = None
        if has_manifest(folder):
            try:
                rows = read_manifest(folder)
            except ManifestError:
                if strict:
                    raise
        self._manifests[key] = rows
        return rows

    def meta_from_ancestors(self, path: Path) -> SourceMeta:
        """Metadata for ``path`` from the nearest enclosing MANIFEST.csv that lists it."""
        resolved = path.resolve()
        for folder in resolved.parents:
            rows = self.manifest_rows(folder, strict=False)
            if rows is None:
                continue
            row = rows.get(resolved.relative_to(folder).as_posix())
            if row is not None:
                return row.source_meta()
            return SourceMeta()  # the nearest manifest does not list it
        return SourceMeta()

    def result(self) -> Discovery:
        return Discovery(
            tuple(sorted(self.files, key=_order)),
            tuple(sorted(self.skipped, key=_order)),
            tuple(sorted(self.missing, key=_order)),
            tuple(sorted(self.unsupported, key=_order)),
        )


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def _is_junk(rel: Path) -> bool:
    """Junk below a folder given: ``rel`` is the path relative to that folder."""
    for part in rel.parts:
        if part.startswith((".", "~$")) or part.lower() in _JUNK_NAMES:
            return True
    return len(rel.parts) == 1 and rel.stem.lower() in _README_STEMS


def _discover_manifest_folder(builder: _Builder, folder: Path) -> None:
    rows = builder.manifest_rows(folder, strict=True) or {}
    for rel, row in rows.items():
        builder.add(folder / rel, rel, row.source_meta())


def _discover_plain_folder(builder: _Builder, folder: Path) -> None:
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if _is_junk(rel) or not path.is_file():
            continue
        builder.add(path, rel.as_posix(), builder.meta_from_ancestors(path))


def discover(paths: Iterable[Path | str]) -> Discovery:
    """Find the files to read under ``paths`` (files and folders); see the module docstring.

    Raises :class:`corpus.manifest.ManifestError` when a folder given holds a
    malformed MANIFEST.csv.
    """
    builder = _Builder()
    for given in paths:
        given = Path(given)
        if given.is_dir():
            if has_manifest(given):
                _discover_manifest_folder(builder, given)
            else:
                _discover_plain_folder(builder, given)
        elif given.exists():
            builder.add(given, given.name, builder.meta_from_ancestors(given))
        else:
            builder.add_missing(given, given.name)
    return builder.result()

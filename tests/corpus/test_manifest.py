"""MANIFEST.csv parsing."""
from __future__ import annotations

import dataclasses

import pytest

from corpus.document import SourceMeta
from corpus.manifest import COLUMNS, ManifestError, ManifestRow, read_manifest

HEADER = ",".join(COLUMNS)


def write(folder, text, encoding="utf-8"):
    (folder / "MANIFEST.csv").write_bytes(text.encode(encoding))
    return folder


def test_shared_corpus_manifest(shared_corpus):
    rows = read_manifest(shared_corpus)
    assert len(rows) == 644
    assert sum(1 for r in rows.values() if r.suffix in (".csv", ".xlsx")) == 2
    row = rows["focused_visits/barnet_2021-08-02.pdf"]
    assert (row.kind, row.local_authority, row.document_date, row.pages) == (
        "focused_visits", "Barnet", "2021-08-02", 4)
    assert row.bytes == 170523 and len(row.sha256) == 64
    assert row.source_meta() == SourceMeta(
        "focused_visits", "Barnet", "2021-08-02", None, "Ofsted focused visit letter to local authority children's services")
    ilacs = next(r for r in rows.values() if r.kind == "ilacs" and r.suffix == ".pdf")
    assert ilacs.original_url and ilacs.original_url.startswith("http") and ilacs.doc_type
    text = rows["minutes/middlesbrough_executive-member-update.txt"]
    assert text.document_date is None and text.source_meta().document_date is None
    assert text.pages is None and text.source_repo is None


def test_rows_are_frozen(tmp_path):
    rows = read_manifest(write(tmp_path, "path,kind\na.pdf,minutes\n"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        rows["a.pdf"].kind = "x"  # type: ignore[misc]
    assert hash(rows["a.pdf"])


def test_minimal_and_extra_columns(tmp_path):
    rows = read_manifest(write(tmp_path, "\ufeffPath, Kind ,notes\n./sub/a.pdf, minutes ,hello\n\n,,\nb.txt,,\n"))
    assert list(rows) == ["sub/a.pdf", "b.txt"]
    assert rows["sub/a.pdf"] == ManifestRow(path="sub/a.pdf", kind="minutes", extra=(("notes", "hello"),))
    assert rows["b.txt"].source_meta() == SourceMeta()


def test_empty_strings_become_none(tmp_path):
    rows = read_manifest(write(tmp_path, HEADER + "\na.pdf,ilacs,Kent,,,,,,,,,\n"))
    meta = rows["a.pdf"].source_meta()
    assert meta == SourceMeta(kind="ilacs", local_authority="Kent")
    assert rows["a.pdf"].bytes is None and rows["a.pdf"].pages is None


def test_quoted_cells_and_cp1252(tmp_path):
    rows = read_manifest(write(tmp_path, 'path,doc_type\na.pdf,"Report, with a comma \u2013 and a dash"\n', "cp1252"))
    assert rows["a.pdf"].doc_type == "Report, with a comma – and a dash"


def test_accepts_the_manifest_file_itself(tmp_path):
    write(tmp_path, "path\na.pdf\n")
    assert list(read_manifest(tmp_path / "MANIFEST.csv")) == ["a.pdf"]


@pytest.mark.parametrize("text, message", [
    ("kind,local_authority\nminutes,Kent\n", "no 'path' column"),
    ("", "empty"),
    ("path,kind\n,minutes\n", "line 2: empty path"),
    ("path\na.pdf\nb.pdf\na.pdf\n", "line 4: path 'a.pdf' is listed twice"),
    ("path\n../outside.pdf\n", "not inside"),
    ("path\n/etc/passwd\n", "not inside"),
    ("path,pages\na.pdf,four\n", "pages 'four' is not a whole number"),
    ("path,kind\na.pdf,minutes,extra\n", "3 cells for 2 columns"),
    ("path,kind,path\na.pdf,x,b.pdf\n", "duplicated columns"),
])
def test_malformed_manifests(tmp_path, text, message):
    write(tmp_path, text)
    with pytest.raises(ManifestError) as info:
        read_manifest(tmp_path)
    assert message in str(info.value)
    assert info.value.manifest == tmp_path / "MANIFEST.csv"


def test_missing_manifest(tmp_path):
    with pytest.raises(ManifestError, match="cannot read"):
        read_manifest(tmp_path)

"""Discovery over the shared corpus, the samples and temporary folders."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpus.discover import DiscoveredFile, Discovery, discover
from corpus.document import SourceMeta
from corpus.errors import CATALOGUE, SKIP_REASONS, SKIPPED_TABLE
from corpus.manifest import ManifestError
from corpus.readers import SUPPORTED_SUFFIXES


def touch(path: Path, data: bytes = b"x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_shared_corpus(shared_corpus):
    found = discover([shared_corpus])
    assert len(found.files) == 642 and len(found) == 642
    assert found.missing == () and found.unsupported == ()
    assert [s.source for s in found.skipped] == [
        "ilacs/ofsted_csc_ilacs_history.csv", "ilacs/ofsted_csc_ilacs_overview.xlsx"]
    assert all(s.code == SKIPPED_TABLE and s.reason == SKIP_REASONS[SKIPPED_TABLE] for s in found.skipped)
    assert found.problems == ()
    sources = [f.source for f in found.files]
    assert sources == sorted(sources) and len(set(sources)) == 642
    assert "README.md" not in sources and "EXCLUDED.csv" not in sources
    assert all(f.path == shared_corpus / f.source and f.path.is_file() for f in found.files)
    assert all(f.meta.kind and f.meta.local_authority for f in found.files)
    letter = next(f for f in found.files if f.source == "focused_visits/barnet_2021-08-02.pdf")
    assert (letter.meta.kind, letter.meta.local_authority, letter.meta.document_date) == (
        "focused_visits", "Barnet", "2021-08-02")
    assert letter.meta.doc_type and letter.meta.original_url is None
    suffixes = {f.path.suffix for f in found.files}
    assert suffixes == {".pdf", ".txt", ".md"}


def test_subfolder_and_single_file_of_the_shared_corpus(shared_corpus):
    minutes = shared_corpus / "minutes"
    letter = shared_corpus / "focused_visits" / "barnet_2021-08-02.pdf"
    found = discover([minutes, letter, minutes / "kent_cabinet_2025-01-30.pdf"])
    assert [f.source for f in found.files] == [
        "barnet_2021-08-02.pdf",
        "kent_cabinet_2025-01-30.pdf",
        "kent_corporate-parenting-panel_2024-10-29.pdf",
        "kent_corporate-parenting-panel_2024-12-10.pdf",
        "kent_county-council_2024-12-19.pdf",
        "kent_county-council_2025-03-13.pdf",
        "middlesbrough_2021-q1_childrens-scrutiny-panel.txt",
        "middlesbrough_2022-06_childrens-scrutiny-panel.txt",
        "middlesbrough_executive-member-update.txt",
    ]
    # metadata still comes from the corpus manifest above them
    assert found.files[0].meta.local_authority == "Barnet"
    assert all(f.meta.kind == "minutes" for f in found.files[1:])


def test_samples_folder(sample_dir):
    found = discover([sample_dir])
    assert [f.source for f in found.files] == [
        "rutland_2025-04-17_focused-visit.pdf",
        "rutland_2025-06-05_cyp-scrutiny-report.txt",
        "torbay_2025-01-14_cyp-scrutiny-panel-minutes.html",
    ]
    assert (found.skipped, found.missing, found.unsupported) == ((), (), ())  # make_samples.py not listed
    assert [f.meta.kind for f in found.files] == ["focused_visits", "committee_reports", "minutes"]
    assert found.files[0].meta.local_authority == "Rutland" and found.files[0].meta.document_date == "2025-04-17"


def test_folder_without_manifest(tmp_path):
    for rel in ["b/letter.PDF", "a/minutes.html", "a/minutes.htm", "notes.txt", "c/d/letter.md", "x.markdown",
                "table.csv", "sheet.xlsx", "paper.docx", "image.png", "noext",
                ".hidden.pdf", ".git/config.txt", "__pycache__/x.txt", "~$paper.docx", "Thumbs.db",
                "MANIFEST2.txt", "README.md", "sub/README.md"]:
        touch(tmp_path / rel)
    found = discover([tmp_path])
    assert [f.source for f in found.files] == [
        "MANIFEST2.txt", "a/minutes.htm", "a/minutes.html", "b/letter.PDF", "c/d/letter.md", "notes.txt",
        "sub/README.md", "x.markdown"]
    assert [f.source for f in found.skipped] == ["sheet.xlsx", "table.csv"]
    assert [f.source for f in found.unsupported] == ["image.png", "noext", "paper.docx"]
    assert {f.code for f in found.unsupported} == {"E008_UNSUPPORTED_TYPE"}
    assert found.missing == ()
    assert all(f.meta == SourceMeta() for f in found.files)
    assert all(f.path.suffix.lower() in SUPPORTED_SUFFIXES for f in found.files)


def test_manifest_folder_lists_exactly(tmp_path):
    touch(tmp_path / "a" / "one.pdf")
    touch(tmp_path / "two.txt")
    touch(tmp_path / "unlisted.pdf")
    touch(tmp_path / "README.md")
    touch(tmp_path / "data.csv")
    touch(tmp_path / "paper.docx")
    (tmp_path / "MANIFEST.csv").write_text(
        "path,kind,local_authority,document_date\n"
        "a/one.pdf,focused_visits,Rutland,2025-04-17\n"
        "two.txt,minutes,Torbay,\n"
        "gone.pdf,ilacs,Kent,2024-01-01\n"
        "data.csv,ilacs,(all),\n"
        "paper.docx,minutes,Kent,\n"
    )
    found = discover([tmp_path])
    assert found.files == (
        DiscoveredFile(tmp_path / "a" / "one.pdf", "a/one.pdf", SourceMeta("focused_visits", "Rutland", "2025-04-17")),
        DiscoveredFile(tmp_path / "two.txt", "two.txt", SourceMeta("minutes", "Torbay")),
    )
    assert [(m.source, m.meta.local_authority) for m in found.missing] == [("gone.pdf", "Kent")]
    assert [(s.source, s.code) for s in found.skipped] == [("data.csv", SKIPPED_TABLE)]
    assert [u.source for u in found.unsupported] == ["paper.docx"]
    assert [(p.source, p.code) for p in found.problems] == [
        ("gone.pdf", "E013_MISSING_FILE"), ("paper.docx", "E008_UNSUPPORTED_TYPE")]
    assert found.problems[0].reason == f"{CATALOGUE['E013_MISSING_FILE']} ({tmp_path / 'gone.pdf'})"
    assert found.problems[1].reason.endswith("(suffix '.docx')")


def test_malformed_manifest_raises(tmp_path):
    touch(tmp_path / "a.pdf")
    (tmp_path / "MANIFEST.csv").write_text("file,kind\na.pdf,minutes\n")
    with pytest.raises(ManifestError, match="no 'path' column"):
        discover([tmp_path])


def test_malformed_manifest_above_does_not_break_a_subfolder(tmp_path):
    touch(tmp_path / "sub" / "a.pdf")
    (tmp_path / "MANIFEST.csv").write_text("file,kind\nsub/a.pdf,minutes\n")
    found = discover([tmp_path / "sub"])
    assert [(f.source, f.meta) for f in found.files] == [("a.pdf", SourceMeta())]


def test_single_files_and_duplicates(tmp_path):
    a = touch(tmp_path / "folder" / "a.pdf")
    b = touch(tmp_path / "b.txt")
    xyz = touch(tmp_path / "x.xyz")
    table = touch(tmp_path / "t.csv")
    found = discover([a, a, tmp_path / "folder", str(b), tmp_path / "folder" / ".." / "folder" / "a.pdf",
                      tmp_path / "nope.pdf", tmp_path / "nope.csv", xyz, table])
    # a single file's source is its name; the first way a file was reached wins
    assert found.files == (DiscoveredFile(b, "b.txt"), DiscoveredFile(a, "a.pdf"))
    assert [m.source for m in found.missing] == ["nope.csv", "nope.pdf"]
    assert [(s.source, s.code) for s in found.skipped] == [("t.csv", SKIPPED_TABLE)]
    assert [u.source for u in found.unsupported] == ["x.xyz"]


def test_order_does_not_depend_on_argument_order(tmp_path):
    for name in ["c.pdf", "a.txt", "b/z.md", "b/a.html"]:
        touch(tmp_path / "docs" / name)
    touch(tmp_path / "extra.pdf")
    one = discover([tmp_path / "docs", tmp_path / "extra.pdf"])
    two = discover([tmp_path / "extra.pdf", tmp_path / "docs"])
    assert one == two
    assert [str(f.path) for f in one.files] == sorted(str(f.path) for f in one.files)


def test_symlinked_duplicate_is_kept_once(tmp_path):
    real = touch(tmp_path / "real" / "a.pdf")
    (tmp_path / "link.pdf").symlink_to(real)
    found = discover([tmp_path / "real", tmp_path / "link.pdf"])
    assert len(found.files) == 1


def test_copy_of_the_shared_corpus_with_a_file_missing(shared_corpus, tmp_path):
    copy = tmp_path / "corpus"
    shutil.copytree(shared_corpus / "minutes", copy / "minutes")
    shutil.copy(shared_corpus / "MANIFEST.csv", copy / "MANIFEST.csv")
    (copy / "minutes" / "kent_cabinet_2025-01-30.pdf").unlink()
    found = discover([copy])
    assert len(found.files) == 7
    assert "minutes/kent_cabinet_2025-01-30.pdf" in [m.source for m in found.missing]
    assert len(found.missing) == 644 - 7 - 2  # every other listed document is absent in this copy


def test_empty_input():
    assert discover([]) == Discovery()

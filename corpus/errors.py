"""Why a document could not be read: a catalogue of codes with explanations.

Readers raise :class:`ReadError` with one of these codes; the pipeline records
the code and the message in ``ingest_errors`` and carries on.
"""
from __future__ import annotations

CATALOGUE: dict[str, str] = {
    "E001_EMPTY_FILE": "The file is empty (0 bytes).",
    "E002_NOT_A_PDF": "The file is named .pdf but its bytes are not a PDF.",
    "E003_TRUNCATED_PDF": "The PDF is damaged or truncated and cannot be opened.",
    "E004_ENCRYPTED_PDF": "The PDF is encrypted (password protected); its text cannot be read.",
    "E005_NO_TEXT": "The document has no extractable text (a scanned image, or an empty page set).",
    "E006_NOT_UTF8": "The text file is not UTF-8 and no fallback encoding decoded it cleanly.",
    "E007_NO_MINUTES": "The HTML page holds no minutes or report text (no agenda items or body text).",
    "E008_UNSUPPORTED_TYPE": "The file type is not supported (supported: .pdf, .html/.htm, .txt, .md).",
    "E009_BINARY_TEXT": "The file is named as text but holds binary data.",
    "E010_UNREADABLE": "The file could not be opened (permissions or I/O error).",
    "E011_SEGMENTATION_FAILED": "The document was read but could not be segmented into passages.",
    "E012_LOAD_FAILED": "The document could not be written to the warehouse; nothing of it was kept.",
    "E014_EXTRACTION_FAILED": "An extractor (document understanding, figures, ...) failed on this document; nothing of it was kept.",
    "E013_MISSING_FILE": "The file is listed in the manifest (or was given) but does not exist.",
}

SKIPPED_TABLE = "S001_DATA_TABLE"
SKIP_REASONS: dict[str, str] = {
    SKIPPED_TABLE: "A data table (CSV/XLSX), not a document: listed in the manifest, not read.",
}


class ReadError(Exception):
    """A document that cannot be read. ``code`` is a key of :data:`CATALOGUE`."""

    def __init__(self, code: str, detail: str = "") -> None:
        if code not in CATALOGUE:
            raise ValueError(f"unknown error code {code!r}")
        self.code = code
        self.detail = detail
        message = CATALOGUE[code] + (f" ({detail})" if detail else "")
        super().__init__(message)

    @property
    def reason(self) -> str:
        return str(self)

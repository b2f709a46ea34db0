"""Bad (and awkward but readable) inputs, written at test time into a folder.

Nothing binary is committed: :func:`write_bad_inputs` makes every file from code.
The encrypted PDFs are made by hand here (PDF Standard Security Handler, revision 2,
40-bit RC4, as in the PDF 1.4 reference, algorithms 3.1-3.4), so the tests need no
PDF-writing library; they are real encrypted PDFs that open with their password.
"""
from __future__ import annotations

import hashlib
import io
import random
import struct
import zipfile
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"
SAMPLE_PDF = SAMPLES / "rutland_2025-04-17_focused-visit.pdf"

#: The user password of the ``encrypted_pdf`` input.
USER_PASSWORD = b"secret"
#: The text on the page of the hand-made PDFs.
PDF_TEXT = "Focused visit to Rutland County Council children's services"

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
_FILE_ID = hashlib.md5(b"tests/corpus/badfiles.py").digest()


# --------------------------------------------------------------------------- hand-made PDFs


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _padded(password: bytes) -> bytes:
    return (password + _PAD)[:32]


def _security(user: bytes, owner: bytes, permissions: int) -> tuple[bytes, bytes, bytes]:
    """(O, U, file key) for the Standard Security Handler, revision 2 (40-bit RC4)."""
    owner_key = hashlib.md5(_padded(owner or user)).digest()[:5]
    o_value = _rc4(owner_key, _padded(user))
    key = hashlib.md5(_padded(user) + o_value + struct.pack("<i", permissions) + _FILE_ID).digest()[:5]
    u_value = _rc4(key, _PAD)
    return o_value, u_value, key


def _pdf(text: str | None, user: bytes | None = None, owner: bytes = b"owner-pw") -> bytes:
    """A one-page PDF showing ``text`` (None: a blank page), encrypted when ``user`` is not None."""
    content = b"" if text is None else f"BT /F1 14 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    encrypt = None
    if user is not None:
        permissions = -4
        o_value, u_value, key = _security(user, owner, permissions)
        object_key = hashlib.md5(key + (5).to_bytes(3, "little") + (0).to_bytes(2, "little")).digest()[:10]
        content = _rc4(object_key, content)
        encrypt = (
            f"<< /Filter /Standard /V 1 /R 2 /O <{o_value.hex()}> /U <{u_value.hex()}> "
            f"/P {permissions} >>"
        ).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    if encrypt:
        objects.append(encrypt)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    trailer = b"<< /Size %d /Root 1 0 R /ID [<%s> <%s>]" % (
        len(objects) + 1, _FILE_ID.hex().encode(), _FILE_ID.hex().encode())
    if encrypt:
        trailer += b" /Encrypt %d 0 R" % len(objects)
    out.write(b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def encrypted_pdf(user_password: bytes = USER_PASSWORD) -> bytes:
    """A PDF that needs ``user_password`` to open (empty: opens without one)."""
    return _pdf(PDF_TEXT, user=user_password)


def plain_pdf(text: str | None = PDF_TEXT) -> bytes:
    return _pdf(text)


# --------------------------------------------------------------------------- other inputs


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Minutes of the Corporate Parenting '
            "Panel</w:t></w:r></w:p></w:body></w:document>",
        )
    return buffer.getvalue()


CP1252_TEXT = (
    "Corporate Parenting Panel, 3 March 2025\r\n\r\n"
    "The Panel was advised that the \u201cStaying Close\u201d pilot had supported 12 care leavers "
    "at a cost of \u00a348,000, and that the Council\u2019s \u201clocal offer\u201d had been refreshed.\r\n"
    "RESOLVED that the update be noted \u2013 with thanks to the care leavers\u2019 forum.\r\n"
)

ERROR_PAGE_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Page not found - Ofsted</title>
<script>window.dataLayer = [];</script></head>
<body>
<header class="site-header"><a href="/">GOV.UK</a></header>
<main id="content">
<h1>Page not found</h1>
<p>If you typed the web address, check it is correct.</p>
<p>If you pasted the web address, check you copied the entire address.</p>
<p>If the web address is correct or you selected a link or button, the report you are looking
for may have been moved or withdrawn. Search the reports of the local authority instead, or
contact the Ofsted helpline and tell us which page you were trying to find.</p>
</main>
<footer><a href="/help">Help</a> <a href="/cookies">Cookies</a></footer>
</body></html>
"""

NAV_ONLY_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Committee details - Children and Young People Scrutiny Panel</title></head>
<body>
<nav><ul><li><a href="/mgCalendarMonthView.aspx">Calendar</a></li><li><a href="/mgListCommittees.aspx">Committees</a></li></ul></nav>
<div id="modgov">
<ul class="mgBulletList">
<li><a href="/ieListDocuments.aspx?CId=101&amp;MId=5001">14 January 2025 4.00 pm</a></li>
<li><a href="/ieListDocuments.aspx?CId=101&amp;MId=5002">11 March 2025 4.00 pm</a></li>
<li><a href="/ieListDocuments.aspx?CId=101&amp;MId=5003">10 June 2025 4.00 pm</a></li>
<li><a href="/mgCommitteeDetails.aspx?ID=101">Membership</a></li>
<li><a href="/mgRssFeed.aspx?CID=101">RSS feed for this committee</a></li>
</ul>
</div>
<footer><p>Torbay Council</p></footer>
</body></html>
"""

NO_BODY_HTML = "<!DOCTYPE html><html><head><title>Minutes</title></head><body>\n\n</body></html>\n"


def write_bad_inputs(folder: Path) -> dict[str, tuple[Path, str | None]]:
    """Write every bad input into ``folder``.

    Returns ``{name: (path, expected ReadError code, or None when it must read)}``.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20250312)
    noise = rng.randbytes(4096)
    if noise.startswith(b"%PDF"):  # pragma: no cover - astronomically unlikely with this seed
        noise = b"\x00" + noise
    png_like = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(2048)
    sample = SAMPLE_PDF.read_bytes()

    files: dict[str, tuple[str, bytes, str | None]] = {
        "empty_pdf": ("empty.pdf", b"", "E001_EMPTY_FILE"),
        "empty_txt": ("empty.txt", b"", "E001_EMPTY_FILE"),
        "empty_html": ("empty.html", b"", "E001_EMPTY_FILE"),
        "truncated_pdf": ("truncated.pdf", sample[: len(sample) // 2], "E003_TRUNCATED_PDF"),
        "encrypted_pdf": ("encrypted.pdf", encrypted_pdf(USER_PASSWORD), "E004_ENCRYPTED_PDF"),
        "random_bytes_pdf": ("random.pdf", noise, "E002_NOT_A_PDF"),
        "html_saved_as_pdf": ("error-page.pdf", ERROR_PAGE_HTML.encode(), "E002_NOT_A_PDF"),
        "blank_page_pdf": ("blank.pdf", plain_pdf(None), "E005_NO_TEXT"),
        "whitespace_txt": ("whitespace.txt", b"  \r\n\t\r\n   \n", "E005_NO_TEXT"),
        "binary_txt": ("image.txt", png_like, "E009_BINARY_TEXT"),
        "undecodable_txt": (
            "undecodable.txt",
            b"Minutes of the panel \x81\x8d\x8f\x90\x9d were not encoded in any text encoding.\n",
            "E006_NOT_UTF8",
        ),
        "error_page_html": ("error-page.html", ERROR_PAGE_HTML.encode(), "E007_NO_MINUTES"),
        "nav_only_html": ("committee.html", NAV_ONLY_HTML.encode(), "E007_NO_MINUTES"),
        "no_body_html": ("no-body.html", NO_BODY_HTML.encode(), "E007_NO_MINUTES"),
        "docx": ("minutes.docx", _docx(), "E008_UNSUPPORTED_TYPE"),
        "unknown_suffix": ("notes.xyz", b"Minutes of the panel.\n", "E008_UNSUPPORTED_TYPE"),
        # awkward but readable: these must NOT raise
        "cp1252_txt": ("cp1252.txt", CP1252_TEXT.encode("cp1252"), None),
        "owner_password_only_pdf": ("owner-only.pdf", encrypted_pdf(b""), None),
    }
    out: dict[str, tuple[Path, str | None]] = {}
    for name, (filename, data, code) in files.items():
        path = folder / filename
        path.write_bytes(data)
        out[name] = (path, code)
    return out

"""Reading announcement files: bytes on disk -> decoded text and a media type.

Rules (documented in the README, "Extraction input"):

* ``.txt``/``.text`` -> ``text/plain``, ``.md``/``.markdown`` -> ``text/markdown``,
  ``.html``/``.htm``/``.xhtml`` -> ``text/html``, ``.pdf`` -> the PDF's text layer (``text/pdf-text``,
  plain text with the un-wrapping rules of :mod:`clustergraph.extract.normalize`). Other suffixes are
  read as plain text.
* Empty files, files larger than ``max_bytes``, files with NUL bytes (binary), and PDFs without a
  text layer raise :class:`~clustergraph.errors.InputError` naming the file.
* Decoding: UTF-8 (a BOM is dropped); when that fails, cp1252 is accepted only if the result is
  plausible text: no C0 control characters other than tab/newline/carriage return and fewer than
  one per cent of characters outside letters, digits, punctuation and white space. Anything else is
  undecodable and raises :class:`~clustergraph.errors.InputError`. UTF-8 that ends inside a
  character (a truncated file) raises too, instead of being misread as cp1252.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from pathlib import Path

from clustergraph.errors import InputError

log = logging.getLogger(__name__)

MEDIA_TYPES = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "text/html",
    ".pdf": "application/pdf",
}
PDF_TEXT = "text/pdf-text"  # text taken from a PDF's text layer

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def media_type_for(path: str | Path) -> str:
    """The media type a file is read as, from its suffix.

    >>> media_type_for("a/b.HTM")
    'text/html'
    >>> media_type_for("notes.log")
    'text/plain'
    """
    return MEDIA_TYPES.get(Path(path).suffix.lower(), "text/plain")


def _plausible(text: str) -> bool:
    if not text or _CONTROL.search(text):
        return False
    odd = sum(1 for ch in text if unicodedata.category(ch)[0] not in "LNPZS" and ch not in "\t\r\n")
    return odd <= len(text) / 100


def decode_bytes(data: bytes, *, source: str | None = None) -> str:
    """Decode announcement bytes by the rule in the module docstring.

    >>> decode_bytes("Grüße".encode("utf-8"))
    'Grüße'
    >>> decode_bytes("Grüße".encode("cp1252"))
    'Grüße'
    """
    if not data:
        raise InputError("the file is empty", source=source)
    if b"\x00" in data:
        raise InputError("the file is binary (it contains NUL bytes), not text", source=source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":  # valid UTF-8 cut inside its last character
            raise InputError(
                "the file ends in the middle of a UTF-8 character: it looks truncated; "
                "copy or download it again", source=source
            ) from None
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if _plausible(text):
        log.info("%s: not UTF-8, read as cp1252", source or "input")
        return text
    raise InputError(
        "the file is neither UTF-8 nor plausible cp1252 text; convert it to UTF-8", source=source
    )


def read_pdf_text(data: bytes, *, source: str | None = None) -> str:
    """The text layer of a PDF, pages separated by form feeds."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InputError(f"the PDF cannot be read ({exc})", source=source) from None
    text = "\f".join(pages)
    if not text.replace("\f", "").strip():
        raise InputError(
            "the PDF has no text layer (a scan?); run OCR first or supply the text", source=source
        )
    return text


def read_file(path: str | Path, *, max_bytes: int = 20_000_000) -> tuple[str, str]:
    """Read an announcement file; returns ``(text, media_type)``.

    Raises :class:`~clustergraph.errors.InputError` (naming the file) for a missing, empty, binary,
    undecodable or oversized file and for a PDF without text.
    """
    path = Path(path)
    source = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror or exc})", source=source) from None
    if path.is_dir():
        raise InputError("is a folder, not a file", source=source)
    if size > max_bytes:
        raise InputError(f"the file has {size} bytes, more than the limit of {max_bytes}", source=source)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror or exc})", source=source) from None
    if not data:
        raise InputError("the file is empty", source=source)
    media_type = media_type_for(path)
    if media_type == "application/pdf" or data[:5] == b"%PDF-":
        return read_pdf_text(data, source=source), PDF_TEXT
    text = decode_bytes(data, source=source)
    if not text.strip():
        raise InputError("the file holds only white space", source=source)
    return text, media_type

"""Reading one document: strict UTF-8 with a size cap, then the reader its content calls for.

One reader per format lives in a subpackage (``wikipedia``, ``footballtxt``,
``rsssf``); each
offers ``looks_like(text)`` and a parser.  The format is recognised from the
content, never from the file name, so a host can name files as they like.
Files are read here once, as strict UTF-8 with a size cap, so every reader
sees the same text and every bad file fails the same way.
"""

from __future__ import annotations

from pathlib import Path

from bot.domain.models import Season, SourceRef
from bot.parsing.errors import ParseError
from bot.parsing.footballtxt import document as footballtxt
from bot.parsing.rsssf import document as rsssf
from bot.parsing.wikipedia import document as wikipedia

__all__ = ["MAX_BYTES", "ParseError", "parse_file", "parse_text"]

MAX_BYTES = 50_000_000


def parse_text(text: str, file_name: str) -> tuple[Season, ...]:
    """Every season the document holds, read by the reader its content calls for."""
    if footballtxt.looks_like(text):  # "= CAF CL 2019/20": no closing "=", unlike Wikipedia's
        return footballtxt.parse(text, file_name)
    if wikipedia.looks_like(text):
        return (wikipedia.parse_document(text, file_name),)
    if rsssf.looks_like(text):
        return rsssf.parse(text, file_name)
    # Unknown content gets the Wikipedia reader's own explanation (no title line, …).
    return (wikipedia.parse_document(text, file_name),)


def read_text(path: Path) -> str:
    """A document as strict UTF-8; binary or mis-encoded files are ParseErrors."""
    data = path.read_bytes()[: MAX_BYTES + 1]
    if len(data) > MAX_BYTES:
        raise ParseError(SourceRef(path.name, 1), f"file is larger than {MAX_BYTES:,} bytes")
    if (nul := data.find(b"\x00")) >= 0:
        raise ParseError(
            SourceRef(path.name, data.count(b"\n", 0, nul) + 1), "binary data (NUL byte)"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ParseError(
            SourceRef(path.name, line),
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
        ) from None


def parse_file(path: Path) -> tuple[Season, ...]:
    """Read and parse one file; raises ParseError when it is not a season document."""
    return parse_text(read_text(path), path.name)

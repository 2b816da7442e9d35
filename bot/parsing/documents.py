"""One document's text → its seasons, read by the reader its content calls for.

One reader per format lives in a subpackage (``wikipedia``, ``footballtxt``,
``rsssf``); each offers ``looks_like(text)`` and a parser.  The format is
recognised from the content, never from the file name, so a host can name
files as they like.  Reading bytes safely is the pipeline's job.
"""

from __future__ import annotations

from pathlib import Path

from bot.domain.models import Season
from bot.parsing.errors import ParseError
from bot.parsing.footballtxt import document as footballtxt
from bot.parsing.rsssf import document as rsssf
from bot.parsing.wikipedia import document as wikipedia

__all__ = ["ParseError", "parse_file", "parse_text"]


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


def parse_file(path: Path) -> tuple[Season, ...]:
    """Parse a known-good UTF-8 file (tools and tests).

    The bot itself reads documents through ``bot.pipeline.documents``, which
    caps the size and explains every encoding problem before a reader runs.
    """
    return parse_text(path.read_text(encoding="utf-8-sig"), path.name)

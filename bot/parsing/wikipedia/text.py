"""A document's lines, read in place a chunk at a time.

Why: a 45 MB document has 1.6 million lines, and a list of them costs several
times the text itself.  The lines come out exactly as
``text.replace("\\r\\n", "\\n").replace("\\r", "\\n").split("\\n")`` gives them,
so every ``file:line`` stays what it was, but only one chunk's lines exist at
a time.
"""

from __future__ import annotations

from collections.abc import Iterator

CHUNK = 1 << 16
"""Characters split into lines at once (a chunk ends at a line break after this many)."""


def _split(part: str, carriage_returns: bool) -> list[str]:
    if carriage_returns:
        part = part.replace("\r\n", "\n").replace("\r", "\n")
    return part.split("\n")


def lines(text: str) -> Iterator[str]:
    """Every line of ``text`` in order, without their line breaks.

    A chunk always ends just after a ``\\n``, so a ``\\r\\n`` is never cut in two.
    """
    carriage_returns = "\r" in text
    size, pos = len(text), 0
    while pos + CHUNK < size and (end := text.find("\n", pos + CHUNK)) >= 0:
        part = _split(text[pos : end + 1], carriage_returns)
        part.pop()  # the empty string after the chunk's final line break
        yield from part
        pos = end + 1
    yield from _split(text[pos:], carriage_returns)


def first_lines(text: str, count: int) -> list[str]:
    """``text.splitlines()[:count]`` without splitting the whole text."""
    size = 4096
    while True:
        head = text[:size].splitlines()
        if size >= len(text) or len(head) > count:
            return head[:count]
        size *= 4

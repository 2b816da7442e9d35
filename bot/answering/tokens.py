"""Splitting a console line into words: quotes (“…”, «…», '…') and ``key:value`` options.

Kept apart from the grammar (which words mean what) so that reading a line
is testable on its own and the grammar stays about commands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPTION_KEYS: dict[str, str] = {
    "club": "club",
    "name": "club",
    "team": "club",
    "club_a": "club_a",
    "a": "club_a",
    "club1": "club_a",
    "club_b": "club_b",
    "b": "club_b",
    "club2": "club_b",
    "season": "season",
    "round": "round",
    "competition": "competition",
    "comp": "competition",
    "method": "method",
    "group": "group",
}

_OPEN_TO_CLOSE = {'"': '"', "“": "”", "„": "“", "«": "»", "'": "'"}
_ANY_CLOSE = {'"', "”", "“", "»"}
_KEY_PREFIX = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):")

# Why a line cannot be read; the wording layer says each one politely.
PROBLEMS = frozenset(
    {"too_long", "empty", "no_command", "unclosed_quote", "no_club", "too_many_words",
     "two_clubs", "no_season"}
)  # fmt: skip


class CommandError(Exception):
    """The line cannot be read as a command: a ``problem`` of PROBLEMS, or an unknown command."""

    def __init__(
        self,
        problem: str,
        unknown_command: str | None = None,
        command: str = "",
        count: int = 0,
        suggestion: str | None = None,
    ) -> None:
        super().__init__(problem)
        self.problem = problem
        self.unknown_command = unknown_command
        self.suggestion = suggestion  # the command an unknown word is a slip of
        self.command = command
        self.count = count


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    quoted: bool = False
    key: str | None = None  # set for ``key:value`` tokens (value may continue in later tokens)


def _read_quoted(line: str, start: int) -> tuple[str, int] | None:
    """Text inside the quote at ``start`` and the index after it; None when it never closes."""
    opener = line[start]
    if opener == "'":
        end = start + 1
        while True:
            end = line.find("'", end)
            if end < 0:
                return None
            if end + 1 == len(line) or line[end + 1].isspace():
                return line[start + 1 : end], end + 1
            end += 1
    for end in range(start + 1, len(line)):
        if line[end] in _ANY_CLOSE or line[end] == _OPEN_TO_CLOSE[opener]:
            return line[start + 1 : end], end + 1
    return None


def tokenize(line: str) -> list[Token]:
    """Split on spaces, honouring quotes ("…", “…”, «…», '…' at a word start) and ``key:"…"``."""
    tokens: list[Token] = []
    i, n = 0, len(line)
    while i < n:
        if line[i].isspace():
            i += 1
            continue
        key = None
        match = _KEY_PREFIX.match(line, i)
        if match and match.group(1).lower() in OPTION_KEYS:
            key = OPTION_KEYS[match.group(1).lower()]
            i = match.end()
            if i >= n or line[i].isspace():
                tokens.append(Token("", key=key))
                continue
        if line[i] in _OPEN_TO_CLOSE:
            read = _read_quoted(line, i)
            if read is None:
                if line[i] != "'":
                    raise CommandError("unclosed_quote")
            else:
                tokens.append(Token(read[0].strip(), quoted=True, key=key))
                i = read[1]
                continue
        end = i
        while end < n and not line[end].isspace():
            end += 1
        tokens.append(Token(line[i:end], key=key))
        i = end
    return tokens

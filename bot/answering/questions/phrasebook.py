"""What a language's phrase table holds, and how its slots become the options of a command.

Each language writes the same kinds of questions its own way, in a module of its
own (``en``, ``fr``, ``ar``, ``pt``) holding one ``Phrasebook`` of plain text, so
a translator edits sentences, not code:

- ``phrases``: one per line, ``COMMAND [lost] [strict] [option=value]: PATTERN``,
  tried in order (a line indented further continues the one above; ``#`` starts a
  comment).  ``lost`` marks "who knocked out X" questions (the answer
  points at the tie X lost), ``lastwin`` "when did X last beat Y" (it names that
  win); ``strict`` reads clubs only by name, alias or
  initials, for phrases whose words say little ("X and Y");
- ``macros``: the parts every question shares (``<season>``: "in the 2014 season");
- ``rounds``, ``competitions``, ``methods``: ``VALUE: phrase | phrase``, the words
  for a value the engine reads (a round word it resolves, a competition's short
  form, a way of deciding);
- ``edges``: small words a club name never starts or ends with ("in", "contre", "في").

A phrase's slots are generic (``club``, ``club2``, ``season``, ``round``,
``competition``, ``method``); ``SLOT_OPTIONS`` says which option of the command
each fills, so a table writer never needs to know that ``/club`` calls its club
option "name".  Adding a language is adding one such module and naming it in ``books``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

LOST = "lost"  # "who knocked out X": the answer points at the tie X lost
LAST_WIN = "lastwin"  # "when did X last beat Y": the answer names the last time
FLAGS = frozenset({LOST, LAST_WIN, "strict"})

# Option names that differ from the slot name, per command (otherwise the slot's own name).
SLOT_OPTIONS: dict[str, dict[str, str]] = {
    "club": {"club": "name"},
    "headtohead": {"club": "club_a", "club2": "club_b"},
    "group": {"club": "group"},
}


def option_for(command: str, slot: str) -> str:
    """The option of ``command`` that slot ``slot`` fills."""
    return SLOT_OPTIONS.get(command, {}).get(slot, slot)


class TableError(ValueError):
    """A phrase table that cannot be read (a test reads every table)."""


@dataclass(frozen=True, slots=True)
class Phrase:
    """One way of asking: a pattern, the command it maps to, options it always sets
    (``/season … round:final`` for "who won"), and what the answer should point at."""

    pattern: str
    command: str
    fixed: tuple[tuple[str, str], ...] = ()
    focus: str | None = None
    strict: bool = False


@dataclass(frozen=True, slots=True)
class Phrasebook:
    """One language's way of asking, as the text its translator writes (see the module)."""

    lang: str
    phrases: str
    macros: Mapping[str, str] = field(default_factory=dict)
    rounds: str = ""
    competitions: str = ""
    methods: str = ""
    edges: str = ""


def _entries(text: str) -> list[str]:
    """Lines of a table (indented more than the table: the line above continues), comments
    and blank lines dropped."""
    lines = [x for x in text.splitlines() if x.strip() and not x.lstrip().startswith("#")]
    base = min((len(x) - len(x.lstrip()) for x in lines), default=0)
    entries: list[str] = []
    for line in lines:
        if len(line) - len(line.lstrip()) > base and entries:
            entries[-1] += " " + line.strip()
        else:
            entries.append(line.strip())
    return entries


def read_phrases(text: str) -> tuple[Phrase, ...]:
    """The phrases of a table, in order."""
    found = []
    for entry in _entries(text):
        head, sep, pattern = entry.partition(":")
        words = head.split()
        if not sep or not words or not pattern.strip():
            raise TableError(f"not 'COMMAND: PATTERN': {entry!r}")
        fixed = tuple((k, v) for k, _, v in (w.partition("=") for w in words[1:] if "=" in w))
        flags = {w for w in words[1:] if "=" not in w}
        if flags - FLAGS:
            raise TableError(f"unknown flag in {entry!r}")
        focus = next((f for f in (LOST, LAST_WIN) if f in flags), None)
        found.append(Phrase(pattern.strip(), words[0], fixed, focus, "strict" in flags))
    return tuple(found)


def read_words(text: str) -> dict[str, tuple[str, ...]]:
    """``VALUE: phrase | phrase`` lines as value -> phrases."""
    found: dict[str, tuple[str, ...]] = {}
    for entry in _entries(text):
        value, sep, said = entry.partition(":")
        phrases = tuple(p.strip() for p in said.split("|") if p.strip())
        if not sep or not value.strip() or not phrases:
            raise TableError(f"not 'VALUE: phrase | phrase': {entry!r}")
        found[value.strip()] = found.get(value.strip(), ()) + phrases
    return found

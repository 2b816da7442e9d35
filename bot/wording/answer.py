"""Worded answers: what an adapter shows, written from the facts by this layer.

An Answer is a title, an optional summary and one Block per tie (or per
section).  The console prints ``to_markdown()``; the Discord adapter turns
the same parts into embeds (one field per block), so both show the same text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from bot.domain.catalog import Entry, MatchEntry


class Outcome(StrEnum):
    """Colours a block or an answer: from the asked-about club's point of view."""

    WON = "won"
    LOST = "lost"
    NEUTRAL = "neutral"


class AnswerKind(StrEnum):
    OK = "ok"
    AMBIGUOUS = "ambiguous"  # a name fits several clubs: ``candidates`` lists them
    NOT_FOUND = "not_found"  # no club/season/round matches: polite text with suggestions
    INVALID = "invalid"  # the command line itself is malformed


@dataclass(frozen=True, slots=True)
class Block:
    """One tie or one section: a heading and Markdown lines."""

    title: str
    body: str
    outcome: Outcome = Outcome.NEUTRAL


@dataclass(frozen=True, slots=True)
class Picture:
    """A rendered image an answer carries: a file name (ASCII, ends in .png), PNG bytes, its
    size in pixels and a short description (alt text).  Adapters attach it as a file."""

    name: str
    data: bytes
    width: int
    height: int
    description: str = ""


@dataclass(frozen=True, slots=True)
class Answer:
    """What one command answers.

    ``ties`` holds every tie the answer is about (for ``--json`` and tests), and
    ``matches`` every group match it shows;
    ``query`` the resolved inputs (club names, season label, round name);
    ``candidates`` the club names to choose from when ``kind`` is AMBIGUOUS,
    and ``ambiguous_option`` which option they are for ("club", "club_a"...).
    ``files`` holds pictures to attach; the first is the one an embed shows.
    ``lang`` is the language it is written in (the Speaker sets it).
    ``data`` holds what a command finds beyond ties and matches, for ``--json`` (the records
    of /records), in the same shape in every language.
    """

    command: str
    title: str
    summary: str = ""
    blocks: tuple[Block, ...] = ()
    footer: str = ""
    kind: AnswerKind = AnswerKind.OK
    outcome: Outcome = Outcome.NEUTRAL
    ties: tuple[Entry, ...] = ()
    candidates: tuple[str, ...] = ()
    ambiguous_option: str | None = None
    query: Mapping[str, Any] = field(default_factory=dict)
    matches: tuple[MatchEntry, ...] = ()
    files: tuple[Picture, ...] = ()
    lang: str = "en"  # the language of its words (adapters word their own frame in it)
    data: Mapping[str, Any] = field(default_factory=dict)

    def to_markdown(self) -> str:
        """The whole answer as Markdown text: heading, summary, a heading per block."""
        parts = [f"**{self.title}**"]
        if self.summary:
            parts.append(self.summary)
        for block in self.blocks:
            parts.append(f"__{block.title}__\n{block.body}" if block.body else f"__{block.title}__")
        if self.footer:
            parts.append(f"-# {self.footer}")
        return "\n\n".join(parts)

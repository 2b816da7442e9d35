"""Which sources an answer comes from, by a name a reader knows, for footers and /about.

Each shipped source lives in its own folder of the data (``data/SOURCES.md``
says where each file comes from and under which terms).  A document a host
adds elsewhere is named by its file alone: the bot does not guess a source.
RSSSF asks for acknowledgement of its author, so its name carries it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.domain.models import Season


@dataclass(frozen=True, slots=True)
class Source:
    folder: str
    name: str  # what a footer says
    about: str  # what /about says: provenance and terms


SOURCES: tuple[Source, ...] = (
    Source(
        "football-txt",
        "openfootball (Football.TXT)",
        "match facts compiled from worldfootball.net by the openfootball project; the 2023–24 "
        "and 2024–25 files are also published by openfootball/africa under CC0 1.0",
    ),
    Source(
        "rsssf",
        "RSSSF (© Karel Stokkermans and RSSSF)",
        '"African Club Competitions 2022/23" by Karel Stokkermans (rsssf.org). "(c) Copyright '
        "Karel Stokkermans and RSSSF 2022/23. You are free to copy this document in whole or "
        'part provided that proper acknowledgement is given to the author."',
    ),
    Source(
        "wikipedia",
        "Wikipedia",
        "plain-text renderings of Wikipedia season articles, CC BY-SA 4.0 (Wikipedia contributors)",
    ),
)
_BY_FOLDER = {s.folder: s for s in SOURCES}
MAX_FILES = 6


def source_of(file: str) -> Source | None:
    """The shipped source a document belongs to, from its folder; None for any other file."""
    folder, sep, _ = file.partition("/")
    return _BY_FOLDER.get(folder) if sep else None


def _within(file: str) -> str:
    return file.partition("/")[2] if source_of(file) else file


def footer(seasons: Iterable[Season]) -> str:
    """Names the sources and documents an answer drew on: "Source: RSSSF (…): afcup2023.txt"."""
    files = list(dict.fromkeys(f for s in seasons for f in s.files))
    if not files:
        return ""
    by_source: dict[str, list[str]] = {}
    for file in files:
        found = source_of(file)
        by_source.setdefault(found.name if found else "", []).append(_within(file))
    label = "Source" if len(files) == 1 else "Sources"
    if len(files) > MAX_FILES:
        parts = [
            f"{name or 'other documents'}: {len(docs)} document{'s' if len(docs) != 1 else ''}"
            for name, docs in by_source.items()
        ]
        return f"{label}: {len(files)} season documents — " + "; ".join(parts)
    parts = [
        f"{name}: {', '.join(docs)}" if name else ", ".join(docs)
        for name, docs in by_source.items()
    ]
    return f"{label}: " + "; ".join(parts)  # a footer shows no Markdown: nothing to escape


def about_lines(seasons: Iterable[Season]) -> list[str]:
    """One line per source of the loaded documents: how many, where from, under which terms."""
    counts: dict[str, int] = {}
    other = 0
    for file in dict.fromkeys(s.source_file for s in seasons):
        found = source_of(file)
        if found is None:
            other += 1
        else:
            counts[found.folder] = counts.get(found.folder, 0) + 1
    lines = [
        f"{s.name}: {counts[s.folder]} document{'s' if counts[s.folder] != 1 else ''} — {s.about}"
        for s in SOURCES
        if s.folder in counts
    ]
    if other:
        lines.append(f"Season documents outside the shipped source folders: {other}")
    return lines

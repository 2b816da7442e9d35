"""Which sources an answer comes from, by a name a reader knows, for footers and /about.

Each shipped source lives in its own folder of the data (``data/SOURCES.md``
says where each file comes from and under which terms).  A document a host
adds elsewhere is named by its file alone: the bot does not guess a source.
RSSSF asks for acknowledgement of its author, so its name carries it.  Source names and
file names are never translated (they are what a reader looks for); the words around them
are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.domain.models import Season
from bot.wording.i18n.words import ENGLISH, Words
from bot.wording.markdown import plural


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


def footer(seasons: Iterable[Season], w: Words = ENGLISH) -> str:
    """Names the sources and documents an answer drew on: "Source: RSSSF (…): afcup2023.txt"."""
    files = list(dict.fromkeys(f for s in seasons for f in s.files))
    if not files:
        return ""
    by_source: dict[str, list[str]] = {}
    for file in files:
        found = source_of(file)
        by_source.setdefault(found.name if found else "", []).append(_within(file))
    if len(files) > MAX_FILES:
        parts = [
            f"{name or w._('other documents')}: {plural(len(docs), 'document', w)}"
            for name, docs in by_source.items()
        ]
        return w._("Sources: {documents} — {sources}",
                   documents=plural(len(files), "season document", w),
                   sources=w.clauses(parts))  # fmt: skip
    parts = [
        f"{name}: {', '.join(docs)}" if name else ", ".join(docs)
        for name, docs in by_source.items()
    ]
    said = w.clauses(parts)  # a footer shows no Markdown: nothing to escape
    return w._("Source: {files}", files=said) if len(files) == 1 else w._("Sources: {files}",
                                                                           files=said)  # fmt: skip


def _about(source: Source, w: Words) -> str:
    """What /about says of a shipped source, in the language (quoted terms stay as written)."""
    match source.folder:
        case "football-txt":
            return w._("match facts compiled from worldfootball.net by the openfootball "
                       "project; the 2023–24 and 2024–25 files are also published by "
                       "openfootball/africa under CC0 1.0")  # fmt: skip
        case "rsssf":
            return w._("{title} by Karel Stokkermans (rsssf.org). {terms}",
                       title='"African Club Competitions 2022/23"',
                       terms=source.about.split(". ", 1)[1])  # fmt: skip
        case "wikipedia":
            return w._("plain-text renderings of Wikipedia season articles, CC BY-SA 4.0 "
                       "(Wikipedia contributors)")  # fmt: skip
    return source.about


def about_lines(seasons: Iterable[Season], w: Words = ENGLISH) -> list[str]:
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
        f"{s.name}: {plural(counts[s.folder], 'document', w)} — {_about(s, w)}"
        for s in SOURCES
        if s.folder in counts
    ]
    if other:
        lines.append(w._("Season documents outside the shipped source folders: {n}", n=other))
    return lines

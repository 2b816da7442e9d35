"""All curated club data in one list: clubs.toml first, then the club lists beside it.

clubs.toml is this project's own word and is strict (a bad entry stops the
build).  The published lists under ``clubs/`` next to it (openfootball's, kept
byte for byte) add other spellings, cities and Arabic names; a list club joins
the clubs.toml club that shares one of its spellings in the same country, whose
name, country and nicknames win.  A list line that cannot be read is reported
and skipped: the lists are someone else's files.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from bot.clubs.curated import CuratedClub, load_curated
from bot.clubs.localized import LocalizedNames, load_names
from bot.clubs.openfootball import ClubList, attach_names, list_kind, read_list, read_names
from bot.domain.models import Diagnostic, SourceRef
from bot.domain.names import fold

LISTS_DIR = "clubs"
"""The folder of published club lists, beside clubs.toml."""


@dataclass(frozen=True, slots=True)
class CuratedData:
    """Every curated club (clubs.toml entries first) and what the lists could not give."""

    clubs: tuple[CuratedClub, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
    names: tuple[LocalizedNames, ...] = ()  # names.toml: the clubs' names in other languages


def list_files(clubs_file: Path) -> list[Path]:
    """The club list files beside ``clubs_file`` (``clubs/**/xx.clubs*.txt``), sorted."""
    folder = Path(clubs_file).parent / LISTS_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*.txt") if p.is_file() and list_kind(p.name))


def load_curated_data(clubs_file: Path) -> CuratedData:
    """clubs.toml (raising ``CuratedDataError`` when malformed) and the lists beside it."""
    curated = load_curated(clubs_file)
    base = Path(clubs_file).parent
    lists: list[CuratedClub] = []
    problems: list[Diagnostic] = []
    names: list[ClubList] = []
    for path in list_files(clubs_file):
        kind = list_kind(path.name)
        if kind is None:
            continue
        shown = path.relative_to(base).as_posix()
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Diagnostic(SourceRef(shown, 0), f"club list not read: {exc}"))
            continue
        country, language = kind
        if language is None:
            found = read_list(text, shown, country)
            lists.extend(found.clubs)
        else:
            found = read_names(text, shown, country, language)
            names.append(found)
        problems.extend(found.diagnostics)
    for found in names:
        attached = attach_names(lists, found)
        lists = list(attached.clubs)
        problems.extend(d for d in attached.diagnostics if d not in found.diagnostics)
    return CuratedData(combine(curated, lists), tuple(problems), load_names(clubs_file))


def combine(first: Sequence[CuratedClub], more: Sequence[CuratedClub]) -> tuple[CuratedClub, ...]:
    """``more`` folded into ``first``: a club sharing a spelling and country with an earlier
    one joins it (the earlier name, country, nicknames and places win), else it is added."""
    result = list(first)
    owner: dict[tuple[str, str | None], int] = {}
    for i, club in enumerate(result):
        for spelling in club.spellings:
            if fold(spelling):  # a name in Arabic script folds to nothing: never a key
                owner.setdefault((fold(spelling), club.country), i)
    for club in more:
        keys = [(fold(s), club.country) for s in club.spellings if fold(s)]
        hits = [owner[k] for k in keys if k in owner]
        if not hits:
            result.append(club)
            hits = [len(result) - 1]
        else:
            result[hits[0]] = _join(result[hits[0]], club)
        for key in keys:
            owner.setdefault(key, hits[0])
    return tuple(result)


def _join(kept: CuratedClub, extra: CuratedClub) -> CuratedClub:
    seen = {fold(s) or s for s in kept.spellings}  # a name in Arabic script folds to ""
    aliases = [*kept.aliases]
    for spelling in extra.spellings:
        if (fold(spelling) or spelling) not in seen:
            seen.add(fold(spelling) or spelling)
            aliases.append(spelling)
    return replace(
        kept,
        aliases=tuple(aliases),
        city=kept.city or extra.city,
        languages=(*kept.languages, *extra.languages),
    )

"""names.toml: what fans call a club in their own language, beside clubs.toml.

A fan types "الأهلي", "الترجي" or "Raja de Casablanca", and an Arabic answer should
say "الأهلي" where the documents say "Al Ahly SC".  These names are a separate file
from clubs.toml because they decide nothing about identity: they never merge two
spellings into one club.  Each entry names a club the documents already have (by
one of its spellings and its country); its names become extra nicknames of that club
(so resolution finds them) and, the first of each language, the name answers in that
language show.  The file is strict like clubs.toml: a malformed entry stops the build
with ``file:line: message``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from bot.clubs.curated import CuratedDataError
from bot.domain.models import Club, Diagnostic, Severity, SourceRef
from bot.domain.names import fold

NAMES_FILE = "names.toml"
"""The file of localized names, beside clubs.toml."""

_COUNTRY = re.compile(r"^[A-Z]{3}$")
_LANGUAGE = re.compile(r"^[a-z]{2}$")  # "ar", "fr", "pt": a language an answer can be in
_HEADER = re.compile(r"^\s*\[\[\s*club\s*\]\]")


@dataclass(frozen=True, slots=True)
class LocalizedNames:
    """One ``[[club]]`` of names.toml: a club by a spelling and country, and its names."""

    name: str
    country: str | None
    names: tuple[tuple[str, str], ...]  # (language, name), the first of a language shown
    source: SourceRef | None = None


def names_file(clubs_file: Path) -> Path:
    return Path(clubs_file).parent / NAMES_FILE


def load_names(clubs_file: Path) -> tuple[LocalizedNames, ...]:
    """The names beside ``clubs_file`` (none when there is no such file)."""
    path = names_file(clubs_file)
    if not path.is_file():
        return ()
    shown = path.name
    try:
        text = path.read_bytes().decode("utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise _error(SourceRef(shown, 0), f"cannot read localized names: {exc}") from exc
    return parse_names(data, text, shown)


def parse_names(data: Mapping[str, object], text: str, file: str) -> tuple[LocalizedNames, ...]:
    lines = [i for i, line in enumerate(text.splitlines(), 1) if _HEADER.match(line)]
    entries = data.get("club", [])
    problems: list[Diagnostic] = []
    if set(data) - {"club"} or not isinstance(entries, list):
        problems.append(_diag(SourceRef(file, 1), "expected only [[club]] tables"))
        entries = []
    found: list[LocalizedNames] = []
    for i, raw in enumerate(entries):
        where = SourceRef(file, lines[i] if i < len(lines) else 0)
        entry = _entry(raw, where, problems)
        if entry is not None:
            found.append(entry)
    if problems:
        raise CuratedDataError(problems)
    return tuple(found)


def _entry(raw: object, where: SourceRef, problems: list[Diagnostic]) -> LocalizedNames | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not fold(raw["name"]):
        problems.append(_diag(where, "[[club]] needs a 'name': a spelling of the club"))
        return None
    label = f"club {raw['name']!r}"
    country = raw.get("country")
    if country is not None and not (isinstance(country, str) and _COUNTRY.match(country)):
        problems.append(_diag(where, f"{label}: country must be a 3-letter FIFA code"))
        return None
    names: list[tuple[str, str]] = []
    for key, value in raw.items():
        if key in ("name", "country"):
            continue
        good = isinstance(value, list) and value and all(isinstance(v, str) and fold(v)
                                                         for v in value)  # fmt: skip
        if not _LANGUAGE.match(key) or not good:
            problems.append(_diag(where, f"{label}: {key!r} must be a language code with a "
                                  "list of names"))  # fmt: skip
            return None
        names.extend((key, v) for v in value)
    return LocalizedNames(raw["name"], country, tuple(names), where)


def with_names(clubs: Sequence[Club], localized: Sequence[LocalizedNames]) -> list[Club]:
    """``clubs`` with their localized names (and those names as nicknames); an entry naming no
    club of these documents is left out (the documents loaded may be a few seasons only)."""
    owner: dict[tuple[str, str | None], int] = {}
    for i, club in enumerate(clubs):
        for spelling in (club.name, *club.aliases):
            owner.setdefault((fold(spelling), club.country), i)
            owner.setdefault((fold(spelling), None), i)
    result = list(clubs)
    for entry in localized:
        found = owner.get((fold(entry.name), entry.country))
        if found is None:
            continue
        club = result[found]
        known = {fold(s) for s in (club.name, *club.aliases, *club.nicknames)}
        extra = []
        for _, name in entry.names:
            if fold(name) not in known:
                known.add(fold(name))
                extra.append(name)
        names = sorted((*club.names, *entry.names), key=lambda pair: pair[0])  # by language
        result[found] = replace(club, nicknames=(*club.nicknames, *extra), names=tuple(names))
    return result


def _diag(where: SourceRef, message: str) -> Diagnostic:
    return Diagnostic(where, message, Severity.ERROR)


def _error(where: SourceRef, message: str) -> CuratedDataError:
    return CuratedDataError([_diag(where, message)])

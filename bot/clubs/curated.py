"""clubs.toml: curated club facts, validated before they can merge anything.

A curated alias merges two spellings into one club for good, so a typo in
this file must fail loudly with ``file:line: message`` (``CuratedDataError``),
never silently merge or split clubs.  A curated club's spellings count in its
country only: "AS Douanes" can be an alias of the Senegalese and of the Niger
club at once, because the documents give each tie's country.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.domain.models import Diagnostic, Severity, SourceRef
from bot.domain.names import fold

_COUNTRY = re.compile(r"^[A-Z]{3}$")
_HEADER = re.compile(r"^\s*\[\[\s*club\s*\]\]")
_PLACE = re.compile(r"^(?P<file>\S.*\.txt):(?P<line>[1-9]\d*)$")
_KEYS = frozenset({"name", "country", "city", "aliases", "nicknames", "at"})


class CuratedDataError(ValueError):
    """clubs.toml is malformed; ``diagnostics`` says where (``file:line: message``)."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))


@dataclass(frozen=True, slots=True)
class CuratedClub:
    """One ``[[club]]`` table of clubs.toml: facts the documents do not state."""

    name: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    nicknames: tuple[str, ...] = ()
    source: SourceRef | None = field(default=None, compare=False)
    city: str | None = None  # tells "Al-Hilal (Omdurman)" from "Al-Hilal (Port Sudan)"
    at: tuple[SourceRef, ...] = ()  # ties a document codes wrongly: this club there
    languages: tuple[tuple[str, str], ...] = ()  # (language, name): "ar", the Arabic name

    @property
    def spellings(self) -> tuple[str, ...]:
        """The name and every alias (nicknames are for matching user input only)."""
        return (self.name, *self.aliases)


def load_curated(path: Path) -> tuple[CuratedClub, ...]:
    """Read and validate clubs.toml; raise ``CuratedDataError`` naming each bad entry."""
    name = str(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise _error(name, 0, f"cannot read curated club data: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise _error(name, 0, f"not UTF-8 text ({exc.reason})") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _error(name, 0, f"invalid TOML: {exc}") from exc
    return parse_curated(data, text, name)


def parse_curated(data: Mapping[str, Any], text: str, file_name: str) -> tuple[CuratedClub, ...]:
    """Validate decoded clubs.toml ``data``; ``text`` is only used for line numbers."""
    problems: list[Diagnostic] = []
    header_lines = [i for i, line in enumerate(text.splitlines(), 1) if _HEADER.match(line)]
    for key in data:
        if key != "club":
            problems.append(
                _diag(file_name, 1, f"unknown top-level key {key!r} (expected [[club]])")
            )
    entries = data.get("club", [])
    if not isinstance(entries, list):
        problems.append(_diag(file_name, 1, "'club' must be an array of tables ([[club]])"))
        entries = []
    clubs: list[CuratedClub] = []
    for index, raw in enumerate(entries):
        line = header_lines[index] if index < len(header_lines) else 0
        club = _parse_entry(raw, SourceRef(file_name, line), problems)
        if club is not None:
            clubs.append(club)
    problems.extend(_cross_check(clubs))
    if problems:
        raise CuratedDataError(problems)
    return tuple(clubs)


def _parse_entry(raw: object, src: SourceRef, problems: list[Diagnostic]) -> CuratedClub | None:
    if not isinstance(raw, dict):
        problems.append(Diagnostic(src, "[[club]] entry is not a table", Severity.ERROR))
        return None
    name = raw.get("name")
    if not isinstance(name, str) or not fold(name):
        problems.append(Diagnostic(src, "[[club]] entry needs a non-empty 'name'", Severity.ERROR))
        return None
    label = f"club {name!r}"
    before = len(problems)
    for key in sorted(set(raw) - _KEYS):
        problems.append(Diagnostic(src, f"{label}: unknown key {key!r}", Severity.ERROR))
    country = raw.get("country")
    if country is not None and (not isinstance(country, str) or not _COUNTRY.match(country)):
        msg = f"{label}: country must be a 3-letter FIFA code like 'EGY', got {country!r}"
        problems.append(Diagnostic(src, msg, Severity.ERROR))
    city = raw.get("city")
    if city is not None and (not isinstance(city, str) or not fold(city)):
        problems.append(Diagnostic(src, f"{label}: 'city' must be a name", Severity.ERROR))
    places = _places(raw.get("at", []))
    if places is None:
        msg = f"{label}: 'at' must be a list of 'file.txt:line' places"
        problems.append(Diagnostic(src, msg, Severity.ERROR))
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("aliases", "nicknames"):
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and fold(v) for v in value):
            msg = f"{label}: {key!r} must be a list of non-empty names"
            problems.append(Diagnostic(src, msg, Severity.ERROR))
            value = []
        lists[key] = tuple(value)
    if len(problems) > before or places is None:
        return None
    return CuratedClub(name, country, lists["aliases"], lists["nicknames"], src, city, places)


def _places(value: object) -> tuple[SourceRef, ...] | None:
    """``["football-txt/x/2016.txt:35", …]`` as places; None when malformed."""
    if not isinstance(value, list):
        return None
    found = [_PLACE.match(v) if isinstance(v, str) else None for v in value]
    if not all(found):
        return None
    return tuple(SourceRef(m["file"], int(m["line"])) for m in found if m)


def _cross_check(clubs: Sequence[CuratedClub]) -> list[Diagnostic]:
    """A folded name may belong to one curated club per country (else identity is undefined)."""
    owner: dict[tuple[str, str | None], CuratedClub] = {}
    problems: list[Diagnostic] = []
    for club in clubs:
        for spelling in dict.fromkeys(fold(s) for s in (club.name, *club.aliases, *club.nicknames)):
            first = owner.setdefault((spelling, club.country), club)
            if first is not club:
                msg = f"club {club.name!r}: {spelling!r} is already used by {first.name!r}" + (
                    f" ({first.source})" if first.source else ""
                )
                problems.append(Diagnostic(club.source or SourceRef("", 0), msg, Severity.ERROR))
    return problems


def _diag(file_name: str, line: int, message: str) -> Diagnostic:
    return Diagnostic(SourceRef(file_name, line), message, Severity.ERROR)


def _error(file_name: str, line: int, message: str) -> CuratedDataError:
    return CuratedDataError([_diag(file_name, line, message)])

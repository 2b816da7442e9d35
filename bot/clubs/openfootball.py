"""openfootball's club lists (CC0) as curated identities: names, cities, other spellings.

The lists are published as plain text and shipped byte for byte, so this reader
takes them as they are: ``= Country`` headings, ``Name, City › Region`` lines
(a founding year or ``@ Stadium`` may come between), ``| alias | alias``
continuation lines, ``#`` comments anywhere, and ``xx.clubs.lang.ar.txt`` files
pairing a club's name with its name in another language.  The country comes
from the file name's ISO code (``eg.clubs.txt`` → EGY), because a spelling only
means a club within its country.  A line it cannot read is a ``file:line``
diagnostic, never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.clubs.curated import CuratedClub
from bot.domain.models import Diagnostic, Severity, SourceRef
from bot.domain.names import fold

ISO_TO_FIFA = {
    "dz": "ALG", "ao": "ANG", "bj": "BEN", "bw": "BOT", "bf": "BFA", "bi": "BDI", "cm": "CMR",
    "cv": "CPV", "cf": "CTA", "td": "CHA", "km": "COM", "cg": "CGO", "cd": "COD", "dj": "DJI",
    "eg": "EGY", "gq": "EQG", "er": "ERI", "sz": "SWZ", "et": "ETH", "ga": "GAB", "gm": "GAM",
    "gh": "GHA", "gn": "GUI", "gw": "GNB", "ci": "CIV", "ke": "KEN", "ls": "LES", "lr": "LBR",
    "ly": "LBY", "mg": "MAD", "mw": "MWI", "ml": "MLI", "mr": "MTN", "mu": "MRI", "ma": "MAR",
    "mz": "MOZ", "na": "NAM", "ne": "NIG", "ng": "NGA", "rw": "RWA", "st": "STP", "sn": "SEN",
    "sc": "SEY", "sl": "SLE", "so": "SOM", "za": "RSA", "ss": "SSD", "sd": "SDN", "tz": "TAN",
    "tg": "TOG", "tn": "TUN", "ug": "UGA", "zm": "ZAM", "zw": "ZIM", "re": "REU",
}  # fmt: skip
"""The ISO 3166 codes openfootball names its files with, as FIFA codes (CAF members)."""

_FILE = re.compile(r"^(?P<iso>[a-z]{2})\.clubs(?:\.lang\.(?P<lang>[a-z]{2,3}))?\.txt$")
_COMMENT = re.compile(r"(?:^|\s)#.*$")
_TAG = re.compile(r"\s*\[[a-z]{2,3}\]$")  # "Al Ahly Kairo [de]": a name in German
_YEAR = re.compile(r"^\d{4}$")
_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff"))


@dataclass(frozen=True, slots=True)
class ClubList:
    """What one list file gives: its clubs (or names in a language) and what it could not read."""

    clubs: tuple[CuratedClub, ...]
    diagnostics: tuple[Diagnostic, ...]
    language: str | None = None  # set for a ``.lang.xx.txt`` file: ``clubs`` then hold names


def list_kind(file_name: str) -> tuple[str, str | None] | None:
    """(FIFA code, language or None) from a list's file name; None for another file."""
    m = _FILE.match(file_name.rsplit("/", 1)[-1])
    if m is None or m["iso"] not in ISO_TO_FIFA:
        return None
    return ISO_TO_FIFA[m["iso"]], m["lang"]


def _clean(text: str) -> str:
    return " ".join(_COMMENT.sub("", text.translate(_MARKS)).split())


def read_list(text: str, file_name: str, country: str) -> ClubList:
    """The clubs of one ``xx.clubs.txt`` file, each with its country, city and aliases."""
    clubs: list[CuratedClub] = []
    problems: list[Diagnostic] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = _clean(raw)
        if not line or line.startswith("=") or set(line) <= {"=", "#"}:
            continue
        if line.startswith("|"):
            if not clubs:
                where = SourceRef(file_name, number)
                message = "alias line before any club"
                problems.append(Diagnostic(where, message, Severity.UNRECOGNIZED))
                continue
            names = tuple(a for a in (_TAG.sub("", p).strip() for p in line.split("|")) if fold(a))
            last = clubs[-1]
            clubs[-1] = replace(last, aliases=tuple(dict.fromkeys((*last.aliases, *names))))
            continue
        name, *fields = (f.strip() for f in line.split(","))
        if not fold(name):
            where = SourceRef(file_name, number)
            problems.append(Diagnostic(where, "no club name on this line", Severity.UNRECOGNIZED))
            continue
        places = [f for f in fields if f and not _YEAR.match(f) and not f.startswith("@")]
        city = places[0].split("›")[0].split("(")[0].strip() if places else None
        clubs.append(
            CuratedClub(name, country, source=SourceRef(file_name, number), city=city or None)
        )
    return ClubList(tuple(clubs), tuple(problems))


def read_names(text: str, file_name: str, country: str, language: str) -> ClubList:
    """A ``xx.clubs.lang.ar.txt`` file: ``Name, name in the language`` per line."""
    names: list[CuratedClub] = []
    problems: list[Diagnostic] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = _clean(raw)
        if not line or set(line) <= {"=", "#"}:
            continue
        name, _, other = (part.strip() for part in line.partition(","))
        where = SourceRef(file_name, number)
        if not fold(name) or not other:
            problems.append(Diagnostic(where, "expected 'Name, name in the language'",
                                       Severity.UNRECOGNIZED))  # fmt: skip
            continue
        names.append(CuratedClub(name, country, source=where, languages=((language, other),)))
    return ClubList(tuple(names), tuple(problems), language)


def attach_names(clubs: Sequence[CuratedClub], names: ClubList) -> ClubList:
    """Each name of a language file added to its club (found by name or alias, same country)
    as an alias and as a language name; a name no club has is reported."""
    owner: dict[tuple[str, str | None], int] = {}
    for i, club in enumerate(clubs):
        for spelling in club.spellings:
            if fold(spelling):
                owner.setdefault((fold(spelling), club.country), i)
    result = list(clubs)
    problems = list(names.diagnostics)
    for entry in names.clubs:
        found = owner.get((fold(entry.name), entry.country))
        if found is None:
            message = f"{entry.name!r} is not a club of the {entry.country} list"
            problems.append(Diagnostic(entry.source or SourceRef("", 0), message))
            continue
        club = result[found]
        extra = tuple(n for _, n in entry.languages if n not in club.aliases)
        result[found] = replace(
            club, aliases=(*club.aliases, *extra), languages=(*club.languages, *entry.languages)
        )
    return ClubList(tuple(result), tuple(problems))

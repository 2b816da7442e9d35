"""Club identity: which team spellings across seasons are one club.

Two spellings are the same club only when they fold to the same text
(``names.fold``) or when curated data / a document's own stated alias says
so -- never by fuzzy similarity, because African club names are full of
near-twins that are different clubs (Al-Ahly / Al-Ahli Tripoli, AC Léopards /
AFC Leopards).  Fuzzy matching belongs to ``resolve`` (reading user input),
not here (deciding identity).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from bot.clubs.curated import CuratedClub, CuratedDataError, load_curated, parse_curated
from bot.domain.models import Club, Diagnostic, Season, SourceRef
from bot.domain.names import fold, slug

__all__ = [
    "CuratedClub",
    "CuratedDataError",
    "Registry",
    "build_registry",
    "load_curated",
    "parse_curated",
]


@dataclass(frozen=True, slots=True)
class Registry:
    """Every club, and the club key behind every spelling used or curated."""

    clubs: tuple[Club, ...]
    club_of: Mapping[str, str]
    diagnostics: tuple[Diagnostic, ...] = ()


class _Groups:
    """Union-find over folded spellings."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:  # path compression
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class _Seen:
    """What the documents say about one exact spelling."""

    count: int = 0
    newest: int = -1
    source: SourceRef | None = None


@dataclass
class _Votes:
    """Country codes stated for one folded spelling, with the newest season stating each."""

    codes: Counter[str] = field(default_factory=Counter)
    newest: dict[str, int] = field(default_factory=dict)

    def add(self, code: str, order: int) -> None:
        self.codes[code] += 1
        self.newest[code] = max(self.newest.get(code, -1), order)


def build_registry(seasons: Sequence[Season], curated: Sequence[CuratedClub]) -> Registry:
    """Group every spelling in ``seasons`` into clubs, using folding and curated/stated aliases."""
    ordered = sorted(seasons, key=lambda s: (s.start_year, s.end_year, s.competition))
    seen: dict[str, _Seen] = {}
    votes: dict[str, _Votes] = {}
    diagnostics: list[Diagnostic] = []
    groups = _Groups()

    def note(
        spelling: str | None, order: int, src: SourceRef | tuple[str, int], used: int = 1
    ) -> None:
        """``src`` may be a (file, line) pair: a SourceRef is made only for a new spelling,
        which most of the hundreds of thousands of spellings in a large season are not."""
        if spelling is None:
            return
        info = seen.get(spelling)
        if info is None:
            where = src if isinstance(src, SourceRef) else SourceRef(*src)
            if not (key := fold(spelling)):
                msg = f"team name {spelling!r} has no letters or digits"
                diagnostics.append(Diagnostic(where, msg))
                return
            info = seen[spelling] = _Seen(source=where)
            groups.find(key)
        info.count += used
        if order > info.newest:
            info.newest = order

    def vote(spelling: str | None, code: str | None, order: int) -> None:
        if spelling and code and (key := fold(spelling)):
            if (found := votes.get(key)) is None:
                found = votes[key] = _Votes()
            found.add(code, order)

    for order, season in enumerate(ordered):
        for tie in season.ties:
            src = tie.source
            note(tie.team1, order, src)
            note(tie.team2, order, src)
            if tie.winner_as_stated and tie.winner_as_stated != tie.winner_name:
                note(tie.winner_as_stated, order, src)
            noted = (tie.team1, tie.team2)
            for leg in tie.legs:
                for team in (leg.home, leg.away):
                    # A spelling just noted for this tie (same season) would change nothing.
                    if team not in noted or team not in seen:
                        note(team, order, (src.file, leg.line or src.line), used=0)
            vote(tie.team1, tie.code1, order)
            vote(tie.team2, tie.code2, order)
        for match in season.matches:
            where = match.source or SourceRef(season.source_file, match.line)
            note(match.home, order, where)
            note(match.away, order, where)
        for spelling, code in season.countries:
            vote(spelling, code, order)

    for entry in curated:
        for alias in entry.aliases:
            groups.union(fold(entry.name), fold(alias))

    def curated_of(root: str) -> CuratedClub | None:
        return next((c for c in curated if groups.find(fold(c.name)) == root), None)

    for order, season in enumerate(ordered):
        src = SourceRef(season.source_file, 0)
        for stated, used in season.aliases:
            if not fold(stated) or not fold(used):
                continue
            note(stated, order, src, used=0)
            note(used, order, src, used=0)
            ra, rb = groups.find(fold(stated)), groups.find(fold(used))
            ca, cb = curated_of(ra), curated_of(rb)
            if ca is not None and cb is not None and ca is not cb:
                msg = (
                    f"the document says {stated!r} is {used!r}, but clubs.toml lists them as "
                    f"different clubs ({ca.name!r}, {cb.name!r}); keeping them apart"
                )
                diagnostics.append(Diagnostic(src, msg))
                continue
            groups.union(ra, rb)

    members: dict[str, list[str]] = {}
    for spelling in seen:
        members.setdefault(groups.find(fold(spelling)), []).append(spelling)
    group_votes: dict[str, _Votes] = {}
    for folded, v in votes.items():
        target = group_votes.setdefault(groups.find(folded), _Votes())
        for code, n in v.codes.items():
            target.codes[code] += n
            target.newest[code] = max(target.newest.get(code, -1), v.newest[code])
    curated_by_root = {groups.find(fold(c.name)): c for c in curated}
    clubs: list[Club] = []
    for root, spellings in members.items():
        known = curated_by_root.get(root)
        by_use = sorted(spellings, key=lambda s: (-seen[s].count, -seen[s].newest, s))
        where = seen[by_use[0]].source or SourceRef("", 0)
        country = _country(by_use[0], known, group_votes.get(root), where, diagnostics)
        clubs.append(_make_club(by_use, known, country))
    clubs = _drop_clashing_nicknames(clubs, curated_by_root.values(), diagnostics)
    clubs.sort(key=lambda c: (fold(c.name), c.key))
    club_of: dict[str, str] = {}
    for club in clubs:
        for spelling in (club.name, *club.aliases):
            club_of.setdefault(spelling, club.key)
    return Registry(tuple(clubs), MappingProxyType(club_of), tuple(diagnostics))


def _make_club(by_use: list[str], curated: CuratedClub | None, country: str | None) -> Club:
    """Canonical name: the curated one, else the most used spelling (newest season breaks ties)."""
    name = curated.name if curated else by_use[0]
    aliases = [s for s in by_use if s != name]
    if curated:
        aliases += [a for a in curated.aliases if a != name and a not in aliases]
    nicknames = curated.nicknames if curated else ()
    return Club(slug(name), name, country, tuple(aliases), tuple(nicknames))


def _country(
    spelling: str,
    curated: CuratedClub | None,
    votes: _Votes | None,
    where: SourceRef,
    diagnostics: list[Diagnostic],
) -> str | None:
    """The documents' majority code (the newest season breaks a tie), else clubs.toml."""
    stated = curated.country if curated else None
    if votes is None or not votes.codes:
        return stated
    best = max(votes.codes, key=lambda c: (votes.codes[c], votes.newest[c], c == stated, c))
    if len(votes.codes) > 1:
        detail = ", ".join(f"{c} x{n}" for c, n in votes.codes.most_common())
        msg = f"{spelling!r} has different country codes ({detail}); using {best}"
        diagnostics.append(Diagnostic(where, msg))
    if curated is not None and stated is not None and stated != best:
        msg = (
            f"clubs.toml says {curated.name!r} is {stated}, the documents say {best}; using {best}"
        )
        diagnostics.append(Diagnostic(curated.source or where, msg))
    return best


def _drop_clashing_nicknames(
    clubs: list[Club], curated: Iterable[CuratedClub], diagnostics: list[Diagnostic]
) -> list[Club]:
    """A nickname equal to another club's spelling would make that spelling ambiguous."""
    spelled = {fold(s): c.name for c in clubs for s in (c.name, *c.aliases)}
    sources = {c.name: c.source for c in curated}
    result: list[Club] = []
    for club in clubs:
        keep = []
        for nick in club.nicknames:
            other = spelled.get(fold(nick))
            if other is not None and other != club.name:
                msg = f"nickname {nick!r} of {club.name!r} is a spelling of {other!r}; ignored"
                diagnostics.append(Diagnostic(sources.get(club.name) or SourceRef("", 0), msg))
            else:
                keep.append(nick)
        if len(keep) != len(club.nicknames):
            club = Club(club.key, club.name, club.country, club.aliases, tuple(keep))
        result.append(club)
    return result

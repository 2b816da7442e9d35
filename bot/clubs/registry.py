"""Club identity: which team spellings across seasons are one club.

Two uses of a spelling are the same club only when folding, the country codes
the documents give and curated data (clubs.toml, the published club lists) say
so (``identity``) -- never by fuzzy similarity, because African club names are
full of near-twins that are different clubs (Al-Ahly / Al-Ahli Tripoli, AC
Léopards / AFC Leopards) and of one name shared across countries ("AS
Douanes").  Fuzzy matching belongs to reading user input, not here.  What the
rules cannot settle is a question (``questions``) for the curated data.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from bot.clubs.curated import CuratedClub, CuratedDataError, load_curated, parse_curated
from bot.clubs.identity import Identity, Node, Question, general, identify
from bot.clubs.localized import LocalizedNames, with_names
from bot.clubs.questions import fold_alike, no_country, two_countries
from bot.clubs.sightings import Sighting, split_city
from bot.clubs.sources import LISTS_DIR
from bot.domain.bulk import collector_paused
from bot.domain.catalog import Spelling
from bot.domain.models import Club, Diagnostic, Season, SourceRef
from bot.domain.names import fold, slug

__all__ = [
    "CuratedClub",
    "CuratedDataError",
    "Question",
    "Registry",
    "build_registry",
    "load_curated",
    "parse_curated",
]


@dataclass(frozen=True, slots=True)
class Registry:
    """Every club; the club behind each spelling (``club_of`` whatever the country, for a
    spelling that is one club only; ``spellings`` by spelling, country and place)."""

    clubs: tuple[Club, ...]
    club_of: Mapping[str, str]
    diagnostics: tuple[Diagnostic, ...] = ()
    spellings: Mapping[Spelling, str] = field(default_factory=lambda: MappingProxyType({}))
    questions: tuple[Question, ...] = ()


def build_registry(
    seasons: Sequence[Season],
    curated: Sequence[CuratedClub],
    names: Sequence[LocalizedNames] = (),
) -> Registry:
    """Group every spelling in ``seasons`` into clubs, using folding, codes and curated data;
    ``names`` (names.toml) adds what fans call each club in their language."""
    with collector_paused():
        return _build(seasons, curated, names)


@dataclass(slots=True)
class _Used:
    """Every use of one spelling as one node, summed up in one pass: most of the hundreds of
    thousands of uses in a large season repeat a spelling already seen."""

    first: Sighting
    weight: int = 0
    newest: int = -1
    counted: Sighting | None = None  # the first use that counts (weight), and when it came
    counted_at: int = 0


def _tally(uses: Sequence[tuple[Sighting, Node]]) -> dict[tuple[str, Node], _Used]:
    """(spelling, node) -> its uses summed up, in the order each was first used."""
    tally: dict[tuple[str, Node], _Used] = {}
    for i, (seen, node) in enumerate(uses):
        used = tally.get((seen.text, node))
        if used is None:
            used = tally[(seen.text, node)] = _Used(seen)
        used.weight += seen.weight
        if seen.order > used.newest:
            used.newest = seen.order
        if used.counted is None and seen.weight:
            used.counted, used.counted_at = seen, i
    return tally


def _build(
    seasons: Sequence[Season], curated: Sequence[CuratedClub], names: Sequence[LocalizedNames]
) -> Registry:
    identity = identify(seasons, curated)
    find = identity.groups.find
    tally = _tally(identity.uses)
    members: dict[Node, list[tuple[Node, _Used]]] = defaultdict(list)
    for (_, node), used in tally.items():
        members[find(node)].append((node, used))
    diagnostics = list(identity.diagnostics)
    countries: dict[Node, str | None] = {}
    made: dict[Node, Club] = {}
    for root, uses in members.items():
        owner = identity.curated_of(root)
        known = curated[owner] if owner is not None else None
        country = _country(uses, known, diagnostics)
        countries[root] = country
        club = _make_club([used for _, used in uses], known, identity, root)
        made[root] = Club(club.key, club.name, country, club.aliases, club.nicknames)
    clubs = with_names(_unique_names(list(made.values())), names)
    clubs = _drop_clashing_nicknames(clubs, curated, diagnostics)
    by_root = dict(zip(made, clubs, strict=True))
    spellings: dict[Spelling, str] = {}
    for (text, node), used in tally.items():
        key = by_root[find(node)].key
        spellings[Spelling(text, used.first.code, node[2] or None, node[3])] = key
    for root, club in by_root.items():
        owner = identity.curated_of(root)
        if owner is not None:
            for spelling in curated[owner].spellings:
                spellings.setdefault(Spelling(spelling, curated[owner].country), club.key)
    questions = [
        *identity.questions,
        *fold_alike(identity),
        *two_countries(identity, [c for c in curated if not _from_list(c)]),
        *no_country({r: _first_counted(u) for r, u in members.items()}, countries),
    ]
    clubs.sort(key=lambda c: (fold(c.name), c.key))
    return Registry(
        tuple(clubs),
        MappingProxyType(_plain(spellings, clubs)),
        tuple(diagnostics),
        MappingProxyType(spellings),
        tuple(questions),
    )


def _first_counted(uses: Sequence[tuple[Node, _Used]]) -> list[Sighting]:
    """A club's first use that counts (none, or one)."""
    counted = [used for _, used in uses if used.counted is not None]
    first = min(counted, key=lambda used: used.counted_at, default=None)
    return [first.counted] if first is not None and first.counted is not None else []


def _from_list(club: CuratedClub) -> bool:
    """A published list's club (its source is under ``clubs/``), not one of clubs.toml."""
    return club.source is not None and club.source.file.startswith(f"{LISTS_DIR}/")


def _plain(spellings: Mapping[Spelling, str], clubs: Iterable[Club]) -> dict[str, str]:
    """spelling -> key for every spelling that is one club whatever its country."""
    used: dict[str, set[str]] = defaultdict(set)
    for sp, key in spellings.items():
        used[sp.text].add(key)
    named: dict[str, set[str]] = defaultdict(set)
    for club in clubs:
        for text in (club.name, *club.aliases):
            named[text].add(club.key)
    plain = {text: keys for text, keys in named.items() if text not in used}
    plain.update(used)
    return {text: next(iter(keys)) for text, keys in plain.items() if len(keys) == 1}


def _country(
    uses: Sequence[tuple[Node, _Used]],
    known: CuratedClub | None,
    diagnostics: list[Diagnostic],
) -> str | None:
    """The curated country, else the documents' code (the majority, the newest breaks ties);
    a code clubs.toml corrects for one tie (``at``) does not vote."""
    votes: Counter[str] = Counter()
    newest: dict[str, int] = {}
    for node, used in uses:
        code = used.first.code
        if code is not None and not node[2]:
            votes[code] += used.weight
            newest[code] = max(newest.get(code, -1), used.newest)
    if known is not None and known.country is not None:
        return known.country
    if not votes:
        return None
    best = max(votes, key=lambda c: (votes[c], newest[c], c))
    if len(votes) > 1:
        detail = ", ".join(f"{c} x{n}" for c, n in votes.most_common())
        first = uses[0][1].first
        message = f"{first.text!r} has different country codes ({detail}); using {best}"
        diagnostics.append(Diagnostic(first.where, message))
    return best


def _make_club(
    uses: Sequence[_Used], known: CuratedClub | None, identity: Identity, root: Node
) -> Club:
    """Canonical name: the curated one, else the most used spelling (newest season breaks
    ties), an RSSSF "Name (City)" shown as "Name" when that is the club's name too."""
    count: Counter[str] = Counter()
    newest: dict[str, int] = {}
    for used in uses:
        text = used.first.text
        count[text] += used.weight
        newest[text] = max(newest.get(text, -1), used.newest)
    by_use = sorted(count, key=lambda s: (split_city(s)[1] is not None, -count[s], -newest[s], s))
    name = known.name if known else by_use[0]
    bare, city = split_city(name)
    if known is None and city is not None and fold(bare):
        codes = {used.first.code for used in uses if used.first.text == name}
        if any(identity.groups.find(general(fold(bare), c)) == root for c in codes):
            name = bare
    aliases = [s for s in by_use if s != name]
    if known:
        aliases += [a for a in known.aliases if a != name and a not in aliases]
    nicknames = known.nicknames if known else ()
    return Club(slug(name), name, None, tuple(aliases), tuple(nicknames))


def _unique_names(clubs: list[Club]) -> list[Club]:
    """Two clubs never share a name (or key): a clash gets the country, then a number."""
    by_name: dict[str, list[int]] = defaultdict(list)
    for i, club in enumerate(clubs):
        by_name[fold(club.name)].append(i)
    result = list(clubs)
    for clashing in (v for v in by_name.values() if len(v) > 1):
        for i in clashing:
            c = result[i]
            name = f"{c.name} ({c.country or 'country unknown'})"
            result[i] = Club(slug(name), name, c.country, (c.name, *c.aliases), c.nicknames)
    keys: Counter[str] = Counter()
    for i, c in enumerate(result):
        keys[c.key] += 1
        if keys[c.key] > 1:
            name = f"{c.name} {keys[c.key]}"
            result[i] = Club(slug(name), name, c.country, c.aliases, c.nicknames)
    return result


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
        if len(keep) != len(club.nicknames):  # a localized name dropped is not shown either
            dropped = set(club.nicknames) - set(keep)
            shown = tuple(pair for pair in club.names if pair[1] not in dropped)
            club = replace(club, nicknames=tuple(keep), names=shown)
        result.append(club)
    return result

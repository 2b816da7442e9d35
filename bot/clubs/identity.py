"""Which uses of a spelling are one club: folded names, country codes, curated data.

A use is a node ``(folded spelling, country code, file, line)`` (file and line
only for a curated exception).  Nodes are joined, never by similarity, when:
clubs.toml or a club list names both spellings in that country; a document says
one spelling is the other; an RSSSF "Name (City)" is the only club of that name
and country with that city (two cities, or a curated club of another city, keep
them apart); a spelling with no country has exactly one club it can be.  What
cannot be settled this way becomes a question for the curated data.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.clubs.curated import CuratedClub
from bot.clubs.sightings import Sighting, sightings, split_city, stated_aliases
from bot.domain.models import Diagnostic, Season, SourceRef
from bot.domain.names import fold

Node = tuple[str, str | None, str, int]


def general(folded: str, code: str | None) -> Node:
    return (folded, code, "", 0)


@dataclass(frozen=True, slots=True)
class Question:
    """Something about club identity only curated data can settle, and where it shows."""

    message: str
    sources: tuple[SourceRef, ...]

    def __str__(self) -> str:
        return (
            f"{self.sources[0]}: identity question: {self.message}"
            if self.sources
            else (f"identity question: {self.message}")
        )


class UnionFind:
    """Nodes in groups; the first node seen of a group is its root (stable, deterministic)."""

    def __init__(self) -> None:
        self.parent: dict[Node, Node] = {}
        self.rank: dict[Node, int] = {}

    def add(self, node: Node) -> Node:
        if node not in self.parent:
            self.parent[node] = node
            self.rank[node] = len(self.rank)
        return node

    def find(self, node: Node) -> Node:
        self.add(node)
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def union(self, a: Node, b: Node, *, under: bool = False) -> None:
        """One group of ``a``'s and ``b``'s; ``under``: ``b``'s root stays the root."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            first, second = (ra, rb) if self.rank[ra] < self.rank[rb] else (rb, ra)
            if under:
                first, second = rb, ra
            self.parent[second] = first


@dataclass
class Identity:
    """The groups of nodes, the use behind each, and what could not be settled."""

    curated: Sequence[CuratedClub]
    groups: UnionFind = field(default_factory=UnionFind)
    uses: list[tuple[Sighting, Node]] = field(default_factory=list)
    owner: dict[Node, int] = field(default_factory=dict)  # curated node -> curated index
    diagnostics: list[Diagnostic] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)

    def curated_of(self, node: Node) -> int | None:
        """The curated club a node's group belongs to (the first by file order)."""
        return self.owner.get(self.groups.find(node))

    def _join(self, a: Node, b: Node, *, under: bool = False) -> bool:
        """Join two groups unless they are two different curated clubs."""
        ca, cb = self.curated_of(a), self.curated_of(b)
        if ca is not None and cb is not None and ca != cb:
            return False
        owner = ca if ca is not None else cb
        self.groups.union(a, b, under=under)
        if owner is not None:
            self.owner[self.groups.find(a)] = owner
        return True

    def build(self, seasons: Sequence[Season]) -> Identity:
        self._curated_nodes()
        at = {(p.file, p.line): i for i, c in enumerate(self.curated) for p in c.at}
        for seen in sightings(seasons):
            if not seen.folded:
                message = f"team name {seen.text!r} has no letters or digits"
                self.diagnostics.append(Diagnostic(seen.where, message))
                continue
            self.uses.append((seen, self._place(seen, at)))
        pairs = list(stated_aliases(seasons))
        self._stated([(a, b) for a, b in pairs if a.code and b.code])
        self._cities()
        self._countryless_curated()
        self._countryless_uses()
        self._stated([(a, b) for a, b in pairs if not (a.code and b.code)])
        return self

    def _stated(self, pairs: Sequence[tuple[Sighting, Sighting]]) -> None:
        """The documents' own aliases (those with countries first, before the city rule;
        those without once the uses without a country found their club)."""
        for a, b in pairs:
            nodes = (general(a.folded, a.code), general(b.folded, b.code))
            if a.folded and b.folded and not self._join(*nodes):
                self.diagnostics.append(Diagnostic(a.where, (
                    f"the document says {a.text!r} is {b.text!r}, but the curated data lists "
                    "them as different clubs; keeping them apart"
                )))  # fmt: skip

    def _curated_nodes(self) -> None:
        for i, club in enumerate(self.curated):
            folded = dict.fromkeys(f for f in (fold(s) for s in club.spellings) if f)
            nodes = (general(f, club.country) for f in folded)
            free = [n for n in nodes if self.curated_of(n) is None]
            for node in free:
                self.groups.union(free[0], node)
            if free:
                self.owner[self.groups.find(free[0])] = i

    def _place(self, seen: Sighting, at: dict[tuple[str, int], int]) -> Node:
        """The use's node: a curated exception for this tie (``at``), else its spelling's."""
        bare = fold(split_city(seen.text)[0])
        for line in seen.places:
            i = at.get((seen.where.file, line))
            if i is not None and {seen.folded, bare} & {fold(s) for s in self.curated[i].spellings}:
                node = (seen.folded, seen.code, seen.where.file, seen.where.line)
                self._join(general(fold(self.curated[i].name), self.curated[i].country), node)
                return node
        return self.groups.add(general(seen.folded, seen.code))

    def _cities(self) -> None:
        """RSSSF's "Name (City)" is the club "Name" of its country unless the city says no."""
        cities: dict[Node, set[str]] = defaultdict(set)
        found: list[tuple[Sighting, Node, Node, str]] = []
        for seen, node in self.uses:
            bare, city = split_city(seen.text)
            if city is None or seen.code is None or not fold(bare) or node[2]:
                continue
            plain = general(fold(bare), seen.code)
            cities[plain].add(fold(city))
            found.append((seen, node, plain, fold(city)))
        asked: set[Node] = set()
        for seen, node, plain, city in found:
            owner = self.curated_of(plain) if plain in self.groups.parent else None
            if owner is None:
                if len(cities[plain]) == 1:
                    self._join(node, plain)
                continue
            known = self.curated[owner].city
            if known is not None and fold(known) == city:
                self._join(node, plain)
            elif known is None and self.curated_of(node) is None and node not in asked:
                asked.add(node)
                name = self.curated[owner].name
                self.questions.append(Question(
                    f"{seen.text!r} ({seen.code}) may be {name!r}, whose city the curated "
                    "data does not give: give its city, or curate the other club",
                    (seen.where, *(s for s in (self.curated[owner].source,) if s)),
                ))  # fmt: skip

    def _countryless_curated(self) -> None:
        """A curated club with no country takes its spellings in any country."""
        spellings = {
            fold(s): i for i, c in enumerate(self.curated) if c.country is None for s in c.spellings
        }
        for seen, node in self.uses:
            i = spellings.get(seen.folded)
            if i is not None and seen.code is not None and not node[2]:
                self._join(general(seen.folded, None), node)

    def _countryless_uses(self) -> None:
        """A spelling used with no country is the one club of that spelling, if only one
        (clubs the documents use first, then curated clubs no document codes)."""
        coded: dict[str, set[Node]] = defaultdict(set)
        for node in list(self.groups.parent):
            if node[1] is not None and not node[2]:
                coded[node[0]].add(node)
        used = {self.groups.find(n) for _, n in self.uses if n[1] is not None}
        settled = set(used)
        asked: set[str] = set()
        for seen, node in self.uses:
            if seen.code is not None or node[2] or self.groups.find(node) in settled:
                continue
            roots = {self.groups.find(n) for n in coded.get(seen.folded, ())}
            choice = ({r for r in roots if r in used} or roots) if roots else set()
            if len(choice) == 1:
                self._join(node, next(iter(choice)), under=True)
            elif len(choice) > 1 and seen.folded not in asked:
                asked.add(seen.folded)
                codes = sorted({r[1] or "?" for r in choice})
                self.questions.append(Question(
                    f"{seen.text!r} has no country here and is a club of {', '.join(codes)}: "
                    "give this tie a curated place (clubs.toml 'at')",
                    (seen.where,),
                ))  # fmt: skip


def identify(seasons: Sequence[Season], curated: Sequence[CuratedClub]) -> Identity:
    """Group every use of a team spelling in ``seasons`` into clubs."""
    return Identity(curated).build(seasons)

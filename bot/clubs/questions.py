"""The identity questions only curated data can answer, each with where it shows.

Three kinds, besides those met while grouping (``identity``): two clubs of one
country whose names fold alike ("La Passe" and "La Passe FC": one club, or
two?), one name coded with two countries ("AS Police" CGO and NIG: two clubs,
or a wrong code?), and a club no document or curated entry gives a country.
A question is settled when curated data speaks for every club in it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from bot.clubs.curated import CuratedClub
from bot.clubs.identity import Identity, Node, Question
from bot.clubs.sightings import Sighting, loose_keys, split_city
from bot.domain.models import SourceRef
from bot.domain.names import fold


def _first_uses(uses: Iterable[tuple[Sighting, Node]]) -> dict[tuple[str, str | None], Sighting]:
    """The first use of each spelling and code (a curated exception, ``at``, is settled)."""
    first: dict[tuple[str, str | None], Sighting] = {}
    for seen, node in uses:
        if seen.weight and not node[2]:
            first.setdefault((seen.text, seen.code), seen)
    return first


def _show(seen: Sighting) -> str:
    return f"{seen.text!r} ({seen.code or 'no country'})"


def fold_alike(identity: Identity) -> list[Question]:
    """Two clubs of one country whose spellings share their naming words."""
    find, curated_of = identity.groups.find, identity.curated_of
    buckets: dict[tuple[tuple[str, ...], str], dict[Node, Sighting]] = defaultdict(dict)
    for seen, node in identity.uses:
        root = find(node)
        owner = curated_of(root)
        code = (
            seen.code or root[1] or (identity.curated[owner].country if owner is not None else None)
        )
        if code is None or not seen.weight:
            continue
        for key in loose_keys(seen.text):
            buckets[(key, code)].setdefault(root, seen)
    asked: set[frozenset[Node]] = set()
    questions = []
    for (_, code), found in buckets.items():
        roots = frozenset(found)
        if len(roots) < 2 or roots in asked or all(curated_of(r) is not None for r in roots):
            continue
        asked.add(roots)
        shown = sorted(found.values(), key=lambda s: (s.text, str(s.where)))
        questions.append(Question(
            f"{' and '.join(repr(s.text) for s in shown)} ({code}) fold alike but are "
            f"{len(roots)} clubs: one club (aliases in clubs.toml) or several (curate each)",
            tuple(s.where for s in shown),
        ))  # fmt: skip
    return questions


def two_countries(identity: Identity, toml: Sequence[CuratedClub]) -> list[Question]:
    """One name used with two country codes, unless curated data names a club in each."""
    find, curated_of = identity.groups.find, identity.curated_of
    codes: dict[str, dict[str, tuple[Node, Sighting | None, SourceRef | None]]] = defaultdict(dict)
    for (text, code), seen in _first_uses(identity.uses).items():
        if code is None:
            continue
        for folded in dict.fromkeys((fold(text), fold(split_city(text)[0]))):
            node = find((seen.folded, code, "", 0))
            codes[folded].setdefault(code, (node, seen, seen.where))
    for club in toml:
        if club.country is None:
            continue
        for folded in (fold(s) for s in club.spellings):
            if folded in codes and club.country not in codes[folded]:
                node = find((folded, club.country, "", 0))
                codes[folded][club.country] = (node, None, club.source)
    questions = []
    asked: set[frozenset[Node]] = set()
    for by_code in codes.values():
        nodes = frozenset(n for n, _, _ in by_code.values())
        if len(by_code) < 2 or nodes in asked:
            continue
        if all(curated_of(n) is not None for n, _, _ in by_code.values()):
            continue
        asked.add(nodes)
        shown = [_show(s) if s else f"clubs.toml ({c})" for c, (_, s, _) in sorted(by_code.items())]
        questions.append(Question(
            f"one name, two countries: {'; '.join(shown)}: a club per country "
            "(curate each) or a wrong code (clubs.toml 'at')",
            tuple(w for c in sorted(by_code) if (w := by_code[c][2]) is not None),
        ))  # fmt: skip
    return questions


def no_country(
    roots: Mapping[Node, Sequence[Sighting]], countries: Mapping[Node, str | None]
) -> list[Question]:
    """A club that no document codes and no curated entry places."""
    questions = []
    for root, seen in roots.items():
        if countries.get(root) is None and seen:
            first = seen[0]
            questions.append(Question(
                f"no document gives the country of {first.text!r}: add it to clubs.toml",
                (first.where,),
            ))  # fmt: skip
    return questions

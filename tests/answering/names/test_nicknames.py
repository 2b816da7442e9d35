"""Curated nicknames and initials (data/clubs.toml): each names exactly one loaded club."""

from __future__ import annotations

from functools import cache

from bot.answering.clubnames import NameIndex, Rule
from bot.clubs.curated import load_curated
from bot.domain.catalog import Catalog
from bot.domain.names import fold
from tests.paths import CLUBS


@cache
def curated() -> list[tuple[str, str]]:
    return [(c.name, n) for c in load_curated(CLUBS) for n in c.nicknames]


def test_the_nicknames_fans_use_are_curated() -> None:
    have = {fold(n) for _, n in curated()}
    wanted = """EST ESS CSS CA JSK MCA USMA CRB WAC RCA FAR RSB TPM ASEC Yanga Kotoko Mazembe
    Sundowns Downs Pirates Chiefs Petro D'Agosto""".split()
    assert [n for n in wanted if fold(n) not in have] == []


def test_every_nickname_names_exactly_its_loaded_club(all_data: Catalog, names: NameIndex) -> None:
    loaded = {c.name for c in all_data.clubs.values()}
    assert [club for club, _ in curated() if club not in loaded] == []
    wrong = []
    for club, nickname in curated():
        res = names.resolve(nickname)
        if res.club is None or res.club.name != club or res.rule not in (Rule.NICKNAME, Rule.EXACT):
            wrong.append((nickname, club, res.club.name if res.club else res.candidates))
    assert wrong == []


def test_no_nickname_is_shared_or_another_clubs_name(all_data: Catalog) -> None:
    owners: dict[str, set[str]] = {}
    for club in all_data.clubs.values():
        for nickname in club.nicknames:
            owners.setdefault(fold(nickname), set()).add(club.key)
    assert {n: k for n, k in owners.items() if len(k) > 1} == {}
    spelled = {fold(s): c.key for c in all_data.clubs.values() for s in (c.name, *c.aliases)}
    clash = {n: (k, spelled[n]) for n, k in owners.items() if n in spelled and spelled[n] not in k}
    assert clash == {}

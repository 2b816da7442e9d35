"""Hand-built seasons and a minimal registry, so storage is tested without the parser."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bot.domain.catalog import Spelling
from bot.domain.models import (
    Club,
    DecidedBy,
    Diagnostic,
    Disagreement,
    Goal,
    Group,
    Leg,
    LegStatus,
    Round,
    Season,
    Severity,
    Side,
    SourceRef,
    Stage,
    StandingRow,
    Tie,
    Version,
)
from bot.domain.names import slug


@dataclass(frozen=True)
class FakeRegistry:
    """Shape of bot.clubs.registry.Registry, built by hand for tests."""

    clubs: tuple[Club, ...]
    club_of: Mapping[str, str]
    diagnostics: tuple[Diagnostic, ...] = field(default=())
    spellings: Mapping[Spelling, str] = field(default_factory=dict)


def registry_for(seasons: Sequence[Season], merge: Mapping[str, str] | None = None) -> FakeRegistry:
    """One club per team spelling; ``merge`` maps a spelling to another spelling's club."""
    merge = dict(merge or {})
    clubs: dict[str, Club] = {}
    club_of: dict[str, str] = {}
    codes = {team: code for s in seasons for team, code in s.countries}
    for season in seasons:
        teams = [t for tie in season.ties for t in (tie.team1, tie.team2)]
        teams += [t for match in season.matches for t in (match.home, match.away)]
        for team in teams:
            if team is None or team in club_of:
                continue
            owner = merge.get(team, team)
            key = slug(owner)
            club = clubs.get(key) or Club(key, owner, codes.get(owner))
            if owner != team:
                club = Club(club.key, club.name, club.country, (*club.aliases, team))
            clubs[key] = club
            club_of[team] = key
    return FakeRegistry(tuple(clubs.values()), club_of)


def sample_seasons() -> tuple[Season, ...]:
    """Two seasons using every field of every model with a non-default value somewhere."""
    f1 = "cup-2014.txt"
    leg1 = Leg(
        "Al-Malakia",
        "CARA Brazzaville",
        0,
        1,
        LegStatus.PLAYED,
        dt.date(2014, 2, 7),
        (Goal("CARA Brazzaville", "Libaya", 70),),
        line=41,
    )
    leg2 = Leg(
        "CARA Brazzaville",
        "Al-Malakia",
        4,
        1,
        date=dt.date(2014, 2, 16),
        goals=(
            Goal("CARA Brazzaville", "Mbon", 9),
            Goal("CARA Brazzaville", "Baleckita", 45, added_time=2, penalty=True),
            Goal("CARA Brazzaville", "Mukedi"),
            Goal("Al-Malakia", "Ackuech", 12, own_goal=True),
        ),
        line=43,
    )
    tie1 = Tie(
        "Preliminary round",
        1,
        "Al-Malakia",
        "CARA Brazzaville",
        2,
        DecidedBy.AGGREGATE,
        SourceRef(f1, 40),
        code1="SSD",
        code2="CGO",
        legs=(leg1, leg2),
        aggregate=(1, 5),
        notes=("Played in Juba.", "Second note — with ünïcode"),
        winner_as_stated="CARA",
        advanced_to="First round",
    )
    tie2 = Tie(
        "Preliminary round",
        2,
        "Simba",
        "Recreativo do Libolo",
        1,
        DecidedBy.PENALTIES,
        SourceRef(f1, 50),
        legs=(
            Leg("Simba", "Recreativo do Libolo", 1, 1, line=51),
            Leg("Recreativo do Libolo", "Simba", 0, 0, line=52),
        ),
        aggregate=(1, 1),
        penalties=(5, 4),
    )
    tie3 = Tie(
        "First round",
        1,
        "Étoile du Sahel",
        "Nania",
        1,
        DecidedBy.WITHDRAWAL,
        SourceRef(f1, 70),
        legs=(Leg("Nania", "Étoile du Sahel", None, None, LegStatus.CANCELLED, line=71),),
        reason="Nania withdrew for financial reasons.",
    )
    tie4 = Tie(
        "First round",
        2,
        "Simba",
        None,
        1,
        DecidedBy.WALKOVER,
        SourceRef(f1, 80),
        single_match=True,
    )
    season1 = Season(
        "CAF Confederation Cup",
        "2014",
        (
            Round(
                "Preliminary round",
                1,
                (tie1, tie2),
                first_leg="7–9 February 2014",
                second_leg="14–16 February 2014",
                expected_ties=21,
                description="The preliminary round included 42 teams.",
                line=30,
            ),
            Round("First round", 2, (tie3, tie4), line=60),
            Round("Empty round", 3, ()),
        ),
        f1,
        2014,
        2014,
        countries=(("Al-Malakia", "SSD"), ("CARA Brazzaville", "CGO")),
        aliases=(("CARA", "CARA Brazzaville"),),
        diagnostics=(
            Diagnostic(SourceRef(f1, 12), "odd line", Severity.UNRECOGNIZED),
            Diagnostic(SourceRef(f1, 44), "aggregate mismatch"),
        ),
    )
    f2 = "cup-2023-24.txt"
    tie5 = Tie(
        "Second round",
        1,
        "Simba",
        "Al-Ahly",
        2,
        DecidedBy.AWAY_GOALS,
        SourceRef(f2, 9),
        legs=(
            Leg("Simba", "Al-Ahly", 2, 2, date=dt.date(2023, 10, 20), line=10),
            Leg("Al-Ahly", "Simba", 1, 1, date=dt.date(2023, 10, 24), line=11),
        ),
        aggregate=(3, 3),
        disagreements=(
            Disagreement("date", (Version("2023-10-20", SourceRef(f2, 10)),
                                  Version("2023-10-21", SourceRef("other.txt", 4))), 1),
            Disagreement("winner", (Version("Al-Ahly", SourceRef(f2, 9)),
                                    Version("Simba", SourceRef("other.txt", 3)))),
        ),
    )  # fmt: skip
    season2 = Season(
        "CAF Champions League",
        "2023–24",
        (Round("Second round", 1, (tie5,), line=8), _group_round(f2), _final_round(f2)),
        f2,
        2023,
        2024,
        merged_from=("other.txt", "third.txt"),
    )
    return season1, season2


def _group_round(file: str) -> Round:
    """A group stage: one named group with its printed table, one unnamed group without."""
    a1 = Leg("Simba", "Horoya", 1, 0, date=dt.date(2023, 11, 25), line=101,
             source=SourceRef("cup-2023-24-matches.txt", 7))  # fmt: skip
    a2 = Leg("Horoya", "Simba", 3, 0, LegStatus.AWARDED, line=102,
             goals=(Goal("Horoya", "awarded", None),))  # fmt: skip
    a3 = Leg("Simba", "Jwaneng Galaxy", None, None, LegStatus.ABANDONED, line=103)
    table = (
        StandingRow("Horoya", 2, 1, 0, 1, 3, 1, 3, line=110),
        StandingRow("Simba", 2, 1, 0, 1, 1, 3, 3, line=111),
        StandingRow("Jwaneng Galaxy", 1, 0, 1, 0, 2, 2, 1),
    )
    here, there = SourceRef("cup-2023-24-matches.txt", 7), SourceRef("other.txt", 20)
    moved = Disagreement("date", (Version("2023-11-25", here), Version("2023-11-26", there)), 1)
    group_a = Group(("Simba", "Horoya", "Jwaneng Galaxy"), (a1, a2, a3), "Group A", table, 100,
                    (moved,))  # fmt: skip
    b1 = Leg("Al-Hilal", "Wydad", 2, 2, line=121)
    group_b = Group(("Al-Hilal", "Wydad"), (b1,))
    return Round("Group stage", 2, (), line=99, stage=Stage.GROUP, groups=(group_a, group_b))


def _final_round(file: str) -> Round:
    """Single matches: one decided in extra time, one by its own shoot-out, one undecided."""
    et = Tie(
        "Final", 1, "Simba", "Wydad", Side.ONE, DecidedBy.SINGLE_MATCH, SourceRef(file, 140),
        legs=(Leg("Simba", "Wydad", 2, 1, line=141, extra_time=True),), single_match=True,
    )  # fmt: skip
    shootout = Leg("Wydad", "Al-Hilal", 1, 1, line=151, extra_time=True, penalties=(4, 3))
    pens = Tie(
        "Final", 2, "Wydad", "Al-Hilal", Side.ONE, DecidedBy.PENALTIES, SourceRef(file, 150),
        legs=(shootout,), penalties=(4, 3), single_match=True,
    )  # fmt: skip
    undecided = Tie(
        "Final", 3, "Horoya", "Al-Hilal", None, DecidedBy.UNKNOWN, SourceRef(file, 160),
        notes=("The source gives no result.",),
        sources=(SourceRef("cup-2023-24-rsssf.txt", 12), SourceRef(file, 161)),
    )  # fmt: skip
    return Round("Final", 3, (et, pens, undecided), line=139)


@pytest.fixture
def seasons() -> tuple[Season, ...]:
    return sample_seasons()


@pytest.fixture
def registry(seasons: tuple[Season, ...]) -> FakeRegistry:
    reg = registry_for(seasons, merge={"Al-Ahly": "Simba"})  # exercise an alias
    first = reg.clubs[0]
    names = (("ar", "الاسم"), ("ar", "اسم آخر"), ("fr", "Le Nom"))  # by language, in order
    nick = Club(first.key, first.name, first.country, (), ("The Nickname",), names)
    diag = Diagnostic(SourceRef("clubs.toml", 3), "unused curated club", Severity.WARNING)
    return FakeRegistry((nick, *reg.clubs[1:]), reg.club_of, (diag,))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "db" / "tiebot.sqlite3"

"""Whole tournaments as facts, on a hand-built season: groups, finals, how far each club went.

The season has two qualifying ties (one the source does not decide), two groups (one
named "Group A" with a printed table, one without a name), a semi-final round with a
club that won its tie but is not in the final, and a final; a second, qualifying-only
season ends before the group stage.
"""

from __future__ import annotations

import pytest

from bot.answering import facts as F
from bot.answering.analysis import club_record
from bot.answering.engine import Engine
from bot.answering.problems import UnknownGroup
from bot.answering.tournament import ReachKind, Tournaments, printed_differs
from bot.domain.catalog import Catalog
from bot.domain.models import (
    Club,
    DecidedBy,
    Group,
    Leg,
    Round,
    Season,
    Side,
    SourceRef,
    Stage,
    StandingRow,
    Tie,
)
from bot.domain.names import slug

FILE = "cup-2040-41.txt"


def _tie(rnd: str, i: int, a: str, b: str, score: tuple[int, int], winner: Side | None,
         how: DecidedBy = DecidedBy.AGGREGATE, single: bool = False) -> Tie:  # fmt: skip
    legs = (Leg(a, b, *score),) if single else (Leg(a, b, *score), Leg(b, a, 0, 0))
    return Tie(rnd, i, a, b, winner, how, SourceRef(FILE, 10 * i), legs=legs,
               single_match=single)  # fmt: skip


def _group(teams: tuple[str, ...], name: str | None, printed: bool = False) -> Group:
    a, b, c = teams
    matches = (Leg(a, b, 2, 0), Leg(b, c, 1, 1), Leg(c, a, 0, 1))
    table = ()
    if printed:  # as RSSSF prints it: the city in brackets after the name
        table = (
            StandingRow(f"{a} (Capital)", 2, 2, 0, 0, 3, 0, 6),
            StandingRow(c, 2, 0, 1, 1, 1, 2, 1),  # level with b on points and head-to-head:
            StandingRow(b, 2, 0, 1, 1, 1, 3, 1),  # ahead on goal difference
        )
    return Group(teams, matches, name, table)


def season() -> Season:
    qual = Round("Qual. Round", 1, (
        _tie("Qual. Round", 1, "Alpha", "Omega", (2, 0), Side.ONE),
        _tie("Qual. Round", 2, "Beta", "Psi", (1, 1), None, DecidedBy.UNKNOWN),
    ))  # fmt: skip
    groups = Round("Group stage", 2, (), stage=Stage.GROUP, groups=(
        _group(("Alpha", "Gamma", "Delta"), "Group A", printed=True),
        _group(("Epsilon", "Zeta", "Eta"), None),
    ))  # fmt: skip
    semis = Round("Semi-finals", 3, (
        _tie("Semi-finals", 1, "Alpha", "Epsilon", (3, 1), Side.ONE),
        _tie("Semi-finals", 2, "Gamma", "Zeta", (2, 1), Side.ONE),
    ))  # fmt: skip
    final = Round("Final", 4, (
        _tie("Final", 1, "Alpha", "Theta", (1, 0), Side.ONE, DecidedBy.SINGLE_MATCH, single=True),
    ))  # fmt: skip
    return Season("Test Cup", "2040–41", (qual, groups, semis, final), FILE, 2040, 2041)


def qualifying_only() -> Season:
    rnd = Round(
        "Play-off round", 1, (_tie("Play-off round", 1, "Beta", "Omega", (1, 0), Side.ONE),)
    )
    return Season("Test Cup", "2042", (rnd,), "cup-2042.txt", 2042, 2042)


@pytest.fixture(scope="module")
def engine() -> Engine:
    seasons = [season(), qualifying_only()]
    names = {t for s in seasons for tie in s.ties for t in (tie.team1, tie.team2) if t}
    names |= {t for s in seasons for m in s.matches for t in (m.home, m.away)}
    clubs = [Club(slug(n), n) for n in sorted(names)]
    return Engine(Catalog(seasons, clubs, {c.name: c.key for c in clubs}))


def test_tables_are_computed_and_checked_against_the_printed_one(engine: Engine) -> None:
    tours = engine.ctx.tours
    group_a, unnamed = tours.groups_of(engine.catalog.seasons[0])
    assert [r.team for r in group_a.table] == ["Alpha", "Delta", "Gamma"]
    assert (group_a.table[0].points, group_a.table[1].points) == (6, 1)
    assert group_a.name == "Group A" and unnamed.name is None
    assert not group_a.printed_differs  # "Alpha (Capital)" is Alpha: the city is set aside
    assert group_a.position("gamma") == 3 and group_a.row("zeta") is None
    wrong = (group_a.group.table[0], group_a.group.table[2], group_a.group.table[1])
    assert printed_differs(group_a.table, wrong)
    assert not printed_differs(group_a.table, ())


def test_finals(engine: Engine) -> None:
    tours = Tournaments.of(engine.catalog)
    final = tours.final_of(engine.catalog.seasons[0])
    assert final is not None and final.tie.team1 == "Alpha"
    assert tours.final_of(engine.catalog.seasons[1]) is None


@pytest.mark.parametrize(
    ("club", "label", "kind", "round_name"),
    [
        ("Alpha", "2040–41", ReachKind.CHAMPIONS, "Final"),
        ("Theta", "2040–41", ReachKind.RUNNERS_UP, "Final"),
        ("Epsilon", "2040–41", ReachKind.ELIMINATED, "Semi-finals"),
        ("Beta", "2040–41", ReachKind.UNDECIDED, "Qual. Round"),
        ("Gamma", "2040–41", ReachKind.REACHED, "Final"),  # won its semi, not in the final
        ("Delta", "2040–41", ReachKind.GROUP, "Group stage"),
        ("Beta", "2042", ReachKind.QUALIFIED, ""),  # on to the group stage beyond the document
        ("Omega", "2042", ReachKind.ELIMINATED, "Play-off round"),
    ],
)
def test_how_far_each_club_went(
    engine: Engine, club: str, label: str, kind: ReachKind, round_name: str
) -> None:
    facts = engine.answer("club", {"name": club, "season": label})
    assert isinstance(facts, F.ClubFacts)
    (run,) = facts.runs
    assert (run.reach.kind, run.reach.round_name) == (kind, round_name)


def test_a_club_in_the_group_is_no_gap_and_its_run_lists_the_group(engine: Engine) -> None:
    facts = engine.answer("tie", {"club": "Alpha", "season": "2040-41"})
    assert isinstance(facts, F.TieFacts)
    assert facts.gaps == ()
    assert [g.name for g in facts.groups] == ["Group A"]
    assert [e.round.name for e in facts.entries] == ["Qual. Round", "Semi-finals", "Final"]
    gamma = engine.answer("tie", {"club": "Gamma"})
    assert isinstance(gamma, F.TieFacts)
    assert [(g.reached, g.seen_next) for g in gamma.gaps] == [("Final", None)]


def test_group_by_name_by_club_or_all(engine: Engine) -> None:
    for text in ("A", "group a", "Group A", "GROUP-A"):
        found = engine.answer("group", {"season": "2040-41", "group": text})
        assert isinstance(found, F.GroupFacts), text
        assert [g.name for g in found.groups] == ["Group A"]
    by_club = engine.answer("group", {"season": "2040-41", "group": "Zeta"})
    assert isinstance(by_club, F.GroupFacts)
    assert by_club.club is not None and by_club.club.name == "Zeta"
    assert [g.name for g in by_club.groups] == [None]
    every = engine.answer("group", {"season": "2040-41"})
    assert isinstance(every, F.GroupFacts) and len(every.groups) == 2
    missing = engine.answer("group", {"season": "2040-41", "group": "C"})
    assert isinstance(missing, F.Refusal)
    assert missing.problem == UnknownGroup("C", "2040–41", ("Group A",))
    outside = engine.answer("group", {"season": "2040-41", "group": "Omega"})
    assert isinstance(outside, F.Refusal)
    assert type(outside.problem).__name__ == "NotInGroup"
    none = engine.answer("group", {"season": "2042"})
    assert isinstance(none, F.Refusal) and type(none.problem).__name__ == "NoGroupStage"


def test_winners(engine: Engine) -> None:
    facts = engine.answer("winners", {})
    assert isinstance(facts, F.WinnersFacts)
    (roll,) = facts.rolls
    assert [e.season.label for e in roll.finals] == ["2040–41"]
    assert [s.label for s in roll.without_final] == ["2042"]
    assert [(c.name, [s.label for s in won]) for c, won in roll.titles] == [("Alpha", ["2040–41"])]
    assert isinstance(engine.answer("winners", {"competition": "CL"}), F.Refusal)  # not loaded


def test_undecided_ties_are_neither_won_nor_lost(engine: Engine) -> None:
    entries = engine.catalog.entries_for("beta")
    rec = club_record(entries, "beta")
    assert (rec.ties_won, rec.ties_lost, rec.ties_undecided) == (1, 0, 1)

"""Group tables computed by CAF's rules, one tie-breaker at a time, and the eight RSSSF groups."""

from __future__ import annotations

import pytest

from bot.domain.models import Group, Leg, LegStatus, Stage, StandingRow
from bot.domain.names import fold
from bot.domain.standings import head_to_head, standings
from bot.parsing.rsssf.document import parse
from bot.parsing.rsssf.lines import split_city
from tests.paths import ROOT


def games(*lines: str) -> list[Leg]:
    """ "A-B 1-0" → a played match, A at home."""
    out = []
    for line in lines:
        teams, score = line.rsplit(" ", 1)
        home, away = teams.split("-")
        h, a = (int(x) for x in score.split("-"))
        out.append(Leg(home, away, h, a))
    return out


def order(matches: list[Leg], teams: tuple[str, ...] = ()) -> list[str]:
    return [row.team for row in standings(matches, teams)]


def test_rows_count_wins_draws_losses_goals_and_points() -> None:
    rows = standings(games("A-B 2-0", "B-C 1-1", "C-A 0-3"))
    assert rows == (
        StandingRow("A", 2, 2, 0, 0, 5, 0, 6),
        StandingRow("C", 2, 0, 1, 1, 1, 4, 1),
        StandingRow("B", 2, 0, 1, 1, 1, 3, 1),
    )


def test_head_to_head_points_beat_overall_goal_difference() -> None:
    matches = games("X-Y 1-0", "Y-X 0-0", "X-Z 1-0", "Z-X 1-0", "Y-Z 5-0", "Z-Y 0-5")
    assert order(matches) == ["X", "Y", "Z"]


def test_head_to_head_goal_difference_comes_next() -> None:
    matches = games("X-Y 3-0", "Y-X 1-0", "X-Z 1-0", "Z-X 0-1", "Y-Z 6-0", "Z-Y 0-6")
    assert order(matches, ("Y", "X", "Z")) == ["X", "Y", "Z"]


def test_head_to_head_goals_scored_among_three() -> None:
    # A, B, C all 3 points, all goal difference 0 between them; goals scored decide.
    matches = games("A-B 3-2", "B-C 1-0", "C-A 2-1")
    assert [(r.team, r.goals_for) for r in standings(matches, ("C", "B", "A"))] == [
        ("A", 4), ("B", 3), ("C", 2),
    ]  # fmt: skip


def test_head_to_head_away_goals_before_overall_goal_difference() -> None:
    matches = games("X-Y 2-1", "Y-X 1-0", "X-Z 4-0", "Z-X 0-4", "Y-Z 1-0", "Z-Y 0-1")
    assert order(matches) == ["Y", "X", "Z"]


def test_overall_goal_difference_when_head_to_head_is_level() -> None:
    matches = games("X-Y 1-1", "Y-X 1-1", "X-Z 3-0", "Z-X 0-3", "Y-Z 1-0", "Z-Y 0-1")
    assert order(matches, ("Y", "X", "Z")) == ["X", "Y", "Z"]


def test_overall_goals_scored_after_goal_difference() -> None:
    matches = games("X-Y 1-1", "Y-X 1-1", "X-Z 3-1", "Z-X 1-3", "Y-Z 2-0", "Z-Y 0-2")
    assert order(matches, ("Y", "X", "Z")) == ["X", "Y", "Z"]


def test_teams_no_rule_separates_keep_the_given_order() -> None:
    matches = games("X-Y 1-1", "Y-X 1-1", "X-Z 1-0", "Z-X 0-1", "Y-Z 1-0", "Z-Y 0-1")
    assert order(matches, ("Y", "X", "Z")) == ["Y", "X", "Z"]
    assert order(matches, ("X", "Y", "Z")) == ["X", "Y", "Z"]


def test_head_to_head_is_reapplied_to_the_teams_still_level() -> None:
    # A, B, C on 10 points.  Among the three, A leads; B and C are level on every
    # head-to-head criterion, so the criteria are reapplied to B v C alone (B took
    # 4 points of 6) before C's far better overall goal difference is looked at.
    matches = games(
        "A-B 1-0", "B-A 0-1", "B-C 1-0", "C-B 0-0", "C-A 1-0", "A-C 1-0",
        "A-D 0-0", "D-A 1-0", "B-D 1-0", "D-B 0-1", "C-D 5-0", "D-C 0-5",
    )  # fmt: skip
    rows = standings(matches, ("C", "B", "A", "D"))
    assert [(r.team, r.points) for r in rows] == [("A", 10), ("B", 10), ("C", 10), ("D", 4)]


def test_only_played_or_awarded_matches_with_scores_count() -> None:
    matches = [
        Leg("X", "Y", 0, 3, LegStatus.AWARDED),
        Leg("Y", "X", None, None, LegStatus.CANCELLED),
        Leg("Y", "Z", 1, 0, LegStatus.ABANDONED),
        Leg("Z", "X", 2, 2),
    ]
    # X and Z level on everything but away goals between them (X scored 2 at Z).
    assert standings(matches) == (
        StandingRow("Y", 1, 1, 0, 0, 3, 0, 3),
        StandingRow("X", 2, 0, 1, 1, 2, 5, 1),
        StandingRow("Z", 1, 0, 1, 0, 2, 2, 1),
    )


def test_head_to_head_rows_use_only_matches_between_the_teams() -> None:
    matches = games("X-Y 2-2", "Y-X 1-0", "X-Z 9-0")
    assert head_to_head(matches, ("X", "Y")) == (
        StandingRow("X", 2, 0, 1, 1, 2, 3, 1),
        StandingRow("Y", 2, 1, 1, 0, 3, 2, 4),
    )


def _groups() -> list[tuple[str, Group]]:
    page = ROOT / "data" / "seasons" / "rsssf" / "afcup2023.txt"
    found = []
    for season in parse(page.read_text(encoding="utf-8"), page.name):
        for rnd in season.rounds:
            if rnd.stage is Stage.GROUP:
                found += [(f"{season.competition} {g.name}", g) for g in rnd.groups]
    return found


GROUPS = _groups()


def test_the_page_has_eight_groups() -> None:
    assert len(GROUPS) == 8


def _numbers(row: StandingRow) -> tuple[int, ...]:
    return (
        row.played, row.won, row.drawn, row.lost, row.goals_for, row.goals_against, row.points,
    )  # fmt: skip


def _bare(team: str) -> str:
    return fold(split_city(team)[0])  # the table prints "JS Kabylie (Tizi Ouzou)"


@pytest.mark.parametrize(("name", "group"), GROUPS, ids=[n for n, _ in GROUPS])
def test_computed_table_equals_the_printed_table(name: str, group: Group) -> None:
    assert len(group.table) == 4, name
    computed = standings(group.matches, group.teams)
    assert [(_bare(r.team), _numbers(r)) for r in computed] == [
        (_bare(r.team), _numbers(r)) for r in group.table
    ]

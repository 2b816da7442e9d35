"""How a tie was decided, in words: each rule, with and without legs, never inventing a score."""

from __future__ import annotations

import datetime as dt

from bot.domain.models import DecidedBy, Goal, Leg, Round, Season, SourceRef, Tie
from bot.domain.score import aggregate, away_goals
from bot.wording.decisions import decision, stage_text
from bot.wording.legs import leg_line, scorer_lines
from bot.wording.markdown import echo, md
from tests.conftest import leg, season_2030

SRC = SourceRef("x.txt", 1)


def make(how: DecidedBy, winner: int = 1, **kw: object) -> Tie:
    return Tie("First round", 1, "Al-Ahly", "Difaâ El Jadidi", winner, how, SRC, **kw)  # type: ignore[arg-type]


def test_aggregate_from_the_winners_side() -> None:
    tie = make(DecidedBy.AGGREGATE, winner=2, aggregate=(1, 3))
    assert decision(tie) == "**Difaâ El Jadidi** won 3–1 on aggregate"


def test_aggregate_summed_from_legs_when_not_stated() -> None:
    legs = (leg("Al-Ahly", "Difaâ El Jadidi", 2, 0), leg("Difaâ El Jadidi", "Al-Ahly", 1, 1))
    tie = make(DecidedBy.AGGREGATE, legs=legs)
    assert aggregate(tie) == (3, 1)
    assert decision(tie) == "**Al-Ahly** won 3–1 on aggregate"


def test_aggregate_unknown_is_said() -> None:
    assert decision(make(DecidedBy.AGGREGATE)) == "**Al-Ahly** won on aggregate (score not given)"


def test_away_goals_with_legs_counts_them() -> None:
    legs = (leg("Al-Ahly", "Difaâ El Jadidi", 1, 0), leg("Difaâ El Jadidi", "Al-Ahly", 2, 1))
    tie = make(DecidedBy.AWAY_GOALS, legs=legs, aggregate=(2, 2))
    assert away_goals(tie) == (1, 0)
    assert decision(tie) == "2–2 on aggregate; **Al-Ahly** won on away goals (1 away goal to 0)"


def test_away_goals_without_legs() -> None:
    tie = Tie("First round", 1, "Simba", None, 1, DecidedBy.AWAY_GOALS, SRC, aggregate=(3, 3))
    assert decision(tie) == "3–3 on aggregate; **Simba** won on away goals"


def test_penalties_with_and_without_score() -> None:
    tie = Tie("Preliminary round", 1, "Gamtel", None, 1, DecidedBy.PENALTIES, SRC, aggregate=(1, 1))
    assert decision(tie) == (
        "1–1 on aggregate, level on away goals; **Gamtel** won the penalty shoot-out "
        "(score not given)"
    )
    scored = make(DecidedBy.PENALTIES, winner=2, aggregate=(1, 1), penalties=(3, 5))
    assert decision(scored).endswith("**Difaâ El Jadidi** won the penalty shoot-out 5–3")


def test_walkover_after_a_played_leg() -> None:
    legs = (leg("Djoliba", "Al-Masry", 2, 0), leg("Al-Masry", "Djoliba", None, None))
    tie = Tie(
        "First round", 2, "Djoliba", "Al-Masry", 2, DecidedBy.WALKOVER, SRC, legs=legs,
        reason="FIFA suspended the Malian Football Federation on 17 March 2017.",
    )  # fmt: skip
    assert decision(tie) == (
        "**Al-Masry** advanced on a walkover after FIFA suspended the Malian Football "
        "Federation on 17 March 2017; Djoliba had won the first leg 2–0"
    )


def test_withdrawal_unnamed_and_drawn_leg() -> None:
    tie = Tie("R", 1, "A", None, 1, DecidedBy.WITHDRAWAL, SRC)
    assert decision(tie) == "**A** advanced after the opponent (not named in the source) withdrew"
    drawn = Tie(
        "R", 1, "A", "B", 1, DecidedBy.WITHDRAWAL, SRC,
        legs=(leg("B", "A", 1, 1), leg("A", "B", None, None)), reason="B withdrew",
    )  # fmt: skip
    assert decision(drawn) == "**A** advanced after B withdrew; the first leg had ended 1–1"


def test_next_stage_stated_then_document_order_then_group_stage() -> None:
    season = season_2030()
    prelim, first, playoff = season.rounds
    assert stage_text(season, 1, prelim.ties[0]) == "the first round"  # stated
    assert stage_text(season, 2, first.ties[1]) == "the play-off round"  # next round
    assert stage_text(season, 3, playoff.ties[0]) == "the group stage"  # last round
    other = Season("C", "1", (Round("Second round", 1),), "f", 1, 1)
    stated = Tie("Second round", 1, "A", None, 1, DecidedBy.AGGREGATE, SRC, advanced_to="final")
    assert stage_text(other, 1, stated) == "the final"


def test_leg_and_scorer_lines() -> None:
    played = leg(
        "CARA Brazzaville", "Al-Malakia", 4, 1, date=dt.date(2014, 2, 16),
        goals=(Goal("CARA Brazzaville", "Mbon", 9), Goal("CARA Brazzaville", "Mukedi"),
               Goal("Al-Malakia", "Ackuech", 12), Goal("CARA Brazzaville", "X", 5, own_goal=True)),
    )  # fmt: skip
    assert leg_line(played, 2) == "16 Feb 2014 · **CARA Brazzaville** 4–1 Al-Malakia"
    assert scorer_lines(played) == [
        "› CARA Brazzaville: Mbon 9', Mukedi, X 5' (o.g.)",
        "› Al-Malakia: Ackuech 12'",
    ]
    assert leg_line(leg("A", "B", None, None), 1) == "1st leg · A v B — cancelled, not played"
    unknown = Leg("A", "B", None, None)  # played, score not stated
    assert leg_line(unknown, 3) == "3rd leg · A v B — score not given in the source"
    assert leg_line(leg("A", "B", 1, 2), 1) == "1st leg · A 1–2 **B**"  # bold marks the winner
    assert leg_line(leg("A", "B", 1, 1), 1) == "1st leg · A 1–1 B"  # a draw has none
    assert scorer_lines(leg("A", "B", 1, 0, goals=(Goal("A", "Z", penalty=True),))) == [
        "› A: Z (pen.)"
    ]


def test_md_and_echo_neutralise_markdown_and_mentions() -> None:
    assert md("a*b_c`d|e>f~g") == "a\\*b\\_c\\`d\\|e\\>f\\~g"
    assert "@everyone" not in md("@everyone") and "<@" not in md("<@123>")
    long = echo("x" * 500)
    assert len(long) == 100 and long.endswith("…")
    assert echo("line\nbreak") == "line break"

"""Engine commands on hand-built seasons: every command and its awkward cases."""

from __future__ import annotations

from bot.answering.methods import ASKABLE
from bot.cli.export import entry_to_dict
from bot.domain.models import DecidedBy
from bot.wording.answer import AnswerKind, Outcome
from bot.wording.speaker import Speaker

METHODS = tuple(m.value for m in ASKABLE)


def text(answer) -> str:
    return answer.to_markdown()


# ---- /tie ------------------------------------------------------------------------------


def test_tie_lists_all_seasons_newest_first_with_query(hand_engine: Speaker) -> None:
    a = hand_engine.answer("tie", "alpha")
    assert a.kind is AnswerKind.OK
    assert a.query == {"clubs": ["Alpha FC"], "season": None, "round": None, "competition": None}
    assert [e.season.label for e in a.ties] == ["2031–32", "2030", "2030"]
    assert [e.round.name for e in a.ties[1:]] == ["Preliminary round", "First round"]
    assert [b.outcome for b in a.blocks] == [Outcome.WON] * 3
    assert a.footer == "Sources: test-2031-32.txt, test-2030.txt"


def test_tie_unknown_opponent_is_said_not_invented(hand_engine: Speaker) -> None:
    a = hand_engine.answer("tie", "Alpha FC", "2030", "prelim")
    assert a.query["round"] == "Preliminary round"
    block = a.blocks[0]
    assert block.title == "2030 · Preliminary round — Alpha FC vs ?"
    assert "Opponent: not named in the source." in block.body
    assert "**Alpha FC** won 3–2 on aggregate." in block.body
    assert "Alpha FC advanced to the first round." in block.body


def test_tie_names_the_round_a_club_reached_without_a_described_tie(hand_engine: Speaker) -> None:
    a = hand_engine.answer("tie", "alpha", "2030")
    assert (
        "Alpha FC reached the play-off round, but the source does not describe that tie; "
        "no later round names Alpha FC, so the run ended there." in a.summary
    )
    only_gap = hand_engine.answer("tie", "alpha", "2030", "play-off")
    assert only_gap.kind is AnswerKind.OK and not only_gap.ties
    assert "reached the play-off round" in only_gap.summary


def test_tie_walkover_after_a_played_leg(hand_engine: Speaker) -> None:
    a = hand_engine.answer("tie", "alpha", "2030", "first")
    body = a.blocks[0].body
    assert "**Gamma Stars** 2–0 Alpha FC" in body
    assert "Alpha FC v Gamma Stars — cancelled, not played" in body
    assert (
        "**Alpha FC** advanced on a walkover after Gamma Stars withdrew prior to the second leg; "
        "Gamma Stars had won the first leg 2–0." in body
    )
    assert a.outcome is Outcome.WON


def test_tie_withdrawal_with_no_leg_played(hand_engine: Speaker) -> None:
    body = hand_engine.answer("tie", "delta", "2030", "prelim").blocks[0].body
    assert "**Delta City** advanced after Epsilon withdrew; neither leg was played." in body


def test_tie_penalties_without_score_and_lost_outcome(hand_engine: Speaker) -> None:
    a = hand_engine.answer("tie", "beta united", "2030")
    assert a.outcome is Outcome.LOST
    body = a.blocks[0].body
    assert "10 Feb 2030 · **Beta United** 1–0 Gamma Stars" in body
    assert "› Beta United: Kone 12'" in body
    assert "› Gamma Stars: Mensah 90+3' (pen.)" in body
    assert (
        "1–1 on aggregate, level on away goals; **Gamma Stars** won the penalty shoot-out "
        "(score not given)." in body
    )
    assert "Beta United were eliminated; Gamma Stars advanced to the first round." in body


def test_tie_penalties_with_score_from_the_winner(hand_engine: Speaker) -> None:
    body = hand_engine.answer("tie", "theta", "2031").blocks[0].body
    assert "**Gamma Stars** won the penalty shoot-out 4–2." in body


def test_tie_away_goals_counted_from_legs_and_notes(hand_engine: Speaker) -> None:
    body = hand_engine.answer("tie", "zeta", "2030", "first").blocks[0].body
    assert "2–2 on aggregate; **Zeta Rovers** won on away goals (1 away goal to 0)." in body
    assert "Note: Second leg played behind closed doors." in body


def test_tie_last_round_qualifies_for_group_stage(hand_engine: Speaker) -> None:
    body = hand_engine.answer("tie", "zeta", "2030", "playoff").blocks[0].body
    assert "Zeta Rovers qualified for the group stage." in body


def test_tie_club_without_ties_in_that_season(hand_engine: Speaker) -> None:
    a = hand_engine.answer("tie", "delta", "2031-32")
    assert a.kind is AnswerKind.NOT_FOUND
    assert "no tie of Delta City in 2031–32" in a.summary
    assert "Seasons with Delta City: 2030" in a.summary


def test_tie_unknown_season_and_round_list_the_choices(hand_engine: Speaker) -> None:
    a = hand_engine.answer("tie", "alpha", "1999")
    assert a.kind is AnswerKind.NOT_FOUND
    assert "No loaded season matches '1999'. Seasons: 2030, 2031–32." in a.summary
    b = hand_engine.answer("tie", "alpha", "2030", "quarter-final")
    assert b.kind is AnswerKind.NOT_FOUND
    assert "Rounds: Preliminary round, First round, Play-off round." in b.summary


def test_tie_ambiguous_and_unknown_club(hand_engine: Speaker) -> None:
    a = hand_engine.answer("tie", "Leopards")
    assert a.kind is AnswerKind.AMBIGUOUS
    assert a.ambiguous_option == "club"
    assert set(a.candidates) == {"Royal Leopards", "Black Leopards"}
    assert "Which one do you mean?" in a.summary
    b = hand_engine.answer("tie", "Qwxzv Nonsense")
    assert b.kind is AnswerKind.NOT_FOUND
    assert b.summary.startswith("No club matches 'Qwxzv Nonsense'.")
    c = hand_engine.answer("tie", "Alpa FC")  # a typo gets a club or a suggestion, never a crash
    assert c.kind is AnswerKind.OK or "Did you mean" in c.summary
    d = hand_engine.answer("tie", "   ")
    assert d.kind is AnswerKind.INVALID


def test_export_shape_of_answer_ties(hand_engine: Speaker) -> None:
    a = hand_engine.answer("tie", "alpha", "2030", "prelim")
    data = entry_to_dict(a.ties[0])
    assert data["team2"] is None and data["aggregate"] == [3, 2]


# ---- /club -----------------------------------------------------------------------------


def test_club_path_record_and_gap(hand_engine: Speaker) -> None:
    a = hand_engine.answer("club", "alpha fc")
    assert a.title == "Alpha FC"
    assert "Country: AAA" in a.summary
    titles = [b.title for b in a.blocks]
    assert titles == [
        "2031–32 — qualified for the group stage",
        "2030 — reached the play-off round (not described)",
        "Record",
    ]
    path_2030 = a.blocks[1].body.splitlines()
    assert path_2030 == [
        "Preliminary round: won 3–2 on aggregate (opponent not named in the source)",
        "First round: beat Gamma Stars on a walkover",
        "Play-off round: reached, but the source does not describe this tie; no later round "
        "names Alpha FC, so the run ended there.",
    ]
    assert "beat Beta United 3–2 on aggregate → qualified for the group stage" in a.blocks[0].body
    record = a.blocks[2].body
    assert "Ties: 3 won, 0 lost" in record
    assert "1W 0D 2L, goals 3–4" in record
    assert "Biggest win: 3–2 on aggregate v Beta United (2031–32 · First round)" in record


def test_club_elimination_path(hand_engine: Speaker) -> None:
    a = hand_engine.answer("club", "Delta City", "2030")
    assert a.blocks[0].body.splitlines() == [
        "Preliminary round: advanced after Epsilon withdrew",
        "First round: lost to Zeta Rovers on away goals (2–2 on aggregate) → eliminated",
    ]
    assert a.query["season"] == "2030"


# ---- /headtohead ------------------------------------------------------------------------


def test_headtohead_met(hand_engine: Speaker) -> None:
    a = hand_engine.answer("headtohead", "Alpha", "Beta")
    assert a.query["clubs"] == ["Alpha FC", "Beta United"]
    assert "1 tie between them: Alpha FC won 1, Beta United won 0." in a.summary
    assert len(a.ties) == 1 and a.blocks[0].outcome is Outcome.WON


def test_headtohead_never_met_lists_common_opponents(hand_engine: Speaker) -> None:
    a = hand_engine.answer("headtohead", "Beta United", "Theta")
    assert "never met in the loaded seasons (2030, 2031–32)" in a.summary
    assert a.blocks[0].title == "Common opponents"
    line = a.blocks[0].body
    assert line.startswith("**Gamma Stars** — Beta United: lost on penalties")
    assert "Theta: lost on penalties (1–1 on aggregate, 2–4 on penalties)" in line
    assert {e.tie.team1 for e in a.ties} == {"Beta United", "Gamma Stars"}


def test_headtohead_no_common_opponents(hand_engine: Speaker) -> None:
    a = hand_engine.answer("headtohead", "Alpha FC", "Delta City")
    assert "no common opponents" in a.summary and not a.blocks


def test_headtohead_same_club_and_ambiguous_side(hand_engine: Speaker) -> None:
    same = hand_engine.answer("headtohead", "Alpha", "alpha fc")
    assert same.kind is AnswerKind.INVALID
    amb = hand_engine.answer("headtohead", "Alpha", "Leopards")
    assert amb.kind is AnswerKind.AMBIGUOUS and amb.ambiguous_option == "club_b"


# ---- /season ----------------------------------------------------------------------------


def test_season_overview(hand_engine: Speaker) -> None:
    a = hand_engine.answer("season", "2030")
    body = "\n".join(f"{b.title}\n{b.body}" for b in a.blocks)
    assert "Preliminary round: 3 of the 4 preliminary-round ties are in the source" in body
    assert "First round: both first-round ties are in the source" in body
    assert "By a walkover: 1" in body and "On aggregate: 2" in body
    assert "From the play-off round, for the group stage: Zeta Rovers" in body
    assert "4–1 — **Zeta Rovers** beat Theta (Play-off round)" in body
    assert len(a.ties) == 6


def test_season_round_and_bad_inputs(hand_engine: Speaker) -> None:
    a = hand_engine.answer("season", "2031", "first")
    assert a.title == "2031–32 · First round"
    assert a.summary == "All 3 first-round ties are in the source."
    assert len(a.blocks) == 3 and len(a.ties) == 3
    assert hand_engine.answer("season", "").kind is AnswerKind.NOT_FOUND
    assert hand_engine.answer("season", "2040").kind is AnswerKind.NOT_FOUND


# ---- /decided ---------------------------------------------------------------------------


def test_decided_accepts_loose_words(hand_engine: Speaker) -> None:
    cases = {
        "pens": DecidedBy.PENALTIES,
        "penalty": DecidedBy.PENALTIES,
        "away": DecidedBy.AWAY_GOALS,
        "away goals": DecidedBy.AWAY_GOALS,
        "wo": DecidedBy.WALKOVER,
        "walkover": DecidedBy.WALKOVER,
        "withdrawn": DecidedBy.WITHDRAWAL,
        "agg": DecidedBy.AGGREGATE,
        "away_goals": DecidedBy.AWAY_GOALS,
    }
    for word, method in cases.items():
        a = hand_engine.answer("decided", word)
        assert a.kind is AnswerKind.OK, word
        assert a.query["method"] == method.value
        assert a.ties, word  # all() of nothing would hold for any method
        assert all(e.tie.decided_by is method for e in a.ties), word
    assert len(hand_engine.answer("decided", "pens").ties) == 2
    assert len(hand_engine.answer("decided", "pens", "2030").ties) == 1
    assert set(METHODS) == {"aggregate", "away_goals", "penalties", "walkover", "withdrawal"}


def test_decided_unknown_method_and_none_found(hand_engine: Speaker) -> None:
    a = hand_engine.answer("decided", "coin toss")
    assert a.kind is AnswerKind.NOT_FOUND
    assert "aggregate, away goals, penalties, walkover, withdrawal" in a.summary
    b = hand_engine.answer("decided", "walkover", "2031")
    assert b.kind is AnswerKind.OK and b.summary == "No tie in 2031–32 was decided by a walkover."


# ---- /about, /help, competitions, autocomplete -----------------------------------------


def test_about_and_help(hand_engine: Speaker) -> None:
    about = hand_engine.answer("about")
    body = text(about)
    assert "2030: 3 rounds, 6 ties (test-2030.txt)" in body
    assert "Ties: 9" in body
    help_text = text(hand_engine.answer("help"))
    for command in ("/tie", "/club", "/headtohead", "/season", "/decided", "/about"):
        assert command in help_text


def test_competition_narrows_and_is_named(multi_engine: Speaker) -> None:
    assert sorted(multi_engine.competitions()) == ["Other League", "Test Cup"]
    a = multi_engine.answer("tie", "alpha", "2030")
    assert {e.season.competition for e in a.ties} == {"Test Cup", "Other League"}
    assert any(b.title.startswith("Other League 2030 ·") for b in a.blocks)
    b = multi_engine.answer("tie", "alpha", competition="other")
    assert b.query["competition"] == "Other League"
    assert [e.season.competition for e in b.ties] == ["Other League"]
    c = multi_engine.answer("tie", "alpha", competition="Premier")
    assert c.kind is AnswerKind.NOT_FOUND and "Test Cup" in c.summary


def test_autocomplete(hand_engine: Speaker) -> None:
    assert "Alpha FC" in hand_engine.complete_club("alp")
    assert len(hand_engine.complete_club("", limit=3)) <= 3
    assert hand_engine.complete_season("") == ["2031–32", "2030"]
    assert hand_engine.complete_season("", club="Delta City") == ["2030"]
    assert hand_engine.complete_season("31", club="alpha") == ["2031–32"]
    assert hand_engine.round_names() == ["Preliminary round", "First round", "Play-off round"]

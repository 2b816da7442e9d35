"""The issue's expected answers on the real season documents (parser + registry, no database)."""

from __future__ import annotations

import pytest

from bot.wording.answer import AnswerKind, Outcome
from bot.wording.markdown import MAX_BLOCKS, MAX_BODY
from bot.wording.speaker import Speaker


def test_tie_simba_2012(real_engine: Speaker) -> None:
    a = real_engine.ask("/tie Simba 2012")
    assert a.kind is AnswerKind.OK
    assert a.query == {"clubs": ["Simba"], "season": "2012", "round": None, "competition": None}
    assert [(e.round.name, e.tie.team2, e.tie.decided_by.value) for e in a.ties] == [
        ("Preliminary round", None, "aggregate"),
        ("First round", None, "away_goals"),
    ]
    prelim, first = a.blocks
    assert prelim.title == "2012 · Preliminary round — Simba vs ?"
    assert "**Simba** won 3–2 on aggregate." in prelim.body
    assert "Opponent: not named in the source." in prelim.body
    assert "3–3 on aggregate; **Simba** won on away goals." in first.body
    assert "Simba advanced to the second round." in first.body
    assert "Simba reached the second round, but the source does not describe that tie" in a.summary
    assert a.footer == "Source: caf-confederation-cup-2012-qualifying.txt"


def test_club_simba_2012_run_ends_in_second_round(real_engine: Speaker) -> None:
    a = real_engine.ask("/club Simba 2012")
    path = a.blocks[0].body.splitlines()
    assert path[0] == "Preliminary round: won 3–2 on aggregate (opponent not named in the source)"
    assert path[1].startswith("First round: won on away goals (3–3 on aggregate)")
    assert path[2].startswith("Second round: reached, but the source does not describe this tie")
    assert path[2].endswith("so the run ended there.")


def test_club_etoile_du_sahel(real_engine: Speaker) -> None:
    a = real_engine.ask('/club "Étoile du Sahel"')
    assert a.query["clubs"] == ["Étoile du Sahel"]
    block = a.blocks[0]
    assert block.title == "2014 — qualified for the group stage"
    assert block.body.splitlines() == [
        "First round: beat CARA Brazzaville 3–1 on aggregate",
        "Second round: beat SuperSport United 5–1 on aggregate",
        "Play-off round: beat Horoya 1–0 on aggregate → qualified for the group stage",
    ]
    same = real_engine.ask("/club etoile sahel 2014")
    assert same.blocks[0].body == block.body and same.query["season"] == "2014"


def test_tie_etoile_first_round_2014_with_scorers(real_engine: Speaker) -> None:
    a = real_engine.ask('/tie "Étoile du Sahel" 2014 first')
    assert a.query["round"] == "First round" and len(a.ties) == 1
    body = a.blocks[0].body
    assert "1 Mar 2014 · **CARA Brazzaville** 1–0 Étoile du Sahel" in body
    assert "› Étoile du Sahel: Ghezal 25', Slama 37', Lahmar 48' (pen.)" in body
    assert a.outcome is Outcome.WON


def test_leg_lines_with_scorers_as_in_the_issue(real_engine: Speaker) -> None:
    a = real_engine.answer("tie", "CARA Brazzaville", "2014", "preliminary")
    body = a.blocks[0].body
    assert "16 Feb 2014 · **CARA Brazzaville** 4–1 Al-Malakia" in body
    assert "Mbon 9', Baleckita 39', Nguimbi 84', Mukedi" in body


def test_headtohead_asec_horoya_never_met(real_engine: Speaker) -> None:
    a = real_engine.ask("/headtohead ASEC Horoya")
    assert a.kind is AnswerKind.OK
    assert a.query["clubs"] == ["ASEC Mimosas", "Horoya"]
    assert "never met in the loaded seasons" in a.summary
    assert "common opponents" in a.summary or a.blocks[0].title == "Common opponents"


def test_headtohead_unquoted_multiword_split(real_engine: Speaker) -> None:
    a = real_engine.ask("/headtohead Etoile du Sahel Horoya")
    assert a.query["clubs"] == ["Étoile du Sahel", "Horoya"]
    assert len(a.ties) == 1
    assert "**Étoile du Sahel** won 1–0 on aggregate." in a.blocks[0].body


def test_tie_al_masry_walkover(real_engine: Speaker) -> None:
    a = real_engine.ask("/tie Al-Masry 2017 first")
    body = a.blocks[0].body
    assert (
        "**Al-Masry** advanced on a walkover after FIFA suspended the Malian Football Federation"
        in body
    )
    assert "Djoliba had won the first leg 2–0" in body


def test_tie_gamtel_2012_penalties_score_not_given(real_engine: Speaker) -> None:
    a = real_engine.ask("/tie Gamtel 2012")
    assert (
        "1–1 on aggregate, level on away goals; **Gamtel** won the penalty shoot-out "
        "(score not given)" in a.blocks[0].body
    )


@pytest.mark.parametrize(
    ("words", "count"),
    [("penalties", 18), ("away", 17), ("walkover", 3), ("withdrawal", 3), ("agg", 144)],
)
def test_decided_counts(real_engine: Speaker, words: str, count: int) -> None:
    a = real_engine.ask(f"/decided {words}")
    assert len(a.ties) == count
    assert str(count) in a.summary
    assert len(a.blocks) <= MAX_BLOCKS
    assert all(len(b.body) <= MAX_BODY for b in a.blocks)


def test_decided_penalties_2014(real_engine: Speaker) -> None:
    a = real_engine.ask("/decided penalties 2014")
    assert a.query["season"] == "2014" and len(a.ties) == 5


def test_season_2023_24_coverage(real_engine: Speaker) -> None:
    a = real_engine.ask("/season 2023-24")
    assert a.query["season"] == "2023–24"
    rounds = a.blocks[0].body
    assert "First round: 16 of the 20 first-round ties are in the source" in rounds
    assert real_engine.answer("season", "23-24").query["season"] == "2023–24"


def test_season_2017_playoff(real_engine: Speaker) -> None:
    a = real_engine.ask("/season 2017 playoff")
    assert a.query["round"] == "Play-off round" and len(a.ties) == 16
    assert "qualified for the group stage" in a.blocks[0].body


def test_about_counts(real_engine: Speaker) -> None:
    body = real_engine.answer("about").to_markdown()
    for label in ("2012", "2014", "2017", "2023–24"):
        assert f"{label}: " in body
    assert "caf-confederation-cup-2023-24-qualifying.txt" in body


def test_exact_name_wins_but_names_the_longer_clubs(real_engine: Speaker) -> None:
    answer = real_engine.answer("tie", "Al Hilal")
    assert answer.query["clubs"] == ["Al-Hilal"]
    assert "Al-Hilal Benghazi" in answer.summary
    assert "Al-Hilal Al-Ubayyid" in answer.summary
    simba = real_engine.answer("tie", "Simba", "2012")
    assert "Other clubs" not in simba.summary  # nothing else is called Simba


def test_headtohead_does_not_claim_never_met_when_the_source_cannot_tell(
    real_engine: Speaker,
) -> None:
    # 2012 names no losers: Simba and Al-Ahly Shendi were both in the first and second rounds.
    answer = real_engine.answer("headtohead", "Simba", "Al-Ahly Shendi")
    assert "never met" not in answer.summary
    assert "cannot rule one out" in answer.summary and "2012 second round" in answer.summary
    # Every 2014/2017 opponent is named: ASEC and Horoya truly never met.
    assert "never met" in real_engine.answer("headtohead", "ASEC", "Horoya").summary


def test_round_filter_is_named_in_the_count(real_engine: Speaker) -> None:
    answer = real_engine.answer("tie", "Simba", "2012", "second")
    assert answer.summary.startswith("The source has 0 second round ties of Simba in 2012.")
    assert "does not describe that tie" in answer.summary
    djoliba = real_engine.answer("tie", "Djoliba", None, "play-off")
    assert "Play-off round" in djoliba.title
    assert f"{len(djoliba.ties)} play-off round tie" in djoliba.summary

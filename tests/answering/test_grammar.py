"""Reading Discord-style command lines: quotes, key:value options, trailing season/round, splits."""

from __future__ import annotations

from typing import ClassVar

import pytest

from bot.answering.grammar import Call, parse_line, to_call
from bot.answering.tokens import CommandError, Token, tokenize
from bot.wording.speaker import Speaker


class FakeResolver:
    """Knows a few seasons, rounds and clubs, like the engine would."""

    seasons: ClassVar[set[str]] = {"2012", "2014", "2023-24"}
    rounds: ClassVar[set[str]] = {"first", "second", "prelim", "playoff", "first round", "play off"}
    clubs: ClassVar[dict[str, float]] = {
        "simba": 3.0,
        "etoile du sahel": 3.0,
        "horoya": 3.0,
        "asec": 2.5,
        "as port-louis 2000": 3.0,
        "as port-louis": 2.6,
    }

    def is_season(self, text: str) -> bool:
        return text.lower() in self.seasons

    def is_round(self, text: str) -> bool:
        return text.lower() in self.rounds

    def is_competition(self, text: str) -> bool:
        return text.lower() in {"cl", "cc", "afl", "champions league"}

    def club_score(self, text: str) -> float:
        return self.clubs.get(text.lower(), 0.0)


R = FakeResolver()


def call(line: str) -> Call:
    return to_call(parse_line(line), R)


def test_tokenize_quotes_and_options() -> None:
    assert tokenize('"Étoile du Sahel" 2014') == [Token("Étoile du Sahel", True), Token("2014")]
    assert tokenize("“Étoile du Sahel”") == [Token("Étoile du Sahel", True)]
    assert tokenize('club:"Étoile du Sahel" season:2014') == [
        Token("Étoile du Sahel", True, "club"),
        Token("2014", key="season"),
    ]
    assert tokenize("Stade d'Abidjan") == [Token("Stade"), Token("d'Abidjan")]
    with pytest.raises(CommandError):
        tokenize('"Simba 2012')


def test_tie_trailing_season_and_round() -> None:
    assert call("/tie Simba 2012") == Call(
        "tie", {"club": "Simba", "season": "2012", "competition": None, "round": None}
    )
    c = call('/tie "Étoile du Sahel" 2014 first')
    assert (c.args["club"], c.args["season"], c.args["round"]) == (
        "Étoile du Sahel",
        "2014",
        "first",
    )
    c = call("/tie etoile du sahel first round 2014")
    assert (c.args["club"], c.args["season"], c.args["round"]) == (
        "etoile du sahel",
        "2014",
        "first round",
    )
    c = call("/tie Simba 2099")  # looks like a season: the engine will say it is not loaded
    assert (c.args["club"], c.args["season"]) == ("Simba", "2099")


def test_club_name_with_a_year_is_kept_whole() -> None:
    c = call("/tie AS Port-Louis 2000")
    assert (c.args["club"], c.args["season"]) == ("AS Port-Louis 2000", None)


def test_key_value_options() -> None:
    c = call("/tie club:Simba season:2012")
    assert (c.args["club"], c.args["season"]) == ("Simba", "2012")
    c = call("/tie club:Etoile du Sahel season:2014 round:first competition:CAF Confederation Cup")
    assert c.args == {
        "club": "Etoile du Sahel",
        "season": "2014",
        "round": "first",
        "competition": "CAF Confederation Cup",
    }
    assert call("/club name:Simba").args["name"] == "Simba"


def test_headtohead_splits() -> None:
    assert call("/headtohead ASEC Horoya").args["club_a"] == "ASEC"
    c = call("/headtohead Etoile du Sahel Horoya")
    assert (c.args["club_a"], c.args["club_b"]) == ("Etoile du Sahel", "Horoya")
    c = call('/h2h "Etoile du Sahel" "Horoya"')
    assert (c.args["club_a"], c.args["club_b"]) == ("Etoile du Sahel", "Horoya")
    c = call("/headtohead club_a:Simba club_b:Horoya")
    assert (c.args["club_a"], c.args["club_b"]) == ("Simba", "Horoya")
    with pytest.raises(CommandError):
        call("/headtohead Simba")
    with pytest.raises(CommandError):
        call("/headtohead " + " ".join(["w"] * 20))


def test_season_and_decided() -> None:
    assert call("/season 2017 playoff").args == {
        "season": "2017",
        "round": "playoff",
        "competition": None,
    }
    assert call("/season first 2012").args["season"] == "2012"
    assert call("/decided penalties 2014").args == {
        "method": "penalties",
        "season": "2014",
        "competition": None,
    }
    assert call("/decided away goals").args["method"] == "away goals"
    assert call("decided wo").command == "decided"  # the slash is optional


def test_bad_lines() -> None:
    for line in ("", "   ", "/", "/tie", "/season"):
        with pytest.raises(CommandError):
            call(line)
    with pytest.raises(CommandError) as err:
        parse_line("/frobnicate x")
    assert err.value.unknown_command == "frobnicate"
    with pytest.raises(CommandError):
        parse_line("/tie " + "x" * 600)


def test_ask_on_engine_dispatches(hand_engine: Speaker) -> None:
    assert hand_engine.ask("/about").command == "about"
    assert hand_engine.ask("/help").command == "help"
    assert hand_engine.ask("/tie alpha 2030 prelim").query["round"] == "Preliminary round"
    assert hand_engine.ask("/club alpha 2031").query["season"] == "2031–32"
    unknown = hand_engine.ask("/frob")
    assert unknown.kind.value == "invalid" and "'frob'" in unknown.summary
    assert unknown.blocks  # the help text comes with it


def test_unknown_round_after_a_season_is_not_dropped(real_engine) -> None:
    answer = real_engine.ask("/tie Simba 2012 quarterfinal")
    assert answer.kind.value == "not_found" and "quarterfinal" in answer.summary
    quoted = real_engine.ask('/tie "Djoliba" 2014 "play-off"')
    assert quoted.query["season"] == "2014" and quoted.query["round"] == "Play-off round"
    unknown_season = real_engine.ask("/decided penalties 1999")
    assert "1999" in unknown_season.summary and "method" not in unknown_season.summary


@pytest.mark.parametrize(
    ("word", "meant"),
    [("ite", "tie"), ("!tie", "tie"), ("headtohaed", "headtohead"), ("sesaon", "season"),
     ("clb", "club"), ("winers", "winners"), ("Tei", "tie"), ("frobnicate", None), ("!!", None)],
)  # fmt: skip
def test_a_mistyped_command_gets_the_command_meant(word: str, meant: str | None) -> None:
    with pytest.raises(CommandError) as err:
        parse_line(f"/{word} Simba")
    assert err.value.unknown_command == word and err.value.suggestion == meant


def test_a_bare_season_is_the_season_command() -> None:
    assert call("/2012").args["season"] == "2012"
    assert call("2023-24 CL").args == {"season": "2023-24", "round": None, "competition": "CL"}
    assert call("/2023-24 group").args["round"] == "group"


def test_a_trailing_competition_narrows_a_club_question() -> None:
    c = call("/tie Leopards 2017 CC")
    assert (c.args["club"], c.args["season"], c.args["competition"]) == ("Leopards", "2017", "CC")
    assert call("/club Simba CL").args == {"name": "Simba", "season": None, "competition": "CL"}
    assert call("/tie CL").args["club"] == "CL"  # one word is the club, whatever it reads as


def test_two_seasons_reach_the_engine_both() -> None:
    c = call("/tie Simba 2012 2014")  # the engine says which two: nothing is dropped here
    assert (c.args["club"], c.args["season"]) == ("Simba 2012", "2014")

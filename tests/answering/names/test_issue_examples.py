"""Every example of issue 12, asked on all shipped data as a fan would type it."""

from __future__ import annotations

import pytest

from bot.domain.catalog import Catalog
from bot.wording.answer import AnswerKind
from bot.wording.speaker import Speaker


def clubs_of(answer_query: object) -> list[str]:
    assert isinstance(answer_query, dict)
    return list(answer_query["clubs"])


@pytest.mark.parametrize("line", ['/tie "Al Ittihad"', "/tie Ittihad"])
def test_ittihad_is_a_question_never_ir_tanger_silently(speaker: Speaker, line: str) -> None:
    answer = speaker.ask(line)
    assert answer.kind is AnswerKind.AMBIGUOUS
    assert {"Al-Ittihad Tripoli", "IR Tanger", "Ittihad Khémisset"} <= set(answer.candidates)


def test_est_is_esperance_de_tunis(speaker: Speaker) -> None:
    answer = speaker.ask("/tie EST")
    assert answer.kind is AnswerKind.OK and clubs_of(answer.query) == ["Espérance de Tunis"]
    assert "taken as" not in answer.summary  # a curated nickname: nothing to explain


def test_esperance_is_the_tunisian_club_in_a_head_to_head(speaker: Speaker) -> None:
    answer = speaker.ask("/headtohead Wydad Esperance")
    assert clubs_of(answer.query) == ["Wydad AC", "Espérance de Tunis"]


def test_hilal_in_2017_asks_between_the_al_hilals_of_2017(
    speaker: Speaker, all_data: Catalog
) -> None:
    of_2017 = {
        c.name
        for c in all_data.clubs.values()
        if "Hilal" in c.name and any(e.season.label == "2017" for e in all_data.entries_for(c.key))
    }
    assert len(of_2017) >= 2
    answer = speaker.ask("/tie Hilal 2017")
    assert answer.kind is AnswerKind.AMBIGUOUS
    assert set(answer.candidates) == of_2017
    assert "in 2017" in answer.summary


def test_al_hilal_in_2023_24_is_found_and_names_the_other_al_hilal(speaker: Speaker) -> None:
    answer = speaker.ask('/tie "Al Hilal" 2023-24')
    assert answer.kind is AnswerKind.OK and clubs_of(answer.query) == ["Al-Hilal"]
    assert "Al-Hilal Benghazi" in answer.summary  # played that season too: named, not hidden


def test_leopards_in_a_season_are_read_among_that_seasons_clubs(speaker: Speaker) -> None:
    both = speaker.ask("/tie Leopards 2017")  # AC Léopards and Royal Leopards both played 2017
    assert both.kind is AnswerKind.AMBIGUOUS
    assert set(both.candidates) == {"AC Léopards", "Royal Leopards"}
    one = speaker.ask("/tie Leopards 2017 CC")  # only AC Léopards in the Confederation Cup
    assert one.kind is AnswerKind.OK and clubs_of(one.query) == ["AC Léopards"]
    assert "'Leopards' taken as AC Léopards, the only match in" in one.summary


def test_club_africain_2017_group_stage_drops_nothing(speaker: Speaker) -> None:
    answer = speaker.ask('/tie "Club Africain" 2017 group stage')
    assert answer.kind is AnswerKind.NOT_FOUND
    assert "Club Africain qualified from CAF Confederation Cup 2017" in answer.summary
    assert answer.query["season"] == "2017"


def test_a_season_inside_the_quotes_is_used_and_said(speaker: Speaker) -> None:
    answer = speaker.ask('/tie "Horoya 2017"')
    assert answer.kind is AnswerKind.OK
    assert clubs_of(answer.query) == ["Horoya"] and answer.query["season"] == "2017"
    assert "'2017' in 'Horoya 2017' read as the season." in answer.summary


def test_two_seasons_are_a_clear_error(speaker: Speaker) -> None:
    answer = speaker.ask("/tie Simba 2012 2014")
    assert answer.kind is AnswerKind.INVALID
    assert "Two seasons were typed, '2012' and '2014'" in answer.summary
    same = speaker.ask('/tie "Simba 2012" 2012')  # the same season twice is one season
    assert same.kind is AnswerKind.OK and same.query["season"] == "2012"


def test_raja_de_casablanca_never_suggests_wydad(speaker: Speaker) -> None:
    answer = speaker.ask('/tie "Raja de Casablanca"')
    assert clubs_of(answer.query) == ["Raja Casablanca"] and "Wydad" not in answer.summary


def test_esperence_is_esperance_never_fc_sequence(speaker: Speaker) -> None:
    answer = speaker.ask("/tie Esperence")
    assert clubs_of(answer.query) == ["Espérance de Tunis"]
    assert "'Esperence' taken as Espérance de Tunis." in answer.summary
    assert "Séquence" not in answer.to_markdown()


def test_rounds_both_clubs_won_are_not_open_meetings(speaker: Speaker) -> None:
    # 2012 play-off round: Al-Hilal and Wydad AC each won a tie whose loser is unnamed.
    answer = speaker.ask('/headtohead "Al Hilal" Wydad')
    assert "cannot rule one out" not in answer.summary
    assert "never met in the loaded seasons" in answer.summary


@pytest.mark.parametrize(
    ("line", "command"),
    [("/ite Simba", "/tie"), ("/headtohaed Simba Horoya", "/headtohead"), ("!tie Simba", "/tie"),
     ("/clb Simba", "/club"), ("/sesaon 2012", "/season")],
)  # fmt: skip
def test_typos_in_command_names_get_did_you_mean(speaker: Speaker, line: str, command: str) -> None:
    answer = speaker.ask(line)
    assert answer.kind is AnswerKind.INVALID
    assert f"Did you mean {command}?" in answer.summary
    assert [b.title.split()[0] for b in answer.blocks] == [command]  # its guide, not all of it


@pytest.mark.parametrize(("line", "season"), [("/tie 2012", "2012"), ("/tie who won 2017", "2017")])
def test_a_season_where_a_club_belongs_points_to_season(
    speaker: Speaker, line: str, season: str
) -> None:
    assert f"/season {season}" in speaker.ask(line).summary


@pytest.mark.parametrize("line", ["/2012", "2023-24", "/2023-24 CL"])
def test_a_bare_season_is_the_season_command(speaker: Speaker, line: str) -> None:
    answer = speaker.ask(line)
    assert answer.kind is AnswerKind.OK and answer.command == "season"

"""The shipped RSSSF page (African Club Competitions 2022/23), read as a fan would need it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.domain.countries import FIFA_CODES
from bot.domain.models import DecidedBy, LegStatus, Season, Side, Stage, Tie
from bot.parsing.documents import parse_file, parse_text
from bot.parsing.errors import ParseError
from bot.parsing.rsssf.countries import RSSSF_TO_FIFA
from bot.parsing.rsssf.document import looks_like, parse
from bot.parsing.rsssf.lines import split_city
from tests.paths import ROOT, SEASONS

PAGE = ROOT / "data" / "seasons" / "rsssf" / "afcup2023.txt"
CL, CC, SC = "CAF Champions League", "CAF Confederation Cup", "CAF Super Cup"


@pytest.fixture(scope="module")
def seasons() -> dict[str, Season]:
    return {s.competition: s for s in parse(PAGE.read_text(encoding="utf-8"), PAGE.name)}


def tie_of(season: Season, round_name: str, team1: str) -> Tie:
    (found,) = [t for t in season.ties if t.round_name == round_name and t.team1 == team1]
    return found


def test_one_season_per_competition(seasons: dict[str, Season]) -> None:
    assert [(s.competition, s.label, s.start_year, s.end_year) for s in seasons.values()] == [
        (CL, "2022–23", 2022, 2023),
        (CC, "2022–23", 2022, 2023),
        (SC, "2023", 2023, 2023),
    ]


def test_counts_per_round(seasons: dict[str, Season]) -> None:
    counts = {
        key: [
            (
                r.name,
                r.stage.value,
                len(r.ties),
                len(r.groups),
                sum(len(g.matches) for g in r.groups),
            )
            for r in s.rounds
        ]
        for key, s in seasons.items()
    }
    assert counts == {
        CL: [
            ("First Round", "knockout", 26, 0, 0),
            ("Second Round", "knockout", 16, 0, 0),
            ("Group Stage", "group", 0, 4, 48),
            ("Quarterfinals", "knockout", 4, 0, 0),
            ("Semifinals", "knockout", 2, 0, 0),
            ("Final", "knockout", 1, 0, 0),
        ],
        CC: [
            ("First Round", "knockout", 18, 0, 0),
            ("Second Round", "knockout", 16, 0, 0),
            ("Third Round", "knockout", 16, 0, 0),
            ("Group Stage", "group", 0, 4, 48),
            ("Quarterfinals", "knockout", 4, 0, 0),
            ("Semifinals", "knockout", 2, 0, 0),
            ("Final", "knockout", 1, 0, 0),
        ],
        SC: [("Final", "knockout", 1, 0, 0)],
    }


def test_every_line_understood_and_consistent(seasons: dict[str, Season]) -> None:
    assert [str(d) for s in seasons.values() for d in s.diagnostics] == []


def test_how_ties_were_decided(seasons: dict[str, Season]) -> None:
    tally = {
        key: sorted(
            {how.value: sum(t.decided_by is how for t in s.ties) for how in DecidedBy}.items()
        )
        for key, s in seasons.items()
    }
    assert {k: [kv for kv in v if kv[1]] for k, v in tally.items()} == {
        # counted by hand on the page: stars on lines 51 52 72 87 187 and 220 263 264 279 378,
        # shoot-outs on 58 85 94 178 and 221 227 280, "awd" on 28 31 and 207 215
        CL: [("aggregate", 38), ("away_goals", 5), ("penalties", 4), ("walkover", 2)],
        CC: [("aggregate", 47), ("away_goals", 5), ("penalties", 3), ("walkover", 2)],
        SC: [("single_match", 1)],
    }
    assert all(t.winner is not None for s in seasons.values() for t in s.ties)


def test_volcan_club_v_la_passe_as_rsssf_states_it(seasons: dict[str, Season]) -> None:
    tie = tie_of(seasons[CL], "First Round", "Volcan Club (Moroni)")
    assert (tie.team2, tie.code1, tie.code2) == ("La Passe", "COM", "SEY")
    assert (tie.winner, tie.decided_by, tie.aggregate) == (Side.TWO, DecidedBy.WALKOVER, (1, 3))
    first, second = tie.legs
    assert (first.home, first.home_goals, first.away_goals, first.status, first.date) == (
        "Volcan Club (Moroni)", 1, 0, LegStatus.PLAYED, dt.date(2022, 9, 10),
    )  # fmt: skip
    assert (second.home, second.home_goals, second.away_goals, second.status, second.date) == (
        "La Passe", 3, 0, LegStatus.AWARDED, dt.date(2022, 9, 16),
    )  # fmt: skip
    assert tie.notes == ("2nd leg awarded 3-0 to La Passe after Volcan Club did not show",)
    assert tie.reason == "Volcan Club did not show"
    assert [(s.line) for s in (tie.source, *tie.sources)] == [28, 27, 67]


def test_hawks_v_horoya_as_rsssf_states_it(seasons: dict[str, Season]) -> None:
    tie = tie_of(seasons[CL], "First Round", "Hawks (Banjul)")
    assert (tie.team2, tie.winner, tie.decided_by) == (
        "Horoya AC (Conakry)",
        Side.TWO,
        DecidedBy.WALKOVER,
    )
    assert tie.aggregate == (0, 6)
    assert [
        (leg.home, leg.home_goals, leg.away_goals, leg.status, leg.date) for leg in tie.legs
    ] == [
        ("Hawks (Banjul)", 0, 3, LegStatus.AWARDED, dt.date(2022, 9, 10)),
        ("Horoya AC (Conakry)", 3, 0, LegStatus.AWARDED, dt.date(2022, 9, 17)),
    ]
    assert tie.notes == ("both legs awarded 3-0 to Horoya after Hawks withdrew",)
    assert tie.reason == "Hawks withdrew"


def test_footnote_over_two_lines(seasons: dict[str, Season]) -> None:
    tie = tie_of(seasons[CC], "First Round", "Saint Michel United")
    assert tie.notes == (
        "both legs awarded 3-0 to Saint Michel United after Inter Litoral did not show "
        "for first leg",
    )
    assert [s.line for s in tie.sources] == [206, 242, 243]
    assert [(leg.home, leg.home_goals, leg.away_goals) for leg in tie.legs] == [
        ("Saint Michel United", 3, 0), ("Inter Litoral", 0, 3),
    ]  # fmt: skip


def test_second_leg_is_turned_round_to_home_away(seasons: dict[str, Season]) -> None:
    tie = tie_of(seasons[CL], "First Round", "Zalan (Rumbek)")  # 0-4  0-5  0-9
    assert [(leg.home, leg.away, leg.home_goals, leg.away_goals) for leg in tie.legs] == [
        ("Zalan (Rumbek)", "Young Africans", 0, 4),
        ("Young Africans", "Zalan (Rumbek)", 5, 0),
    ]


@pytest.mark.parametrize(
    ("competition", "round_name", "team1", "winner"),
    [
        (CL, "First Round", "Flambeau du Centre", Side.ONE),  # *2-2
        (CL, "First Round", "Saint George", Side.TWO),  # 2-2*
        (CL, "Second Round", "Al-Merreikh (Omdurman)", Side.ONE),
        (CL, "Semifinals", "WAC Casablanca", Side.ONE),
        (CC, "Second Round", "Kwara United (Ilorin)", Side.TWO),
        (CC, "Final", "Young Africans", Side.TWO),
    ],
)
def test_away_goals_star(
    seasons: dict[str, Season], competition: str, round_name: str, team1: str, winner: Side
) -> None:
    tie = tie_of(seasons[competition], round_name, team1)
    assert (tie.winner, tie.decided_by) == (winner, DecidedBy.AWAY_GOALS)


def test_penalties_from_team1_side(seasons: dict[str, Season]) -> None:
    kadiogo = tie_of(seasons[CL], "First Round", "RC Kadiogo")  # 1-1  3-1p
    assert (kadiogo.winner, kadiogo.penalties, kadiogo.legs[1].penalties) == (
        Side.ONE,
        (3, 1),
        (1, 3),
    )
    simba = tie_of(seasons[CL], "Quarterfinals", "Simba SC (Dar-es-Salaam)")  # 3-4p
    assert (simba.winner, simba.decided_by, simba.penalties) == (
        Side.TWO,
        DecidedBy.PENALTIES,
        (3, 4),
    )


def test_dates(seasons: dict[str, Season]) -> None:
    unclosed = tie_of(seasons[CL], "First Round", "TP Elect-Sport")  # "(Sep 18 and 25"
    assert [leg.date for leg in unclosed.legs] == [dt.date(2022, 9, 18), dt.date(2022, 9, 25)]
    final = tie_of(seasons[CC], "Final", "Young Africans")  # "Final (May 28 and Jun 3)"
    assert [leg.date for leg in final.legs] == [dt.date(2023, 5, 28), dt.date(2023, 6, 3)]
    super_cup = seasons[SC].ties[0]
    assert super_cup.single_match and super_cup.notes == ("Venue: Taif (Saudi Arabia)",)
    (leg,) = super_cup.legs
    assert (leg.home, leg.away, leg.home_goals, leg.away_goals, leg.date) == (
        "Al-Ahly (Cairo)", "USM Alger", 0, 1, dt.date(2023, 9, 15),
    )  # fmt: skip
    assert (super_cup.winner, super_cup.decided_by) == (Side.TWO, DecidedBy.SINGLE_MATCH)
    group_dates = [m.date for r in seasons[CL].rounds for g in r.groups for m in g.matches]
    assert min(d for d in group_dates if d) == dt.date(2023, 2, 10)
    assert None not in group_dates


def test_country_abbreviations(seasons: dict[str, Season]) -> None:
    countries = dict(pair for s in seasons.values() for pair in s.countries)
    assert countries["ASN NIGELEC (Niamey)"] == "NIG"  # Ngr: Niger
    assert countries["Rivers United"] == "NGA"  # Nga: Nigeria
    assert countries["AS Vita Club (Kinshasa)"] == "COD"
    assert countries["Diables Noirs"] == "CGO"
    assert countries["Zalan (Rumbek)"] == "SSD"
    assert countries["ASEC Mimosas (Abidjan)"] == "CIV"
    assert countries["RC Kadiogo"] == "BFA"
    assert countries["Mamelodi Sundowns"] == "RSA"
    assert set(countries.values()) <= FIFA_CODES
    assert set(RSSSF_TO_FIFA.values()) <= FIFA_CODES


def test_city_stays_in_the_spelling(seasons: dict[str, Season]) -> None:
    teams = {t for s in seasons.values() for tie in s.ties for t in (tie.team1, tie.team2)}
    assert {"Al-Ahly (Cairo)", "Al-Ahli (Tripoli)", "Al-Ahli (Khartoum)"} <= teams
    assert split_city("Al-Ahli (Tripoli)") == ("Al-Ahli", "Tripoli")
    assert split_city("AS Ali Sabieh/Djib. Tél.") == ("AS Ali Sabieh/Djib. Tél.", None)


def test_byes_are_not_ties(seasons: dict[str, Season]) -> None:
    first = seasons[CL].rounds[0]
    assert first.description == (
        "Byes: TP Mazembe (Lubumbashi), Al-Ahly (Cairo), Raja Casablanca, WAC Casablanca, "
        "Mamelodi Sundowns, Espérance (Tunis)."
    )
    assert (seasons[CC].rounds[0].description or "").count(",") == 13
    assert all(t.team2 is not None for s in seasons.values() for t in s.ties)
    assert ("Marumo Gallants", "RSA") in seasons[CC].countries


def test_groups(seasons: dict[str, Season]) -> None:
    for key in (CL, CC):
        (stage,) = [r for r in seasons[key].rounds if r.stage is Stage.GROUP]
        assert [g.name for g in stage.groups] == ["Group A", "Group B", "Group C", "Group D"]
        assert all(len(g.teams) == 4 and len(g.table) == 4 for g in stage.groups)
    group_a = seasons[CL].rounds[2].groups[0]
    stray = next(m for m in group_a.matches if m.line == 101)  # "AS Vita Club-Petro de Luanda-"
    assert (stray.home, stray.away, stray.home_goals, stray.away_goals) == (
        "AS Vita Club", "Petro de Luanda", 1, 2,
    )  # fmt: skip
    assert ("JS Kabylie (Tizi Ouzou)", "JS Kabylie") in seasons[CL].aliases


def test_dispatch_by_content() -> None:
    by_file = parse_file(PAGE)
    assert [s.key for s in by_file] == [
        "CAF Champions League 2022–23", "CAF Confederation Cup 2022–23", "CAF Super Cup 2023",
    ]  # fmt: skip
    assert (
        parse_text(PAGE.read_text(encoding="utf-8"), "renamed.doc")[0].source_file == "renamed.doc"
    )


def test_other_documents_are_not_rsssf() -> None:
    for path in sorted(SEASONS.glob("*.txt")):
        assert not looks_like(path.read_text(encoding="utf-8")), path.name
    football_txt = (
        "= CAF CL 2022/23\n\nQual. Round 1\n[Sat Sep/10]\n"
        "  Zalan FC (SSD)  0-4  Young Africans (TAN)\n"
    )
    assert not looks_like(football_txt)


@pytest.mark.parametrize(
    "text", ["", "hello\n", "== Champions' League 2022/23\n\nno results here\n", "\x00\x01"]
)
def test_not_rsssf_is_a_parse_error(text: str) -> None:
    with pytest.raises(ParseError, match=r"^x\.txt:1: not an RSSSF page"):
        parse(text, "x.txt")


def test_page_file_is_the_published_one() -> None:
    data = Path(PAGE).read_bytes()
    assert data.startswith(b"  <!--\n     title:  African Club Competitions 2022/23\n")
    assert b"\r\n" not in data and len(data.splitlines()) == 407

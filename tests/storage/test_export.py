"""Export shapes: JSON is a list of entry_to_dict objects, CSV one flat row per tie; group
matches the same way (``export --matches``)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest

from bot.cli.export import (
    entry_to_dict,
    goals_text,
    match_to_dict,
    matches_to_csv,
    matches_to_json,
    to_csv,
    to_json,
)
from bot.domain.catalog import Catalog
from bot.domain.models import DecidedBy, Leg, Season, SourceRef, Tie
from tests.storage.conftest import FakeRegistry


@pytest.fixture
def catalog(seasons: tuple[Season, ...], registry: FakeRegistry) -> Catalog:
    return Catalog(seasons, registry.clubs, registry.club_of)


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_json_is_entry_dicts(catalog: Catalog) -> None:
    data = json.loads(to_json(catalog.entries))
    assert data == [entry_to_dict(e) for e in catalog.entries]
    assert "Étoile du Sahel" in to_json(catalog.entries)  # not \\u-escaped
    assert json.loads(to_json([])) == []


def test_csv_header(catalog: Catalog) -> None:
    header = to_csv(catalog.entries).splitlines()[0].split(",")
    fields = ("home", "away", "home_goals", "away_goals", "status", "date", "goals")
    fields += ("extra_time", "penalties1", "penalties2")
    legs = [f"leg{i}_{f}" for i in (1, 2) for f in fields]
    assert header == [
        "competition", "season", "round", "stage", "team1", "team2", "club1", "club2",
        "country1", "country2", *legs, "aggregate1", "aggregate2", "winner", "decided_by",
        "penalties1", "penalties2", "notes", "source_file", "source_line", "sources",
    ]  # fmt: skip
    assert to_csv([]).splitlines() == [",".join(header)]


def test_csv_rows(catalog: Catalog) -> None:
    rows = _rows(to_csv(catalog.entries))
    assert len(rows) == len(catalog.entries) == 8
    first = rows[0]
    assert first["team1"] == "Al-Malakia" and first["country1"] == "SSD"
    assert first["leg1_home_goals"] == "0" and first["leg1_away_goals"] == "1"
    assert first["leg1_date"] == "2014-02-07" and first["leg2_date"] == "2014-02-16"
    assert first["leg1_goals"] == "CARA Brazzaville: Libaya 70'"
    assert first["leg2_goals"] == (
        "CARA Brazzaville: Mbon 9', Baleckita 45+2' (pen), Mukedi; Al-Malakia: Ackuech 12' (o.g.)"
    )
    assert (first["aggregate1"], first["aggregate2"]) == ("1", "5")
    assert first["notes"] == "Played in Juba. | Second note — with ünïcode"
    assert (first["source_file"], first["source_line"]) == ("cup-2014.txt", "40")
    assert first["winner"] == "CARA Brazzaville" and first["decided_by"] == "aggregate"
    pens = rows[1]
    assert (pens["penalties1"], pens["penalties2"]) == ("5", "4")
    withdrawn = rows[2]
    assert withdrawn["leg1_status"] == "cancelled" and withdrawn["leg1_home_goals"] == ""
    assert withdrawn["leg2_home"] == "" and withdrawn["aggregate1"] == ""
    assert withdrawn["notes"] == "Nania withdrew for financial reasons."
    walkover = rows[3]
    assert walkover["team2"] == "" and walkover["club2"] == "" and walkover["leg1_home"] == ""


def test_csv_grows_for_a_third_leg(catalog: Catalog) -> None:
    entry = catalog.entries[1]
    replay = Leg("Simba", "Recreativo do Libolo", 2, 0, line=53)
    tie = entry.tie
    longer = Tie(
        tie.round_name, tie.index, tie.team1, tie.team2, 1, DecidedBy.AGGREGATE,
        SourceRef("x.txt", 1), legs=(*tie.legs, replay),
    )  # fmt: skip
    rows = _rows(to_csv([replace(entry, tie=longer), catalog.entries[3]]))
    assert rows[0]["leg3_home_goals"] == "2" and rows[1]["leg3_home"] == ""


def test_csv_quotes_commas_and_newlines(catalog: Catalog) -> None:
    entry = catalog.entries[0]
    odd = replace(entry, tie=replace(entry.tie, notes=('A, "quoted"\nnote',)))
    assert _rows(to_csv([odd]))[0]["notes"] == 'A, "quoted"\nnote'


def test_goals_text_empty() -> None:
    assert goals_text(Leg("A", "B", 0, 0)) == ""


def _by_round(catalog: Catalog, round_name: str) -> list[dict[str, object]]:
    return [entry_to_dict(e) for e in catalog.entries if e.round.name == round_name]


def test_json_stage_legs_and_sources(catalog: Catalog) -> None:
    first = entry_to_dict(catalog.entries[0])
    assert first["stage"] == "knockout"
    assert first["legs"][0]["extra_time"] is False and first["legs"][0]["penalties"] is None
    assert first["legs"][0]["status"] == "played"
    assert first["sources"] == [{"file": "cup-2014.txt", "line": 40}]
    extra, shootout, undecided = _by_round(catalog, "Final")
    assert extra["decided_by"] == "single_match" and extra["winner"] == "Simba"
    assert extra["legs"] == [{
        "home": "Simba", "away": "Wydad", "home_goals": 2, "away_goals": 1, "status": "played",
        "date": None, "extra_time": True, "penalties": None, "goals": [],
    }]  # fmt: skip
    assert shootout["legs"][0]["penalties"] == [4, 3] and shootout["penalties"] == [4, 3]
    assert shootout["decided_by"] == "penalties" and shootout["winner"] == "Wydad"
    assert undecided["decided_by"] == "unknown" and undecided["winner"] is None
    assert undecided["sources"] == [
        {"file": "cup-2023-24.txt", "line": 160},
        {"file": "cup-2023-24-rsssf.txt", "line": 12},
        {"file": "cup-2023-24.txt", "line": 161},
    ]


def test_csv_new_columns(catalog: Catalog) -> None:
    rows = {(r["round"], r["team1"]): r for r in _rows(to_csv(catalog.entries))}
    extra = rows[("Final", "Simba")]
    assert extra["stage"] == "knockout" and extra["leg1_extra_time"] == "true"
    assert extra["leg2_home"] == "" and extra["decided_by"] == "single_match"
    shootout = rows[("Final", "Wydad")]
    assert (shootout["leg1_penalties1"], shootout["leg1_penalties2"]) == ("4", "3")
    undecided = rows[("Final", "Horoya")]
    assert undecided["winner"] == "" and undecided["decided_by"] == "unknown"
    assert undecided["sources"] == (
        "cup-2023-24.txt:160 | cup-2023-24-rsssf.txt:12 | cup-2023-24.txt:161"
    )


def test_group_matches_json(catalog: Catalog) -> None:
    data = json.loads(matches_to_json(catalog.matches))
    assert data == [match_to_dict(m) for m in catalog.matches]
    assert len(data) == 4
    played, awarded, abandoned, unnamed = data
    assert played == {
        "competition": "CAF Champions League", "season": "2023–24", "round": "Group stage",
        "stage": "group", "group": "Group A", "group_teams": ["Simba", "Horoya", "Jwaneng Galaxy"],
        "home": "Simba", "away": "Horoya", "club_home": "Simba", "club_away": "Horoya",
        "home_goals": 1, "away_goals": 0, "status": "played", "date": "2023-11-25",
        "extra_time": False, "penalties": None,
        "source": {"file": "cup-2023-24-matches.txt", "line": 7},
    }  # fmt: skip
    assert awarded["status"] == "awarded" and (awarded["home_goals"], awarded["away_goals"]) == (
        3, 0,
    )  # fmt: skip
    assert awarded["source"] == {"file": "cup-2023-24.txt", "line": 102}  # the season's file
    assert abandoned["status"] == "abandoned" and abandoned["home_goals"] is None
    assert unnamed["group"] is None and unnamed["group_teams"] == ["Al-Hilal", "Wydad"]


def test_group_matches_csv(catalog: Catalog) -> None:
    rows = _rows(matches_to_csv(catalog.matches))
    assert len(rows) == 4
    assert rows[0]["group_teams"] == "Simba | Horoya | Jwaneng Galaxy"
    assert rows[0]["extra_time"] == "false" and rows[0]["source_line"] == "7"
    assert rows[2]["home_goals"] == "" and rows[2]["status"] == "abandoned"
    assert rows[3]["group"] == ""
    assert matches_to_csv([]).splitlines()[0].startswith("competition,season,round,stage,group,")

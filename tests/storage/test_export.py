"""Export shapes: JSON is a list of entry_to_dict objects, CSV one flat row per tie."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest

from bot.cli.export import entry_to_dict, goals_text, to_csv, to_json
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
    legs = [
        f"leg{i}_{f}"
        for i in (1, 2)
        for f in ("home", "away", "home_goals", "away_goals", "status", "date", "goals")
    ]
    assert header == [
        "competition", "season", "round", "team1", "team2", "club1", "club2",
        "country1", "country2", *legs, "aggregate1", "aggregate2", "winner", "decided_by",
        "penalties1", "penalties2", "notes", "source_file", "source_line",
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

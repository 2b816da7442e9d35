"""Club identity on every shipped document: each name family, and no question left open.

The families are the ones the sources really mix up: one bare name in several
countries (Al-Ahly / Al-Ahli, Al-Hilal, AS Douanes, AS Police), one club under
three sources' spellings (Al-Ahly, Al-Ahly (Cairo), Al Ahly SC), and codes a
document gets wrong (Young Africans "GAM", Étoile Filante "TOG", AS Douanes "SEN").
"""

from __future__ import annotations

import time
from functools import cache

import pytest

from bot.domain.catalog import Catalog, Entry
from bot.pipeline.build import Gathered, gather
from bot.pipeline.documents import DEFAULT_MAX_BYTES, list_documents
from tests.paths import CLUBS, DATA


@cache
def shipped() -> tuple[Gathered, Catalog]:
    found = gather(list_documents(DATA), DATA, CLUBS, DEFAULT_MAX_BYTES, time.perf_counter())
    reg = found.registry
    return found, Catalog(found.seasons, reg.clubs, reg.club_of, reg.spellings)


def club_name(spelling: str, country: str | None = None) -> str:
    catalog = shipped()[1]
    found = catalog.club_for(spelling, country)
    assert found is not None, (spelling, country)
    return found.name


def entries(file: str, line: int) -> Entry:
    catalog = shipped()[1]
    return next(
        e for e in catalog.entries if (e.tie.source.file, e.tie.source.line) == (file, line)
    )


def test_no_identity_question_is_open() -> None:
    found = shipped()[0]
    assert [str(q) for q in found.registry.questions] == []
    assert found.registry.diagnostics == ()  # no nickname or country clash either


@pytest.mark.parametrize(
    ("club", "spellings"),
    [
        ("Al-Ahly", [("Al-Ahly", "EGY"), ("Al Ahly SC", "EGY"), ("Al-Ahly (Cairo)", "EGY")]),
        ("Al-Ahli Tripoli", [("Al-Ahli Tripoli", "LBY"), ("Al Ahly Tripolis", "LBY"),
                             ("Al-Ahli (Tripoli)", "LBY")]),
        ("Al-Ahli Khartoum", [("Al-Ahli (Khartoum)", "SDN")]),
        ("Al-Ahly Shendi", [("Al-Ahly Shendi", "SDN")]),
        ("Al Ahly Benghazi", [("Al Ahly Benghazi", "LBY")]),
        ("Al-Hilal", [("Al-Hilal", "SDN"), ("Al Hilal Omdurman", "SDN"),
                      ("Al-Hilal (Omdurman)", "SDN")]),
        ("Al-Hilal Port Sudan", [("Al-Hilal (Port Sudan)", "SDN")]),
        ("Al-Hilal Wau", [("Al-Hilal (Wau)", "SSD")]),
        ("Al-Hilal Benghazi", [("Al-Hilal Benghazi", "LBY"), ("Al Hilal Benghazi", None)]),
        ("Al-Hilal Al-Ubayyid", [("Al-Hilal Al-Ubayyid", "SDN")]),
        ("AS Douanes (Senegal)", [("AS Douanes", "SEN")]),
        ("AS Douanes (Niger)", [("AS Douanes", "NIG"), ("AS Douanes (Niamey)", "NIG"),
                                ("AS Douanes Niamey", "NIG")]),
        ("AS Douanes (Burkina Faso)", [("AS Douanes", "BFA"), ("AS Douanes (Ouagadouogu)", "BFA")]),
        ("AS Douanes (Togo)", [("AS Douanes", "TOG"), ("AS Douanes Lomé", "TOG")]),
        ("AS Douanes (Mauritania)", [("AS Douanes Mauritania", None)]),
        ("Al-Ittihad Tripoli", [("Al Ittihad Tripolis", "LBY"), ("Al-Ittihad (Tripoli)", "LBY")]),
        ("AS Police (Congo)", [("AS Police", "CGO")]),
        ("AS Police (Niger)", [("AS Police", "NIG")]),
        ("Young Africans", [("Young Africans", "TAN")]),
        ("Étoile Filante", [("EF Ouagadougou", "BFA"), ("Étoile Filante", None)]),
        ("Espérance de Tunis", [("Espérance de Tunis", "TUN"), ("Espérance (Tunis)", "TUN")]),
        ("Sagrada Esperança", [("Sagrada Esperança", "ANG"), ("GD Sagrada Esperança", "ANG")]),
        ("Wydad AC", [("Wydad AC", "MAR"), ("WAC Casablanca", "MAR")]),
        ("Étoile du Sahel", [("Étoile du Sahel", "TUN")]),
    ],
)  # fmt: skip
def test_each_spelling_of_a_family_finds_its_club(club: str, spellings: list) -> None:
    assert {club_name(text, code) for text, code in spellings} == {club}


def test_the_families_are_as_many_clubs_as_they_have_members() -> None:
    catalog = shipped()[1]
    douanes = [c for c in catalog.clubs.values() if c.name.startswith("AS Douanes")]
    assert sorted((c.name, c.country) for c in douanes) == [
        ("AS Douanes (Burkina Faso)", "BFA"),
        ("AS Douanes (Mauritania)", "MTN"),
        ("AS Douanes (Niger)", "NIG"),
        ("AS Douanes (Senegal)", "SEN"),
        ("AS Douanes (Togo)", "TOG"),
    ]
    ahly = {c.name for c in catalog.clubs.values() if c.name.startswith(("Al-Ahl", "Al Ahl"))}
    assert ahly == {"Al-Ahly", "Al-Ahli Tripoli", "Al-Ahli Khartoum", "Al-Ahly Shendi",
                    "Al Ahly Benghazi", "Al-Ahli Atbara"}  # fmt: skip
    hilal = {c.name for c in catalog.clubs.values() if "Hilal" in c.name}
    assert hilal == {"Al-Hilal", "Al-Hilal Port Sudan", "Al-Hilal Wau", "Al-Hilal Benghazi",
                     "Al-Hilal Al-Ubayyid", "Al Hilal Juba"}  # fmt: skip


@pytest.mark.parametrize(
    ("file", "line", "side", "club"),
    [
        # the codes a document gets wrong, corrected for that tie only (clubs.toml "at")
        ("football-txt/caf-champions-league/2021-22.txt", 30, 1, "Young Africans"),
        ("football-txt/caf-champions-league/2015.txt", 27, 2, "Étoile Filante"),
        ("football-txt/caf-champions-league/2016.txt", 35, 2, "AS Douanes (Niger)"),
        ("football-txt/caf-champions-league/2016.txt", 20, 1, "AS Douanes (Senegal)"),
        ("football-txt/caf-champions-league/2006.txt", 16, 2, "AS Police (Congo)"),
        ("football-txt/caf-champions-league/2009.txt", 19, 2, "AS Police (Niger)"),
    ],
)
def test_a_tie_finds_its_club_by_spelling_country_and_place(
    file: str, line: int, side: int, club: str
) -> None:
    entry = entries(file, line)
    found = entry.club1 if side == 1 else entry.club2
    assert found is not None and found.name == club


def test_one_club_across_sources_has_all_its_seasons() -> None:
    catalog = shipped()[1]
    ess = catalog.clubs["etoile-du-sahel"]
    seasons = {(e.season.competition, e.season.label) for e in catalog.entries_for(ess.key)}
    assert ("CAF Confederation Cup", "2014") in seasons
    assert ("CAF Champions League", "2019–20") in seasons
    ahly = catalog.club_for("Al-Ahly", "EGY")
    assert ahly is not None
    finals = [e for e in catalog.entries_for(ahly.key) if e.round.name == "Final"]
    assert ("CAF Champions League", "2023–24") in {
        (e.season.competition, e.season.label) for e in finals
    }
    assert "CAF Super Cup" in {e.season.competition for e in catalog.entries_for(ahly.key)}


def test_canonical_names_are_the_curated_ones() -> None:
    assert club_name("Petro Atlético", "ANG") == "Petro de Luanda"
    assert club_name("CD 1º de Agosto", "ANG") == "Primeiro de Agosto"
    assert club_name("AmaZulu FC", "RSA") == "AmaZulu"
    assert club_name("Al Masry SC", "EGY") == "Al-Masry"
    assert club_name("Black Bulls (Maputo)", "MOZ") == "Black Bulls"  # RSSSF's city dropped

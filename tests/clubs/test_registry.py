"""Club identity: folding and curated/stated aliases merge spellings, nothing else does."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest

from bot.clubs.registry import (
    CuratedClub,
    CuratedDataError,
    Registry,
    build_registry,
    load_curated,
)
from bot.domain.catalog import Catalog
from bot.domain.models import DecidedBy, Leg, Round, Season, SourceRef, Tie
from bot.domain.names import slug
from bot.parsing.documents import parse_file
from tests.paths import CLUBS as CLUBS_TOML
from tests.paths import SEASONS


@cache
def real_registry() -> Registry:
    seasons = [s for p in sorted(SEASONS.glob("*.txt")) for s in parse_file(p)]
    return build_registry(seasons, load_curated(CLUBS_TOML))


def key_of(spelling: str) -> str:
    return real_registry().club_of[spelling]


def club(key: str):
    return next(c for c in real_registry().clubs if c.key == key)


def tie(team1: str, team2: str | None, code1: str | None = None, code2: str | None = None) -> Tie:
    legs = (Leg(team1, team2, 1, 0, date=dt.date(2014, 2, 9)),) if team2 else ()
    return Tie("First round", 1, team1, team2, 1, DecidedBy.AGGREGATE, SourceRef("x.txt", 3),
               code1=code1, code2=code2, legs=legs)  # fmt: skip


def season(year: int, *ties: Tie, aliases=(), countries=()) -> Season:
    rnd = Round("First round", 1, tuple(ties))
    return Season("CAF Confederation Cup", str(year), (rnd,), f"s{year}.txt", year, year,
                  countries=tuple(countries), aliases=tuple(aliases))  # fmt: skip


# -- real documents -------------------------------------------------------------------


@pytest.mark.parametrize(
    "different",
    [
        ("Al-Ahly", "Al-Ahly Shendi", "Al-Ahli Tripoli"),
        ("Al-Hilal", "Al-Hilal Benghazi", "Al-Hilal Al-Ubayyid"),
        ("Al-Merreikh", "Al Merreikh Juba"),
        ("Ferroviário de Maputo", "Ferroviário da Beira"),
        ("AC Léopards", "AFC Leopards", "Black Leopards", "Royal Leopards"),
        ("Renaissance", "Renaissance du Congo"),
        ("Al-Ahli Atbara", "Alamal Atbara"),
        ("AS Douanes Lomé", "AS Douanes Niamey", "AS Douanes Mauritania"),
    ],
)
def test_near_twins_stay_different_clubs(different):
    keys = [key_of(name) for name in different]
    assert len(set(keys)) == len(keys)


@pytest.mark.parametrize(
    ("spelling", "same_as"),
    [
        ("Al Hilal Benghazi", "Al-Hilal Benghazi"),  # folding
        ("Elgeco Plus", "ASSM Elgeco Plus"),  # curated aliases
        ("Kallon", "FC Kallon"),
        ("Cercle Olympique", "Cercle Olympique de Bamako"),
        ("Club Olympique de Bamako", "Cercle Olympique de Bamako"),
        ("EF Ouagadougou", "Étoile Filante"),
        ("Kampala City", "KCCA"),
        ("Singida United", "Singida Fountain Gate"),  # also the document's own alias
    ],
)
def test_aliases_merge_spellings(spelling, same_as):
    assert key_of(spelling) == key_of(same_as)


def test_every_spelling_in_the_documents_has_a_club_and_a_country():
    reg = real_registry()
    seasons = [s for p in sorted(SEASONS.glob("*.txt")) for s in parse_file(p)]
    for s in seasons:
        for t in s.ties:
            for team in (t.team1, t.team2):
                if team is not None:
                    assert team in reg.club_of, team
    assert [c.name for c in reg.clubs if c.country is None] == []
    catalog = Catalog(seasons, reg.clubs, reg.club_of)  # raises KeyError on a gap
    assert catalog.entries_for(key_of("Simba"))


def test_real_build_is_clean_and_keys_are_slugs():
    reg = real_registry()
    assert reg.diagnostics == ()
    keys = [c.key for c in reg.clubs]
    assert len(keys) == len(set(keys))
    assert all(c.key == slug(c.name) for c in reg.clubs)
    assert set(reg.club_of.values()) == set(keys)


def test_countries_come_from_codes_else_curated():
    assert club(key_of("Étoile du Sahel")).country == "TUN"  # legs with codes
    assert club(key_of("Wydad AC")).country == "MAR"  # 2012 seeding list / curated
    assert club(key_of("Arta Solar")).country == "DJI"  # 2023–24: curated only
    assert club(key_of("Zamalek")).country == "EGY"
    assert club(key_of("Simba")).country == "TAN"


def test_canonical_names_aliases_and_nicknames():
    ess = club(key_of("Étoile du Sahel"))
    assert ess.key == "etoile-du-sahel"
    assert "ESS" in ess.nicknames and "ESS" not in ess.aliases
    kallon = club(key_of("Kallon"))
    assert kallon.name == "FC Kallon" and "Kallon" in kallon.aliases
    assert "Yanga" in club(key_of("Young Africans")).nicknames


# -- hand-built seasons ---------------------------------------------------------------


def test_most_used_spelling_wins_then_newest_season():
    reg = build_registry(
        [
            season(2012, tie("Al Hilal", "Simba"), tie("Al Hilal", "Azam")),
            season(2014, tie("Al-Hilal", "Simba SC")),
            season(2017, tie("Simba-SC", "Azam")),
        ],
        [],
    )
    names = {c.name for c in reg.clubs}
    assert "Al Hilal" in names  # used twice, beats the newer "Al-Hilal"
    assert "Simba-SC" in names  # one use each: the newest season wins
    simba = next(c for c in reg.clubs if c.name == "Simba-SC")
    assert set(simba.aliases) == {"Simba SC"}
    assert "Simba" in names  # "Simba" does not fold to "simba sc": no fuzzy merging


def test_curated_name_wins_and_aliases_are_mapped():
    curated = [CuratedClub("Wydad AC", "MAR", ("Wydad Casablanca",), ("WAC",))]
    reg = build_registry([season(2012, tie("Wydad Casablanca", "Simba"))], curated)
    wydad = next(c for c in reg.clubs if c.key == "wydad-ac")
    assert wydad.name == "Wydad AC" and wydad.country == "MAR"
    assert reg.club_of["Wydad Casablanca"] == reg.club_of["Wydad AC"] == "wydad-ac"
    assert wydad.nicknames == ("WAC",)


def test_a_curated_country_the_documents_contradict_is_a_question():
    curated = [CuratedClub("Azam", "KEN", source=SourceRef("clubs.toml", 4))]
    seasons = [
        season(2014, tie("Azam", "Simba", "TAN", "TAN")),
        season(2017, tie("Azam", "Vipers", "TAN", "UGA")),
    ]
    reg = build_registry(seasons, curated)
    azam = next(c for c in reg.clubs if c.name == "Azam")
    assert azam.country == "TAN"  # the documents' club; the curated KEN one has no tie
    (question,) = reg.questions
    assert "clubs.toml (KEN)" in question.message and "'Azam' (TAN)" in question.message
    assert SourceRef("clubs.toml", 4) in question.sources


def test_one_spelling_in_two_countries_is_two_clubs_and_a_question():
    seasons = [
        season(2012, tie("Gamtel", "X", "GAM", None), countries=[("X", "SEN")]),
        season(2014, tie("Gamtel", "Y", "SEN", "SEN")),
    ]
    reg = build_registry(seasons, [])
    gamtels = sorted((c.name, c.country) for c in reg.clubs if "Gamtel" in c.name)
    assert gamtels == [("Gamtel (GAM)", "GAM"), ("Gamtel (SEN)", "SEN")]
    assert [q.message for q in reg.questions if "two countries" in q.message] == [
        "one name, two countries: 'Gamtel' (GAM); 'Gamtel' (SEN): a club per country "
        "(curate each) or a wrong code (clubs.toml 'at')"
    ]
    curated = [CuratedClub("Gamtel", "GAM"), CuratedClub("Gamtel Dakar", "SEN", ("Gamtel",))]
    settled = build_registry(seasons, curated)
    assert settled.questions == ()
    assert {c.name for c in settled.clubs} >= {"Gamtel", "Gamtel Dakar"}


def test_stated_alias_merges_but_not_across_two_curated_clubs():
    stated = [("Singida United", "Singida Fountain Gate")]
    reg = build_registry([season(2023, tie("Singida Fountain Gate", "JKU"), aliases=stated)], [])
    assert reg.club_of["Singida United"] == reg.club_of["Singida Fountain Gate"]
    curated = [CuratedClub("Simba", "TAN"), CuratedClub("Azam", "TAN")]
    clash = build_registry(
        [season(2023, tie("Simba", "Azam"), aliases=[("Simba", "Azam")])], curated
    )
    assert clash.club_of["Simba"] != clash.club_of["Azam"]
    assert any("keeping them apart" in d.message for d in clash.diagnostics)


def test_nickname_equal_to_another_clubs_name_is_dropped():
    curated = [CuratedClub("Young Africans", "TAN", (), ("Simba", "Yanga"))]
    reg = build_registry([season(2017, tie("Young Africans", "Simba"))], curated)
    yanga = next(c for c in reg.clubs if c.key == "young-africans")
    assert yanga.nicknames == ("Yanga",)
    assert any("nickname 'Simba'" in d.message for d in reg.diagnostics)


def test_name_without_letters_is_reported_not_a_club():
    reg = build_registry([season(2012, tie("???", "Simba"))], [])
    assert [c.name for c in reg.clubs] == ["Simba"]
    assert any("no letters" in d.message for d in reg.diagnostics)


# -- clubs.toml validation ----------------------------------------------------------------


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "clubs.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_real_clubs_toml_is_valid():
    curated = load_curated(CLUBS_TOML)
    assert len(curated) > 50
    assert all(c.source is not None and c.source.line > 0 for c in curated)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ('[[club]]\nname = "A"\ncountry = "TUN"\n[[club]\n', "invalid TOML"),
        ('[[club]]\ncountry = "TUN"\n', "needs a non-empty 'name'"),
        ('[[club]]\nname = "A"\ncountry = "Tunisia"\n', "3-letter FIFA code"),
        ('[[club]]\nname = "A"\naliases = "B"\n', "'aliases' must be a list"),
        ('[[club]]\nname = "A"\nnicknames = ["", "x"]\n', "'nicknames' must be a list"),
        ('[[club]]\nname = "A"\ncolour = "red"\n', "unknown key 'colour'"),
        ('[[clubs]]\nname = "A"\n', "unknown top-level key 'clubs'"),
        ('club = "A"\n', "array of tables"),
        ('[[club]]\nname = "A"\n\n[[club]]\nname = "B"\naliases = ["a"]\n', "already used by 'A'"),
    ],
)
def test_malformed_clubs_toml_names_the_problem(tmp_path, text, needle):
    with pytest.raises(CuratedDataError) as info:
        load_curated(write(tmp_path, text))
    assert needle in str(info.value)
    assert str(tmp_path / "clubs.toml") in str(info.value)


def test_errors_point_at_the_entry_line(tmp_path):
    text = '[[club]]\nname = "A"\n\n# comment\n[[club]]\nname = "B"\ncountry = "xx"\n'
    with pytest.raises(CuratedDataError) as info:
        load_curated(write(tmp_path, text))
    assert info.value.diagnostics[0].source.line == 5
    assert "clubs.toml:5:" in str(info.value) and "'B'" in str(info.value)


def test_unreadable_files_are_curated_data_errors(tmp_path):
    with pytest.raises(CuratedDataError, match="cannot read"):
        load_curated(tmp_path / "missing.toml")
    with pytest.raises(CuratedDataError, match="not UTF-8"):
        load_curated(write(tmp_path, b'[[club]]\nname = "\xff"\n'))
    assert isinstance(CuratedDataError([]), ValueError)

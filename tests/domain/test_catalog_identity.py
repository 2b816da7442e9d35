"""How the catalog finds the club behind a team of a document: spelling, country, place.

The registry decides identity at build time; the catalog only looks the
decision up, so these lookups must be exact: the country first (one spelling
is two clubs), a curated place before that, folding only for case and accents.
"""

from __future__ import annotations

import pytest

from bot.domain.catalog import Catalog, ClubIndex, Spelling, season_codes
from bot.domain.models import Club, DecidedBy, Group, Leg, Round, Season, SourceRef, Stage, Tie

SENEGAL = Club("as-douanes-senegal", "AS Douanes (Senegal)", "SEN")
NIGER = Club("as-douanes-niger", "AS Douanes (Niger)", "NIG")
HOROYA = Club("horoya", "Horoya", "GUI")
WYDAD = Club("wydad-ac", "Wydad AC", "MAR")
SPELLINGS = {
    Spelling("AS Douanes", "SEN"): SENEGAL.key,
    Spelling("AS Douanes", "NIG"): NIGER.key,
    Spelling("AS Douanes", "SEN", "2016.txt", 35): NIGER.key,  # a wrong code, corrected
    Spelling("Horoya AC", "GUI"): HOROYA.key,
    Spelling("Wydad AC", None): WYDAD.key,
}


def index() -> ClubIndex:
    return ClubIndex({"Horoya": HOROYA.key}, SPELLINGS)


@pytest.mark.parametrize(
    ("text", "country", "where", "key"),
    [
        ("AS Douanes", "SEN", None, SENEGAL.key),
        ("AS Douanes", "NIG", None, NIGER.key),
        ("as douanes", "NIG", None, NIGER.key),  # folded: case, accents, punctuation
        ("AS Douanes", "SEN", SourceRef("2016.txt", 35), NIGER.key),  # the place wins
        ("AS Douanes", "SEN", SourceRef("2016.txt", 20), SENEGAL.key),
        ("AS Douanes", None, None, None),  # two clubs: never a guess
        ("AS Douanes", "TOG", None, None),
        ("Horoya AC", "GUI", None, HOROYA.key),
        ("Horoya", "GUI", None, HOROYA.key),  # a spelling whatever its country
        ("Wydad AC", "MAR", None, WYDAD.key),  # known with no country: any country
        ("Wydad", "MAR", None, None),  # never fuzzy
    ],
)
def test_a_spelling_finds_its_club_by_country_and_place(
    text: str, country: str | None, where: SourceRef | None, key: str | None
) -> None:
    assert index().key(text, country, where) == key


def _season() -> Season:
    first = Tie("Preliminary round", 1, "AS Douanes", "Horoya AC", 2, DecidedBy.AGGREGATE,
                SourceRef("2016.txt", 20), code1="SEN", code2="GUI")  # fmt: skip
    second = Tie("Preliminary round", 2, "Wydad AC", "AS Douanes", 1, DecidedBy.AGGREGATE,
                 SourceRef("2016.txt", 35), code1="MAR", code2="SEN")  # fmt: skip
    match = Leg("AS Douanes (Niamey)", "Horoya AC", 1, 1, line=90)
    group = Group(("AS Douanes (Niamey)", "Horoya AC"), (match,))
    return Season(
        "CAF Champions League",
        "2016",
        (Round("Preliminary round", 1, (first, second)),
         Round("Group", 2, (), stage=Stage.GROUP, groups=(group,))),
        "2016.txt",
        2016,
        2016,
        countries=(("Horoya AC", "GUI"),),
        aliases=(("AS Douanes (Niamey)", "AS Douanes"),),
    )  # fmt: skip


def test_a_season_gives_its_spellings_their_countries_through_its_own_aliases() -> None:
    countries = (("JS Kabylie (Tizi Ouzou)", "ALG"), ("Simba", "TAN"))
    aliases = (("JS Kabylie (Tizi Ouzou)", "JS Kabylie"), ("Sim", "Simba"))
    season = Season("Cup", "2023", (), "x.txt", 2023, 2023, countries=countries, aliases=aliases)
    assert season_codes(season) == {
        "JS Kabylie (Tizi Ouzou)": "ALG",
        "JS Kabylie": "ALG",
        "Simba": "TAN",
        "Sim": "TAN",
    }


def test_the_catalog_places_each_tie_and_match_with_its_clubs() -> None:
    spellings = {
        **SPELLINGS,
        Spelling("AS Douanes (Niamey)", None): NIGER.key,
    }
    catalog = Catalog([_season()], [SENEGAL, NIGER, HOROYA, WYDAD], {}, spellings)
    first, second = catalog.entries
    assert (first.club1, first.club2) == (SENEGAL, HOROYA)
    assert (second.club1, second.club2) == (WYDAD, NIGER)  # coded SEN, corrected at line 35
    (match,) = catalog.matches
    assert (match.home, match.away) == (NIGER, HOROYA)
    assert [e.tie.index for e in catalog.entries_for(NIGER.key)] == [2]
    assert catalog.club_for("AS Douanes", "NIG") == NIGER
    assert catalog.club_for("AS Douanes") is None


def test_a_team_with_no_club_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match=r"no club for 'AS Douanes' \(2016.txt:20\)"):
        Catalog([_season()], [HOROYA, WYDAD], {}, {Spelling("Horoya AC", "GUI"): HOROYA.key})

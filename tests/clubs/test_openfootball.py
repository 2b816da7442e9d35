"""openfootball's club lists: each line shape read to the expected club, field by field."""

from __future__ import annotations

from pathlib import Path

from bot.clubs.curated import CuratedClub
from bot.clubs.openfootball import attach_names, list_kind, read_list, read_names
from bot.clubs.sources import combine, list_files, load_curated_data
from bot.domain.models import SourceRef
from tests.paths import CLUBS

LIST = (
    "========================================\r\n"  # CRLF, as some lists are published
    "=  Egypt\r\n"
    "\r\n"
    "## region heading comment\r\n"
    "Al Ahly,                Cairo › Cairo\r\n"
    "  | Al-Ahly | Al Ahly Cairo | Al Ahly SC\r\n"
    "  | Al Ahly Kairo [de]\r\n"
    "Al Mokawloon Al Arab,   Cairo › Cairo  ## Nasr City\r\n"
    "  | Arab Contractors (Sporting Club)\r\n"
    "Zamalek,  1911,  Giza › Giza\r\n"
    "Ghazl El Mahalla, 1936, @ Ghazl El Mahalla Stadium,   El Mahalla El Kubra › Gharbia\r\n"
    "ZED FC,  Giza       #  Cairo › Cairo\r\n"
    "  | FC Masr   # formerly known as\r\n"
    "AmaZulu\tDurban,   Durban North\r\n"
    "Kaizer Chiefs,  Johannesburg (Soweto)\r\n"
    "CAY Berrechid\r\n"
    "  | Youssoufia Berrechid\r\n"
    " \r\n"
)


def test_every_line_shape_gives_the_expected_club() -> None:
    found = read_list(LIST, "eg.clubs.txt", "EGY")
    assert found.diagnostics == ()
    assert [(c.name, c.city, c.aliases, c.source) for c in found.clubs] == [
        ("Al Ahly", "Cairo", ("Al-Ahly", "Al Ahly Cairo", "Al Ahly SC", "Al Ahly Kairo"),
         SourceRef("eg.clubs.txt", 5)),
        ("Al Mokawloon Al Arab", "Cairo", ("Arab Contractors (Sporting Club)",),
         SourceRef("eg.clubs.txt", 8)),
        ("Zamalek", "Giza", (), SourceRef("eg.clubs.txt", 10)),
        ("Ghazl El Mahalla", "El Mahalla El Kubra", (), SourceRef("eg.clubs.txt", 11)),
        ("ZED FC", "Giza", ("FC Masr",), SourceRef("eg.clubs.txt", 12)),
        ("AmaZulu Durban", "Durban North", (), SourceRef("eg.clubs.txt", 14)),
        ("Kaizer Chiefs", "Johannesburg", (), SourceRef("eg.clubs.txt", 15)),
        ("CAY Berrechid", None, ("Youssoufia Berrechid",), SourceRef("eg.clubs.txt", 16)),
    ]  # fmt: skip
    assert {c.country for c in found.clubs} == {"EGY"}


def test_an_alias_line_before_any_club_is_reported() -> None:
    found = read_list("  | Orphan\nClub A, Town\n", "x.clubs.txt", "EGY")
    assert [c.name for c in found.clubs] == ["Club A"]
    assert [str(d) for d in found.diagnostics] == [
        "x.clubs.txt:1: unrecognized: alias line before any club"
    ]


def test_names_in_another_language_join_their_club_as_aliases() -> None:
    clubs = read_list("Al Ahly, Cairo\nENPPI SC, Cairo\n  | ENPPI\n", "eg.clubs.txt", "EGY")
    names = read_names(
        "# Egyptian Premier League\nAl Ahly,   النادي الأهلي\nEnppi,  نادي إنبي\u200e\n"
        "Nowhere FC,  نادي\nno comma here\n",
        "eg.clubs.lang.ar.txt",
        "EGY",
        "ar",
    )
    attached = attach_names(clubs.clubs, names)
    ahly, enppi = attached.clubs
    assert ahly.aliases == ("النادي الأهلي",) and ahly.languages == (("ar", "النادي الأهلي"),)
    assert enppi.aliases == ("ENPPI", "نادي إنبي")  # the bidi mark is dropped
    assert [str(d) for d in attached.diagnostics] == [
        "eg.clubs.lang.ar.txt:5: unrecognized: expected 'Name, name in the language'",
        "eg.clubs.lang.ar.txt:4: warning: 'Nowhere FC' is not a club of the EGY list",
    ]


def test_file_names_give_country_and_language() -> None:
    assert list_kind("eg.clubs.txt") == ("EGY", None)
    assert list_kind("africa/egypt/eg.clubs.lang.ar.txt") == ("EGY", "ar")
    assert list_kind("za.clubs.txt") == ("RSA", None)
    assert list_kind("xx.clubs.txt") is None  # not a CAF country
    assert list_kind("README.md") is None


def test_a_list_club_joins_the_clubs_toml_club_sharing_a_spelling_in_its_country() -> None:
    toml = [CuratedClub("Al-Ahly", "EGY", ("Al Ahly SC",), ("Ahly",)),
            CuratedClub("Al-Ahli Tripoli", "LBY", ("Al Ahly Tripolis",))]  # fmt: skip
    lists = [
        CuratedClub("Al Ahly", "EGY", ("Al-Ahly", "Al Ahly Cairo"), city="Cairo"),
        CuratedClub("Al Ahly Tripolis", "TUN"),  # same spelling, another country: its own club
        CuratedClub("Zamalek", "EGY", ("Zamalek SC",)),
    ]
    ahly, tripoli, other, zamalek = combine(toml, lists)
    assert (ahly.name, ahly.aliases, ahly.nicknames, ahly.city) == (
        "Al-Ahly",
        ("Al Ahly SC", "Al Ahly Cairo"),
        ("Ahly",),
        "Cairo",
    )
    assert tripoli == toml[1] and other.country == "TUN" and zamalek.name == "Zamalek"


def test_the_shipped_lists_load_whole_and_beside_clubs_toml() -> None:
    files = [p.relative_to(CLUBS.parent).as_posix() for p in list_files(CLUBS)]
    assert files == [
        "clubs/openfootball/africa/congo-dr/cd.clubs.txt",
        "clubs/openfootball/africa/egypt/eg.clubs.lang.ar.txt",
        "clubs/openfootball/africa/egypt/eg.clubs.txt",
        "clubs/openfootball/africa/morocco/ma.clubs.txt",
        "clubs/openfootball/africa/south-africa/za.clubs.txt",
        "clubs/openfootball/africa/tunisia/tn.clubs.txt",
    ]
    data = load_curated_data(CLUBS)
    assert data.diagnostics == ()
    ahly = next(c for c in data.clubs if c.name == "Al-Ahly")
    assert ahly.city == "Cairo" and "Al Ahly Sporting Club" in ahly.aliases
    assert ("ar", "النادي الأهلي للرياضة البدنية") in ahly.languages
    esperance = next(c for c in data.clubs if c.name == "Espérance de Tunis")
    assert "Esp. Sp. Tunis" in esperance.aliases
    listed = [c for c in data.clubs if c.source and c.source.file.startswith("clubs/")]
    assert {c.country for c in listed} == {"COD", "EGY", "MAR", "RSA", "TUN"}


def test_the_shipped_lists_are_the_published_bytes() -> None:
    """Copied byte for byte (CRLF line endings included) from openfootball/clubs."""
    egypt = CLUBS.parent / "clubs/openfootball/africa/egypt"
    assert b"\r\n" in (egypt / "eg.clubs.lang.ar.txt").read_bytes()
    assert b"\r\n" not in (egypt / "eg.clubs.txt").read_bytes()
    assert (
        Path(CLUBS.parent) / "clubs/openfootball/africa/south-africa/za.clubs.txt"
    ).read_bytes()[:20] == b"= South Africa\n\nHigh"

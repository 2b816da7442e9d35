"""Club identity on small hand-made seasons: country, city, curated places, no country.

Each name family the real data has (one name in several countries, one name and
country with several cities, a use with no country) is built here in a few
lines, so each rule is seen deciding alone.
"""

from __future__ import annotations

from bot.clubs.curated import CuratedClub
from bot.clubs.registry import Registry, build_registry
from bot.domain.catalog import Catalog
from bot.domain.models import DecidedBy, Group, Leg, Round, Season, SourceRef, Stage, Tie


def tie(
    one: str,
    two: str,
    code1: str | None = None,
    code2: str | None = None,
    line: int = 3,
    file: str = "s.txt",
) -> Tie:
    legs = (Leg(one, two, 1, 0, line=line), Leg(two, one, 0, 0, line=line + 20))
    return Tie("First round", line, one, two, 1, DecidedBy.AGGREGATE, SourceRef(file, line),
               code1=code1, code2=code2, legs=legs)  # fmt: skip


def season(*ties: Tie, year: int = 2022, file: str = "s.txt", **extra: object) -> Season:
    rounds = (Round("First round", 1, ties), *extra.pop("rounds", ()))  # type: ignore[misc]
    return Season("Cup", str(year), rounds, file, year, year, **extra)  # type: ignore[arg-type]


def names(reg: Registry) -> dict[str, str | None]:
    return {c.name: c.country for c in reg.clubs}


def key(reg: Registry, text: str, country: str | None = None) -> str:
    return Catalog([], reg.clubs, reg.club_of, reg.spellings).index.key(text, country) or ""


def test_one_name_in_five_countries_is_five_clubs_each_curated() -> None:
    codes = ["SEN", "NIG", "BFA", "TOG", "MTN"]
    data = season(*(tie("AS Douanes", f"Rival {c}", c, c, line=i) for i, c in enumerate(codes)))
    reg = build_registry([data], [])
    assert len([n for n in names(reg) if n.startswith("AS Douanes")]) == 5
    assert len(reg.questions) == 1 and "two countries" in reg.questions[0].message
    curated = [CuratedClub(f"AS Douanes ({c})", c, ("AS Douanes",)) for c in codes]
    settled = build_registry([data], curated)
    assert settled.questions == ()
    assert {key(settled, "AS Douanes", c) for c in codes} == {
        f"as-douanes-{c.lower()}" for c in codes
    }


def test_a_wrong_code_is_corrected_for_one_tie_only() -> None:
    seasons = [
        season(tie("Young Africans", "Zamalek", "TAN", "EGY")),
        season(
            tie("Young Africans", "Rivers United", "GAM", "NGA", 30, "f.txt"),
            year=2021,
            file="f.txt",
        ),
    ]
    yanga = CuratedClub("Young Africans", "TAN", at=(SourceRef("f.txt", 50),))  # a leg's line
    reg = build_registry(seasons, [yanga])
    assert reg.questions == ()
    assert [n for n in names(reg) if "Young" in n] == ["Young Africans"]
    catalog = Catalog(seasons, reg.clubs, reg.club_of, reg.spellings)
    assert {e.club1.name for e in catalog.entries} == {"Young Africans"}
    assert "GAM" not in {c.country for c in reg.clubs}  # no Gambian club was made


def test_a_city_in_brackets_is_the_club_of_that_name_when_it_is_the_only_city() -> None:
    reg = build_registry(
        [season(tie("Black Bulls", "X", "MOZ", "ANG"),
                tie("Black Bulls (Maputo)", "Y", "MOZ", "ANG", line=9))],
        [],
    )  # fmt: skip
    assert names(reg)["Black Bulls"] == "MOZ"
    assert key(reg, "Black Bulls (Maputo)", "MOZ") == key(reg, "Black Bulls", "MOZ")
    assert reg.questions == ()


def test_two_cities_keep_one_name_apart_and_ask() -> None:
    data = season(
        tie("Al-Hilal (Omdurman)", "X", "SDN", "ANG"),
        tie("Al-Hilal (Port Sudan)", "Y", "SDN", "ANG", line=9),
        tie("Al-Hilal", "Z", "SDN", "ANG", line=15),
    )
    reg = build_registry([data], [])
    hilal = {k for k in (key(reg, t, "SDN") for t in
                         ("Al-Hilal (Omdurman)", "Al-Hilal (Port Sudan)", "Al-Hilal"))}  # fmt: skip
    assert len(hilal) == 3
    assert any("fold alike" in q.message for q in reg.questions)
    omdurman = CuratedClub("Al-Hilal", "SDN", ("Al-Hilal Omdurman",), city="Omdurman")
    port_sudan = CuratedClub("Al-Hilal Port Sudan", "SDN", city="Port Sudan")
    settled = build_registry([data], [omdurman, port_sudan])
    assert settled.questions == ()
    assert key(settled, "Al-Hilal (Omdurman)", "SDN") == key(settled, "Al-Hilal", "SDN")
    assert key(settled, "Al-Hilal (Port Sudan)", "SDN") == "al-hilal-port-sudan"


def test_a_curated_club_without_a_city_is_asked_about_a_city_form() -> None:
    data = season(tie("Al-Hilal (Port Sudan)", "X", "SDN", "ANG"))
    reg = build_registry([data], [CuratedClub("Al-Hilal", "SDN")])
    assert key(reg, "Al-Hilal (Port Sudan)", "SDN") != key(reg, "Al-Hilal", "SDN")
    assert any("whose city the curated data does not give" in q.message for q in reg.questions)


def test_a_use_without_country_is_the_one_club_of_its_spelling() -> None:
    seasons = [
        season(tie("Nania", "Zeta FC")),  # no codes at all
        season(tie("Zeta FC", "Omega", "GHA", "TOG"), year=2023, file="t.txt"),
    ]
    reg = build_registry(seasons, [CuratedClub("Nania", "GHA")])
    assert names(reg)["Nania"] == "GHA" and names(reg)["Zeta FC"] == "GHA"
    assert key(reg, "Zeta FC") == key(reg, "Zeta FC", "GHA")
    assert reg.questions == ()


def test_a_use_without_country_that_could_be_two_clubs_is_asked() -> None:
    seasons = [
        season(tie("AS Police", "A", "CGO", "GAB"), tie("AS Police", "B", "NIG", "MLI", line=9)),
        season(tie("AS Police", "C"), year=2023, file="t.txt"),
    ]
    reg = build_registry(seasons, [])
    messages = [q.message for q in reg.questions]
    assert any("has no country here and is a club of CGO, NIG" in m for m in messages)
    assert any("no document gives the country of 'C'" in m for m in messages)


def test_spellings_of_one_country_that_fold_alike_are_asked_then_settled() -> None:
    data = season(tie("La Passe", "X", "SEY", "COM"), tie("La Passe FC", "Y", "SEY", "COM", line=9))
    reg = build_registry([data], [])
    (question,) = reg.questions
    assert question.message.startswith("'La Passe' and 'La Passe FC' (SEY) fold alike")
    assert question.sources == (SourceRef("s.txt", 3), SourceRef("s.txt", 9))
    settled = build_registry([data], [CuratedClub("La Passe", "SEY", ("La Passe FC",))])
    assert settled.questions == () and key(settled, "La Passe FC", "SEY") == "la-passe"


def test_group_matches_take_their_country_from_the_season() -> None:
    match = Leg("AS Douanes", "Horoya", 1, 0, line=40)
    group = Group(("AS Douanes", "Horoya"), (match,))
    stage = Round("Group", 2, (), stage=Stage.GROUP, groups=(group,))
    data = season(
        tie("AS Douanes", "Horoya", "NIG", "GUI"),
        tie("AS Douanes", "Simba", "SEN", "TAN", line=9),
        rounds=(stage,),
        countries=(("AS Douanes", "NIG"),),
    )
    curated = [CuratedClub(f"AS Douanes ({c})", c, ("AS Douanes",)) for c in ("NIG", "SEN")]
    reg = build_registry([data], curated)
    catalog = Catalog([data], reg.clubs, reg.club_of, reg.spellings)
    (found,) = catalog.matches
    assert found.home.name == "AS Douanes (NIG)"


def test_the_document_alias_of_a_city_form_joins_its_group_spelling() -> None:
    data = season(
        tie("JS Kabylie (Tizi Ouzou)", "X", "ALG", "SEN"),
        aliases=(("JS Kabylie (Tizi Ouzou)", "JS Kabylie"),),
        countries=(("JS Kabylie (Tizi Ouzou)", "ALG"),),
    )
    reg = build_registry([data], [CuratedClub("JS Kabylie", "ALG")])  # no city curated
    assert reg.questions == ()  # the document itself says which club it is
    assert key(reg, "JS Kabylie (Tizi Ouzou)", "ALG") == "js-kabylie"


def test_al_ittihad_of_tripoli_and_of_alexandria_stay_apart() -> None:
    data = season(
        tie("Al Ittihad", "X", "LBY", "TUN"),
        tie("Al Ittihad", "Y", "EGY", "TUN", line=9),
    )
    curated = [
        CuratedClub("Al-Ittihad Tripoli", "LBY", ("Al Ittihad",), city="Tripoli"),
        CuratedClub("Al Ittihad Alexandria", "EGY", ("Al Ittihad",), city="Alexandria"),
    ]
    reg = build_registry([data], curated)
    assert key(reg, "Al Ittihad", "LBY") == "al-ittihad-tripoli"
    assert key(reg, "Al Ittihad", "EGY") == "al-ittihad-alexandria"
    assert reg.questions == ()


def test_a_name_in_arabic_script_is_an_alias_never_a_folded_key() -> None:
    ahly = CuratedClub("Al Ahly", "EGY", ("النادي الأهلي",), languages=(("ar", "النادي الأهلي"),))
    reg = build_registry([season(tie("Al Ahly", "X", "EGY", "TUN"), tie("???", "Y"))], [ahly])
    club = next(c for c in reg.clubs if c.name == "Al Ahly")
    assert "النادي الأهلي" in club.aliases
    assert key(reg, "النادي الأهلي", "EGY") == club.key
    assert key(reg, "???") == ""  # folds to nothing, like the Arabic name: never matched by it

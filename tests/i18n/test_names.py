"""Names in every script: clubs typed in Arabic, French or Portuguese resolve to the right
club, and answers show a club by its curated name in the answer's language.

The names come from ``data/names.toml`` (read beside clubs.toml); folding already makes
hamza forms, alef maqsura, teh marbuta and the article alike ("الاهلي", "الأهلى").
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.clubs.curated import CuratedDataError
from bot.clubs.localized import LocalizedNames, parse_names, with_names
from bot.domain.models import Club
from bot.pipeline.build import check_documents
from bot.wording.i18n.words import FSI, PDI
from bot.wording.speaker import Speaker
from tests.paths import CLUBS, SEASONS

TYPED = [
    ("الأهلي", "Al-Ahly"), ("الأهلي المصري", "Al-Ahly"), ("النادي الأهلي", "Al-Ahly"),
    ("الاهلي", "Al-Ahly"), ("الأهلى", "Al-Ahly"), ("الترجي", "Espérance de Tunis"),
    ("الترجي التونسي", "Espérance de Tunis"), ("الترجى", "Espérance de Tunis"),
    ("الترجي الرياضي التونسي", "Espérance de Tunis"), ("مازيمبي", "TP Mazembe"),
    ("تي بي مازيمبي", "TP Mazembe"), ("الهلال", "Al-Hilal"), ("الهلال السوداني", "Al-Hilal"),
    ("الوداد", "Wydad AC"), ("الوداد البيضاوي", "Wydad AC"), ("صن داونز", "Mamelodi Sundowns"),
    ("أسيك ميموزا", "ASEC Mimosas"), ("كوتون سبور", "Coton Sport"), ("الزمالك", "Zamalek"),
    ("نادي الزمالك", "Zamalek"), ("يانغ أفريكانز", "Young Africans"), ("المريخ", "Al-Merreikh"),
    ("النجم الساحلي", "Étoile du Sahel"), ("الملعب المالي", "Stade Malien"),
    ("وفاق سطيف", "ES Sétif"), ("زيسكو يونايتد", "ZESCO United"), ("الرجاء", "Raja Casablanca"),
    ("الرجاء البيضاوي", "Raja Casablanca"), ("بترو أتلتيكو", "Petro de Luanda"),
    ("حوريا", "Horoya"), ("إنييمبا", "Enyimba Aba"), ("بريميرو دي أغوستو", "Primeiro de Agosto"),
    ("سيمبا", "Simba"), ("شبيبة القبائل", "JS Kabylie"), ("جوليبا", "Djoliba"),
    ("فيتا كلوب", "AS Vita Club"), ("اتحاد العاصمة", "USM Alger"),
    ("النادي الإفريقي", "Club Africain"), ("الإفريقي", "Club Africain"),
    ("سانت جورج", "Saint George SA"), ("أورلاندو بايرتس", "Orlando Pirates"),
    ("الاتحاد الليبي", "Al-Ittihad Tripoli"), ("النادي الصفاقسي", "CS Sfaxien"),
    ("أسانتي كوتوكو", "Asante Kotoko"), ("الجيش الملكي", "FAR Rabat"),
    ("الأهلي طرابلس", "Al-Ahli Tripoli"), ("غور ماهيا", "Gor Mahia FC"),
    ("كايزر تشيفز", "Kaizer Chiefs"), ("مولودية الجزائر", "MC Alger"),
    ("شباب بلوزداد", "CR Bélouizdad"), ("الأهلي بنغازي", "Al Ahly Benghazi"),
    ("نواذيبو", "FC Nouadhibou"), ("الإسماعيلي", "Ismaily"), ("بيراميدز", "Pyramids FC"),
    ("نهضة بركان", "RS Berkane"), ("المصري", "Al-Masry"),
    ("الدفاع الحسني الجديدي", "Difaâ El Jadidi"), ("شبيبة الساورة", "JS Saoura"),
    ("الاتحاد المنستيري", "US Monastir"), ("سموحة", "Smouha"),
    ("الهلال بنغازي", "Al-Hilal Benghazi"), ("أهلي شندي", "Al-Ahly Shendi"),
]  # fmt: skip
LATIN = [
    ("Raja de Casablanca", "Raja Casablanca"),
    ("Espérance sportive de Tunis", "Espérance de Tunis"),
    ("Étoile Sportive du Sahel", "Étoile du Sahel"), ("Primeiro de Agosto", "Primeiro de Agosto"),
    ("1.º de Agosto", "Primeiro de Agosto"), ("Wydad de Casablanca", "Wydad AC"),
    ("Entente de Sétif", "ES Sétif"), ("Mouloudia d'Alger", "MC Alger"),
    ("Forces armées royales", "FAR Rabat"), ("Petro Atlético de Luanda", "Petro de Luanda"),
    ("Libolo", "Recreativo do Libolo"), ("Jeunesse sportive de Kabylie", "JS Kabylie"),
]  # fmt: skip


def bare(text: str) -> str:
    return text.replace(FSI, "").replace(PDI, "")


def test_the_arabic_list_is_long_enough() -> None:
    assert len(TYPED) >= 40 and len({club for _, club in TYPED}) >= 40


@pytest.mark.parametrize(("typed", "club"), TYPED + LATIN)
def test_a_name_in_any_script_finds_its_club(shipped: Speaker, typed: str, club: str) -> None:
    answer = shipped.ask(f"/tie {typed}", "ar")
    assert answer.kind.value == "ok" and answer.query["clubs"] == [club], typed


def test_tie_typed_in_arabic_answers_in_every_language(shipped: Speaker) -> None:
    said = {lang: shipped.ask("/tie الأهلي 2023-24", lang) for lang in ("en", "fr", "ar", "pt")}
    assert {len(a.ties) for a in said.values()} == {4}
    assert said["en"].title == "Al-Ahly · 2023–24"  # English: the club's own name
    assert said["fr"].title == "Al Ahly · 2023–24"  # the curated French name
    assert bare(said["ar"].title) == "الأهلي · 2023–24"
    final = bare(said["ar"].blocks[-1].title)
    assert final.endswith("النهائي — الترجي التونسي ضد الأهلي")  # both clubs, by Arabic name
    assert "Medeama SC" in said["ar"].to_markdown()  # a club with no Arabic name: as written


def test_the_shipped_names_all_find_a_club(shipped: Speaker) -> None:
    localized = [c for c in shipped.catalog.clubs.values() if c.names]
    assert len(localized) >= 60
    assert all(any(lang == "ar" for lang, _ in c.names) for c in localized)


def test_names_file_is_strict_with_file_and_line() -> None:
    text = '[[club]]\nname = "Simba"\nar = "سيمبا"\n\n[[club]]\ncountry = "TAN"\n'
    with pytest.raises(CuratedDataError) as caught:
        parse_names({"club": [{"name": "Simba", "ar": "سيمبا"}, {"country": "TAN"}]}, text,
                    "names.toml")  # fmt: skip
    said = str(caught.value)
    assert "names.toml:1: error: club 'Simba': 'ar' must be a language code" in said
    assert "names.toml:5: error: [[club]] needs a 'name'" in said


def test_names_join_their_club_by_spelling_and_country() -> None:
    simba = Club("simba", "Simba", "TAN", ("Simba SC",))
    other = Club("simba-2", "Simba", "UGA")
    names = [LocalizedNames("Simba SC", "TAN", (("ar", "سيمبا"), ("fr", "Simba SC"))),
             LocalizedNames("Nowhere FC", None, (("ar", "لا أحد"),))]  # fmt: skip
    got = with_names([simba, other], names)
    assert got[0].names == (("ar", "سيمبا"), ("fr", "Simba SC"))
    assert got[0].nicknames == ("سيمبا",)  # "Simba SC" is already a spelling of the club
    assert got[1] == other  # same name, another country: untouched


def test_a_name_that_is_another_clubs_spelling_is_dropped(tmp_path: Path) -> None:
    shutil.copy(CLUBS, tmp_path / "clubs.toml")
    (tmp_path / "names.toml").write_text(
        '[[club]]\nname = "Simba"\ncountry = "TAN"\nar = ["Young Africans", "سيمبا"]\n',
        encoding="utf-8",
    )
    report = check_documents(SEASONS, tmp_path / "clubs.toml")
    said = [str(d) for d in report.diagnostics]
    assert any("nickname 'Young Africans' of 'Simba' is a spelling of" in d for d in said)

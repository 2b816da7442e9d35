"""Name folding: the spellings fans and documents vary on fold alike, different names never do."""

from __future__ import annotations

import pytest

from bot.domain.names import clip, fold, significant_words


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Étoile du Sahel", "etoile-du  sahel"),
        ("Al-Ahly", "AL AHLY"),
        ("الأهلي", "الاهلى"),  # hamza on alef, alef maqsura for yeh
        ("الأهلي", "أهلي"),  # the article
        ("النجم الساحلي", "النجم الساحلى"),
        ("شبيبة القبائل", "شبيبه القبايل"),  # teh marbuta, hamza on yeh
        ("الزمالك", "الزمـــالك"),  # tatweel
        ("الوِداد", "الوداد"),  # a diacritic
        ("بالأهلي", "الأهلي"),  # the article with a joined particle
    ],
)
def test_variants_fold_alike(a: str, b: str) -> None:
    assert fold(a) == fold(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Al-Ahly", "Al-Ahli"),
        ("AC Léopards", "AFC Leopards"),
        ("الأهلي", "الهلال"),
        ("الوداد", "الرجاء"),
    ],
)
def test_different_names_stay_apart(a: str, b: str) -> None:
    assert fold(a) != fold(b)


def test_generic_words_do_not_identify_a_club() -> None:
    assert significant_words(fold("نادي الزمالك")) == ("زمالك",)
    assert significant_words(fold("الوداد الرياضي")) == ("وداد",)
    assert significant_words(fold("Simba SC")) == ("simba",)


def test_other_scripts_and_symbols_separate_words() -> None:
    assert fold("Horoya ★ AC") == "horoya ac"
    assert fold("!!!") == ""


def test_clip() -> None:
    assert clip("abcdef", 4) == "abc…"
    assert clip("abc", 4) == "abc"

"""Words in four languages: plural forms, lists, numbers, dates, isolates, refusals.

English must stay exactly what the bot always wrote (the regression corpus checks whole
answers); the other languages come from the catalogs in ``bot/wording/locales``.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
import logging
import os
import shutil

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from bot.answering.preferences import SettingsFacts, SettingsRequest, SettingsState
from bot.answering.query import Query
from bot.wording.answer import Answer, AnswerKind, Block
from bot.wording.i18n import catalogs
from bot.wording.i18n.words import FSI, PDI, Words, words_for
from bot.wording.markdown import MAX_BODY, bounded, cap_blocks, listing, or_list, plural
from bot.wording.speaker import Speaker

AR, FR, PT, EN = (words_for(lang) for lang in ("ar", "fr", "pt", "en"))


def bare(text: str) -> str:
    """The text without the isolates (to read Arabic answers in assertions)."""
    return text.replace(FSI, "").replace(PDI, "")


# ---- plural forms ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "0 مواجهة"), (1, "مواجهة واحدة"), (2, "مواجهتان"), (3, "3 مواجهات"), (10, "10 مواجهات"),
     (11, "11 مواجهةً"), (99, "99 مواجهةً"), (100, "100 مواجهة"), (101, "101 مواجهة"),
     (103, "103 مواجهات"), (111, "111 مواجهةً"), (1000, "1,000 مواجهة")],
)  # fmt: skip
def test_arabic_has_six_plural_forms(n: int, expected: str) -> None:
    assert bare(plural(n, "tie", AR)) == expected


@pytest.mark.parametrize(
    ("n", "goals", "rounds"),
    [(0, "0 هدف", "0 دور"), (1, "هدف واحد", "دور واحد"), (2, "هدفان", "دوران"),
     (5, "5 أهداف", "5 أدوار"), (25, "25 هدفًا", "25 دورًا"), (200, "200 هدف", "200 دور")],
)  # fmt: skip
def test_arabic_plural_forms_of_other_nouns(n: int, goals: str, rounds: str) -> None:
    assert bare(plural(n, "goal", AR)) == goals
    assert bare(plural(n, "round", AR)) == rounds


def test_french_and_portuguese_plural_rules_differ_at_zero() -> None:
    assert [plural(n, "tie", FR) for n in (0, 1, 2)] == [
        "0 confrontation", "1 confrontation", "2 confrontations"]  # fmt: skip
    assert [plural(n, "tie", PT) for n in (0, 1, 2)] == [
        "0 eliminatórias", "1 eliminatória", "2 eliminatórias"]  # fmt: skip


def test_english_counts_are_as_before() -> None:
    assert [plural(n, "tie") for n in (0, 1, 2)] == ["0 ties", "1 tie", "2 ties"]
    assert plural(3, "season document") == "3 season documents"
    assert plural(2, "first round tie") == "2 first round ties"  # no message yet: English


# ---- numbers, dates, lists -------------------------------------------------------------------


def test_numbers_are_latin_digits_with_the_language_grouping() -> None:
    assert EN.number(12345) == "12,345"
    assert FR.number(12345) == "12\u202f345"
    assert PT.number(12345) == "12\xa0345"
    assert AR.number(12345) == "12,345"  # Latin digits, as the scores and seasons are written
    assert not any("\u0660" <= ch <= "\u0669" for ch in AR.number(1234567890))


def test_dates_in_each_language() -> None:
    day = dt.date(2014, 4, 20)
    assert [w.date(day) for w in (EN, FR, PT, AR)] == [
        "20 April 2014", "20 avril 2014", "20 de abril de 2014", "20 أبريل 2014"]  # fmt: skip


def test_lists_in_each_language() -> None:
    names = ["Simba", "Al Ahly", "Espérance"]
    assert or_list(names) == "Simba, Al Ahly or Espérance"  # as the bot always wrote it
    assert or_list(names, FR) == "Simba, Al Ahly ou Espérance"
    assert or_list(names, PT) == "Simba, Al Ahly ou Espérance"
    assert bare(or_list(names, AR)) == "Simba أو Al Ahly أو Espérance"
    assert listing(["2012", "2014"]) == "2012, 2014"
    assert bare(listing(["2012", "2014"], w=AR)) == "2012، 2014"
    assert EN.and_list(["a", "b", "c"]) == "a, b and c"
    assert FR.and_list(["a", "b", "c"]) == "a, b et c"


# ---- right to left ---------------------------------------------------------------------------


def test_arabic_values_are_isolated_so_latin_names_and_scores_keep_their_order() -> None:
    line = AR._("{a} {score} {b}", a="الأهلي", score="2–1", b="Espérance")
    assert line == f"{FSI}الأهلي{PDI} {FSI}2–1{PDI} {FSI}Espérance{PDI}"
    assert (
        FR._("{a} {score} {b}", a="Al Ahly", score="2–1", b="Espérance") == "Al Ahly 2–1 Espérance"
    )


def test_typed_isolates_are_still_stripped_only_ours_remain(hand_engine: Speaker) -> None:
    answer = hand_engine.answer("tie", f"Zorro{FSI}{PDI}\u202e", lang="ar")
    assert "\u202e" not in answer.summary
    assert f"{FSI}Zorro" in answer.summary
    assert answer.summary.count(FSI) == answer.summary.count(PDI)


def test_clipping_closes_every_isolate_it_opened() -> None:
    body = AR.listing([f"Club {i}" for i in range(400)])
    answer = bounded(Answer("tie", "t", blocks=(Block("x", body),)), AR)
    shown = answer.blocks[0].body
    assert len(shown) <= MAX_BODY and shown.count(FSI) == shown.count(PDI)


def test_cap_blocks_says_what_was_left_out_in_the_language() -> None:
    blocks = [Block(f"b{i}", "x") for i in range(70)]
    more = cap_blocks(blocks, 3, w=FR)[-1]
    assert more.title == "Plus"
    assert more.body.startswith("Non affiché\xa0: 11 sections de plus et 3 confrontations de plus.")
    english = cap_blocks(blocks, 1)[-1]
    assert english.body.startswith("Not shown: 11 more sections and 1 more tie.")


# ---- refusals through the Speaker ------------------------------------------------------------


def test_refusals_in_four_languages(hand_engine: Speaker) -> None:
    said = {
        lang: hand_engine.answer("tie", "Zorro", lang=lang) for lang in ("en", "fr", "ar", "pt")
    }
    assert said["en"].title == "Nothing found" and said["en"].summary == "No club matches 'Zorro'."
    assert said["fr"].title == "Rien trouvé"
    assert said["fr"].summary == "Aucun club ne correspond à «\xa0Zorro\xa0»."
    assert said["pt"].summary == "Nenhum clube corresponde a «Zorro»."
    assert bare(said["ar"].summary) == "لا يوجد نادٍ يطابق «Zorro»."
    assert {a.kind for a in said.values()} == {AnswerKind.NOT_FOUND}


def test_every_kind_of_refusal_is_worded_in_every_language(hand_engine: Speaker) -> None:
    asks = ["/tie", "/tie Zorro", "/headtohead Alpha Alpha", "/season 2099", "/decided coin",
            "/decided", "/nonsense", "/tie Alpha 2030 quarterfinal", '/tie "Alpha', "/settings xx",
            "/tie Leopards", "/tie Alpha 2099", "x" * 600]  # fmt: skip
    for lang in ("fr", "ar", "pt"):
        for line in asks:
            english, other = hand_engine.ask(line), hand_engine.ask(line, lang)
            assert other.kind is english.kind, (line, lang)
            assert other.summary and other.summary != english.summary, (line, lang)
            assert other.title != english.title, (line, lang)


def test_unknown_language_falls_back_to_english(hand_engine: Speaker) -> None:
    assert hand_engine.answer("tie", "Zorro", lang="xx").summary == "No club matches 'Zorro'."
    assert words_for(None) is words_for("en") is words_for("de")


def test_settings_are_worded_in_the_language_chosen(hand_engine: Speaker) -> None:
    request = SettingsRequest(language="ar", scope="me")
    state = SettingsState(language="ar", source="user", user_language="ar", in_server=True,
                          saved=True)  # fmt: skip
    answer = hand_engine.word(SettingsFacts(Query(), request, state), "ar")
    assert bare(answer.summary) == "لغتك الآن: العربية."
    assert "اختيارك أولًا" in answer.blocks[0].body
    console = hand_engine.word(SettingsFacts(Query(), request), "fr")
    assert "--lang en|fr|ar|pt" in console.summary and "console" in console.summary


# ---- catalogs --------------------------------------------------------------------------------


def test_a_broken_translation_shows_english_and_is_logged_once(caplog) -> None:
    source = (
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n'
        'msgid "No club matches {text}."\nmsgstr "Aucun club {texte}."\n'
    )
    po = read_po(io.StringIO(source))
    data = io.BytesIO()
    write_mo(data, po)
    data.seek(0)
    words = Words("fr", gettext.GNUTranslations(data))
    with caplog.at_level(logging.ERROR):
        for _ in range(3):
            assert words._("No club matches {text}.", text="'X'") == "No club matches 'X'."
    assert len([r for r in caplog.records if "broken" in r.message]) == 1


def test_a_po_newer_than_its_mo_is_compiled_in_memory(tmp_path) -> None:
    shutil.copytree(catalogs.LOCALES_DIR, tmp_path / "locales")
    root = tmp_path / "locales"
    po, mo = catalogs.po_path("fr", root), catalogs.mo_path("fr", root)
    text = po.read_text("utf-8").replace('msgstr "Rien trouvé"', 'msgstr "Rien du tout"')
    po.write_text(text, "utf-8")
    if mo.exists():
        os.utime(mo, ns=(0, 0))  # a .mo compiled before the edit
    fresh = catalogs.translations.__wrapped__("fr", root)
    assert fresh.gettext("Nothing found") == "Rien du tout"
    mo.write_bytes(catalogs.compile_po(po))
    assert catalogs.translations.__wrapped__("fr", root).gettext("Nothing found") == "Rien du tout"


def test_an_unreadable_catalog_means_english_not_a_crash(tmp_path, caplog) -> None:
    root = tmp_path / "locales"
    catalogs.po_path("fr", root).parent.mkdir(parents=True)
    catalogs.po_path("fr", root).write_text('msgid "x"\nmsgstr "y"\nnot po at all\n', "utf-8")
    with caplog.at_level(logging.ERROR):
        found = catalogs.translations.__wrapped__("fr", root)
    assert found.gettext("Nothing found") == "Nothing found"
    assert "answering in English" in caplog.text

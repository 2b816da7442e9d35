"""The phrase tables of every language can be read, and every phrase maps to a real command.

A table is text a translator edits; these tests are what stops a typo there (a command that
does not exist, a slot the command has no option for, a round word the engine cannot
resolve) from reaching a fan as a failed answer.
"""

from __future__ import annotations

import pytest

from bot.answering.methods import parse_method
from bot.answering.periods import resolve_round
from bot.answering.questions.books import BOOKS, ORDER, compile_book, compiled, vocabulary
from bot.answering.questions.patterns import PatternError, Slot, expand, parse
from bot.answering.questions.phrasebook import (
    SLOT_OPTIONS,
    TableError,
    option_for,
    read_phrases,
    read_words,
)
from bot.answering.table import BY_NAME
from bot.domain.catalog import Catalog
from bot.domain.competitions import competition_named
from bot.domain.names import fold


def _slots(elements: tuple[object, ...]) -> set[str]:
    found: set[str] = set()
    for e in elements:
        if isinstance(e, Slot):
            found.add(e.name)
        for alternative in getattr(e, "alternatives", ()):
            found |= _slots(alternative)
    return found


def test_every_language_has_a_table_read_in_a_fixed_order() -> None:
    assert ORDER == ("en", "fr", "pt", "ar")
    assert len(compiled()) == sum(len(compile_book(BOOKS[lang])) for lang in ORDER)
    for lang in ORDER:
        assert len(read_phrases(BOOKS[lang].phrases)) >= 25, lang


@pytest.mark.parametrize("lang", ORDER)
def test_every_phrase_names_a_command_and_only_its_options(lang: str) -> None:
    for phrase in compile_book(BOOKS[lang]):
        command = BY_NAME.get(phrase.phrase.command)
        assert command is not None and command.name != "ask", phrase.phrase
        names = {o.name for o in command.options}
        for slot in _slots(phrase.elements):
            assert option_for(command.name, slot) in names, (lang, phrase.phrase.pattern, slot)
        for option, _value in phrase.phrase.fixed:
            assert option in names, (lang, phrase.phrase.pattern, option)


def test_slot_options_name_real_options() -> None:
    for command, slots in SLOT_OPTIONS.items():
        names = {o.name for o in BY_NAME[command].options}
        assert set(slots.values()) <= names


def test_every_word_of_the_vocabularies_reads_as_the_engine_reads_it(
    all_catalog: Catalog,
) -> None:
    words = vocabulary()
    for value in set(words.competitions.values()):
        found = competition_named(value)
        assert found is not None and found.name in all_catalog.competitions, value
    for value in set(words.methods.values()):
        assert parse_method(value) is not None, value
    rounds = [tuple(r.name for r in s.rounds) for s in all_catalog.seasons]
    for value in set(words.rounds.values()):
        assert any(resolve_round(value, names) for names in rounds), value
    assert words.rounds[fold("quarts de finale")] == "quarter"
    assert words.competitions[fold("بدوري أبطال أفريقيا")] == "CL"
    assert words.methods[fold("penáltis")] == "penalties"


def test_a_word_means_the_same_in_every_language_that_has_it() -> None:
    for kind in ("rounds", "competitions", "methods"):
        meaning: dict[str, str] = {}
        for lang in ORDER:
            for value, phrases in read_words(getattr(BOOKS[lang], kind)).items():
                for said in phrases:
                    assert meaning.setdefault(fold(said), value) == value, (kind, lang, said)


@pytest.mark.parametrize(
    "text",
    ["help", "tie: who (won", "tie: who [won", "tie: {nothing}", "tie: {club", "tie strange: x",
     "tie: <missing>"],
)  # fmt: skip
def test_a_broken_table_is_an_error_not_a_silent_skip(text: str) -> None:
    with pytest.raises((TableError, PatternError)):
        for phrase in read_phrases(text):
            parse(expand(phrase.pattern, {}))


def test_a_table_line_indented_further_continues_the_one_above() -> None:
    [phrase] = read_phrases("""
        tie lost round=final: who
          knocked out {club}
    """)
    assert phrase.pattern == "who knocked out {club}" and phrase.command == "tie"
    assert phrase.fixed == (("round", "final"),) and phrase.focus == "lost"

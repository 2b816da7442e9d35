"""Reading a question into words, and matching a pattern against them, without any data."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from bot.answering.questions.patterns import (
    Budget,
    Reader,
    expand,
    match,
    parse,
    required_words,
    satisfied,
)
from bot.answering.questions.reading import normalise, span_text, tokenize


def keys(question: str) -> list[str]:
    return [t.key for t in tokenize(normalise(question))]


def test_words_are_folded_and_joins_undone() -> None:
    assert keys("Qui a éliminé l'Espérance en 2012 ?") == [
        "qui", "a", "elimine", "l", "esperance", "en", "2012"]  # fmt: skip
    assert keys("Simba's group") == ["simba", "s", "group"]
    assert keys("الأهلي والزمالك") == ["اهلي", "و", "زمالك"]
    assert keys("نهائي ٢٠٢٣-٢٤") == ["نهايي", "2023-24"]  # a season stays one word
    assert keys("quarter-final 2023/24") == ["quarter", "final", "2023/24"]
    assert keys('who beat "Étoile du Sahel"?') == ["who", "beat", "etoile du sahel"]


def test_a_slot_takes_the_typed_text_of_whole_words() -> None:
    text = normalise("who knocked out l'Étoile du Sahel in 2014?")
    tokens = tokenize(text)
    assert span_text(text, tokens, 4, 6) == "Étoile du Sahel"
    assert span_text(text, tokens, 3, 3) == "l'"


CLUBS = {"simba", "simba in", "vita club"}


def _match(pattern: str, question: str) -> dict[str, str] | None:
    """``match`` in a toy world: clubs by folded name, seasons as years."""
    tokens = tokenize(normalise(question))

    def club(_: str, first: int, last: int) -> str | None:
        found = " ".join(t.key for t in tokens[first : last + 1])
        return found if found in CLUBS else None

    def season(_: str, first: int, last: int) -> str | None:
        key = tokens[first].key
        return key if first == last and key.isdigit() else None

    readers: Mapping[str, Reader] = {"club": club, "club2": club, "season": season}
    return match(parse(pattern), tokens, readers)


def test_matching_uses_every_word_and_the_fewest_words_per_slot() -> None:
    pattern = "who (knocked out|beat) {club} [in] [the] {season}"
    assert _match(pattern, "who knocked out simba in 2012") == {"club": "simba", "season": "2012"}
    assert _match(pattern, "who beat vita club 2012") == {"club": "vita club", "season": "2012"}
    assert _match(pattern, "who beat simba the 2012") == {"club": "simba", "season": "2012"}
    assert _match(pattern, "who beat simba") is None  # no season: the pattern needs one
    assert _match(pattern, "who beat simba in 2012 please") is None  # a word left over
    assert _match(pattern, "who beat nobody 2012") is None
    both = {"club": "simba", "club2": "vita club"}
    assert _match("{club} vs {club2}", "simba vs vita club") == both


def test_macros_expand_and_nest() -> None:
    macros = {"season": "[in] {season}", "when": "<season> [season]"}
    assert expand("who won <when>", macros) == "who won (([in] {season}) [season])"
    with pytest.raises(ValueError):
        expand("<loop>", {"loop": "<loop>"})


def test_required_words_prune_without_losing_a_match() -> None:
    needs = required_words(parse("who (knocked out|beat (simba|wydad)) {club} [in] {season}"))
    assert satisfied(needs, {"who", "knocked", "out"})
    assert satisfied(needs, {"who", "beat"})  # "beat" then either club word
    assert not satisfied(needs, {"who", "knocked"})
    assert not satisfied(needs, {"beat"})
    assert required_words(parse("[the] {club} [vs] {club2}")) == ()


def test_a_line_of_small_words_cannot_make_matching_explode() -> None:
    """Optional words ("[a|o]") could pair with repeated words in every way; a budget stops it."""
    tokens = tokenize(normalise("a " * 24))
    pattern = parse("[a|o] [a|o] [a|o] [a|o] [a|o] [a|o] [a|o] [a|o] [a|o] [a|o] [a|o] b")
    budget = Budget(500)
    assert match(pattern, tokens, {}, budget) is None
    assert budget.left < 0  # stopped by the budget, not by trying every way

"""Every language's phrase table, compiled once: patterns parsed, vocabularies folded.

The tables are tried in ``ORDER`` whatever language the answer is written in: a
fan may ask in French and read answers in English, and a phrase of one language
rarely reads as a phrase of another.  English comes first because its bare
phrases ("Simba 2012") serve every language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from bot.answering.questions import ar, en, fr, pt
from bot.answering.questions.patterns import (
    Element,
    expand,
    first_words,
    parse,
    required_slots,
    required_words,
)
from bot.answering.questions.phrasebook import Phrase, Phrasebook, read_phrases, read_words
from bot.domain.names import fold

BOOKS: dict[str, Phrasebook] = {b.lang: b for b in (en.BOOK, fr.BOOK, pt.BOOK, ar.BOOK)}
ORDER: tuple[str, ...] = tuple(BOOKS)


@dataclass(frozen=True, slots=True)
class Compiled:
    """A phrase ready to match: its elements, the words it needs, whether its clubs must be
    read strictly (no words of its own, or marked so), and the slots it must fill."""

    phrase: Phrase
    lang: str
    elements: tuple[Element, ...]
    needs: tuple[frozenset[frozenset[str]], ...]  # alternatives of words, per required part
    strict: bool
    season: bool  # a season must be in the question
    words: frozenset[str]  # words every match needs (the parts with one way only)
    first: frozenset[str]  # words a match can start with
    slot_first: bool  # a match can start with a slot


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Folded phrase -> value, for each kind of slot a vocabulary reads."""

    rounds: Mapping[str, str]
    competitions: Mapping[str, str]
    methods: Mapping[str, str]
    edges: frozenset[str]


def _folded(text: str) -> dict[str, str]:
    table = read_words(text)
    return {fold(said): value for value, phrases in table.items() for said in phrases if fold(said)}


def compile_book(book: Phrasebook) -> tuple[Compiled, ...]:
    """The phrases of ``book``, parsed (raises TableError or PatternError for a table that
    cannot be read).  A phrase none of whose words is required ("{club} <season>") reads
    clubs strictly."""
    found = []
    for phrase in read_phrases(book.phrases):
        elements = parse(expand(phrase.pattern, book.macros))
        needs = required_words(elements)
        telling = any(all(option for option in part) for part in needs)
        strict = phrase.strict or not telling
        season = "season" in required_slots(elements)
        words = frozenset(w for part in needs if len(part) == 1 for option in part for w in option)
        others = tuple(part for part in needs if len(part) > 1)
        first, slot_first = first_words(elements)
        found.append(Compiled(phrase, book.lang, elements, others, strict, season, words, first,
                              slot_first))  # fmt: skip
    return tuple(found)


@cache
def compiled() -> tuple[Compiled, ...]:
    """Every phrase of every language, in the order they are tried: phrases with telling words
    of their own first, language by language, then the strict ones ("Simba 2012")."""
    every = [c for lang in ORDER for c in compile_book(BOOKS[lang])]
    return tuple(c for c in every if not c.strict) + tuple(c for c in every if c.strict)


@cache
def vocabulary() -> Vocabulary:
    """The words of every language for rounds, competitions and methods, and the edge words."""
    rounds: dict[str, str] = {}
    competitions: dict[str, str] = {}
    methods: dict[str, str] = {}
    edges: set[str] = set()
    for lang in ORDER:
        book = BOOKS[lang]
        rounds.update(_folded(book.rounds))
        competitions.update(_folded(book.competitions))
        methods.update(_folded(book.methods))
        edges.update(fold(e) for e in book.edges.split() if fold(e))
    return Vocabulary(rounds, competitions, methods, frozenset(edges))

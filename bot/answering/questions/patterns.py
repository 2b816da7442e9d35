"""Phrase patterns: words, alternatives, optional parts and slots, matched against a question.

A pattern is written as a fan would say the question, with the parts that vary
marked: ``who (knocked out|eliminated) {club} [in] {season}``.  ``(a|b)`` is one
of the alternatives, ``[a|b]`` one of them or nothing, ``{name}`` a slot, and
``<name>`` a macro of the language (a common part, such as "in the 2014 season"; it
may be made optional as any part: ``[<season>]``).
Words are folded as the question is, so accents, case and Arabic spelling
variants do not matter.  Matching must use every word of the question; a slot
takes the fewest words that its reader accepts, so "Simba in 2012" gives the
club "Simba", never "Simba in".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from bot.answering.questions.reading import Token
from bot.domain.names import fold

MAX_SLOT_WORDS = {"club": 6, "club2": 6, "season": 1, "round": 3, "competition": 5, "method": 4}
MAX_EXPANSION = 4  # macros inside macros, at most this deep
MAX_STEPS = 2_000  # matching steps one question may take over every phrase (each question
# of the tests takes at most about 250)

# A slot reader: the tokens ``first`` to ``last`` (inclusive) as the slot's value, or None.
Reader = Callable[[str, int, int], str | None]


@dataclass(frozen=True, slots=True)
class Word:
    key: str


@dataclass(frozen=True, slots=True)
class Slot:
    name: str


@dataclass(frozen=True, slots=True)
class Choice:
    """Alternatives (one of them, or none when ``optional``); ``firsts`` holds, for each, the
    words it can start with and whether it can start otherwise (a slot, or nothing), so a
    match tries only the alternatives the next word allows."""

    alternatives: tuple[tuple[Element, ...], ...]
    optional: bool
    firsts: tuple[tuple[frozenset[str], bool], ...] = ()


Element = Word | Slot | Choice


class PatternError(ValueError):
    """A phrase table holds a pattern that cannot be read (a test reads every table)."""


def expand(text: str, macros: Mapping[str, str], depth: int = 0) -> str:
    """``text`` with every ``<name>`` replaced by the language's macro of that name."""
    if "<" not in text:
        return text
    if depth >= MAX_EXPANSION:
        raise PatternError(f"macros nest too deep in {text!r}")
    out, at = [], 0
    while (start := text.find("<", at)) >= 0:
        end = text.find(">", start)
        if end < 0 or text[start + 1 : end] not in macros:
            raise PatternError(f"unknown macro in {text!r}")
        out += [text[at:start], "(" + macros[text[start + 1 : end]] + ")"]
        at = end + 1
    return expand("".join(out) + text[at:], macros, depth + 1)


def parse(text: str) -> tuple[Element, ...]:
    """The elements of a pattern (macros already expanded)."""
    spaced = text
    for mark in "()[]{}|":
        spaced = spaced.replace(mark, f" {mark} ")
    items = spaced.split()
    elements, at = _sequence(items, 0, text)
    if at != len(items):
        raise PatternError(f"unbalanced brackets in {text!r}")
    return elements


def _sequence(items: list[str], at: int, text: str) -> tuple[tuple[Element, ...], int]:
    out: list[Element] = []
    while at < len(items) and items[at] not in (")", "]", "|"):
        item = items[at]
        if item == "{":
            if at + 2 >= len(items) or items[at + 2] != "}" or items[at + 1] not in MAX_SLOT_WORDS:
                raise PatternError(f"bad slot in {text!r}")
            out.append(Slot(items[at + 1]))
            at += 3
        elif item in ("(", "["):
            close = ")" if item == "(" else "]"
            alternatives = []
            while True:
                seq, at = _sequence(items, at + 1, text)
                alternatives.append(seq)
                if at >= len(items) or items[at] not in ("|", close):
                    raise PatternError(f"unbalanced brackets in {text!r}")
                if items[at] == close:
                    break
            firsts = tuple((k, slot or empty) for k, slot, empty in map(_first, alternatives))
            out.append(Choice(tuple(alternatives), item == "[", firsts))
            at += 1
        elif item == "}":
            raise PatternError(f"bad slot in {text!r}")
        else:
            out.extend(Word(key) for key in fold(item).split())
            at += 1
    return tuple(out), at


def required_words(elements: tuple[Element, ...]) -> tuple[frozenset[frozenset[str]], ...]:
    """What every match needs, as alternatives: for each required part, the sets of words one
    of which must all be in the question.  A question that lacks them is not tried."""
    found: list[frozenset[frozenset[str]]] = []
    for e in elements:
        if isinstance(e, Word):
            found.append(frozenset({frozenset({e.key})}))
        elif isinstance(e, Choice) and not e.optional:
            options = set()
            for alternative in e.alternatives:
                inner = required_words(alternative)
                # a nested choice needs only the words all of its own options share
                options.add(frozenset().union(*(frozenset.intersection(*part) for part in inner)))
            found.append(frozenset(options))
    return tuple(found)


def satisfied(needs: tuple[frozenset[frozenset[str]], ...], words: set[str]) -> bool:
    """Whether ``words`` (the question's) can meet ``needs`` (from ``required_words``)."""
    return all(any(option <= words for option in part) for part in needs)


def first_words(elements: tuple[Element, ...]) -> tuple[frozenset[str], bool]:
    """The words a match can start with, and whether it can start with a slot: a question
    whose first word is neither is not tried."""
    keys, slot, _ = _first(elements)
    return keys, slot


def _first(elements: tuple[Element, ...]) -> tuple[frozenset[str], bool, bool]:
    """(first words, a slot can come first, the sequence can match nothing)."""
    keys: set[str] = set()
    slot = False
    for e in elements:
        if isinstance(e, Word):
            return frozenset(keys | {e.key}), slot, False
        if isinstance(e, Slot):
            return frozenset(keys), True, False
        empty = e.optional
        for alternative in e.alternatives:
            k, s, n = _first(alternative)
            keys |= k
            slot = slot or s
            empty = empty or n
        if not empty:
            return frozenset(keys), slot, False
    return frozenset(keys), slot, True


def required_slots(elements: tuple[Element, ...]) -> frozenset[str]:
    """Slots every match fills: a question without a season is not tried on "who won <season>"."""
    found = {e.name for e in elements if isinstance(e, Slot)}
    for e in elements:
        if isinstance(e, Choice) and not e.optional:
            found |= frozenset.intersection(*(required_slots(a) for a in e.alternatives))
    return frozenset(found)


class Budget:
    """Steps a question may take to match, all phrases together: a line of repeated small
    words ("a a a a …") could otherwise try every way optional words can pair with it."""

    def __init__(self, steps: int) -> None:
        self.left = steps

    def spend(self) -> bool:
        self.left -= 1
        return self.left >= 0


def match(
    elements: tuple[Element, ...],
    tokens: tuple[Token, ...],
    read: Mapping[str, Reader],
    budget: Budget | None = None,
) -> dict[str, str] | None:
    """The slot values of the first way ``elements`` cover all of ``tokens``, or None (also
    when ``budget`` runs out first)."""
    spent = budget if budget is not None else Budget(MAX_STEPS)
    for end, values in _walk(elements, tokens, 0, {}, read, spent):
        if end == len(tokens):
            return values
    return None


def _walk(
    elements: tuple[Element, ...],
    tokens: tuple[Token, ...],
    at: int,
    values: dict[str, str],
    read: Mapping[str, Reader],
    budget: Budget,
) -> Iterator[tuple[int, dict[str, str]]]:
    if not budget.spend():
        return
    if not elements:
        yield at, values
        return
    head, rest = elements[0], elements[1:]
    if isinstance(head, Word):
        if at < len(tokens) and not tokens[at].quoted and tokens[at].key == head.key:
            yield from _walk(rest, tokens, at + 1, values, read, budget)
    elif isinstance(head, Choice):
        key = tokens[at].key if at < len(tokens) and not tokens[at].quoted else None
        for alternative, (keys, open_start) in zip(head.alternatives, head.firsts, strict=True):
            if open_start or key in keys:
                yield from _walk(alternative + rest, tokens, at, values, read, budget)
        if head.optional:
            yield from _walk(rest, tokens, at, values, read, budget)
    else:
        yield from _fill(head, rest, tokens, at, values, read, budget)


def _fill(
    slot: Slot,
    rest: tuple[Element, ...],
    tokens: tuple[Token, ...],
    at: int,
    values: dict[str, str],
    read: Mapping[str, Reader],
    budget: Budget,
) -> Iterator[tuple[int, dict[str, str]]]:
    """The slot over the fewest whole typed words its reader accepts, then more."""
    if at >= len(tokens) or (at > 0 and tokens[at - 1].word == tokens[at].word):
        return
    last_word = tokens[at].word + MAX_SLOT_WORDS[slot.name] - 1
    for end in range(at + 1, len(tokens) + 1):
        if tokens[end - 1].word > last_word:
            break
        if end < len(tokens) and tokens[end].word == tokens[end - 1].word:
            continue  # a slot ends where a typed word ends
        if tokens[at].quoted and end > at + 1:
            break
        value = read[slot.name](slot.name, at, end - 1)
        if value is not None:
            yield from _walk(rest, tokens, end, {**values, slot.name: value}, read, budget)

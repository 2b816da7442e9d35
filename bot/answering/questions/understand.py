"""A question → a command of the table with options, read by the phrase tables of every language.

Slots are filled by the engine's own readers, so a question means exactly what the
command would: a club by ``Context.resolution`` (and passed on by its canonical
name when it names one club, else as typed so the command asks which one), a
season as typed (a lone year keeps both its seasons), a round or competition from
the languages' words or the loaded names, a method as ``/decided`` reads it.  A
phrase without words of its own ("Simba 2012") reads clubs strictly: a typo
match could make any sentence a club ("best player" is one letter from a club).
"""

from __future__ import annotations

import weakref
from dataclasses import replace

from bot.answering import problems as P
from bot.answering.clubnames import Resolution, Rule
from bot.answering.context import Context
from bot.answering.methods import parse_method
from bot.answering.questions.books import Compiled, Vocabulary, compiled, vocabulary
from bot.answering.questions.patterns import MAX_STEPS, Budget, Reader, match, satisfied
from bot.answering.questions.phrasebook import LOST, option_for
from bot.answering.questions.reading import SEASONISH, Token, normalise, span_text, tokenize
from bot.answering.questions.understood import Understood
from bot.domain.competitions import competition_named
from bot.domain.names import MINOR_WORDS, fold

STRONG = frozenset({Rule.EXACT, Rule.NICKNAME, Rule.ACRONYM})
_NAMES: weakref.WeakKeyDictionary[Context, frozenset[str]] = weakref.WeakKeyDictionary()


def names_of(ctx: Context) -> frozenset[str]:
    """Every folded name, alias and nickname of the loaded clubs, once per Context: a span that
    starts or ends with a small word ("The Panthers") is read only when it is one of them."""
    found = _NAMES.get(ctx)
    if found is None:
        clubs = ctx.catalog.clubs.values()
        found = _NAMES[ctx] = frozenset(
            fold(n) for c in clubs for n in (c.name, *c.aliases, *c.nicknames)
        )
    return found


class Slots:
    """The slot readers for one question; each span is read once."""

    def __init__(self, ctx: Context, text: str, tokens: tuple[Token, ...]) -> None:
        self.ctx, self.text, self.tokens = ctx, text, tokens
        self.words: Vocabulary = vocabulary()
        self._clubs: dict[tuple[int, int, bool], str | None] = {}
        self._loaded_rounds = {fold(name): name for name in ctx.rounds}
        self.loose = self._readers(strict=False)
        self.strict = self._readers(strict=True)

    def _readers(self, strict: bool) -> dict[str, Reader]:
        def club(_: str, first: int, last: int) -> str | None:
            return self.club(first, last, strict)

        return {"club": club, "club2": club, "season": self.season, "round": self.round,
                "competition": self.competition, "method": self.method}  # fmt: skip

    def _keys(self, first: int, last: int) -> str:
        return " ".join(t.key for t in self.tokens[first : last + 1])

    def club(self, first: int, last: int, strict: bool) -> str | None:
        """The club's canonical name (one club), the text as typed (several: the command
        asks), or None (no club, or only a typo where a strict reading is needed)."""
        key = (first, last, strict)
        if key not in self._clubs:
            self._clubs[key] = self._club(first, last, strict)
        return self._clubs[key]

    def _club(self, first: int, last: int, strict: bool) -> str | None:
        span = self.tokens[first : last + 1]
        if any(SEASONISH.match(t.key) for t in span):
            return None
        text = span_text(self.text, self.tokens, first, last)
        edged = span[0].key in self.words.edges or span[-1].key in self.words.edges
        if edged and fold(text) not in names_of(self.ctx):
            return None  # "Simba in", "what group": the phrase names those words, not a club
        res = self.ctx.resolution(text)
        weak = res.rule is not Rule.WORDS or not _named(res, span)
        if strict and res.rule not in STRONG and weak:
            return None
        if res.club is not None and not res.ambiguous:
            again = self.ctx.resolution(res.club.name).club  # the name must name it again
            return res.club.name if again is not None and again.key == res.club.key else text
        return text if res.candidates else None

    def season(self, _: str, first: int, last: int) -> str | None:
        token = self.tokens[first]
        return token.key if first == last and SEASONISH.match(token.key) else None

    def round(self, _: str, first: int, last: int) -> str | None:
        keys = self._keys(first, last)
        return self.words.rounds.get(keys) or self._loaded_rounds.get(keys)

    def competition(self, _: str, first: int, last: int) -> str | None:
        keys = self._keys(first, last)
        found = self.words.competitions.get(keys)
        if found is not None:
            return found
        named = competition_named(span_text(self.text, self.tokens, first, last))
        return named.short if named is not None else None

    def method(self, _: str, first: int, last: int) -> str | None:
        keys = self._keys(first, last)
        found = self.words.methods.get(keys)
        if found is not None:
            return found
        parsed = parse_method(keys) if len(keys) >= 4 else None
        return parsed.value if parsed is not None else None


def _named(res: Resolution, span: tuple[Token, ...]) -> bool:
    """Whether every word of ``span`` is a word of the club's names: a strict reading takes
    "Raja" and "Kaizer Chiefs", never "groupe d'Al Ahly" ("groupe" names nothing) nor a
    word's start ("foo" for "AS Génération Foot")."""
    clubs = [res.club] if res.club is not None else list(res.candidates)
    words = {w for c in clubs for n in (c.name, *c.aliases, *c.nicknames) for w in fold(n).split()}
    return all(t.key in words for t in span if t.key not in MINOR_WORDS)


def understand(ctx: Context, question: str) -> Understood | None:
    """The first phrase of the tables that reads the whole question, as a command call."""
    text = normalise(question)
    tokens = tokenize(text)
    if not tokens:
        return None
    keys = {t.key for t in tokens}
    has_season = any(SEASONISH.match(t.key) for t in tokens)
    start = None if tokens[0].quoted else tokens[0].key
    slots = Slots(ctx, text, tokens)
    budget = Budget(MAX_STEPS)
    for phrase in compiled():
        if not (phrase.slot_first or start in phrase.first) or not phrase.words <= keys:
            continue
        if (phrase.season and not has_season) or not satisfied(phrase.needs, keys):
            continue
        values = match(phrase.elements, tokens, slots.strict if phrase.strict else slots.loose,
                       budget)  # fmt: skip
        if values is not None:
            found = _call(phrase, values)
            return narrow_lost(ctx, found) if found.focus == LOST else found
    return None


def _call(phrase: Compiled, values: dict[str, str]) -> Understood:
    command = phrase.phrase.command
    options = dict(phrase.phrase.fixed)
    options.update((option_for(command, slot), value) for slot, value in values.items())
    return Understood(command, tuple(options.items()), phrase.lang, phrase.phrase.pattern,
                      phrase.phrase.focus)  # fmt: skip


def narrow_lost(ctx: Context, found: Understood) -> Understood:
    """ "Who knocked out X in S": the ties X lost in S; when there is exactly one (and a season
    was asked), the answer is that tie's round (and competition, when several are loaded)."""
    name = found.option("club")
    res = ctx.resolution(name or "")
    if res.club is None or res.ambiguous:
        return found
    club = res.club
    try:
        comp = ctx.competition(found.option("competition"), "ask")
        label, seasons = ctx.seasons(found.option("season"), comp, "ask")
    except P.Refused:  # the command itself will say what is wrong with the season
        return found
    keys = {s.key for s in seasons}
    lost = tuple(
        e
        for e in ctx.newest_first(ctx.catalog.entries_for(club.key))
        if e.season.key in keys and e.loser_club is not None and e.loser_club.key == club.key
    )
    found = replace(found, club=club, lost=lost)
    if label is None or len(lost) != 1:
        return found
    entry = lost[0]
    found = found.with_option("round", entry.round.name)
    if label != entry.season.label:  # "2019": the one of its two seasons the tie was in
        found = found.with_option("season", entry.season.label)
    short = competition_named(entry.season.competition)
    if comp is None and ctx.catalog.multi and short is not None:
        found = found.with_option("competition", short.short)
    return found

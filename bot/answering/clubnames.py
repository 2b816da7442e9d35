"""Free text -> club, the way fans type names: typed rules, confidence margins, context.

Rules, in order (``Rule``): exact name or alias; curated nickname; initials;
whole words; word beginnings; typos.  The first rule that finds clubs decides,
and it names a club only when it finds one: several clubs found by one rule
are of similar standing, so the answer is a question.  Beginnings and typos
are tried only when no club has every word typed, so they never win against a
whole word, and words saying what kind of club it is ("FC", "United", "Stars")
never decide alone.  ``scopes`` (the clubs of the season or competition asked,
the opponents of the other club) narrow each rule's clubs before it decides:
"Leopards" in 2017 is AC Léopards.  Indexes are built once, so a lookup stays
well under a millisecond.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeAlias

from bot.answering.grams import Grams
from bot.answering.namewords import Typed, Vocabulary, name_key
from bot.domain.models import Club
from bot.domain.names import acronyms, fold

__all__ = ["NameIndex", "Resolution", "Rule", "Scope"]

MAX_QUERY = 100  # characters of user input looked at; caps the work per lookup
WHOLE_ACCEPT = 88.0  # ratio for a mistyped whole name to be read as that name
SUGGEST = 60.0  # ratio for a club to be offered as "did you mean"
MARGIN = 3.0  # typo scores this close are of similar standing
MIN_PREFIX = 4  # letters of a word's beginning that may name a club
MIN_TYPED = 6  # letters of identifying words a typo needs to name a club
MAX_CANDIDATES = 10  # clubs offered when a name is ambiguous

Scope: TypeAlias = frozenset[str]  # keys of the clubs a question allows


class Rule(StrEnum):
    """Which rule read the text as a club, in the order they are tried."""

    EXACT = "exact"  # a name or alias ("Al Ahly", "Wydad Casablanca")
    NICKNAME = "nickname"  # curated in clubs.toml ("Yanga", "EST")
    ACRONYM = "acronym"  # initials of a name ("JSK" from "JS Kabylie")
    WORDS = "words"  # every identifying word typed is a whole word of the name
    PREFIX = "prefix"  # words typed begin words of the name ("Kaiz")
    FUZZY = "fuzzy"  # typos ("Zamalk")
    GENERIC = "generic"  # only words that never decide alone ("United", "FC")
    NONE = "none"
    EMPTY = "empty"


SURE_RULES = frozenset({Rule.EXACT, Rule.NICKNAME})  # the club's own name: nothing to explain
STRONG_RULES = frozenset({Rule.EXACT, Rule.NICKNAME, Rule.ACRONYM, Rule.WORDS})


@dataclass(frozen=True, slots=True)
class Resolution:
    """How a text was read: one ``club``, or ``candidates`` to choose from, or neither.

    ``suggestions`` are near misses for "did you mean", or, with a club found by its
    name, other clubs whose names contain it ("Al Hilal" -> Al-Hilal Benghazi).
    ``scope`` is the index of the scope that narrowed the clubs to this answer, -1
    when none had to.
    """

    query: str
    club: Club | None = None
    candidates: tuple[Club, ...] = ()
    suggestions: tuple[Club, ...] = ()
    rule: Rule = Rule.NONE
    score: float = 0.0
    scope: int = -1
    whole: bool = False  # the text is the club's whole name, up to kind words and articles

    @property
    def ambiguous(self) -> bool:
        return self.club is None and len(self.candidates) > 1

    @property
    def sure(self) -> bool:
        """Found by its own name or nickname alone: the answer need not say how it was read."""
        sure = self.rule in SURE_RULES or self.whole
        return self.club is not None and sure and self.scope < 0


@dataclass(frozen=True, slots=True)
class _Tier:
    """What one rule found: clubs (best first) and the standing that ranks them."""

    rule: Rule
    clubs: tuple[int, ...]
    standing: dict[int, tuple[float, int, int]]  # (score, labels typed it has, words beyond)
    score: float
    decisive: bool  # may name a single club (long enough beginnings and typos, no kind words)
    words: tuple[str, ...] = ()  # identifying words typed: other clubs with them are named too
    others: tuple[int, ...] = ()  # other clubs the text also fits (initials of "ES Sétif": ESS)


class NameIndex:
    """Clubs indexed by folded name, nickname, initials, words and bigrams."""

    def __init__(self, clubs: Iterable[Club]) -> None:
        self.clubs: tuple[Club, ...] = tuple(sorted(clubs, key=lambda c: (fold(c.name), c.key)))
        self.pos = {club.key: i for i, club in enumerate(self.clubs)}
        self.exact: dict[str, set[int]] = {}
        self.nicknames: dict[str, set[int]] = {}
        self.acronyms: dict[str, set[int]] = {}
        spellings: dict[tuple[int, str], None] = {}
        for ci, club in enumerate(self.clubs):
            for table, texts in ((self.exact, (club.name, *club.aliases)), (self.nicknames,
                                 club.nicknames)):  # fmt: skip
                for text in texts:
                    if folded := fold(text):
                        table.setdefault(name_key(folded), set()).add(ci)
                        spellings.setdefault((ci, folded))
            for text in (club.name, *club.aliases):
                for acronym in acronyms(text):
                    self.acronyms.setdefault(acronym, set()).add(ci)
        self.vocab = Vocabulary(list(spellings), [c.country for c in self.clubs])
        self.grams = Grams(self.vocab.folded)

    # -- resolve ---------------------------------------------------------------------

    def resolve(self, text: str, scopes: Sequence[Scope] = ()) -> Resolution:
        """Read ``text`` as a club by the rules above, narrowed by ``scopes`` (narrowest first).

        A rule whose clubs all fall outside the scopes hands over to the next rule only
        while rules are strong (a whole word in the season asked beats an exact name that
        did not play it; a typo never does), else its clubs are the answer regardless.
        """
        query = (text or "")[:MAX_QUERY]
        q = fold(query)
        if not q:
            return Resolution(query, rule=Rule.EMPTY)
        fallback: _Tier | None = None
        for tier in self._tiers(q):
            if fallback is not None and tier.rule not in STRONG_RULES:
                break
            for si, scope in enumerate(scopes):
                inside = tuple(c for c in tier.clubs if self.clubs[c].key in scope)
                if inside:
                    narrowed = fallback is not None or len(inside) < len(tier.clubs)
                    return self._verdict(query, tier, inside, scope, si if narrowed else -1)
            fallback = fallback or tier
            if not scopes or tier.rule not in STRONG_RULES:
                break
        if fallback is None:
            return self._nothing(query, q)
        return self._verdict(query, fallback, fallback.clubs, None, -1)

    def _verdict(
        self, query: str, tier: _Tier, clubs: tuple[int, ...], scope: Scope | None, narrowed: int
    ) -> Resolution:
        """One club when the rule may decide and one club stands above the others, else ask."""
        stand = tier.standing
        best = max(stand[c][0] for c in clubs)
        margin = MARGIN if tier.rule is Rule.FUZZY else 0.0
        top = [c for c in clubs if stand[c][0] >= best - margin]
        labelled = max(stand[c][1] for c in top)  # labels typed break ties ("AS Vita")
        top = [c for c in top if stand[c][1] == labelled]
        rest = [c for c in clubs if c not in top]
        if len(top) == 1 and tier.decisive:
            also = self._containing(top[0], tier, scope)
            club, whole = self.clubs[top[0]], tier.rule is Rule.WORDS and not stand[top[0]][2]
            return Resolution(query, club, (), also, tier.rule, tier.score, narrowed, whole)
        picked = tuple(self.clubs[c] for c in (*top, *rest)[:MAX_CANDIDATES])
        if len(picked) == 1 or (tier.rule is Rule.FUZZY and not tier.decisive):
            # a rule that may not name a club alone, or a short slip: "did you mean"
            return Resolution(query, suggestions=picked[:3], rule=tier.rule, score=tier.score)
        return Resolution(query, None, picked, (), tier.rule, tier.score, narrowed)

    def _containing(self, ci: int, tier: _Tier, scope: Scope | None) -> tuple[Club, ...]:
        """Other clubs the text fits less well (in the scope): their names have every
        identifying word typed, or their initials are the text."""
        found = self.vocab.clubs_with(tier.words, Typed.plain()) if tier.words else {}
        others = [c for c in dict.fromkeys((*tier.others, *found)) if c != ci]
        if scope is not None:
            others = [c for c in others if self.clubs[c].key in scope]
        return tuple(self.clubs[c] for c in others[:3])

    def _nothing(self, query: str, q: str) -> Resolution:
        best: dict[int, float] = {}
        for sid, score in self.grams.best(q, 12, SUGGEST):
            ci = self.vocab.club_of[sid]
            best[ci] = max(best.get(ci, 0.0), score)
        ranked = sorted(best, key=lambda c: (-best[c], c))[:3]
        return Resolution(query, suggestions=tuple(self.clubs[c] for c in ranked))

    def _tiers(self, q: str) -> Iterator[_Tier]:
        """What each rule finds, in rule order; computed only as far as it is asked for."""
        key = name_key(q)
        for rule, table in ((Rule.EXACT, self.exact), (Rule.NICKNAME, self.nicknames)):
            if hits := table.get(key):
                words = self.vocab.naming_words(q)
                initials = tuple(sorted(self.acronyms.get(q, set()) - hits))
                stand = dict.fromkeys(hits, (100.0, 0, 0))
                yield self._tier(rule, stand, 100.0, True, words=words, others=initials)
        typed = self.vocab.typed(q)
        single = typed.single
        if single is not None and (acro := self.acronyms.get(single)):
            # Initials that are also a word of a name are a question between them.
            worded = self.vocab.clubs_with((single,), Typed.plain()) if typed.ident else {}
            both = dict.fromkeys((*sorted(acro), *worded), (100.0, 0, 0))
            yield self._tier(Rule.ACRONYM, both, 95.0, len(single) > 2)  # "CB": too few
        if not typed.unknown and (typed.ident or typed.common):
            found = self.vocab.clubs_with((*typed.ident, *typed.common), typed)
            if found and typed.ident:
                score = 95.0 if len(found) == 1 else 90.0
                yield self._tier(Rule.WORDS, found, score, typed.decides)
            elif found:  # common words alone ("United"): a question at most
                yield self._tier(Rule.GENERIC, found, 50.0, False)
        if typed.unknown:
            begun = self.vocab.expand(typed, typos=False)
            required = (*typed.ident, *typed.common)
            if begun is not None and (found := self.vocab.clubs_with(required, begun)):
                decisive = min(len(w) for w in typed.unknown) >= MIN_PREFIX and begun.decides
                yield self._tier(Rule.PREFIX, found, 80.0, decisive)
                return
            mended = self.vocab.expand(typed, typos=True)
            if mended is not None and (found := self.vocab.clubs_with(required, mended)):
                score = min(mended.scores.values(), default=100.0)
                decisive = typed.letters >= MIN_TYPED and mended.decides
                yield self._tier(Rule.FUZZY, found, score, decisive)
                return
        yield from self._whole_typo(q)

    def _whole_typo(self, q: str) -> Iterator[_Tier]:
        """Typos across the whole text ("kaizerchiefs"): bigram candidates, scored by ratio.
        It may name a club only when the text has no more words than the name, or the same
        letters split otherwise: a word left over ("Al Hilal B") is never dropped silently."""
        best: dict[int, float] = {}
        spelled: dict[int, str] = {}
        for sid, score in self.grams.best(q, 12, WHOLE_ACCEPT):
            ci = self.vocab.club_of[sid]
            if score > best.get(ci, 0.0):
                best[ci], spelled[ci] = score, self.vocab.folded[sid]
        if best:
            top = max(best, key=lambda c: best[c])
            name = spelled[top]
            kept = len(q.split()) <= len(name.split()) or q.replace(" ", "") == name.replace(
                " ", ""
            )
            decisive = len(q) >= MIN_TYPED and kept  # "sim ba" is Simba split, not a word more
            stand = {c: (score, 0, 0) for c, score in best.items()}
            yield self._tier(Rule.FUZZY, stand, best[top], decisive)

    def _tier(
        self,
        rule: Rule,
        standing: dict[int, tuple[float, int, int]],
        score: float,
        decisive: bool,
        words: tuple[str, ...] = (),
        others: tuple[int, ...] = (),
    ) -> _Tier:
        order = sorted(
            standing, key=lambda c: (-standing[c][0], -standing[c][1], standing[c][2], c)
        )
        return _Tier(rule, tuple(order), standing, score, decisive, words, others)

    # -- autocomplete ----------------------------------------------------------------

    def complete(self, text: str, limit: int = 25) -> list[Club]:
        """Clubs for an autocomplete list: exact, name beginning, initials, word beginnings,
        then what ``resolve`` reads, then typos."""
        limit = max(0, min(limit, len(self.clubs)))
        q = fold((text or "")[:MAX_QUERY])
        if limit == 0:
            return []
        if not q:
            return list(self.clubs[:limit])
        found: dict[int, None] = {}

        def add(ids: Iterable[int]) -> bool:
            for ci in ids:
                found.setdefault(ci)
                if len(found) >= limit:
                    return True
            return False

        steps: tuple[Iterable[int], ...] = (
            sorted(self.exact.get(name_key(q), ())),
            sorted(self.nicknames.get(name_key(q), ())),
            self.vocab.beginning_with(q),
            sorted(self.acronyms.get(q, ())) if " " not in q else (),
            self.vocab.with_word_beginnings(q.split()),
        )
        if any(add(ids) for ids in steps):
            return [self.clubs[i] for i in found]
        if not found:
            res = self.resolve(text)
            add(self.pos[c.key] for c in (*filter(None, [res.club]), *res.candidates))
        if not found and len(q) >= 3:
            add(self.vocab.club_of[i] for i, _ in self.grams.best(q, limit, SUGGEST))
        return [self.clubs[i] for i in found]

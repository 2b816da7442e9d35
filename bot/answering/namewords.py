"""The words of club names, and what each word a fan types can do.

A typed word identifies (a word of some name: "Kotoko"); is a label that any
club may carry or drop ("FC", "SC", "AS": it breaks ties, never decides); is a
common word of names ("United", "Stars", "Union": a name typed with it must have
it, but it never decides alone); is a place (a country narrows to that country,
a big city locates without deciding); or is unknown (a beginning or a slip,
read only when nothing else is).  Kept apart from the rules in ``clubnames``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import OSA

from bot.answering.grams import Grams
from bot.answering.placewords import CITY_WORDS, countries_of, join_countries
from bot.domain.names import GENERIC_WORDS, MINOR_WORDS

MAX_WORDS = 8  # words of a query looked at
MAX_PREFIX_WORDS = 64  # known words a beginning may stand for
MAX_SPELLINGS = 64  # spellings an autocomplete step looks at
WORD_ACCEPT = 80.0  # similarity (100 - slips per 100 letters) for a slip to read as a word
WORD_MARGIN = 3.0  # known words this close to a slip are all kept
SHORTEST_PREFIX = 3  # letters of a beginning worth expanding
SHORTEST_TYPO = 4  # letters of a word worth correcting
SHORTEST_NAME = 3  # letters of identifying words that may name a club

# Labels any club may carry or drop ("Simba FC" is Simba SC): the domain's generic words
# and the initials of kinds of club.
LABEL_WORDS = GENERIC_WORDS | frozenset(
    "us js cs es rc tp gd cd fc sc sa ca clube grupo football futebol association team".split()
)
# Common words of names: part of a name (Bendel United is not Bendel Insurance), yet
# shared by too many clubs to name one alone.
COMMON_WORDS = frozenset(
    """united city stars star sporting sportif sportive sportivo athletic athletico atletico
    olympic olympique real racing royal young academy union desportivo""".split()
)
KIND_WORDS = LABEL_WORDS | COMMON_WORDS
WEAK_WORDS = KIND_WORDS | MINOR_WORDS
ABBREVIATIONS = {"utd": "united", "intl": "international"}


def name_key(folded: str) -> str:
    """The key exact names are compared on: "El Ahly" and "Al Ahly" are one spelling."""
    return " ".join("al" if w == "el" else w for w in folded.split())


def similarity(a: str, b: str) -> float:
    """100 minus slips per 100 letters: a dropped, added, changed or swapped letter is one."""
    return 100.0 * OSA.normalized_similarity(a, b)


@dataclass(frozen=True, slots=True)
class Typed:
    """A query's words by role; ``options`` holds, per unknown word, the words it may stand
    for (beginnings, slips) with their similarity in ``scores``."""

    ident: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    common: tuple[str, ...] = ()
    countries: tuple[tuple[str, frozenset[str]], ...] = ()
    unknown: tuple[str, ...] = ()
    letters: int = 0  # letters of the words that may decide (not labels, not articles)
    single: str | None = None  # the one word typed, when it may be initials
    options: tuple[tuple[str, ...], ...] = ()
    scores: dict[str, float] = field(default_factory=dict)

    @property
    def decides(self) -> bool:
        """Some word names a club rather than a place or a kind, with letters enough ("Sp",
        "O" in aliases are not): an answer is allowed."""
        named = (*self.ident, *(w for opts in self.options for w in opts))
        naming = [w for w in named if w not in CITY_WORDS and w not in WEAK_WORDS]
        return bool(self.common) or sum(len(w) for w in naming) >= SHORTEST_NAME

    @staticmethod
    def plain() -> Typed:
        return _PLAIN


_PLAIN = Typed()


class Vocabulary:
    """Every spelling's words, indexed by word, for whole-word and beginning lookups."""

    def __init__(self, spellings: Sequence[tuple[int, str]], countries: Sequence[str | None]):
        ordered = sorted(spellings, key=lambda s: (len(self.ident_of(s[1])), s[1], s[0]))
        self.folded = [f for _, f in ordered]
        self.club_of = [c for c, _ in ordered]
        self.words = [frozenset(f.split()) for f in self.folded]
        self.countries = list(countries)
        self.word_ids: dict[str, set[int]] = {}
        for sid, words in enumerate(self.words):
            for word in words:
                self.word_ids.setdefault(word, set()).add(sid)
        self.sorted_words = sorted(self.word_ids)
        self.known = frozenset(self.sorted_words) - WEAK_WORDS
        known = [w for w in self.sorted_words if w in self.known]
        self.word_grams = Grams(known, OSA.normalized_similarity, 100.0)
        self.ident_count = [len(self.ident_of(f)) for f in self.folded]
        self.weak = sorted(KIND_WORDS & frozenset(self.sorted_words))
        self.weak_grams = Grams(self.weak, OSA.normalized_similarity, 100.0)
        by_folded = sorted(range(len(self.folded)), key=lambda i: self.folded[i])
        self.by_folded = [self.folded[i] for i in by_folded]
        self.by_folded_club = [self.club_of[i] for i in by_folded]

    @staticmethod
    def ident_of(folded: str) -> tuple[str, ...]:
        return tuple(w for w in folded.split() if w not in WEAK_WORDS)

    def naming_words(self, q: str) -> tuple[str, ...]:
        """The words of folded ``q`` other clubs' names must have to be "a similar name":
        identifying and common words ("Real Bamako" is not similar to Stade Malien)."""
        return tuple(w for w in q.split() if w in self.known or w in COMMON_WORDS)

    def typed(self, q: str) -> Typed:
        """Sort the words of folded ``q`` by role (see the module docstring)."""
        words = [ABBREVIATIONS.get(w, w) for w in join_countries(q).split()[:MAX_WORDS]]
        ident: list[str] = []
        labels: list[str] = []
        common: list[str] = []
        lands: list[tuple[str, frozenset[str]]] = []
        unknown: list[str] = []
        for word in words:
            if word in MINOR_WORDS:
                continue
            if word in LABEL_WORDS:
                labels.append(word)
            elif word in COMMON_WORDS:
                common.append(word)
            elif codes := countries_of(word):
                lands.append((word, codes))
            else:
                (ident if word in self.known else unknown).append(word)
        if lands and not ident and not unknown:  # "Congo" alone is a word of names, not a filter
            ident = [w for w, _ in lands if w in self.known]
            unknown = [w for w, _ in lands if w not in self.known]
            lands = []
        letters = sum(len(w) for w in (*ident, *unknown, *common))
        single = words[0] if len(words) == 1 and 2 <= len(words[0]) <= 10 else None
        if single in WEAK_WORDS:
            single = None
        return Typed(tuple(ident), tuple(labels), tuple(common), tuple(lands), tuple(unknown),
                     letters, single)  # fmt: skip

    def expand(self, typed: Typed, typos: bool) -> Typed | None:
        """``typed`` with each unknown word replaced by the words it may stand for: words it
        begins, and with ``typos`` words within a slip of it.  A word that only begins or
        slips a label is dropped ("Sportiv" is "Sportive"); None when a word stands for none.
        """
        options: list[tuple[str, ...]] = []
        scores: dict[str, float] = {}
        labels = list(typed.labels)
        for word in typed.unknown:
            found = list(self._beginning(word)) if len(word) >= SHORTEST_PREFIX else []
            if typos and len(word) >= SHORTEST_TYPO:
                found += self._slips(self.word_grams.best(word, 5, WORD_ACCEPT), scores)
            if not found:  # a kind word typed short or with a slip
                kinds = [
                    w for w in self.weak if len(word) >= SHORTEST_PREFIX and w.startswith(word)
                ]
                if typos and not kinds and len(word) >= SHORTEST_TYPO:
                    hits = self.weak_grams.best(word, 3, WORD_ACCEPT)
                    kinds = [self.weak[i] for i, _ in hits]
                if kinds and all(w in LABEL_WORDS for w in kinds):
                    labels += kinds[:1]  # still a label typed: it breaks ties ("Coton Sprot")
                    continue
                found = [w for w in kinds if w in COMMON_WORDS]
            if not found:
                return None
            options.append(tuple(dict.fromkeys(found)))
        return Typed(typed.ident, tuple(labels), typed.common, typed.countries, (), typed.letters,
                     None, tuple(options), scores)  # fmt: skip

    def _slips(self, hits: list[tuple[int, float]], scores: dict[str, float]) -> list[str]:
        best = hits[0][1] if hits else 0.0
        found = []
        for i, score in hits:
            if score >= best - WORD_MARGIN:
                known = self.word_grams.strings[i]
                found.append(known)
                scores[known] = max(scores.get(known, 0.0), score)
        return found

    def _beginning(self, word: str) -> Iterable[str]:
        start = bisect_left(self.sorted_words, word)
        for known in self.sorted_words[start : start + MAX_PREFIX_WORDS]:
            if not known.startswith(word):
                break
            weak = known in LABEL_WORDS or known in MINOR_WORDS
            if known != word and not weak and 2 * len(word) >= len(known):
                yield known  # at least half the word; "Roya" begins "royal" and "royales"

    def clubs_with(
        self, required: Sequence[str], typed: Typed
    ) -> dict[int, tuple[float, int, int]]:
        """Clubs with a spelling having every ``required`` word and one word of each of
        ``typed.options``, in the countries typed.  Each comes with its standing: its worst
        slip (100 without one), how many labels typed it also has (they break ties), and how
        many identifying words its closest spelling has beyond those typed."""
        sets = [self.word_ids.get(w, set()) for w in required]
        sets += [set().union(*(self.word_ids[w] for w in opts)) for opts in typed.options]
        if not sets:
            return {}
        sets.sort(key=len)
        ids = set(sets[0])
        for other in sets[1:]:
            ids &= other
            if not ids:
                return {}
        typed_count = len(required) + len(typed.options)
        found: dict[int, tuple[float, int, int]] = {}
        for sid in sorted(ids):
            words, ci = self.words[sid], self.club_of[sid]
            country = self.countries[ci]
            if any(country not in codes and w not in words for w, codes in typed.countries):
                continue
            slips = [max(typed.scores.get(w, 100.0) for w in o if w in words)
                     for o in typed.options]  # fmt: skip
            labels = sum(1 for k in typed.labels if k in words)
            said = typed_count + sum(1 for w, _ in typed.countries if w in words)
            extra = max(0, self.ident_count[sid] - said)
            stand = (min(slips, default=100.0), labels, -extra)
            old = found.get(ci)
            if old is None or stand > (old[0], old[1], -old[2]):
                found[ci] = (stand[0], labels, extra)
        return found

    # -- autocomplete ----------------------------------------------------------------

    def beginning_with(self, q: str) -> list[int]:
        """Clubs with a spelling beginning with ``q``, in spelling order."""
        out = []
        start = bisect_left(self.by_folded, q)
        for i in range(start, min(len(self.by_folded), start + MAX_SPELLINGS)):
            if not self.by_folded[i].startswith(q):
                break
            out.append(self.by_folded_club[i])
        return out

    def with_word_beginnings(self, words: Sequence[str]) -> list[int]:
        """Clubs whose spellings have a word beginning with each typed word (fewest words
        first): "al h" lists the Al-Hilals."""
        ids: set[int] | None = None
        for word in sorted(words[:MAX_WORDS], key=len, reverse=True):
            start = bisect_left(self.sorted_words, word)
            found: set[int] = set()
            for known in self.sorted_words[start : start + MAX_PREFIX_WORDS]:
                if not known.startswith(word):
                    break
                found |= self.word_ids[known]
            ids = found if ids is None else ids & found
            if not ids:
                return []
        return [self.club_of[i] for i in sorted(ids or ())[:MAX_SPELLINGS]]

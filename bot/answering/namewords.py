"""The words of club names, and what each word a fan types can do.

A typed word identifies (a word of some name: "Kotoko"), only says what kind
of club it is ("FC", "United", "Stars": it may break a tie, never decide), is
a country ("Niger": it narrows to that country), or is unknown (a beginning or
a typo, read only when nothing else is).  Kept apart from the rules in
``clubnames`` so each stays short and testable.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bot.answering.countrywords import countries_of, join_countries
from bot.answering.grams import Grams
from bot.domain.names import GENERIC_WORDS, MINOR_WORDS

MAX_WORDS = 8  # words of a query looked at
MAX_PREFIX_WORDS = 64  # known words a beginning may stand for
MAX_SPELLINGS = 64  # spellings an autocomplete step looks at
WORD_ACCEPT = 80.0  # ratio for a mistyped word to be read as a known word
WORD_MARGIN = 3.0  # known words this close to a typo are all kept
SHORTEST_PREFIX = 3  # letters of a beginning worth expanding
SHORTEST_TYPO = 4  # letters of a word worth correcting

# Words saying what kind of club it is, not which: with the domain's generic words
# ("FC", "AS", "Club"), those the issue of five hundred clubs showed to be as common.
KIND_WORDS = GENERIC_WORDS | frozenset(
    {
        "united", "city", "stars", "star", "sporting", "sportif", "sportive", "sportivo",
        "clube", "athletic", "athletico", "atletico", "olympic", "olympique", "real",
        "racing", "royal", "young", "academy", "association", "football", "futebol",
        "union", "desportivo", "grupo", "gd", "cd", "us", "js", "cs", "es", "ca", "rc",
        "fc", "sc", "sa", "team", "tp",
    }
)  # fmt: skip
WEAK_WORDS = KIND_WORDS | MINOR_WORDS


def name_key(folded: str) -> str:
    """The key exact names are compared on: "El Ahly" and "Al Ahly" are one spelling."""
    return " ".join("al" if w == "el" else w for w in folded.split())


@dataclass(frozen=True, slots=True)
class Typed:
    """A query's words by role; ``options`` holds, per unknown word, the known words it may
    stand for (beginnings, typos) with their ratio in ``scores``."""

    ident: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    countries: tuple[tuple[str, frozenset[str]], ...] = ()
    unknown: tuple[str, ...] = ()
    letters: int = 0
    single: str | None = None
    options: tuple[tuple[str, ...], ...] = ()
    scores: dict[str, float] = field(default_factory=dict)

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
        self.word_grams = Grams([w for w in self.sorted_words if w in self.known])
        by_folded = sorted(range(len(self.folded)), key=lambda i: self.folded[i])
        self.by_folded = [self.folded[i] for i in by_folded]
        self.by_folded_club = [self.club_of[i] for i in by_folded]

    @staticmethod
    def ident_of(folded: str) -> tuple[str, ...]:
        return tuple(w for w in folded.split() if w not in WEAK_WORDS)

    def typed(self, q: str) -> Typed:
        """Sort the words of folded ``q`` by role (see the module docstring)."""
        words = join_countries(q).split()[:MAX_WORDS]
        ident: list[str] = []
        kinds: list[str] = []
        lands: list[tuple[str, frozenset[str]]] = []
        unknown: list[str] = []
        for word in words:
            if word in MINOR_WORDS:
                continue
            if word in KIND_WORDS:
                kinds.append(word)
            elif codes := countries_of(word):
                lands.append((word, codes))
            else:
                (ident if word in self.known else unknown).append(word)
        if lands and not ident and not unknown:  # "Congo" alone is a word of names, not a filter
            ident = [w for w, _ in lands if w in self.known]
            unknown = [w for w, _ in lands if w not in self.known]
            lands = []
        letters = sum(len(w) for w in (*ident, *unknown))
        single = words[0] if len(words) == 1 and 2 <= len(words[0]) <= 10 else None
        if single in WEAK_WORDS:
            single = None
        return Typed(tuple(ident), tuple(kinds), tuple(lands), tuple(unknown), letters, single)

    def expand(self, typed: Typed, typos: bool) -> Typed | None:
        """``typed`` with each unknown word replaced by the known words it may stand for:
        words it begins, and with ``typos`` words within a slip of it; None when a word
        stands for none."""
        options: list[tuple[str, ...]] = []
        scores: dict[str, float] = {}
        for word in typed.unknown:
            found = list(self._beginning(word)) if len(word) >= SHORTEST_PREFIX else []
            if typos and len(word) >= SHORTEST_TYPO:
                hits = self.word_grams.best(word, 5, WORD_ACCEPT)
                best = hits[0][1] if hits else 0.0
                for i, score in hits:
                    if score >= best - WORD_MARGIN:
                        known = self.word_grams.strings[i]
                        found.append(known)
                        scores[known] = max(scores.get(known, 0.0), score)
            if not found:
                return None
            options.append(tuple(dict.fromkeys(found)))
        return Typed(typed.ident, typed.kinds, typed.countries, (), typed.letters, None,
                     tuple(options), scores)  # fmt: skip

    def _beginning(self, word: str) -> Iterable[str]:
        start = bisect_left(self.sorted_words, word)
        for known in self.sorted_words[start : start + MAX_PREFIX_WORDS]:
            if not known.startswith(word):
                break
            if known != word and known in self.known:
                yield known

    def clubs_with(self, required: Sequence[str], typed: Typed) -> dict[int, tuple[float, int]]:
        """Clubs with a spelling having every ``required`` word and one word of each of
        ``typed.options``, in the countries typed.  Each comes with its standing (how many
        kind words typed it also has, which break ties; for typos its worst ratio) and how
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
        found: dict[int, tuple[float, int]] = {}
        for sid in sorted(ids):
            words, ci = self.words[sid], self.club_of[sid]
            country = self.countries[ci]
            if any(country not in codes and w not in words for w, codes in typed.countries):
                continue
            if typed.scores:
                present = [max(typed.scores.get(w, 100.0) for w in o if w in words)
                           for o in typed.options]  # fmt: skip
                stand = min(present, default=100.0)
            else:
                stand = float(sum(1 for k in typed.kinds if k in words))
            said = typed_count + sum(1 for w, _ in typed.countries if w in words)
            extra = max(0, len(self.ident_of(self.folded[sid])) - said)
            old = found.get(ci)
            if old is None or (stand, -extra) > (old[0], -old[1]):
                found[ci] = (stand, extra)
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

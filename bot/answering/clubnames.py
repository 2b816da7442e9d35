"""Free text -> club, season label or round name, the way fans type them.

Club rules, in order: exact name/alias/nickname after folding; acronym
("JSK"); whole words and prefixes ("Mazembe", "Wydad Casablanca"); fuzzy
typos ("Zamalk").  Every index is built once in ``NameIndex.__init__`` so a
lookup (and each autocomplete keystroke) stays well under a millisecond.
When several clubs fit about equally we say so instead of guessing.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.answering.grams import Grams
from bot.domain.models import Club
from bot.domain.names import GENERIC_WORDS, MINOR_WORDS, acronyms, fold, significant_words

__all__ = ["NameIndex", "Resolution", "Rule"]

MAX_QUERY = 100  # characters of user input looked at; caps the work per lookup
FUZZY_ACCEPT = 85.0  # ratio for a typo to count as that club
FUZZY_SUGGEST = 60.0  # ratio for a club to be offered as "did you mean"
WORD_ACCEPT = 80.0  # ratio for a mistyped word to be read as a known word
TIE_MARGIN = 2.0  # fuzzy scores this close are "about equal"
MAX_WORDS = 8  # query words looked at
MAX_PREFIX_WORDS = 64  # known words a prefix may stand for
FILTER_BELOW = 256  # spellings few enough to check word by word instead of set algebra
MAX_CANDIDATES = 10  # clubs offered when a name is ambiguous
CANDIDATES = 64  # spellings scored per lookup (by words, or by shared bigrams for fuzz)


class Rule(StrEnum):
    """Which rule read the text as a club (in the order they are tried)."""

    EXACT = "exact"
    NICKNAME = "nickname"
    ACRONYM = "acronym"
    WORDS = "words"
    FUZZY = "fuzzy"
    NONE = "none"
    EMPTY = "empty"


@dataclass(frozen=True, slots=True)
class Resolution:
    """How a text was read: one ``club``, or ``candidates`` to choose from, or neither.

    ``suggestions`` are near misses for a polite "did you mean" (also given
    with a found club when longer names contain it: "Al-Ahly" -> Al-Ahly Shendi).
    """

    query: str
    club: Club | None = None
    candidates: tuple[Club, ...] = ()
    suggestions: tuple[Club, ...] = ()
    rule: Rule = Rule.NONE
    score: float = 0.0

    @property
    def ambiguous(self) -> bool:
        return self.club is None and len(self.candidates) > 1


class _Spelling:
    """One folded name of a club, with its words and identifying words."""

    __slots__ = ("club", "folded", "sig", "words")

    def __init__(self, club: int, folded: str, sig: Sequence[str]) -> None:
        self.club = club
        self.folded = folded
        self.words = frozenset(folded.split())
        self.sig = frozenset(sig)


class NameIndex:
    """Clubs indexed by folded spelling, words, word prefixes, acronyms and bigrams."""

    def __init__(self, clubs: Iterable[Club]) -> None:
        self.clubs: tuple[Club, ...] = tuple(sorted(clubs, key=lambda c: (fold(c.name), c.key)))
        self._pos = {club.key: i for i, club in enumerate(self.clubs)}
        self._exact: dict[str, set[int]] = {}
        self._nick_only: set[tuple[str, int]] = set()
        self._acronyms: dict[str, set[int]] = {}
        pairs: dict[tuple[int, str], None] = {}
        for ci, club in enumerate(self.clubs):
            names = {fold(s): s for s in (club.name, *club.aliases) if fold(s)}
            for folded in (*names, *(fold(n) for n in club.nicknames)):
                if folded:
                    pairs.setdefault((ci, folded))
                    self._exact.setdefault(folded, set()).add(ci)
                    if folded not in names:
                        self._nick_only.add((folded, ci))
            for text in names.values():
                for acronym in acronyms(text):
                    self._acronyms.setdefault(acronym, set()).add(ci)
        spellings = [_Spelling(ci, f, significant_words(f)) for ci, f in pairs]
        # Ids in order of fewer identifying words: the smallest ids are the closest fits.
        spellings.sort(key=lambda s: (len(s.sig), s.folded, s.club))
        self._spellings = spellings
        self._sigkey: dict[frozenset[str], set[int]] = {}
        self._word_ids: dict[str, set[int]] = {}
        for sid, sp in enumerate(spellings):
            self._sigkey.setdefault(sp.sig, set()).add(sp.club)
            for word in sp.words:
                self._word_ids.setdefault(word, set()).add(sid)
        self._vocab = sorted(self._word_ids)
        self._known = frozenset(self._vocab) - GENERIC_WORDS - MINOR_WORDS
        by_folded = sorted(spellings, key=lambda s: s.folded)
        self._by_folded = [s.folded for s in by_folded]
        self._by_folded_club = [s.club for s in by_folded]
        self._grams = Grams([s.folded for s in spellings])
        self._word_grams = Grams(self._vocab)

    # -- resolve ---------------------------------------------------------------------

    def resolve(self, text: str) -> Resolution:
        """Read ``text`` as a club by the rules in the module docstring; never raises."""
        query = (text or "")[:MAX_QUERY]
        q = fold(query)
        if not q:
            return Resolution(query, rule=Rule.EMPTY)
        exact = self._exact.get(q)
        if exact:
            rule = Rule.NICKNAME if all((q, ci) in self._nick_only for ci in exact) else Rule.EXACT
            return self._decide(query, exact, rule, 100.0, self._containing(q, exact))
        if " " not in q and 2 <= len(q) <= 10 and q not in GENERIC_WORDS | MINOR_WORDS:
            hits = self._acronyms.get(q)
            if hits:
                return self._decide(query, sorted(hits), Rule.ACRONYM, 100.0, ())
        words = self._by_words(q, query)
        if words is not None:
            return words
        return self._fuzzy(query, q)

    def _decide(
        self, query: str, hits: Iterable[int], rule: Rule, score: float, others: Iterable[int]
    ) -> Resolution:
        ranked = list(dict.fromkeys(hits))
        rest = tuple(self.clubs[i] for i in dict.fromkeys(others) if i not in ranked)
        if len(ranked) == 1:
            return Resolution(query, self.clubs[ranked[0]], (), rest[:3], rule, score)
        clubs = tuple(self.clubs[i] for i in ranked) + rest
        return Resolution(query, None, clubs[:MAX_CANDIDATES], (), rule, score)

    def _containing(self, q: str, exclude: set[int]) -> list[int]:
        """Clubs with longer names containing every identifying word of ``q``."""
        ids = self._ids_with_all(significant_words(q), prefix=False)
        clubs = dict.fromkeys(self._spellings[i].club for i in _first(ids))
        return [ci for ci in clubs if ci not in exclude]

    def _ids_with_all(self, words: Sequence[str], prefix: bool, shortest: int = 3) -> set[int]:
        """Spellings having all ``words`` (or words they begin, if ``shortest`` letters long)."""
        result: set[int] | None = None
        for word in sorted(words[:MAX_WORDS], key=len, reverse=True):  # rarest first
            starts = prefix and len(word) >= shortest
            if result is not None and len(result) <= FILTER_BELOW:
                result = {i for i in result if self._has(i, word, starts)}
            else:
                ids = set(self._word_ids.get(word, ()))
                if starts:
                    start = bisect_left(self._vocab, word)
                    for vocab_word in self._vocab[start : start + MAX_PREFIX_WORDS]:
                        if not vocab_word.startswith(word):
                            break
                        ids |= self._word_ids[vocab_word]
                result = ids if result is None else result & ids
            if not result:
                return set()
        return result or set()

    def _has(self, sid: int, word: str, starts: bool) -> bool:
        words = self._spellings[sid].words
        return word in words or (starts and any(w.startswith(word) for w in words))

    def _by_words(self, q: str, query: str) -> Resolution | None:
        """Rule 3: the query's words name the club, or the club's words are all in the query."""
        sig = significant_words(q)[:MAX_WORDS]
        qset = frozenset(sig)
        scores: dict[int, float] = {}
        for sid in _first(self._ids_with_all(sig, prefix=True)):  # query words within the name
            sp = self._spellings[sid]
            covered = sum(1 for w in sp.sig if any(w.startswith(x) for x in qset))
            scores[sp.club] = max(scores.get(sp.club, 0.0), covered / len(sp.sig))
        full = self._sigkey.get(qset, set())
        known = qset & self._known  # the whole name within the query, plus unknown words
        if not full and known and known != qset:
            for ci in self._sigkey.get(known, ()):
                scores[ci] = max(scores.get(ci, 0.0), len(known) / len(qset))
        if full:
            others = sorted((c for c in scores if c not in full), key=lambda c: -scores[c])
            return self._decide(query, sorted(full), Rule.WORDS, 100.0, others)
        if not scores:
            return None
        ranked = sorted(scores, key=lambda c: (-scores[c], c))
        return self._decide(query, ranked, Rule.WORDS, 100.0 * scores[ranked[0]], ())

    def _fuzzy(self, query: str, q: str) -> Resolution:
        """Rule 4: typos, first of the whole name, then word by word."""
        best: dict[int, float] = {}
        for i, score in self._grams.best(q, 12, FUZZY_SUGGEST):
            ci = self._spellings[i].club
            best[ci] = max(best.get(ci, 0.0), score)
        ranked = sorted(best, key=lambda c: (-best[c], c))
        if ranked and best[ranked[0]] >= FUZZY_ACCEPT:
            top = best[ranked[0]]
            close = [c for c in ranked if best[c] >= top - TIE_MARGIN]
            return self._decide(query, close, Rule.FUZZY, top, ranked)
        corrected = self._correct_words(q)
        if corrected is not None:
            found = self._by_words(corrected[0], query)
            if found is not None:
                return Resolution(
                    query, found.club, found.candidates, found.suggestions, Rule.FUZZY, corrected[1]
                )
        return Resolution(query, suggestions=tuple(self.clubs[c] for c in ranked[:3]))

    def _correct_words(self, q: str) -> tuple[str, float] | None:
        """Replace unknown words by the closest known word; None when nothing changes."""
        out, worst, changed = [], 100.0, False
        for word in q.split()[:MAX_WORDS]:
            hits = (
                []
                if word in self._word_ids or len(word) < 4
                else self._word_grams.best(word, 1, WORD_ACCEPT)
            )
            if hits:
                word, worst, changed = self._vocab[hits[0][0]], min(worst, hits[0][1]), True
            out.append(word)
        return (" ".join(out), worst) if changed else None

    # -- autocomplete ----------------------------------------------------------------

    def complete(self, text: str, limit: int = 25) -> list[Club]:
        """Clubs for an autocomplete list: exact, acronym, name prefix, word prefix, fuzzy."""
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

        if add(sorted(self._exact.get(q, ()))):
            return self._pick(found)
        start = bisect_left(self._by_folded, q)
        for i in range(start, len(self._by_folded)):
            if not self._by_folded[i].startswith(q) or add((self._by_folded_club[i],)):
                break
        if len(found) < limit and " " not in q and add(sorted(self._acronyms.get(q, ()))):
            return self._pick(found)
        words_ids = self._ids_with_all(q.split(), prefix=True, shortest=1)
        if len(found) < limit and add(self._spellings[i].club for i in _first(words_ids)):
            return self._pick(found)
        if not found:  # nothing begins like the text: whole-name words, then typos
            words = self._by_words(q, q)
            if words is not None:
                add(self._pos[c.key] for c in (*filter(None, [words.club]), *words.candidates))
        if not found and len(q) >= 3:
            add(self._spellings[i].club for i, _ in self._grams.best(q, limit, FUZZY_SUGGEST))
        return self._pick(found)

    def _pick(self, found: dict[int, None]) -> list[Club]:
        return [self.clubs[i] for i in found]


def _first(ids: set[int]) -> list[int]:
    """The ``CANDIDATES`` smallest ids: spellings with the fewest identifying words."""
    return sorted(ids)[:CANDIDATES]

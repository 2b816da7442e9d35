"""A bigram index in front of rapidfuzz: fuzzy matching scored only on likely candidates.

Scoring every known spelling with ``fuzz.ratio`` per keystroke would not stay
under a millisecond at 100x the data; the bigrams a query shares with a
spelling pick the few worth scoring.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import chain

from rapidfuzz import fuzz, process

CANDIDATES = 64  # strings scored per lookup


class Grams:
    """Bigram index: which strings share letters with a query, before paying for fuzz."""

    def __init__(self, strings: Sequence[str]) -> None:
        self.strings = list(strings)
        self.postings: dict[str, list[int]] = {}
        for i, text in enumerate(self.strings):
            for gram in _bigrams(text):
                self.postings.setdefault(gram, []).append(i)
        self.common = max(100, len(self.strings) // 40)

    def best(self, q: str, limit: int, cutoff: float) -> list[tuple[int, float]]:
        """Up to ``limit`` (index, ratio) pairs with ratio >= ``cutoff``, best first."""
        lists = [self.postings[g] for g in _bigrams(q) if g in self.postings]
        rare = [p for p in lists if len(p) <= self.common]
        counts = Counter(chain.from_iterable(rare if len(rare) >= 2 else lists))
        pool = [i for i, _ in counts.most_common(CANDIDATES)]
        hits = process.extract(
            q, [self.strings[i] for i in pool], scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff
        )
        return [(pool[j], float(score)) for _, score, j in hits]


def _bigrams(text: str) -> set[str]:
    padded = f" {text} "
    return {padded[i : i + 2] for i in range(len(padded) - 1)}

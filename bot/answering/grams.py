"""A bigram index in front of rapidfuzz: fuzzy matching scored only on likely candidates.

Scoring every known spelling with ``fuzz.ratio`` per keystroke would not stay
under a millisecond at 100x the data; the bigrams a query shares with a
spelling pick the few worth scoring.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from itertools import chain
from typing import Any

from rapidfuzz import fuzz, process

CANDIDATES = 64  # strings scored per lookup


class Grams:
    """Bigram index: which strings share letters with a query, before paying for fuzz."""

    def __init__(
        self, strings: Sequence[str], scorer: Callable[..., float] = fuzz.ratio, scale: float = 1
    ) -> None:
        """``scorer`` rates a query against a string from 0 to 100 / ``scale`` (``fuzz.ratio``
        by default; word slips use a measure counting a swapped letter as one slip).  A
        rapidfuzz scorer itself, not a wrapper, keeps the scoring in compiled code."""
        self.strings = list(strings)
        self.scorer: Any = scorer
        self.scale = scale
        self.postings: dict[str, list[int]] = {}
        for i, text in enumerate(self.strings):
            for gram in _bigrams(text):
                self.postings.setdefault(gram, []).append(i)
        self.common = max(100, len(self.strings) // 40)

    def best(self, q: str, limit: int, cutoff: float) -> list[tuple[int, float]]:
        """Up to ``limit`` (index, score) pairs with score >= ``cutoff``, best first."""
        lists = [self.postings[g] for g in _bigrams(q) if g in self.postings]
        rare = [p for p in lists if len(p) <= self.common]
        counts = Counter(chain.from_iterable(rare if len(rare) >= 2 else lists))
        pool = [i for i, _ in counts.most_common(CANDIDATES)]
        strings = [self.strings[i] for i in pool]
        # rapidfuzz rounds a normalized cutoff into a distance: ask a little lower, then keep
        # exactly the scores at or above the cutoff
        cut = max(0.0, cutoff / self.scale - 0.01)
        hits = process.extract(q, strings, scorer=self.scorer, limit=limit, score_cutoff=cut)
        found = [(pool[j], float(score) * self.scale) for _, score, j in hits]
        return [(i, score) for i, score in found if score >= cutoff - 1e-6]


def _bigrams(text: str) -> set[str]:
    padded = f" {text} "
    return {padded[i : i + 2] for i in range(len(padded) - 1)}

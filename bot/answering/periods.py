"""Season and round names as fans type them ("23-24", "R1", "play off").

Kept apart from club matching: these are small closed vocabularies where a
rule table beats fuzzy matching, and a wrong guess is worse than "not found".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from bot.domain.names import fold

# Reads as a season even when none such is loaded ("2099"), so an answer can say so.
_SEASONISH = re.compile(r"^(?:\d{4}(?:[-–/](?:\d{2}|\d{4}))?|\d{2}[-–/]\d{2})$")
_RANGE = re.compile(r"(?<!\d)(\d{4}|\d{2})\s*(?:[-–—/]|to)\s*(\d{4}|\d{2})(?!\d)")
_YEAR = re.compile(r"(?<!\d)(\d{4}|\d{2})(?!\d)")
_ORDINALS = {
    "first": 1, "1st": 1, "one": 1, "second": 2, "2nd": 2, "two": 2,
    "third": 3, "3rd": 3, "three": 3, "fourth": 4, "4th": 4, "four": 4,
}  # fmt: skip
_NUMBERED = re.compile(r"(?:r|rd|round)?(\d)")
_KINDS = {
    "prelim": "preliminary", "preliminary": "preliminary", "pr": "preliminary",
    "playoff": "playoff", "playoffs": "playoff", "po": "playoff",
    "group": "group", "groups": "group", "final": "final", "finals": "final",
}  # fmt: skip


def looks_like_season(word: str) -> bool:
    """Whether one typed word has the shape of a season: "2012", "2023-24", "23/24"."""
    return bool(_SEASONISH.match(word.strip()[:20]))


def _year(digits: str, base: int | None = None) -> int:
    value = int(digits)
    if len(digits) == 4:
        return value
    if base is None:
        return 2000 + value if value < 70 else 1900 + value
    year = base // 100 * 100 + value
    return year if year >= base else year + 100


def season_span(text: str) -> tuple[int, int] | None:
    """(start, end) years of "2012", "2023-24", "23/24", "2023/2024"; None without a year."""
    text = text[:100]
    found = _RANGE.search(text)
    if found:
        start = _year(found.group(1))
        return start, _year(found.group(2), start)
    single = _YEAR.search(text)
    if single:
        year = _year(single.group(1))
        return year, year
    return None


def resolve_season(text: str, labels: Sequence[str]) -> str | None:
    """The label in ``labels`` that ``text`` names; a lone year finds a split season."""
    q = fold(text[:100])
    if not q:
        return None
    for label in labels:
        if fold(label) == q:
            return label
    span = season_span(text)
    if span is None:
        return None
    spans = [(label, season_span(label)) for label in labels]
    for label, other in spans:
        if other == span:
            return label
    if span[0] != span[1]:
        return None
    year = span[0]
    starting = [label for label, other in spans if other and other[0] == year]
    ending = [label for label, other in spans if other and other[1] == year]
    for group in (starting, ending):
        if len(group) == 1:
            return group[0]
    return None


_LONE_YEAR = re.compile(r"^\s*(\d{4})\s*$")


def year_labels(text: str, labels: Sequence[str]) -> list[str]:
    """Every label a lone year belongs to ("2024": "2023–24" and "2024–25"); [] otherwise.

    A fan who types the year of a final may mean the season that ended then or the
    one that started then: an answer can cover both rather than guess.
    """
    found = _LONE_YEAR.match(text[:100])
    if found is None:
        return []
    year = int(found.group(1))
    if any(fold(label) == fold(text) for label in labels):
        return []
    spans = [(label, season_span(label)) for label in labels]
    return [label for label, span in spans if span and span[0] <= year <= span[1]]


def round_concept(text: str) -> tuple[int | None, str | None]:
    """(ordinal, kind) of a round name or query: "R1" -> (1, "round"), "po" -> (None, "playoff")."""
    words = fold(text[:100]).split()
    ordinal: int | None = None
    kind: str | None = None
    for i, word in enumerate(words[:20]):
        numbered = _NUMBERED.fullmatch(word)
        if word in _ORDINALS:
            ordinal = _ORDINALS[word]
        elif numbered:
            ordinal = int(numbered.group(1))
        elif word in _KINDS:
            kind = _KINDS[word]
        elif word == "play" and words[i + 1 : i + 2] in (["off"], ["offs"]):
            kind = "playoff"
    if kind is None and ordinal is not None:
        kind = "round"
    return ordinal, kind


def resolve_round(text: str, names: Sequence[str]) -> str | None:
    """The round in ``names`` that ``text`` means ("prelim", "R2", "play-off"), or None."""
    q = fold(text[:100])
    if not q:
        return None
    for name in names:
        if fold(name) == q:
            return name
    ordinal, kind = round_concept(text)
    concepts = {name: round_concept(name) for name in names}
    if kind is not None:
        exact = [n for n, c in concepts.items() if c == (ordinal, kind)]
        same_ordinal = [n for n, c in concepts.items() if kind == "round" and c[0] == ordinal]
        same_kind = [n for n, c in concepts.items() if ordinal is None and c[1] == kind]
        for hits in (exact, same_ordinal, same_kind):
            if len(hits) == 1:
                return hits[0]
    prefixed = [name for name in names if len(q) >= 2 and fold(name).startswith(q)]
    if len(prefixed) == 1:
        return prefixed[0]
    folded = [fold(name) for name in names]
    hit = process.extractOne(q, folded, scorer=fuzz.ratio, score_cutoff=80)
    return names[hit[2]] if hit else None

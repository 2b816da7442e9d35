"""Pronounceable synthetic club and player names for the 100x data set.

Real CAF documents mix plain names ("Simba"), suffixed names ("Warri Wolves",
"Azam FC"), prefixed names ("AS Kigali", "Club Africain", "Al-Ahly") and
accents ("Étoile", "Séwé"); the pool copies those shapes so name resolution
is benchmarked on realistic spellings.  Names never contain digits, dashes
between digits or all-capital three-letter words, so they cannot be
mistaken for a score or a FIFA code by the parser.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from bot.domain.names import fold

# FIFA codes of CAF members (with the older SWZ and the CAF-only ZAN the
# real documents use).
FIFA_CODES: tuple[str, ...] = (
    "ALG", "ANG", "BEN", "BOT", "BFA", "BDI", "CMR", "CPV", "CTA", "CHA",
    "COM", "CGO", "COD", "DJI", "EGY", "EQG", "ERI", "SWZ", "ETH", "GAB",
    "GAM", "GHA", "GUI", "GNB", "CIV", "KEN", "LES", "LBR", "LBY", "MAD",
    "MWI", "MLI", "MTN", "MRI", "MAR", "MOZ", "NAM", "NIG", "NGA", "RWA",
    "STP", "SEN", "SEY", "SLE", "SOM", "RSA", "SSD", "SDN", "TAN", "TOG",
    "TUN", "UGA", "ZAM", "ZIM", "ZAN",
)  # fmt: skip

_SYLLABLES: tuple[str, ...] = (
    "ka", "ma", "to", "ba", "ndi", "lu", "se", "wa", "ko", "ra", "mi", "zi",
    "bo", "ne", "ga", "ya", "fa", "di", "mu", "sa", "tu", "le", "no", "ri",
    "go", "ki", "ha", "jo", "pe", "mbo", "nga", "kwa", "ta", "vi", "ou", "am",
    "el", "ze", "sha", "dou", "bé", "sé", "lé", "ké", "na", "chi", "mba", "ru",
)  # fmt: skip

_SUFFIXES: tuple[str, ...] = (
    "United", "FC", "City", "Stars", "Rangers", "Sport", "Athletic", "Wanderers",
    "Academy", "Warriors", "Eleven", "Sporting", "Dynamos", "Leopards", "Lions",
    "Eagles", "Tigers", "Rovers", "Olympic", "Juniors",
)  # fmt: skip

_PREFIXES: tuple[str, ...] = (
    "AS", "FC", "CS", "Club", "Union", "Real", "Olympique", "Racing", "Stade",
    "Sporting", "Royal", "Young", "Étoile de", "Jeunesse", "Espérance de", "Renaissance",
)  # fmt: skip

_ALIAS_SUFFIXES: tuple[str, ...] = ("Fountain Gate", "Big Bullets", "Power Dynamos", "Sharks")

# Words that would read as sentence structure in a summary line.
_RESERVED = frozenset({"won", "on", "after", "the", "and", "note", "cancelled", "withdrew"})


@dataclass(frozen=True, slots=True)
class SynthClub:
    """A generated club: its spelling in leg lines, FIFA code and an optional
    other spelling used in some summary lines (an alias, as "Singida United")."""

    name: str
    code: str
    alias: str | None = None

    @property
    def initials(self) -> str:
        """The acronym a fan might type ("AS Kotamba Stars" -> "AKS")."""
        return "".join(w[0] for w in self.name.replace("-", " ").split()).upper()


def _word(rng: random.Random, low: int = 2, high: int = 3) -> str:
    while True:
        text = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(low, high)))
        if text not in _RESERVED and len(text) >= 4:
            return text.capitalize()


def _club_name(rng: random.Random) -> tuple[str, str]:
    """A name and its distinctive word (the stem an alias keeps, as "Singida")."""
    shape = rng.random()
    base = _word(rng)
    if shape < 0.12:
        return base, base
    if shape < 0.50:
        return f"{base} {rng.choice(_SUFFIXES)}", base
    if shape < 0.62:
        return f"Al-{base}", f"Al-{base}"
    if shape < 0.88:
        return f"{rng.choice(_PREFIXES)} {base}", base
    return f"{base} {_word(rng)}", base


def make_pool(size: int, rng: random.Random, alias_share: float = 0.04) -> list[SynthClub]:
    """``size`` clubs with distinct folded names (and aliases), in generation order."""
    used: set[str] = set()
    pool: list[SynthClub] = []
    guard = size * 50
    while len(pool) < size and guard > 0:
        guard -= 1
        name, stem = _club_name(rng)
        if fold(name) in used:
            continue
        alias = None
        if rng.random() < alias_share:
            candidate = f"{stem} {rng.choice(_ALIAS_SUFFIXES)}"
            if fold(candidate) not in used and fold(candidate) != fold(name):
                alias = candidate
        used.add(fold(name))
        if alias:
            used.add(fold(alias))
        pool.append(SynthClub(name, rng.choice(FIFA_CODES), alias))
    if len(pool) < size:
        raise ValueError(f"could only make {len(pool)} distinct club names")
    return pool


def player_name(rng: random.Random) -> str:
    """A scorer's name as Wikipedia prints it: surname, sometimes an initial."""
    surname = _word(rng, 2, 4)
    if rng.random() < 0.08:
        return f"{rng.choice('ABDEIKMNOST')}. {surname}"
    return surname

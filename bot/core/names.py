"""Name folding shared by club identity and matching.

Fans and documents spell the same club with different case, accents,
punctuation and hyphens ("Al-Ahly", "Al Ahly", "AL AHLY"); folding makes
those one key without ever merging names that differ in words.
"""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Case-, accent-, punctuation- and hyphen-insensitive form of ``text``.

    >>> fold("Étoile du Sahel") == fold("etoile-du  sahel")
    True
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    lowered = stripped.casefold().replace("ß", "ss").replace("'", "").replace("’", "")
    return _NON_WORD.sub(" ", lowered).strip()


def slug(text: str) -> str:
    """A stable identifier for a club: its folded canonical name, dash-joined."""
    return fold(text).replace(" ", "-")

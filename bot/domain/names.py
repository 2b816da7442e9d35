"""Name folding shared by club identity and matching.

Fans and documents spell the same club with different case, accents,
punctuation and hyphens ("Al-Ahly", "Al Ahly", "AL AHLY"); folding makes
those one key without ever merging names that differ in words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Latin letters and digits, and the Arabic letters (hamza to yeh); everything else separates.
_NON_WORD = re.compile(r"[^0-9a-z\u0621-\u063a\u0641-\u064a]+")
# Arabic spellings that vary without changing the name: alef maqsura/yeh, teh marbuta/heh,
# hamza seats (the hamza forms of alef lose their hamza in NFKD already), tatweel.
_ARABIC = str.maketrans({"ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي", "ـ": None})
# The article and the particles written joined to it ("wa-l", "bi-l", "li-l"…).
_ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")


def _arabic_word(word: str) -> str:
    """The definite article is not part of a name to match: "الأهلي" and "أهلي" are one word."""
    for article in _ARTICLES:
        if word.startswith(article) and len(word) > len(article) + 1:
            return word[len(article) :]
    return word


@lru_cache(maxsize=131_072)
def fold(text: str) -> str:
    """Case-, accent-, punctuation- and hyphen-insensitive form of ``text``.

    Arabic is folded the way fans' spellings vary: hamza forms of alef, alef
    maqsura and yeh, teh marbuta and heh, tatweel and diacritics, the article.

    >>> fold("Étoile du Sahel") == fold("etoile-du  sahel")
    True
    >>> fold("الأهلي") == fold("الاهلى") == fold("أهلي")
    True
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    lowered = stripped.casefold().replace("ß", "ss").replace("'", "").replace("’", "")
    words = _NON_WORD.sub(" ", lowered.translate(_ARABIC)).split()
    return " ".join(_arabic_word(w) for w in words)


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: max(0, limit - 1)].rstrip() + "…"


def slug(text: str) -> str:
    """A stable identifier for a club: its folded canonical name, dash-joined."""
    return fold(text).replace(" ", "-")


# Words that say what kind of club it is, not which one ("Simba SC" is Simba).
GENERIC_WORDS = frozenset(
    {
        "fc",
        "sc",
        "ac",
        "afc",
        "cf",
        "cd",
        "club",
        "sport",
        "sports",
        "as",
        "asc",
        "sa",
        "ca",
        "نادي",  # Arabic "club"
        "ناد",
        "رياضي",  # "sporting": Al-Wydad Al-Riyadi
        "رياضيه",
        "رياضه",
    }
)
# Articles and prepositions ("Étoile du Sahel", "Al-Ahly"): never enough on their own.
MINOR_WORDS = frozenset(
    {"al", "el", "de", "du", "da", "do", "des", "la", "le", "les", "d", "l", "of", "the", "y", "et"}
)


def significant_words(folded: str) -> tuple[str, ...]:
    """The words of a folded name that identify the club (all words if none would be left)."""
    words = folded.split()
    kept = tuple(w for w in words if w not in GENERIC_WORDS and w not in MINOR_WORDS)
    return kept or tuple(words)


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def acronyms(name: str) -> frozenset[str]:
    """Folded initialisms fans use for a multi-word name.

    A word written in capitals contributes all its capitals ("USM Alger" -> "usma",
    "JS Kabylie" -> "jsk"); other words their first letter.  Variants skip
    lower-case words ("Étoile du Sahel" -> "eds" and "es").
    """
    words = [w for w in re.split(r"[^0-9A-Za-z]+", _plain(name).replace("'", "")) if w]
    if len(words) < 2:
        return frozenset()

    def initials(ws: list[str]) -> str:
        parts = []
        for w in ws:
            caps = [ch for ch in w if ch.isupper()]
            if len(caps) >= 2:
                parts.append("".join(caps))
            elif w[0].isalpha():
                parts.append(w[0])
        return "".join(parts).casefold()

    variants = {initials(words), initials([w for w in words if not w[0].islower()])}
    return frozenset(v for v in variants if len(v) >= 2)

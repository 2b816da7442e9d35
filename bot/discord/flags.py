"""Country flags for club names: FIFA trigram → regional-indicator emoji.

Documents give FIFA codes (TUN, CGO, ZAN); Discord renders a flag from two
regional-indicator letters of the ISO 3166-1 alpha-2 code.  Codes without an
ISO country (Zanzibar's ZAN) get no flag rather than a wrong one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

# CAF members (plus Réunion, an associate that plays in CAF club cups).
FIFA_TO_ISO: Mapping[str, str] = {
    "ALG": "DZ", "ANG": "AO", "BEN": "BJ", "BOT": "BW", "BFA": "BF", "BDI": "BI",
    "CMR": "CM", "CPV": "CV", "CTA": "CF", "CHA": "TD", "COM": "KM", "CGO": "CG",
    "COD": "CD", "DJI": "DJ", "EGY": "EG", "EQG": "GQ", "ERI": "ER", "SWZ": "SZ",
    "ETH": "ET", "GAB": "GA", "GAM": "GM", "GHA": "GH", "GUI": "GN", "GNB": "GW",
    "CIV": "CI", "KEN": "KE", "LES": "LS", "LBR": "LR", "LBY": "LY", "MAD": "MG",
    "MWI": "MW", "MLI": "ML", "MTN": "MR", "MRI": "MU", "MAR": "MA", "MOZ": "MZ",
    "NAM": "NA", "NIG": "NE", "NGA": "NG", "RWA": "RW", "STP": "ST", "SEN": "SN",
    "SEY": "SC", "SLE": "SL", "SOM": "SO", "RSA": "ZA", "SSD": "SS", "SDN": "SD",
    "TAN": "TZ", "TOG": "TG", "TUN": "TN", "UGA": "UG", "ZAM": "ZM", "ZIM": "ZW",
    "REU": "RE",
}  # fmt: skip

_REGIONAL_A = 0x1F1E6
_FLAG_OF: Mapping[str, str] = {
    fifa: "".join(chr(_REGIONAL_A + ord(letter) - ord("A")) for letter in iso)
    for fifa, iso in FIFA_TO_ISO.items()
}


def flag(code: str | None) -> str:
    """The flag emoji for a FIFA code, or "" when unknown (e.g. ZAN)."""
    if not code:
        return ""
    found = _FLAG_OF.get(code)  # codes come upper-case from the documents: no copy needed
    return found if found is not None else _FLAG_OF.get(code.strip().upper(), "")


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


# A text's words: runs of word characters (``\w`` is exactly ``_is_word``: alphanumeric or "_").
_WORDS = re.compile(r"\w+")
_SCAN_ALL_UP_TO = 8  # with this few names, searching each is cheaper than indexing


@functools.lru_cache(maxsize=16384)
def _first_word(name: str) -> str:
    """The word a name starts with ("" when it starts with a non-word character); the
    catalog's names are few, so each is matched once."""
    first = _WORDS.match(name)
    return first.group() if first is not None else ""


class Flagger:
    """Puts a flag before each known club name in the texts of one answer.

    Built once per answer: the names are sorted once (longest first, so
    "Al-Ahly Shendi" is not flagged as "Al-Ahly"), and each text is scanned
    with plain substring search: answers' titles are short, and compiling a
    regex of every name per field cost more than the rest of the reply.  An
    answer with many clubs (a season's round) also indexes its names by their
    first word: a name flagged in a text starts at a word start and is
    followed by a non-word character or the end, so its first word is one of
    the text's words, and only those names are searched.
    """

    def __init__(self, countries: Mapping[str, str | None]) -> None:
        flagged = ((name, flag(code)) for name, code in countries.items() if name)
        self._names = sorted(
            ((name, emoji) for name, emoji in flagged if emoji), key=lambda p: -len(p[0])
        )
        self._by_word: dict[str, list[int]] = {}
        self._always: list[int] = []  # names that start with a non-word character
        self._done: dict[str, str] = {}
        if len(self._names) > _SCAN_ALL_UP_TO:
            for i, (name, _) in enumerate(self._names):
                first = _first_word(name)
                if first:
                    self._by_word.setdefault(first, []).append(i)
                else:
                    self._always.append(i)

    def _candidates(self, text: str) -> list[tuple[str, str]]:
        """The names, in their order, worth searching ``text`` for: all of them for a few
        names, else those whose first word is a word of ``text`` (no other can be flagged)."""
        if not self._by_word:
            return self._names
        words = self._by_word.keys() & set(_WORDS.findall(text))
        if not words and not self._always:
            return []
        found = set(self._always)
        for word in words:
            found.update(self._by_word[word])
        return [self._names[i] for i in sorted(found)]

    def __call__(self, text: str) -> str:
        """``text`` with its flags (the same text comes back from a memo: a season's fields
        are mostly titled alike)."""
        if not text or not self._names:
            return text
        done = self._done.get(text)
        if done is None:
            done = self._done[text] = self._flag(text)
        return done

    def _flag(self, text: str) -> str:
        spans: list[tuple[int, int, str]] = []
        size = len(text)
        for name, emoji in self._candidates(text):
            start = text.find(name)
            while start >= 0:
                end = start + len(name)
                if (start == 0 or not _is_word(text[start - 1])) and (
                    end == size or not _is_word(text[end])
                ):
                    for s, e, _ in spans:
                        if s < end and start < e:
                            break
                    else:
                        spans.append((start, end, emoji))
                start = text.find(name, end)
        if not spans:
            return text
        out: list[str] = []
        pos = 0
        for start, end, emoji in sorted(spans) if len(spans) > 1 else spans:
            name = text[start:end]
            already = text[max(0, start - len(emoji) - 1) : start].startswith(emoji)
            out += [text[pos:start], name if already else f"{emoji} {name}"]
            pos = end
        out.append(text[pos:])
        return "".join(out)

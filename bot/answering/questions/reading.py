"""A question split into words a phrase can be matched against, each with its place in the text.

Matching compares folded words (``names.fold``: case, accents, Arabic spelling
variants), but what fills a slot is the text as typed ("Étoile du Sahel",
"2023-24"), cut from the question by position.  A few joins are undone first so
that phrases can name them as words: French elision ("l'Espérance" is "l'" and
"Espérance"), the English possessive ("Simba's"), the Arabic "and" written onto
the article ("والرجاء" is "و" and "الرجاء"), and Arabic-Indic digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.domain.names import fold

MAX_QUESTION = 200  # characters looked at: a question is a sentence, not a document
MAX_WORDS = 24  # words matched; a longer line is not a question this grammar reads

SEASONISH = re.compile(r"^(?:\d{4}(?:[-–—/](?:\d{2}|\d{4}))?|\d{2}[-–—/]\d{2})$")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_QUOTED = re.compile(r'"([^"]+)"|“([^”]+)”|«\s*([^»]+?)\s*»')
_SPLIT = re.compile(r"[^\s?!,;¿¡؟،]+")
_ELISION = re.compile(r"^(l|d|qu|j|n|s|c|lorsqu|jusqu)['’](?=\w)", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?<=\w)['’]s$", re.IGNORECASE)
_ARABIC_AND = re.compile(r"^و(?=ال.)")


@dataclass(frozen=True, slots=True)
class Token:
    """One folded word; ``start``/``end`` delimit the typed word it comes from (a word such as
    "quarter-final" gives two tokens with the same place), ``word`` numbers that typed word."""

    key: str
    start: int
    end: int
    word: int
    quoted: bool = False


def normalise(question: str) -> str:
    """The question as read: bounded, Latin digits, one space between words, no end mark."""
    text = " ".join(question[:MAX_QUESTION].translate(_DIGITS).split())
    return text.rstrip(" ?!.؟").lstrip("¿¡ ")


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The places of the typed words between ``start`` and ``end``, joins undone."""
    found: list[tuple[int, int]] = []
    for match in _SPLIT.finditer(text, start, end):
        s, e = match.start(), match.end()
        word = text[s:e]
        if SEASONISH.match(word):
            found.append((s, e))
            continue
        cut = _ELISION.match(word) or _ARABIC_AND.match(word)
        if cut is not None:
            found.append((s, s + cut.end()))
            s += cut.end()
        possessive = _POSSESSIVE.search(text, s, e)
        if possessive is not None:
            found.append((s, possessive.start()))
            s = possessive.start()
        found.append((s, e))
    return found


def tokenize(text: str) -> tuple[Token, ...]:
    """The tokens of a normalised question, quoted names kept whole."""
    tokens: list[Token] = []
    places: list[tuple[int, int, bool]] = []
    at = 0
    for match in _QUOTED.finditer(text):
        places += [(s, e, False) for s, e in _pieces(text, at, match.start())]
        inner = next(i for i in (1, 2, 3) if match.group(i) is not None)
        places.append((match.start(inner), match.end(inner), True))
        at = match.end()
    places += [(s, e, False) for s, e in _pieces(text, at, len(text))]
    for number, (start, end, quoted) in enumerate(places[:MAX_WORDS]):
        word = text[start:end]
        if quoted:
            tokens.append(Token(fold(word), start, end, number, quoted=True))
        elif SEASONISH.match(word):
            tokens.append(Token(word, start, end, number))
        else:
            tokens.extend(Token(key, start, end, number) for key in fold(word).split())
    return tuple(tokens)


def span_text(text: str, tokens: tuple[Token, ...], first: int, last: int) -> str:
    """The typed text of tokens ``first`` to ``last`` (inclusive)."""
    return text[tokens[first].start : tokens[last].end].strip()

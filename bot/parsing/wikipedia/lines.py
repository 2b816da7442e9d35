"""The line grammar of season documents: one recogniser per kind of line.

Season documents are plain-text renderings of wiki articles.  Each line is
one of a few kinds (heading, leg, dated line, scorer line, result summary,
note, schedule, residue, prose); recognising a line never depends on the
particular file, only on its shape, so new seasons of the same kind parse.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import NamedTuple

DASH = "[-–—]"
MAX_LINE = 2_000  # longer lines are reported, never fed to the regexes

# FIFA (and CAF associate) codes: a 3-letter upper-case word is a country code
# only when it is one of these, or when the mirrored second leg confirms it.

_MONTHS = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november "
        "december".split(),
        start=1,
    )
}

HEADING = re.compile(r"^(=+)\s*(?P<name>[^=].*?)\s*\1\s*$")
SEPARATOR = re.compile(r"^-{4,}\s*$")
_TAG = re.compile(r"<\s*/?\s*(?:section|noinclude|includeonly|onlyinclude|ref)\b[^>]*?/?\s*>", re.I)
_RESIDUE_FIRST = ("|", "{", "!", ";")  # every residue line starts with one of these
_RESIDUE = re.compile(r"^(?:\|\}|\{\||\|-|!|;).*$|^\|.*\|\s*$|^\|\s*$")
_DATE_DMY = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$")
_DATE_MDY = re.compile(r"^([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_LEG = re.compile(
    rf"^(?P<left>\S.*?)\s+(?:(?P<hg>\d{{1,2}})\s*{DASH}\s*(?P<ag>\d{{1,2}})"
    r"|(?P<cancel>Cancell?ed|Not played|Annulled|w/o))\s+(?P<right>\S.*)$",
    re.I,
)
_SCHEDULE = re.compile(
    r"^First legs?:?\s*(?P<first>[^;]+?)\s*;\s*Second legs?:?\s*(?P<second>.+?)\.?$", re.I
)
_NOTE = re.compile(r"^(?:Note|NB|N\.B\.)\s*:\s*(?P<text>.+)$", re.I)
_SEED = re.compile(r"^-\s+(?P<code>[A-Z]{3})\s+(?P<team>.+?)\s+\d+(?:\.\d+)?\s+pts\b")
_SCORER = re.compile(r"^\s+(?P<team>[^:]+?)\s*:\s*(?P<scorers>.*)$")
_MINUTE = re.compile(r"^(?P<min>\d{1,3})(?:\+(?P<add>\d{1,2}))?['’′]?(?:\s*\((?P<mark>[^)]*)\))?$")
_PLAYER_MINUTE = re.compile(
    r"^(?P<player>.*?\S)\s+(?P<min>\d{1,3})(?:\+(?P<add>\d{1,2}))?['’′]?(?:\s*\((?P<mark>[^)]*)\))?$"
)
_CODE = re.compile(r"[A-Z]{3}")
# What no club name has: one of these characters, a "(" first, or "." or ")" last (``$``
# also matches before a final newline).  One class search and two end tests, not one regex
# of four alternatives, which is several times slower.
_NAME_BAD_CHAR = re.compile(r"[:;,!?|<>{}\[\]=\"]")
_NAME_BAD_ENDS = (".", ")", ".\n", ")\n")
_PLAYER = re.compile(r"[^\d'’′()]+")


def clean(raw: str) -> str:
    """Strip wiki tags (``<section …/>``, ``<noinclude>``) and trailing space."""
    return _TAG.sub("", raw).rstrip() if "<" in raw else raw.rstrip()


def is_residue(line: str) -> bool:
    """Table rows, table ends and definition-list headings: no data of their own."""
    return bool(_RESIDUE.match(line.strip()))


def parse_date(text: str) -> dt.date | None:
    """A whole-line date such as "7 February 2014" (also "February 7, 2014", ISO)."""
    text = text.strip()
    try:
        if m := _DATE_DMY.match(text):
            month = _MONTHS.get(m[2].lower())
            return dt.date(int(m[3]), month, int(m[1])) if month else None
        if m := _DATE_MDY.match(text):
            month = _MONTHS.get(m[1].lower())
            return dt.date(int(m[3]), month, int(m[2])) if month else None
        if m := _DATE_ISO.match(text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    return None


class RawLeg(NamedTuple):
    """A leg line split at its score; team/code split is decided per tie.

    A named tuple, like ``RawGoal``: hundreds of thousands are made for a large season,
    and a tuple is built several times faster than a frozen dataclass.
    """

    left: str
    right: str
    home_goals: int | None
    away_goals: int | None
    cancelled: bool


@functools.lru_cache(maxsize=65_536)  # a club's name comes back in leg after leg
def _name_like(text: str) -> bool:
    """At most eight words, and none of the characters or ends a club name never has."""
    return (
        0 < len(text.split()) <= 8
        and not _NAME_BAD_CHAR.search(text)
        and not text.startswith("(")
        and not text.endswith(_NAME_BAD_ENDS)
    )


def parse_leg(line: str) -> RawLeg | None:
    """``Home [CODE] 2-1 [CODE] Away`` or ``Home [CODE] Cancelled [CODE] Away``."""
    if line.startswith((" ", "\t")) or line.rstrip().endswith((".", ":")):
        return None
    if line.lstrip()[:1] in _RESIDUE_FIRST and is_residue(line):
        return None
    m = _LEG.match(line.strip())
    if not m or not _name_like(m["left"]) or not _name_like(m["right"]):
        return None
    cancelled = m["cancel"] is not None
    return RawLeg(
        left=m["left"],
        right=m["right"],
        home_goals=None if cancelled else int(m["hg"]),
        away_goals=None if cancelled else int(m["ag"]),
        cancelled=cancelled,
    )


@functools.lru_cache(maxsize=65_536)  # a club's name comes back in leg after leg
def split_code(side: str, *, code_last: bool) -> tuple[str, str | None]:
    """Split a leg side into (team, code) if its outer word is a country-code shape."""
    words = side.split()
    if len(words) < 2:
        return side, None
    word = words[-1] if code_last else words[0]
    if len(word) == 3 and _CODE.fullmatch(word):
        rest = words[:-1] if code_last else words[1:]
        return " ".join(rest), word
    return side, None


def parse_schedule(line: str) -> tuple[str, str] | None:
    """ "First legs: 17–19 February; Second legs: 2–4 March." → the two spans."""
    m = _SCHEDULE.match(line.strip())
    return (m["first"].strip(), m["second"].strip()) if m else None


def parse_note(line: str) -> str | None:
    m = _NOTE.match(line.strip())
    return m["text"].strip() if m else None


def parse_seed(line: str) -> tuple[str, str] | None:
    """A seeding-list item "- MAR Wydad AC 20 pts" → (team, code): a country fact."""
    m = _SEED.match(line.strip())
    return (m["team"], m["code"]) if m else None


def parse_scorer_line(line: str) -> tuple[str, str] | None:
    """An indented "Team CODE: A 12', B" line → (team part, scorers part)."""
    if not line[:1].isspace():
        return None
    m = _SCORER.match(line)
    return (m["team"].strip(), m["scorers"].strip()) if m else None


class RawGoal(NamedTuple):
    player: str
    minute: int | None
    added_time: int | None
    penalty: bool
    own_goal: bool


def _mark(mark: str | None) -> tuple[bool, bool]:
    if mark is None:
        return False, False
    text = mark.lower().replace(" ", "")
    return text.startswith("pen") or text == "p", text in {"o.g.", "og", "o.g"}


def parse_scorers(text: str) -> list[RawGoal] | None:
    """ "Musharu 20', 90', Mupera 84' (pen.), Dube" → one RawGoal per goal; None if garbled."""
    goals: list[RawGoal] = []
    player: str | None = None
    for token in (t.strip() for t in text.split(",")):
        if not token:
            continue
        if (m := _MINUTE.match(token)) and player is not None:
            pen, og = _mark(m["mark"])
            add = int(m["add"]) if m["add"] else None
            goals.append(RawGoal(player, int(m["min"]), add, pen, og))
        elif m := _PLAYER_MINUTE.match(token):
            player = m["player"]
            pen, og = _mark(m["mark"])
            add = int(m["add"]) if m["add"] else None
            goals.append(RawGoal(player, int(m["min"]), add, pen, og))
        elif _PLAYER.fullmatch(token):
            player = token
            goals.append(RawGoal(player, None, None, False, False))
        else:
            return None
    return goals


def is_prose(line: str) -> bool:
    """A sentence (ends like one, or is long): description, never data."""
    text = line.strip()
    return text.endswith((".", ":", ")", "!", "?")) or len(text.split()) > 12

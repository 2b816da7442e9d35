"""Result summaries: the sentence that says who won a tie and how.

Covers the documents' phrasings: "X won 2–1 on aggregate (and advanced to …)",
"1–1 on aggregate. X won 4–3 on penalties / the penalty shoot-out",
"X won on (the) away goals (rule)", "X won on walkover after …",
"X advanced to … after Y withdrew", and single matches "X won 2–0 and advanced …".
A line only counts as a summary when it names a decision, so prose such as
"The 16 winners … advanced to the group stage." is not mistaken for a result.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.domain.models import DecidedBy

_D = "[-–—]"
_SCORE = rf"(\d{{1,2}})\s*{_D}\s*(\d{{1,2}})"
_LEVEL = re.compile(rf"^{_SCORE} on aggregate\.?\s*", re.I)
_SUBJECT = re.compile(r"^(?P<team>[^.,;:]+?)\s+(?P<verb>won|advanced|qualified|progressed)\b", re.I)
_AGG_WON = re.compile(rf"\bwon {_SCORE} on aggregate\b", re.I)
_PEN_SCORE = re.compile(
    rf"\bwon {_SCORE} on penalties\b|\bwon {_SCORE} in (?:a |the )?penalty shoot-?out", re.I
)
_PEN_PLAIN = re.compile(r"\bpenalty shoot-?out\b|\bon penalties\b", re.I)
_AWAY = re.compile(r"\bon (?:the )?away goals?(?: rule)?\b", re.I)
_WALKOVER = re.compile(r"\b(?:walk-?over|w/o)\b", re.I)
_WITHDREW = re.compile(r"\bafter (?P<loser>[^.,;]+?) withdrew\b(?P<rest>[^.]*)", re.I)
_AFTER = re.compile(r"\b(?:walk-?over|w/o) after (?P<reason>.+?)\.?$", re.I)
_ADVANCED = re.compile(r"\badvanced to (?:the )?(?P<next>.+?)(?:\s+after\b|\s+on\b|\.|$)", re.I)
_SINGLE = re.compile(rf"\bwon {_SCORE}(?! on)(?:\s+and\b|\.|$)", re.I)


class Summary(NamedTuple):
    """What a summary line states; scores are winner-first as written."""

    winner: str
    decided_by: DecidedBy
    aggregate: tuple[int, int] | None = None  # (winner, loser) or level
    penalties: tuple[int, int] | None = None  # (winner, loser)
    loser: str | None = None
    reason: str | None = None
    advanced_to: str | None = None
    single_match: bool = False


def parse_summary(line: str) -> Summary | None:
    """Parse a result line, or None when the line states no decision."""
    text = line.strip()
    level: tuple[int, int] | None = None
    if text[:1].isdecimal() and (m := _LEVEL.match(text)):
        level = (int(m[1]), int(m[2]))
        text = text[m.end() :]
    subject = _SUBJECT.match(text)
    if subject is None:
        return None
    winner = subject["team"].strip()
    if len(winner.split()) > 8 or winner.lower().startswith(("the ", "winners", "if ")):
        return None
    # Each search runs only when its words are in the line: ``lower()`` maps every letter
    # these words are matched by (re.I) to that letter (tests/parsing/wikipedia checks it).
    low = text.lower()
    advanced = _ADVANCED.search(text) if "advanced" in low else None
    advanced_to = advanced["next"].strip() if advanced else None
    withdrew = _WITHDREW.search(text) if "after" in low else None
    penalty_words = "pen" in low
    pen_score = _PEN_SCORE.search(text) if penalty_words else None
    if ("walk" in low or "w/o" in low) and _WALKOVER.search(text):
        reason_m = _AFTER.search(text)
        loser = withdrew["loser"].strip() if withdrew else None
        return Summary(
            winner,
            DecidedBy.WALKOVER,
            loser=loser,
            reason=reason_m["reason"].strip() if reason_m else None,
            advanced_to=advanced_to,
        )
    if withdrew:
        loser = withdrew["loser"].strip()
        reason = f"{loser} withdrew{withdrew['rest']}".strip()
        return Summary(
            winner, DecidedBy.WITHDRAWAL, loser=loser, reason=reason, advanced_to=advanced_to
        )
    if pen_score or (penalty_words and _PEN_PLAIN.search(text)):
        pens = None
        if pen_score:
            a, b = (pen_score[1], pen_score[2]) if pen_score[1] else (pen_score[3], pen_score[4])
            pens = (int(a), int(b))
        return Summary(
            winner, DecidedBy.PENALTIES, aggregate=level, penalties=pens, advanced_to=advanced_to
        )
    if "away" in low and _AWAY.search(text):
        return Summary(winner, DecidedBy.AWAY_GOALS, aggregate=level, advanced_to=advanced_to)
    if "aggregate" in low and (m := _AGG_WON.search(text)):
        return Summary(
            winner,
            DecidedBy.AGGREGATE,
            aggregate=(int(m[1]), int(m[2])),
            advanced_to=advanced_to,
        )
    if "won" in low and (m := _SINGLE.search(text)):
        return Summary(
            winner,
            DecidedBy.AGGREGATE,
            aggregate=(int(m[1]), int(m[2])),
            advanced_to=advanced_to,
            single_match=True,
        )
    return None

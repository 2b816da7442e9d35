"""Football.TXT line grammar: the title, header comments, round and day headers, match lines.

openfootball's Football.TXT is a line format, so every kind of line has one
pattern here and the reader and its tests agree on what a line says.  A match
line's score takes many shapes (plain, half time, extra time, shoot-out,
cancelled, awarded, abandoned); the score is matched as a whole between the two
``(CCC)`` country codes, never left to a loose ``.+ (CCC)``, so a shoot-out
marker such as ``pen.`` can never end up inside a club name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.domain.models import LegStatus

Pair = tuple[int, int]

TITLE = re.compile(r"^=\s*(?P<title>[^=\s][^=]*?)\s*$")
TITLE_YEARS = re.compile(r"\s+(?P<start>\d{4})(?:\s*/\s*(?P<end>\d{4}|\d{2}))?$")
DAY = re.compile(
    r"^\[(?P<wd>[A-Z][a-z]{2})\s+(?P<mon>[A-Z][a-z]{2})/(?P<day>\d{1,2})(?:\s+(?P<year>\d{4}))?\]$"
)
_STAMP = (
    r"(?P<wd{n}>[A-Z][a-z]{{2}})\s+(?P<mon{n}>[A-Z][a-z]{{2}})/(?P<day{n}>\d{{1,2}})"
    r"(?:\s+(?P<year{n}>\d{{4}}))?"
)
DATE_RANGE = re.compile(
    rf"^#\s*Date\s+{_STAMP.format(n=1)}(?:\s*-\s*{_STAMP.format(n=2)})?"
    r"(?:\s*\((?P<days>\d+)d\))?\s*$"
)
COUNT = re.compile(r"^#\s*(?P<key>Teams|Matches)\s+(?P<n>\d+)\s*$")
# A round header: a line of its own naming a stage ("Round 1", "Qual. Round 2", "Group",
# "Final", "Decider"); openfootball may put a marker ("»", "▪") before it.
ROUND = re.compile(r"^(?:[»▪:]+\s*)?(?P<name>[A-Za-z0-9][\w .,'’&()/-]{0,79})$")
_STAGE_WORDS = re.compile(
    r"\b(?:round|final|finals|semi-?finals?|quarter-?finals?|group|stage|decider|play-?offs?|"
    r"qual(?:ifying|ification)?|preliminary|matchday|leg|knock-?out|replay|last|eighth)\b|\d/\d",
    re.I,
)


def round_name(line: str) -> str | None:
    """The round a header line names, or None when the line is not a round header."""
    m = ROUND.match(line)
    if m is None or _STAGE_WORDS.search(m["name"]) is None:
        return None
    return m["name"].strip()


GROUP_ROUND = re.compile(r"^group(?:\s+(?:stage|phase))?$|^group\s+\S+$", re.I)

_P = r"\d{1,2}-\d{1,2}"
# Not a club name: what could only be part of a score ("pen.", "a.e.t.", "2-1"); a name holds
# no brackets, so a half-time score "(1-0)" or a note "[cancelled]" never ends up in one.
_NOT_A_NAME = r"(?!(?:pen|a\.?e\.?t)\b|\d{1,2}-\d{1,2}(?:\s|$))"
_NAME = r"[^\s\[\]()][^\[\]()]*?"
MATCH = re.compile(
    rf"""^\s*(?:(?P<time>\d{{1,2}}[.:]\d{{2}})\s+)?
    {_NOT_A_NAME}(?P<home>{_NAME})\s+\((?P<hc>[A-Z]{{3}})\)\s+
    (?:
        (?P<dash>-)
      | (?P<pen>{_P})\s+pen\.(?:\s+(?P<pen_aet>{_P})\s+a\.e\.t\.)?
        (?:\s+\((?P<pen_ft>{_P})(?:,\s*(?P<pen_ht>{_P}))?\))?
      | (?P<aet>{_P})\s+a\.e\.t\.(?:\s+\((?P<aet_ft>{_P})(?:,\s*(?P<aet_ht>{_P}))?\))?
      | (?P<ft>{_P})(?:\s+\((?P<ht>{_P})\))?
    )\s+
    {_NOT_A_NAME}(?P<away>{_NAME})\s+\((?P<ac>[A-Z]{{3}})\)
    (?:\s+\[(?P<note>[^\]]*)\])?\s*$""",
    re.X,
)
# Two country codes on one line: meant as a match line even when the score is not understood.
LOOKS_LIKE_MATCH = re.compile(r"\([A-Z]{3}\).*\S.*\([A-Z]{3}\)")

_NOTES = {
    "cancelled": LegStatus.CANCELLED,
    "abandoned": LegStatus.ABANDONED,
    "awarded": LegStatus.AWARDED,
}


@dataclass(frozen=True, slots=True)
class MatchLine:
    """What one match line states.  ``score`` is the final score (after extra time when
    there was any), the awarded score, or None (cancelled, abandoned, or a shoot-out
    line that gives only the shoot-out)."""

    home: str
    home_code: str
    away: str
    away_code: str
    status: LegStatus
    score: Pair | None
    full_time: Pair | None
    half_time: Pair | None
    extra_time: bool
    penalties: Pair | None
    kickoff: str | None


def pair(text: str | None) -> Pair | None:
    """ "2-1" → (2, 1); None stays None."""
    if text is None:
        return None
    home, away = text.split("-")
    return int(home), int(away)


def parse_match(line: str) -> MatchLine | str:
    """A match line, or the reason it is not one the reader understands."""
    m = MATCH.match(line)
    if m is None:
        return "match line not understood (teams, country codes or score)"
    note = m["note"]
    status = LegStatus.PLAYED
    if note is not None:
        found = _NOTES.get(note.strip().lower())
        if found is None:
            return f"unknown match note [{note}]"
        status = found
    if m["dash"] and status not in (LegStatus.CANCELLED, LegStatus.ABANDONED):
        return "a match with no score ('-') must be [cancelled] or [abandoned]"
    if not m["dash"] and status in (LegStatus.CANCELLED, LegStatus.ABANDONED):
        return f"a match marked [{note}] cannot have a score"
    penalties = pair(m["pen"])
    if status is LegStatus.AWARDED and (m["ft"] is None or m["ht"] is not None):
        return "an [awarded] match gives the awarded score only"
    extra = m["pen_aet"] or m["aet"]
    full_time = pair(m["pen_ft"] or m["aet_ft"] or m["ft"])
    half_time = pair(m["pen_ht"] or m["aet_ht"] or m["ht"])
    return MatchLine(
        home=m["home"],
        home_code=m["hc"],
        away=m["away"],
        away_code=m["ac"],
        status=status,
        score=pair(extra) or full_time,
        full_time=full_time,
        half_time=half_time,
        extra_time=extra is not None,
        penalties=penalties,
        kickoff=m["time"],
    )


def score_problems(match: MatchLine) -> list[str]:
    """Scores on one line that cannot all be true (half time above full time, …)."""
    problems = []
    ht, ft, final = match.half_time, match.full_time, match.score
    if ht and ft and (ht[0] > ft[0] or ht[1] > ft[1]):
        problems.append(f"half-time score {ht[0]}-{ht[1]} is above full time {ft[0]}-{ft[1]}")
    if match.extra_time and ft and final and (ft[0] > final[0] or ft[1] > final[1]):
        problems.append(f"full-time score {ft[0]}-{ft[1]} is above the score after extra time")
    if match.penalties and match.penalties[0] == match.penalties[1]:
        problems.append("the shoot-out ends level")
    return problems

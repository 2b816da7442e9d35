"""The line grammar of RSSSF plain-text pages: one function per kind of line.

RSSSF tables are aligned by hand, so columns are not reliable ("Simba SC
(Dar-es-Salaam) Tan" leaves one space before the country); the grammar keys
on what does not move instead: a country abbreviation followed by two spaces,
score tokens at the end of a tie line, a ``Mon d:`` prefix on group matches,
``n.`` on table rows.  Functions return None when a line is not of their kind,
and a message string when it is of their kind but cannot be read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

Pair = tuple[int, int]

MAX_LINE = 1_000
HEADING = re.compile(r"^==(?!=)\s*(?P<title>.*?[^=\s])\s*$")
_ANCHOR = re.compile(r"‹[^›]*›")
_SEASON = re.compile(r"^(?P<name>.*?\S)\s+(?P<start>\d{4})(?:\s*[/-]\s*(?P<end>\d{4}|\d{2}))?$")
_ABBR = r"[A-Z][^\W\d_]{2}"
_TIE = re.compile(
    rf"^(?P<t1>\S.*?)\s+(?P<a1>{_ABBR})\s{{2,}}(?P<t2>\S.*?)\s+(?P<a2>{_ABBR})\s{{2,}}"
    r"(?P<rest>(?:[*\d]|awd).*?)\s*$"
)
_BYE = re.compile(rf"^(?P<t1>\S.*?)\s+(?P<a1>{_ABBR})\s{{2,}}bye\s*$", re.I)
_RESULT = re.compile(
    r"^(?P<pre>\*)?(?:(?P<h>\d{1,2})-(?P<a>\d{1,2})|(?P<awd>awd))(?P<post>\*)?"
    r"(?P<aet>aet)?(?P<note>[a-z])?$"
)
_PENALTIES = re.compile(r"^(?P<h>\d{1,2})-(?P<a>\d{1,2})p$")
_DATES = re.compile(
    r"^(?P<m1>[A-Z][a-z]{2})\s+(?P<d1>\d{1,2})"
    r"(?:\s+and\s+(?:(?P<m2>[A-Z][a-z]{2})\s+)?(?P<d2>\d{1,2}))?"
    r"(?:\s*,\s*(?P<venue>\S.*?))?\s*$"
)
_ROUND_WORDS = re.compile(
    r"\b(?:round|finals?|semi-?finals?|quarter-?finals?|play-?offs?|stage|preliminary|"
    r"decider|replay|intermediate|last\s+\d+)\b",
    re.I,
)
_HEADER = re.compile(r"^(?P<name>[A-Z][^()]*?)\s*(?:\((?P<paren>.*))?$")
_GROUP = re.compile(r"^Group\s+(?P<id>[A-Z0-9]{1,2})$")
_MATCH = re.compile(
    r"^(?P<mon>[A-Z][a-z]{2})\s+(?P<day>\d{1,2}):\s*(?P<teams>\S.*?)\s+"
    r"(?P<h>\d{1,2})-(?P<a>\d{1,2})(?:\s+(?P<flag>awd|aet))?\s*$"
)
_ROW = re.compile(
    r"^\s*(?P<pos>\d{1,2})\.\s*(?P<team>\S.*?)\s+(?P<p>\d+)\s+(?P<w>\d+)\s+(?P<d>\d+)\s+"
    r"(?P<l>\d+)\s+(?P<gf>\d+)\s*-\s*(?P<ga>\d+)\s+(?P<pts>-?\d+)(?:\s+\[(?P<h2h>[^\]]*)\])?\s*$"
)
_MINI = re.compile(r"^(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*-\s*(\d+)\s+(-?\d+)$")
_FOOTNOTE = re.compile(r"^(?P<mark>[a-z])\s+(?P<text>\S.*?)\s*$")
_CITY = re.compile(r"^(?P<bare>.*?\S)\s*\((?P<city>[^()]+)\)$")


@dataclass(frozen=True, slots=True)
class Score:
    """One printed score of a tie line, from team1's side; ``goals`` is None for ``awd``."""

    goals: Pair | None
    awarded: bool = False
    star_before: bool = False
    star_after: bool = False
    extra_time: bool = False
    footnote: str | None = None


@dataclass(frozen=True, slots=True)
class TieLine:
    team1: str
    abbr1: str
    team2: str
    abbr2: str
    scores: tuple[Score, ...]  # the legs, then the aggregate when two legs are printed
    penalties: Pair | None  # team1-team2


@dataclass(frozen=True, slots=True)
class DateSpec:
    """A bracketed date or date pair: month/day numbers, and a venue after a comma."""

    first: tuple[str, int]
    second: tuple[str, int] | None
    venue: str | None


@dataclass(frozen=True, slots=True)
class MatchLine:
    month: str
    day: int
    teams: str  # "Home-Away", split later against the group's teams
    goals: Pair
    flag: str | None


@dataclass(frozen=True, slots=True)
class TableRow:
    position: int
    team: str
    numbers: tuple[int, ...]  # played, won, drawn, lost, for, against, points
    head_to_head: tuple[int, ...] | None  # the bracket, same seven numbers


def split_city(name: str) -> tuple[str, str | None]:
    """ "Al-Ahly (Cairo)" → ("Al-Ahly", "Cairo"); a name without a city is returned as is."""
    m = _CITY.match(name)
    return (m["bare"], m["city"]) if m else (name, None)


def heading(line: str) -> str | None:
    """The title of a ``== Title  ‹§anchor›`` section heading, anchors removed."""
    m = HEADING.match(line)
    return " ".join(_ANCHOR.sub(" ", m["title"]).split()) if m else None


def season_title(title: str) -> tuple[str, int, int] | None:
    """ "Champions' League 2022/23" → ("Champions' League", 2022, 2023)."""
    m = _SEASON.match(title)
    if m is None:
        return None
    start, end_text = int(m["start"]), m["end"]
    end = start if end_text is None else int(end_text)
    if end_text is not None and len(end_text) == 2:
        end += start // 100 * 100
    return m["name"], start, end


def _score(token: str) -> Score | None:
    m = _RESULT.match(token)
    if m is None:
        return None
    goals = None if m["awd"] else (int(m["h"]), int(m["a"]))
    return Score(goals, bool(m["awd"]), bool(m["pre"]), bool(m["post"]), bool(m["aet"]), m["note"])


def _scores(rest: str) -> tuple[tuple[Score, ...], Pair | None] | str:
    tokens = rest.split()
    penalties: Pair | None = None
    if len(tokens) > 1 and (pm := _PENALTIES.match(tokens[-1])):
        penalties = (int(pm["h"]), int(pm["a"]))
        tokens = tokens[:-1]
    scores: list[Score] = []
    for token in tokens:
        if token == "aet" and scores:
            last = scores[-1]
            scores[-1] = Score(
                last.goals, last.awarded, last.star_before, last.star_after, True, last.footnote
            )
        elif (score := _score(token)) is not None:
            scores.append(score)
        else:
            return f"score {token!r} not understood in {rest!r}"
    if len(scores) not in (1, 2, 3):
        return f"{len(scores)} scores in {rest!r}; expected one match, or two legs and a total"
    return tuple(scores), penalties


def tie_line(line: str) -> TieLine | str | None:
    """``Team1 (City)  Cty  Team2  Cty  leg1  leg2  agg [pens]`` or a single-match line."""
    m = _TIE.match(line)
    if m is None:
        return None
    parsed = _scores(m["rest"])
    if isinstance(parsed, str):
        return parsed
    scores, penalties = parsed
    return TieLine(m["t1"], m["a1"], m["t2"], m["a2"], scores, penalties)


def bye_line(line: str) -> tuple[str, str] | None:
    """``Team (City)  Cty  bye`` → (team, abbreviation)."""
    m = _BYE.match(line)
    return (m["t1"], m["a1"]) if m else None


def _paren_body(text: str) -> tuple[str, bool]:
    """The text inside a bracket opened before ``text``; whether the bracket was closed."""
    body = text.strip()
    if body.endswith(")") and body.count(")") > body.count("("):
        return body[:-1].strip(), True
    return body, False


def date_spec(body: str) -> DateSpec | None:
    """ "Sep 10 and 16", "May 28 and Jun 3", "Sep 15, Taif (Saudi Arabia)"."""
    m = _DATES.match(body)
    if m is None:
        return None
    second = (m["m2"] or m["m1"], int(m["d2"])) if m["d2"] else None
    return DateSpec((m["m1"], int(m["d1"])), second, m["venue"])


def date_line(line: str) -> tuple[DateSpec, bool] | None:
    """A line holding only a bracketed date spec; also whether its bracket was closed."""
    text = line.strip()
    if not text.startswith("("):
        return None
    body, closed = _paren_body(text[1:])
    spec = date_spec(body)
    return (spec, closed) if spec else None


def round_header(line: str) -> tuple[str, DateSpec | None] | None:
    """ "Second Round", "Final (Jun 4 and 11)": the round's name and its dates if given."""
    text = line.strip()
    m = _HEADER.match(text)
    if m is None or "  " in text or not _ROUND_WORDS.search(m["name"]):
        return None
    if m["paren"] is None:
        return m["name"], None
    spec = date_spec(_paren_body(m["paren"])[0])
    return (m["name"], spec) if spec else (text, None)


def group_header(line: str) -> str | None:
    """ "Group A" as printed."""
    text = " ".join(line.split())
    return text if _GROUP.match(text) else None


def match_line(line: str) -> MatchLine | None:
    """``Feb 11: Home-Away  0-0`` (the two teams are split later)."""
    m = _MATCH.match(line.strip())
    if m is None:
        return None
    goals = (int(m["h"]), int(m["a"]))
    return MatchLine(m["mon"], int(m["day"]), m["teams"], goals, m["flag"])


def table_row(line: str) -> TableRow | str | None:
    """`` 1.WAC Casablanca  6  4  1  1  7- 1 13  [2 1 0 1 3-1 3]``."""
    m = _ROW.match(line)
    if m is None:
        return None
    numbers = tuple(int(m[k]) for k in ("p", "w", "d", "l", "gf", "ga", "pts"))
    mini: tuple[int, ...] | None = None
    if m["h2h"] is not None:
        mm = _MINI.match(m["h2h"].strip())
        if mm is None:
            return f"head-to-head bracket [{m['h2h']}] not understood"
        mini = tuple(int(x) for x in mm.groups())
    return TableRow(int(m["pos"]), m["team"], numbers, mini)


def footnote(line: str) -> tuple[str, str] | None:
    """``x 2nd leg awarded 3-0 to …`` → (mark, text)."""
    m = _FOOTNOTE.match(line)
    return (m["mark"], m["text"]) if m else None

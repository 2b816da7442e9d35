"""The shipped Football.TXT files, read whole: counts, every diagnostic, every anomaly.

Measured on ``data/seasons/football-txt`` (22 files, 2,641 match lines): 21 Champions League
seasons hold 979 knockout ties and 672 group matches, the 2023 African Football
League 7 ties.  The traps each have a test here: the repeated 2008 line, the 2009
club spelled two ways and the 2009 line with no date, the 2011 Decider, the
single-match finals, dates whose month goes back, and the ties whose winner by the
scores does not play the next round while the loser does.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from bot.domain.models import LegStatus, Season, Stage
from bot.parsing.footballtxt.lines import MatchLine, parse_match
from tests.parsing.footballtxt.real import DATA, FILES, text_of


def summary(season: Season) -> str:
    """ "CAF Champions League 2006: Round 1 26, …, Group 2x24": ties per round, groups x matches."""
    parts = [
        f"{r.name} {len(r.groups)}x{sum(len(g.matches) for g in r.groups)}"
        if r.stage is Stage.GROUP
        else f"{r.name} {len(r.ties)}"
        for r in season.rounds
    ]
    return f"{season.competition} {season.label}: " + ", ".join(parts)


EXPECTED = {
    "african-football-league/2023.txt": (
        "African Football League 2023: Quarterfinals 4, Semifinals 2, Final 1"
    ),
    "caf-champions-league/2005.txt": (
        "CAF Champions League 2005: Group 2x24, Semifinals 2, Final 1"
    ),
    "caf-champions-league/2006.txt": (
        "CAF Champions League 2006: Round 1 26, Round 2 16, Round of 16 8, Group 2x24, "
        "Semifinals 2, Final 1"
    ),
    "caf-champions-league/2007.txt": (
        "CAF Champions League 2007: Round 1 26, Round 2 16, Round of 16 8, Group 2x24, "
        "Semifinals 2, Final 1"
    ),
    "caf-champions-league/2008.txt": (
        "CAF Champions League 2008: Round 1 23, Round 2 15, Round of 16 8, Group 2x24, "
        "Semifinals 2, Final 1"
    ),
    "caf-champions-league/2009.txt": (
        "CAF Champions League 2009: Preliminary round 19, Round 1 16, Round of 16 8, "
        "Group 2x24, Semifinals 2, Final 1"
    ),
    "caf-champions-league/2010.txt": (
        "CAF Champions League 2010: Preliminary round 24, Round 1 16, Round of 16 8, "
        "Group 2x24, Semifinals 2, Final 1"
    ),
    "caf-champions-league/2011.txt": (
        "CAF Champions League 2011: Preliminary round 22, Round 1 16, Round of 16 8, "
        "Decider 1, Group 2x24, Semifinals 2, Final 1"
    ),
    "caf-champions-league/2012.txt": (
        "CAF Champions League 2012: Preliminary round 19, Round 1 16, Round of 16 8, "
        "Group 2x24, Semifinals 2, Final 1"
    ),
    "caf-champions-league/2013.txt": (
        "CAF Champions League 2013: Preliminary round 24, Round 1 16, Round of 16 8, "
        "Group 2x24, Semifinals 2, Final 1"
    ),
    "caf-champions-league/2014.txt": (
        "CAF Champions League 2014: Preliminary round 26, Round 1 16, Round of 16 8, "
        "Group 2x24, Semifinals 2, Final 1"
    ),
    "caf-champions-league/2015.txt": (
        "CAF Champions League 2015: Preliminary round 25, Round 1 16, Round 2 8, "
        "Group 2x24, Semifinals 2, Final 1"
    ),
    "caf-champions-league/2016.txt": (
        "CAF Champions League 2016: Preliminary round 23, Round 1 16, Round 2 8, "
        "Group 2x24, Semifinals 2, Final 1"
    ),
    "caf-champions-league/2017.txt": (
        "CAF Champions League 2017: Preliminary round 23, Round 1 16, Group 4x48, "
        "Quarterfinals 4, Semifinals 2, Final 1"
    ),
    "caf-champions-league/2018-19.txt": (
        "CAF Champions League 2018–19: Preliminary round 26, Round 1 15, Group 4x48, "
        "Quarterfinals 4, Semifinals 2, Final 1"
    ),
    "caf-champions-league/2018.txt": (
        "CAF Champions League 2018: Preliminary round 26, Round 1 16, Group 4x48, "
        "Quarterfinals 4, Semifinals 2, Final 1"
    ),
    "caf-champions-league/2019-20.txt": (
        "CAF Champions League 2019–20: Preliminary round 29, Round 1 16, Group 4x48, "
        "Quarterfinals 4, Semifinals 2, Final 1"
    ),
    "caf-champions-league/2020-21.txt": (
        "CAF Champions League 2020–21: Preliminary round 22, Round 1 16, Group 4x48, "
        "Quarterfinals 4, Semifinals 2, Final 1"
    ),
    "caf-champions-league/2021-22.txt": (
        "CAF Champions League 2021–22: Qual. Round 1 22, Qual. Round 2 16, Group 4x48, "
        "Quarterfinals 4, Semifinals 2, Final 1"
    ),
    "caf-champions-league/2022-23.txt": (
        "CAF Champions League 2022–23: Qual. Round 1 26, Qual. Round 2 16, Group 4x48, "
        "Quarterfinals 4, Semifinals 2, Final 1"
    ),
    "caf-champions-league/2023-24.txt": (
        "CAF Champions League 2023–24: Qual. Round 1 22, Qual. Round 2 16, Group 4x48, "
        "Quarterfinals 4, Semifinals 2, Final 1"
    ),
    "caf-champions-league/2024-25.txt": (
        "CAF Champions League 2024–25: Qual. Round 1 27, Qual. Round 2 16"
    ),
}

DIAGNOSTICS = [
    "2006.txt:38: warning: Round 1, Inter Star v CAPS United (lines 38, 66): by the scores "
    "CAPS United went through (4–4 on aggregate, 3–1 on away goals), but Round 2 has "
    "Inter Star (line 91) and not CAPS United; winner left unknown",
    "2007.txt:29: warning: Round 1, Stade Malien v AS Douanes (lines 29, 48): by the scores "
    "AS Douanes went through (4–1 on aggregate), but Round 2 has Stade Malien (line 83) and "
    "not AS Douanes; winner left unknown",
    "2008.txt:23: warning: Round 1, CD Costa do Sol v Ajesaia (lines 23, 61): by the scores "
    "CD Costa do Sol went through (2–1 on aggregate), but Round 2 has Ajesaia (line 80) and "
    "not CD Costa do Sol; winner left unknown",
    "2008.txt:59: warning: Round 1: this match repeats line 50 (Zamalek v APR FC, same date "
    "and result); kept once",
    "2008.txt:114: warning: Round of 16, Enyimba Aba v Club Africain (lines 114, 118): 3–3 on "
    "aggregate and level on away goals, with no shoot-out; winner unknown",
    "2009.txt:10: warning: no day header above this match line; its date is unknown",
    "2009.txt:10: warning: Preliminary round: Académie Ny Antsika's opponents 'La Tamponnaise' "
    "(line 10) and 'US Stade Tamponnaise' (line 47) are one club spelled two ways (both REU, "
    "each in one match only); taken as 'US Stade Tamponnaise', the spelling used 3 times in "
    "the file",
    "2009.txt:31: warning: Preliminary round, Djoliba AC v Casa Sport (lines 31, 43): 1–1 on "
    "aggregate and level on away goals, with no shoot-out; winner unknown",
    "2011.txt:114: warning: Round of 16, Wydad AC v TP Mazembe (lines 114, 127): by the "
    "scores TP Mazembe went through (2–1 on aggregate), but Decider has Wydad AC (line 134) "
    "and not TP Mazembe; winner left unknown",
    "2013.txt:75: warning: Round 1, Kano Pillars v AC Léopards (lines 75, 95): by the scores "
    "Kano Pillars went through (4–1 on aggregate), but Round of 16 has AC Léopards (line 115) "
    "and not Kano Pillars; winner left unknown",
    "2013.txt:115: warning: Round of 16, AC Léopards v ES Sétif (lines 115, 119): by the "
    "scores ES Sétif went through (3–2 on penalties), but Group has AC Léopards (line 133) "
    "and not ES Sétif; winner left unknown",
    "2016.txt:35: warning: Preliminary round: AS Douanes (SEN) is in 2 ties of this round: "
    "Horoya AC (line 20); Wydad AC (line 35); two clubs may share the name",
    "2016.txt:114: warning: Round 2, AS Vita Club v Mamelodi Sundowns (lines 114, 121): by "
    "the scores AS Vita Club went through (2–2 on aggregate, 1–0 on away goals), but Group "
    "has Mamelodi Sundowns (line 131) and not AS Vita Club; winner left unknown",
    "2018-19.txt:194: warning: Final, Wydad AC v Espérance de Tunis (lines 194, 196): the "
    "source gives no result for the cancelled match of line 196, and no later round shows "
    "who went through; winner unknown",
    "2021-22.txt:24: warning: Qual. Round 1, Fortune FC v ES Sétif (lines 24, 59): a shoot-out "
    "after the scores add up to 3–2, which is not level",
    "2021-22.txt:59: warning: half-time score 3-0 is above full time 2-0",
]

# Score shapes and their counts, as measured in the issue (2,641 match lines).
SHAPES = {
    "1-1": 1315,
    "1-1 (1-0)": 1192,
    "- [cancelled]": 42,
    "5-6 pen.": 28,
    "0-3 [awarded]": 25,
    "2-3 pen. (1-0, 0-0)": 19,
    "1-3 pen. 0-1 a.e.t. (0-1, 0-0)": 8,
    "4-3 pen. (0-0)": 7,
    "pen. N-N a.e.t. (N-N)": 3,
    "N-N a.e.t.": 1,
    "- [abandoned]": 1,
}


def shape(m: MatchLine) -> str:
    """The shape of a read match line, named as in ``SHAPES``."""
    if m.status is not LegStatus.PLAYED:
        return {"cancelled": "- [cancelled]", "abandoned": "- [abandoned]"}.get(
            m.status.value, "0-3 [awarded]"
        )
    if m.penalties and m.extra_time:
        return "1-3 pen. 0-1 a.e.t. (0-1, 0-0)" if m.half_time else "pen. N-N a.e.t. (N-N)"
    if m.penalties:
        if m.full_time is None:
            return "5-6 pen."
        return "2-3 pen. (1-0, 0-0)" if m.half_time else "4-3 pen. (0-0)"
    if m.extra_time:
        return "N-N a.e.t."
    return "1-1 (1-0)" if m.half_time else "1-1"


def _match_lines(path: Path) -> list[tuple[int, str]]:
    lines = text_of(path).split("\r\n")
    return [(n, line) for n, line in enumerate(lines, start=1) if line.startswith(" ")]


def test_the_files_are_kept_as_published_with_crlf() -> None:
    assert len(FILES) == 22
    for path in FILES:
        data = path.read_bytes()
        assert data.count(b"\n") == data.count(b"\r\n") > 0, path.name


def test_every_score_shape_as_measured() -> None:
    found: Counter[str] = Counter()
    for path in FILES:
        for _, line in _match_lines(path):
            parsed = parse_match(line)
            assert isinstance(parsed, MatchLine), line
            found[shape(parsed)] += 1
    assert dict(found) == SHAPES
    assert sum(found.values()) == 2641


def test_counts_per_season(seasons: dict[str, Season]) -> None:
    assert {name: summary(s) for name, s in seasons.items()} == EXPECTED


def test_totals(seasons: dict[str, Season]) -> None:
    cl = [s for s in seasons.values() if s.competition == "CAF Champions League"]
    assert len(cl) == 21
    assert sum(len(s.ties) for s in cl) == 979
    assert sum(len(g.matches) for s in cl for r in s.rounds for g in r.groups) == 672
    assert all(r.expected_ties is None for s in seasons.values() for r in s.rounds)


def test_every_diagnostic_listed(seasons: dict[str, Season]) -> None:
    found = [str(d) for s in seasons.values() for d in s.diagnostics]
    assert found == DIAGNOSTICS
    assert all(d.severity.value == "warning" for s in seasons.values() for d in s.diagnostics)


def test_every_match_line_is_read_once(seasons: dict[str, Season]) -> None:
    for name, season in seasons.items():
        read = [leg.line for t in season.ties for leg in t.legs]
        read += [leg.line for r in season.rounds for g in r.groups for leg in g.matches]
        expected = {n for n, _ in _match_lines(DATA / name)} - ({59} if "2008" in name else set())
        assert sorted(read) == sorted(expected), name


_DAY = re.compile(r"^\[(\w{3}) (\w{3})/(\d+)\]$")


def test_every_date_is_its_day_header_with_the_right_year(seasons: dict[str, Season]) -> None:
    for name, season in seasons.items():
        header: dict[int, str] = {}
        current = ""
        for n, line in enumerate(text_of(DATA / name).split("\r\n"), start=1):
            if _DAY.match(line):
                current = line
            elif line.startswith(" "):
                header[n] = current
            elif line and not line.startswith(("=", "#")):
                current = ""  # a round header
        legs = [leg for t in season.ties for leg in t.legs]
        legs += [leg for r in season.rounds for g in r.groups for leg in g.matches]
        for leg in legs:
            if leg.date is None:
                assert (name, leg.line, header[leg.line]) == (
                    "caf-champions-league/2009.txt",
                    10,
                    "",
                )
                continue
            assert leg.date.strftime("[%a %b/") + f"{leg.date.day}]" == header[leg.line]
            years = {season.start_year, season.end_year}
            assert leg.date.year in years, (name, leg.line)

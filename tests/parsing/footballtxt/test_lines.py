"""Football.TXT line grammar and dates, one rule at a time.

Every score shape found in the real files is read here on its own line, with the
fields it must give; the traps (``pen.`` taken into a club name, a shoot-out line
without the match score, dates whose month goes back) each have a test that a
careless reader would fail.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.domain.models import LegStatus
from bot.parsing.documents import parse_text
from bot.parsing.errors import ParseError
from bot.parsing.footballtxt import dates
from bot.parsing.footballtxt.document import looks_like, parse
from bot.parsing.footballtxt.lines import MatchLine, parse_match, round_name, score_problems
from bot.parsing.wikipedia import document as wikipedia

H, A = "  21.45  Horoya AC (GUI)          ", "  JS Kabylie (ALG)"

# shape → (score text, status, score, full time, half time, extra time, shoot-out)
SHAPES = {
    "1-1": ("1-1", LegStatus.PLAYED, (1, 1), (1, 1), None, False, None),
    "1-1 (1-0)": ("2-1 (1-0)", LegStatus.PLAYED, (2, 1), (2, 1), (1, 0), False, None),
    "- [cancelled]": ("-", LegStatus.CANCELLED, None, None, None, False, None),
    "5-6 pen.": ("5-6 pen.", LegStatus.PLAYED, None, None, None, False, (5, 6)),
    "0-3 [awarded]": ("0-3", LegStatus.AWARDED, (0, 3), (0, 3), None, False, None),
    "2-3 pen. (1-0, 0-0)": (
        "2-3 pen. (1-0, 0-0)", LegStatus.PLAYED, (1, 0), (1, 0), (0, 0), False, (2, 3)
    ),
    "1-3 pen. 0-1 a.e.t. (0-1, 0-0)": (
        "1-3 pen. 0-1 a.e.t. (0-1, 0-0)", LegStatus.PLAYED, (0, 1), (0, 1), (0, 0), True, (1, 3)
    ),
    "4-3 pen. (0-0)": ("4-3 pen. (0-0)", LegStatus.PLAYED, (0, 0), (0, 0), None, False, (4, 3)),
    "pen. N-N a.e.t. (N-N)": (
        "3-5 pen. 0-0 a.e.t. (0-0)", LegStatus.PLAYED, (0, 0), (0, 0), None, True, (3, 5)
    ),
    "N-N a.e.t.": ("1-0 a.e.t.", LegStatus.PLAYED, (1, 0), None, None, True, None),
    "- [abandoned]": ("-", LegStatus.ABANDONED, None, None, None, False, None),
}  # fmt: skip
NOTES = {
    "- [cancelled]": "  [cancelled]",
    "0-3 [awarded]": "  [awarded]",
    "- [abandoned]": " [abandoned]",
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_every_score_shape(shape: str) -> None:
    score, status, final, full, half, extra, pens = SHAPES[shape]
    parsed = parse_match(f"{H}{score}{A}{NOTES.get(shape, '')}\r")
    assert isinstance(parsed, MatchLine), parsed
    assert (parsed.home, parsed.home_code, parsed.away, parsed.away_code) == (
        "Horoya AC", "GUI", "JS Kabylie", "ALG"
    )  # fmt: skip
    assert parsed.status is status
    assert parsed.score == final
    assert (parsed.full_time, parsed.half_time) == (full, half)
    assert (parsed.extra_time, parsed.penalties) == (extra, pens)
    assert parsed.kickoff == "21.45"


def test_shootout_alone_never_invents_the_match_score() -> None:
    parsed = parse_match("         Étoile du Sahel (TUN)    5-6 pen.  Hearts of Oak (GHA)")
    assert isinstance(parsed, MatchLine)
    assert parsed.score is None and parsed.full_time is None and parsed.penalties == (5, 6)
    assert parsed.kickoff is None


@pytest.mark.parametrize(
    "line",
    [
        f"{H}3-5 pen. (2-0, 0-0){A}  [postponed]",  # a loose '.+ (CCC)' reads 'pen. …' as a name
        f"{H}3-5 pen (2-0){A}",
        f"{H}2-1 [cancelled]{A}",
        f"{H}-{A}",
        f"{H}1-1{A}  [cancelled]",
        "  Horoya AC 1-0 JS Kabylie",
    ],
)
def test_a_score_that_is_not_understood_is_never_a_club_name(line: str) -> None:
    parsed = parse_match(line)
    assert isinstance(parsed, str), parsed


def test_scores_that_cannot_all_be_true_are_reported() -> None:
    ok = parse_match(f"{H}5-4 pen. (2-0, 3-0){A}")
    assert isinstance(ok, MatchLine)
    assert score_problems(ok) == ["half-time score 3-0 is above full time 2-0"]
    level = parse_match(f"{H}4-4 pen. (1-1){A}")
    assert isinstance(level, MatchLine)
    assert score_problems(level) == ["the shoot-out ends level"]


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Round 1", "Round 1"),
        ("Qual. Round 2", "Qual. Round 2"),
        ("Group", "Group"),
        ("Decider", "Decider"),
        ("» Quarterfinals", "Quarterfinals"),
        ("this line is not football", None),
        ("Al Ahly SC (EGY) 2-1", None),
    ],
)
def test_round_headers_name_a_stage(line: str, name: str | None) -> None:
    assert round_name(line) == name


def _stamp(text: str) -> dates.Stamp:
    wd, rest = text.split()
    mon, day = rest.split("/")
    found = dates.stamp(wd, mon, day, None)
    assert isinstance(found, dates.Stamp)
    return found


def test_the_weekday_fixes_dates_whose_month_goes_back() -> None:
    span = dates.Span(dt.date(2006, 2, 17), dt.date(2006, 11, 11))
    assert dates.resolve(_stamp("Sat Apr/1"), span) == dt.date(2006, 4, 1)
    assert dates.resolve(_stamp("Fri Mar/31"), span) == dt.date(2006, 3, 31)


def test_the_weekday_picks_the_year_across_a_split_season() -> None:
    span = dates.Span(dt.date(2019, 8, 9), dt.date(2020, 11, 27))
    assert dates.resolve(_stamp("Sat Oct/17"), span) == dt.date(2020, 10, 17)
    assert dates.resolve(_stamp("Sat Aug/10"), span) == dt.date(2019, 8, 10)
    assert "date left unknown" in str(dates.resolve(_stamp("Tue Aug/10"), span))


def test_a_date_header_without_its_start_year() -> None:
    first, last = _stamp("Fri Aug/9"), dates.stamp("Fri", "Nov", "27", "2020")
    assert isinstance(last, dates.Stamp)
    assert dates.header_span(first, last, 476) == dates.Span(
        dt.date(2019, 8, 9), dt.date(2020, 11, 27)
    )
    assert dates.header_span(_stamp("Sun Jun/26"), dates.Stamp(5, 11, 12, 2005), 139) == (
        dates.Span(dt.date(2005, 6, 26), dt.date(2005, 11, 12))
    )
    wrong_weekday = dates.header_span(_stamp("Mon Jun/26"), dates.Stamp(5, 11, 12, 2005), 139)
    assert isinstance(wrong_weekday, str)


WIKI = "= 2012 CAF Confederation Cup qualifying rounds =\n\n==First round==\nA 1-0 B\n"
FTXT = "= CAF CL 2019/20\n\n# Date       Fri Aug/9 2019 - Fri Nov/27 2020 (476d)\n"


def test_dispatch_is_unambiguous() -> None:
    assert looks_like(FTXT) and not wikipedia.looks_like(FTXT)
    assert wikipedia.looks_like(WIKI) and not looks_like(WIKI)
    assert not looks_like("= CAF CL 2019/20\n\nsome prose\n")


def test_parse_text_dispatches_by_content() -> None:
    text = FTXT + "Final\n[Fri Nov/27]\n  21.00  Al Ahly SC (EGY)  2-1 (1-1)  Zamalek (EGY)\n"
    (season,) = parse_text(text, "any-name.txt")
    assert (season.competition, season.label) == ("CAF Champions League", "2019–20")
    assert season.ties[0].legs[0].date == dt.date(2020, 11, 27)


@pytest.mark.parametrize(
    ("text", "where", "reason"),
    [
        ("", 1, "empty"),
        ("Final\n= CAF CL 2019/20\n", 1, "no Football.TXT title"),
        ("= CAF CL 2019/20\n\nFinal\n", 1, "no match lines"),
        ("\n\n= CAF CL\n\nFinal\n[Fri Nov/27]\n  Al Ahly SC (EGY) 2-1 Zamalek (EGY)\n", 3, "year"),
    ],
)
def test_not_football_txt_at_all_is_a_parse_error(text: str, where: int, reason: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse(text, "x.txt")
    assert caught.value.source.line == where
    assert reason in caught.value.message


def test_a_named_group_keeps_its_name_and_a_bare_one_gets_none() -> None:
    body = (
        "[Sat Jul/15]\n  A FC (EGY)  1-0  B FC (TUN)\n[Sat Jul/29]\n  B FC (TUN)  2-2  A FC (EGY)\n"
    )
    for header, name in (("Group A", "Group A"), ("Group", None)):
        (season,) = parse(f"= CAF CL 2006\n\n{header}\n{body}", "g.txt")
        (group,) = season.rounds[0].groups
        assert (group.name, group.teams, len(group.matches)) == (name, ("A FC", "B FC"), 2)
        assert season.diagnostics == ()

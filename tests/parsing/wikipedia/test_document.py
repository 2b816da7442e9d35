"""Parser tests on the real season documents and on broken input."""

from __future__ import annotations

import contextlib
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.models import DecidedBy, Severity
from bot.parsing.documents import parse_file, parse_text
from bot.parsing.errors import ParseError
from bot.parsing.wikipedia.document import expected_ties, parse_document
from bot.parsing.wikipedia.lines import parse_leg, parse_scorers
from bot.parsing.wikipedia.results import parse_summary
from tests.paths import SEASONS


@pytest.fixture(scope="module")
def seasons():
    return {s.label: s for p in sorted(SEASONS.glob("*.txt")) for s in parse_file(p)}


def test_real_documents_tie_counts(seasons) -> None:
    counts = {label: [len(r.ties) for r in s.rounds] for label, s in seasons.items()}
    assert counts == {
        "2012": [16, 16, 8, 8],
        "2014": [21, 16, 8, 8],
        "2017": [20, 16, 16],
        "2023–24": [16, 16],
    }
    methods = Counter(t.decided_by for s in seasons.values() for t in s.ties)
    assert sum(methods.values()) == 185
    assert methods == {
        DecidedBy.AGGREGATE: 144,
        DecidedBy.PENALTIES: 18,
        DecidedBy.AWAY_GOALS: 17,
        DecidedBy.WALKOVER: 3,
        DecidedBy.WITHDRAWAL: 3,
    }


def test_real_documents_report_only_the_real_anomalies(seasons) -> None:
    messages = [str(d) for s in seasons.values() for d in s.diagnostics]
    assert len(messages) == 2, messages
    assert any("Singida United" in m and "Singida Fountain Gate" in m for m in messages)
    assert any("First round: 16 of the 20 ties" in m for m in messages)
    assert not any(
        d.severity is Severity.UNRECOGNIZED for s in seasons.values() for d in s.diagnostics
    )


def test_real_documents_titles_and_schedules(seasons) -> None:
    s = seasons["2023–24"]
    assert (s.competition, s.start_year, s.end_year) == ("CAF Confederation Cup", 2023, 2024)
    second = s.rounds[1]
    assert (second.first_leg, second.second_leg) == (
        "15–17 September 2023",
        "29 September – 1 October 2023",
    )
    assert seasons["2012"].rounds[2].second_leg == "11–13 May"
    assert ("Wydad AC", "MAR") in seasons["2012"].countries  # from the play-off seeding list


def test_simba_2012_unknown_opponents(seasons) -> None:
    simba = [t for t in seasons["2012"].ties if t.team1 == "Simba"]
    assert [(t.round_name, t.team2, t.aggregate, t.decided_by) for t in simba] == [
        ("Preliminary round", None, (3, 2), DecidedBy.AGGREGATE),
        ("First round", None, (3, 3), DecidedBy.AWAY_GOALS),
    ]


def test_walkover_after_played_first_leg(seasons) -> None:
    tie = next(t for t in seasons["2017"].ties if t.team1 == "Djoliba")
    assert (tie.team2, tie.winner_name, tie.decided_by) == (
        "Al-Masry",
        "Al-Masry",
        DecidedBy.WALKOVER,
    )
    assert [(leg.home_goals, leg.away_goals, leg.status.value) for leg in tie.legs] == [
        (2, 0, "played"),
        (None, None, "cancelled"),
    ]
    assert tie.aggregate is None
    assert tie.reason == "FIFA suspended the Malian Football Federation on 17 March 2017"


@pytest.mark.parametrize(
    ("line", "winner", "how", "agg", "pens"),
    [
        ("X won 2–1 on aggregate.", "X", DecidedBy.AGGREGATE, (2, 1), None),
        ("1–1 on aggregate. X won 3–0 on penalties.", "X", DecidedBy.PENALTIES, (1, 1), (3, 0)),
        ("1–1 on aggregate. X won the penalty shoot-out.", "X", DecidedBy.PENALTIES, (1, 1), None),
        (
            "1–1 on aggregate. X won the penalty shootout and advanced to the first round.",
            "X",
            DecidedBy.PENALTIES,
            (1, 1),
            None,
        ),
        ("2–2 on aggregate. X won on away goals.", "X", DecidedBy.AWAY_GOALS, (2, 2), None),
        (
            "3–3 on aggregate. X Y won on the away goals rule and advanced to the second round.",
            "X Y",
            DecidedBy.AWAY_GOALS,
            (3, 3),
            None,
        ),
        ("X won on walkover after Y withdrew.", "X", DecidedBy.WALKOVER, None, None),
        (
            "X advanced to the first round after Y Z withdrew.",
            "X",
            DecidedBy.WITHDRAWAL,
            None,
            None,
        ),
        ("X won 2–0 and advanced to the group stage.", "X", DecidedBy.AGGREGATE, (2, 0), None),
    ],
)
def test_summary_phrasings(line, winner, how, agg, pens) -> None:
    summary = parse_summary(line)
    assert summary is not None
    assert (summary.winner, summary.decided_by, summary.aggregate, summary.penalties) == (
        winner,
        how,
        agg,
        pens,
    )


@pytest.mark.parametrize(
    "line",
    [
        "The 16 winners of the play-off round advanced to the group stage.",
        "Winners advanced to the group stage.",
        "If the sides were level on aggregate after the second leg, the away goals rule applied.",
    ],
)
def test_prose_is_not_a_summary(line: str) -> None:
    assert parse_summary(line) is None


def test_leg_lines_and_prose() -> None:
    assert parse_leg("KVZ ZAN 2-1 BDI Le Messager Ngozi") is not None
    assert parse_leg("First legs: 17–19 February; Second legs: 2–4 March.") is None
    assert parse_leg("| Preliminary round | 10–12 February 2017 | 17–19 February 2017 |") is None


def test_scorers() -> None:
    goals = parse_scorers("Musharu 20', 90', Mupera 84' (pen.), Dube")
    assert goals is not None
    assert [(g.player, g.minute, g.penalty) for g in goals] == [
        ("Musharu", 20, False),
        ("Musharu", 90, False),
        ("Mupera", 84, True),
        ("Dube", None, False),
    ]
    assert parse_scorers("Abd. Traoré, A. Diarra 5'") is not None
    assert parse_scorers("12' 13' ((") is None


def test_expected_ties_from_prose() -> None:
    assert expected_ties("The first round included 32 teams: the 20 winners") == 16
    assert expected_ties("This was a knock-out stage of the 16 teams that advanced") == 8
    assert expected_ties("This was a knock-out stage of sixteen teams") == 8
    assert expected_ties("The draw was held in Cairo.") is None


@pytest.mark.parametrize(
    ("data", "line", "fragment"),
    [
        (b"", 1, "empty"),
        (b"hello\nworld\n", 1, "no title"),
        (b"= 2012 CAF Confederation Cup =\n\n==First round==\nnothing here.\n", 1, "no ties"),
        (b"= CAF Cup =\n", 1, "no season year"),
    ],
)
def test_broken_files_raise_parse_error_with_line(data, line, fragment) -> None:
    # Bytes that are not UTF-8 text never reach a reader: tests/pipeline covers them.
    with pytest.raises(ParseError) as info:
        parse_text(data.decode("utf-8"), "bad.txt")
    assert info.value.source.file == "bad.txt"
    assert info.value.source.line == line
    assert fragment in info.value.message


def test_truncated_and_overlong_lines_are_reported() -> None:
    good = (SEASONS / "caf-confederation-cup-2017-qualifying.txt").read_text("utf-8")
    cut = good[: good.index("Étoile du Congo won 3–0")]
    season = parse_document(cut + "\n" + "x" * 3_000_000 + "\n", "cut.txt")
    messages = [str(d) for d in season.diagnostics]
    assert any("no result line" in m for m in messages)
    assert any("line too long" in m for m in messages)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_text_parses_or_raises_parse_error(text: str) -> None:
    for doc in (text, "= 2040 CAF Cup =\n==First round==\n" + text):
        with contextlib.suppress(ParseError):
            parse_document(doc, "fuzz.txt")


def test_tie_lines_before_the_first_round_are_reported() -> None:
    doc = (
        "= 2041 CAF Confederation Cup qualifying rounds =\n"
        "Alpha won 2–1 on aggregate.\n"
        "==First round==\n"
        "Beta won 1–0 on aggregate.\n"
    )
    season = parse_document(doc, "pre.txt")
    assert [t.team1 for t in season.ties] == ["Beta"]
    assert [str(d) for d in season.diagnostics] == [
        "pre.txt:2: unrecognized: a tie line before the first ==Round== heading; skipped"
    ]

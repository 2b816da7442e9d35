"""The reader streams the text: the same lines, numbers and findings as splitting it whole.

Also the shortcuts that make a large document fast: the cheap character tests that skip a
recogniser must never skip one that could match, and a parse must make no reference
cycles (the cyclic collector is paused while it runs).
"""

from __future__ import annotations

import gc
import re
import sys

import pytest

from bot.parsing.wikipedia import lines as L
from bot.parsing.wikipedia import results
from bot.parsing.wikipedia import text as T
from bot.parsing.wikipedia.document import parse_document
from tests.paths import SEASONS

PIECES = ["a", "bb", "", " ", "\r", "\n", "\r\n", "\n\r", "=x=", "é", "–", "\u2028", "\x0c"]


def _documents() -> list[str]:
    return [p.read_text("utf-8") for p in sorted(SEASONS.glob("*.txt"))]


def _expected(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 64, T.CHUNK])
def test_lines_are_the_split_text_at_any_chunk_size(
    chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(T, "CHUNK", chunk)
    texts = ["", "\n", "\r", "\r\n", "a\r\r\nb", "a\rb\nc\r\n", "x\r"]
    texts += ["".join(PIECES[(i * 7 + j * 3) % len(PIECES)] for j in range(40)) for i in range(30)]
    for text in texts:
        assert list(T.lines(text)) == _expected(text), repr(text)
    for text in _documents():
        crlf = text.replace("\n", "\r\n")
        assert list(T.lines(text)) == _expected(text)
        assert list(T.lines(crlf)) == _expected(crlf)


def test_first_lines_are_splitlines() -> None:
    texts = ["", "a", "a\r", "\r\n" * 60, "x" * 10_000 + "\n" + "y\r\n" * 80, "\x0c\u2028" * 70]
    for text in texts + _documents():
        for count in (1, 50):
            assert T.first_lines(text, count) == text.splitlines()[:count]


def _findings(text: str) -> tuple[object, list[str]]:
    season = parse_document(text, "doc.txt")
    return season, [str(d) for d in season.diagnostics]


def test_line_endings_and_chunks_change_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    for text in _documents():
        expected = _findings(text)
        assert _findings(text.replace("\n", "\r\n")) == expected
        assert _findings(text.replace("\n", "\r")) == expected
        monkeypatch.setattr(T, "CHUNK", 5)
        assert _findings(text) == expected
        monkeypatch.undo()


def test_a_section_without_ties_leaves_nothing_behind() -> None:
    doc = (
        "= 2041 CAF Confederation Cup qualifying rounds =\n"
        "==Seeding==\n"
        "- MAR Wydad AC 20 pts\n"
        "a line nobody understands\n"
        "==First round==\n"
        "Alpha 1-0 Beta\n"
        "Beta 0-0 Alpha\n"
        "Alpha won 1–0 on aggregate.\n"
        "==Draw==\n"
        "- TUN Espérance 30 pts\n"
        "Gamma won 2–1 on aggregate.\n"
    )
    season = parse_document(doc, "doc.txt")
    assert [(r.name, r.order, [t.team1 for t in r.ties]) for r in season.rounds] == [
        ("First round", 1, ["Alpha"]),
        ("Draw", 2, ["Gamma"]),
    ]
    assert season.countries == (("Espérance", "TUN"),)
    assert season.diagnostics == ()


def test_a_round_without_its_own_dates_takes_them_from_a_schedule_table_anywhere() -> None:
    doc = (
        "= 2041 CAF Confederation Cup qualifying rounds =\n"
        "==First round==\n"
        "Alpha won 1–0 on aggregate.\n"
        "==Schedule==\n"
        "| Round | First leg | Second leg |\n"
        "| First round | 1 May 2041 | 8 May 2041 |\n"
    )
    (first,) = parse_document(doc, "doc.txt").rounds
    assert (first.first_leg, first.second_leg) == ("1 May 2041", "8 May 2041")


def _all_characters() -> str:
    return "".join(map(chr, range(sys.maxunicode + 1)))


def test_character_shortcuts_skip_no_possible_match() -> None:
    """Case-insensitive patterns match a few non-ASCII letters too (K for k, ı for i): the
    first-character and lower-case word tests must cover every character they match."""
    everything = _all_characters()
    for letter, shortcut in (("F", "Ff"), ("N", "Nn")):  # "First legs", "Note"
        assert set(re.findall(letter, everything, re.I)) == set(shortcut)
    assert L._SCHEDULE.pattern.startswith("^First") and L._NOTE.pattern.startswith("^(?:N")
    # the words parse_summary looks for in the lower-cased line before each search
    words = ("advanced", "after", "pen", "walk", "w/o", "away", "aggregate", "won")
    for letter in set("".join(words)):
        matched = re.findall(re.escape(letter), everything, re.I)
        assert {c.lower() for c in matched} == {letter}, letter


def test_summary_shortcuts_keep_every_phrasing() -> None:
    lines = [
        "Alpha won 2–1 on aggregate.",
        "1–1 on aggregate. Alpha won 4–3 on penalties.",
        "Alpha won 4–3 in a penalty shoot-out",
        "1–1 on aggregate. Alpha won on away goals.",
        "Alpha won on walk-over after Beta withdrew.",
        "Alpha won on w/o after Beta withdrew.",
        "Alpha advanced to the group stage after Beta withdrew.",
        "Alpha won 2–0 and advanced to the next round.",
        "ALPHA WON 2–1 ON AGGREGATE.",
        "Alpha won 2–1 on aggregate (\u212aelvin sign).",
        "Alpha won on wal\u212a-over after Beta withdrew.",
    ]
    got = [results.parse_summary(line) for line in lines]
    assert all(got), got
    assert got[-1] is not None and got[-1].decided_by.value == "walkover"


def test_a_parse_makes_no_reference_cycles() -> None:
    texts = _documents()
    texts.append("= 2041 CAF Cup =\n==First round==\nA XYZ 1-0 QQQ B\nA won 1–0.\n")
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        for text in texts:
            parse_document(text, "doc.txt")
        assert gc.collect() == 0
    finally:
        if enabled:
            gc.enable()

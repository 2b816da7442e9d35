"""Damaged pages: any edit of a good page parses with diagnostics or is a ParseError, no crash.

Lines are deleted, repeated, cut short or have one character replaced by a
token of the grammar (digits, hyphens, stars, brackets, "awd", "bye", a date
bracket), so the edits land inside the paths the reader actually takes.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bot.domain.models import Severity
from bot.parsing.errors import ParseError
from bot.parsing.rsssf.document import parse
from tests.paths import ROOT

PAGES = [
    ROOT / "data" / "seasons" / "rsssf" / "afcup2023.txt",
    *sorted(Path(__file__).parent.glob("cases/*.txt")),
]
TOKENS = [
    *"0123456789-*()[]:.\t ",
    "  ",
    "awd",
    " bye",
    "3-1p",
    "aet",
    "Group A",
    "(Sep 1 and 2)",
    "é",
]


def damage(lines: list[str], rng: random.Random) -> list[str]:
    lines = list(lines)
    for _ in range(rng.randint(1, 8)):
        i = rng.randrange(len(lines))
        roll = rng.random()
        if roll < 0.2:
            del lines[i]
        elif roll < 0.4:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif roll < 0.85 and lines[i]:
            j = rng.randrange(len(lines[i]))
            lines[i] = lines[i][:j] + rng.choice(TOKENS) + lines[i][j + 1 :]
        else:
            lines[i] = lines[i][: rng.randrange(len(lines[i]) + 1)]
        if not lines:
            break
    return lines


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_damaged_pages_never_crash(page: Path) -> None:
    rng = random.Random(page.name)
    good = page.read_text(encoding="utf-8").split("\n")
    parsed = 0
    for _ in range(15 if page.parent.name == "rsssf" else 40):
        text = "\n".join(damage(good, rng))
        try:
            seasons = parse(text, "damaged.txt")
        except ParseError as exc:
            assert str(exc).startswith("damaged.txt:")
            continue
        parsed += 1
        for season in seasons:
            for diagnostic in season.diagnostics:
                assert diagnostic.source.file == "damaged.txt" and diagnostic.source.line >= 1
                assert diagnostic.severity in (Severity.WARNING, Severity.UNRECOGNIZED)
    assert parsed > 0


def test_a_removed_tie_line_is_reported_not_lost() -> None:
    page = ROOT / "data" / "seasons" / "rsssf" / "afcup2023.txt"
    lines = page.read_text(encoding="utf-8").split("\n")
    lines[31] = lines[31].replace("0-4  0-5  0-9", "0-4  0-5  0:9")  # Zalan v Young Africans
    cl = parse("\n".join(lines), "afcup2023.txt")[0]
    assert [str(d) for d in cl.diagnostics] == [
        "afcup2023.txt:32: unrecognized: score '0:9' not understood in '0-4  0-5  0:9'"
    ]
    assert len(cl.rounds[0].ties) == 25

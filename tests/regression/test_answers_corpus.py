"""Every answer to a fixed corpus of console questions stays exactly as it was.

The corpus (``questions.txt``, 360+ lines: every command, every seed club,
loose and ambiguous names, bad input) is answered through the same path as
``python -m bot ask LINE --json``: the seeds are built into a database, the
catalog is read back and the engine answers.  A deliberate change of an
answer is recorded with ``TIEBOT_BLESS=1 pytest tests/regression``, which
refuses to run in CI (``CI`` set), so a normal run can never rewrite it.
"""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

import pytest

from bot.cli.commands import answer_json
from bot.cli.startup import engine_for
from bot.pipeline.build import build_database
from bot.storage.read import read_catalog
from tests.paths import CLUBS, SEASONS

HERE = Path(__file__).resolve().parent
QUESTIONS = HERE / "questions.txt"
EXPECTED = HERE / "answers.jsonl"


def _questions() -> list[str]:
    return QUESTIONS.read_text(encoding="utf-8").split("\n")[:-1]


def _answers(tmp: Path) -> list[str]:
    db = tmp / "corpus.sqlite3"
    build_database(SEASONS, db, CLUBS)
    engine = engine_for(asyncio.run(read_catalog(db)))
    return [
        json.dumps({"ask": q, **answer_json(engine.ask(q))}, ensure_ascii=False, sort_keys=True)
        for q in _questions()
    ]


def test_corpus_is_large_enough() -> None:
    questions = _questions()
    assert len(questions) >= 300
    assert len(set(questions)) == len(questions)


def test_answers_unchanged(tmp_path: Path) -> None:
    got = _answers(tmp_path)
    if os.environ.get("TIEBOT_BLESS"):
        if os.environ.get("CI"):
            pytest.fail("TIEBOT_BLESS is refused in CI: bless expected answers on purpose, locally")
        EXPECTED.write_text("\n".join(got) + "\n", encoding="utf-8")
        pytest.skip(f"wrote {len(got)} expected answers to {EXPECTED.name}")
    expected = EXPECTED.read_text(encoding="utf-8").split("\n")[:-1]
    assert len(got) == len(expected), "questions.txt and answers.jsonl differ in length: bless"
    changed = [json.loads(e)["ask"] for e, g in zip(expected, got, strict=True) if e != g]
    assert not changed, f"{len(changed)} answers changed, e.g. {changed[:5]}"

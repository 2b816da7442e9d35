"""Every command answered in English, French, Arabic and Portuguese, as reviewed.

``expected/<lang>/<slug>.md`` holds the answer to each question of ``questions.py`` in
each language, exactly as the console prints it (Arabic with its Unicode isolates, which
an editor does not show).  They were read and corrected by hand; the catalogs must keep
producing them.  After a deliberate change of wording or of a translation, rewrite them
with ``TIEBOT_BLESS=1 pytest tests/i18n`` and review the diff; blessing is refused in CI.
The console test runs ``python -m bot console --lang`` in-process over the shipped data.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.wording.speaker import Speaker
from tests.i18n.conftest import LANGS
from tests.i18n.questions import QUESTIONS
from tests.paths import CLUBS, DATA

EXPECTED = Path(__file__).resolve().parent / "expected"


def expected_file(lang: str, slug: str) -> Path:
    return EXPECTED / lang / f"{slug}.md"


def blessing() -> bool:
    if not os.environ.get("TIEBOT_BLESS"):
        return False
    if os.environ.get("CI"):
        pytest.fail("TIEBOT_BLESS is refused in CI: bless expected answers on purpose, locally")
    return True


@pytest.mark.parametrize("lang", LANGS)
def test_every_question_is_answered_as_reviewed(lang: str, shipped: Speaker) -> None:
    changed = []
    for q in QUESTIONS:
        got = shipped.ask(q.line, lang).to_markdown() + "\n"
        path = expected_file(lang, q.slug)
        if blessing():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(got, encoding="utf-8")
        elif not path.is_file() or path.read_text(encoding="utf-8") != got:
            changed.append(q.slug)
    if blessing():
        pytest.skip(f"wrote {len(QUESTIONS)} {lang} answers to {EXPECTED.name}/{lang}")
    assert not changed, f"{lang}: {len(changed)} answers differ from the reviewed ones: {changed}"


def test_no_expected_file_is_left_over() -> None:
    wanted = {expected_file(lang, q.slug) for lang in LANGS for q in QUESTIONS}
    assert set(EXPECTED.rglob("*.md")) == wanted


@pytest.mark.parametrize("lang", LANGS)
def test_the_console_prints_the_reviewed_answers(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for key in ("DISCORD_TOKEN", "DEV_GUILD_ID", "SHARD_COUNT", "SHARD_IDS", "LOG_LEVEL"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TIEBOT_DATA", str(DATA))
    monkeypatch.setenv("TIEBOT_DB", str(tmp_path / "tiebot.sqlite3"))
    monkeypatch.setenv("TIEBOT_CLUBS", str(CLUBS))
    monkeypatch.setenv("TIEBOT_STATE", str(tmp_path / "state"))
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(q.line + "\n" for q in QUESTIONS)))
    assert main(["console", "--lang", lang]) == 0
    out = capsys.readouterr().out
    want = "".join(
        expected_file(lang, q.slug).read_text(encoding="utf-8") + "\n" for q in QUESTIONS
    )
    assert out == want

"""Questions and records through ``python -m bot ask`` and the console, as a user runs them:
text, ``--json`` and ``--lang``, on every shipped document."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable

import pytest

from bot.__main__ import main
from bot.cli.console import run_console
from bot.cli.startup import load_engine
from bot.config import Settings
from tests.paths import CLUBS, DATA

Ask = Callable[..., tuple[int, str]]


@pytest.fixture
def ask(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Ask:
    """``python -m bot ask ARGV…`` in-process: (exit code, stdout)."""
    root = tmp_path_factory.getbasetemp() / "cli-questions"
    env = {"TIEBOT_DATA": str(DATA), "TIEBOT_DB": str(root / "tiebot.sqlite3"),
           "TIEBOT_CLUBS": str(CLUBS), "TIEBOT_STATE": str(root / "state")}  # fmt: skip
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)

    def run(*argv: str) -> tuple[int, str]:
        code = main(["ask", *argv])
        return code, capsys.readouterr().out

    return run


def test_a_question_without_a_slash(ask: Ask) -> None:
    code, out = ask("who", "knocked", "out", "Wydad", "in", "2022-23")
    assert code == 0
    line = '/tie "Wydad AC" 2022-23 Final competition:CL'
    assert out.startswith(f"**Wydad AC · 2022–23 · Final**\n\nUnderstood as `{line}`.")
    code, out = ask("--lang", "ar", "من فاز بدوري أبطال أفريقيا 2019")
    assert "فُهم السؤال على أنه \u2068`/season 2019 final competition:CL`\u2069." in out


def test_a_question_as_json(ask: Ask) -> None:
    code, out = ask("--json", "--lang", "pt", "quem eliminou o Petro em 2023")
    data = json.loads(out)
    assert code == 0 and data["command"] == "tie" and data["kind"] == "ok"
    assert data["query"]["understood"] == {
        "line": '/tie "Petro de Luanda" 2023 Quarterfinals competition:AFL',
        "command": "tie",
        "options": {"club": "Petro de Luanda", "season": "2023", "round": "Quarterfinals",
                    "competition": "AFL"},
        "lang": "pt",
    }  # fmt: skip
    assert [t["round"] for t in data["ties"]] == ["Quarterfinals"]
    # The round's name in the title is the Portuguese one; the ties keep the source's.
    assert data["text"].startswith("**Petro de Luanda · 2023 · Quartos de final**\n\nEntendido")
    code, out = ask("--json", "what is the weather")
    data = json.loads(out)
    assert data["kind"] == "not_found" and data["ties"] == []
    assert data["query"] == {"question": "what is the weather", "suggestions": []}


def test_records_as_json(ask: Ask) -> None:
    code, out = ask("--json", "/records CL")
    data = json.loads(out)
    assert code == 0 and data["command"] == "records"
    records = data["records"]
    assert records["ties"] > 900 and records["undecided"] >= 1
    best = records["biggest_wins"][0]
    tie = data["ties"][best["tie"]]
    assert (tie["season"], tie["round"], best["score"]) == ("2019–20", "Round 1", [16, 1])
    [ahly] = [t for t in records["titles"] if t["club"] == "Al-Ahly"]
    assert ahly["count"] == ahly["won"] == 9
    assert sorted(data["ties"][i]["season"] for i in ahly["ties"])[-1] == "2023–24"
    run = records["runs"][0]
    assert run["length"] >= 9 and data["ties"][run["first"]]["source"]["file"]
    for comeback in records["comebacks"]:
        first, score = comeback["first_leg"], comeback["score"]
        assert first[1] - first[0] >= 2 and score[0] >= score[1]
    code, text = ask("--lang", "fr", "/records CL")
    assert "__Plus larges victoires__" in text


def test_the_console_takes_questions_and_commands(ask: Ask) -> None:
    ask("/about")  # builds the database
    engine = load_engine(Settings.from_env(os.environ))
    out = io.StringIO()
    run_console(engine, io.StringIO("who won the 2019 champions league\ntie Simba 2012\n"), out)
    text = out.getvalue()
    assert "Understood as `/season 2019 final competition:CL`." in text
    assert "**Simba · 2012**" in text

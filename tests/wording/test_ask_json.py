"""The new commands through ``python -m bot ask`` (console text and ``--json``), on every
shipped document, as a user runs them."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from bot.__main__ import main
from tests.paths import CLUBS, DATA


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("ask")
    return {
        "TIEBOT_DATA": str(DATA),
        "TIEBOT_DB": str(root / "tiebot.sqlite3"),
        "TIEBOT_CLUBS": str(CLUBS),
        "TIEBOT_STATE": str(root / "state"),
    }


Ask = Callable[..., tuple[int, str]]


@pytest.fixture
def ask(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Ask:
    """``python -m bot ask ARGV…`` in-process: (exit code, stdout)."""
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)

    def run(*argv: str) -> tuple[int, str]:
        code = main(["ask", *argv])
        return code, capsys.readouterr().out

    return run


def test_group_as_json(ask: Ask) -> None:
    code, out = ask("--json", "/group 2022-23 Simba")
    assert code == 0
    data = json.loads(out)
    assert data["command"] == "group" and data["kind"] == "ok" and data["ties"] == []
    assert data["query"] == {"clubs": ["Simba"], "season": "2022–23", "round": None,
                             "competition": None}  # fmt: skip
    assert len(data["matches"]) == 12
    first = data["matches"][0]
    assert first["stage"] == "group" and first["group"] == "Group C"  # RSSSF's letter (merged)
    assert sorted(first["group_teams"]) == ["Horoya AC", "Raja Casablanca", "Simba SC", "Vipers SC"]
    assert first["source"]["file"] == "football-txt/caf-champions-league/2022-23.txt"
    assert "1. Raja Casablanca — P6 W5 D1 L0, goals 17–3, 16 pts" in data["text"]


def test_winners_as_text_and_json(ask: Ask) -> None:
    code, out = ask("/winners AFL")
    assert code == 0
    assert out.startswith("**Winners · African Football League**")
    assert "2023: **Mamelodi Sundowns** beat Wydad AC 3–2 on aggregate" in out
    code, out = ask("--json", "/winners CL")
    data = json.loads(out)
    assert data["query"]["competition"] == "CAF Champions League"
    finals = {t["season"]: t for t in data["ties"]}
    assert finals["2019–20"]["decided_by"] == "single_match"
    assert finals["2019–20"]["legs"][0]["extra_time"] is False
    undecided = finals["2018–19"]
    assert undecided["winner"] is None and undecided["decided_by"] == "unknown"
    assert [leg["status"] for leg in undecided["legs"]] == ["played", "cancelled"]
    assert {"file": "football-txt/caf-champions-league/2018-19.txt", "line": 196} in (
        undecided["sources"]
    )


def test_tie_json_has_stage_and_group_matches(ask: Ask) -> None:
    code, out = ask("--json", "/tie Al Ahly 2023-24")
    assert code == 0
    data = json.loads(out)
    assert [t["round"] for t in data["ties"]] == [
        "Qual. Round 2", "Quarterfinals", "Semifinals", "Final"]  # fmt: skip
    assert {t["stage"] for t in data["ties"]} == {"knockout"}
    assert len(data["matches"]) == 6
    assert all("Al Ahly SC" in (m["home"], m["away"]) for m in data["matches"])

"""``--lang`` for ``ask`` and ``console``: the answer's words change, the JSON fields do not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_cli import DOC_2012, Home, pipe, run


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Home:
    """A bot home in tmp_path, named to the bot through the environment (as in test_cli)."""
    found = Home(tmp_path)
    monkeypatch.chdir(tmp_path)
    for key in ("DISCORD_TOKEN", "DEV_GUILD_ID", "SHARD_COUNT", "SHARD_IDS", "LOG_LEVEL"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("TIEBOT_DATA", str(found.data))
    monkeypatch.setenv("TIEBOT_DB", str(found.db))
    monkeypatch.setenv("TIEBOT_CLUBS", str(tmp_path / "data" / "clubs.toml"))
    monkeypatch.setenv("TIEBOT_STATE", str(found.state))
    return found


ISOLATES = str.maketrans("", "", "\u2068\u2069")


def test_ask_in_each_language(home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    home.add(DOC_2012)
    texts = {}
    for lang in ("en", "fr", "ar", "pt"):
        code, out, _ = run(capsys, "ask", "/tie Zzyzx United 2012", "--lang", lang)
        assert code == 0
        texts[lang] = out.translate(ISOLATES)
    assert "No club matches 'Zzyzx United'." in texts["en"]
    assert "Aucun club ne correspond à «\xa0Zzyzx United\xa0»." in texts["fr"]
    assert "لا يوجد نادٍ يطابق «Zzyzx United»." in texts["ar"]
    assert "Nenhum clube corresponde a «Zzyzx United»." in texts["pt"]


def test_json_keeps_the_fields_and_localizes_the_text(
    home: Home, capsys: pytest.CaptureFixture[str]
) -> None:
    home.add(DOC_2012)
    found = {}
    for lang in ("en", "ar"):
        code, out, _ = run(capsys, "ask", "/season", "2099", "--json", "--lang", lang)
        assert code == 0
        found[lang] = json.loads(out)
    english, arabic = found["en"], found["ar"]
    assert arabic["lang"] == "ar" and english["lang"] == "en"
    for field in ("command", "kind", "query", "ties", "candidates"):
        assert arabic[field] == english[field]
    assert arabic["text"] != english["text"] and "\u2068" in arabic["text"]


def test_an_unknown_language_is_a_usage_error(
    home: Home, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "ask", "/help", "--lang", "xx")
    assert code == 2 and "--lang" in err


def test_console_answers_in_the_language_given(
    home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    home.add(DOC_2012)
    pipe(monkeypatch, "/tie Zzyzx\n/settings fr\n")
    code, out, _ = run(capsys, "console", "--lang", "pt")
    assert code == 0
    assert "Nenhum clube corresponde a «Zzyzx»." in out
    assert "A consola não guarda definições: inicie-a com --lang en|fr|ar|pt" in out

"""Settings: validation messages, .env parsing, precedence, and the token never leaking."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, Settings, parse_env

TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB"


def settings(**env: str) -> Settings:
    return Settings.from_env(env, None)


def error_of(**env: str) -> str:
    with pytest.raises(ConfigError) as info:
        settings(**env)
    return str(info.value)


def test_defaults_resolve_against_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    s = settings()
    assert s.token is None
    assert s.log_level == "INFO"
    assert s.dev_guild_id is None and s.shard_count is None and s.shard_ids is None
    assert s.data_dir == tmp_path / "data" / "seasons"
    assert s.db_path == tmp_path / "data" / "tiebot.sqlite3"
    assert s.clubs_file == tmp_path / "data" / "clubs.toml"
    assert s.state_dir == tmp_path / "data" / "state"
    assert s.api_base is None and s.gateway_url is None


def test_all_settings_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    s = settings(
        DISCORD_TOKEN=TOKEN,
        DEV_GUILD_ID="123456789012345678",
        LOG_LEVEL="debug",
        TIEBOT_DB="/var/tb/db.sqlite3",
        TIEBOT_DATA="seasons",
        TIEBOT_CLUBS="~/clubs.toml",
        TIEBOT_STATE="st",
        SHARD_COUNT="4",
        SHARD_IDS="0, 2,3",
        DISCORD_API_BASE="http://127.0.0.1:8080/api/v10/",
        DISCORD_GATEWAY_URL="ws://127.0.0.1:8081",
    )
    assert s.token == TOKEN
    assert s.dev_guild_id == 123456789012345678
    assert s.log_level == "DEBUG"
    assert s.db_path == Path("/var/tb/db.sqlite3")
    assert s.data_dir == tmp_path / "seasons"
    assert s.clubs_file == Path.home() / "clubs.toml"
    assert s.state_dir == tmp_path / "st"
    assert s.shard_count == 4 and s.shard_ids == (0, 2, 3)
    assert s.api_base == "http://127.0.0.1:8080/api/v10"
    assert s.gateway_url == "ws://127.0.0.1:8081"


def test_empty_values_mean_unset() -> None:
    s = settings(DISCORD_TOKEN="  ", DEV_GUILD_ID="", LOG_LEVEL="")
    assert s.token is None and s.dev_guild_id is None and s.log_level == "INFO"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"DEV_GUILD_ID": "my-server"}, "DEV_GUILD_ID must be a server ID"),
        ({"DEV_GUILD_ID": "0"}, "DEV_GUILD_ID must be a server ID"),
        ({"DEV_GUILD_ID": "-5"}, "DEV_GUILD_ID must be a server ID"),
        ({"LOG_LEVEL": "verbose"}, "LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR"),
        ({"SHARD_COUNT": "0"}, "SHARD_COUNT must be a whole number >= 1"),
        ({"SHARD_COUNT": "two"}, "SHARD_COUNT must be a whole number >= 1"),
        ({"SHARD_IDS": "0,1"}, "SHARD_IDS needs SHARD_COUNT"),
        ({"SHARD_COUNT": "2", "SHARD_IDS": "0,x"}, "comma-separated list of numbers"),
        ({"SHARD_COUNT": "2", "SHARD_IDS": "1,2"}, "SHARD_IDS must be within 0..1"),
        ({"SHARD_COUNT": "2", "SHARD_IDS": "-1"}, "comma-separated list of numbers"),
        ({"SHARD_COUNT": "3", "SHARD_IDS": "1,1"}, "lists a shard twice"),
        ({"DISCORD_API_BASE": "discord.com/api"}, "DISCORD_API_BASE must be a URL"),
        ({"DISCORD_GATEWAY_URL": "http://x"}, "DISCORD_GATEWAY_URL must be a URL"),
    ],
)
def test_validation_messages(env: dict[str, str], expected: str) -> None:
    assert expected in error_of(**env)


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        (f"Bot {TOKEN}", "without a 'Bot ' prefix"),
        (TOKEN[:30] + " " + TOKEN[30:], "contains spaces"),
        (TOKEN[:30] + "\t" + TOKEN[30:], "contains spaces"),
        ("abc123secret", "too short"),
        (TOKEN[:-3] + "!@$", "only letters, digits"),
    ],
)
def test_malformed_token_is_rejected_without_echoing_it(token: str, expected: str) -> None:
    message = error_of(DISCORD_TOKEN=token)
    assert expected in message
    for piece in (token, token.strip(), TOKEN[:12], TOKEN[-12:], "abc123secret"):
        assert piece not in message


def test_token_never_in_repr_or_str() -> None:
    s = settings(DISCORD_TOKEN=TOKEN)
    for text in (repr(s), str(s), f"{s}", f"{s!r}"):
        assert TOKEN not in text
        assert TOKEN[:10] not in text
        assert "token" not in text.lower()
    assert "log_level='INFO'" in repr(s)


def test_env_file_parsing(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text(
        "# comment line\n"
        "\n"
        f"DISCORD_TOKEN={TOKEN}\n"
        "export LOG_LEVEL=warning\n"
        "DEV_GUILD_ID = 42   # inline comment\n"
        "TIEBOT_DATA='/srv/my seasons # not a comment'\n"
        'TIEBOT_DB="/srv/db \\"x\\".sqlite3"  # trailing\n'
        "TIEBOT_STATE=/srv/st#ate\n",
        encoding="utf-8",
    )
    s = Settings.from_env({}, env)
    assert s.token == TOKEN
    assert s.log_level == "WARNING"
    assert s.dev_guild_id == 42
    assert s.data_dir == Path("/srv/my seasons # not a comment")
    assert s.db_path == Path('/srv/db "x".sqlite3')
    assert s.state_dir == Path("/srv/st#ate")


def test_environment_wins_over_env_file(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text("LOG_LEVEL=ERROR\nDEV_GUILD_ID=1\n", encoding="utf-8")
    s = Settings.from_env({"LOG_LEVEL": "DEBUG"}, env)
    assert s.log_level == "DEBUG"
    assert s.dev_guild_id == 1


def test_missing_env_file_is_fine(tmp_path: Path) -> None:
    assert Settings.from_env({}, tmp_path / "nope.env").log_level == "INFO"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"DISCORD_TOKEN {TOKEN}\n", ".env:1: expected KEY=VALUE"),
        (f"# c\nDISCORD_TOKEN='{TOKEN}\n", ".env:2: unterminated ' quote"),
        (f'DISCORD_TOKEN="{TOKEN}" junk\n', ".env:1: unexpected text after the closing quote"),
        ("1KEY=x\n", ".env:1: expected KEY=VALUE"),
    ],
)
def test_malformed_env_file_names_the_line_not_the_content(text: str, expected: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_env(text, ".env")
    assert str(info.value) == expected
    assert TOKEN[:12] not in str(info.value)


def test_bad_token_in_env_file_is_not_echoed(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text("DISCORD_TOKEN=short-secret\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        Settings.from_env({}, env)
    assert "too short" in str(info.value)
    assert "short-secret" not in str(info.value)


def test_unreadable_env_file(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_bytes(b"KEY=\xff\xfe\n")
    with pytest.raises(ConfigError, match="cannot read"):
        Settings.from_env({}, env)

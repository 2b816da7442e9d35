"""The HTTP and reload settings: defaults, validation, and the id secret never shown."""

from __future__ import annotations

import pytest

from bot.config import ConfigError, Settings

KEY = "0f" * 32


def test_defaults():
    s = Settings.from_env({})
    assert (s.public_key, s.http_host, s.http_port, s.http_workers) == (None, "127.0.0.1", 8080, 1)
    assert (s.http_max_age, s.http_max_body_kb, s.http_concurrency, s.reload) == (
        60, 1024, 64, "watch")  # fmt: skip


def test_values_are_read():
    s = Settings.from_env({"DISCORD_PUBLIC_KEY": KEY.upper(), "TIEBOT_HTTP_PORT": "9000",
                           "TIEBOT_HTTP_WORKERS": "4", "TIEBOT_RELOAD": "SIGHUP",
                           "TIEBOT_ID_SECRET": "s3cret-s3cret-s3cret"})  # fmt: skip
    assert (s.public_key, s.http_port, s.http_workers, s.reload) == (KEY, 9000, 4, "sighup")
    assert "s3cret" not in repr(s) and "s3cret" not in str(s)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("DISCORD_PUBLIC_KEY", "abc", "64 hexadecimal"),
        ("DISCORD_PUBLIC_KEY", "zz" * 32, "64 hexadecimal"),
        ("TIEBOT_HTTP_PORT", "70000", "from 0 to 65535"),
        ("TIEBOT_HTTP_WORKERS", "0", "from 1 to 64"),
        ("TIEBOT_HTTP_MAX_AGE", "-5", "from 1 to 3600"),
        ("TIEBOT_HTTP_CONCURRENCY", "many", "whole number"),
        ("TIEBOT_RELOAD", "sometimes", "watch, sighup, off"),
        ("TIEBOT_ID_SECRET", "xyzzy-q", "too short"),
    ],
)
def test_bad_values_are_explained(key, value, message):
    with pytest.raises(ConfigError, match=message) as caught:
        Settings.from_env({key: value})
    if key == "TIEBOT_ID_SECRET":
        assert value not in str(caught.value)

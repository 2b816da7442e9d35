"""Settings: read once from the environment (and an optional ``.env``), validated up front.

Every setting is checked before anything starts so a host gets one clear
message instead of a crash deep inside discord.py.  Nothing here reads the
environment at import time, and the token never appears in ``repr``, ``str``
or any error message (hosts paste those into bug reports).
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
MIN_TOKEN_LENGTH = 24
_TOKEN_CHARS = re.compile(r"[A-Za-z0-9._\-]+")
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

DEFAULT_DATA = "data/seasons"
DEFAULT_DB = "data/tiebot.sqlite3"
DEFAULT_CLUBS = "data/clubs.toml"
DEFAULT_STATE = "data/state"
DEFAULT_MAX_DOCUMENT_MB = 50
DEFAULT_HTTP_HOST = "127.0.0.1"
# field: (variable, default, lowest, highest); http_max_age is the replay window in seconds
_NUMBERS: dict[str, tuple[str, int, int, int]] = {
    "http_port": ("TIEBOT_HTTP_PORT", 8080, 0, 65535),
    "http_workers": ("TIEBOT_HTTP_WORKERS", 1, 1, 64),
    "http_max_age": ("TIEBOT_HTTP_MAX_AGE", 60, 1, 3600),
    "http_max_body_kb": ("TIEBOT_HTTP_MAX_BODY_KB", 1024, 16, 65536),
    "http_concurrency": ("TIEBOT_HTTP_CONCURRENCY", 64, 1, 10_000),
}
RELOAD_MODES = ("watch", "sighup", "off")
MIN_SECRET_LENGTH = 16


class ConfigError(Exception):
    """A setting is missing or malformed; the message says which and how to fix it."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the bot needs to start; ``token`` is None in console mode."""

    token: str | None = field(default=None, repr=False)
    dev_guild_id: int | None = None
    log_level: str = "INFO"
    db_path: Path = Path(DEFAULT_DB)
    data_dir: Path = Path(DEFAULT_DATA)
    clubs_file: Path = Path(DEFAULT_CLUBS)
    shard_count: int | None = None
    shard_ids: tuple[int, ...] | None = None
    state_dir: Path = Path(DEFAULT_STATE)
    api_base: str | None = None
    gateway_url: str | None = None
    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_MB * 1_000_000
    public_key: str | None = None  # the application's Ed25519 key, hex (HTTP interactions)
    id_secret: str | None = field(default=None, repr=False)  # signs component custom ids
    http_host: str = DEFAULT_HTTP_HOST
    http_port: int = 8080
    http_workers: int = 1
    http_max_age: int = 60
    http_max_body_kb: int = 1024
    http_concurrency: int = 64
    reload: str = "watch"

    def __str__(self) -> str:
        return repr(self)

    @classmethod
    def from_env(cls, environ: Mapping[str, str], env_file: Path | None = None) -> Settings:
        """Settings from ``environ`` over ``env_file`` (the real environment wins).

        A missing ``env_file`` is fine (hosts often have none); a malformed
        one is an error naming the line, never its content.
        """
        values: dict[str, str] = {}
        if env_file is not None and env_file.is_file():
            values.update(read_env_file(env_file))
        values.update(environ)

        def get(key: str) -> str | None:
            raw = values.get(key)
            if raw is None or not raw.strip():
                return None
            return raw.strip()

        shard_count = _shard_count(get("SHARD_COUNT"))
        return cls(
            token=_token(values.get("DISCORD_TOKEN")),
            dev_guild_id=_guild_id(get("DEV_GUILD_ID")),
            log_level=_log_level(get("LOG_LEVEL")),
            db_path=_path(get("TIEBOT_DB"), DEFAULT_DB),
            data_dir=_path(get("TIEBOT_DATA"), DEFAULT_DATA),
            clubs_file=_path(get("TIEBOT_CLUBS"), DEFAULT_CLUBS),
            shard_count=shard_count,
            shard_ids=_shard_ids(get("SHARD_IDS"), shard_count),
            state_dir=_path(get("TIEBOT_STATE"), DEFAULT_STATE),
            api_base=_url(get("DISCORD_API_BASE"), "DISCORD_API_BASE", ("http://", "https://")),
            gateway_url=_url(
                get("DISCORD_GATEWAY_URL"), "DISCORD_GATEWAY_URL", ("ws://", "wss://")
            ),
            max_document_bytes=_megabytes(get("TIEBOT_MAX_DOCUMENT_MB"), "TIEBOT_MAX_DOCUMENT_MB"),
            public_key=_public_key(get("DISCORD_PUBLIC_KEY")),
            id_secret=_secret(values.get("TIEBOT_ID_SECRET")),
            http_host=get("TIEBOT_HTTP_HOST") or DEFAULT_HTTP_HOST,
            **{name: _number(get(key), key, *limits) for name, (key, *limits) in _NUMBERS.items()},
            reload=_reload(get("TIEBOT_RELOAD")),
        )


def read_env_file(path: Path) -> dict[str, str]:
    """Parse a ``.env`` file: ``KEY=VALUE`` lines, ``#`` comments, optional quotes/``export``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {type(exc).__name__}") from None
    return parse_env(text, str(path))


def parse_env(text: str, name: str = ".env") -> dict[str, str]:
    """The ``KEY=VALUE`` pairs of a ``.env`` text; later lines override earlier ones."""
    result: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("export "):
            line = line[len("export ") :].lstrip()
        key, sep, value = line.partition("=")
        key = key.strip()
        if not sep or not _KEY.fullmatch(key):
            raise ConfigError(f"{name}:{number}: expected KEY=VALUE")
        result[key] = _env_value(value.strip(), f"{name}:{number}")
    return result


def _env_value(value: str, where: str) -> str:
    """Unquote a value: '...' is literal, "..." knows backslash escapes, bare drops `` #...``."""
    if value[:1] in ("'", '"'):
        quote = value[0]
        end = _closing_quote(value, quote)
        if end < 0:
            raise ConfigError(f"{where}: unterminated {quote} quote")
        rest = value[end + 1 :].strip()
        if rest and not rest.startswith("#"):
            raise ConfigError(f"{where}: unexpected text after the closing quote")
        inner = value[1:end]
        if quote == "'":
            return inner
        escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
        return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(0)), inner)
    comment = re.search(r"\s#", value)
    return value[: comment.start()].rstrip() if comment else value


def _closing_quote(value: str, quote: str) -> int:
    i = 1
    while i < len(value):
        if quote == '"' and value[i] == "\\":
            i += 2
            continue
        if value[i] == quote:
            return i
        i += 1
    return -1


def _token(raw: str | None) -> str | None:
    """Check the token's shape without ever echoing it."""
    if raw is None or not raw.strip():
        return None
    token = raw.strip()
    if token.lower().startswith("bot "):
        raise ConfigError(
            "DISCORD_TOKEN must be the bare bot token, without a 'Bot ' prefix "
            "(copy it from the Developer Portal, Bot tab, Reset Token)"
        )
    if any(ch.isspace() for ch in token):
        raise ConfigError("DISCORD_TOKEN is malformed: it contains spaces or line breaks")
    if len(token) < MIN_TOKEN_LENGTH:
        raise ConfigError(
            f"DISCORD_TOKEN is malformed: too short ({len(token)} characters, "
            f"a bot token has at least {MIN_TOKEN_LENGTH})"
        )
    if not _TOKEN_CHARS.fullmatch(token):
        raise ConfigError(
            "DISCORD_TOKEN is malformed: only letters, digits, '.', '_' and '-' are allowed"
        )
    return token


def _guild_id(raw: str | None) -> int | None:
    if raw is None:
        return None
    if not raw.isascii() or not raw.isdigit() or int(raw) == 0:
        raise ConfigError(
            f"DEV_GUILD_ID must be a server ID (a positive number), got {raw!r}; "
            "enable Developer Mode in Discord and use Copy Server ID"
        )
    return int(raw)


def _log_level(raw: str | None) -> str:
    if raw is None:
        return "INFO"
    level = raw.upper()
    if level not in LOG_LEVELS:
        raise ConfigError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, got {raw!r}")
    return level


def _shard_count(raw: str | None) -> int | None:
    if raw is None:
        return None
    if not raw.isascii() or not raw.isdigit() or int(raw) < 1:
        raise ConfigError(f"SHARD_COUNT must be a whole number >= 1, got {raw!r}")
    return int(raw)


def _shard_ids(raw: str | None, shard_count: int | None) -> tuple[int, ...] | None:
    if raw is None:
        return None
    if shard_count is None:
        raise ConfigError("SHARD_IDS needs SHARD_COUNT (the total number of shards)")
    parts = [p.strip() for p in raw.split(",")]
    if not all(p.isascii() and p.isdigit() for p in parts):
        raise ConfigError(f"SHARD_IDS must be a comma-separated list of numbers, got {raw!r}")
    ids = tuple(int(p) for p in parts)
    bad = [i for i in ids if i >= shard_count]
    if bad:
        raise ConfigError(
            f"SHARD_IDS must be within 0..{shard_count - 1} (SHARD_COUNT={shard_count}), "
            f"got {', '.join(map(str, bad))}"
        )
    if len(set(ids)) != len(ids):
        raise ConfigError(f"SHARD_IDS lists a shard twice: {raw!r}")
    return ids


def _megabytes(raw: str | None, key: str) -> int:
    """A size in whole megabytes (10^6 bytes), as bytes."""
    if raw is None:
        return DEFAULT_MAX_DOCUMENT_MB * 1_000_000
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= 100_000:
        raise ConfigError(f"{key} must be a whole number of megabytes (1 to 100000), got {raw!r}")
    return int(raw) * 1_000_000


def _number(raw: str | None, key: str, default: int, low: int, high: int) -> int:
    """A whole number within ``low..high``; ``default`` when unset."""
    if raw is None:
        return default
    if not raw.isascii() or not raw.isdigit() or not low <= int(raw) <= high:
        raise ConfigError(f"{key} must be a whole number from {low} to {high}, got {raw!r}")
    return int(raw)


def _public_key(raw: str | None) -> str | None:
    """The Developer Portal's "Public Key": 64 hexadecimal characters (32 bytes)."""
    if raw is not None and (len(raw) != 64 or raw.strip(string.hexdigits)):
        raise ConfigError(
            "DISCORD_PUBLIC_KEY must be the application's public key as the Developer Portal "
            f"shows it (General Information, 64 hexadecimal characters), got {len(raw)} characters"
        )
    return raw.lower() if raw else None


def _secret(raw: str | None) -> str | None:
    """A shared secret, checked for length only and never echoed."""
    secret = raw.strip() if raw else ""
    if secret and len(secret) < MIN_SECRET_LENGTH:
        raise ConfigError(
            f"TIEBOT_ID_SECRET is too short: use {MIN_SECRET_LENGTH}+ random characters"
        )
    return secret or None


def _reload(raw: str | None) -> str:
    mode = (raw or "watch").lower()
    if mode not in RELOAD_MODES:
        raise ConfigError(f"TIEBOT_RELOAD must be one of {', '.join(RELOAD_MODES)}, got {raw!r}")
    return mode


def _path(raw: str | None, default: str) -> Path:
    """Relative paths resolve against the current directory, once, at start."""
    path = Path(raw or default).expanduser()
    return path if path.is_absolute() else Path.cwd() / path


def _url(raw: str | None, key: str, schemes: tuple[str, ...]) -> str | None:
    if raw is None:
        return None
    if not raw.lower().startswith(schemes) or any(ch.isspace() for ch in raw):
        raise ConfigError(f"{key} must be a URL starting with {' or '.join(schemes)}, got {raw!r}")
    return raw.rstrip("/")

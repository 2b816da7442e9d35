"""Start-up decides "rebuild or not" without reading unchanged documents or oversize files."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from bot.pipeline import fingerprint
from bot.pipeline.build import build_database
from bot.pipeline.documents import DEFAULT_MAX_BYTES
from tests.paths import CLUBS, SEASONS

F2014 = "caf-confederation-cup-2014-qualifying.txt"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """Seeds and clubs last modified an hour ago (older than the racy window)."""
    shutil.copytree(SEASONS, tmp_path / "seasons")
    shutil.copy(CLUBS, tmp_path / "clubs.toml")
    hour_ago = time.time() - 3600
    for path in (*(tmp_path / "seasons").iterdir(), tmp_path / "clubs.toml"):
        os.utime(path, (hour_ago, hour_ago))
    return tmp_path


def _digests(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files hashed from now on."""
    seen: list[str] = []
    real = fingerprint.file_digest

    def counting(path: Path, max_bytes: int) -> str:
        seen.append(path.name)
        return real(path, max_bytes)

    monkeypatch.setattr(fingerprint, "file_digest", counting)
    return seen


def _stale(home: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bool:
    return fingerprint.database_is_stale(
        home / "db.sqlite3", home / "seasons", home / "clubs.toml", max_bytes
    )


def test_unchanged_documents_are_not_read(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_database(home / "seasons", home / "db.sqlite3", home / "clubs.toml")
    read = _digests(monkeypatch)
    assert not _stale(home)
    assert read == ["clubs.toml"]  # a few hundred bytes, always hashed

    read.clear()
    os.utime(home / "seasons" / F2014)  # touched: same size, new mtime, same bytes
    assert not _stale(home)
    assert read == [F2014, "clubs.toml"]  # only the touched file is hashed again

    read.clear()
    doc = home / "seasons" / F2014
    doc.write_bytes(doc.read_bytes().replace(b"Libaya 70'", b"Libaya 71'"))  # same size
    assert _stale(home)
    assert read == [F2014, "clubs.toml"]


def test_a_file_over_the_cap_is_never_read(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    junk = home / "seasons" / "junk.txt"
    with junk.open("wb") as f:
        f.truncate(3_000_000)
    opened: list[str] = []
    real_open = fingerprint.open_regular

    def watching(path: Path) -> object:
        opened.append(path.name)
        return real_open(path)

    monkeypatch.setattr(fingerprint, "open_regular", watching)
    report = build_database(home / "seasons", home / "db.sqlite3", home / "clubs.toml", 2_000_000)
    assert [str(f) for f in report.failed] == [
        "junk.txt: error: file is 3.0 MB, over the 2.0 MB limit for a season document"
        " (TIEBOT_MAX_DOCUMENT_MB raises it)"
    ]
    assert not _stale(home, 2_000_000)
    with junk.open("r+b") as f:
        f.truncate(3_500_000)  # still too large: stale (its size is part of the fingerprint)
    assert _stale(home, 2_000_000)
    assert "junk.txt" not in opened
    assert _stale(home, 4_000_000)  # another cap: another build


def test_recently_modified_files_are_hashed_again(tmp_path: Path) -> None:
    """A file written in the same clock tick as the scan could change unseen: not trusted."""
    shutil.copytree(SEASONS, tmp_path / "seasons", copy_function=shutil.copy)  # mtimes: now
    docs = sorted((tmp_path / "seasons").iterdir())
    inputs = fingerprint.scan_inputs(
        [fingerprint.Document(p, p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in docs],
        CLUBS,
        DEFAULT_MAX_BYTES,
    )
    assert fingerprint._cached(inputs.meta()) == {}
    old = fingerprint.Inputs(inputs.fingerprint, inputs.records, time.time_ns() + 10**10)
    assert set(fingerprint._cached(old.meta())) == {p.name for p in docs}


def test_the_code_that_builds_is_part_of_the_fingerprint() -> None:
    version = fingerprint.code_version()
    assert len(version) == 64 and version == fingerprint.code_version()
    fingerprint.code_version.cache_clear()
    assert fingerprint.code_version() == version

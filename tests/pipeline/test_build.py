"""Building from the real documents, skipping bad files, and cheap staleness checks."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from bot.parsing.documents import parse_file
from bot.pipeline.build import build_database
from bot.pipeline.documents import DEFAULT_MAX_BYTES, list_documents
from bot.pipeline.fingerprint import database_is_stale as is_stale
from bot.pipeline.fingerprint import scan_inputs
from bot.pipeline.report import LoadError
from bot.storage.read import read_catalog, read_meta_sync
from tests.paths import CLUBS, SEASONS

F2012 = "caf-confederation-cup-2012-qualifying.txt"
F2014 = "caf-confederation-cup-2014-qualifying.txt"
F2017 = "caf-confederation-cup-2017-qualifying.txt"
F2324 = "caf-confederation-cup-2023-24-qualifying.txt"


def database_is_stale(db: Path, data_dir: Path, clubs: Path) -> bool:
    return is_stale(db, data_dir, clubs, DEFAULT_MAX_BYTES)


def data_fingerprint(data_dir: Path, clubs: Path) -> str:
    return scan_inputs(list_documents(data_dir), clubs, DEFAULT_MAX_BYTES).fingerprint


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A private copy of the real documents, safe to edit."""
    target = tmp_path / "seasons"
    shutil.copytree(SEASONS, target)
    return target


@pytest.fixture
def clubs(tmp_path: Path) -> Path:
    target = tmp_path / "clubs.toml"
    shutil.copy(CLUBS, target)
    return target


async def test_real_documents(tmp_path: Path) -> None:
    db = tmp_path / "tiebot.sqlite3"
    report = build_database(SEASONS, db, CLUBS)
    assert report.failed == ()
    assert report.ties == 185
    assert [s.label for s in report.seasons] == ["2012", "2014", "2017", "2023–24"]
    catalog = await read_catalog(db)
    counts = {s.label: [len(r.ties) for r in s.rounds] for s in catalog.seasons}
    assert counts == {
        "2012": [16, 16, 8, 8],
        "2014": [21, 16, 8, 8],
        "2017": [20, 16, 16],
        "2023–24": [16, 16],
    }
    assert len(catalog.entries) == 185
    parsed = [s for p in sorted(SEASONS.glob("*.txt")) for s in parse_file(p)]
    assert list(catalog.seasons) == parsed  # the real data round-trips exactly
    assert [s.diagnostics for s in catalog.seasons] == [s.diagnostics for s in parsed]
    assert not database_is_stale(db, SEASONS, CLUBS)
    assert report.elapsed > 0 and report.db_path == db and report.documents == 4


def _write_bad_files(data_dir: Path) -> dict[str, int]:
    """A truncated, a binary and a Latin-1 document; returns the line each must be reported at."""
    (data_dir / F2017).unlink(missing_ok=True)
    text = (SEASONS / F2017).read_text(encoding="utf-8")
    (data_dir / "truncated.txt").write_text(text[:200], encoding="utf-8")  # title, no ties
    (data_dir / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin = (SEASONS / F2012).read_text(encoding="utf-8").replace("2012", "2019")
    (data_dir / "latin1.txt").write_bytes(latin.encode("latin-1", errors="replace"))
    first_accent = next(i for i, line in enumerate(latin.splitlines(), 1) if "É" in line)
    return {"binary.txt": 3, "latin1.txt": first_accent}  # NUL after two newlines


async def test_bad_files_are_reported_and_skipped(
    tmp_path: Path, data_dir: Path, clubs: Path
) -> None:
    lines = _write_bad_files(data_dir)
    db = tmp_path / "tiebot.sqlite3"
    report = build_database(data_dir, db, clubs)
    failed = {f.file: f for f in report.failed}
    assert set(failed) == {"binary.txt", "latin1.txt", "truncated.txt"}
    assert failed["binary.txt"].line == lines["binary.txt"]
    assert "binary" in failed["binary.txt"].reason
    assert failed["latin1.txt"].line == lines["latin1.txt"]
    assert "UTF-8" in failed["latin1.txt"].reason
    assert failed["truncated.txt"].line >= 1 and failed["truncated.txt"].reason
    assert [s.label for s in report.seasons] == ["2012", "2014", "2023–24"]
    assert str(failed["binary.txt"]) == "binary.txt:3: error: binary data (NUL byte)"
    catalog = await read_catalog(db)
    assert len(catalog.entries) == 185 - 52
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT origin, file, line, severity, message FROM diagnostics")
        assert ("loader", "binary.txt", 3, "error", failed["binary.txt"].reason) in set(stored)


async def test_all_files_bad_leaves_db_untouched(
    tmp_path: Path, data_dir: Path, clubs: Path
) -> None:
    db = tmp_path / "tiebot.sqlite3"
    build_database(data_dir, db, clubs)
    before = db.read_bytes()
    for p in data_dir.glob("*.txt"):
        p.unlink()
    _write_bad_files(data_dir)
    (data_dir / "truncated.txt").write_text("= 2015 Cup =\n", encoding="utf-8")
    with pytest.raises(LoadError, match="no season document could be loaded") as info:
        build_database(data_dir, db, clubs)
    assert "\n" not in str(info.value) and "binary.txt:3:" in str(info.value)
    assert info.value.report is not None and len(info.value.report.failed) == 3
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clubs.toml", "seasons", "tiebot.sqlite3"]


def test_no_documents_or_no_directory(tmp_path: Path, clubs: Path) -> None:
    db = tmp_path / "tiebot.sqlite3"
    with pytest.raises(LoadError, match="does not exist"):
        build_database(tmp_path / "missing", db, clubs)
    (tmp_path / "empty").mkdir()
    with pytest.raises(LoadError, match=r"no season documents \(\*\.txt\)"):
        build_database(tmp_path / "empty", db, clubs)
    assert not db.exists()


async def test_duplicate_season_keeps_first(tmp_path: Path, data_dir: Path, clubs: Path) -> None:
    shutil.copy(data_dir / F2014, data_dir / "zz-copy-of-2014.txt")
    db = tmp_path / "tiebot.sqlite3"
    report = build_database(data_dir, db, clubs)
    assert [str(f) for f in report.failed] == [
        f"zz-copy-of-2014.txt:1: error: duplicate season 'CAF Confederation Cup 2014',"
        f" already loaded from {F2014}"
    ]
    assert report.ties == 185
    assert {s.source_file for s in (await read_catalog(db)).seasons} == {
        F2012, F2014, F2017, F2324,
    }  # fmt: skip


async def test_bad_clubs_file_leaves_db_untouched(
    tmp_path: Path, data_dir: Path, clubs: Path
) -> None:
    db = tmp_path / "tiebot.sqlite3"
    build_database(data_dir, db, clubs)
    before = db.read_bytes()
    clubs.write_text('[[club]]\nname = "X"\ncountry = "Egypt"\n', encoding="utf-8")
    with pytest.raises(LoadError, match=r"cannot use clubs file .*country must be") as info:
        build_database(data_dir, db, clubs)
    assert "\n" not in str(info.value)
    assert db.read_bytes() == before


async def test_curated_clubs_are_stored(tmp_path: Path, data_dir: Path) -> None:
    clubs = tmp_path / "clubs.toml"
    clubs.write_text(
        '[[club]]\nname = "Simba SC"\ncountry = "TAN"\naliases = ["Simba"]\n'
        'nicknames = ["Wekundu wa Msimbazi"]\n',
        encoding="utf-8",
    )
    db = tmp_path / "tiebot.sqlite3"
    build_database(data_dir, db, clubs)
    catalog = await read_catalog(db)
    simba = catalog.club_for("Simba")
    assert simba is not None and simba.name == "Simba SC" and simba.country == "TAN"
    assert "Wekundu wa Msimbazi" in simba.nicknames


def test_missing_clubs_file_is_a_warning(tmp_path: Path, data_dir: Path) -> None:
    report = build_database(data_dir, tmp_path / "db.sqlite3", tmp_path / "none.toml")
    assert report.ties == 185
    assert any("clubs file not found" in str(d) for d in report.diagnostics)


async def test_staleness(tmp_path: Path, data_dir: Path, clubs: Path) -> None:
    db = tmp_path / "tiebot.sqlite3"
    assert database_is_stale(db, data_dir, clubs)  # missing
    build_database(data_dir, db, clubs)
    assert not database_is_stale(db, data_dir, clubs)
    assert read_meta_sync(db)["fingerprint"] == data_fingerprint(data_dir, clubs)

    doc = data_dir / F2014
    os.utime(doc, (1, 1))  # touched, same bytes: content decides, not mtime
    assert not database_is_stale(db, data_dir, clubs)
    (data_dir / "notes.md").write_text("not a season document")
    assert not database_is_stale(db, data_dir, clubs)

    original = doc.read_bytes()
    doc.write_bytes(original.replace(b"Libaya 70'", b"Libaya 71'"))
    assert database_is_stale(db, data_dir, clubs)  # modified
    doc.write_bytes(original)
    assert not database_is_stale(db, data_dir, clubs)

    (data_dir / "new.txt").write_text("= 2030 Cup =\n", encoding="utf-8")
    assert database_is_stale(db, data_dir, clubs)  # added (even if it will not parse)
    (data_dir / "new.txt").unlink()
    doc.rename(data_dir / "renamed.txt")
    assert database_is_stale(db, data_dir, clubs)  # renamed
    (data_dir / "renamed.txt").rename(doc)
    assert not database_is_stale(db, data_dir, clubs)

    clubs.write_text(clubs.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert database_is_stale(db, data_dir, clubs)  # clubs.toml changed
    build_database(data_dir, db, clubs)
    assert not database_is_stale(db, data_dir, clubs)
    clubs.unlink()
    assert database_is_stale(db, data_dir, clubs)  # clubs.toml removed

    db.write_bytes(b"garbage" * 100)
    assert database_is_stale(db, data_dir, clubs)  # unreadable


async def test_a_ten_megabyte_line_is_reported_and_the_rest_loads(
    tmp_path: Path, data_dir: Path, clubs: Path
) -> None:
    text = (SEASONS / F2017).read_text(encoding="utf-8").splitlines()
    at = text.index("JS Kabylie won 4–3 on aggregate.")  # 0-based index = line number - 1
    text.insert(at + 1, "x" * 10_000_000)
    (data_dir / F2017).write_text("\n".join(text) + "\n", encoding="utf-8")
    db = tmp_path / "tiebot.sqlite3"
    report = build_database(data_dir, db, clubs)
    assert not report.failed
    assert any(
        str(d).startswith(f"{F2017}:{at + 2}: ") and "line too long" in str(d)
        for d in report.diagnostics
    )
    assert len((await read_catalog(db)).entries) == 185

"""Reading one document: the checks hold across chunk boundaries and name the right line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.pipeline import documents
from bot.pipeline.documents import Rejected, display_name, list_documents, read_document


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents, "CHUNK", 7)  # every multi-byte character gets split


def _read(tmp_path: Path, content: bytes, max_bytes: int = 10_000) -> str:
    (tmp_path / "doc.txt").write_bytes(content)
    (doc,) = list_documents(tmp_path)
    return read_document(doc, max_bytes)


def test_utf8_split_across_chunks_reads_whole(tmp_path: Path) -> None:
    text = "= 2014 Coupe – Étoile du Sahel =\n" * 5
    assert _read(tmp_path, b"\xef\xbb\xbf" + text.encode()) == text  # BOM dropped


@pytest.mark.parametrize(
    ("content", "line", "reason"),
    [
        (b"ok\nok\nok\n\xe9t\xe9\n", 4, "not valid UTF-8 (byte 0xe9)"),
        (b"line one\nline two\n\xe2\x80", 3, "not valid UTF-8 (byte 0xe2)"),  # cut at the end
        (b"a\nb\nc\nd\ne\x00f", 5, "binary data (NUL byte)"),
        (b"\xff\xfe\x00\x00a\x00\x00\x00", 1, "encoded as UTF-32"),
    ],
)
def test_bad_bytes_name_their_line(tmp_path: Path, content: bytes, line: int, reason: str) -> None:
    with pytest.raises(Rejected) as info:
        _read(tmp_path, content)
    assert info.value.line == line and info.value.reason.startswith(reason)


def test_utf16_with_a_bom_is_read(tmp_path: Path) -> None:
    text = "= 2014 Coupe =\nÉtoile du Sahel 2–1 Simba\n"
    assert _read(tmp_path, text.encode("utf-16")) == text
    assert _read(tmp_path, b"\xfe\xff" + text.encode("utf-16-be")) == text


def test_a_file_growing_past_the_cap_while_read_is_stopped(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(b"small\n")
    (doc,) = list_documents(tmp_path)
    path.write_bytes(b"x" * 500)  # grew after it was listed
    with pytest.raises(Rejected, match=r"file is 500 bytes, over the 100 bytes limit"):
        read_document(doc, 100)


def test_odd_file_names_are_printable(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/bad\xffname\n.txt"
    with open(raw, "wb") as f:
        f.write(b"= 2014 Cup =\n")
    (doc,) = list_documents(tmp_path)
    assert doc.name == display_name(doc.path.name) == "bad\\xffname\\n.txt"
    assert read_document(doc, 1000) == "= 2014 Cup =\n"


def test_the_settings_default_cap_is_the_pipelines() -> None:
    from bot.config import DEFAULT_MAX_DOCUMENT_MB, Settings

    assert Settings().max_document_bytes == DEFAULT_MAX_DOCUMENT_MB * 1_000_000
    assert Settings().max_document_bytes == documents.DEFAULT_MAX_BYTES

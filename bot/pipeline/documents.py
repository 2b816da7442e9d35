"""Which files are season documents, and reading each one without trusting it.

A data folder is written by hosts, so anything can be in it: a 2 GB log
named ``.txt``, a file nobody may read, a symlink loop, a UTF-16 export, a
FIFO.  Each such file must cost at most its own line in the report, never
the whole load and never more memory than the largest document accepted:
the size cap is checked before reading, files are read in chunks, and
binary or mis-encoded content stops the read at the first bad chunk.
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import stat
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BYTES = 50_000_000
"""Largest season document read (TIEBOT_MAX_DOCUMENT_MB); the biggest real one is 18 kB."""

CHUNK = 1 << 20

_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(frozen=True, slots=True)
class Document:
    """A ``*.txt`` entry of the data folder, as seen before reading it.

    ``name`` is printable (odd bytes escaped) so it can go into a report line and
    the database; ``problem`` says why it cannot be read at all (then ``size`` is 0).
    """

    path: Path
    name: str
    size: int
    mtime_ns: int
    problem: str | None = None


class Rejected(Exception):
    """This file is not a readable season document; ``line`` 0 means the whole file."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line = line
        self.reason = reason


def display_name(name: str) -> str:
    """The file name as it can be printed and stored (undecodable bytes, controls escaped)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        name = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    if name.isprintable():
        return name
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in name)


def _entry_problem(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop: the link never reaches a file"
    if path.is_symlink() and exc.errno == errno.ENOENT:
        return f"broken symbolic link (target {display_name(os.readlink(path))} does not exist)"
    return f"cannot read: {exc.strerror or exc}"


MAX_DEPTH = 8  # folders below the data folder; deeper is almost surely a link loop


def _walk(
    folder: Path, prefix: str, seen: set[str], depth: int
) -> list[tuple[str, Path, str | None]]:
    """(name relative to the data folder, path, problem) of every ``*.txt`` below ``folder``.

    Sub-folders are followed (one per source: ``football-txt/…``); a folder reached
    twice through links, or too deep, is reported instead of walked forever.
    Names starting with a dot (``.git``, editor files) are not documents.
    """
    found: list[tuple[str, Path, str | None]] = []
    with os.scandir(folder) as it:
        entries = sorted(it, key=lambda e: e.name)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        name, path = prefix + entry.name, Path(entry.path)
        try:
            is_dir = entry.is_dir(follow_symlinks=True)
        except OSError:
            is_dir = False
        if is_dir and not entry.name.endswith(".txt"):
            real = os.path.realpath(path)
            if real in seen or depth >= MAX_DEPTH:
                found.append((name + "/", path, "symbolic link loop: this folder was seen before"))
                continue
            found += _walk(path, name + "/", seen | {real}, depth + 1)
        elif entry.name.endswith(".txt"):
            found.append((name, path, None))
    return found


def list_documents(data_dir: Path) -> list[Document]:
    """Every ``*.txt`` below ``data_dir`` (sub-folders included), in name order, with its stat.

    A document's name is its path relative to ``data_dir`` (``rsssf/afcup2023.txt``),
    which is what answers cite.  Raises OSError when the folder itself cannot be listed.
    """
    root = Path(data_dir)
    documents = []
    for raw, path, looped in _walk(root, "", {os.path.realpath(root)}, 0):
        name = display_name(raw)
        if looped is not None:
            documents.append(Document(path, name, 0, 0, looped))
            continue
        try:
            st = path.stat()
        except OSError as exc:
            documents.append(Document(path, name, 0, 0, _entry_problem(path, exc)))
            continue
        problem = None
        if stat.S_ISDIR(st.st_mode):
            problem = "a directory, not a document"
        elif not stat.S_ISREG(st.st_mode):
            problem = "not a regular file (a pipe, socket or device)"
        documents.append(Document(path, name, st.st_size, st.st_mtime_ns, problem))
    return documents


def open_regular(path: Path) -> io.FileIO:
    """An unbuffered reader on ``path``, refusing anything but a regular file.

    O_NONBLOCK so a pipe swapped in after listing cannot block the open.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        return io.FileIO(fd, "rb", closefd=True)
    except BaseException:
        os.close(fd)
        raise


def _megabytes(n: int) -> str:
    return f"{n / 1_000_000:,.1f} MB" if n >= 100_000 else f"{n:,} bytes"


def too_large(size: int, max_bytes: int) -> str:
    """The reason given for a file over the cap (the same before and while reading)."""
    return (
        f"file is {_megabytes(size)}, over the {_megabytes(max_bytes)} limit for a season "
        "document (TIEBOT_MAX_DOCUMENT_MB raises it)"
    )


def _utf16_without_bom(chunk: bytes) -> str | None:
    """'LE'/'BE' when NUL bytes sit in every other position, as in UTF-16 text."""
    pairs = len(chunk) // 2
    if pairs < 8:
        return None
    odd, even = chunk[1 : 2 * pairs : 2].count(0), chunk[0 : 2 * pairs : 2].count(0)
    if odd >= 0.4 * pairs and even < 0.05 * pairs:
        return "LE"
    if even >= 0.4 * pairs and odd < 0.05 * pairs:
        return "BE"
    return None


class _Reader:
    """Chunks in, checks as they arrive; keeps the bytes only while they still look good."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.data = bytearray()
        self.newlines = 0
        self.encoding = "utf-8-sig"
        self.decoder = codecs.getincrementaldecoder("utf-8")()

    def first(self, chunk: bytes) -> None:
        if chunk.startswith(_UTF32_BOMS):
            raise Rejected(1, "encoded as UTF-32: save the file as UTF-8")
        if chunk.startswith(_UTF16_BOMS):
            self.encoding = "utf-16"  # read as UTF-16 (the BOM says which byte order)
            return
        order = _utf16_without_bom(chunk[:4096])
        if order is not None:
            raise Rejected(
                1,
                f"looks like UTF-16 ({order}) without a byte-order mark: save the file as "
                f"UTF-8 (e.g. iconv -f UTF-16{order} -t UTF-8)",
            )

    def add(self, chunk: bytes) -> None:
        if not self.data:
            self.first(chunk)
        if len(self.data) + len(chunk) > self.max_bytes:
            raise Rejected(0, too_large(len(self.data) + len(chunk), self.max_bytes))
        if self.encoding == "utf-8-sig":
            self._check_utf8(chunk)
        self.newlines += chunk.count(b"\n")
        self.data += chunk

    def _line(self, chunk: bytes, offset: int) -> int:
        return self.newlines + chunk.count(b"\n", 0, max(offset, 0)) + 1

    def _check_utf8(self, chunk: bytes, final: bool = False) -> None:
        nul = chunk.find(b"\x00")
        if nul >= 0:
            raise Rejected(self._line(chunk, nul), "binary data (NUL byte)")
        pending = len(self.decoder.getstate()[0])
        try:
            self.decoder.decode(chunk, final)  # validation only; decoded once at the end
        except UnicodeDecodeError as exc:
            where = exc.start - pending
            byte = exc.object[exc.start]
            raise Rejected(
                self._line(chunk, where),
                f"not valid UTF-8 (byte 0x{byte:02x}); save the file as UTF-8",
            ) from None

    def text(self) -> str:
        if self.encoding == "utf-8-sig":
            self._check_utf8(b"", final=True)
        try:
            text = self.data.decode(self.encoding)
        except UnicodeDecodeError as exc:
            raise Rejected(0, f"not valid UTF-16 ({exc.reason}); save the file as UTF-8") from None
        finally:
            self.data = bytearray()
        if (nul := text.find("\x00")) >= 0:
            raise Rejected(text.count("\n", 0, nul) + 1, "binary data (NUL character)")
        return text


def read_document(doc: Document, max_bytes: int) -> str:
    """The document's text, or Rejected saying why (with the line when one is to blame).

    Memory: at most ``max_bytes`` of bytes plus their text; a file over the cap is
    never opened, and one that grows past it while being read is stopped there.
    """
    if doc.problem is not None:
        raise Rejected(0, doc.problem)
    if doc.size > max_bytes:
        raise Rejected(0, too_large(doc.size, max_bytes))
    reader = _Reader(max_bytes)
    try:
        with open_regular(doc.path) as f:
            size = os.fstat(f.fileno()).st_size
            if size > max_bytes:  # replaced since it was listed
                raise Rejected(0, too_large(size, max_bytes))
            while chunk := f.read(CHUNK):
                reader.add(chunk)
    except OSError as exc:
        raise Rejected(0, f"cannot read: {exc.strerror or exc}") from None
    return reader.text()

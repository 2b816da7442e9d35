"""Storage failures as one-line, user-presentable errors (never a raw sqlite traceback)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.storage.build import LoadReport


class StorageError(Exception):
    """The database is missing, corrupt, foreign, or could not be written."""


class LoadError(StorageError):
    """No season document could be loaded; the previous database was left untouched.

    ``report`` (when given) lists every failed file so the caller can show why.
    """

    def __init__(self, message: str, report: LoadReport | None = None) -> None:
        super().__init__(message)
        self.report = report

"""Storage failures as one-line, user-presentable errors (never a raw sqlite traceback)."""

from __future__ import annotations


class StorageError(Exception):
    """The database is missing, corrupt, foreign, or could not be written."""

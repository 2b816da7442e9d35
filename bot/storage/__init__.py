"""SQLite storage: the schema, the atomic loader and every query; rows become models here."""

from bot.storage.build import (
    BUILD_VERSION,
    FileFailure,
    LoadReport,
    SeasonLoaded,
    build_database,
    data_fingerprint,
    database_is_stale,
)
from bot.storage.errors import LoadError, StorageError
from bot.storage.read import connect_readonly, read_catalog, read_meta_sync
from bot.storage.write import SCHEMA_VERSION, RegistryLike, write_database, write_database_sync

__all__ = [
    "BUILD_VERSION",
    "SCHEMA_VERSION",
    "FileFailure",
    "LoadError",
    "LoadReport",
    "RegistryLike",
    "SeasonLoaded",
    "StorageError",
    "build_database",
    "connect_readonly",
    "data_fingerprint",
    "database_is_stale",
    "read_catalog",
    "read_meta_sync",
    "write_database",
    "write_database_sync",
]

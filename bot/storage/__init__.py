"""SQLite storage: the schema, rows, the atomic writer and the reader; rows become models here.

Storage knows only the domain models: what to build it from (documents,
clubs) is the pipeline's business (``bot.pipeline``).
"""

from bot.storage.errors import StorageError
from bot.storage.read import connect_readonly, read_catalog, read_meta_sync
from bot.storage.write import SCHEMA_VERSION, RegistryLike, check_writable, write_database

__all__ = [
    "SCHEMA_VERSION",
    "RegistryLike",
    "StorageError",
    "check_writable",
    "connect_readonly",
    "read_catalog",
    "read_meta_sync",
    "write_database",
]

"""The whole shipped data (every document, every source) and the shared typeface."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.answering.engine import Engine
from bot.domain.catalog import Catalog
from bot.pictures.speaker import PictureSpeaker
from bot.pictures.typeface import Typeface
from bot.pipeline.build import build_database
from bot.storage.read import read_catalog
from tests.paths import CLUBS, DATA


@pytest.fixture(scope="session")
def full_catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    db: Path = tmp_path_factory.mktemp("pictures") / "all.sqlite3"
    build_database(DATA, db, CLUBS)
    return asyncio.run(read_catalog(db))


@pytest.fixture(scope="session")
def full_engine(full_catalog: Catalog) -> Engine:
    return Engine(full_catalog)


@pytest.fixture(scope="session")
def typeface() -> Typeface:
    return Typeface()


@pytest.fixture(scope="session")
def painter(full_engine: Engine) -> PictureSpeaker:
    return PictureSpeaker(full_engine)

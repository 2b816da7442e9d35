"""Catalogs for the engine tests: small hand-built seasons with every awkward case; real data.

The hand-built seasons hold, on purpose: a summary-only tie whose loser the
source does not name, penalties without a shoot-out score, a withdrawal with
both legs cancelled, a walkover after a played leg, away goals from legs, an
incomplete round (3 of 4 ties), a club whose next tie is not described, two
clubs a name cannot tell apart ("Leopards"), and a penalty score.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pytest

from bot.answering.engine import Engine
from bot.domain.catalog import Catalog
from bot.domain.models import (
    Club,
    DecidedBy,
    Goal,
    Leg,
    LegStatus,
    Round,
    Season,
    SourceRef,
    Tie,
)
from bot.domain.names import slug
from bot.wording.speaker import Speaker
from tests.paths import CLUBS as CLUBS_FILE
from tests.paths import SEASONS as SEASONS_DIR

HAND_CLUBS = {
    "Alpha FC": "AAA",
    "Beta United": "BBB",
    "Gamma Stars": "CCC",
    "Delta City": "DDD",
    "Epsilon": None,
    "Zeta Rovers": "ZZZ",
    "Theta": None,
    "Royal Leopards": "SWZ",
    "Black Leopards": "RSA",
    "Kappa Town": None,
}


def leg(home: str, away: str, hg: int | None, ag: int | None, **kw: object) -> Leg:
    status = LegStatus.PLAYED if hg is not None else LegStatus.CANCELLED
    return Leg(home, away, hg, ag, status=status, **kw)  # type: ignore[arg-type]


def tie(
    rnd: str, index: int, t1: str, t2: str | None, winner: int, how: DecidedBy, **kw: object
) -> Tie:
    src = SourceRef(kw.pop("file", "test-2030.txt"), 10 * index)  # type: ignore[arg-type]
    return Tie(rnd, index, t1, t2, winner, how, src, **kw)  # type: ignore[arg-type]


def season_2030(competition: str = "Test Cup") -> Season:
    f = "test-2030.txt"
    prelim = Round(
        "Preliminary round",
        1,
        (
            tie(
                "Preliminary round",
                1,
                "Alpha FC",
                None,
                1,
                DecidedBy.AGGREGATE,
                aggregate=(3, 2),
                advanced_to="first round",
                file=f,
            ),
            tie(
                "Preliminary round",
                2,
                "Beta United",
                "Gamma Stars",
                2,
                DecidedBy.PENALTIES,
                legs=(
                    leg(
                        "Beta United",
                        "Gamma Stars",
                        1,
                        0,
                        date=dt.date(2030, 2, 10),
                        goals=(Goal("Beta United", "Kone", 12),),
                    ),
                    leg(
                        "Gamma Stars",
                        "Beta United",
                        1,
                        0,
                        date=dt.date(2030, 2, 17),
                        goals=(Goal("Gamma Stars", "Mensah", 90, added_time=3, penalty=True),),
                    ),
                ),
                aggregate=(1, 1),
                file=f,
            ),
            tie(
                "Preliminary round",
                3,
                "Delta City",
                "Epsilon",
                1,
                DecidedBy.WITHDRAWAL,
                legs=(
                    leg("Delta City", "Epsilon", None, None),
                    leg("Epsilon", "Delta City", None, None),
                ),
                reason="Epsilon withdrew",
                file=f,
            ),
        ),
        expected_ties=4,
    )
    first = Round(
        "First round",
        2,
        (
            tie(
                "First round",
                1,
                "Gamma Stars",
                "Alpha FC",
                2,
                DecidedBy.WALKOVER,
                legs=(
                    leg("Gamma Stars", "Alpha FC", 2, 0),
                    leg("Alpha FC", "Gamma Stars", None, None),
                ),
                reason="Gamma Stars withdrew prior to the second leg",
                file=f,
            ),
            tie(
                "First round",
                2,
                "Delta City",
                "Zeta Rovers",
                2,
                DecidedBy.AWAY_GOALS,
                legs=(
                    leg("Delta City", "Zeta Rovers", 2, 1),
                    leg("Zeta Rovers", "Delta City", 1, 0),
                ),
                aggregate=(2, 2),
                file=f,
                notes=("Second leg played behind closed doors.",),
            ),
        ),
        expected_ties=2,
    )
    playoff = Round(
        "Play-off round",
        3,
        (
            tie(
                "Play-off round",
                1,
                "Zeta Rovers",
                "Theta",
                1,
                DecidedBy.AGGREGATE,
                legs=(leg("Zeta Rovers", "Theta", 3, 0), leg("Theta", "Zeta Rovers", 1, 1)),
                aggregate=(4, 1),
                file=f,
            ),
        ),
        expected_ties=2,
    )
    return Season(competition, "2030", (prelim, first, playoff), f, 2030, 2030)


def season_2031(competition: str = "Test Cup") -> Season:
    f = "test-2031-32.txt"
    first = Round(
        "First round",
        1,
        (
            tie(
                "First round",
                1,
                "Alpha FC",
                "Beta United",
                1,
                DecidedBy.AGGREGATE,
                legs=(leg("Alpha FC", "Beta United", 0, 1), leg("Beta United", "Alpha FC", 1, 3)),
                aggregate=(3, 2),
                file=f,
            ),
            tie(
                "First round",
                2,
                "Gamma Stars",
                "Theta",
                1,
                DecidedBy.PENALTIES,
                legs=(leg("Gamma Stars", "Theta", 1, 0), leg("Theta", "Gamma Stars", 1, 0)),
                aggregate=(1, 1),
                penalties=(4, 2),
                file=f,
            ),
            tie(
                "First round",
                3,
                "Royal Leopards",
                "Black Leopards",
                2,
                DecidedBy.AGGREGATE,
                legs=(
                    leg("Royal Leopards", "Black Leopards", 0, 0),
                    leg("Black Leopards", "Royal Leopards", 2, 0),
                ),
                aggregate=(0, 2),
                file=f,
            ),
        ),
        expected_ties=3,
    )
    return Season(competition, "2031–32", (first,), f, 2031, 2032)


def other_competition() -> Season:
    f = "other-2030.txt"
    rnd = Round(
        "First round",
        1,
        (
            tie(
                "First round",
                1,
                "Alpha FC",
                "Kappa Town",
                2,
                DecidedBy.AGGREGATE,
                legs=(leg("Alpha FC", "Kappa Town", 0, 2), leg("Kappa Town", "Alpha FC", 1, 1)),
                aggregate=(1, 3),
                file=f,
            ),
        ),
    )
    return Season("Other League", "2030", (rnd,), f, 2030, 2030)


def make_catalog(seasons: Iterable[Season]) -> Catalog:
    seasons = list(seasons)
    used = {t for s in seasons for tie_ in s.ties for t in (tie_.team1, tie_.team2) if t}
    clubs = [Club(slug(n), n, c) for n, c in HAND_CLUBS.items() if n in used]
    return Catalog(seasons, clubs, {c.name: c.key for c in clubs})


def speaker(catalog: Catalog) -> Speaker:
    """The worded engine over a catalog, as the console and Discord use it."""
    return Speaker(Engine(catalog))


@pytest.fixture(scope="session")
def hand_engine() -> Speaker:
    return speaker(make_catalog([season_2030(), season_2031()]))


@pytest.fixture(scope="session")
def multi_engine() -> Speaker:
    return speaker(make_catalog([season_2030(), season_2031(), other_competition()]))


@pytest.fixture(scope="session")
def real_catalog() -> Catalog:
    parser = pytest.importorskip("bot.parsing.documents")
    clubs = pytest.importorskip("bot.clubs.registry")
    seasons = [s for p in sorted(SEASONS_DIR.glob("*.txt")) for s in parser.parse_file(p)]
    curated = clubs.load_curated(CLUBS_FILE) if CLUBS_FILE.exists() else ()
    registry = clubs.build_registry(seasons, curated)
    return Catalog(seasons, registry.clubs, registry.club_of, registry.spellings)


@pytest.fixture(scope="session")
def real_engine(real_catalog: Catalog) -> Speaker:
    return speaker(real_catalog)

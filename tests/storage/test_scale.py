"""At 100x the real data (400 seasons, 18,000 ties, 5,000 clubs) the build and read work.

Timing is the benchmarks' job (``python -m benchmarks.bench_scale`` prints the
figures); this test proves the round trip holds at that size.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.domain.models import Club, DecidedBy, Goal, Leg, Round, Season, SourceRef, Tie
from bot.storage.read import read_catalog
from bot.storage.write import write_database
from tests.storage.conftest import FakeRegistry

N_CLUBS, N_SEASONS, ROUNDS, TIES_PER_ROUND = 5000, 400, 3, 15


def _scale_data() -> tuple[list[Season], FakeRegistry]:
    clubs = tuple(Club(f"club-{i}", f"Club {i}", "ABC", (f"C{i}",)) for i in range(N_CLUBS))
    club_of = {c.name: c.key for c in clubs}
    seasons: list[Season] = []
    n = 0
    for s in range(N_SEASONS):
        file = f"season-{s}.txt"
        rounds = []
        for r in range(ROUNDS):
            ties = []
            for t in range(TIES_PER_ROUND):
                a, b = f"Club {n % N_CLUBS}", f"Club {(n * 7 + 1) % N_CLUBS}"
                n += 1
                goals = (Goal(a, "Player One", 10), Goal(b, "Player Two", 80, penalty=True))
                legs = (
                    Leg(a, b, 1, 1, date=dt.date(2030, 1, 1), goals=goals, line=t * 5 + 1),
                    Leg(b, a, 0, 2, date=dt.date(2030, 1, 8), goals=goals, line=t * 5 + 2),
                )
                ties.append(
                    Tie(f"Round {r}", t + 1, a, b, 1, DecidedBy.AGGREGATE,
                        SourceRef(file, t * 5), legs=legs, aggregate=(3, 1), notes=("n",))
                )  # fmt: skip
            rounds.append(Round(f"Round {r}", r + 1, tuple(ties), line=r))
        seasons.append(Season("Cup", str(3000 + s), tuple(rounds), file, 3000 + s, 3000 + s))
    return seasons, FakeRegistry(clubs, club_of)


async def test_build_and_read_at_scale(tmp_path: Path) -> None:
    seasons, registry = _scale_data()
    path = tmp_path / "scale.sqlite3"
    write_database(path, seasons, registry)
    catalog = await read_catalog(path)
    assert len(catalog.entries) == N_SEASONS * ROUNDS * TIES_PER_ROUND
    assert len(catalog.clubs) == N_CLUBS
    assert catalog.seasons[-1] == seasons[-1]

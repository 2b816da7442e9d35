"""Synthetic season documents at 100x the real data, deterministic for a seed.

Why: the four real documents hold ~185 ties; to prove the loader, the
catalog and the answer engine hold at scale we need many more documents
that look exactly like the real ones (same four styles, same sentences) and
whose facts are consistent, so the parser accepts them and the figures
measure the normal path, not error handling.

Usage: ``python -m benchmarks.synth --seasons 400 --out DIR [--seed 1]``.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import itertools
import random
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.synth_names import SynthClub, make_pool, player_name
from bot.domain.models import DecidedBy
from bot.domain.names import slug

COMPETITIONS = ("CAF Confederation Cup", "CAF Champions League")
# summary: 2012 (summary lines only), scorers: 2014 (dated legs, scorer lines),
# codes: 2017 (legs with FIFA codes), plain: 2023-24 (legs without codes).
STYLES = ("summary", "scorers", "codes", "plain")
FIRST_YEAR = 2031
POOL_SIZE = 5000

_HOME_GOALS = (24, 32, 23, 12, 5, 3, 1)
_AWAY_GOALS = (32, 33, 20, 9, 4, 1, 1)
_SHOOTOUTS = ((3, 0), (3, 1), (3, 2), (4, 2), (4, 3), (5, 3), (5, 4), (6, 5), (7, 6), (8, 7))


@dataclass(frozen=True, slots=True)
class SynthLeg:
    """One leg; goals are None when it was cancelled.  ``scorers`` holds the
    rendered scorer items (home, away) as Wikipedia prints them."""

    home: SynthClub
    away: SynthClub
    home_goals: int | None
    away_goals: int | None
    date: dt.date
    scorers: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())


@dataclass(frozen=True, slots=True)
class SynthTie:
    """A tie with its true outcome; team1 hosted the first leg."""

    team1: SynthClub
    team2: SynthClub
    legs: tuple[SynthLeg, SynthLeg]
    winner: int
    decided: DecidedBy
    penalties: tuple[int, int] | None = None
    note: str | None = None
    winner_as_stated: str | None = None

    @property
    def winner_club(self) -> SynthClub:
        return self.team1 if self.winner == 1 else self.team2

    @property
    def loser_club(self) -> SynthClub:
        return self.team2 if self.winner == 1 else self.team1

    @property
    def aggregate(self) -> tuple[int, int] | None:
        """team1-team2 aggregate when both legs were played."""
        first, second = self.legs
        if first.home_goals is None or second.home_goals is None:
            return None
        assert first.away_goals is not None and second.away_goals is not None
        return first.home_goals + second.away_goals, first.away_goals + second.home_goals


@dataclass(frozen=True, slots=True)
class SynthRound:
    name: str
    next_name: str
    ties: tuple[SynthTie, ...]
    byes: int
    first_window: tuple[dt.date, dt.date]
    second_window: tuple[dt.date, dt.date]


@dataclass(frozen=True, slots=True)
class SynthSeason:
    competition: str
    label: str
    year: int
    style: str
    rounds: tuple[SynthRound, ...]

    @property
    def file_name(self) -> str:
        return f"{slug(self.competition)}-{self.label.replace('–', '-')}-qualifying.txt"

    @property
    def ties(self) -> tuple[SynthTie, ...]:
        return tuple(t for r in self.rounds for t in r.ties)


def _plan(style: str, competition: str) -> list[tuple[str, str]]:
    """(round name, what its winners advance to) in document order."""
    if style == "plain":
        return [("First round", "second round"), ("Second round", "group stage")]
    confed = competition == COMPETITIONS[0]
    if style == "codes":
        names = ["Preliminary round", "First round"] + (["Play-off round"] if confed else [])
    else:
        names = ["Preliminary round", "First round", "Second round"]
        names += ["Play-off round"] if confed else []
    nexts = [n.lower() for n in names[1:]] + ["group stage"]
    return list(zip(names, nexts, strict=True))


def _scorers(rng: random.Random, goals: int) -> tuple[str, ...]:
    """Scorer items for ``goals`` goals: braces grouped, penalties marked, a few minutes missing."""
    minutes = sorted(rng.sample(range(1, 91), goals))
    by_player: dict[str, list[str]] = {}
    last: str | None = None
    for minute in minutes:
        player = last if last is not None and rng.random() < 0.2 else player_name(rng)
        mark = f"{minute}'" + (" (pen.)" if rng.random() < 0.08 else "")
        by_player.setdefault(player, []).append(mark)
        last = player
    items = []
    for player, marks in by_player.items():
        if len(marks) == 1 and rng.random() < 0.03:
            items.append(player)
        else:
            items.append(f"{player} {', '.join(marks)}")
    return tuple(items)


def _leg(
    rng: random.Random, home: SynthClub, away: SynthClub, day: dt.date, played: bool = True
) -> SynthLeg:
    if not played:
        return SynthLeg(home, away, None, None, day)
    hg = rng.choices(range(7), weights=_HOME_GOALS)[0]
    ag = rng.choices(range(7), weights=_AWAY_GOALS)[0]
    return SynthLeg(home, away, hg, ag, day, (_scorers(rng, hg), _scorers(rng, ag)))


def _tie(
    rng: random.Random, style: str, a: SynthClub, b: SynthClub, d1: dt.date, d2: dt.date
) -> SynthTie:
    """A consistent tie: the winner follows from the legs (aggregate, away goals, shoot-out)."""
    roll = rng.random()
    if style in ("summary", "scorers") and roll < 0.025:
        legs = (_leg(rng, a, b, d1, False), _leg(rng, b, a, d2, False))
        return SynthTie(a, b, legs, rng.choice((1, 2)), DecidedBy.WITHDRAWAL)
    if style in ("codes", "plain") and roll < 0.02:
        legs = (_leg(rng, a, b, d1), _leg(rng, b, a, d2, False))
        return SynthTie(a, b, legs, rng.choice((1, 2)), DecidedBy.WALKOVER)
    legs = (_leg(rng, a, b, d1), _leg(rng, b, a, d2))
    note = None
    if style == "summary" and rng.random() < 0.04:
        which = rng.choice(("First", "Second"))
        note = f"{which} leg postponed per request from {rng.choice((a, b)).name}."
    tie = SynthTie(a, b, legs, 1, DecidedBy.AGGREGATE, note=note)
    agg = tie.aggregate
    assert agg is not None and legs[0].away_goals is not None and legs[1].away_goals is not None
    if agg[0] != agg[1]:
        return SynthTie(a, b, legs, 1 if agg[0] > agg[1] else 2, DecidedBy.AGGREGATE, note=note)
    away1, away2 = legs[1].away_goals, legs[0].away_goals
    if away1 != away2:
        winner = 1 if away1 > away2 else 2
        return SynthTie(a, b, legs, winner, DecidedBy.AWAY_GOALS, note=note)
    won, lost = rng.choice(_SHOOTOUTS)
    winner = rng.choice((1, 2))
    pens = (won, lost) if winner == 1 else (lost, won)
    return SynthTie(a, b, legs, winner, DecidedBy.PENALTIES, pens, note)


class _Drawer:
    """Draws distinct clubs for a season, popular clubs more often (Zipf-like)."""

    def __init__(self, pool: Sequence[SynthClub], rng: random.Random) -> None:
        self.pool = pool
        self.rng = rng
        self.cum = list(itertools.accumulate(1.0 / (i + 40) ** 0.6 for i in range(len(pool))))

    def draw(self, count: int, taken: set[str]) -> list[SynthClub]:
        picked: list[SynthClub] = []
        for _ in range(count * 200):
            if len(picked) == count:
                break
            club = self.rng.choices(self.pool, cum_weights=self.cum)[0]
            if club.name not in taken:
                taken.add(club.name)
                picked.append(club)
        if len(picked) < count:
            raise RuntimeError("club pool too small for a season")
        return picked


def _friday_on_or_after(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=(4 - day.weekday()) % 7)


def _season(
    rng: random.Random, drawer: _Drawer, competition: str, year: int, style: str
) -> SynthSeason:
    split = style == "plain" and year % 100 != 99
    label = f"{year}–{(year + 1) % 100:02d}" if split else str(year)
    start = _friday_on_or_after(dt.date(year, 8 if split else 2, 7))
    taken: set[str] = set()
    rounds: list[SynthRound] = []
    winners: list[SynthClub] = []
    for order, (name, next_name) in enumerate(_plan(style, competition)):
        first = (start, start + dt.timedelta(days=2))
        second = (start + dt.timedelta(days=7), start + dt.timedelta(days=9))
        start += dt.timedelta(days=21 + 7 * rng.randint(0, 2))
        if order == 0:
            teams, byes, pairs = drawer.draw(2 * rng.randint(15, 27), taken), 0, []
            pairs = list(zip(teams[::2], teams[1::2], strict=True))
        elif name == "Play-off round":
            newcomers = drawer.draw(len(winners), taken)
            byes = len(newcomers)
            pairs = list(zip(newcomers, rng.sample(winners, len(winners)), strict=True))
        else:
            byes = max(0, 32 - len(winners)) if order == 1 else 0
            teams = winners + drawer.draw(byes, taken)
            rng.shuffle(teams)
            pairs = list(zip(teams[::2], teams[1::2], strict=True))
        ties = []
        for home, away in pairs:
            d1 = first[0] + dt.timedelta(days=rng.randint(0, 2))
            d2 = second[0] + dt.timedelta(days=rng.randint(0, 2))
            tie = _tie(rng, style, home, away, d1, d2)
            alias = tie.winner_club.alias
            if alias and style in ("codes", "plain") and tie.decided is not DecidedBy.WALKOVER:
                tie = dataclasses.replace(tie, winner_as_stated=alias)
            ties.append(tie)
        winners = [t.winner_club for t in ties]
        rounds.append(SynthRound(name, next_name, tuple(ties), byes, first, second))
    return SynthSeason(competition, label, year, style, tuple(rounds))


def generate(seasons: int, seed: int = 1) -> Iterator[SynthSeason]:
    """``seasons`` seasons alternating competitions, each label unique per competition."""
    rng = random.Random(seed)
    drawer = _Drawer(make_pool(POOL_SIZE, rng), rng)
    for i in range(seasons):
        competition = COMPETITIONS[i % len(COMPETITIONS)]
        yield _season(rng, drawer, competition, FIRST_YEAR + i // 2, rng.choice(STYLES))


@dataclass(frozen=True, slots=True)
class Summary:
    seasons: int
    ties: int
    files: tuple[Path, ...]
    decided: Counter[str]


def write(out: Path, seasons: int, seed: int = 1, replace: bool = False) -> Summary:
    """Render and write the documents into ``out``; returns what was written.

    Old ``*.txt`` files would silently join the set, so they are an error
    unless ``replace`` says to delete them first.
    """
    from benchmarks.synth_render import render

    out.mkdir(parents=True, exist_ok=True)
    stale = sorted(out.glob("*.txt"))
    if stale and not replace:
        raise FileExistsError(f"{out} already holds {len(stale)} .txt files (use --replace)")
    for path in stale:
        path.unlink()
    files: list[Path] = []
    decided: Counter[str] = Counter()
    ties = 0
    for season in generate(seasons, seed):
        path = out / season.file_name
        path.write_text(render(season), encoding="utf-8")
        files.append(path)
        ties += len(season.ties)
        decided.update(t.decided.value for t in season.ties)
    return Summary(len(files), ties, tuple(files), decided)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seasons", type=int, default=400)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--replace", action="store_true", help="delete *.txt already in --out")
    args = parser.parse_args(argv)
    if args.seasons < 1:
        parser.error("--seasons must be at least 1")
    try:
        summary = write(args.out, args.seasons, args.seed, args.replace)
    except FileExistsError as exc:
        parser.error(str(exc))
    by_method = ", ".join(f"{k} {v}" for k, v in sorted(summary.decided.items()))
    print(
        f"wrote {summary.seasons} season documents, {summary.ties} ties ({by_method}) to {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Models -> table rows: the one place that knows how a Season maps onto the schema.

Every row is given by column name (``Rows.add``, checked against ``columns``).
Ids are assigned here while walking the seasons, so tables are filled by
``executemany`` with no ``lastrowid`` round trip per tie (given a sink, a batch
at a time as the walk goes on).  A tie's clubs are the registry's decision for
its spellings *and* countries (``clubkeys``), the same lookup the catalog makes
when it reads the database back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Protocol

from bot.domain.catalog import ClubIndex, Spelling
from bot.domain.models import Club, Diagnostic, Disagreement, Group, Leg, Round, Season, Tie
from bot.domain.names import fold
from bot.storage.clubkeys import Remembering, TieClubs
from bot.storage.columns import COLUMNS, SCHEMA_VERSION, Rows, Sink, insert_sql
from bot.storage.errors import StorageError

__all__ = ["COLUMNS", "SCHEMA_VERSION", "RegistryLike", "Rows", "Sink", "insert_sql", "to_rows"]


class RegistryLike(Protocol):
    """What storage needs of ``bot.clubs.registry.Registry`` (kept structural to stay decoupled)."""

    @property
    def clubs(self) -> tuple[Club, ...]: ...

    @property
    def club_of(self) -> Mapping[str, str]: ...

    @property
    def spellings(self) -> Mapping[Spelling, str]: ...

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]: ...


def _pair(value: tuple[int, int] | None) -> tuple[int | None, int | None]:
    return (None, None) if value is None else value


def club_rows(rows: Rows, registry: RegistryLike) -> ClubIndex:
    """Clubs, their aliases and the spellings; returns the lookup ties are written with."""
    keys: set[str] = set()
    for pos, club in enumerate(registry.clubs):
        if club.key in keys:
            raise StorageError(f"registry lists club key {club.key!r} twice")
        keys.add(club.key)
        rows.add("clubs", key=club.key, name=club.name, country=club.country, position=pos)
        localized: dict[str, list[str]] = {}
        for lang, name in club.names:  # "name:ar": the club's names in Arabic, in order
            localized.setdefault(f"name:{lang}", []).append(name)
        kinds = (("alias", club.aliases), ("nickname", club.nicknames), *localized.items())
        for kind, names in kinds:
            for i, name in enumerate(names):
                rows.add(
                    "club_aliases",
                    club_key=club.key, kind=kind, position=i, spelling=name, folded=fold(name),
                )  # fmt: skip
    spellings = {Spelling(text): key for text, key in registry.club_of.items()}
    spellings.update(registry.spellings)
    for sp, key in spellings.items():
        if key not in keys:
            raise StorageError(f"registry maps {sp.text!r} to unknown club key {key!r}")
        rows.add(
            "spellings",
            spelling=sp.text, country=sp.country or "", file=sp.file or "", line=sp.line,
            folded=fold(sp.text), club_key=key,
        )  # fmt: skip
    return Remembering(spellings)


class _Ids:
    """Row ids handed out in walk order (the reader groups children by these)."""

    def __init__(self) -> None:
        self.round = self.group = self.tie = self.leg = self.disagreement = 0


def _disagreement_rows(
    rows: Rows, ids: _Ids, found: Sequence[Disagreement], **parent: int | None
) -> None:
    """``parent``: ``tie_id`` or ``group_id`` (the other None)."""
    for position, d in enumerate(found):
        ids.disagreement += 1
        rows.add(
            "disagreements",
            id=ids.disagreement, position=position, fact=d.fact, leg=d.leg, **parent,
        )  # fmt: skip
        for i, v in enumerate(d.versions):
            rows.add(
                "versions",
                disagreement_id=ids.disagreement, position=i, value=v.value,
                file=v.source.file, line=v.source.line,
            )  # fmt: skip


def _leg_rows(
    rows: Rows, ids: _Ids, leg: Leg, position: int, *, tie_id: int | None, group_id: int | None
) -> None:
    ids.leg += 1
    home_pens, away_pens = _pair(leg.penalties)
    rows.add(
        "legs",
        id=ids.leg, tie_id=tie_id, group_id=group_id, position=position,
        home=leg.home, away=leg.away, home_goals=leg.home_goals, away_goals=leg.away_goals,
        status=leg.status.value, date=leg.date.isoformat() if leg.date else None,
        line=leg.line, extra_time=int(leg.extra_time),
        penalties_home=home_pens, penalties_away=away_pens,
        source_file=leg.source.file if leg.source else None,
        source_line=leg.source.line if leg.source else None,
    )  # fmt: skip
    for g_pos, g in enumerate(leg.goals):
        rows.add(
            "goals",
            leg_id=ids.leg, position=g_pos, team=g.team, player=g.player, minute=g.minute,
            added_time=g.added_time, penalty=int(g.penalty), own_goal=int(g.own_goal),
        )  # fmt: skip


def _group_rows(rows: Rows, ids: _Ids, round_id: int, group: Group, position: int) -> None:
    ids.group += 1
    gid = ids.group
    rows.add("groups", id=gid, round_id=round_id, position=position, name=group.name,
             line=group.line)  # fmt: skip
    for i, team in enumerate(group.teams):
        rows.add("group_teams", group_id=gid, position=i, team=team)
    for i, s in enumerate(group.table):
        rows.add(
            "standings",
            group_id=gid, position=i, team=s.team, played=s.played, won=s.won, drawn=s.drawn,
            lost=s.lost, goals_for=s.goals_for, goals_against=s.goals_against,
            points=s.points, line=s.line,
        )  # fmt: skip
    for i, match in enumerate(group.matches):
        _leg_rows(rows, ids, match, i, tie_id=None, group_id=gid)
    _disagreement_rows(rows, ids, group.disagreements, tie_id=None, group_id=gid)


def _tie_rows(
    rows: Rows, ids: _Ids, round_id: int, tie: Tie, position: int, clubs: TieClubs
) -> None:
    ids.tie += 1
    club1, club2 = clubs.of(tie)
    agg1, agg2 = _pair(tie.aggregate)
    pen1, pen2 = _pair(tie.penalties)
    rows.add(
        "ties",
        id=ids.tie, round_id=round_id, position=position, round_name=tie.round_name,
        idx=tie.index, team1=tie.team1, team2=tie.team2,
        club1=club1, club2=club2,
        code1=tie.code1, code2=tie.code2,
        winner=None if tie.winner is None else int(tie.winner),
        decided_by=tie.decided_by.value, aggregate1=agg1, aggregate2=agg2,
        penalties1=pen1, penalties2=pen2, reason=tie.reason,
        winner_as_stated=tie.winner_as_stated, advanced_to=tie.advanced_to,
        single_match=int(tie.single_match),
        source_file=tie.source.file, source_line=tie.source.line,
    )  # fmt: skip
    for i, src in enumerate(tie.sources):
        rows.add("tie_sources", tie_id=ids.tie, position=i, file=src.file, line=src.line)
    for i, note in enumerate(tie.notes):
        rows.add("notes", tie_id=ids.tie, position=i, text=note)
    for i, leg in enumerate(tie.legs):
        _leg_rows(rows, ids, leg, i, tie_id=ids.tie, group_id=None)
    _disagreement_rows(rows, ids, tie.disagreements, tie_id=ids.tie, group_id=None)


def _round_rows(
    rows: Rows, ids: _Ids, season_id: int, rnd: Round, position: int, clubs: TieClubs
) -> None:
    ids.round += 1
    rid = ids.round
    rows.add(
        "rounds",
        id=rid, season_id=season_id, position=position, name=rnd.name, ord=rnd.order,
        first_leg=rnd.first_leg, second_leg=rnd.second_leg, expected_ties=rnd.expected_ties,
        description=rnd.description, line=rnd.line, stage=rnd.stage.value,
    )  # fmt: skip
    for i, group in enumerate(rnd.groups):
        _group_rows(rows, ids, rid, group, i)
    for i, tie in enumerate(rnd.ties):
        _tie_rows(rows, ids, rid, tie, i, clubs)


def season_rows(rows: Rows, seasons: Sequence[Season], index: ClubIndex) -> None:
    """Seasons down to goals, with ids assigned here so no lastrowid round trips are needed."""

    competitions: dict[str, int] = {}
    seen: dict[tuple[str, str], str] = {}
    ids = _Ids()
    for s_pos, season in enumerate(seasons):
        season_id = s_pos + 1
        if (season.competition, season.label) in seen:
            first = seen[(season.competition, season.label)]
            raise StorageError(f"season {season.key!r} given twice ({first}, {season.source_file})")
        seen[(season.competition, season.label)] = season.source_file
        if season.competition not in competitions:
            competitions[season.competition] = len(competitions) + 1
            rows.add("competitions", id=competitions[season.competition], name=season.competition)
        rows.add(
            "seasons",
            id=season_id, competition_id=competitions[season.competition], label=season.label,
            source_file=season.source_file, start_year=season.start_year,
            end_year=season.end_year, position=s_pos,
        )  # fmt: skip
        for i, file in enumerate(season.merged_from):
            rows.add("season_sources", season_id=season_id, position=i, file=file)
        for i, (team, code) in enumerate(season.countries):
            rows.add("season_countries", season_id=season_id, position=i, team=team, code=code)
        for i, (stated, team) in enumerate(season.aliases):
            rows.add("season_aliases", season_id=season_id, position=i, stated=stated, team=team)
        _diagnostic_rows(rows, "parser", season.diagnostics, season_id)
        clubs = TieClubs(index, season)
        for r_pos, rnd in enumerate(season.rounds):
            _round_rows(rows, ids, season_id, rnd, r_pos, clubs)


def _diagnostic_rows(
    rows: Rows, origin: str, diagnostics: Sequence[Diagnostic], season_id: int | None = None
) -> None:
    for d in diagnostics:
        rows.add(
            "diagnostics",
            season_id=season_id, origin=origin, file=d.source.file, line=d.source.line,
            severity=d.severity.value, message=d.message,
        )  # fmt: skip


def to_rows(
    seasons: Sequence[Season],
    registry: RegistryLike,
    meta: Mapping[str, str],
    extra_diagnostics: Sequence[Diagnostic],
    merge_diagnostics: Sequence[Diagnostic] = (),
    sink: Sink | None = None,
) -> Rows:
    """Every row of a database holding ``seasons`` and ``registry``; ``meta`` adds meta keys;
    ``merge_diagnostics``: what merging sources found (identity questions, disagreements).

    With a ``sink`` every row has gone to it when this returns (``tables`` is then empty).
    """
    rows = Rows(sink)
    index = club_rows(rows, registry)
    season_rows(rows, seasons, index)
    _diagnostic_rows(rows, "registry", registry.diagnostics)
    _diagnostic_rows(rows, "merge", merge_diagnostics)
    _diagnostic_rows(rows, "loader", extra_diagnostics)
    built_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    own = {
        "schema_version": str(SCHEMA_VERSION),
        "built_at": built_at,
        "seasons": str(len(seasons)),
        "ties": str(rows.count("ties")),
        "clubs": str(len(registry.clubs)),
    }
    for key, value in {**meta, **own}.items():
        rows.add("meta", key=key, value=value)
    rows.flush()
    return rows

"""The synthetic generator: deterministic, consistent, and read back exactly by the parser."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from benchmarks.synth import COMPETITIONS, STYLES, SynthTie, generate, main
from benchmarks.synth_names import FIFA_CODES, make_pool
from benchmarks.synth_render import render
from bot.domain.models import DecidedBy
from bot.domain.names import fold

_TITLE = re.compile(
    r"^= (\d{4}(–\d{2})?) (CAF Confederation Cup|CAF Champions League) qualifying rounds =$"
)


def _texts(seasons: int, seed: int) -> list[str]:
    return [render(s) for s in generate(seasons, seed)]


def test_same_seed_same_documents_other_seed_other_documents() -> None:
    assert _texts(6, 3) == _texts(6, 3)
    assert _texts(6, 3) != _texts(6, 4)


def test_pool_names_are_distinct_after_folding() -> None:
    pool = make_pool(5000, random.Random(9))
    spellings = [fold(c.name) for c in pool] + [fold(c.alias) for c in pool if c.alias]
    assert len(pool) == 5000
    assert len(set(spellings)) == len(spellings)
    assert all(c.code in FIFA_CODES for c in pool)
    assert not any(re.search(r"\d", c.name) for c in pool)


def test_400_seasons_give_about_18000_ties_with_unique_labels() -> None:
    seasons = list(generate(400, 1))
    assert len(seasons) == 400
    keys = [(s.competition, s.label) for s in seasons]
    assert len(set(keys)) == 400
    assert {s.competition for s in seasons} == set(COMPETITIONS)
    assert {s.style for s in seasons} == set(STYLES)
    assert any("–" in s.label for s in seasons)
    ties = [t for s in seasons for t in s.ties]
    assert 16_000 <= len(ties) <= 20_000
    assert {t.decided for t in ties} == set(DecidedBy) - {DecidedBy.SINGLE_MATCH, DecidedBy.UNKNOWN}


def _check_consistent(tie: SynthTie) -> None:
    first, second = tie.legs
    assert first.home == second.away == tie.team1
    assert first.away == second.home == tie.team2
    if tie.decided in (DecidedBy.WITHDRAWAL, DecidedBy.WALKOVER):
        assert second.home_goals is None
        return
    assert first.away_goals is not None and second.away_goals is not None
    agg = tie.aggregate
    assert agg is not None
    if tie.decided is DecidedBy.AGGREGATE:
        assert agg[tie.winner - 1] > agg[2 - tie.winner]
        return
    assert agg[0] == agg[1]
    away = (second.away_goals, first.away_goals)
    if tie.decided is DecidedBy.AWAY_GOALS:
        assert away[tie.winner - 1] > away[2 - tie.winner]
        return
    assert away[0] == away[1] and tie.penalties is not None
    assert tie.penalties[tie.winner - 1] > tie.penalties[2 - tie.winner]


def test_every_tie_is_consistent_and_winners_advance() -> None:
    for season in generate(30, 7):
        for tie in season.ties:
            _check_consistent(tie)
        for before, after in zip(season.rounds, season.rounds[1:], strict=False):
            entrants = {c.name for t in after.ties for c in (t.team1, t.team2)}
            assert {t.winner_club.name for t in before.ties} <= entrants
            assert len(entrants) == 2 * len(after.ties)


def test_documents_copy_the_real_structure() -> None:
    for season in generate(12, 2):
        text = render(season)
        lines = text.splitlines()
        assert _TITLE.match(lines[0]), lines[0]
        assert lines[2] == "Infobox"
        assert all(f"=={r.name}==" in lines for r in season.rounds)
        assert text.count("\n----\n") >= len(season.ties) - len(season.rounds)
        if season.style == "codes":
            leg = season.ties[0].legs[0]
            assert f"{leg.home.name} {leg.home.code} {leg.home_goals}-{leg.away_goals}" in text


def test_cli_writes_files_and_refuses_to_mix_with_old_ones(tmp_path: Path) -> None:
    assert main(["--seasons", "5", "--out", str(tmp_path), "--seed", "2"]) == 0
    assert len(list(tmp_path.glob("*.txt"))) == 5
    with pytest.raises(SystemExit):
        main(["--seasons", "3", "--out", str(tmp_path)])
    assert main(["--seasons", "3", "--out", str(tmp_path), "--replace"]) == 0
    assert len(list(tmp_path.glob("*.txt"))) == 3


def test_parser_reads_back_exactly_what_was_generated() -> None:
    parser = pytest.importorskip("bot.parsing.wikipedia.document")
    for synth in generate(24, 5):
        season = parser.parse_document(render(synth), synth.file_name)
        assert (season.competition, season.label) == (synth.competition, synth.label)
        assert all("alias" in d.message for d in season.diagnostics), season.diagnostics
        assert [r.name for r in season.rounds] == [r.name for r in synth.rounds]
        for rnd, srnd in zip(season.rounds, synth.rounds, strict=True):
            assert rnd.expected_ties == len(srnd.ties) == len(rnd.ties)
            for tie, stie in zip(rnd.ties, srnd.ties, strict=True):
                assert tie.decided_by is stie.decided
                assert tie.winner_name == stie.winner_club.name
                if synth.style == "summary":
                    continue
                assert (tie.team1, tie.team2) == (stie.team1.name, stie.team2.name)
                if stie.aggregate is not None:
                    assert tie.aggregate == stie.aggregate
                if synth.style in ("codes", "plain") and stie.penalties:
                    assert tie.penalties == stie.penalties
                if synth.style == "scorers":
                    for leg, sleg in zip(tie.legs, stie.legs, strict=True):
                        assert leg.date == sleg.date
                        goals = (sleg.home_goals or 0) + (sleg.away_goals or 0)
                        assert len(leg.goals) == goals

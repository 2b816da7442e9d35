"""Club journeys: how far each season went and how it ended, and every club's layout."""

from __future__ import annotations

from bot.answering.engine import Engine
from bot.domain.catalog import Catalog
from bot.domain.models import Club
from bot.pictures.journeys import ENDING_ROLES, journey_layout, row_tag
from bot.pictures.layout import Role
from bot.pictures.runs import club_runs
from bot.pictures.typeface import Typeface
from bot.wording.pictures import ENGLISH, Ending
from tests.pictures.arabic import ARABIC
from tests.pictures.checks import layout_problems, overlapping_labels


def club(engine: Engine, name: str) -> Club:
    found = engine.ctx.resolution(name).club
    assert found is not None
    return found


def endings(catalog: Catalog, c: Club) -> dict[str, tuple[str, Ending]]:
    return {r.season.key: (r.rounds[r.reached].name, r.ending) for r in club_runs(catalog, c)}


def test_al_ahly_seasons_end_as_the_source_says(full_engine: Engine) -> None:
    runs = endings(full_engine.catalog, club(full_engine, "Al Ahly"))
    assert runs["CAF Champions League 2022–23"] == ("Final", Ending.CHAMPIONS)
    assert runs["CAF Champions League 2021–22"] == ("Final", Ending.RUNNER_UP)
    assert runs["CAF Champions League 2018–19"] == ("Quarterfinals", Ending.OUT)
    assert runs["CAF Champions League 2016"] == ("Group", Ending.OUT)  # not in the semi-finals
    assert runs["CAF Champions League 2024–25"] == ("Qual. Round 2", Ending.THROUGH)
    assert runs["CAF Confederation Cup 2014"] == ("Play-off round", Ending.THROUGH)


def test_unknown_stays_unknown(full_engine: Engine) -> None:
    simba = endings(full_engine.catalog, club(full_engine, "Simba"))
    # The source says Simba won its first-round tie, but describes no second-round tie.
    assert simba["CAF Confederation Cup 2012"] == ("Second round", Ending.UNKNOWN)
    wydad = endings(full_engine.catalog, club(full_engine, "Wydad"))
    assert wydad["CAF Champions League 2018–19"] == ("Final", Ending.UNKNOWN)  # no result given


def test_rows_newest_first_and_narrowed_like_the_question(full_engine: Engine) -> None:
    ahly = club(full_engine, "Al Ahly")
    runs = club_runs(full_engine.catalog, ahly)
    rank = {s.key: i for i, s in enumerate(full_engine.catalog.seasons)}
    assert [rank[r.season.key] for r in runs] == sorted((rank[r.season.key] for r in runs),
                                                        reverse=True)  # fmt: skip
    only = club_runs(full_engine.catalog, ahly, "2023", None)
    assert {r.season.key for r in only} == {"African Football League 2023", "CAF Super Cup 2023"}
    cl = club_runs(full_engine.catalog, ahly, None, "CAF Champions League")
    assert {r.season.competition for r in cl} == {"CAF Champions League"}


def test_layout_colours_the_reached_round_by_its_ending(
    full_engine: Engine, typeface: Typeface
) -> None:
    ahly = club(full_engine, "Al Ahly")
    runs = club_runs(full_engine.catalog, ahly)
    layout = journey_layout(ahly, runs, ENGLISH, typeface)
    assert sum(1 for b in layout.boxes if b.tag.startswith("row:")) == len(runs)
    for run in runs:
        segs = [b for b in layout.boxes if b.tag.startswith(f"seg:{run.season.key}:")]
        assert len(segs) == len(run.rounds)
        end = segs[run.reached]
        if run.ending is Ending.UNKNOWN:  # hollow, in the unknown colour
            assert (end.fill, end.edge) == (Role.TRACK, Role.UNKNOWN)
        else:
            assert (end.fill, end.edge) == (ENDING_ROLES[run.ending], None)
        assert all(s.fill is Role.TRACK for s in segs[run.reached + 1 :])
        words = [lab.text for lab in layout.labels_in(row_tag(run))]
        assert words[-2:] == [run.rounds[run.reached].name, ENGLISH.ending(run.ending)]
    legend = [lab.text for lab in layout.labels if lab.tag.startswith("legend:")]
    assert legend == ["champions", "runner-up", "out", "went through"]  # only colours used


def test_every_club_lays_out_cleanly(full_catalog: Catalog, typeface: Typeface) -> None:
    checked = 0
    for c in full_catalog.clubs.values():
        runs = club_runs(full_catalog, c)
        if not runs:
            continue
        for words in (ENGLISH, ARABIC):
            layout = journey_layout(c, runs, words, typeface)
            assert layout_problems(layout) == [], c.name
            assert overlapping_labels(layout) == [], c.name
            assert layout.width <= 800, c.name  # phone width
        checked += 1
    assert checked > 400

"""Bracket layouts checked exactly: every tie drawn once, winners joined to their next tie,
unknowns shown as unknown, how each tie was decided, and the geometry of every season."""

from __future__ import annotations

import pytest

from bot.answering.commands.bracket import knockout_stage, season_bracket
from bot.answering.engine import Engine
from bot.answering.facts import BracketKind, SeasonBracket
from bot.domain.catalog import Catalog
from bot.domain.models import DecidedBy, Round, Season
from bot.pictures.brackets import bracket_slots, column_slots, season_layout, tie_tag
from bot.pictures.layout import Layout, mirrored
from bot.pictures.typeface import Typeface
from bot.wording.pictures import ENGLISH, PictureWords
from tests.conftest import make_catalog, tie
from tests.pictures.arabic import ARABIC
from tests.pictures.checks import layout_problems, overlapping_labels


def bracket_of(engine: Engine, key: str) -> SeasonBracket:
    season = next(s for s in engine.catalog.seasons if s.key == key)
    return season_bracket(engine.ctx, season)


def texts(layout: Layout, within: str) -> list[str]:
    return [lab.text for lab in layout.labels_in(within)]


def test_every_season_lays_out_cleanly(full_engine: Engine, typeface: Typeface) -> None:
    for season in full_engine.catalog.seasons:
        b = season_bracket(full_engine.ctx, season)
        for words in (ENGLISH, ARABIC):
            layout = season_layout(b, words, typeface)
            assert layout_problems(layout) == [], season.key
            assert overlapping_labels(layout) == [], season.key
            assert layout.width <= 1200, season.key  # four columns at most


def test_stage_selection(full_catalog: Catalog) -> None:
    kinds = {s.key: knockout_stage(s) for s in full_catalog.seasons}
    kind, rounds = kinds["CAF Champions League 2022–23"]
    assert kind is BracketKind.BRACKET
    assert [r.name for r in rounds] == ["Quarterfinals", "Semifinals", "Final"]
    kind, rounds = kinds["CAF Champions League 2012"]  # R16 is before the groups: not drawn
    assert (kind, [r.name for r in rounds]) == (BracketKind.BRACKET, ["Semifinals", "Final"])
    assert kinds["CAF Super Cup 2023"][0] is BracketKind.BRACKET
    columns = {
        "CAF Confederation Cup 2012": ["Preliminary round", "First round", "Second round",
                                       "Play-off round"],
        "CAF Confederation Cup 2017": ["Preliminary round", "First round", "Play-off round"],
        "CAF Confederation Cup 2023–24": ["First round", "Second round"],
        "CAF Champions League 2024–25": ["Qual. Round 1", "Qual. Round 2"],
    }  # fmt: skip
    for key, names in columns.items():
        kind, rounds = kinds[key]
        assert (kind, [r.name for r in rounds]) == (BracketKind.COLUMNS, names), key


def test_2022_23_bracket_joins_each_winner_to_its_row(
    full_engine: Engine, typeface: Typeface
) -> None:
    b = bracket_of(full_engine, "CAF Champions League 2022–23")
    layout = season_layout(b, ENGLISH, typeface)
    ties = [box for box in layout.boxes if box.tag.startswith("tie:")]
    assert len(ties) == 7 == len(b.entries)
    assert sum(box.tag.startswith("winner:") for box in layout.boxes) == 7  # each winner marked
    slots = bracket_slots(b)
    joins = {ln.tag: ln for ln in layout.lines}
    assert len(joins) == 6  # every quarter- and semi-final winner reaches the next round
    for k in range(2):
        for i, entry in enumerate(slots[k]):
            assert entry is not None and entry.winner_club is not None
            j = i // 2
            target = slots[k + 1][j]
            assert target is not None and target.side(entry.winner_club.key) is not None
            line = joins[f"join:{tie_tag(b.rounds[k], i)}>{tie_tag(b.rounds[k + 1], j)}"]
            src = layout.box(tie_tag(b.rounds[k], i))
            dst = layout.box(tie_tag(b.rounds[k + 1], j))
            assert src is not None and dst is not None
            assert line.points[0][0] == src.rect.right and line.points[-1][0] == dst.rect.x
    final = texts(layout, tie_tag(b.rounds[-1], 0))
    assert "Al-Ahly" in final and "Wydad AC" in final
    assert any(lab.text == "Champions: Al-Ahly" for lab in layout.labels)


def test_marks_say_how_ties_were_decided(full_engine: Engine, typeface: Typeface) -> None:
    layout = season_layout(bracket_of(full_engine, "CAF Champions League 2022–23"), ENGLISH,
                           typeface)  # fmt: skip
    shown = [lab.text for lab in layout.labels]
    assert "p 4–3" in shown  # Wydad beat Simba on penalties
    assert "a" in shown  # and Mamelodi Sundowns on away goals
    cc = season_layout(bracket_of(full_engine, "CAF Confederation Cup 2017"), ENGLISH, typeface)
    assert "w/o" in [lab.text for lab in cc.labels]


def test_single_match_final_is_one_match(full_engine: Engine, typeface: Typeface) -> None:
    b = bracket_of(full_engine, "CAF Super Cup 2023")
    layout = season_layout(b, ENGLISH, typeface)
    tag = tie_tag(b.rounds[0], 0)
    assert texts(layout, tag) == ["EGY", "Al-Ahly", "0", "ALG", "USM Alger", "1"]


def test_unknown_opponents_and_results_are_said_unknown(
    full_engine: Engine, typeface: Typeface
) -> None:
    b = bracket_of(full_engine, "CAF Confederation Cup 2012")
    layout = season_layout(b, ENGLISH, typeface)
    unnamed = sum(1 for e in b.entries if e.tie.team2 is None)
    assert sum(lab.text == "unknown" for lab in layout.labels) == unnamed > 40
    final = bracket_of(full_engine, "CAF Champions League 2018–19")  # decided by no result
    assert final.entries[-1].tie.decided_by is DecidedBy.UNKNOWN
    shown = season_layout(final, ENGLISH, typeface)
    assert "unknown" in texts(shown, tie_tag(final.rounds[-1], 0))
    assert not any(lab.tag == "champions" for lab in shown.labels)


def test_columns_join_only_what_the_source_says_and_never_cross(
    full_engine: Engine, typeface: Typeface
) -> None:
    for key in ("CAF Confederation Cup 2017", "CAF Confederation Cup 2012",
                "CAF Champions League 2024–25"):  # fmt: skip
        b = bracket_of(full_engine, key)
        layout = season_layout(b, ENGLISH, typeface)
        cols = column_slots(b)
        assert sorted(id(e) for c in cols for e in c) == sorted(id(e) for e in b.entries)
        expected = {
            (k, i, j)
            for k in range(len(cols) - 1)
            for i, e in enumerate(cols[k])
            for j, t in enumerate(cols[k + 1])
            if e.winner_club is not None and t.side(e.winner_club.key) is not None
        }
        drawn = {ln.tag for ln in layout.lines}
        assert drawn == {
            f"join:{tie_tag(b.rounds[k], i)}>{tie_tag(b.rounds[k + 1], j)}" for k, i, j in expected
        }
        for k in range(len(cols) - 1):  # no crossing: sources in the order of their rows
            rows = [(j, cols[k + 1][j].side(cols[k][i].winner_club.key))  # type: ignore[union-attr]
                    for kk, i, j in sorted(expected) if kk == k]  # fmt: skip
            assert rows == sorted(rows), key


def test_a_tie_the_source_lacks_is_an_unknown_slot(typeface: Typeface) -> None:
    semis = Round("Semifinals", 1, (tie("Semifinals", 1, "Alpha FC", "Beta United", 1,
                                        DecidedBy.AGGREGATE, aggregate=(2, 1)),))  # fmt: skip
    shootout = tie("Final", 1, "Alpha FC", "Gamma Stars", 2, DecidedBy.PENALTIES,
                   aggregate=(1, 1), penalties=(3, 4))  # fmt: skip
    final = Round("Final", 2, (shootout,))
    season = Season("Test Cup", "2030", (semis, final), "test.txt", 2030, 2030)
    catalog = make_catalog([season])
    engine = Engine(catalog)
    b = season_bracket(engine.ctx, catalog.seasons[0])
    assert b.kind is BracketKind.BRACKET
    assert [e is None for e in bracket_slots(b)[0]] == [False, True]  # Gamma's semi is missing
    layout = season_layout(b, ENGLISH, typeface)
    assert texts(layout, tie_tag(semis, 1)) == ["unknown", "unknown"]
    assert "p 4–3" in texts(layout, tie_tag(final, 0))  # the winner's shoot-out score first
    assert len(layout.lines) == 1 and layout_problems(layout) == []


def test_mirrored_for_right_to_left(full_engine: Engine, typeface: Typeface) -> None:
    b = bracket_of(full_engine, "CAF Champions League 2022–23")
    ltr = season_layout(b, ENGLISH, typeface)
    rtl = season_layout(b, ARABIC, typeface)
    first = rtl.box(tie_tag(b.rounds[0], 0))
    assert first is not None and first.rect.right > rtl.width // 2  # quarter-finals on the right
    assert mirrored(mirrored(ltr)) == ltr
    assert "ربع النهائي" in [lab.text for lab in rtl.labels]


@pytest.mark.parametrize("words", [ENGLISH, ARABIC])
def test_layout_is_a_pure_function(full_engine: Engine, words: PictureWords) -> None:
    b = bracket_of(full_engine, "African Football League 2023")
    assert season_layout(b, words, Typeface()) == season_layout(b, words, Typeface())

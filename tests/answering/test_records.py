"""/records on hand-built seasons whose every record is known, and on the real data.

The two seasons hold: a comeback from 0–2, a tie the source does not decide, a shoot-out,
a walkover, a summary with no legs, a final won in 2040 (so a run of ties won carries on
into 2041) and a round in 2041 the winner reached but no tie describes (so the run ends
there, by the source's silence, not by a defeat).
"""

from __future__ import annotations

import pytest

from bot.answering import facts as F
from bot.answering import records
from bot.answering.engine import Engine
from bot.domain.catalog import Catalog
from bot.domain.models import Club, DecidedBy, Leg, Round, Season, Side, SourceRef, Tie
from bot.domain.names import slug
from bot.wording.answer import AnswerKind
from bot.wording.speaker import Speaker

CUP = "Test Cup"


def _tie(rnd: str, i: int, a: str, b: str, legs: tuple[tuple[int, int], ...], winner: Side | None,
         how: DecidedBy = DecidedBy.AGGREGATE, file: str = "cup-2040.txt",
         **kw: object) -> Tie:  # fmt: skip
    played = tuple(
        Leg(a, b, *score) if n % 2 == 0 else Leg(b, a, *score) for n, score in enumerate(legs)
    )
    return Tie(rnd, i, a, b, winner, how, SourceRef(file, 10 * i), legs=played,
               single_match=len(legs) == 1, **kw)  # type: ignore[arg-type]  # fmt: skip


def seasons() -> list[Season]:
    r1 = Round("Round 1", 1, (
        _tie("Round 1", 1, "Alpha", "Omega", ((0, 2), (0, 4)), Side.ONE),  # 0–2, then 4–0 away
        _tie("Round 1", 2, "Beta", "Psi", ((1, 1), (0, 0)), None, DecidedBy.UNKNOWN),
        _tie("Round 1", 3, "Gamma", "Chi", ((1, 0), (1, 0)), Side.ONE, DecidedBy.PENALTIES,
             penalties=(4, 3)),
        _tie("Round 1", 4, "Delta", "Phi", (), Side.ONE, DecidedBy.WALKOVER),
        _tie("Round 1", 5, "Eta", "Rho", (), Side.ONE, aggregate=(5, 0)),
    ))  # fmt: skip
    final = Round("Final", 2, (
        _tie("Final", 6, "Alpha", "Gamma", ((3, 1),), Side.ONE, DecidedBy.SINGLE_MATCH),
    ))  # fmt: skip
    f = "cup-2041.txt"
    r1b = Round("Round 1", 1, (_tie("Round 1", 1, "Alpha", "Beta", ((2, 0), (1, 0)), Side.ONE,
                                    file=f),))  # fmt: skip
    r2b = Round("Round 2", 2, (_tie("Round 2", 2, "Omega", "Psi", ((3, 0), (0, 1)), Side.ONE,
                                    file=f),))  # fmt: skip
    finalb = Round("Final", 3, (_tie("Final", 3, "Alpha", "Gamma", ((1, 2),), Side.TWO,
                                     DecidedBy.SINGLE_MATCH, file=f),))  # fmt: skip
    return [
        Season(CUP, "2040", (r1, final), "cup-2040.txt", 2040, 2040),
        Season(CUP, "2041", (r1b, r2b, finalb), f, 2041, 2041),
    ]


@pytest.fixture(scope="module")
def engine() -> Engine:
    found = seasons()
    names = sorted({t for s in found for tie in s.ties for t in (tie.team1, tie.team2) if t})
    clubs = [Club(slug(n), n) for n in names]
    return Engine(Catalog(found, clubs, {c.name: c.key for c in clubs}))


def book(engine: Engine, season: str | None = None) -> records.RecordBook:
    facts = engine.answer("records", {"season": season})
    assert isinstance(facts, F.RecordsFacts)
    return facts.book


def names(items: tuple[object, ...]) -> list[str]:
    out = []
    for item in items:
        entry = getattr(item, "entry", None)
        club = getattr(item, "club", None)
        out.append(entry.winner_club.name if entry is not None else club.name)  # type: ignore[union-attr]
    return out


def test_what_could_not_be_ranked_is_counted(engine: Engine) -> None:
    b = book(engine)
    assert (b.ties, b.undecided, b.unscored, b.no_first_leg) == (9, 1, 1, 1)


def test_margins_and_goals(engine: Engine) -> None:
    b = book(engine)
    assert [(s.entry.winner_club.name, s.score) for s in b.wins.items] == [  # type: ignore[union-attr]
        ("Eta", (5, 0)), ("Omega", (4, 0)), ("Alpha", (4, 2)), ("Alpha", (3, 1)), ("Alpha", (2, 1)),
    ]  # fmt: skip
    assert b.wins.level == 1  # Gamma's 2–1 in the 2041 final: the same margin and goals
    top = [(s.entry.club1.name, sum(s.score)) for s in b.goals.items]
    assert top == [("Alpha", 6), ("Eta", 5), ("Omega", 4), ("Alpha", 4), ("Alpha", 3)]
    assert b.goals.level == 1  # the 2041 final, 1–2


def test_shootouts_titles_finals(engine: Engine) -> None:
    b = book(engine)
    assert names(b.shootouts_won.items) == ["Gamma"]
    assert [t.club.name for t in b.shootouts_lost.items] == ["Chi"]
    assert [(t.club.name, len(t.entries)) for t in b.titles.items] == [("Gamma", 1), ("Alpha", 1)]
    assert {(t.club.name, len(t.entries)) for t in b.finals.items} == {("Alpha", 2), ("Gamma", 2)}


def test_a_comeback_needs_the_first_leg_lost_by_two(engine: Engine) -> None:
    [comeback] = book(engine).comebacks.items
    assert comeback.entry.club1.name == "Alpha"
    assert (comeback.first_leg, comeback.score) == ((0, 2), (4, 2))


def test_a_run_carries_over_a_title_and_stops_where_the_source_is_silent(engine: Engine) -> None:
    [run] = book(engine).streaks.items
    assert run.club.name == "Alpha" and len(run.entries) == 3
    assert [e.season.label for e in run.entries] == ["2040", "2040", "2041"]
    assert run.ended_by is None  # 2041 Round 2 is not described: no defeat is claimed
    [part] = book(engine, "2040").streaks.items  # a season reads its part of the run
    assert len(part.entries) == 2 and part.ended_by is None
    assert book(engine, "2041").streaks.items == ()


def test_books_are_computed_at_load_time_not_per_request(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = Engine(engine.catalog)  # warm() ran in the constructor

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("a request computed a record book")

    monkeypatch.setattr(records, "compute", refuse)
    for season in (None, "2040", "2041"):
        for comp in (None, "Test Cup"):
            facts = fresh.answer("records", {"season": season, "competition": comp})
            assert isinstance(facts, F.RecordsFacts)


def test_records_in_words(engine: Engine) -> None:
    answer = Speaker(engine).answer("records")
    titles = [b.title for b in answer.blocks]
    assert titles == ["Biggest wins", "Most goals in a tie", "Most shoot-outs won",
                      "Most shoot-outs lost", "Most titles", "Most finals",
                      "Longest runs of ties won",
                      "Comebacks: won after losing the first leg by two or more"]  # fmt: skip
    text = answer.to_markdown()
    assert "**Eta** 5–0 on aggregate Rho — 2040 · Round 1 (cup-2040.txt:50)" in text
    assert "…and 1 more with the same figure." in text
    assert "**Alpha** 3 in a row: from 2040 · Round 1 v Omega to 2041 · Round 1 v Beta" in text
    assert ("**Alpha** lost the first leg 0–2 to Omega, then won 4–2 on aggregate — 2040 · "
            "Round 1 (cup-2040.txt:10)") in text  # fmt: skip
    assert "1 tie is not decided in the source: it counts for no one." in answer.summary
    assert "Source" in answer.footer and answer.ties


def test_records_on_the_real_data(all_engine: Speaker) -> None:
    answer = all_engine.answer("records", competition="CL")
    text = answer.to_markdown()
    assert "**Mamelodi Sundowns** 16–1 on aggregate Côte d'Or FC" in text
    assert "**Al-Ahly** 9: 2023–24, 2022–23" in text  # most titles
    assert all_engine.answer("records", season="2023-24").kind is AnswerKind.OK
    for lang, title in (("fr", "Plus larges victoires"), ("pt", "Maiores vitórias"),
                        ("ar", "أكبر الانتصارات")):  # fmt: skip
        assert all_engine.answer("records", lang=lang).blocks[0].title == title

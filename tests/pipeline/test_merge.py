"""Two sources for one season: one season, each fact once, each disagreement with both sources.

The real case is the Champions League 2022–23, in Football.TXT and on RSSSF's
page: they agree on 47 of 49 ties and differ on two walkovers and on the dates
of two group matches.  Small hand-made seasons show the rules one at a time.
"""

from __future__ import annotations

import datetime as dt
import time
from functools import cache
from pathlib import Path

from bot.cli.reports import report_lines
from bot.clubs.curated import CuratedClub
from bot.clubs.registry import build_registry
from bot.domain.catalog import ClubIndex
from bot.domain.models import (
    DecidedBy,
    Disagreement,
    Group,
    Leg,
    LegStatus,
    Round,
    Season,
    SourceRef,
    Stage,
    Tie,
    Version,
)
from bot.pipeline.build import Gathered, check_documents, gather, parse_documents
from bot.pipeline.documents import DEFAULT_MAX_BYTES, list_documents
from bot.pipeline.merge import merge_seasons, richness
from tests.paths import CLUBS, DATA

FTXT = "football-txt/caf-champions-league/2022-23.txt"
RSSSF = "rsssf/afcup2023.txt"


@cache
def shipped() -> Gathered:
    return gather(list_documents(DATA), DATA, CLUBS, DEFAULT_MAX_BYTES, time.perf_counter())


def season_2022_23() -> Season:
    return next(s for s in shipped().seasons if s.key == "CAF Champions League 2022–23")


def test_the_2022_23_champions_league_is_one_season_led_by_football_txt() -> None:
    season = season_2022_23()
    assert (season.source_file, season.merged_from) == (FTXT, (RSSSF,))
    assert [r.name for r in season.rounds] == [
        "Qual. Round 1", "Qual. Round 2", "Group", "Quarterfinals", "Semifinals", "Final"
    ]  # fmt: skip
    assert len(season.ties) == 49 and len(season.matches) == 48
    assert all(RSSSF in {s.file for s in t.sources} for t in season.ties)  # every tie in both
    keys = [s.key for s in shipped().seasons]
    assert keys.count("CAF Champions League 2022–23") == 1


def test_its_groups_take_rsssf_letters_and_tables_in_the_leading_spellings() -> None:
    groups = [g for r in season_2022_23().rounds for g in r.groups]
    assert sorted(g.name or "" for g in groups) == ["Group A", "Group B", "Group C", "Group D"]
    for group in groups:
        assert len(group.table) == 4
        assert {row.team for row in group.table} <= set(group.teams)
    wydad = next(g for g in groups if "Wydad AC" in g.teams)
    assert wydad.table[0].team == "Wydad AC" and wydad.table[0].points == 13


def _disputed_ties() -> dict[str, Tie]:
    return {t.team1: t for t in season_2022_23().ties if t.disagreements}


def test_the_two_walkovers_disagree_field_by_field() -> None:
    ties = _disputed_ties()
    assert sorted(ties) == ["Banjul Hawks", "Volcan Club de Moroni"]
    assert ties["Volcan Club de Moroni"].disagreements == (
        Disagreement(
            "result",
            (
                Version("cancelled", SourceRef(FTXT, 41)),
                Version("awarded 3-0", SourceRef(RSSSF, 28)),
            ),
            2,
        ),
    )
    assert ties["Banjul Hawks"].disagreements == (
        Disagreement("result", (Version("cancelled", SourceRef(FTXT, 11)),
                                Version("awarded 0-3", SourceRef(RSSSF, 31))), 1),
        Disagreement("date", (Version("2022-09-09", SourceRef(FTXT, 11)),
                              Version("2022-09-10", SourceRef(RSSSF, 31))), 1),
        Disagreement("result", (Version("cancelled", SourceRef(FTXT, 40)),
                                Version("awarded 3-0", SourceRef(RSSSF, 31))), 2),
        Disagreement("date", (Version("2022-09-16", SourceRef(FTXT, 40)),
                              Version("2022-09-17", SourceRef(RSSSF, 31))), 2),
    )  # fmt: skip


def test_where_they_agree_a_fact_is_stated_once() -> None:
    hawks = _disputed_ties()["Banjul Hawks"]
    assert [leg.status for leg in hawks.legs] == [LegStatus.CANCELLED, LegStatus.CANCELLED]
    assert hawks.winner_name == "Horoya AC" and hawks.decided_by is DecidedBy.WALKOVER
    monastir = next(t for t in season_2022_23().ties if t.team1 == "APR FC")
    assert len(monastir.legs) == 2 and monastir.disagreements == ()
    assert [leg.date for leg in monastir.legs] == [dt.date(2022, 9, 10), dt.date(2022, 9, 18)]


def test_the_two_group_matches_disagree_on_their_dates() -> None:
    found = [
        (g.matches[d.leg - 1].home, g.matches[d.leg - 1].away, d)
        for r in season_2022_23().rounds
        for g in r.groups
        for d in g.disagreements
        if d.leg is not None
    ]
    assert sorted(found, key=lambda f: f[0]) == [
        ("Espérance de Tunis", "CR Bélouizdad",
         Disagreement("date", (Version("2023-04-02", SourceRef(FTXT, 178)),
                               Version("2023-04-01", SourceRef(RSSSF, 167))), found[0][2].leg)),
        ("Wydad AC", "JS Kabylie",
         Disagreement("date", (Version("2023-04-02", SourceRef(FTXT, 177)),
                               Version("2023-04-01", SourceRef(RSSSF, 110))), found[1][2].leg)),
    ]  # fmt: skip


def test_check_lists_every_disagreement_and_no_identity_question() -> None:
    report = check_documents(DATA, CLUBS)
    lines = [text for _, text in report_lines(report, check=True)]
    assert "club identity: no question open" in lines
    assert "sources disagree on 7 facts in 1 season (each answer about them says so):" in lines
    assert (
        "  CAF Champions League 2022–23, Qual. Round 1, Volcan Club de Moroni v La Passe FC: "
        f"The sources disagree on the result of the 2nd leg: cancelled ({FTXT}:41) vs "
        f"awarded 3–0 ({RSSSF}:28)."
    ) in lines
    assert not any("identity question" in line for line in lines)
    assert not any("matches no tie" in line for line in lines)  # every tie found its twin
    assert any(
        line.startswith(f"CAF Champions League 2022–23 ({FTXT} + {RSSSF})") for line in lines
    )


# -- hand-made seasons ---------------------------------------------------------------


def _tie(t1: str, t2: str | None, src: SourceRef, legs: tuple[Leg, ...] = (), **kw: object) -> Tie:
    return Tie("First round", 1, t1, t2, 1, DecidedBy.AGGREGATE, src, legs=legs, **kw)  # type: ignore[arg-type]


def _season(file: str, *ties: Tie, countries: tuple[tuple[str, str], ...] = ()) -> Season:
    return Season("CAF Champions League", "2030", (Round("First round", 1, ties),), file,
                  2030, 2030, countries=countries)  # fmt: skip


def _merge(*seasons: Season, curated: tuple[CuratedClub, ...] = ()) -> tuple[Season, list[str]]:
    reg = build_registry(seasons, curated)
    merged = merge_seasons(seasons, ClubIndex(reg.club_of, reg.spellings))
    (season,) = merged.seasons
    return season, [d.message for d in merged.diagnostics]


def test_a_loser_less_summary_gains_its_opponent_and_legs_from_the_other_source() -> None:
    wiki = SourceRef("wiki.txt", 20)
    summary = _tie("Simba SC", None, wiki, aggregate=(3, 2), advanced_to="Second round")
    named = [_tie(f"Club {i}", f"Rival {i}", SourceRef("wiki.txt", 30 + i),
                  (Leg(f"Club {i}", f"Rival {i}", 1, 0),)) for i in range(3)]  # fmt: skip
    legs = (Leg("Vipers", "Simba SC", 2, 1, line=7), Leg("Simba SC", "Vipers", 2, 0, line=9))
    full = Tie("First round", 1, "Vipers", "Simba SC", 2, DecidedBy.AGGREGATE,
               SourceRef("ftxt.txt", 7), legs=legs, aggregate=(2, 3))  # fmt: skip
    lead = _season("wiki.txt", summary, *named)
    other = _season("ftxt.txt", full)
    assert richness(lead) > richness(other)
    season, notes = _merge(lead, other)
    assert notes == []
    merged = next(t for t in season.ties if "Simba SC" in (t.team1, t.team2))
    assert (merged.team1, merged.team2, merged.winner_name) == ("Vipers", "Simba SC", "Simba SC")
    assert merged.legs == legs and merged.source == SourceRef("ftxt.txt", 7)
    assert merged.sources == (wiki,) and merged.advanced_to == "Second round"
    assert merged.disagreements == ()  # 3-2 for Simba in both, each in its own order
    assert season.source_file == "wiki.txt" and season.merged_from == ("ftxt.txt",)


def test_a_different_winner_and_aggregate_are_recorded_not_chosen() -> None:
    one = _tie("Simba SC", "Vipers", SourceRef("a.txt", 5), aggregate=(3, 2))
    two = Tie("First round", 1, "Vipers", "Simba SC", 1, DecidedBy.AGGREGATE,
              SourceRef("b.txt", 8), aggregate=(4, 3))  # fmt: skip
    season, _ = _merge(_season("a.txt", one), _season("b.txt", two))
    (tie,) = season.ties
    assert tie.winner_name == "Simba SC"  # the leading source's, as it says it
    assert tie.disagreements == (
        Disagreement("winner", (Version("Simba SC", SourceRef("a.txt", 5)),
                                Version("Vipers", SourceRef("b.txt", 8)))),
        Disagreement("aggregate", (Version("3-2", SourceRef("a.txt", 5)),
                                   Version("3-4", SourceRef("b.txt", 8)))),
    )  # fmt: skip


def test_clubs_pair_ties_whatever_their_spellings_and_an_unpaired_one_is_reported() -> None:
    curated = (CuratedClub("Volcan Club", "COM", ("Volcan Club de Moroni",), city="Moroni"),)
    ftxt = _season("a.txt", _tie("Volcan Club de Moroni", "La Passe FC", SourceRef("a.txt", 3),
                                 code1="COM", code2="SEY"))  # fmt: skip
    rsssf = _season("b.txt", _tie("Volcan Club (Moroni)", "La Passe", SourceRef("b.txt", 28),
                                  code1="COM", code2="SEY"))  # fmt: skip
    season, notes = _merge(ftxt, rsssf, curated=curated)
    assert len(season.ties) == 2  # "La Passe" is not "La Passe FC" until clubs.toml says so
    assert notes == [
        "Volcan Club (Moroni) v La Passe matches no tie of a.txt, though a club of it plays "
        "Volcan Club de Moroni v La Passe FC (a.txt:3): one club under two names?"
    ]
    joined = (*curated, CuratedClub("La Passe", "SEY", ("La Passe FC",)))
    season, notes = _merge(ftxt, rsssf, curated=joined)
    assert len(season.ties) == 1 and notes == []
    assert season.ties[0].sources == (SourceRef("b.txt", 28),)


def test_groups_pair_by_their_clubs_and_matches_by_home_and_away() -> None:
    def stage(file: str, home: str, day: int, name: str | None) -> Round:
        matches = (Leg(home, "Horoya", 1, 0, date=dt.date(2030, 2, day), line=day,
                       source=SourceRef(file, day)),
                   Leg("Horoya", "Vipers", 2, 2, line=40, source=SourceRef(file, 40)))  # fmt: skip
        group = Group((home, "Horoya", "Vipers"), matches, name)
        return Round("Group", 2, (), stage=Stage.GROUP, groups=(group,))

    curated = (CuratedClub("Raja Casablanca", "MAR", ("Raja CA",)),)
    lead = Season("Cup", "2030", (stage("a.txt", "Raja Casablanca", 10, None),), "a.txt",
                  2030, 2030)  # fmt: skip
    other = Season("Cup", "2030", (stage("b.txt", "Raja CA", 11, "Group A"),), "b.txt",
                   2030, 2030)  # fmt: skip
    season, _ = _merge(lead, other, curated=curated)
    (group,) = season.rounds[0].groups
    assert group.name == "Group A" and len(group.matches) == 2
    assert group.disagreements == (
        Disagreement("date", (Version("2030-02-10", SourceRef("a.txt", 10)),
                              Version("2030-02-11", SourceRef("b.txt", 11))), 1),
    )  # fmt: skip


FTXT_DOC = """= CAF CL 2022/23

# Date       Fri Sep/9 2022 - Sun Jun/11 2023 (275d)

Qual. Round 1
[Sat Sep/10]
         Zalan FC (SSD)           0-4 (0-0)  Young Africans (TAN)
[Sat Sep/17]
         Young Africans (TAN)     5-0 (2-0)  Zalan FC (SSD)
"""
WIKI_DOC = """= 2022–23 CAF Champions League qualifying rounds =

==First round==
----

Young Africans won 9–1 on aggregate and advanced to the second round.
----
"""


def test_a_season_in_two_formats_is_merged_but_twice_in_one_format_is_a_duplicate(
    tmp_path: Path,
) -> None:
    (tmp_path / "a-ftxt.txt").write_text(FTXT_DOC, encoding="utf-8")
    (tmp_path / "b-wiki.txt").write_text(WIKI_DOC, encoding="utf-8")
    (tmp_path / "c-copy.txt").write_text(FTXT_DOC, encoding="utf-8")
    seasons, failed = parse_documents(list_documents(tmp_path), DEFAULT_MAX_BYTES)
    assert [s.source_file for s in seasons] == ["a-ftxt.txt", "b-wiki.txt"]
    assert [str(f) for f in failed] == [
        "c-copy.txt:1: error: duplicate season 'CAF Champions League 2022–23', "
        "already loaded from a-ftxt.txt"
    ]
    found = gather(list_documents(tmp_path), tmp_path, tmp_path / "none.toml",
                   DEFAULT_MAX_BYTES, time.perf_counter())  # fmt: skip
    (season,) = found.seasons
    (tie,) = season.ties
    assert (tie.team1, tie.team2, season.merged_from) == (
        "Zalan FC",
        "Young Africans",
        ("b-wiki.txt",),
    )
    assert tie.disagreements == (
        Disagreement("aggregate", (Version("0-9", SourceRef("a-ftxt.txt", 7)),
                                   Version("1-9", SourceRef("b-wiki.txt", 6)))),
    )  # fmt: skip


def test_an_answer_about_a_disputed_tie_says_so_citing_both_sources() -> None:
    from bot.answering.engine import Engine
    from bot.domain.catalog import Catalog
    from bot.wording.speaker import Speaker

    found = shipped()
    reg = found.registry
    speaker = Speaker(Engine(Catalog(found.seasons, reg.clubs, reg.club_of, reg.spellings)))
    text = speaker.ask("/tie Volcan 2022-23").to_markdown()
    assert (
        f"The sources disagree on the result of the 2nd leg: cancelled ({FTXT}:41) vs "
        f"awarded 3–0 ({RSSSF}:28)."
    ) in text
    assert (
        "Sources: openfootball (Football.TXT): caf-champions-league/2022-23.txt; "
        "RSSSF (© Karel Stokkermans and RSSSF): afcup2023.txt"
    ) in text  # both documents, named by their source
    agreed = speaker.ask("/tie Monastir 2022-23").to_markdown()
    assert "disagree" not in agreed and agreed.count("US Monastir** 3–0 APR FC") == 1


def test_a_disagreement_reads_as_one_line_for_every_fact() -> None:
    from bot.wording.ties import disagreement_line

    a, b = SourceRef("a.txt", 3), SourceRef("b.txt", 9)
    assert disagreement_line(Disagreement("date", (Version("2023-04-02", a),
                                                   Version("2023-04-01", b)), 4), match=True) == (
        "The sources disagree on the date of the match: 2 Apr 2023 (a.txt:3) vs "
        "1 Apr 2023 (b.txt:9)."
    )  # fmt: skip
    assert disagreement_line(Disagreement("result", (Version("1-0 aet", a),
                                                     Version("1-1", b)), 1)) == (
        "The sources disagree on the result of the 1st leg: 1–0 after extra time (a.txt:3) vs "
        "1–1 (b.txt:9)."
    )  # fmt: skip
    assert disagreement_line(Disagreement("legs", (Version("2", a), Version("1", b)))) == (
        "The sources disagree on how many legs were played: 2 legs (a.txt:3) vs 1 leg (b.txt:9)."
    )


def test_a_round_only_the_other_source_has_is_added_in_its_place() -> None:
    def rnd(name: str, order: int, file: str, *pairs: tuple[str, str]) -> Round:
        ties = tuple(_tie(a, b, SourceRef(file, order * 10 + i)) for i, (a, b) in enumerate(pairs))
        return Round(name, order, ties)

    lead = Season("Cup", "2030", (rnd("Round 2", 1, "a.txt", ("A", "B"), ("C", "D")),),
                  "a.txt", 2030, 2030)  # fmt: skip
    first, second = rnd("Round 1", 1, "b.txt", ("E", "F")), rnd("Round 2", 2, "b.txt", ("A", "B"))
    other = Season("Cup", "2030", (first, second), "b.txt", 2030, 2030)
    season, _ = _merge(lead, other)
    assert [(r.name, r.order, len(r.ties)) for r in season.rounds] == [
        ("Round 1", 1, 1), ("Round 2", 2, 2)
    ]  # fmt: skip
    assert season.rounds[1].ties[0].sources == (SourceRef("b.txt", 20),)

"""Whole tournaments on every shipped document, asked as a fan would (console lines).

The expected answers come from reading the sources by hand: the 2023–24 Champions
League file (Al Ahly's group and final), the single-match finals of 2019–20 to
2021–22, the ties the sources do not decide (2006, 2018–19), awarded and
cancelled legs, extra time and shoot-outs, and RSSSF's lettered groups.
"""

from __future__ import annotations

from bot.wording.answer import Answer, AnswerKind, Outcome
from bot.wording.speaker import Speaker


def _titles(a: Answer) -> list[str]:
    return [b.title for b in a.blocks]


def _body(a: Answer) -> str:
    return "\n".join(b.body for b in a.blocks)


def test_tie_al_ahly_2023_24_qualifying_group_knockout_final(full_engine: Speaker) -> None:
    a = full_engine.ask("/tie Al Ahly 2023-24")
    assert a.kind is AnswerKind.OK
    assert "does not describe" not in a.summary
    assert a.summary.startswith("The source has 4 ties of Al-Ahly in 2023–24, and its group.")
    cl = "CAF Champions League 2023–24"
    assert _titles(a) == [
        f"{cl} · Qual. Round 2 — St. George SC vs Al Ahly SC",
        f"{cl} · Group — Al Ahly SC, Young Africans, CR Bélouizdad, Medeama SC",
        f"{cl} · Quarterfinals — Simba SC vs Al Ahly SC",
        f"{cl} · Semifinals — TP Mazembe vs Al Ahly SC",
        f"{cl} · Final — Espérance de Tunis vs Al Ahly SC",
    ]
    qualifying, group, _, _, final = a.blocks
    assert qualifying.body.endswith("Al Ahly SC qualified for the group stage.")
    assert group.body.splitlines() == [
        "1. Al Ahly SC — P6 W3 D3 L0, goals 6–1, 12 pts",
        "2. Young Africans — P6 W2 D2 L2, goals 9–6, 8 pts",
        "3. CR Bélouizdad — P6 W2 D2 L2, goals 7–6, 8 pts",
        "4. Medeama SC — P6 W1 D1 L4, goals 3–12, 4 pts",
        "25 Nov 2023 · **Al Ahly SC** 3–0 Medeama SC",
        "2 Dec 2023 · Young Africans 1–1 Al Ahly SC",
        "8 Dec 2023 · Al Ahly SC 0–0 CR Bélouizdad",
        "16 Feb 2024 · CR Bélouizdad 0–0 Al Ahly SC",
        "23 Feb 2024 · Medeama SC 0–1 **Al Ahly SC**",
        "1 Mar 2024 · **Al Ahly SC** 1–0 Young Africans",
        "Al Ahly SC finished 1st and played on in the quarter-finals.",
    ]
    assert "**Al Ahly SC** won 1–0 on aggregate." in final.body
    assert final.body.endswith(
        "Al Ahly SC won the final: champions of the CAF Champions League 2023–24."
    )
    assert final.outcome is Outcome.WON
    assert a.footer == "Source: openfootball (Football.TXT): caf-champions-league/2023-24.txt"
    assert len(a.matches) == 6 and all(m.side(a.ties[0].club2.key) for m in a.matches)  # type: ignore[union-attr]


def test_single_match_final_reads_as_one_match(full_engine: Speaker) -> None:
    a = full_engine.ask("/tie Zamalek 2019-20 final")
    (block,) = a.blocks
    assert block.body.splitlines() == [
        "27 Nov 2020 · **Al Ahly SC** 2–1 Zamalek",
        "Scorers: not given in the source.",
        "**Al Ahly SC** won 2–1 (single match).",
        "Zamalek were runners-up; Al Ahly SC won the CAF Champions League 2019–20.",
    ]
    assert a.outcome is Outcome.LOST


def test_undecided_ties_name_no_winner(full_engine: Speaker) -> None:
    a = full_engine.ask("/tie Inter Star 2006 R1")
    body = a.blocks[0].body
    assert "Inter Star 4–4 CAPS United on aggregate; the source does not say who went through." in (
        body
    )
    assert "**" not in body.split("Scorers")[1].split("Note:")[0]  # nobody in bold: no winner
    assert "advanced" not in body and "eliminated" not in body
    assert a.outcome is Outcome.NEUTRAL
    final = full_engine.ask("/tie Wydad 2018-19 final")
    text = final.blocks[0].body
    assert "31 May 2019 · Espérance de Tunis v Wydad AC — cancelled, not played" in text
    assert "The source does not say who went through." in text
    assert "champions" not in text and "runners-up" not in text
    club = full_engine.ask("/club Wydad 2018-19")
    assert club.blocks[0].title == (
        "CAF Champions League 2018–19 — final (the source does not say who won)"
    )
    assert "Ties: 3 won, 0 lost, 1 undecided in the source" in club.blocks[-1].body


def test_awarded_cancelled_extra_time_and_shootout_legs(full_engine: Speaker) -> None:
    awarded = _body(full_engine.ask("/tie Enugu Rangers 2013 prelim"))
    assert "17 Feb 2013 · Enugu Rangers v Sporting Clube do Príncipe — cancelled, not played" in (
        awarded
    )
    assert "1 Mar 2013 · Sporting Clube do Príncipe 0–3 **Enugu Rangers** (awarded)" in awarded
    assert "advanced on a walkover; the second leg was awarded 3–0 to Enugu Rangers." in awarded
    extra = _body(full_engine.ask('/tie "AS Port Louis 2000" 2006 R1'))
    assert "**AS Port Louis 2000** 1–0 Coin Nord Mitsamiouli (after extra time)" in extra
    alone = _body(full_engine.ask('/tie "ES Setif" 2013 "Round of 16"'))
    assert (
        "3 May 2013 · ES Sétif v AC Léopards — score not given in the source; "
        "ES Sétif won 3–2 on penalties"
    ) in alone
    assert "The source does not say who went through." in alone
    shootout = _body(full_engine.ask("/tie US Bitam 2011 prelim"))
    assert "Les Astres FC 0–0 US Bitam (after extra time; US Bitam won 5–3 on penalties)" in (
        shootout
    )


def test_club_path_through_groups_and_how_far(full_engine: Speaker) -> None:
    a = full_engine.ask("/club Al Ahly")
    titles = _titles(a)
    assert "CAF Champions League 2023–24 — champions" in titles
    assert "CAF Champions League 2021–22 — runners-up" in titles
    assert "CAF Champions League 2018–19 — quarter-finals" in titles
    assert "CAF Champions League 2016 — group stage" in titles
    assert "CAF Champions League 2024–25 — qualified for the group stage" in titles
    season = a.blocks[titles.index("CAF Champions League 2022–23 — champions")]
    assert season.body.splitlines()[1] == (
        # Football.TXT and RSSSF merged: RSSSF's letter names the group.
        "Group: 2nd in Group B (with Mamelodi Sundowns, Al-Hilal, Coton Sport): W3 D1 L2, 10 pts"
    )
    assert season.body.splitlines()[-1] == "Final: beat Wydad AC 3–2 on aggregate → champions"
    out = a.blocks[titles.index("CAF Champions League 2016 — group stage")].body
    assert out.endswith("→ no later round of the source names Al-Ahly")
    record = a.blocks[-1].body
    assert "Group matches: " in record
    assert "Titles: 9 — CAF Champions League (2023–24, 2022–23, 2020–21, 2019–20, 2013" in record


def test_rsssf_groups_keep_their_letters(full_engine: Speaker) -> None:
    a = full_engine.ask("/club USM Alger 2022-23")
    (season, _record) = a.blocks
    assert season.title == "CAF Confederation Cup 2022–23 — champions"
    assert (
        "Group Stage: 2nd in Group A (with Marumo Gallants, Saint-Éloi Lupopo, Al-Akhdar): "
        "W3 D2 L1, 11 pts"
    ) in season.body
    assert a.footer == "Source: RSSSF (© Karel Stokkermans and RSSSF): afcup2023.txt"


def test_headtohead_lists_ties_and_group_matches(full_engine: Speaker) -> None:
    a = full_engine.ask("/headtohead Al Ahly Espérance")
    lines = a.summary.splitlines()
    assert lines[0] == "7 ties between them: Al-Ahly won 5, Espérance de Tunis won 2."
    assert lines[2] == (
        "6 matches in group stages: Al-Ahly won 2, 2 drawn, Espérance de Tunis won 2; goals 5–3."
    )
    groups = [b for b in a.blocks if b.title.endswith("group matches")]
    assert [b.title for b in groups] == [
        "CAF Champions League 2018 · Group — group matches",
        "CAF Champions League 2011 · Group — group matches",
        "CAF Champions League 2007 · Group — group matches",
    ]
    assert groups[0].body == (
        "4 May 2018 · Al Ahly SC 0–0 Espérance de Tunis\n"
        "17 Aug 2018 · Espérance de Tunis 0–1 **Al Ahly SC**"
    )
    assert len(a.ties) == 7 and len(a.matches) == 6


def test_season_names_champion_and_stages(full_engine: Speaker) -> None:
    a = full_engine.ask("/season 2023-24")
    assert a.title == "CAF Champions League 2023–24 / CAF Confederation Cup 2023–24"
    assert a.summary.splitlines() == [
        "77 ties and 48 group matches in the source across 8 rounds.",
        "CAF Champions League 2023–24 final: Espérance de Tunis v Al Ahly SC — **Al Ahly SC** "
        "won 1–0 on aggregate. Champions: **Al Ahly SC**.",
    ]
    by_title = {b.title: b.body for b in a.blocks}
    rounds = by_title["CAF Champions League 2023–24 · Rounds"].splitlines()
    assert "Group: 4 groups and 48 matches in the source" in rounds
    groups = by_title["CAF Champions League 2023–24 · Groups"].splitlines()
    assert "Al Ahly SC 12, Young Africans 8, CR Bélouizdad 8, Medeama SC 4" in groups
    assert "CAF Confederation Cup 2023–24 · Qualified" in by_title  # qualifying rounds only
    undecided = full_engine.ask("/season 2018-19").summary
    assert "final: Wydad AC v Espérance de Tunis — the source does not say who won it." in (
        undecided
    )


def test_group_command(full_engine: Speaker) -> None:
    simba = full_engine.ask("/group 2022-23 Simba")
    assert simba.title == "Simba · CAF Champions League 2022–23 · group"
    (block,) = simba.blocks
    assert block.title == (
        "CAF Champions League 2022–23 · Group — Group C"  # RSSSF's letter, after the merge
    )
    lines = block.body.splitlines()
    assert lines[:2] == [
        "1. Raja Casablanca — P6 W5 D1 L0, goals 17–3, 16 pts",
        "2. Simba SC — P6 W3 D0 L3, goals 10–7, 9 pts",
    ]
    assert len(lines) == 4 + 12 and len(simba.matches) == 12
    assert "computed from the matches by CAF's rules" in simba.summary
    letter = full_engine.ask("/group 2022-23 A competition:CC")
    assert [b.title for b in letter.blocks] == [
        "CAF Confederation Cup 2022–23 · Group Stage — Group A"
    ]
    assert "The tables the source prints agree with them." in letter.summary
    every = full_engine.ask("/group 2023-24")
    assert len(every.blocks) == 4 and every.query["season"] == "2023–24"
    assert all("Group A" not in b.title for b in every.blocks)  # Football.TXT: no letters


def test_group_refusals(full_engine: Speaker) -> None:
    none = full_engine.ask("/group 2024-25")
    assert none.kind is AnswerKind.NOT_FOUND
    assert none.summary.startswith(
        "The source has no group stage for CAF Champions League 2024–25."
    )
    letter = full_engine.ask("/group 2023-24 B")
    assert letter.summary == (
        "No group of 2023–24 is called 'B'. The source gives its groups no names: name a club "
        "in the group instead."
    )
    absent = full_engine.ask("/group 2023-24 Horoya")
    assert absent.kind is AnswerKind.NOT_FOUND and "is in no group of 2023–24" in absent.summary
    no_season = full_engine.ask("/group")
    assert no_season.kind is AnswerKind.NOT_FOUND and "2023–24" in no_season.summary
    simba = full_engine.ask("/group Simba")
    assert (
        simba.summary == "Which season? Group stages of Simba: 2023–24, 2022–23, 2020–21, 2018–19."
    )


def test_winners_roll_of_honour(full_engine: Speaker) -> None:
    a = full_engine.ask("/winners")
    titles = _titles(a)
    assert titles[0] == "CAF Champions League · Finals"
    finals = _body(a)
    assert "2023–24: **Al-Ahly** beat Espérance de Tunis 1–0 on aggregate" in finals
    assert "2019–20: **Al-Ahly** beat Zamalek 2–1 (single match)" in finals
    assert "2018–19: Wydad AC v Espérance de Tunis — the source does not say who won the final" in (
        finals
    )
    assert "Final not in the source (the documents stop before it): 2024–25" in finals
    assert "**Al-Ahly** 9: 2023–24, 2022–23" in finals
    assert "2023: **USM Alger** beat " in finals  # the Super Cup, a single match
    assert "African Football League · Finals" in titles
    assert a.summary.splitlines()[0] == (
        "CAF Champions League: 20 finals in the sources; most titles: Al-Ahly (9); "
        "1 not decided in the source."
    )
    cl = full_engine.ask("/winners Ligue des champions")
    assert cl.title == "Winners · CAF Champions League"
    assert _titles(cl) == [t for t in titles if t.startswith("CAF Champions League")]
    assert full_engine.ask("/winners C1").blocks == cl.blocks
    assert full_engine.ask("/winners Premier League").kind is AnswerKind.NOT_FOUND


def test_competition_short_forms_and_answers_across_competitions(full_engine: Speaker) -> None:
    every = full_engine.ask("/tie Simba")
    assert every.summary.splitlines()[1] == (
        "Competitions: CAF Champions League (19 ties), African Football League (1 tie), "
        "CAF Confederation Cup (2 ties)."
    )
    for form in ("CL", "C1", "Champions League", "Ligue des champions"):
        only = full_engine.ask(f"/tie Simba competition:{form}")
        assert only.query["competition"] == "CAF Champions League"
        assert {e.season.competition for e in only.ties} == {"CAF Champions League"}
    for form in ("CC", "C2"):
        assert full_engine.ask(f"/club Simba competition:{form}").blocks[0].title == (
            "CAF Confederation Cup 2012 — reached the second round (not described)"
        )
    assert full_engine.ask("/season 2023-24 CL").title == "CAF Champions League 2023–24"
    assert full_engine.complete_competition("CL") == ["CAF Champions League"]
    assert full_engine.complete_competition("c2") == ["CAF Confederation Cup"]
    assert "African Football League" in full_engine.complete_competition("")
    assert "Group A" in full_engine.complete_group("", "2022-23")
    assert full_engine.complete_group("simba", "2022-23") == ["Simba"]
    missing = full_engine.ask("/tie Simba 2012 competition:CL")
    assert missing.summary.startswith(
        "The source has no tie of Simba in CAF Champions League 2012."
    )


def test_a_lone_year_covers_both_seasons(full_engine: Speaker) -> None:
    a = full_engine.ask("/tie Al Ahly 2024")
    assert a.query["season"] == "2023–24 and 2024–25"
    assert {e.season.label for e in a.ties} == {"2023–24", "2024–25"}


def test_about_names_every_source(full_engine: Speaker) -> None:
    a = full_engine.ask("/about")
    sources = next(b.body for b in a.blocks if b.title == "Sources").splitlines()
    assert sources[0].startswith("openfootball (Football.TXT): 22 documents")
    assert sources[1].startswith("RSSSF (© Karel Stokkermans and RSSSF): 1 document")
    assert '"(c) Copyright Karel Stokkermans and RSSSF 2022/23.' in sources[1]
    assert sources[2].startswith("Wikipedia: 4 documents")
    assert a.summary.startswith("Knockout ties, group stages and finals from 28 season documents")


def test_a_round_named_differently_by_each_competition(full_engine: Speaker) -> None:
    a = full_engine.ask("/season 2012 R1")
    assert (
        a.title == "CAF Champions League 2012 · Round 1 / CAF Confederation Cup 2012 · First round"
    )
    assert {(e.season.competition, e.round.name) for e in a.ties} == {
        ("CAF Champions League", "Round 1"),
        ("CAF Confederation Cup", "First round"),
    }
    final = full_engine.ask("/season 2023-24 final")
    assert final.title == "CAF Champions League 2023–24 · Final"  # the Confederation Cup's
    assert final.footer.endswith("caf-champions-league/2023-24.txt")  # document has none

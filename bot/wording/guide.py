"""The fixed texts: the command guide (/help) and what is loaded (/about).

The guide has one entry per command of the command table (a test checks
none is missing), written for fans: what it answers and two examples.
"""

from __future__ import annotations

from bot.answering.tournament import is_final
from bot.domain.catalog import Catalog
from bot.domain.models import DecidedBy
from bot.wording.answer import Block
from bot.wording.markdown import md, plural, split_lines
from bot.wording.sources import about_lines

_HELP: tuple[tuple[str, str], ...] = (
    (
        "/tie club [season] [round]",
        "A club's ties: legs with dates (home team first, winners in bold), scorers, the "
        "aggregate and how the tie was decided; its group with the table and its matches; "
        'the final.\nExamples: `/tie Simba 2012` · `/tie "Étoile du Sahel" 2014 first`',
    ),
    (
        "/club name [season]",
        "A club's path through each season, round by round and through its group, how far "
        'it went, and its record.\nExamples: `/club "Étoile du Sahel"` · `/club etoile sahel 2014`',
    ),
    (
        "/headtohead club_a club_b",
        "Every tie and group match between two clubs, or their common opponents when they "
        'never met.\nExamples: `/headtohead ASEC Horoya` · `/headtohead "Etoile du Sahel" Horoya`',
    ),
    (
        "/season season [round]",
        "A season's rounds, how many ties the source covers, how ties were decided, the groups, "
        "the champion or who qualified; with a round, its ties or groups.\n"
        "Examples: `/season 2023-24` · `/season 2017 playoff`",
    ),
    (
        "/group season [club or group]",
        "Group tables (computed from the matches by CAF's rules) and the matches: every group "
        "of the season, or the one of a club, or a group by its name where the source names it."
        "\nExamples: `/group 2023-24` · `/group 2022-23 Simba` · `/group 2022-23 A`",
    ),
    (
        "/winners [competition]",
        "The roll of honour: each season's final with its winner and runner-up, and the clubs "
        "with most titles.\nExamples: `/winners` · `/winners CL`",
    ),
    (
        "/decided method [season]",
        "Every tie decided by penalties, away goals, walkover, withdrawal or on aggregate.\n"
        "Examples: `/decided penalties 2014` · `/decided away` · `/decided wo`",
    ),
    (
        "/records [competition] [season]",
        "Biggest wins, most goals in a tie, most shoot-outs won and lost, most titles and "
        "finals, longest runs of ties won, comebacks; each with its tie and source.\n"
        "Examples: `/records` · `/records CL` · `/records 2023-24`",
    ),
    (
        "/ask question",
        "A question in plain words (English, French, Arabic or Portuguese); the answer says "
        "which command it was understood as. In the console, just type the question.\n"
        "Examples: `/ask who knocked out Simba in 2012` · `/ask Wydad vs Raja` · "
        "`/ask qui a gagné la ligue des champions 2019`",
    ),
    ("/about", "What is loaded: competitions, seasons, source documents and their sources."),
    (
        "Options",
        "Options can be named as in Discord: `/tie club:Simba season:2012`. "
        "Every command takes `competition:` to narrow, by name or short form: CL (C1), "
        "CC (C2), AFL, Super Cup; otherwise the answer covers every competition loaded.",
    ),
)


def help_blocks() -> list[Block]:
    return [Block(title, body) for title, body in _HELP]


def about_blocks(catalog: Catalog) -> list[Block]:
    """Per competition: each season's rounds, ties, groups and document; the sources; counts."""
    blocks: list[Block] = []
    for comp in catalog.competitions:
        lines = []
        for season in catalog.seasons:
            if season.competition != comp:
                continue
            ties = sum(len(r.ties) for r in season.rounds)
            groups = sum(len(r.groups) for r in season.rounds)
            grouped = f", {plural(groups, 'group')}" if groups else ""
            lines.append(
                f"{md(season.label)}: {plural(len(season.rounds), 'round')}, {plural(ties, 'tie')}"
                f"{grouped} ({md(season.source_file)})"
            )
        blocks.extend(split_lines(md(comp), lines))
    blocks.extend(split_lines("Sources", about_lines(catalog.seasons)))
    legs = sum(len(e.tie.legs) for e in catalog.entries)
    goals = sum(len(leg.goals) for e in catalog.entries for leg in e.tie.legs)
    counts = [
        f"Seasons: {len(catalog.seasons)}",
        f"Clubs: {len(catalog.clubs)}",
        f"Ties: {len(catalog.entries)}",
        f"Legs: {legs}",
    ]
    if catalog.matches:
        counts.append(f"Group matches: {len(catalog.matches)}")
    counts.append(f"Goals with a named scorer: {goals}")
    blocks.extend(split_lines("Counts", counts))
    return blocks


def about_summary(catalog: Catalog) -> str:
    comps = ", ".join(md(c) for c in catalog.competitions) or "no competition"
    what = "Knockout ties"
    if catalog.matches:
        what += ", group stages"
    if any(is_final(r) for s in catalog.seasons for r in s.rounds):
        what += " and finals"
    return (
        f"{what} from {plural(len(catalog.seasons), 'season document')} of {comps}. "
        "Answers say only what the source states, and say what it leaves out."
    )


# What Discord shows in the /decided method picker.
METHOD_LABELS: dict[DecidedBy, str] = {
    DecidedBy.AGGREGATE: "Aggregate score",
    DecidedBy.AWAY_GOALS: "Away goals",
    DecidedBy.PENALTIES: "Penalty shoot-out",
    DecidedBy.WALKOVER: "Walkover",
    DecidedBy.WITHDRAWAL: "Withdrawal",
}

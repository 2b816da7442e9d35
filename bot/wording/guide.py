"""The fixed texts: the command guide (/help) and what is loaded (/about).

The guide has one entry per command of the command table (a test checks
none is missing), written for fans: what it answers and two examples.
"""

from __future__ import annotations

from bot.domain.catalog import Catalog
from bot.domain.models import DecidedBy
from bot.wording.answer import Block
from bot.wording.markdown import md, plural, split_lines

_HELP: tuple[tuple[str, str], ...] = (
    (
        "/tie club [season] [round]",
        "A club's ties: legs with dates (home team first, winners in bold), scorers, the "
        "aggregate and how the "
        'tie was decided.\nExamples: `/tie Simba 2012` · `/tie "Étoile du Sahel" 2014 first`',
    ),
    (
        "/club name [season]",
        "A club's path through each season, round by round, and its record.\n"
        'Examples: `/club "Étoile du Sahel"` · `/club etoile sahel 2014`',
    ),
    (
        "/headtohead club_a club_b",
        "Every tie between two clubs, or their common opponents when they never met.\n"
        'Examples: `/headtohead ASEC Horoya` · `/headtohead "Etoile du Sahel" Horoya`',
    ),
    (
        "/season season [round]",
        "A season's rounds, how many ties the source covers, how ties were decided, who "
        "qualified; with a round, its ties.\nExamples: `/season 2023-24` · `/season 2017 playoff`",
    ),
    (
        "/decided method [season]",
        "Every tie decided by penalties, away goals, walkover, withdrawal or on aggregate.\n"
        "Examples: `/decided penalties 2014` · `/decided away` · `/decided wo`",
    ),
    ("/about", "What is loaded: competitions, seasons, source documents."),
    (
        "Options",
        "Options can be named as in Discord: `/tie club:Simba season:2012`. "
        "With several competitions loaded, add `competition:` to narrow.",
    ),
)


def help_blocks() -> list[Block]:
    return [Block(title, body) for title, body in _HELP]


def about_blocks(catalog: Catalog) -> list[Block]:
    """Per competition: each season's rounds, ties and source document; then overall counts."""
    blocks: list[Block] = []
    for comp in catalog.competitions:
        lines = []
        for season in catalog.seasons:
            if season.competition != comp:
                continue
            ties = sum(len(r.ties) for r in season.rounds)
            lines.append(
                f"{md(season.label)}: {plural(len(season.rounds), 'round')}, {plural(ties, 'tie')} "
                f"({md(season.source_file)})"
            )
        blocks.extend(split_lines(md(comp), lines))
    legs = sum(len(e.tie.legs) for e in catalog.entries)
    goals = sum(len(leg.goals) for e in catalog.entries for leg in e.tie.legs)
    blocks.extend(
        split_lines(
            "Counts",
            [
                f"Seasons: {len(catalog.seasons)}",
                f"Clubs: {len(catalog.clubs)}",
                f"Ties: {len(catalog.entries)}",
                f"Legs: {legs}",
                f"Goals with a named scorer: {goals}",
            ],
        )
    )
    return blocks


def about_summary(catalog: Catalog) -> str:
    comps = ", ".join(md(c) for c in catalog.competitions) or "no competition"
    return (
        f"Two-legged knockout ties from {plural(len(catalog.seasons), 'season document')} "
        f"of {comps}. "
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

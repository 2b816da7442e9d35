"""The fixed texts: the command guide (/help) and what is loaded (/about).

The guide has one entry per command of the command table (a test checks
none is missing), written for fans: what it answers and two examples.
"""

from __future__ import annotations

from collections.abc import Iterator

from bot.answering.table import COMMANDS, Command
from bot.answering.tournament import is_final
from bot.domain.catalog import Catalog
from bot.domain.models import DecidedBy
from bot.wording.answer import Block
from bot.wording.i18n.words import ENGLISH, Words
from bot.wording.markdown import md, plural, split_lines
from bot.wording.rounds import competition_name
from bot.wording.sources import about_lines

# The order of the guide; a command of the table not named here comes after, by its own
# description (a catalog message too), so no command is ever left out of /help.
ORDER = ("tie", "club", "headtohead", "season", "group", "winners", "decided", "records",
         "bracket", "ask", "settings", "about")  # fmt: skip
# Example command lines are typed as they are in every language (values, not words).
EXAMPLES: dict[str, tuple[str, ...]] = {
    "tie": ("/tie Simba 2012", '/tie "Étoile du Sahel" 2014 first'),
    "club": ('/club "Étoile du Sahel"', "/club etoile sahel 2014"),
    "headtohead": ("/headtohead ASEC Horoya", '/headtohead "Etoile du Sahel" Horoya'),
    "season": ("/season 2023-24", "/season 2017 playoff"),
    "group": ("/group 2023-24", "/group 2022-23 Simba", "/group 2022-23 A"),
    "winners": ("/winners", "/winners CL"),
    "decided": ("/decided penalties 2014", "/decided away", "/decided wo"),
    "bracket": ("/bracket 2022-23", "/bracket Champions League 2012"),
    "records": ("/records", "/records CL", "/records 2023-24"),
    "ask": (
        "/ask who knocked out Simba in 2012",
        "/ask Wydad vs Raja",
        "/ask qui a gagné la ligue des champions 2019",
    ),
    "settings": ("/settings language:Français", "/settings replies:Private"),
}


def _entry(name: str, w: Words) -> tuple[str, str] | None:
    """The syntax and the fan's description of a command the guide knows."""
    match name:
        case "tie":
            return w._("/tie club [season] [round]"), w._(
                "A club's ties: legs with dates (home team first, winners in bold), scorers, the "
                "aggregate and how the tie was decided; its group with the table and its "
                "matches; the final."
            )
        case "club":
            return w._("/club name [season]"), w._(
                "A club's path through each season, round by round and through its group, how "
                "far it went, and its record."
            )
        case "headtohead":
            return w._("/headtohead club_a club_b"), w._(
                "Every tie and group match between two clubs, or their common opponents when "
                "they never met."
            )
        case "season":
            return w._("/season season [round]"), w._(
                "A season's rounds, how many ties the source covers, how ties were decided, the "
                "groups, the champion or who qualified; with a round, its ties or groups."
            )
        case "group":
            return w._("/group season [club or group]"), w._(
                "Group tables (computed from the matches by CAF's rules) and the matches: every "
                "group of the season, or the one of a club, or a group by its name where the "
                "source names it."
            )
        case "winners":
            return w._("/winners [competition]"), w._(
                "The roll of honour: each season's final with its winner and runner-up, and the "
                "clubs with most titles."
            )
        case "decided":
            return w._("/decided method [season]"), w._(
                "Every tie decided by penalties, away goals, walkover, withdrawal or on aggregate."
            )
        case "bracket":
            return w._("/bracket [competition] season"), w._(
                "A picture of a season's knockout stage, round by round to the final; the text "
                "names the rounds drawn and the winner."
            )
        case "settings":
            return w._("/settings [language] [scope] [replies]"), w._(
                "The language of your answers (Discord has no Arabic: choose it here); with "
                "Manage Server, the server's language and whether answers are public or private."
            )
        case "about":
            return "/about", w._(
                "What is loaded: competitions, seasons, source documents and their sources."
            )
    return None


def _syntax(command: Command) -> str:
    """ "/records [season]": a command the guide has no words of its own for."""
    parts = [f"/{command.name}"]
    for option in command.options:
        if option.name != "competition":
            parts.append(option.name if option.required else f"[{option.name}]")
    return " ".join(parts)


def _commands() -> Iterator[Command]:
    known = {c.name: c for c in COMMANDS}
    yield from (known[name] for name in ORDER if name in known)
    yield from (c for c in COMMANDS if c.name not in ORDER and c.name != "help")


def help_blocks(w: Words = ENGLISH) -> list[Block]:
    blocks = []
    for command in _commands():
        found = _entry(command.name, w)
        title, text = found if found else (_syntax(command), w._(command.description) + ".")
        examples = EXAMPLES.get(command.name)
        if examples:
            shown = " · ".join(f"`{e}`" for e in examples)
            text += "\n" + w._("Examples: {examples}", examples=shown)
        blocks.append(Block(title, text))
    options = w._(
        "Options can be named as in Discord: {example}. Every command takes {option} to narrow, "
        "by name or short form: CL (C1), CC (C2), AFL, Super Cup; otherwise the answer covers "
        "every competition loaded.",
        example="`/tie club:Simba season:2012`",
        option="`competition:`",
    )
    blocks.append(Block(w._("Options"), options))
    return blocks


def about_blocks(catalog: Catalog, w: Words = ENGLISH) -> list[Block]:
    """Per competition: each season's rounds, ties, groups and document; the sources; counts."""
    blocks: list[Block] = []
    for comp in catalog.competitions:
        lines = []
        for season in catalog.seasons:
            if season.competition != comp:
                continue
            ties = sum(len(r.ties) for r in season.rounds)
            groups = sum(len(r.groups) for r in season.rounds)
            parts = [plural(len(season.rounds), "round", w), plural(ties, "tie", w)]
            if groups:
                parts.append(plural(groups, "group", w))
            lines.append(w._("{season}: {counts} ({document})", season=md(season.label),
                             counts=w.separator.join(parts),
                             document=md(season.source_file)))  # fmt: skip
        blocks.extend(split_lines(md(competition_name(comp, w)), lines, w=w))
    blocks.extend(split_lines(w._("Sources"), about_lines(catalog.seasons, w), w=w))
    legs = sum(len(e.tie.legs) for e in catalog.entries)
    goals = sum(len(leg.goals) for e in catalog.entries for leg in e.tie.legs)
    counts = [
        w._("Seasons: {n}", n=len(catalog.seasons)),
        w._("Clubs: {n}", n=len(catalog.clubs)),
        w._("Ties: {n}", n=len(catalog.entries)),
        w._("Legs: {n}", n=legs),
    ]
    if catalog.matches:
        counts.append(w._("Group matches: {n}", n=len(catalog.matches)))
    counts.append(w._("Goals with a named scorer: {n}", n=goals))
    blocks.extend(split_lines(w._("Counts"), counts, w=w))
    return blocks


def about_summary(catalog: Catalog, w: Words = ENGLISH) -> str:
    names = [md(competition_name(c, w)) for c in catalog.competitions]
    comps = w.separator.join(names) if names else w._("no competition")
    groups = bool(catalog.matches)
    finals = any(is_final(r) for s in catalog.seasons for r in s.rounds)
    documents = plural(len(catalog.seasons), "season document", w)
    if groups and finals:
        what = w._("Knockout ties, group stages and finals from {documents} of {competitions}.",
                   documents=documents, competitions=comps)  # fmt: skip
    elif groups:
        what = w._("Knockout ties, group stages from {documents} of {competitions}.",
                   documents=documents, competitions=comps)  # fmt: skip
    elif finals:
        what = w._("Knockout ties and finals from {documents} of {competitions}.",
                   documents=documents, competitions=comps)  # fmt: skip
    else:
        what = w._("Knockout ties from {documents} of {competitions}.", documents=documents,
                   competitions=comps)  # fmt: skip
    return what + " " + w._("Answers say only what the source states, and say what it leaves out.")


# What Discord shows in the /decided method picker.
METHOD_LABELS: dict[DecidedBy, str] = {
    DecidedBy.AGGREGATE: "Aggregate score",
    DecidedBy.AWAY_GOALS: "Away goals",
    DecidedBy.PENALTIES: "Penalty shoot-out",
    DecidedBy.WALKOVER: "Walkover",
    DecidedBy.WITHDRAWAL: "Withdrawal",
}

"""Knockout rounds: repeated lines dropped, spellings joined, matches paired into ties.

Football.TXT lists matches, not ties.  Two matches of a round between the same two
clubs are one tie (its two legs); a lone match is a one-match tie.  Three data
faults seen in the real files are handled here and reported, never silently:
a match line written twice, one club spelled two ways within a file (its two legs
then look like two one-match ties against two different clubs), and a club that
appears in two ties of one round.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from bot.domain.names import fold, significant_words
from bot.parsing.footballtxt.draft import Match, Report, RoundDraft, Team


def _fingerprint(match: Match) -> tuple[object, ...]:
    leg = match.leg
    return (
        match.home,
        match.away,
        leg.date,
        leg.status,
        leg.home_goals,
        leg.away_goals,
        leg.extra_time,
        leg.penalties,
    )


def drop_repeats(draft: RoundDraft, report: Report) -> None:
    """Keep one of several lines stating the same match (same clubs, date and result)."""
    first: dict[tuple[object, ...], int] = {}
    kept: list[Match] = []
    for match in draft.matches:
        key = _fingerprint(match)
        if key in first:
            report.warn(
                match.line,
                f"{draft.name}: this match repeats line {first[key]} "
                f"({match.leg.home} v {match.leg.away}, same date and result); kept once",
            )
            continue
        first[key] = match.line
        kept.append(match)
    draft.matches = kept


def _by_team(matches: list[Match]) -> dict[Team, list[Match]]:
    found: dict[Team, list[Match]] = {}
    for match in matches:
        found.setdefault(match.home, []).append(match)
        found.setdefault(match.away, []).append(match)
    return found


def _words(team: Team) -> set[str]:
    return set(significant_words(fold(team[0])))


def join_spellings(
    draft: RoundDraft, usage: Counter[Team], report: Report
) -> list[tuple[str, str]]:
    """Join two spellings of one club, returning (spelling replaced, spelling kept) pairs.

    The evidence must all be there: a club plays exactly one home and one away match
    in the round, against two spellings with the same country code that share a
    significant word, and neither spelling plays any other match of the round.
    The spelling used more often in the file is kept (the earlier one on a tie).
    """
    by_team = _by_team(draft.matches)
    aliases: list[tuple[str, str]] = []
    for team, matches in list(by_team.items()):
        homes = [m for m in matches if m.home == team]
        aways = [m for m in matches if m.away == team]
        if len(matches) != 2 or len(homes) != 1 or len(aways) != 1:
            continue
        one, other = homes[0].away, aways[0].home
        if one == other or one[1] != other[1]:
            continue
        if len(by_team.get(one, ())) != 1 or len(by_team.get(other, ())) != 1:
            continue
        lines = f"'{one[0]}' (line {homes[0].line}) and '{other[0]}' (line {aways[0].line})"
        if not _words(one) & _words(other):
            report.warn(
                homes[0].line,
                f"{draft.name}: {team[0]} plays {lines}, once each; "
                "the two names share no word, so they are kept as two clubs",
            )
            continue
        keep, drop = sorted(
            ((one, homes[0]), (other, aways[0])), key=lambda x: (-usage[x[0]], x[1].line)
        )
        match = drop[1]
        leg = match.leg
        if match.home == drop[0]:
            match.leg = dataclasses.replace(leg, home=keep[0][0])
        else:
            match.leg = dataclasses.replace(leg, away=keep[0][0])
        aliases.append((drop[0][0], keep[0][0]))
        report.warn(
            match.line,
            f"{draft.name}: {team[0]}'s opponents {lines} are one club spelled two ways "
            f"(both {one[1]}, each in one match only); taken as '{keep[0][0]}', "
            f"the spelling used {usage[keep[0]]} times in the file",
        )
    return aliases


def pair_matches(draft: RoundDraft, report: Report) -> list[list[Match]]:
    """The round's matches grouped into ties: same two clubs, legs in date order."""
    pairs: dict[frozenset[Team], list[Match]] = {}
    for match in draft.matches:
        pairs.setdefault(frozenset((match.home, match.away)), []).append(match)
    ties: list[list[Match]] = []
    for matches in pairs.values():
        if all(m.leg.date is not None for m in matches):
            matches.sort(key=lambda m: (m.leg.date, m.line))
        if len(matches) > 2:
            lines = ", ".join(str(m.line) for m in matches)
            report.warn(
                matches[0].line,
                f"{draft.name}: {len(matches)} matches between the same two clubs "
                f"(lines {lines}); a tie has at most two",
            )
        elif len(matches) == 2 and matches[0].home == matches[1].home:
            report.warn(
                matches[1].line,
                f"{draft.name}: both matches of this tie are at {matches[0].leg.home}'s ground "
                f"(lines {matches[0].line}, {matches[1].line})",
            )
        ties.append(matches)
    _report_double_entries(draft, ties, report)
    return ties


def _report_double_entries(draft: RoundDraft, ties: list[list[Match]], report: Report) -> None:
    seen: dict[Team, list[list[Match]]] = {}
    for tie in ties:
        for team in (tie[0].home, tie[0].away):
            seen.setdefault(team, []).append(tie)
    for team, found in seen.items():
        if len(found) < 2:
            continue
        opponents = "; ".join(
            f"{(t[0].away if t[0].home == team else t[0].home)[0]} (line {t[0].line})"
            for t in found
        )
        report.warn(
            found[1][0].line,
            f"{draft.name}: {team[0]} ({team[1]}) is in {len(found)} ties of this round: "
            f"{opponents}; two clubs may share the name",
        )

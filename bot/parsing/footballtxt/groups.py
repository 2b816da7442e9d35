"""Group stages: groups inferred from who plays whom, never from invented letters.

Football.TXT gives a bare ``Group`` header and then every group's matches in one
list, so a group is a connected component of the stage's match graph (clubs
joined by a match, cancelled ones included).  Clubs keep their first-appearance
order and matches their source order; a group is named only when the header
names it.  A double round robin of n clubs has n·(n−1) matches, each pairing
once at each ground; a group that differs is reported, not repaired.
"""

from __future__ import annotations

from bot.domain.models import Group
from bot.parsing.footballtxt.draft import Match, Report, RoundDraft, Team


def _find(parent: dict[Team, Team], team: Team) -> Team:
    while parent[team] != team:
        parent[team] = parent[parent[team]]
        team = parent[team]
    return team


def build_groups(draft: RoundDraft, label: str | None, report: Report) -> tuple[Group, ...]:
    """The stage's groups in order of their first match; ``label`` names a lone group."""
    parent: dict[Team, Team] = {}
    for match in draft.matches:
        for team in (match.home, match.away):
            parent.setdefault(team, team)
        a, b = _find(parent, match.home), _find(parent, match.away)
        if a != b:
            parent[b] = a
    members: dict[Team, list[Team]] = {}
    for team in parent:  # insertion order is first appearance
        members.setdefault(_find(parent, team), []).append(team)
    matches: dict[Team, list[Match]] = {}
    for match in draft.matches:
        matches.setdefault(_find(parent, match.home), []).append(match)
    name = label if len(members) == 1 else None
    groups = []
    for root, teams in members.items():
        found = matches[root]
        _check(draft.name, teams, found, report)
        groups.append(
            Group(
                teams=tuple(t[0] for t in teams),
                matches=tuple(m.leg for m in found),
                name=name,
                line=found[0].line,
            )
        )
    return tuple(groups)


def _check(stage: str, teams: list[Team], matches: list[Match], report: Report) -> None:
    who = ", ".join(t[0] for t in teams)
    seen: dict[tuple[Team, Team], int] = {}
    for match in matches:
        key = (match.home, match.away)
        if key in seen:
            report.warn(
                match.line,
                f"{stage}: {match.leg.home} v {match.leg.away} again at the same ground "
                f"(line {seen[key]}) in the group of {who}",
            )
        seen.setdefault(key, match.line)
    expected = len(teams) * (len(teams) - 1)
    if len(matches) != expected:
        report.warn(
            matches[0].line,
            f"{stage}: the group of {who} has {len(matches)} matches; "
            f"a double round robin of {len(teams)} clubs has {expected}",
        )

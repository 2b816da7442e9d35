"""/bracket [competition] season: which rounds of each season a bracket picture draws.

The knockout stage is the run of rounds after the last group stage that halves
down to a one-tie final (at most the round of 16 to the final).  A season whose
document has no such run (the qualifying-round documents) is drawn as columns,
one per knockout round.  Deciding this here keeps the picture stage a pure
drawing of facts, and lets the text answer name the same rounds.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.answering.context import Context, refuse
from bot.answering.facts import BracketFacts, BracketKind, SeasonBracket
from bot.answering.options import Options
from bot.answering.problems import NoSeasonGiven
from bot.answering.query import Query
from bot.domain.catalog import Entry
from bot.domain.models import Round, Season, Stage

MAX_BRACKET_ROUNDS = 4  # round of 16, quarter-finals, semi-finals, final


def knockout_stage(season: Season) -> tuple[BracketKind, tuple[Round, ...]]:
    """The rounds to draw and how: a BRACKET ending in the final, else COLUMNS."""
    rounds = season.rounds
    groups = [i for i, r in enumerate(rounds) if r.stage is Stage.GROUP]
    after = [r for r in rounds[(groups[-1] + 1 if groups else 0) :] if r.stage is Stage.KNOCKOUT]
    chain: list[Round] = []
    for rnd in reversed(after):
        slots = 1 if not chain else 2 * _slots(chain[0])
        if len(chain) == MAX_BRACKET_ROUNDS or not 1 <= len(rnd.ties) <= slots:
            break
        if rnd.expected_ties is not None and rnd.expected_ties != slots:
            break
        chain.insert(0, rnd)
    if chain and len(chain[-1].ties) == 1 and (len(chain) > 1 or not groups or _final(chain[-1])):
        return BracketKind.BRACKET, tuple(chain)
    first_group = groups[0] if groups else len(rounds)
    before = rounds[:first_group] if any(r.ties for r in rounds[:first_group]) else rounds
    return BracketKind.COLUMNS, tuple(r for r in before if r.stage is Stage.KNOCKOUT and r.ties)


def _slots(rnd: Round) -> int:
    return max(len(rnd.ties), rnd.expected_ties or 0, 1)


def _final(rnd: Round) -> bool:
    return "final" in rnd.name.lower()


def season_bracket(ctx: Context, season: Season) -> SeasonBracket:
    kind, rounds = knockout_stage(season)
    names = {r.name for r in rounds}
    mine: Sequence[Entry] = ctx.by_season.get(season.key, [])
    entries = tuple(e for e in mine if e.round.name in names)
    return SeasonBracket(season, kind, rounds, entries)


def answer(ctx: Context, o: Options) -> BracketFacts:
    comp = ctx.competition(o.get("competition"), "bracket")
    text = o.get("season")
    if text is None or not str(text).strip():
        raise refuse("bracket", NoSeasonGiven(tuple(reversed(ctx.labels_in(comp)))))
    label, seasons = ctx.seasons(text, comp, "bracket")
    assert label is not None  # a season was given, so one was found or Refused was raised
    drawn = tuple(season_bracket(ctx, s) for s in seasons)
    return BracketFacts(Query((), label, None, comp), label, tuple(d for d in drawn if d.rounds))

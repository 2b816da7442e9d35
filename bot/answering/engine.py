"""The answer engine: one pure, synchronous object behind Discord and the console.

It holds the in-memory Catalog and the Context built from it once, so an
answer is a few dictionary reads.  Inputs are untrusted text: every command
returns facts or a Refusal (never raises), and the wording layer turns
either into words.
"""

from __future__ import annotations

from bot.answering import facts as F
from bot.answering.context import Context, cut
from bot.answering.grammar import parse_line, to_call
from bot.answering.options import Options
from bot.answering.periods import resolve_round, resolve_season
from bot.answering.table import BY_NAME
from bot.answering.tokens import CommandError
from bot.domain.catalog import Catalog
from bot.domain.names import fold


class Engine:
    """Answers the commands of the table from a Catalog, as facts."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.ctx = Context(catalog)

    def answer(self, command: str, options: Options) -> F.Facts:
        """Run one command of the table; unknown inputs come back as a Refusal."""
        found = BY_NAME.get(command)
        if found is None:
            return F.Refusal("ask", F.UnknownCommand(command))
        try:
            return found.answer(self.ctx, options)
        except F.Refused as refused:
            return refused.refusal

    def ask(self, line: str) -> F.Facts:
        """Answer a command line typed as in Discord: ``/tie Simba 2012``, ``/tie club:Simba``."""
        if not isinstance(line, str):
            return F.Refusal("ask", F.BadLine("not_text"))
        try:
            call = to_call(parse_line(line), self)
        except CommandError as err:
            if err.unknown_command is not None:
                return F.Refusal("ask", F.UnknownCommand(err.unknown_command))
            return F.Refusal("ask", F.BadLine(err.problem, err.command, err.count))
        return self.answer(call.command, call.args)

    # ---- autocomplete ----------------------------------------------------------------------

    def complete_club(self, text: str, limit: int = 25) -> list[str]:
        limit = max(0, min(limit, 25))
        found = self.ctx.index.complete(cut(text or ""), limit=limit)
        return [cut(c.name) for c in found][:limit]

    def complete_season(self, text: str, club: str | None = None, limit: int = 25) -> list[str]:
        """Season labels, newest first; only the club's own seasons when it names one club."""
        labels = list(reversed(self.ctx.labels))
        if club and club.strip():
            res = self.ctx.resolution(club)
            if res.club is not None and not res.ambiguous:
                own = self.ctx.club_seasons.get(res.club.key, ())
                labels = list(reversed(dict.fromkeys(s.label for s in own)))
        typed = fold(cut(text or ""))
        if typed:
            exact = resolve_season(cut(text), labels)
            labels = [lab for lab in labels if lab == exact or typed in fold(lab)]
        return [cut(lab) for lab in labels[: max(0, min(limit, 25))]]

    def round_names(self) -> list[str]:
        return list(self.ctx.rounds)

    def competitions(self) -> list[str]:
        return list(self.catalog.competitions)

    # ---- what the command-line reader asks (grammar.Resolver) --------------------------------

    def is_season(self, text: str) -> bool:
        return self.ctx.season_label(text, None) is not None

    def is_round(self, text: str) -> bool:
        return resolve_round(cut(text), self.ctx.rounds) is not None

    def club_score(self, text: str) -> float:
        """How well ``text`` names a club: above 2 for one club, 1 for several, 0 for none."""
        res = self.ctx.resolution(text)
        if res.club is not None and not res.ambiguous:
            return 2.0 + max(0.0, min(float(res.score), 100.0)) / 100.0
        return 1.0 if res.candidates else 0.0

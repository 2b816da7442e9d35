"""The answer engine: one pure, synchronous object behind Discord and the console.

It holds the in-memory Catalog plus lookups built once (name index, ties by
season and by method, each club's seasons), so an answer is a few dictionary
reads and string joins — well under a millisecond.  Inputs are untrusted
text: every method answers politely (NOT_FOUND, AMBIGUOUS, INVALID) instead
of raising, and every answer is size-bounded and mention-safe.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.core import answers, commands
from bot.core.answer import Answer
from bot.core.compose import footer
from bot.core.explain import METHOD_WORDS
from bot.core.guide import about_blocks, about_summary, help_blocks
from bot.core.lookup import Lookup, Reply, query, refusal
from bot.core.render import MAX_ECHO, bounded, clip, quoted
from bot.core.resolve import resolve_round, resolve_season
from bot.domain.catalog import Catalog
from bot.domain.names import fold

METHODS: tuple[str, ...] = tuple(m.value for m in METHOD_WORDS)


class Engine:
    """Answers the bot's commands from a Catalog; ``help()`` lists them."""

    METHODS = METHODS

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.lookup = Lookup(catalog)
        self.index = self.lookup.index
        self._about: Answer | None = None
        self._help = bounded(Answer("help", "tiebot commands", blocks=tuple(help_blocks())))

    # ---- commands ------------------------------------------------------------------------

    def tie(
        self,
        club: str,
        season: str | None = None,
        round: str | None = None,  # the Discord option's name
        competition: str | None = None,
    ) -> Answer:
        """The club's ties (newest season first), each in full; undescribed ties are named."""
        lk = self.lookup
        return self._run(lambda: answers.tie_answer(lk, club, season, round, competition))

    def club(self, name: str, season: str | None = None, competition: str | None = None) -> Answer:
        """A club's identity, its path through each season, and its record."""
        lk = self.lookup
        return self._run(lambda: answers.club_answer(lk, name, season, competition))

    def headtohead(self, club_a: str, club_b: str, competition: str | None = None) -> Answer:
        """Every tie between two clubs or, when they never met, their common opponents."""
        lk = self.lookup
        return self._run(lambda: answers.h2h_answer(lk, club_a, club_b, competition))

    def season(
        self, season: str, round: str | None = None, competition: str | None = None
    ) -> Answer:
        """A season's rounds, coverage and figures; with a round, that round's ties."""
        lk = self.lookup
        return self._run(lambda: answers.season_answer(lk, season, round, competition))

    def decided(
        self, method: str, season: str | None = None, competition: str | None = None
    ) -> Answer:
        """Every tie decided by one method: penalties, away goals, walkover, withdrawal, agg."""
        lk = self.lookup
        return self._run(lambda: answers.decided_answer(lk, method, season, competition))

    def about(self) -> Answer:
        if self._about is None:
            cat = self.catalog
            self._about = bounded(
                Answer(
                    "about",
                    "About tiebot",
                    about_summary(cat),
                    tuple(about_blocks(cat)),
                    footer(cat.seasons),
                    query=query([], None, None, None),
                )
            )
        return self._about

    def help(self) -> Answer:
        return self._help

    def ask(self, line: str) -> Answer:
        """Answer a command line typed as in Discord: ``/tie Simba 2012``, ``/tie club:Simba``."""
        if not isinstance(line, str):
            return refusal("ask", "Please type a command, e.g. /tie Simba 2012.")
        try:
            parsed = commands.parse_line(line)
            if parsed.command in {"about", "help"}:
                return self.about() if parsed.command == "about" else self.help()
            call = commands.to_call(parsed, self)
        except commands.CommandError as err:
            if err.unknown_command is not None:
                word = err.unknown_command
                text = f"I don't know the command {quoted(word)}. These are the commands:"
                return bounded(refusal("ask", text, with_help=True))
            return bounded(refusal("ask", f"{err.message} Type /help for examples."))
        method: Callable[..., Answer] = getattr(self, call.method)
        return method(**call.args)

    # ---- autocomplete ----------------------------------------------------------------------

    def complete_club(self, text: str, limit: int = 25) -> list[str]:
        limit = max(0, min(limit, 25))
        found = self.index.complete(clip(text or "", MAX_ECHO), limit=limit)
        return [clip(c.name, 100) for c in found][:limit]

    def complete_season(self, text: str, club: str | None = None, limit: int = 25) -> list[str]:
        """Season labels, newest first; only the club's own seasons when it names one club."""
        labels = list(reversed(self.lookup.labels))
        if club and club.strip():
            res = self.lookup.resolution(club)
            if res.club is not None and not res.ambiguous:
                own = self.lookup.club_seasons.get(res.club.key, ())
                labels = list(reversed(dict.fromkeys(s.label for s in own)))
        typed = fold(clip(text or "", MAX_ECHO))
        if typed:
            exact = resolve_season(clip(text, MAX_ECHO), labels)
            labels = [lab for lab in labels if lab == exact or typed in fold(lab)]
        return [clip(lab, 100) for lab in labels[: max(0, min(limit, 25))]]

    def round_names(self) -> list[str]:
        return list(self.lookup.rounds)

    def competitions(self) -> list[str]:
        return list(self.catalog.competitions)

    # ---- what the command-line reader asks (commands.Resolver) -------------------------------

    def is_season(self, text: str) -> bool:
        return self.lookup.season_label(text, None) is not None

    def is_round(self, text: str) -> bool:
        return resolve_round(clip(text, MAX_ECHO), self.lookup.rounds) is not None

    def club_score(self, text: str) -> float:
        """How well ``text`` names a club: above 2 for one club, 1 for several, 0 for none."""
        res = self.lookup.resolution(text)
        if res.club is not None and not res.ambiguous:
            return 2.0 + max(0.0, min(float(res.score), 100.0)) / 100.0
        return 1.0 if res.candidates else 0.0

    def _run(self, body: Callable[[], Answer]) -> Answer:
        """Bounded answer, or the polite refusal a resolver raised."""
        try:
            return bounded(body())
        except Reply as reply:
            return bounded(reply.answer)

"""The answer engine: one pure, synchronous object behind Discord and the console.

It holds the in-memory Catalog and the Context built from it once, so an
answer is a few dictionary reads.  Inputs are untrusted text: every command
returns facts or a Refusal (never raises), and the wording layer turns
either into words.
"""

from __future__ import annotations

from bot.answering import facts as F
from bot.answering import problems as P
from bot.answering.context import Context, cut
from bot.answering.grammar import MAX_LINE, parse_line, to_call
from bot.answering.options import Options
from bot.answering.periods import resolve_round, resolve_season
from bot.answering.questions.routing import is_bare_command, question_of, records_call
from bot.answering.records import warm
from bot.answering.table import BY_NAME, Kind
from bot.answering.tokens import CommandError
from bot.domain.catalog import Catalog
from bot.domain.competitions import competition_named
from bot.domain.names import fold


def _form_starts(name: str, typed: str) -> bool:
    """Whether a curated short form or other name of competition ``name`` starts with ``typed``."""
    found = competition_named(name)
    forms = (found.short, *found.forms) if found is not None else ()
    return any(fold(form).startswith(typed) for form in forms)


class Engine:
    """Answers the commands of the table from a Catalog, as facts."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.ctx = Context(catalog)
        warm(self.ctx)  # the records, once per catalog: no request walks every tie

    def answer(self, command: str, options: Options) -> F.Facts:
        """Run one command of the table; unknown inputs come back as a Refusal."""
        found = BY_NAME.get(command)
        if found is None:
            return P.Refusal("ask", P.UnknownCommand(command))
        try:
            return found.answer(self.ctx, options)
        except P.Refused as refused:
            return refused.refusal

    def ask(self, line: str) -> F.Facts:
        """Answer a command line typed as in Discord: ``/tie Simba 2012``, ``/tie club:Simba``;
        or a question in plain words: ``who won 2019`` (see ``questions.routing``)."""
        if not isinstance(line, str):
            return P.Refusal("ask", P.BadLine("not_text"))
        question = question_of(line) if len(line) <= MAX_LINE else None
        if question is not None:
            return self.answer("ask", {"question": question})
        found = self._command_line(line)
        if isinstance(found, P.Refusal) and is_bare_command(line):
            asked = self.answer("ask", {"question": line})
            if isinstance(asked, F.AskFacts) and asked.understood is not None:
                return asked
        return found

    def _command_line(self, line: str) -> F.Facts:
        try:
            parsed = parse_line(line)
            call = records_call(parsed, self) if parsed.command == "records" else None
            call = call or to_call(parsed, self)
        except CommandError as err:
            if err.unknown_command is not None:
                return P.Refusal("ask", P.UnknownCommand(err.unknown_command, err.suggestion))
            return P.Refusal("ask", P.BadLine(err.problem, err.command, err.count))
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

    def complete_round(self, text: str, limit: int = 25) -> list[str]:
        """Round names containing what was typed (folded), those starting with it first."""
        typed = fold(cut(text or ""))
        names = [n for n in self.ctx.rounds if not typed or typed in fold(n)]
        names.sort(key=lambda n: not fold(n).startswith(typed))
        return [cut(n) for n in names[: max(0, min(limit, 25))]]

    def suggest(
        self,
        kind: Kind,
        text: str,
        *,
        club: str | None = None,
        season: str | None = None,
        limit: int = 25,
    ) -> list[str]:
        """Autocomplete for an option of the command table, by its kind: both transports ask
        this one place.  ``club``/``season``: what the command's other options hold so far."""
        match kind:
            case Kind.CLUB:
                return self.complete_club(text, limit)
            case Kind.SEASON:
                return self.complete_season(text, club, limit)
            case Kind.ROUND:
                return self.complete_round(text, limit)
            case Kind.COMPETITION:
                return self.complete_competition(text, limit)
            case Kind.GROUP:
                return self.complete_group(text, season, limit)
        return []  # methods and choices are fixed; free text has no suggestions

    def competitions(self) -> list[str]:
        return list(self.catalog.competitions)

    def complete_competition(self, text: str, limit: int = 25) -> list[str]:
        """Loaded competitions matching what was typed: a short form ("CL", "C2") or a part of
        a name ("confed"); all of them when nothing was typed."""
        names = list(self.catalog.competitions)
        typed = fold(cut(text or ""))
        if not typed:
            return names[: max(0, min(limit, 25))]
        curated = competition_named(cut(text))
        exact = [curated.name] if curated is not None and curated.name in names else []
        loose = [n for n in names if typed in fold(n) or _form_starts(n, typed)]
        return list(dict.fromkeys([*exact, *loose]))[: max(0, min(limit, 25))]

    def complete_group(self, text: str, season: str | None = None, limit: int = 25) -> list[str]:
        """Group names (where the source names them) and clubs in a group of the typed season."""
        label = self.ctx.season_label(cut(season), None) if season and season.strip() else None
        views = [
            g
            for s in self.catalog.seasons
            if label is None or s.label == label
            for g in self.ctx.tours.groups_of(s)
        ]
        names = [g.name for g in views if g.name]
        clubs = [c.name for g in views for c in g.clubs if c is not None]
        typed = fold(cut(text or ""))
        found = [n for n in dict.fromkeys([*names, *clubs]) if not typed or typed in fold(n)]
        found.sort(key=lambda n: not fold(n).startswith(typed))
        return [cut(n) for n in found[: max(0, min(limit, 25))]]

    # ---- what the command-line reader asks (grammar.Resolver) --------------------------------

    def is_season(self, text: str) -> bool:
        return self.ctx.season_label(text, None) is not None

    def is_round(self, text: str) -> bool:
        return resolve_round(cut(text), self.ctx.rounds) is not None

    def is_competition(self, text: str) -> bool:
        """Whether ``text`` is a curated competition's name or short form ("CL", "C2", "AFL")."""
        return competition_named(cut(text)) is not None

    def club_score(self, text: str) -> float:
        """How well ``text`` names a club: above 2 for one club, 1 for several, 0 for none."""
        res = self.ctx.resolution(text)
        if res.club is not None and not res.ambiguous:
            return 2.0 + max(0.0, min(float(res.score), 100.0)) / 100.0
        return 1.0 if res.candidates else 0.0

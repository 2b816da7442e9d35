"""The engine's answers in words: what the console and Discord call.

``Speaker`` wraps the facts-producing Engine: it runs a command of the table
(or a console line), words the facts, and bounds every part to what an
embed or a screen can show.  It is the one seam where the language of the
answer will be chosen.
"""

from __future__ import annotations

from bot.answering import facts as F
from bot.answering.engine import Engine
from bot.answering.table import BY_NAME
from bot.wording import answers as A
from bot.wording.answer import Answer
from bot.wording.markdown import bounded
from bot.wording.pictures import bracket_answer


class Speaker:
    """Answers commands in words; autocomplete is passed through to the engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.catalog = engine.catalog
        self.multi = engine.catalog.multi
        self._fixed: dict[str, Answer] = {}

    def word(self, facts: F.Facts) -> Answer:
        """The bounded Answer for any facts."""
        multi = self.multi
        match facts:
            case F.TieFacts():
                answer = A.tie_answer(facts, multi)
            case F.ClubFacts():
                answer = A.club_answer(facts, multi)
            case F.HeadToHeadFacts():
                answer = A.headtohead_answer(facts, multi)
            case F.SeasonFacts():
                answer = A.season_answer(facts, multi)
            case F.DecidedFacts():
                answer = A.decided_answer(facts, multi)
            case F.BracketFacts():  # the text; bot.pictures adds the picture
                answer = bracket_answer(facts, multi)
            case F.AboutFacts():
                answer = A.about_answer(facts)
            case F.HelpFacts():
                answer = A.help_answer(facts)
            case F.Refusal():
                answer = A.refused(facts)
        return bounded(answer)

    def answer(self, command: str, *args: str | None, **options: str | None) -> Answer:
        """Run ``command`` with options given by name, or in the table's order."""
        found = BY_NAME.get(command)
        if found is not None:
            for option, value in zip(found.options, args, strict=False):
                options.setdefault(option.name, value)
        if command in ("about", "help"):  # fixed for the life of the catalog
            if command not in self._fixed:
                self._fixed[command] = self.word(self.engine.answer(command, options))
            return self._fixed[command]
        return self.word(self.engine.answer(command, options))

    def ask(self, line: str) -> Answer:
        """Answer a console line (``/tie Simba 2012``)."""
        facts = self.engine.ask(line)
        if isinstance(facts, F.AboutFacts | F.HelpFacts):
            return self.answer("about" if isinstance(facts, F.AboutFacts) else "help")
        return self.word(facts)

    # ---- autocomplete, from the engine's indexes ---------------------------------------------

    def complete_club(self, text: str, limit: int = 25) -> list[str]:
        return self.engine.complete_club(text, limit)

    def complete_season(self, text: str, club: str | None = None, limit: int = 25) -> list[str]:
        return self.engine.complete_season(text, club, limit)

    def round_names(self) -> list[str]:
        return self.engine.round_names()

    def competitions(self) -> list[str]:
        return self.engine.competitions()

"""The engine's answers in words: what the console and Discord call.

``Speaker`` wraps the facts-producing Engine: it runs a command of the table
(or a console line), words the facts, and bounds every part to what an
embed or a screen can show.  It is the one seam where the language of the
answer is chosen: the adapter names a language ("fr"), the Speaker takes its
``Words`` and passes them to the wording functions, so every word of every
answer comes from that language's catalog.
"""

from __future__ import annotations

from bot.answering import facts as F
from bot.answering.engine import Engine
from bot.answering.preferences import SettingsFacts
from bot.answering.table import BY_NAME, Kind
from bot.wording import answers as A
from bot.wording import groups, runs, ties
from bot.wording.answer import Answer
from bot.wording.groups import group_answer
from bot.wording.honours import winners_answer
from bot.wording.i18n.words import words_for
from bot.wording.markdown import bounded
from bot.wording.pictures import bracket_answer
from bot.wording.questions import ask_answer
from bot.wording.readings import with_notes
from bot.wording.records import records_answer
from bot.wording.refusals import refusal_answer
from bot.wording.settings import settings_answer


class Speaker:
    """Answers commands in words; autocomplete is passed through to the engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.catalog = engine.catalog
        self.multi = engine.catalog.multi
        self._fixed: dict[tuple[str, str], Answer] = {}
        ties.forget()  # what was remembered for another catalog would only hold it in memory
        runs.forget()
        groups.forget()

    def word(self, facts: F.Facts, lang: str | None = None) -> Answer:
        """The bounded Answer for any facts, in ``lang`` (a code of LANGUAGES; English)."""
        w = words_for(lang)
        multi = self.multi
        match facts:
            case F.TieFacts():
                answer = A.tie_answer(facts, multi, w)
            case F.ClubFacts():
                answer = A.club_answer(facts, multi, w)
            case F.HeadToHeadFacts():
                answer = A.headtohead_answer(facts, multi, w)
            case F.SeasonFacts():
                answer = A.season_answer(facts, multi, w)
            case F.DecidedFacts():
                answer = A.decided_answer(facts, multi, w)
            case F.GroupFacts():
                answer = group_answer(facts, multi, w)
            case F.WinnersFacts():
                answer = winners_answer(facts, w)
            case F.BracketFacts():  # the text; bot.pictures adds the picture
                answer = bracket_answer(facts, multi, w)
            case F.RecordsFacts():
                answer = records_answer(facts, multi, w)
            case F.AskFacts():  # the understood line, then the answer of the command it maps to
                inner = self.word(facts.answer, lang) if facts.answer is not None else None
                answer = ask_answer(facts, inner, multi, w)
            case F.AboutFacts():
                answer = A.about_answer(facts, w)
            case F.HelpFacts():
                answer = A.help_answer(facts, w)
            case SettingsFacts():
                answer = settings_answer(facts, w)
            case F.Refusal():
                answer = refusal_answer(facts, w)
        if not isinstance(facts, F.AskFacts):  # an /ask answer shows its command's notes once
            answer = with_notes(answer, facts, w)
        return bounded(answer, w)

    def answer(
        self, command: str, *args: str | None, lang: str | None = None, **options: str | None
    ) -> Answer:
        """Run ``command`` with options given by name, or in the table's order, in ``lang``."""
        found = BY_NAME.get(command)
        if found is not None:
            for option, value in zip(found.options, args, strict=False):
                options.setdefault(option.name, value)
        fixed = command in ("about", "help") or (
            command in ("winners", "records") and not any(v and v.strip() for v in options.values())
        )
        if fixed:  # the same for the life of the catalog
            key = (command, words_for(lang).lang)
            if key not in self._fixed:
                self._fixed[key] = self.word(self.engine.answer(command, options), lang)
            return self._fixed[key]
        return self.word(self.engine.answer(command, options), lang)

    def facts(self, command: str, **options: str | None) -> F.Facts:
        """The facts of one command, unworded (the Discord adapter stores /settings first)."""
        return self.engine.answer(command, options)

    def ask(self, line: str, lang: str | None = None) -> Answer:
        """Answer a console line (``/tie Simba 2012``) in ``lang``."""
        facts = self.engine.ask(line)
        if isinstance(facts, F.AboutFacts | F.HelpFacts):
            return self.answer("about" if isinstance(facts, F.AboutFacts) else "help", lang=lang)
        if isinstance(facts, F.WinnersFacts) and facts.query.competition is None:
            return self.answer("winners", lang=lang)
        return self.word(facts, lang)

    # ---- autocomplete, from the engine's indexes ---------------------------------------------

    def suggest(
        self,
        kind: Kind,
        text: str,
        *,
        club: str | None = None,
        season: str | None = None,
        limit: int = 25,
    ) -> list[str]:
        """Autocomplete for an option of the given kind (``Engine.suggest``)."""
        return self.engine.suggest(kind, text, club=club, season=season, limit=limit)

    def complete_club(self, text: str, limit: int = 25) -> list[str]:
        return self.engine.complete_club(text, limit)

    def complete_season(self, text: str, club: str | None = None, limit: int = 25) -> list[str]:
        return self.engine.complete_season(text, club, limit)

    def round_names(self) -> list[str]:
        return self.engine.round_names()

    def competitions(self) -> list[str]:
        return self.engine.competitions()

    def complete_competition(self, text: str, limit: int = 25) -> list[str]:
        return self.engine.complete_competition(text, limit)

    def complete_group(self, text: str, season: str | None = None, limit: int = 25) -> list[str]:
        return self.engine.complete_group(text, season, limit)

"""A small engine with the real Engine's method names, over hand-built models.

Unit tests of the adapter use it so they do not depend on the parser or the
database; the e2e tests use the real engine on the real data when present.
"""

from __future__ import annotations

from typing import Any

from bot.answering.table import Kind
from bot.domain.catalog import Catalog, Entry
from bot.domain.models import Club, DecidedBy, Leg, Round, Season, SourceRef, Tie
from bot.domain.names import fold
from bot.wording.answer import Answer, AnswerKind, Block, Outcome

SRC = "caf-confederation-cup-2017-qualifying.txt"
OPTION = {"tie": "club", "club": "name", "headtohead": "club_a"}  # as the command table names them


def _tie(index: int, t1: str, c1: str, t2: str, c2: str, score: tuple[int, int],
         how: DecidedBy = DecidedBy.AGGREGATE) -> Tie:  # fmt: skip
    legs = (Leg(t1, t2, score[0], 0), Leg(t2, t1, 0, score[1]))
    return Tie("Preliminary round", index, t1, t2, 1 if score[0] >= score[1] else 2, how,
               SourceRef(SRC, 40 + index), code1=c1, code2=c2, legs=legs,
               aggregate=score)  # fmt: skip


TIES = (
    _tie(1, "JS Kabylie", "ALG", "Monrovia Club Breweries", "LBR", (4, 3)),
    _tie(2, "Étoile du Sahel", "TUN", "KMKM", "ZAN", (3, 0)),
    _tie(3, "Étoile du Congo", "CGO", "Racing de Micomeseng", "EQG", (3, 0)),
    _tie(4, "Al-Masry", "EGY", "Ifeanyi Ubah", "NGA", (1, 1), DecidedBy.PENALTIES),
)
ROUND = Round("Preliminary round", 1, TIES)
SEASON = Season("CAF Confederation Cup", "2017", (ROUND,), SRC, 2017, 2017)
CLUBS = tuple(
    Club(f"c{i}", name) for i, name in enumerate(
        dict.fromkeys(n for t in TIES for n in (t.team1, t.team2 or ""))
    )
)  # fmt: skip
CATALOG = Catalog([SEASON], CLUBS, {c.name: c.key for c in CLUBS})


def block(entry: Entry) -> Block:
    t = entry.tie
    agg = f"{t.aggregate[0]}–{t.aggregate[1]}" if t.aggregate else "?"
    return Block(f"{t.team1} {agg} {t.team2}", f"{t.winner_name} won ({t.decided_by.value})",
                 Outcome.WON)  # fmt: skip


class FakeEngine:
    """Answers from CATALOG; special club names trigger paging, errors and ambiguity."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.languages: list[str | None] = []  # the language of each answer asked for

    def _find(self, text: str) -> list[Entry]:
        return [e for e in CATALOG.entries
                if fold(text) and (fold(text) in fold(e.tie.team1)
                                   or fold(text) in fold(e.tie.team2 or ""))]  # fmt: skip

    def _answer(self, command: str, name: str, **query: Any) -> Answer:
        if name == "boom":
            raise RuntimeError("engine exploded")
        if name == "many":
            blocks = tuple(Block(f"Tie {i}", "x" * 300 + f"\nline {i}") for i in range(60))
            return Answer(command, "Many ties", "A long answer", blocks, footer="Source: many")
        entries = self._find(name)
        clubs = sorted({n for e in entries for n in (e.tie.team1, e.tie.team2 or "")
                        if fold(name) in fold(n)})  # fmt: skip
        if len(clubs) > 1:
            return Answer(command, f"Which club do you mean by “{name}”?",
                          kind=AnswerKind.AMBIGUOUS, candidates=tuple(clubs),
                          ambiguous_option=OPTION[command])  # fmt: skip
        if not entries:
            safe = name.replace("*", "\\*").replace("_", "\\_")
            return Answer(command, "No match", f"No club matches “{safe}”.",
                          kind=AnswerKind.NOT_FOUND)  # fmt: skip
        return Answer(command, f"{clubs[0]}: ties", "", tuple(block(e) for e in entries),
                      footer="Source: CAF Confederation Cup 2017", outcome=Outcome.WON,
                      ties=tuple(entries), query=query)  # fmt: skip

    def answer(self, command: str, *args: str | None, lang: str | None = None,
               **options: str | None) -> Answer:  # fmt: skip
        """The one entry point the adapter calls, dispatched to the fake per-command methods."""
        self.languages.append(lang)
        method: Any = getattr(self, command)
        return method(*args, **options)  # type: ignore[no-any-return]

    def tie(self, club: str, season: str | None = None, round: str | None = None,
            competition: str | None = None) -> Answer:  # fmt: skip
        self.calls.append(("tie", {"club": club, "season": season, "round": round,
                                   "competition": competition}))  # fmt: skip
        return self._answer("tie", club, club=club)

    def club(self, name: str, season: str | None = None, competition: str | None = None) -> Answer:
        self.calls.append(("club", {"name": name, "season": season, "competition": competition}))
        return self._answer("club", name, club=name)

    def headtohead(self, club_a: str, club_b: str, competition: str | None = None) -> Answer:
        self.calls.append(("headtohead", {"club_a": club_a, "club_b": club_b}))
        return self._answer("headtohead", club_a, club=club_a)

    def season(self, season: str, round: str | None = None,
               competition: str | None = None) -> Answer:  # fmt: skip
        self.calls.append(("season", {"season": season, "round": round}))
        if season != "2017":
            return Answer("season", "No such season", kind=AnswerKind.NOT_FOUND)
        return Answer("season", "2017", blocks=tuple(block(e) for e in CATALOG.entries),
                      ties=CATALOG.entries)  # fmt: skip

    def decided(self, method: str, season: str | None = None,
                competition: str | None = None) -> Answer:  # fmt: skip
        self.calls.append(("decided", {"method": method, "season": season}))
        found = tuple(e for e in CATALOG.entries if e.tie.decided_by.value == method)
        return Answer("decided", f"Decided by {method}", blocks=tuple(block(e) for e in found),
                      ties=found)  # fmt: skip

    def about(self) -> Answer:
        self.calls.append(("about", {}))
        return Answer("about", "About tiebot", "1 season loaded.")

    def help(self) -> Answer:
        self.calls.append(("help", {}))
        return Answer("help", "How to ask", "Try /tie Simba 2012")

    def complete_club(self, text: str, limit: int = 25) -> list[str]:
        self.calls.append(("complete_club", {"text": text}))
        return [c.name for c in CLUBS if fold(text) in fold(c.name)][:limit]

    def complete_season(self, text: str, club: str | None = None, limit: int = 25) -> list[str]:
        self.calls.append(("complete_season", {"text": text, "club": club}))
        if club is not None and not self._find(club):
            return []
        return ["2017"][:limit]

    def round_names(self) -> list[str]:
        return ["Preliminary round", "First round", "Play-off round"]

    def complete_round(self, text: str, limit: int = 25) -> list[str]:
        typed = fold(text)
        names = [n for n in self.round_names() if typed in fold(n)]
        return sorted(names, key=lambda n: not fold(n).startswith(typed))[:limit]

    def suggest(
        self,
        kind: Kind,
        text: str,
        *,
        club: str | None = None,
        season: str | None = None,
        limit: int = 25,
    ) -> list[str]:
        """The real Engine.suggest's dispatch, over the fake sources (which record calls)."""
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
        return []

    def competitions(self) -> list[str]:
        return ["CAF Confederation Cup"]

    def complete_competition(self, text: str, limit: int = 25) -> list[str]:
        self.calls.append(("complete_competition", {"text": text}))
        typed = fold(text)
        return [c for c in self.competitions() if typed in fold(c) or typed in {"cc", "c2"}][:limit]

    def complete_group(self, text: str, season: str | None = None, limit: int = 25) -> list[str]:
        self.calls.append(("complete_group", {"text": text, "season": season}))
        return [c.name for c in CLUBS if fold(text) in fold(c.name)][:limit]

"""Turning a command's free-text inputs into catalog objects — or into a polite refusal.

Each resolver returns what was asked for or raises ``Reply`` carrying the
finished NOT_FOUND / AMBIGUOUS / INVALID answer, so the engine's commands read
as the happy path.  The lookups (season ranks, labels, round names, each
club's seasons, ties by season and by method) are built once here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from bot.core.answer import Answer, AnswerKind
from bot.core.guide import help_blocks, parse_method
from bot.core.render import MAX_ECHO, clip, md, quoted
from bot.core.resolve import NameIndex, Resolution, resolve_round, resolve_season
from bot.domain.catalog import Catalog, Entry
from bot.domain.models import Club, DecidedBy, Season
from bot.domain.names import fold

MEMO_SIZE = 4096


class Reply(Exception):
    """Short-circuits a command with a finished (polite) answer."""

    def __init__(self, answer: Answer) -> None:
        super().__init__(answer.title)
        self.answer = answer


def listing(items: Iterable[str], limit: int = 600) -> str:
    return clip(", ".join(md(i) for i in items), limit)


def query(
    clubs: Sequence[Club], season: str | None, rnd: str | None, comp: str | None
) -> dict[str, Any]:
    return {"clubs": [c.name for c in clubs], "season": season, "round": rnd, "competition": comp}


def refusal(
    command: str,
    text: str,
    kind: AnswerKind = AnswerKind.INVALID,
    with_help: bool = False,
    q: dict[str, Any] | None = None,
) -> Answer:
    titles = {
        AnswerKind.INVALID: "I could not read that",
        AnswerKind.NOT_FOUND: "Nothing found",
        AnswerKind.AMBIGUOUS: "Which one?",
    }
    return Answer(
        command,
        titles.get(kind, "Sorry"),
        summary=text,
        blocks=tuple(help_blocks()) if with_help else (),
        kind=kind,
        query=q or query([], None, None, None),
    )


class Lookup:
    """The catalog plus everything precomputed for resolving inputs and selecting ties."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.index = NameIndex(tuple(catalog.clubs.values()))
        self.multi = len(catalog.competitions) > 1
        self.rank = {s.key: i for i, s in enumerate(catalog.seasons)}
        self.labels = tuple(dict.fromkeys(s.label for s in catalog.seasons))
        self.by_label: dict[str, tuple[Season, ...]] = {}
        for season in catalog.seasons:
            self.by_label[season.label] = (*self.by_label.get(season.label, ()), season)
        self._season_memo: dict[tuple[str, str | None], str | None] = {}
        self._club_memo: dict[str, Resolution] = {}
        self.rounds = tuple(dict.fromkeys(r.name for s in catalog.seasons for r in s.rounds))
        self.by_season: dict[str, list[Entry]] = {}
        self.by_method: dict[DecidedBy, list[Entry]] = {m: [] for m in DecidedBy}
        for entry in catalog.entries:
            self.by_season.setdefault(entry.season.key, []).append(entry)
            self.by_method[entry.tie.decided_by].append(entry)
        for method, entries in self.by_method.items():
            self.by_method[method] = self.newest_first(entries)
        self.club_seasons: dict[str, tuple[Season, ...]] = {
            key: tuple({e.season.key: e.season for e in entries}.values())
            for key, entries in catalog.by_club.items()
        }

    def newest_first(self, entries: Iterable[Entry]) -> list[Entry]:
        """Newest season first; inside a season, rounds in document order."""
        return sorted(entries, key=lambda e: (-self.rank[e.season.key], e.round.order, e.tie.index))

    def seasons_newest_first(self, seasons: Iterable[Season]) -> list[Season]:
        # Deduplicated by key: hashing a Season would hash every tie it holds.
        unique = {s.key: s for s in seasons}
        return sorted(unique.values(), key=lambda s: -self.rank[s.key])

    def labels_in(self, comp: str | None) -> list[str]:
        return list(
            dict.fromkeys(s.label for s in self.catalog.seasons if comp in (None, s.competition))
        )

    def competition(self, text: str | None, command: str) -> str | None:
        """A loaded competition by (part of) its name; None when not asked."""
        if text is None or not text.strip():
            return None
        names = self.catalog.competitions
        typed = fold(clip(text, MAX_ECHO))
        exact = [c for c in names if fold(c) == typed]
        words = typed.split()
        loose = [c for c in names if all(w in fold(c).split() or w in fold(c) for w in words)]
        found = exact or loose
        if len(found) == 1:
            return found[0]
        text_out = f"No loaded competition matches {quoted(text)}."
        if len(found) > 1:
            text_out = f"{quoted(text)} fits several competitions."
        text_out += f" Loaded: {listing(names)}."
        raise Reply(refusal(command, text_out, AnswerKind.NOT_FOUND))

    def club(self, text: str | None, option: str, command: str, comp: str | None) -> Club:
        """The one club ``text`` names, else an AMBIGUOUS or NOT_FOUND reply."""
        q = query([], None, None, comp)
        if text is None or not str(text).strip():
            raise Reply(
                refusal(command, 'Please name a club, e.g. Simba or "Étoile du Sahel".', q=q)
            )
        res = self.resolution(text)
        if res.club is not None and not res.ambiguous:
            return res.club
        if res.candidates:
            names = tuple(dict.fromkeys(clip(c.name, 100) for c in res.candidates))[:25]
            body = (
                f"{quoted(text)} fits several clubs: {listing(names, 1500)}. Which one do you mean?"
            )
            raise Reply(
                Answer(
                    command,
                    "Which club?",
                    summary=body,
                    kind=AnswerKind.AMBIGUOUS,
                    candidates=names,
                    ambiguous_option=option,
                    query=q,
                )
            )
        body = f"No club matches {quoted(text)}."
        if res.suggestions:
            body += f" Did you mean {_or_list([s.name for s in res.suggestions[:3]])}?"
        raise Reply(refusal(command, body, AnswerKind.NOT_FOUND, q=q))

    def resolution(self, text: str) -> Resolution:
        """``NameIndex.resolve`` remembered per text: the same names come back all day."""
        key = clip(str(text), MAX_ECHO)
        found = self._club_memo.get(key)
        if found is None:
            if len(self._club_memo) >= MEMO_SIZE:
                self._club_memo.clear()
            found = self._club_memo[key] = self.index.resolve(key)
        return found

    def also_named(self, text: str | None, club: Club) -> str | None:
        """When an exact name won over longer names containing it, say which others exist.

        "Al Hilal" is the Sudanese club, but a fan may have meant Al-Hilal Benghazi:
        the answer names the alternatives instead of hiding them.
        """
        res = self.resolution(text or "")
        others = [s.name for s in res.suggestions if s.key != club.key][:3]
        if res.club is None or res.club.key != club.key or res.rule != "exact" or not others:
            return None
        return f"Other clubs with a similar name: {listing(others)}."

    def club_entries(self, club_key: str, seasons: Sequence[Season], narrowed: bool) -> list[Entry]:
        """The club's ties in ``seasons`` (all of them when the question was not narrowed)."""
        entries = self.catalog.entries_for(club_key)
        if not narrowed:
            return list(entries)
        ids = {id(s) for s in seasons}  # identity: the catalog holds these very objects
        return [e for e in entries if id(e.season) in ids]

    def season_label(self, text: str, comp: str | None) -> str | None:
        """``resolve_season`` remembered per text: it reads every label, which adds up at scale."""
        key = (text, comp)
        if key not in self._season_memo:
            if len(self._season_memo) >= MEMO_SIZE:
                self._season_memo.clear()
            found = None
            if any(ch.isdigit() for ch in text):  # every season label has a year in it
                found = resolve_season(clip(text, MAX_ECHO), self.labels_in(comp))
            self._season_memo[key] = found
        return self._season_memo[key]

    def seasons(
        self, text: str | None, comp: str | None, command: str, clubs: Sequence[Club] = ()
    ) -> tuple[str | None, tuple[Season, ...]]:
        """The season label asked for (None: all) and the loaded seasons with it."""
        if text is None or not str(text).strip():
            pool = self.catalog.seasons
            return None, pool if comp is None else tuple(s for s in pool if s.competition == comp)
        label = self.season_label(str(text), comp)
        if label is None:
            labels = self.labels_in(comp)
            body = f"No loaded season matches {quoted(text)}. Seasons: {listing(labels)}."
            raise Reply(
                refusal(command, body, AnswerKind.NOT_FOUND, q=query(clubs, None, None, comp))
            )
        found = self.by_label.get(label, ())
        return label, tuple(s for s in found if comp in (None, s.competition))

    def round(
        self,
        text: str | None,
        seasons: Sequence[Season],
        command: str,
        clubs: Sequence[Club] = (),
        label: str | None = None,
        comp: str | None = None,
    ) -> str | None:
        """The round name asked for, among the rounds of ``seasons``."""
        if text is None or not str(text).strip():
            return None
        names = list(dict.fromkeys(r.name for s in seasons for r in s.rounds))
        found = resolve_round(clip(str(text), MAX_ECHO), names)
        if found is None:
            where = f" in {md(label)}" if label else ""
            body = f"No round{where} matches {quoted(text)}. Rounds: {listing(names)}."
            raise Reply(
                refusal(command, body, AnswerKind.NOT_FOUND, q=query(clubs, label, None, comp))
            )
        return found

    def no_ties(
        self, command: str, club: Club, label: str | None, rnd: str | None, q: dict[str, Any]
    ) -> Answer:
        """NOT_FOUND for a club without ties in the asked season/round, naming where it has some."""
        where = " and ".join(x for x in (md(label or ""), md(rnd or "")) if x)
        body = f"The source has no tie of {md(club.name)}" + (f" in {where}." if where else ".")
        seasons = [s.label for s in self.club_seasons.get(club.key, ())]
        if seasons:
            body += f" Seasons with {md(club.name)}: {listing(reversed(seasons))}."
        return refusal(command, body, AnswerKind.NOT_FOUND, q=q)

    def method(self, text: str | None, command: str) -> DecidedBy:
        found = parse_method(text or "")
        if found is None:
            choices = "aggregate, away goals, penalties, walkover, withdrawal"
            if not (text or "").strip():
                body = f"Which way of deciding a tie? Choose one of: {choices}."
            else:
                body = f"I don't know the method {quoted(text or '')}. Choose one of: {choices}."
            raise Reply(refusal(command, body, AnswerKind.NOT_FOUND))
        return found


def _or_list(names: Sequence[str]) -> str:
    shown = [md(n) for n in names]
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + " or " + shown[-1]

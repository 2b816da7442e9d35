"""Reading a Discord-style command line (``/tie "Étoile du Sahel" 2014 first``) for the console.

People type these lines by hand, so the grammar is forgiving: quotes are
optional, ``key:value`` options work as in Discord, trailing season and round
words are recognised from the end, and two unquoted club names are split
where both read best.  Syntax only: what a word means is asked of a
``Resolver`` (the engine), so this module stays independent of the data.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from rapidfuzz import fuzz, process

from bot.answering.periods import looks_like_season
from bot.answering.preferences import read_language, read_replies, read_scope
from bot.answering.table import BY_WORD
from bot.answering.tokens import CommandError, Token, tokenize

MAX_LINE = 500
MAX_SPLIT_UNITS = 12
EXACT_SCORE = 3.0  # Resolver.club_score of an exact name: "AS Port-Louis 2000" keeps its year

SUGGEST_COMMAND = 60.0  # ratio for a mistyped command word to be offered as "did you mean"


@dataclass(frozen=True, slots=True)
class Call:
    """A command of the table and its option values, keyed by the table's option names."""

    command: str
    args: dict[str, str | None] = field(default_factory=dict)


class Resolver(Protocol):
    def is_season(self, text: str) -> bool: ...
    def is_round(self, text: str) -> bool: ...
    def club_score(self, text: str) -> float: ...
    def is_competition(self, text: str) -> bool: ...


@dataclass(slots=True)
class Parsed:
    command: str
    positional: list[Token]
    options: dict[str, str]


def parse_line(line: str) -> Parsed:
    """Command word, positional tokens and ``key:value`` options (values may span words)."""
    if len(line) > MAX_LINE:
        raise CommandError("too_long", count=len(line))
    text = line.strip()
    if not text:
        raise CommandError("empty")
    text = text.removeprefix("/").lstrip()
    if not text:
        raise CommandError("no_command")
    word, rest = [*text.split(maxsplit=1), ""][:2]
    found = BY_WORD.get(word.lower().replace("-", "").replace("_", ""))
    if found is None and looks_like_season(word):  # a bare season: "/2012", "2023-24 CL"
        found, rest = BY_WORD["season"], text
    if found is None:
        raise CommandError("unknown_command", unknown_command=word, suggestion=suggest(word))
    command = found.name
    positional: list[Token] = []
    options: dict[str, str] = {}
    current: str | None = None
    for token in tokenize(rest):
        if token.key is not None:
            current = token.key
            options[current] = token.text
        elif current is not None:
            options[current] = f"{options[current]} {token.text}".strip()
        else:
            positional.append(token)
    return Parsed(command, positional, options)


def suggest(word: str) -> str | None:
    """The command a mistyped command word was meant to be ("ite", "headtohaed", "!tie")."""
    typed = "".join(ch for ch in word.lower()[:40] if ch.isalnum())
    if not typed:
        return None
    exact = BY_WORD.get(typed)
    if exact is not None:
        return exact.name
    hit = process.extractOne(typed, list(BY_WORD), scorer=fuzz.ratio, score_cutoff=SUGGEST_COMMAND)
    return BY_WORD[hit[0]].name if hit else None


def _join(tokens: Sequence[Token]) -> str:
    return " ".join(t.text for t in tokens).strip()


def _trailing(
    tokens: list[Token], resolver: Resolver, want_round: bool
) -> tuple[list[Token], str | None, str | None, str | None]:
    """Peel season, competition and (optionally) round words off the end, keeping at least
    one token."""
    season: str | None = None
    rnd: str | None = None
    comp: str | None = None
    rest = list(tokens)
    for _ in range(5):
        if len(rest) < 2:
            break
        last = rest[-1]
        if comp is None and not last.quoted and resolver.is_competition(last.text):
            comp = rest.pop().text  # "/tie Leopards 2017 CC"
            continue
        if (
            season is None
            and not last.quoted
            and (looks_like_season(last.text) or resolver.is_season(last.text))
        ):
            season = last.text
            rest.pop()
            continue
        if want_round and rnd is None:
            peeled = _peel_round(rest, resolver)
            if peeled:
                rnd = _join(rest[-peeled:])
                del rest[-peeled:]
                continue
            if season is None and len(rest) >= 3 and _is_seasonish(rest[-2], resolver):
                # "Simba 2012 quarterfinal": an unknown round is passed on, so the answer
                # says no round matches instead of quietly answering for every round.
                rnd = rest.pop().text
                continue
        break
    return rest, season, rnd, comp


def _is_seasonish(token: Token, resolver: Resolver) -> bool:
    return not token.quoted and (looks_like_season(token.text) or resolver.is_season(token.text))


def _peel_round(rest: list[Token], resolver: Resolver) -> int:
    for k in (1, 2, 3):
        if len(rest) <= k:
            break
        words = rest[-k:]
        if (k > 1 and any(t.quoted for t in words)) or (
            k == 1 and words[0].text.lower() == "round"
        ):
            continue
        if resolver.is_round(_join(words)):
            return k
    return 0


def _club_and_trailing(
    tokens: list[Token], resolver: Resolver, want_round: bool
) -> tuple[str, str | None, str | None, str | None]:
    rest, season, rnd, comp = _trailing(tokens, resolver, want_round)
    club = _join(rest)
    full = _join(tokens)
    if season or rnd or comp:
        whole = resolver.club_score(full)
        if whole >= EXACT_SCORE or resolver.club_score(club) <= 0 < whole:
            return full, None, None, None
    return club, season, rnd, comp


def best_split(units: Sequence[Token], score: Callable[[str], float]) -> tuple[str, str]:
    """Two club names from unquoted words: the split where both names read best."""
    if len(units) == 2:
        return units[0].text, units[1].text
    best: tuple[float, str, str] | None = None
    for cut in range(1, len(units)):
        a, b = _join(units[:cut]), _join(units[cut:])
        sa, sb = score(a), score(b)
        value = (2.0 if sa > 0 and sb > 0 else 0.0) + sa + sb
        if best is None or value > best[0]:
            best = (value, a, b)
    assert best is not None
    return best[1], best[2]


def to_call(parsed: Parsed, resolver: Resolver) -> Call:
    """Map a parsed line onto a command of the table with its option values."""
    opts, pos = parsed.options, parsed.positional
    competition = opts.get("competition")
    cmd = parsed.command
    if cmd in {"about", "help"}:
        return Call(cmd)
    if cmd in {"tie", "club"}:
        club, season, rnd = opts.get("club"), opts.get("season"), opts.get("round")
        if pos:
            name, s, r, c = _club_and_trailing(pos, resolver, want_round=cmd == "tie")
            club, competition = club or name, competition or c
            season, rnd = season or s, rnd or r
        if not club:
            raise CommandError("no_club", command=cmd)
        args: dict[str, str | None] = {"season": season, "competition": competition}
        if cmd == "tie":
            return Call("tie", {"club": club, **args, "round": rnd})
        return Call("club", {"name": club, **args})
    if cmd == "headtohead":
        a, b = opts.get("club_a"), opts.get("club_b")
        if pos and not (a and b):
            if len(pos) > MAX_SPLIT_UNITS:
                raise CommandError("too_many_words")
            if a or b:
                a, b = a or _join(pos), b or _join(pos)
            elif len(pos) >= 2:
                a, b = best_split(pos, resolver.club_score)
        if not a or not b:
            raise CommandError("two_clubs")
        return Call("headtohead", {"club_a": a, "club_b": b, "competition": competition})
    if cmd in {"season", "group"}:
        key = "round" if cmd == "season" else "group"
        season, other = opts.get("season"), opts.get(key)
        if pos:
            idx = next((i for i, t in enumerate(pos) if _is_seasonish(t, resolver)), None)
            if idx is None and cmd == "season":
                idx = 0
            if idx is not None:
                season = season or pos[idx].text
            words = [t for i, t in enumerate(pos) if i != idx]
            if words and competition is None and resolver.is_competition(_join(words[-1:])):
                competition = words.pop().text  # "/season 2023-24 CL"
            other = other or (_join(words) or None)
        if not season and cmd == "season":
            raise CommandError("no_season")
        return Call(cmd, {"season": season, key: other, "competition": competition})
    if cmd == "winners":
        return Call("winners", {"competition": competition or _join(pos) or None})
    if cmd == "settings":
        return Call("settings", _settings(opts, pos))
    if cmd == "bracket":  # /bracket [competition words] season; no season: the command asks
        season = opts.get("season")
        if pos:
            idx = max((i for i, t in enumerate(pos) if _is_seasonish(t, resolver)), default=-1)
            season = season or pos[idx].text
            competition = competition or _join(pos[:idx] + pos[idx + 1 :]) or None
        return Call("bracket", {"season": season, "competition": competition})
    method, season = opts.get("method"), opts.get("season")
    if pos:
        rest = list(pos)
        if len(rest) > 1 and _is_seasonish(rest[-1], resolver):
            season = season or rest.pop().text
        method = method or _join(rest)
    return Call("decided", {"method": method or "", "season": season, "competition": competition})


def _settings(opts: dict[str, str], pos: Sequence[Token]) -> dict[str, str | None]:
    """``/settings fr``, ``/settings ar server``, ``/settings private``: each word where it fits;
    a word that fits nowhere is read as a language (so the answer lists the languages)."""
    args: dict[str, str | None] = {k: opts.get(k) for k in ("language", "scope", "replies")}
    for token in pos:
        word = token.text
        if args["language"] is None and read_language(word) is not None:
            args["language"] = word
        elif args["scope"] is None and read_scope(word) is not None:
            args["scope"] = word
        elif args["replies"] is None and read_replies(word) is not None:
            args["replies"] = word
        else:
            args["language"] = word if args["language"] is None else f"{args['language']} {word}"
    return args

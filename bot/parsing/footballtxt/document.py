"""Football.TXT documents → Seasons: the line-by-line reader.

A season is a title line (``= CAF CL 2019/20``), ``#`` header comments (the date
span, team and match counts), then rounds: a header line, day headers, and match
lines.  Lines are read first; ties and groups are built once the season is read,
because a tie's winner is checked against the rounds after it.  Every line that
is not understood becomes an ``unrecognized`` diagnostic with ``file:line``; only
a file that is not Football.TXT at all raises ParseError.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter

from bot.domain.competitions import canonical_name, season_label
from bot.domain.countries import FIFA_CODES
from bot.domain.models import Leg, Round, Season, SourceRef, Stage
from bot.parsing.errors import ParseError
from bot.parsing.footballtxt import dates
from bot.parsing.footballtxt import lines as L
from bot.parsing.footballtxt.decide import Later, build_tie
from bot.parsing.footballtxt.draft import Match, Report, RoundDraft, Team
from bot.parsing.footballtxt.groups import build_groups
from bot.parsing.footballtxt.pairing import drop_repeats, join_spellings, pair_matches

MAX_LINE = 1_000
_LONE = "The source gives one match for this tie; other ties of the round have two."
_KNOWN_COMMENT = re.compile(r"^#\s*(?:Date|Teams|Matches)\b")
_LOOKAHEAD = 200  # lines looked at to recognise the format


def looks_like(text: str) -> bool:
    """Football.TXT opens with ``= Title`` (no closing ``=``) and has day headers or matches."""
    found_title = False
    for raw in text[:100_000].splitlines()[:_LOOKAHEAD]:
        line = raw.strip()
        if not line or len(line) > MAX_LINE:
            continue
        if not found_title:
            if L.TITLE.match(line) is None:
                return False
            found_title = True
        elif L.DAY.match(line) or L.DATE_RANGE.match(line) or L.MATCH.match(line):
            return True
    return False


class _SeasonReader:
    def __init__(self, file: str, line: int, title: str, report: Report) -> None:
        self.file, self.report, self.title_line = file, report, line
        years = L.TITLE_YEARS.search(title)
        self.competition = canonical_name(title[: years.start()] if years else title)
        self.years: tuple[int, int] | None = None
        if years is not None:
            start, end = int(years["start"]), years["end"]
            last = start if end is None else int(end)
            if end is not None and len(end) == 2:
                last = start // 100 * 100 + int(end)
                last += 100 if last < start else 0
            self.years = (start, last)
        self.span: dates.Span | None = None
        self.day: dt.date | None = None
        self.day_known = False
        self.rounds: list[RoundDraft] = []
        self.counts: dict[str, tuple[int, int]] = {}
        self.countries: dict[Team, None] = {}

    def feed(self, number: int, raw: str) -> None:
        text = raw.rstrip()
        stripped = text.strip()
        if not stripped:
            return
        if len(text) > MAX_LINE:
            self.report.unrecognized(number, f"line longer than {MAX_LINE} characters; skipped")
        elif stripped.startswith("#"):
            self._comment(number, stripped)
        elif m := L.DAY.match(stripped):
            self._day(number, m)
        elif text[0].isspace() or L.LOOKS_LIKE_MATCH.search(stripped):
            self._match(number, text)
        elif (name := L.round_name(stripped)) is not None:
            stage = Stage.GROUP if L.GROUP_ROUND.match(name) else Stage.KNOCKOUT
            self.rounds.append(RoundDraft(name, len(self.rounds) + 1, number, stage))
            self.day, self.day_known = None, False
        else:
            self.report.unrecognized(number, f"line not understood: {stripped[:120]}")

    def _comment(self, number: int, text: str) -> None:
        if m := L.DATE_RANGE.match(text):
            first = dates.stamp(m["wd1"], m["mon1"], m["day1"], m["year1"])
            last = dates.stamp(m["wd2"], m["mon2"], m["day2"], m["year2"]) if m["wd2"] else None
            if isinstance(first, str) or isinstance(last, str):
                self.report.unrecognized(number, f"date range not understood: {first or last}")
                return
            span = dates.header_span(first, last, int(m["days"]) if m["days"] else None)
            if isinstance(span, str):
                self.report.warn(number, f"date range ignored: {span}")
            else:
                self.span = span
        elif m := L.COUNT.match(text):
            self.counts[m["key"]] = (int(m["n"]), number)
        elif _KNOWN_COMMENT.match(text):
            self.report.unrecognized(number, f"header line not understood: {text[:120]}")
        # any other '#' line is a comment: it states nothing about the matches

    def _span(self) -> dates.Span | None:
        if self.span is None and self.years is not None:
            return dates.Span(dt.date(self.years[0], 1, 1), dt.date(self.years[1], 12, 31))
        return self.span

    def _day(self, number: int, m: re.Match[str]) -> None:
        self.day, self.day_known = None, True
        found = dates.stamp(m["wd"], m["mon"], m["day"], m["year"])
        span = self._span()
        if isinstance(found, str):
            self.report.unrecognized(number, f"day header not understood: {found}")
        elif span is None:
            self.report.warn(number, "no season years to date this day header; date left unknown")
        elif isinstance(resolved := dates.resolve(found, span), str):
            self.report.warn(number, resolved)
        else:
            self.day = resolved

    def _match(self, number: int, text: str) -> None:
        parsed = L.parse_match(text)
        if isinstance(parsed, str):
            self.report.unrecognized(number, f"{parsed}: {text.strip()[:120]}")
            return
        if not self.rounds:
            self.report.unrecognized(number, "a match line before the first round header; skipped")
            return
        if not self.day_known:
            self.report.warn(number, "no day header above this match line; its date is unknown")
        for problem in L.score_problems(parsed):
            self.report.warn(number, problem)
        for team in ((parsed.home, parsed.home_code), (parsed.away, parsed.away_code)):
            if team[1] not in FIFA_CODES and team not in self.countries:
                self.report.warn(number, f"'{team[1]}' ({team[0]}) is not a known FIFA code")
            self.countries.setdefault(team, None)
        score = parsed.score
        leg = Leg(
            home=parsed.home,
            away=parsed.away,
            home_goals=score[0] if score else None,
            away_goals=score[1] if score else None,
            status=parsed.status,
            date=self.day,
            line=number,
            extra_time=parsed.extra_time,
            penalties=parsed.penalties,
            source=self.report.ref(number),
        )
        self.rounds[-1].matches.append(Match(leg, parsed.home_code, parsed.away_code))

    def finish(self) -> Season:
        if not any(r.matches for r in self.rounds):
            raise ParseError(SourceRef(self.file, self.title_line), "no match lines in the season")
        span = self.span
        years = self.years or ((span.start.year, span.end.year) if span else None)
        if years is None:
            raise ParseError(
                SourceRef(self.file, self.title_line), "no season year in the title or '# Date'"
            )
        self._check_counts()
        usage: Counter[Team] = Counter()
        for draft in self.rounds:
            drop_repeats(draft, self.report)
            for match in draft.matches:
                usage.update((match.home, match.away))
        aliases: list[tuple[str, str]] = []
        for draft in self.rounds:
            if draft.stage is Stage.KNOCKOUT:
                aliases += join_spellings(draft, usage, self.report)
        rounds = tuple(self._round(i) for i in range(len(self.rounds)))
        return Season(
            competition=self.competition,
            label=season_label(*years),
            rounds=rounds,
            source_file=self.file,
            start_year=years[0],
            end_year=years[1],
            countries=tuple(self.countries),
            aliases=tuple(dict.fromkeys(aliases)),
            diagnostics=tuple(sorted(self.report.items, key=lambda d: d.source.line)),
        )

    def _round(self, i: int) -> Round:
        draft = self.rounds[i]
        if not draft.matches:
            self.report.warn(draft.line, f"{draft.name}: no match lines under this round header")
        if draft.stage is Stage.GROUP:
            label = draft.name if draft.name.lower().startswith("group ") else None
            groups = build_groups(draft, label, self.report) if draft.matches else ()
            return Round(draft.name, draft.order, line=draft.line, stage=Stage.GROUP, groups=groups)
        later = [Later(r.name, r.teams()) for r in self.rounds[i + 1 :]]
        paired = pair_matches(draft, self.report)
        two_legged = any(len(matches) > 1 for matches in paired)
        ties = []
        for n, matches in enumerate(paired, start=1):
            tie = build_tie(matches, draft.name, n, later, self.report)
            if two_legged and tie.single_match:
                tie = dataclasses.replace(tie, notes=(*tie.notes, _LONE))
                self.report.warn(
                    tie.source.line,
                    f"{draft.name}: {tie.team1} v {tie.team2} has one match in the source, "
                    "while other ties of the round have two",
                )
            ties.append(tie)
        return Round(draft.name, draft.order, ties=tuple(ties), line=draft.line)

    def _check_counts(self) -> None:
        found = {
            "Matches": sum(len(r.matches) for r in self.rounds),
            "Teams": len(self.countries),
        }
        for key, (stated, line) in self.counts.items():
            if found[key] != stated:
                self.report.warn(line, f"the header says {stated} {key.lower()}; read {found[key]}")


def parse(text: str, file_name: str) -> tuple[Season, ...]:
    """Every season of a Football.TXT document (one per ``=`` title line)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    report = Report(file_name)
    readers: list[_SeasonReader] = []
    for number, raw in enumerate(lines, start=1):
        stripped = raw.strip()
        title = L.TITLE.match(stripped) if len(stripped) <= MAX_LINE else None
        if title is not None:
            report = Report(file_name)
            readers.append(_SeasonReader(file_name, number, title["title"], report))
        elif readers:
            readers[-1].feed(number, raw)
        elif stripped:
            raise ParseError(
                SourceRef(file_name, number), "no Football.TXT title line like '= CAF CL 2019/20'"
            )
    if not readers:
        raise ParseError(SourceRef(file_name, 1), "the file is empty")
    return tuple(reader.finish() for reader in readers)

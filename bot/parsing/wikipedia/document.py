"""Season documents → Season models.

The document is read top to bottom: a title (competition and season label),
sections headed ``==Name==``; a section that holds ties is a round.  Inside a
round a small state machine collects dates, leg lines, scorer lines and notes
until a result summary closes the tie.  Nothing is guessed: a loser the source
does not name stays None, and every line that is not understood is reported
as ``file:line`` (never silently dropped), while wiki residue is skipped.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.domain.bulk import collector_paused
from bot.domain.countries import FIFA_CODES
from bot.domain.models import Round, Season, Severity, SourceRef
from bot.domain.names import fold
from bot.parsing.errors import ParseError
from bot.parsing.wikipedia import lines as L
from bot.parsing.wikipedia import text as T
from bot.parsing.wikipedia.results import parse_summary
from bot.parsing.wikipedia.rounds import Draft, Mark, RoundReader
from bot.parsing.wikipedia.schedule import ScheduleTables

_TITLE = re.compile(r"^=\s*(?P<title>[^=].*?)\s*=$")
_LABEL = re.compile(r"(?<!\d)(?P<start>\d{4})(?:\s*[-–/]\s*(?P<end>\d{4}|\d{2}))?(?!\d)")
_STAGE = re.compile(
    r"\s+(?:qualifying|qualification|preliminary|knock-?out)(?:\s+(?:rounds?|stage|phase))?$", re.I
)
_INFOBOX_YEAR = re.compile(r"^-\s*Year:\s*(?P<year>.+)$")
_TEAMS = re.compile(
    r"(?:included|knock-?out stage of|contested by|featured|consisted of|involved)\s+(?:the\s+)?"
    r"(?P<n>\d+|\w+)\s+(?:teams|winners|clubs|losers|sides)",
    re.I,
)
_NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty-two": 32, "forty": 40, "twenty-four": 24}
_ROUND_NAME = re.compile(r"\bround\b|\bplay-?offs?\b", re.I)


def _split_label(title: str, file: str) -> tuple[str, str, int, int]:
    m = _LABEL.search(title)
    if m is None:
        raise ParseError(SourceRef(file, 1), f"the title '{title[:80]}' has no season year")
    start = int(m["start"])
    end_text = m["end"]
    end = (
        start
        if end_text is None
        else int(end_text)
        if len(end_text) == 4
        else start // 100 * 100 + int(end_text)
    )
    if end < start:
        end += 100
    competition = _STAGE.sub("", (title[: m.start()] + " " + title[m.end() :]).strip())
    competition = re.sub(r"\s+", " ", competition).strip(" -–")
    if not competition:
        raise ParseError(SourceRef(file, 1), "the title names no competition")
    return competition, m.group(0), start, end


def expected_ties(description: str) -> int | None:
    """ "…included the 40 teams…" → 20 ties; None when the prose gives no count."""
    m = _TEAMS.search(description)
    if m is None:
        return None
    word = m["n"].lower()
    teams = int(word) if word.isdigit() else _NUMBERS.get(word)
    return teams // 2 if teams else None


def _is_tie_line(raw: str) -> bool:
    line = L.clean(raw)
    return L.parse_leg(line) is not None or parse_summary(line.strip()) is not None


def _doc_has_codes(text: str) -> bool:
    """Do most leg lines of the whole document carry country codes on both sides?"""
    coded = total = 0
    for raw in T.lines(text):
        if len(raw) >= L.MAX_LINE or (leg := L.parse_leg(L.clean(raw))) is None:
            continue
        total += 1
        home_code = L.split_code(leg.left, code_last=True)[1]
        away_code = L.split_code(leg.right, code_last=False)[1]
        coded += home_code in FIFA_CODES and away_code in FIFA_CODES
    return total > 0 and coded * 2 >= total


def looks_like(text: str) -> bool:
    """A Wikipedia rendering opens with a title line ``= … =``."""
    first = next((ln.strip() for ln in T.first_lines(text, 50) if ln.strip()), "")
    return _TITLE.match(first[: L.MAX_LINE]) is not None


def _heading(raw: str) -> str | None:
    """A section heading's name (``==Name==`` or deeper); a ``=Title=`` line is not one."""
    if "=" not in raw or len(raw) >= L.MAX_LINE:
        return None
    m = L.HEADING.match(raw.strip())
    return m["name"] if m and len(m.group(1)) >= 2 else None


class _Reading:
    """The sections after the title, read as they stream by.

    A section is read as a round from its first line on; one that ends without a tie
    line (and is not named like a round) is forgotten again, findings and all.
    """

    def __init__(self, reader: RoundReader, tables: ScheduleTables) -> None:
        self.reader, self.tables = reader, tables
        self.rounds: list[Round] = []
        self.unscheduled: list[bool] = []  # the round gave no "First legs: …" line
        self.draft: Draft | None = None  # None: still in the preamble
        self.has_ties = False
        self.mark: Mark = (0, 0, 0)

    def open(self, name: str, number: int) -> None:
        self.close()
        self.draft = Draft(name, len(self.rounds) + 1, number)
        self.has_ties = bool(_ROUND_NAME.search(name))
        self.mark = self.reader.mark()

    def close(self) -> None:
        draft, reader = self.draft, self.reader
        if draft is None:
            return
        if self.has_ties:
            reader.end_round(draft)
            self.rounds.append(_finish(draft, reader))
            self.unscheduled.append(draft.schedule is None)
        else:
            reader.forget(self.mark)
        self.draft = None

    def round_being_read(self) -> Draft | None:
        """The section's draft once it is known to be a round: its lines can then go straight
        to ``RoundReader.read_line`` (the common case, so it is the fast path)."""
        return self.draft if self.has_ties else None

    def line(self, number: int, raw: str, label: str) -> None:
        """A line of the preamble or of a section not yet known to be a round."""
        draft = self.draft
        if draft is None:
            self._preamble(number, raw, label)
            return
        if not self.has_ties and len(raw) < L.MAX_LINE and _is_tie_line(raw):
            self.has_ties = True
        self.reader.read_line(draft, number, raw)

    def _preamble(self, number: int, raw: str, label: str) -> None:
        if (m := _INFOBOX_YEAR.match(raw.strip())) and fold(m["year"]) != fold(label):
            self.reader.report(
                number, f"infobox year '{m['year']}' differs from the title's '{label}'"
            )
        elif len(raw) < L.MAX_LINE and _is_tie_line(raw):
            message = "a tie line before the first ==Round== heading; skipped"
            self.reader.report(number, message, Severity.UNRECOGNIZED)

    def finish(self) -> tuple[Round, ...]:
        """The rounds, their leg dates taken from a schedule table where the round gave none."""
        self.close()
        found = self.tables.found
        return tuple(
            _with_schedule(r, found[fold(r.name)]) if unscheduled and fold(r.name) in found else r
            for r, unscheduled in zip(self.rounds, self.unscheduled, strict=True)
        )


def parse_document(text: str, file_name: str) -> Season:
    """Parse one season document; raises ParseError when it is not one at all.

    The text is read once, line by line, with no list of its lines.
    """
    with collector_paused(promote=True):
        return _parse(text, file_name)


def _parse(text: str, file_name: str) -> Season:
    tables = ScheduleTables()
    stream = T.lines(text)
    number, title = 0, ""
    for raw in stream:
        number += 1
        tables.feed(raw)
        if title := raw.strip():
            break
    if not title:
        raise ParseError(SourceRef(file_name, 1), "the file is empty")
    title_match = _TITLE.match(title[: L.MAX_LINE])
    if title_match is None:
        raise ParseError(
            SourceRef(file_name, number),
            "no title line like '= 2012 CAF Confederation Cup qualifying rounds ='",
        )
    title_line = number
    competition, label, start, end = _split_label(title_match["title"], file_name)
    reader = RoundReader(file_name, lambda: _doc_has_codes(text))
    reading = _Reading(reader, tables)
    read_line, draft = reader.read_line, None
    for raw in stream:
        number += 1
        if not raw:
            tables.header = None  # what feeding an empty line does, without the call
            continue
        if "|" in raw or tables.header is not None:  # else feeding it changes nothing
            tables.feed(raw)
        if "=" in raw and (name := _heading(raw)) is not None:
            reading.open(name, number)
            draft = reading.round_being_read()
        elif draft is not None:
            read_line(draft, number, raw)
        else:
            reading.line(number, raw, label)
            draft = reading.round_being_read()
    rounds = reading.finish()
    if not any(r.ties for r in rounds):
        raise ParseError(SourceRef(file_name, title_line), "no ties found (no leg or result lines)")
    return Season(
        competition=competition,
        label=label,
        rounds=rounds,
        source_file=file_name,
        start_year=start,
        end_year=end,
        countries=tuple(reader.countries),
        aliases=tuple(reader.aliases),
        diagnostics=tuple(reader.diags),
    )


def _finish(draft: Draft, reader: RoundReader) -> Round:
    description = " ".join(draft.description) or None
    expected = expected_ties(description or "")
    first_leg, second_leg = draft.schedule or ("", "")
    count = len(draft.ties)
    if expected is not None and count != expected:
        reader.report(
            draft.line,
            f"{draft.name}: {count} of the {expected} ties the round had are in the source",
        )
    return Round(
        name=draft.name,
        order=draft.order,
        ties=tuple(draft.ties),
        first_leg=first_leg or None,
        second_leg=second_leg or None,
        expected_ties=expected,
        description=description,
        line=draft.line,
    )


def _with_schedule(found: Round, dates: tuple[str, str]) -> Round:
    return replace(found, first_leg=dates[0] or None, second_leg=dates[1] or None)

"""Answer → Discord embeds, split into pages that respect every embed limit.

One field per Block, a colour by outcome, the source season in the footer.
Discord rejects a whole message when any limit is exceeded, so every string
is cut to its limit and fields are packed into pages by size, not by count
alone (``len(embed)`` ≤ 6,000 is checked for every page).
"""

from __future__ import annotations

import discord

from bot.discord.flags import Flagger
from bot.domain.names import clip
from bot.wording.answer import Answer, AnswerKind, Block, Outcome
from bot.wording.i18n.words import Words, words_for
from bot.wording.markdown import neutralise

TITLE_MAX = 256
DESCRIPTION_MAX = 4096
FIELDS_MAX = 25
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FOOTER_MAX = 2048
EMBED_MAX = 6000
FIELDS_PER_PAGE = 10  # readability: a page is one screen, well under the 25-field limit
_PAGE_LABEL_RESERVE = 24  # " · page 999/999" and separators
EMPTY = "\u200b"
NO_MENTIONS = discord.AllowedMentions.none()  # on the client and on every message sent

COLOURS: dict[Outcome, discord.Colour] = {
    Outcome.WON: discord.Colour.green(),
    Outcome.LOST: discord.Colour.red(),
    Outcome.NEUTRAL: discord.Colour.blurple(),
}
KIND_COLOURS: dict[AnswerKind, discord.Colour] = {
    AnswerKind.AMBIGUOUS: discord.Colour.gold(),
    AnswerKind.NOT_FOUND: discord.Colour.orange(),
    AnswerKind.INVALID: discord.Colour.orange(),
}


def colour_of(answer: Answer) -> discord.Colour:
    return KIND_COLOURS.get(answer.kind) or COLOURS.get(answer.outcome, discord.Colour.blurple())


def countries_of(answer: Answer) -> dict[str, str | None]:
    """Every club name/spelling in the answer's ties → its FIFA code, where known."""
    found: dict[str, str | None] = {}
    for entry in answer.ties:
        tie = entry.tie
        sides = ((tie.team1, tie.code1, entry.club1), (tie.team2, tie.code2, entry.club2))
        for spelling, code, club in sides:
            country = code or (club.country if club else None)
            if not country:
                continue
            if spelling:
                found.setdefault(spelling, country)
            if club is not None:
                found.setdefault(club.name, country)
    return found


def _chunks(body: str, limit: int) -> list[str]:
    """Split a block body at line breaks into pieces of at most ``limit`` characters."""
    pieces: list[str] = []
    current = ""
    for line in body.split("\n"):
        while len(line) > limit:  # a single over-long line: hard cut
            if current:
                pieces.append(current)
                current = ""
            pieces.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            pieces.append(current)
            current = line
        else:
            current = candidate
    if current or not pieces:
        pieces.append(current)
    return pieces


def _fields(block: Block, flags: Flagger, w: Words) -> list[tuple[str, str]]:
    name = clip(neutralise(flags(block.title)) or EMPTY, FIELD_NAME_MAX)
    parts = _chunks(neutralise(block.body), FIELD_VALUE_MAX)
    fields = [(name, parts[0] or EMPTY)]
    cont = clip(w._("{title} (cont.)", title=name), FIELD_NAME_MAX)
    fields.extend((cont, part or EMPTY) for part in parts[1:])
    return fields


def _footer(answer: Answer, w: Words) -> str:
    if answer.footer:
        return answer.footer
    seasons = dict.fromkeys(entry.season.key for entry in answer.ties)
    return w._("Source: {files}", files=w.separator.join(seasons)) if seasons else ""


def build_pages(answer: Answer, fields_per_page: int = FIELDS_PER_PAGE) -> list[discord.Embed]:
    """The answer as one or more embeds; every page within Discord's limits."""
    flags = Flagger(countries_of(answer))
    w = words_for(answer.lang)  # the page label and "(cont.)" in the answer's language
    title = clip(neutralise(flags(answer.title)) or EMPTY, TITLE_MAX)
    footer = clip(neutralise(_footer(answer, w)), FOOTER_MAX - _PAGE_LABEL_RESERVE)
    frame = len(title) + len(footer) + _PAGE_LABEL_RESERVE  # what every page spends
    room = min(DESCRIPTION_MAX, EMBED_MAX - frame)
    description = clip(neutralise(answer.summary), room)
    per_page = max(1, min(fields_per_page, FIELDS_MAX))
    fields = [f for block in answer.blocks for f in _fields(block, flags, w)]

    pages: list[list[tuple[str, str]]] = [[]]
    used = frame + len(description)
    for name, value in fields:
        size = len(name) + len(value)
        full = len(pages[-1]) >= per_page or used + size > EMBED_MAX
        # a page holds at least one field, unless it is the first and carries the summary
        if full and (pages[-1] or (len(pages) == 1 and description)):
            pages.append([])
            used = frame
        pages[-1].append((name, value))
        used += size

    embeds: list[discord.Embed] = []
    for number, page in enumerate(pages, start=1):
        embed = discord.Embed(
            title=title,
            description=description if number == 1 and description else None,
            colour=colour_of(answer),
        )
        for name, value in page:
            embed.add_field(name=name, value=value, inline=False)
        label = w._("page {number}/{count}", number=number, count=len(pages))
        label = label if len(pages) > 1 else ""
        text = " · ".join(part for part in (footer, label) if part)
        if text:
            embed.set_footer(text=text)
        embeds.append(embed)
    return embeds


def show_image(pages: list[discord.Embed], name: str) -> None:
    """Every page shows the attached picture ``name`` (pages are edits of one message, whose
    attachments stay, so each page can refer to it)."""
    for page in pages:
        page.set_image(url=f"attachment://{name}")


def notice(title: str, text: str = "", colour: discord.Colour | None = None) -> discord.Embed:
    """A short one-off embed (apologies, 'only X can page')."""
    return discord.Embed(
        title=clip(neutralise(title), TITLE_MAX),
        description=clip(neutralise(text), DESCRIPTION_MAX) or None,
        colour=colour or discord.Colour.orange(),
    )

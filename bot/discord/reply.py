"""From a slash command's options to the message on screen.

A ``Query`` is the engine call a command makes, kept as data so the
candidate picker can re-run the very same call with the chosen club name.
Answers that report a problem (no match, malformed input) are ephemeral, and so is
every answer in a server whose managers chose private replies.  The language of the
answer follows ``preferences.choose``: the user's choice, the server's, then Discord's.

Commands respond directly rather than deferring: every answer is computed in
memory (p99 under 3 ms even at 100x the real data, see benchmarks/RESULTS.md),
far inside Discord's 3-second window, and a defer would cost an extra request.
That holds for answers with a picture too: a first drawing takes at most tens of
milliseconds (p99 ≤ 60 ms, ``benchmarks/bench_pictures``), a cached one well under
one, so a picture never needs a defer either.  ``send`` still handles an
interaction that was already answered.

Pictures (``Answer.files``) go out as a multipart upload with the message; the
embed shows the first one through ``attachment://NAME``.  A file larger than the
interaction's ``attachment_size_limit`` is left out (the text answer still goes).
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import discord

from bot.discord.embeds import NO_MENTIONS, build_pages, show_image
from bot.discord.ports import EngineLike
from bot.discord.preferences import SettingsStore, choose
from bot.discord.rendered import render
from bot.discord.views import CandidateView, OwnedView, PagerView
from bot.wording.answer import Answer, AnswerKind, Picture
from bot.wording.questions import understood_call

PRIVATE_KINDS = frozenset({AnswerKind.NOT_FOUND, AnswerKind.INVALID})


@dataclass(frozen=True, slots=True)
class Query:
    """One command of the table and its options as Discord sent them (None = not given)."""

    command: str
    options: tuple[tuple[str, str | None], ...]

    @classmethod
    def of(cls, command: str, **options: str | None) -> Query:
        return cls(command, tuple(options.items()))

    def get(self, name: str) -> str | None:
        return dict(self.options).get(name)

    def with_option(self, name: str, value: str) -> Query:
        return Query(self.command, tuple((k, value if k == name else v) for k, v in self.options))

    def run(self, engine: EngineLike, lang: str | None = None) -> Answer:
        return engine.answer(self.command, lang=lang, **dict(self.options))


def ambiguous_option(query: Query, answer: Answer) -> str | None:
    """The option the candidates are for (the engine names it as the table does)."""
    wanted = answer.ambiguous_option
    return wanted if wanted in dict(query.options) else None


async def respond(
    interaction: discord.Interaction[Any],
    engine: EngineLike,
    query: Query,
    *,
    edit: bool = False,
    store: SettingsStore | None = None,
) -> None:
    """Ask the engine and show the answer (``edit``: replace the component's message); an
    answer given before comes with its embeds already built (``bot.discord.rendered``)."""
    choice = choose(interaction, store)
    done = render(engine, query.command, query.options, choice.language)
    answer = done.answer
    call = understood_call(answer) if answer.kind is AnswerKind.AMBIGUOUS else None
    if query.command == "ask" and call is not None:  # a club picked re-runs what was understood
        query = Query.of(call[0], **call[1])
    await show(interaction, engine, query, answer, edit=edit, private=choice.private,
               store=store, pages=list(done.pages))  # fmt: skip


async def show(
    interaction: discord.Interaction[Any],
    engine: EngineLike,
    query: Query,
    answer: Answer,
    *,
    edit: bool = False,
    private: bool = False,
    store: SettingsStore | None = None,
    pages: list[discord.Embed] | None = None,
) -> None:
    pages = build_pages(answer) if pages is None else pages
    option = ambiguous_option(query, answer)
    view: OwnedView | None = None
    if answer.kind is AnswerKind.AMBIGUOUS and answer.candidates and option is not None:

        async def picked(picker: discord.Interaction[Any], choice: str) -> None:
            await respond(picker, engine, query.with_option(option, choice), edit=True,
                          store=store)  # fmt: skip

        view = CandidateView(answer.candidates, interaction.user, picked)
        pages = pages[:1]
    elif len(pages) > 1:
        view = PagerView(pages, interaction.user)
    private = (
        private
        or answer.kind in PRIVATE_KINDS
        or (answer.kind is AnswerKind.AMBIGUOUS and view is None)
    )
    # -- pictures: the ones that fit the interaction's upload limit, the first shown in the embed
    pictures = sendable(answer.files, getattr(interaction, "filesize_limit", None))
    if pictures:
        show_image(pages, pictures[0].name)
    await send(interaction, pages[0], view=view, ephemeral=private, edit=edit, pictures=pictures)


def sendable(files: Sequence[Picture], limit: object) -> tuple[Picture, ...]:
    """The pictures within the upload limit (Discord's ``attachment_size_limit``)."""
    if not isinstance(limit, int) or limit <= 0:
        return tuple(files)
    return tuple(p for p in files if len(p.data) <= limit)


def uploads(pictures: Sequence[Picture]) -> list[discord.File]:
    """Fresh ``discord.File`` objects (a File is consumed by one request, so one per try)."""
    return [
        discord.File(io.BytesIO(p.data), filename=p.name, description=p.description or None)
        for p in pictures
    ]


async def send(
    interaction: discord.Interaction[Any],
    embed: discord.Embed,
    *,
    view: OwnedView | None = None,
    ephemeral: bool = False,
    edit: bool = False,
    pictures: Sequence[Picture] = (),
) -> None:
    """Respond once; when the interaction was already answered, use the follow-up paths."""
    extra: Mapping[str, Any] = {"view": view} if view is not None else {}
    message: discord.WebhookMessage | None = None

    def attached(key: str) -> Mapping[str, Any]:  # only when there are pictures: an edit
        return {key: uploads(pictures)} if pictures else {}  # without them keeps what it had

    try:
        if edit:
            await interaction.response.edit_message(
                embed=embed, view=view, allowed_mentions=NO_MENTIONS, **attached("attachments")
            )
        else:
            await interaction.response.send_message(
                embed=embed, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS, **extra,
                **attached("files"),
            )  # fmt: skip
    except discord.InteractionResponded:
        if edit:
            await interaction.edit_original_response(
                embed=embed, view=view, allowed_mentions=NO_MENTIONS, **attached("attachments")
            )
        else:
            message = await interaction.followup.send(
                embed=embed, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS, wait=True, **extra,
                **attached("files"),
            )  # fmt: skip
    if view is not None:
        view.bind(interaction, message)

"""One interaction in, one response body out: the command table, the Speaker, the embeds.

PING gets PONG; an application command runs the table's command through the
engine and shows the answer as the gateway bot would; autocomplete suggests
from the engine's indexes; a click on a pager button or a club picker re-runs
the query its (signed) custom id carries.  Whatever the payload, the caller
gets a response: a failure is logged with the command and its options and
answered with the gateway bot's apology, privately.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from bot.answering.methods import ASKABLE
from bot.answering.table import BY_NAME
from bot.discord.embeds import notice
from bot.discord.errors import APOLOGY
from bot.discord.ports import EngineLike
from bot.discord.rendered import render
from bot.http import messages as m
from bot.http.autocomplete import suggestions
from bot.http.customid import COUNTER, PICK, ComponentId, CustomIds
from bot.http.followup import FollowUps, Pictures
from bot.wording.answer import AnswerKind
from bot.wording.questions import understood_call

log = logging.getLogger(__name__)
PING, COMMAND, COMPONENT, AUTOCOMPLETE, MODAL = 1, 2, 3, 4, 5
PONG, MESSAGE, DEFERRED, QUIET_UPDATE, UPDATE, CHOICES = 1, 4, 5, 6, 7, 8
MAX_OPTION = 100
METHODS = frozenset(method.value for method in ASKABLE)
GONE = "That choice is no longer available."


@dataclass
class Reply:
    """The response body, what to do after it was sent, and what the access log names."""

    body: dict[str, Any]
    later: Callable[[], Awaitable[Any]] | None = None
    what: str = ""
    log: dict[str, Any] = field(default_factory=dict)


def flatten(options: Any, out: dict[str, Any] | None = None) -> dict[str, Any]:
    """Option name → value (sub-commands flattened), and the focused option under ``""``."""
    found = {} if out is None else out
    for option in options if isinstance(options, list) else ():
        if isinstance(option, dict) and isinstance(option.get("name"), str):
            if "value" in option:
                found[option["name"]] = option["value"]
                if option.get("focused") is True:
                    found[""] = option["name"]
            flatten(option.get("options"), found)
    return found


def _message(data: dict[str, Any], private: bool, kind: int = MESSAGE) -> dict[str, Any]:
    if private and kind == MESSAGE:
        data = {**data, "flags": m.EPHEMERAL}
    return {"type": kind, "data": data}


def _notice(title: str, text: str) -> dict[str, Any]:
    embed = notice(title, text).to_dict()
    return _message({"embeds": [embed], "allowed_mentions": m.NO_MENTIONS}, True)


def _user_id(interaction: Mapping[str, Any]) -> str | None:
    member = interaction.get("member")
    user = member.get("user") if isinstance(member, dict) else interaction.get("user")
    return str(user.get("id")) if isinstance(user, dict) and "id" in user else None


def _owner(message: Any) -> dict[str, Any] | None:
    """Who ran the command that posted ``message`` (its interaction metadata), if known."""
    if not isinstance(message, dict):
        return None
    for key in ("interaction_metadata", "interaction"):
        meta = message.get(key)
        if isinstance(meta, dict) and isinstance(meta.get("user"), dict):
            return dict(meta["user"])
    return None


def _display(user: Mapping[str, Any]) -> str:
    """A user's name, safe to echo: no Markdown, no mentions."""
    import discord  # already loaded by the embeds

    name = str(user.get("global_name") or user.get("username") or "the asker")
    return discord.utils.escape_mentions(discord.utils.escape_markdown(name))


class Responder:
    """Turns interaction payloads into response bodies with one engine and one id secret."""

    def __init__(
        self,
        engine: EngineLike,
        ids: CustomIds,
        *,
        pictures: Pictures | None = None,
        followups: FollowUps | None = None,
    ) -> None:
        self.engine = engine
        self.ids = ids
        self.pictures = pictures
        self.followups = followups or FollowUps()

    def reply(self, interaction: Mapping[str, Any]) -> Reply | None:
        """The response; None when the payload is not an interaction at all (HTTP 400)."""
        kind = interaction.get("type")
        data = interaction.get("data")
        if kind == PING:
            return Reply({"type": PONG}, what="ping")
        if kind not in (COMMAND, COMPONENT, AUTOCOMPLETE, MODAL) or not isinstance(data, dict):
            return None
        try:
            if kind == COMMAND:
                return self._command(interaction, data)
            if kind == AUTOCOMPLETE:
                return self._autocomplete(data)
            if kind == COMPONENT:
                return self._component(interaction, data)
            return Reply(_notice("Unknown command", "This form is not one of mine."), what="modal")
        except Exception:
            log.exception("interaction failed: %s", describe(data))
            if kind == AUTOCOMPLETE:
                return Reply({"type": CHOICES, "data": {"choices": []}}, what="autocomplete")
            return Reply(_notice("Something went wrong", APOLOGY), what="error")

    # -- application commands ----------------------------------------------------------------

    def _command(self, interaction: Mapping[str, Any], data: dict[str, Any]) -> Reply:
        name = data.get("name")
        spec = BY_NAME.get(name) if isinstance(name, str) else None
        if spec is None:
            log.warning("unknown command %s (stale command list?)", describe(data))
            body = _notice("Unknown command", "This command is not available any more; try /help.")
            return Reply(body, what="unknown")
        given = flatten(data.get("options"))
        options: dict[str, str | None] = {}
        for option in spec.options:
            raw = given.get(option.name)
            bad = raw is not None and (not isinstance(raw, str) or len(raw) > MAX_OPTION)
            if bad or (option.name == "method" and raw and raw not in METHODS):
                log.info("rejected %s: bad value for %s", describe(data), option.name)
                body = _notice("That did not work", "One of the options has a value I cannot use.")
                return Reply(body, what=spec.name)
            options[option.name] = raw or None
        query = ComponentId("", spec.name, tuple(options.items()))
        answer, pages = render(self.engine, spec.name, query.options, None)
        call = understood_call(answer) if answer.kind is AnswerKind.AMBIGUOUS else None
        if spec.name == "ask" and call is not None:  # a club picked re-runs what was understood
            query = ComponentId("", call[0], tuple(call[1].items()))
        shown = m.show(self.ids, query, answer, pages=pages)
        if self.pictures is not None and self.pictures.wants(answer):
            pictures, app, token = (
                self.pictures,
                interaction.get("application_id"),
                interaction.get("token"),
            )
            if isinstance(app, str) and isinstance(token, str):

                def later() -> Awaitable[bool]:
                    return self.followups.complete(app, token, shown.data, answer, pictures)

                flags = {"flags": m.EPHEMERAL} if shown.private else {}
                return Reply({"type": DEFERRED, "data": flags}, later, spec.name, {"deferred": 1})
        return Reply(_message(shown.data, shown.private), what=spec.name,
                     log={"kind": answer.kind.value})  # fmt: skip

    def _autocomplete(self, data: dict[str, Any]) -> Reply:
        given = flatten(data.get("options"))
        focused = given.pop("", None)
        name = data.get("name")
        choices = (
            suggestions(self.engine, name, given, focused)
            if isinstance(name, str) and isinstance(focused, str)
            else []
        )
        return Reply({"type": CHOICES, "data": {"choices": choices}}, what="autocomplete")

    # -- components --------------------------------------------------------------------------

    def _component(self, interaction: Mapping[str, Any], data: dict[str, Any]) -> Reply:
        target = self.ids.decode(data.get("custom_id"))
        if target is None:
            log.info("refused a component id that is not ours or not signed")
            return Reply({"type": MESSAGE, "data": m.text(GONE)}, what="component")
        verb = "choose from" if target.kind == PICK else "page through"
        owner = _owner(interaction.get("message"))
        if owner is not None and str(owner.get("id")) != _user_id(interaction):
            note = f"Only {_display(owner)} can {verb} these results."
            return Reply({"type": MESSAGE, "data": m.text(note)}, what="component")
        if target.kind == COUNTER:  # disabled: Discord never sends it; acknowledge quietly
            return Reply({"type": QUIET_UPDATE}, what="component")
        query = replace(target, kind="", number=0)
        if target.kind == PICK:
            return self._picked(query, target.number, data.get("values"))
        answer, pages = render(self.engine, query.command, query.options, None)
        shown = m.show(self.ids, query, answer, target.number, pages)
        return Reply(_message(shown.data, False, UPDATE), what=f"{query.command} page")

    def _picked(self, query: ComponentId, position: int, values: Any) -> Reply:
        """Re-run the ambiguous query, take the picked candidate, answer with it in place."""
        original = self.engine.answer(query.command, **dict(query.options))
        names = m.candidates_of(original)
        option = m.ambiguous_option(query, original)
        picked = values[0] if isinstance(values, list) and len(values) == 1 else None
        index = (
            int(picked) if isinstance(picked, str) and picked.isascii() and picked.isdigit() else -1
        )
        names_of = [name for name, _ in query.options]
        if (
            option is None
            or position >= len(names_of)
            or names_of[position] != option
            or not 0 <= index < len(names)
        ):
            return Reply({"type": MESSAGE, "data": m.text(GONE)}, what=f"{query.command} pick")
        chosen = tuple((k, names[index] if k == option else v) for k, v in query.options)
        query = replace(query, options=chosen)
        answer, pages = render(self.engine, query.command, chosen, None)
        shown = m.show(self.ids, query, answer, pages=pages)
        return Reply(_message(shown.data, False, UPDATE), what=f"{query.command} pick")


def describe(data: Mapping[str, Any]) -> str:
    """``/command {options}`` or the component id, for a log line (never a token)."""
    if "name" in data:
        options = flatten(data.get("options"))
        options.pop("", None)
        return f"/{str(data['name'])[:40]} {options!r}"[:300]
    return f"component {str(data.get('custom_id', '?'))[:100]!r}"

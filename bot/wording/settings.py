"""/settings in words: what changed, what is in force, and why a change was not made.

The facts come from the adapter that stores settings (Discord); the console stores
none, so there the answer says how to choose a language for a session (``--lang``).
"""

from __future__ import annotations

from bot.answering.preferences import AUTOMATIC, LANGUAGES, SettingsFacts, SettingsState
from bot.wording.answer import Answer, AnswerKind, Block
from bot.wording.i18n.words import Words


def settings_answer(f: SettingsFacts, w: Words) -> Answer:
    """The /settings answer in the language now in force (the one just chosen, if any)."""
    title = w._("Settings")
    state = f.state
    if state is None:
        summary = w._(
            "The console has no saved settings: start it with {option} to choose the "
            "language. On Discord, {command} keeps your choice.",
            option="--lang " + "|".join(LANGUAGES),
            command="/settings",
        )
        return Answer("settings", title, summary)
    lines = [_outcome(f, state, w)] if f.request.changes or state.problem else []
    kind = AnswerKind.INVALID if state.problem in ("not_manager", "no_server") else AnswerKind.OK
    return Answer(
        "settings",
        title,
        "\n".join(line for line in lines if line),
        (Block(w._("In force"), "\n".join(_in_force(state, w))),),
        kind=kind,
    )


def _outcome(f: SettingsFacts, state: SettingsState, w: Words) -> str:
    """One sentence: the change made, or why none was."""
    if state.problem == "not_manager":
        return w._("Only members who can manage this server can change its settings.")
    if state.problem == "no_server":
        return w._("Server settings can only be changed in a server.")
    if state.problem == "unavailable":
        return w._(
            "Settings cannot be saved right now; answers stay in {language}.",
            language=w.language_name(state.language),
        )
    said = []
    chosen, server = f.request.language, f.request.scope == "server"
    if chosen == AUTOMATIC:
        said.append(
            w._("This server no longer has a language of its own.")
            if server
            else w._("You no longer have a language of your own.")
        )
    elif chosen is not None:
        name = w.language_name(chosen)
        said.append(
            w._("This server's language is now {language}.", language=name)
            if server
            else w._("Your language is now {language}.", language=name)
        )
    if f.request.replies == "private":
        said.append(w._("Answers in this server are now private: only the asker sees them."))
    elif f.request.replies == "public":
        said.append(w._("Answers in this server are now public."))
    return " ".join(said)


def _in_force(state: SettingsState, w: Words) -> list[str]:
    """The settings as they are now, and which one decides the language of answers."""
    unset = w._("not chosen")
    own = w.language_name(state.user_language) if state.user_language else unset
    lines = [w._("Your language: {language}", language=own)]
    if state.in_server:
        server = w.language_name(state.server_language) if state.server_language else unset
        lines.append(w._("This server's language: {language}", language=server))
        lines.append(
            w._("Answers in this server: private")
            if state.private
            else w._("Answers in this server: public")
        )
    name = w.language_name(state.language)
    why = {
        "user": w._("Answers to you are in {language}: your choice.", language=name),
        "server": w._("Answers to you are in {language}: this server's choice.", language=name),
        "locale": w._("Answers to you are in {language}: your Discord language.", language=name),
    }.get(state.source) or w._("Answers to you are in {language}.", language=name)
    lines.append(why)
    lines.append(w._("Your choice comes first, then the server's, then your Discord language."))
    return lines

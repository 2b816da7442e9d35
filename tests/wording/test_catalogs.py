"""The catalogs match the code: every message of the code is translated in every language,
no catalog keeps a message the code no longer has, and placeholders agree.

The messages are extracted from the code exactly as ``make messages`` does (``babel.cfg``),
so a sentence added to the code without its translations fails here, and so does a
translation that drops or renames a ``{placeholder}`` (it would fall back to English).
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from bot.wording.i18n.catalogs import TRANSLATED, po_path
from bot.wording.i18n.extract import COMMAND_NAME, OPTION_NAME

ROOT = Path(__file__).resolve().parents[2]
Key = tuple[str | None, str]  # (context, msgid)
# What Discord accepts as a command or option name (lowercase where the script has case).
DISCORD_NAME = re.compile(r"^[-_\w]{1,32}$")


def _key(context: str | None, message: str | tuple[str, ...]) -> Key:
    return context, message if isinstance(message, str) else message[0]


@pytest.fixture(scope="module")
def code_messages() -> dict[Key, tuple[str, ...]]:
    """(context, msgid) -> the English forms, as ``pybabel extract -F babel.cfg`` finds them."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found: dict[Key, tuple[str, ...]] = {}
    for _file, _line, message, _comments, context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=DEFAULT_KEYWORDS
    ):
        forms = (message,) if isinstance(message, str) else tuple(message)
        found[_key(context, message)] = forms
    return found


def catalog(lang: str):  # babel's Catalog
    with po_path(lang).open("rb") as po:
        return read_po(po, locale=lang)


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_the_code_has_messages_of_every_kind(code_messages) -> None:
    assert len(code_messages) > 90
    assert (COMMAND_NAME, "tie") in code_messages  # from the command table
    assert (None, "{n} tie") in code_messages  # a plural
    assert (None, "No club matches {text}.") in code_messages  # a refusal


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_of_the_code_is_translated(lang: str, code_messages) -> None:
    cat = catalog(lang)
    missing = []
    for key in code_messages:
        entry = cat.get(key[1], context=key[0])
        strings = (
            ()
            if entry is None
            else ((entry.string,) if isinstance(entry.string, str) else tuple(entry.string))
        )
        if entry is None or entry.fuzzy or not strings or not all(s.strip() for s in strings):
            missing.append(key)
    assert not missing, f"{lang}: untranslated (run `make messages`, then translate): {missing}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_catalog_keeps_a_message_the_code_no_longer_has(lang: str, code_messages) -> None:
    cat = catalog(lang)
    stale = [_key(m.context, m.id) for m in cat if m.id and _key(m.context, m.id)
             not in code_messages]  # fmt: skip
    obsolete = [_key(m.context, m.id) for m in cat.obsolete.values()]
    assert not stale and not obsolete, f"{lang}: no longer in the code: {stale + obsolete}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_placeholders_are_the_same_in_every_language(lang: str, code_messages) -> None:
    cat = catalog(lang)
    wrong = []
    for m in cat:
        if not m.id:
            continue
        english = code_messages.get(_key(m.context, m.id), ())
        expected = set().union(*(placeholders(e) for e in english)) if english else set()
        forms = [m.string] if isinstance(m.string, str) else list(m.string)
        for form in forms:
            got = placeholders(form)
            # A plural form may leave the count out where its word says it ("مواجهتان").
            if got != expected and not (m.pluralizable and got == expected - {"n"}):
                wrong.append((m.id, form, sorted(got), sorted(expected)))
    assert not wrong, f"{lang}: placeholders differ from English: {wrong}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_plural_forms_follow_the_language(lang: str) -> None:
    cat = catalog(lang)
    assert cat.num_plurals == get_plural(lang).num_plurals  # Arabic: 6
    for m in cat:
        if m.pluralizable and m.id:
            assert len(m.string) == cat.num_plurals, m.id


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translated_names_are_valid_discord_names(lang: str) -> None:
    cat = catalog(lang)
    names: dict[str | None, list[str]] = {}
    for m in cat:
        if m.context in (COMMAND_NAME, OPTION_NAME):
            assert DISCORD_NAME.match(m.string) and m.string == m.string.lower(), m.string
            names.setdefault(m.context, []).append(m.string)
    assert len(set(names[COMMAND_NAME])) == len(names[COMMAND_NAME])  # no two commands alike

"""The message catalogs: one gettext catalog per language, read once per process.

Translators edit ``bot/wording/locales/<lang>/LC_MESSAGES/tiebot.po``; English is the
source and has no catalog.  ``make`` and the Docker build compile each ``.po`` to a ``.mo``
beside it.  When a ``.mo`` is missing or older than its ``.po`` (a translator just edited it,
or the code runs from a plain checkout), the ``.po`` is compiled in memory at first use
instead: an answer never comes from a stale translation, and nothing is written at run time
(the package folder is read-only in the image).  A catalog that cannot be read is logged once
and that language falls back to English rather than failing an answer.
"""

from __future__ import annotations

import gettext
import io
import logging
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from bot.answering.preferences import LANGUAGES, SOURCE_LANGUAGE

log = logging.getLogger(__name__)

DOMAIN = "tiebot"
LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
TRANSLATED: tuple[str, ...] = tuple(lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE)
# The CLDR locale behind each language: its plural rules, dates, numbers and list words.
# English is British-style (20 April 2014; "A, B or C"), as the bot always wrote it;
# Portuguese is European (pt-PT), the norm in Angola and Mozambique ("golos", "equipa").
BABEL_LOCALES: dict[str, str] = {"en": "en_GB", "fr": "fr", "ar": "ar", "pt": "pt_PT"}


def po_path(lang: str, root: Path = LOCALES_DIR) -> Path:
    return root / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str, root: Path = LOCALES_DIR) -> Path:
    return root / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


def compile_po(po: Path) -> bytes:
    """The ``.mo`` bytes of a ``.po`` file (fuzzy entries left out, as ``pybabel compile``)."""
    with po.open("rb") as source:
        catalog = read_po(source, domain=DOMAIN, abort_invalid=True)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def _fresh(mo: Path, po: Path) -> bool:
    try:
        return mo.stat().st_mtime_ns >= po.stat().st_mtime_ns
    except OSError:
        return False


@cache
def translations(lang: str, root: Path = LOCALES_DIR) -> gettext.NullTranslations:
    """The compiled catalog of ``lang``; the identity (English) for the source or on failure."""
    if lang not in TRANSLATED:
        return gettext.NullTranslations()
    po, mo = po_path(lang, root), mo_path(lang, root)
    try:
        if _fresh(mo, po):
            with mo.open("rb") as compiled:
                return gettext.GNUTranslations(compiled)
        log.info("compiling the %s messages from %s (the .mo is missing or older)", lang, po.name)
        return gettext.GNUTranslations(io.BytesIO(compile_po(po)))
    except Exception as exc:  # a translator's syntax error must not stop the bot
        log.error("the %s messages cannot be read (%s: %s); answering in English", lang,
                  type(exc).__name__, exc)  # fmt: skip
        return gettext.NullTranslations()

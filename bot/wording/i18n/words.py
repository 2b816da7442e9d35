"""``Words``: one language's messages, plural rules, numbers, dates and lists.

Every sentence is an English message looked up in the language's gettext catalog and
filled with ``str.format`` placeholders: ``w._("No club matches {text}.", text=...)``.
A ``Words`` is made once per language; the Speaker picks it and passes it down, so no
wording function decides the language itself.  Plural forms follow the language's rule
(Arabic has six: 0, 1, 2, 3-10, 11-99, 100+), numbers, dates and list words come from
Babel's CLDR data, and digits are always Latin ("2-1", "2023-24" are written so in the
sources and on the Arabic football sites fans read; see README "Languages").

Right to left: in Arabic every value put into a message (a club name, a score, what a user
typed, a count) is wrapped in Unicode isolates, FSI ... PDI, so "Espérance 2–1" keeps its
own order inside an Arabic sentence.  ``md()`` strips such controls from typed text first,
so only the isolates this class adds ever reach the screen.
"""

from __future__ import annotations

import datetime as dt
import gettext
import logging
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Literal

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal

from bot.answering.preferences import LANGUAGES, SOURCE_LANGUAGE
from bot.domain.models import Club
from bot.wording.i18n.catalogs import BABEL_LOCALES, translations

log = logging.getLogger(__name__)

FSI, PDI = "\u2068", "\u2069"  # FIRST STRONG ISOLATE, POP DIRECTIONAL ISOLATE
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class Words:
    """The messages of one language; every method returns text ready to show."""

    def __init__(self, lang: str, catalog: gettext.NullTranslations, isolate: bool = True) -> None:
        self.lang = lang
        self.translated = lang != SOURCE_LANGUAGE  # English is the source: names as written
        self.locale = Locale.parse(BABEL_LOCALES[lang])
        self.rtl = self.locale.character_order == "right-to-left"
        # A picture lays out each label's direction itself: its words need no isolates.
        self.isolating = self.rtl and isolate
        self.catalog = catalog
        # CLDR has "and" and "or" lists but no bare comma list for Arabic: the catalog says it.
        # TRANSLATORS: between the items of a plain list (seasons, names): ", " or "، ".
        self.separator = catalog.pgettext("list separator", ", ")
        # TRANSLATORS: between clauses of one line ("awarded; after extra time"): "; ", "؛ ".
        self.semicolon = catalog.pgettext("list separator", "; ")
        self._failed: set[str] = set()
        self._dates: dict[dt.date, str] = {}

    def __repr__(self) -> str:
        return f"Words({self.lang!r})"

    # ---- messages ------------------------------------------------------------------------

    def _(self, message: str, /, **values: object) -> str:
        """The translation of ``message`` with its ``{placeholders}`` filled."""
        return self._fill(message, self.catalog.gettext(message), values)

    def ngettext(self, singular: str, plural: str, n: int, /, **values: object) -> str:
        """The plural form for ``n`` (``{n}`` is the count, written in this language)."""
        source = singular if n == 1 else plural
        return self._fill(source, self.catalog.ngettext(singular, plural, n),
                          {"n": self.number(n), **values})  # fmt: skip

    def pgettext(self, context: str, message: str, /, **values: object) -> str:
        """As ``_``, for a message whose meaning depends on ``context`` ("choice", "quote")."""
        return self._fill(message, self.catalog.pgettext(context, message), values)

    def lookup(self, message: str, context: str | None = None) -> str | None:
        """The bare translation, or None when it is the English text (always, in English)."""
        if context is None:
            found = self.catalog.gettext(message)
        else:
            found = self.catalog.pgettext(context, message)
        return None if found == message else found

    def template(self, message: str, context: str | None = None) -> str:
        """The bare translation (placeholders unfilled, nothing isolated): for pictures."""
        return self.lookup(message, context) or message

    def _fill(self, source: str, text: str, values: Mapping[str, object]) -> str:
        if self.isolating:  # inline: this runs for every value of every Arabic sentence
            values = {k: f"{FSI}{v}{PDI}" if v != "" else "" for k, v in values.items()}
        shown = values
        try:
            return text.format_map(shown)
        except (KeyError, IndexError, ValueError, AttributeError) as exc:
            if source not in self._failed:  # a broken translation: said once, English shown
                self._failed.add(source)
                log.error("the %s translation of %r is broken (%s); showing English",
                          self.lang, source, exc)  # fmt: skip
            return source.format_map(shown)

    # ---- values ----------------------------------------------------------------------------

    def isolate(self, text: str) -> str:
        """``text`` kept in its own direction inside a right-to-left sentence."""
        return f"{FSI}{text}{PDI}" if self.isolating and text else text

    def number(self, n: int) -> str:
        """A count with this language's grouping, always in Latin digits."""
        if 0 <= n < 1000:
            return str(n)
        return format_decimal(n, locale=self.locale, numbering_system="latn")

    def date(self, day: dt.date) -> str:
        """A date in full: "20 April 2014", "20 avril 2014", "20 أبريل 2014"."""
        return format_date(day, "long", locale=self.locale)

    def short_date(self, day: dt.date) -> str:
        """A match date: "17 Feb 2014", "17 févr. 2014", "17 fev. 2014", "17 فبراير 2014".

        English keeps the bot's own month abbreviations ("Sep": CLDR's en_GB writes "Sept")."""
        if not self.translated:
            return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
        said = self._dates.get(day)
        if said is None:  # Babel takes ~15 µs a date; a season has a few hundred of them
            if len(self._dates) > 50_000:
                self._dates.clear()
            said = self._dates[day] = format_date(day, "d MMM y", locale=self.locale)
        return said

    def ordinal(self, n: int) -> str:
        """A place or a rank: "1st", "2nd" / "1er", "2e" / "1.º" / "1", by CLDR's ordinal rule."""
        form = self.locale.ordinal_form(n)
        if form == "one":
            return self.pgettext("ordinal", "{n}st", n=n)
        if form == "two":
            return self.pgettext("ordinal", "{n}nd", n=n)
        if form == "few":
            return self.pgettext("ordinal", "{n}rd", n=n)
        return self.pgettext("ordinal", "{n}th", n=n)

    def club(self, club: Club) -> str:
        """A club's name in this language: its curated name (``Club.names``), else its own."""
        if self.translated:
            for lang, name in club.names:
                if lang == self.lang:
                    return name
        return club.name

    def language_name(self, code: str) -> str:
        """A language's name in this language ("Arabic", "arabe", "العربية"), from CLDR."""
        other = Locale.parse(BABEL_LOCALES.get(code, code))
        return other.get_language_name(self.locale) or code

    def listing(self, items: Iterable[str]) -> str:
        """Items separated by this language's comma: "2012, 2014" / "2012، 2014"."""
        return self.separator.join(self.isolate(i) for i in items)

    def labelled(self, label: str, text: str) -> str:
        """ "Round 2: beat X" / "Tour 2 : a battu X": a line led by its label."""
        return self.pgettext("label", "{label}: {text}", label=label, text=text)

    def clauses(self, parts: Iterable[str]) -> str:
        """Parts of one statement, separated by this language's semicolon."""
        return self.semicolon.join(parts)

    def and_list(self, items: Iterable[str]) -> str:
        """ "A, B and C", "A, B et C", "A وB وC"."""
        return self._joined(items, "standard")

    def or_list(self, items: Iterable[str]) -> str:
        """ "A, B or C", "A, B ou C", "A أو B أو C"."""
        return self._joined(items, "or")

    def _joined(self, items: Iterable[str], style: Literal["standard", "or"]) -> str:
        shown = [self.isolate(i) for i in items]
        return format_list(shown, style=style, locale=self.locale) if shown else ""


def words_for(lang: str | None) -> Words:
    """The Words of ``lang`` (a code of LANGUAGES); English for None or an unknown code."""
    return _words(lang if lang in LANGUAGES else SOURCE_LANGUAGE)


@cache
def _words(lang: str) -> Words:
    return Words(lang, translations(lang))


ENGLISH = words_for(SOURCE_LANGUAGE)

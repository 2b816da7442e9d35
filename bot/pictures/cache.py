"""Rendered pictures kept in memory, bounded by count and by bytes (least recently used out).

A picture is a pure function of the data and the language, and the data does
not change while the bot runs, so a picture asked again is served from here
(well under a millisecond) instead of drawn again.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable

from bot.wording.answer import Picture

MAX_ENTRIES = 1024
MAX_BYTES = 16 * 1024 * 1024  # every picture of the real data, in English, takes 12.5 MB


class PictureCache:
    """Pictures by key, least recently used dropped first."""

    def __init__(self, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.bytes = 0
        self.hits = 0
        self.misses = 0
        self._items: OrderedDict[Hashable, Picture] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: Hashable, make: Callable[[], Picture]) -> Picture:
        """The cached picture for ``key``, made (and kept) on first use."""
        found = self._items.get(key)
        if found is not None:
            self._items.move_to_end(key)
            self.hits += 1
            return found
        self.misses += 1
        picture = make()
        if len(picture.data) > self.max_bytes:
            return picture  # larger than the whole cache: served, not kept
        self._items[key] = picture
        self.bytes += len(picture.data)
        while len(self._items) > self.max_entries or self.bytes > self.max_bytes:
            _, old = self._items.popitem(last=False)
            self.bytes -= len(old.data)
        return picture

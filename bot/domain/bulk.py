"""Building many objects at once without the cyclic garbage collector walking them.

Parsing a document, identifying clubs and writing rows each make millions of
objects and no reference cycles: every full collection meanwhile would walk all
the models built so far (1.5 million at 45 MB) and free nothing.  Reference
counting still frees as usual.  The three stages share this one switch.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused(*, promote: bool = False) -> Iterator[None]:
    """No cyclic collection inside the block.

    ``promote``: afterwards move what was built straight to the oldest generation
    (``freeze`` then ``unfreeze`` does it without a walk; skipped when anything is
    frozen), where the next collections would otherwise walk it three times to put it.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if promote and gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()

"""Season documents in every supported format → domain Seasons (``documents.parse_text``).

One reader per format lives in a subpackage (``wikipedia``); each offers
``looks_like(text)`` and a parser, and ``documents`` picks the reader by
content.  Kept free of imports so that importing a reader never runs another.
"""

"""Languages: message catalogs (gettext through Babel), the ``Words`` of one language, and the
extraction of messages from the code.  See ``words.py``."""

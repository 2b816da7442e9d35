"""Questions in plain words: phrase tables per language, read into a command of the table."""

"""The Wikipedia rendering of a season article: title, ==Round== sections, leg and result lines."""

"""Club identity at build time: curated data and the registry of spellings (never fuzzy)."""

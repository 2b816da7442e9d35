"""The build pipeline: which files are documents, reading them safely, parsing, club
identity, the fingerprint that says when to rebuild, and the one load report.

It sits between the readers (``bot.parsing``, ``bot.clubs``) and the database
(``bot.storage``), so storage stays a store of domain models and the CLI only
orchestrates.  Import from the submodules: ``build``, ``documents``,
``fingerprint``, ``report``.
"""

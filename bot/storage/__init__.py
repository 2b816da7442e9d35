"""SQLite storage: the schema, rows, the atomic writer and the reader; rows become models here.

Storage knows only the domain models: what to build it from (documents,
clubs) is the pipeline's business (``bot.pipeline``).  This file imports
nothing, so importing one storage module never runs the others.
"""

"""The Football.TXT reader (openfootball's plain-text match lists).

The entry points are ``document.looks_like`` and ``document.parse``; this package
file imports nothing, so importing one module never runs the others.
"""

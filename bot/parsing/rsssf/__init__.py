"""RSSSF plain-text pages: several competitions per page, tie lines, groups and tables.

The entry points are ``document.looks_like`` and ``document.parse``; this package
file imports nothing, so importing one module never runs the others.
"""

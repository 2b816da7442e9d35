"""Test infrastructure: a fake Discord on 127.0.0.1 and a harness that runs the real client on it.

It lives in the package (not under ``tests/``) because the load benchmarks drive the
same fake server as the end-to-end tests.  Production code never imports it
(``tests/discord/test_infra.py`` checks that).
"""

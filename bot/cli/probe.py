"""``python -m bot health --url URL``: the container health check of an HTTP worker.

A worker answers ``GET /health`` with 200 while it serves and 503 while it
stops; anything else (refused, timed out) is unhealthy.  Standard library
only, so the check stays light.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request

TIMEOUT = 5.0


def probe(url: str, timeout: float = TIMEOUT) -> tuple[bool, str]:
    """(healthy, one line saying why)."""
    if not url.startswith(("http://", "https://")):
        return False, f"not an http(s) URL: {url[:100]!r}"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            body = json.loads(response.read(65536) or b"{}")
            return True, f"healthy: {body.get('status', 'ok')} (pid {body.get('pid', '?')})"
    except urllib.error.HTTPError as exc:
        return False, f"unhealthy: HTTP {exc.code}"
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        return False, f"unhealthy: {reason}"

"""The raw option values of one command, as typed (None = not given)."""

from __future__ import annotations

from collections.abc import Mapping

Options = Mapping[str, str | None]

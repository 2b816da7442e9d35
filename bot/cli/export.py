"""``tiebot export``: every tie as JSON (the documented shape) or as one CSV row each.

JSON is the lossless form (``entry_to_dict``); CSV flattens the same dicts
for spreadsheets: scores as ``3-2``, legs as ``home 1-0 away; ...``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from bot.core.export import entry_to_dict
from bot.domain.catalog import Catalog

CSV_COLUMNS = (
    "competition",
    "season",
    "round",
    "team1",
    "team2",
    "club1",
    "club2",
    "country1",
    "country2",
    "aggregate",
    "legs",
    "winner",
    "decided_by",
    "penalties",
    "notes",
    "source",
)


def export_dicts(catalog: Catalog) -> list[dict[str, Any]]:
    return [entry_to_dict(entry) for entry in catalog.entries]


def write_json(catalog: Catalog, out: TextIO) -> None:
    json.dump(export_dicts(catalog), out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_csv(catalog: Catalog, out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(csv_row(d) for d in export_dicts(catalog))


def csv_row(tie: dict[str, Any]) -> dict[str, str]:
    """One export dict flattened to strings."""
    row = {k: _text(tie.get(k)) for k in CSV_COLUMNS}
    row["aggregate"] = _score(tie.get("aggregate"))
    row["penalties"] = _score(tie.get("penalties"))
    row["legs"] = "; ".join(_leg(leg) for leg in tie.get("legs") or ())
    row["notes"] = " | ".join(str(n) for n in tie.get("notes") or ())
    source = tie.get("source") or {}
    row["source"] = f"{source.get('file', '')}:{source.get('line', '')}" if source else ""
    return row


def _leg(leg: dict[str, Any]) -> str:
    if leg.get("home_goals") is None or leg.get("away_goals") is None:
        score = leg.get("status") or "n/a"
    else:
        score = f"{leg['home_goals']}-{leg['away_goals']}"
    return f"{leg.get('home')} {score} {leg.get('away')}"


def _score(pair: Iterable[int] | None) -> str:
    return "" if not pair else "-".join(str(n) for n in pair)


def _text(value: Any) -> str:
    return "" if value is None else str(value)

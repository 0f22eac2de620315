"""Confirm a proposed item: set ``review: confirmed`` on one actor, section or claim, touching nothing else."""

from __future__ import annotations

from pathlib import Path

from .yamledit import dump, find_item, load_round_trip, write_atomic

KINDS = {"claim": "claims", "actor": "actors", "section": "sections"}


def mark_reviewed(yaml_path: Path | str, kind: str, item_id: str) -> None:
    """Set ``review: confirmed`` on the ``kind`` ("claim", "actor" or "section") with id ``item_id``.

    Comments, key order and quoting are kept (ruamel round-trip) and the file is replaced
    atomically. Raises ValueError for an unknown kind and KeyError when no such item exists.
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not '{kind}'")
    path = Path(yaml_path)
    doc, yaml, text = load_round_trip(path)
    item = find_item(doc, KINDS[kind], item_id)
    if item.get("review") == "confirmed":
        return  # nothing to change: leave the file (and its mtime) alone
    item["review"] = "confirmed"
    new_text = dump(doc, yaml)
    if new_text != text:
        write_atomic(path, new_text)

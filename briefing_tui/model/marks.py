"""Where each field of a record was written in its YAML file, kept compactly.

Every record carries the line and column of each of its fields (for problems, and for edits
such as marking a claim reviewed). A library of 1,000 briefings holds about a million of them,
so they are kept packed in one string per record and unpacked only when one is looked at.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from .problems import Mark


class PackedMarks(Mapping[str, Mark]):
    """Read-only marks kept as one ``key:line:col;...`` string until first looked at.

    A library of 1,000 briefings holds about a million marks, read only when a problem or an
    "open in editor" needs one; building a ``Mark`` for each at load time would cost more than
    all the rest of a warm load.
    """

    __slots__ = ("_packed", "_unpacked")

    def __init__(self, packed: str) -> None:
        self._packed = packed
        self._unpacked: dict[str, Mark] | None = None

    def _marks(self) -> dict[str, Mark]:
        if self._unpacked is None:
            unpacked = {}
            for item in self._packed.split(";") if self._packed else ():
                key, line, col = item.rsplit(":", 2)
                unpacked[key] = Mark(int(line), int(col))
            self._unpacked = unpacked
        return self._unpacked

    def __getitem__(self, key: str) -> Mark:
        return self._marks()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._marks())

    def __len__(self) -> int:
        return len(self._marks())

    def __repr__(self) -> str:
        return f"PackedMarks({self._marks()!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PackedMarks) and self._packed == other._packed:
            return True  # the common case (a warm load against a cold one) needs no unpacking
        return Mapping.__eq__(self, other)

    def __hash__(self) -> int:
        # the records that hold marks are tuples and hash them; equal marks may be packed in another order
        return hash(frozenset(self._marks().items()))


def pack_marks(marks: Mapping[str, Mark]) -> str:
    """``marks`` as one string; field names never hold ``;`` or ``:``, so the format needs no escaping."""
    if isinstance(marks, PackedMarks) and marks._unpacked is None:
        return marks._packed
    return ";".join(f"{key}:{mark.line}:{mark.col}" for key, mark in marks.items())

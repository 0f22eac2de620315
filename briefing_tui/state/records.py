"""What a reader's state for one briefing holds, and its JSON form (``"version": 1``).

The file is meant to be read by a person too: indented JSON, sorted lists (shown compactly here)::

    {
      "version": 1,
      "briefing": "mini",
      "bookmarks": ["c-count"],
      "read": ["c-count", "c-doubt"],
      "notes": [{"kind": "claim", "id": "c-count", "text": "Check this.",
                 "updated": "2024-05-01T09:30:00.000000Z"}],
      "position": {"selected": {"kind": "claim", "id": "c-count"}, "filter": "actor:smith", "pane": "claims"}
    }

:func:`decode_state` accepts exactly that shape and raises :class:`StateFormatError` for
anything else, so a damaged file is never half-read and then written back half-lost.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import NamedTuple

from ..model.sanitize import safe_text

STATE_VERSION = 1
NOTE_KINDS = ("claim", "section")
NoteKey = tuple[str, str]  # (kind, id): what a note is attached to

_TOP_KEYS = {"version", "briefing", "bookmarks", "read", "notes", "position"}
_NOTE_KEYS = {"kind", "id", "text", "updated"}
_POSITION_KEYS = {"selected", "filter", "pane"}
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


class StateFormatError(ValueError):
    """The bytes are not a state file this version can read; the message says why."""


def now() -> datetime:
    """The current time as the store stamps it: timezone-aware UTC."""
    return datetime.now(UTC)


def format_time(moment: datetime) -> str:
    """``moment`` as written in the file: UTC, microseconds, a trailing ``Z``."""
    return moment.astimezone(UTC).strftime(_TIME_FORMAT)


def check_kind(kind: str) -> None:
    """Raise ``ValueError`` unless ``kind`` is a kind of thing a note can be attached to."""
    if kind not in NOTE_KINDS:
        raise ValueError(f"a note is attached to one of {', '.join(NOTE_KINDS)}, not {kind!r}")


class Note(NamedTuple):
    """A reader's note on a claim or a section. ``updated`` is timezone-aware UTC."""

    kind: str
    target: str
    text: str
    updated: datetime

    @property
    def key(self) -> NoteKey:
        return (self.kind, self.target)


class Position(NamedTuple):
    """Where the reader was: the selected claim or section, the filter query and the focused pane."""

    selected: NoteKey | None = None  # (kind, id), kind as for notes
    filter: str = ""
    pane: str = ""


class ReadingState:
    """All state kept for one briefing. Mutable; the store hands out copies."""

    __slots__ = ("bookmarks", "read", "notes", "position")

    def __init__(self, bookmarks: set[str] | None = None, read: set[str] | None = None,
                 notes: dict[NoteKey, Note] | None = None, position: Position | None = None) -> None:
        self.bookmarks = set() if bookmarks is None else bookmarks
        self.read = set() if read is None else read
        self.notes = {} if notes is None else notes
        self.position = Position() if position is None else position

    def copy(self) -> ReadingState:
        return ReadingState(set(self.bookmarks), set(self.read), dict(self.notes), self.position)


def encode_state(briefing_id: str, state: ReadingState) -> bytes:
    """The file contents for ``state``: UTF-8 JSON, stable order, ending in a newline."""
    position = state.position
    selected = {"kind": position.selected[0], "id": position.selected[1]} if position.selected else None
    document = {
        "version": STATE_VERSION,
        "briefing": briefing_id,
        "bookmarks": sorted(state.bookmarks),
        "read": sorted(state.read),
        "notes": [
            {"kind": n.kind, "id": n.target, "text": n.text, "updated": format_time(n.updated)}
            for _key, n in sorted(state.notes.items())
        ],
        "position": {
            "selected": selected,
            "filter": position.filter,
            "pane": position.pane,
        },
    }
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def decode_state(data: bytes, briefing_id: str) -> ReadingState:
    """Read file contents written by :func:`encode_state` for ``briefing_id``.

    Raises :class:`StateFormatError` when the bytes are not UTF-8, not JSON, not of the
    expected shape, of another version, or belong to another briefing. Every string read is
    passed through ``safe_text``: the file may have been edited by hand or by someone else.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise StateFormatError(f"not UTF-8 (byte 0x{data[error.start]:02x} at {error.start})") from None
    try:
        document = json.loads(text)
    except RecursionError:
        raise StateFormatError("JSON nested too deeply") from None
    except ValueError as error:
        raise StateFormatError(f"not valid JSON ({error})") from None
    top = _object(document, _TOP_KEYS, "the file")
    version = top["version"]
    if type(version) is not int or version != STATE_VERSION:  # bool is an int: True must not pass as 1
        raise StateFormatError(f"version {version!r}, this program reads version {STATE_VERSION}")
    if top["briefing"] != briefing_id:
        raise StateFormatError(f"written for briefing {top['briefing']!r}, not {briefing_id!r}")
    state = ReadingState(set(_strings(top["bookmarks"], "bookmarks")), set(_strings(top["read"], "read")))
    if not isinstance(top["notes"], list):
        raise StateFormatError("'notes' must be a list")
    for item in top["notes"]:
        note = _note(item)
        if note.key in state.notes:
            raise StateFormatError(f"two notes on {note.kind} {note.target!r}")
        state.notes[note.key] = note
    state.position = _position(top["position"])
    return state


def _object(value: object, keys: set[str], where: str) -> Mapping[str, object]:
    if not isinstance(value, dict):
        raise StateFormatError(f"{where} must be a JSON object, found {type(value).__name__}")
    if set(value) != keys:
        missing, extra = sorted(keys - set(value)), sorted(set(value) - keys)
        raise StateFormatError(f"{where} has missing keys {missing} or unknown keys {extra}")
    return value


def _string(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise StateFormatError(f"{where} must be a string, found {type(value).__name__}")
    return safe_text(value)


def _strings(value: object, where: str) -> list[str]:
    if not isinstance(value, list):
        raise StateFormatError(f"'{where}' must be a list")
    return [_string(item, f"an item of '{where}'") for item in value]


def _target(value: object, where: str) -> NoteKey:
    target = _object(value, {"kind", "id"}, where)
    kind = _string(target["kind"], f"{where} kind")
    if kind not in NOTE_KINDS:
        raise StateFormatError(f"{where} kind {kind!r} is not one of {', '.join(NOTE_KINDS)}")
    return (kind, _string(target["id"], f"{where} id"))


def _note(value: object) -> Note:
    note = _object(value, _NOTE_KEYS, "a note")
    kind, target = _target({"kind": note["kind"], "id": note["id"]}, "a note")
    stamp = _string(note["updated"], "a note's 'updated'")
    try:
        updated = datetime.fromisoformat(stamp)
    except ValueError:
        raise StateFormatError(f"a note's 'updated' {stamp!r} is not a timestamp") from None
    if updated.tzinfo is None:
        raise StateFormatError(f"a note's 'updated' {stamp!r} has no time zone")
    return Note(kind, target, _string(note["text"], "a note's text"), updated.astimezone(UTC))


def _position(value: object) -> Position:
    position = _object(value, _POSITION_KEYS, "'position'")
    selected = None if position["selected"] is None else _target(position["selected"], "the selection")
    return Position(selected, _string(position["filter"], "the filter"),
                    _string(position["pane"], "the pane"))

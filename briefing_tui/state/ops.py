"""The edits a reader makes in one session, as values that can be replayed onto any state.

Each operation changes a :class:`ReadingState` in place. ``merging`` is False when the
operation is first applied to the session's own view (the reader's edit always shows) and
True when it is replayed onto the state another instance may have saved meanwhile; only
notes behave differently then, see :class:`NoteOp`.

The operations are plain classes: they are only ever applied, never compared, and a frozen
dataclass costs half a millisecond to define at start-up. (Named tuples would make a bookmark
and a read mark on the same claim equal.)
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from .records import Note, NoteKey, Position, ReadingState


class Conflict(NamedTuple):
    """A note edited here that lost to a newer version saved by another instance."""

    ours: Note | None  # None: we deleted it
    kept: Note


class BookmarkOp:
    """Bookmark a claim, or take the bookmark away."""

    __slots__ = ("claim_id", "on")

    def __init__(self, claim_id: str, on: bool) -> None:
        self.claim_id, self.on = claim_id, on

    def apply(self, state: ReadingState, merging: bool) -> Conflict | None:
        (state.bookmarks.add if self.on else state.bookmarks.discard)(self.claim_id)
        return None


class ReadOp:
    """Mark a claim read, or unread."""

    __slots__ = ("claim_id", "on")

    def __init__(self, claim_id: str, on: bool) -> None:
        self.claim_id, self.on = claim_id, on

    def apply(self, state: ReadingState, merging: bool) -> Conflict | None:
        (state.read.add if self.on else state.read.discard)(self.claim_id)
        return None


class NoteOp:
    """Set (``note``) or delete (``note`` is None) the note on ``key`` at time ``at``.

    When merging, the newer of this edit and the note on disk wins, so an instance that saves
    late cannot wipe out a note written after its own edit. Deletions leave no trace on disk,
    so a note deleted elsewhere but edited here comes back: losing text is worse.
    """

    __slots__ = ("key", "note", "at")

    def __init__(self, key: NoteKey, note: Note | None, at: datetime) -> None:
        self.key, self.note, self.at = key, note, at

    def apply(self, state: ReadingState, merging: bool) -> Conflict | None:
        current = state.notes.get(self.key)
        if merging and current is not None and current.updated > self.at:
            same = self.note is not None and self.note.text == current.text
            return None if same else Conflict(self.note, current)
        if self.note is None:
            state.notes.pop(self.key, None)
        else:
            state.notes[self.key] = self.note
        return None


class PositionOp:
    """Remember where the reader is."""

    __slots__ = ("position",)

    def __init__(self, position: Position) -> None:
        self.position = position

    def apply(self, state: ReadingState, merging: bool) -> Conflict | None:
        state.position = self.position  # the last instance to save was the last one read in
        return None


Op = BookmarkOp | ReadOp | NoteOp | PositionOp

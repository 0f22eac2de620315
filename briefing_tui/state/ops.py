"""The edits a reader makes in one session, as values that can be replayed onto any state.

Each operation changes a :class:`ReadingState` in place. ``merging`` is False when the
operation is first applied to the session's own view (the reader's edit always shows) and
True when it is replayed onto the state another instance may have saved meanwhile; only
notes behave differently then, see :class:`NoteOp`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .records import Note, NoteKey, Position, ReadingState


@dataclass(frozen=True)
class Conflict:
    """A note edited here that lost to a newer version saved by another instance."""

    ours: Note | None  # None: we deleted it
    kept: Note


@dataclass(frozen=True)
class BookmarkOp:
    """Bookmark a claim, or take the bookmark away."""

    claim_id: str
    on: bool

    def apply(self, state: ReadingState, merging: bool) -> Conflict | None:
        (state.bookmarks.add if self.on else state.bookmarks.discard)(self.claim_id)
        return None


@dataclass(frozen=True)
class ReadOp:
    """Mark a claim read, or unread."""

    claim_id: str
    on: bool

    def apply(self, state: ReadingState, merging: bool) -> Conflict | None:
        (state.read.add if self.on else state.read.discard)(self.claim_id)
        return None


@dataclass(frozen=True)
class NoteOp:
    """Set (``note``) or delete (``note`` is None) the note on ``key`` at time ``at``.

    When merging, the newer of this edit and the note on disk wins, so an instance that saves
    late cannot wipe out a note written after its own edit. Deletions leave no trace on disk,
    so a note deleted elsewhere but edited here comes back: losing text is worse.
    """

    key: NoteKey
    note: Note | None
    at: datetime

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


@dataclass(frozen=True)
class PositionOp:
    """Remember where the reader is."""

    position: Position

    def apply(self, state: ReadingState, merging: bool) -> Conflict | None:
        state.position = self.position  # the last instance to save was the last one read in
        return None


Op = BookmarkOp | ReadOp | NoteOp | PositionOp

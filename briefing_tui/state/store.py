"""The reading state of one briefing: bookmarks, notes, read marks and where the reader was.

Design
------
A :class:`StateStore` is a view of the state file plus a log of what this session changed.

- ``open`` reads the file (the *base*). Every edit (add or remove a bookmark, set or delete a
  note, mark read or unread, move) is recorded as an operation (:mod:`.ops`) and applied to the
  session's view at once, so queries answer with the reader's latest edits.
- ``save`` takes an exclusive lock (``flock`` on ``<file>.lock``), **re-reads the file**, replays
  this session's operations onto what it found, writes the result atomically and makes that the
  new base. Another instance's edits saved in the meantime are therefore kept: sets receive
  only our adds and removes (so a bookmark removed elsewhere stays removed unless we touched
  it), notes are merged per target with the newest ``updated`` winning, and the position becomes
  ours if we moved. A note of ours that loses to a newer one is reported, with its text, never
  dropped silently.
- A file that cannot be read (not UTF-8, not JSON, wrong shape or version) is renamed to
  ``<file>.corrupt-<UTC timestamp>`` and reported as a :class:`StateWarning`; the store goes on
  from a clean state (on open) or from its last good base (on save). Nothing is overwritten.
- Notes whose claim or section is gone from the briefing stay in the file; ask for them with
  :meth:`StateStore.orphaned_notes`.

The store does no I/O between ``open`` and ``save``. It is not thread-safe; one thread per store.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from ..model.sanitize import safe_text
from .atomic import remove_stale_temps, write_atomic
from .locking import exclusive_lock
from .ops import BookmarkOp, Conflict, NoteOp, Op, PositionOp, ReadOp
from .paths import state_path
from .quarantine import move_aside
from .records import (
    Note, NoteKey, Position, ReadingState, StateFormatError, check_kind, decode_state, encode_state,
    format_time, now,
)


class StateWarning(NamedTuple):
    """Something the reader should be told about their saved state.

    ``moved_to`` is set when a damaged file was renamed there; ``discarded`` holds a note of
    this session that lost to a newer one saved elsewhere (so the UI can offer it back).
    """

    message: str
    moved_to: Path | None = None
    discarded: Note | None = None

    def __str__(self) -> str:
        return self.message


class StateStore:
    """Reading state of one briefing, merged with other instances on :meth:`save`."""

    def __init__(self, briefing_id: str, path: Path, base: ReadingState) -> None:
        """Prefer :meth:`open`; this does no I/O and trusts ``base`` as the state on disk."""
        self.briefing_id = briefing_id
        self.path = path
        self._base = base
        self._view = base.copy()
        self._ops: list[Op] = []
        self.warnings: tuple[StateWarning, ...] = ()

    @classmethod
    def open(cls, briefing_id: str, directory: Path | None = None) -> StateStore:
        """Read the state of ``briefing_id`` from ``directory`` (default: the user's state folder).

        A missing file gives an empty state. A damaged one is moved aside and reported in
        :attr:`warnings`; the store then starts empty. Raises ``OSError`` only when the file
        system refuses (unreadable folder, a folder where the file should be).
        """
        path = state_path(briefing_id, directory)
        with exclusive_lock(path):
            base, _data, warnings = _read(path, briefing_id, ReadingState())
        store = cls(briefing_id, path, base)
        store.warnings = tuple(warnings)
        return store

    # -- queries -------------------------------------------------------------------------

    def is_bookmarked(self, claim_id: str) -> bool:
        return claim_id in self._view.bookmarks

    def is_read(self, claim_id: str) -> bool:
        return claim_id in self._view.read

    def has_note(self, kind: str, target: str) -> bool:
        return (kind, target) in self._view.notes

    def note_for(self, kind: str, target: str) -> Note | None:
        return self._view.notes.get((kind, target))

    @property
    def bookmarks(self) -> frozenset[str]:
        return frozenset(self._view.bookmarks)

    @property
    def read(self) -> frozenset[str]:
        return frozenset(self._view.read)

    @property
    def notes(self) -> Mapping[NoteKey, Note]:
        return MappingProxyType(dict(self._view.notes))

    @property
    def position(self) -> Position:
        return self._view.position

    @property
    def dirty(self) -> bool:
        """True when this session has edits not yet saved."""
        return bool(self._ops)

    def snapshot(self) -> ReadingState:
        """A copy of the current view, safe to keep or hand to an exporter."""
        return self._view.copy()

    def orphaned_notes(
        self, valid_claim_ids: Collection[str], valid_section_ids: Collection[str]
    ) -> tuple[Note, ...]:
        """Notes whose claim or section is not among the given ids (the briefing changed), sorted.

        They stay in the file; this only tells the reader about them.
        """
        valid = {"claim": valid_claim_ids, "section": valid_section_ids}
        notes = sorted(self._view.notes.items())
        return tuple(note for _key, note in notes if note.target not in valid[note.kind])

    def orphaned_bookmarks(self, valid_claim_ids: Collection[str]) -> tuple[str, ...]:
        """Bookmarked claim ids that are not among ``valid_claim_ids``, sorted; kept like orphaned notes."""
        return tuple(sorted(b for b in self._view.bookmarks if b not in valid_claim_ids))

    # -- edits ---------------------------------------------------------------------------

    def add_bookmark(self, claim_id: str) -> None:
        self._do(BookmarkOp(claim_id, True))

    def remove_bookmark(self, claim_id: str) -> None:
        self._do(BookmarkOp(claim_id, False))

    def toggle_bookmark(self, claim_id: str) -> bool:
        """Flip the bookmark on ``claim_id``; return whether it is now bookmarked."""
        on = not self.is_bookmarked(claim_id)
        self._do(BookmarkOp(claim_id, on))
        return on

    def mark_read(self, claim_id: str) -> None:
        self._do(ReadOp(claim_id, True))

    def mark_unread(self, claim_id: str) -> None:
        self._do(ReadOp(claim_id, False))

    def set_note(self, kind: str, target: str, text: str) -> Note | None:
        """Attach ``text`` to the claim or section ``target``, stamped now; return the note.

        Blank text deletes the note (and returns None). Control characters in ``text`` are
        replaced (as for briefing content), since notes are shown on the same terminal.
        Raises ``ValueError`` when ``kind`` is not ``claim`` or ``section``.
        """
        check_kind(kind)
        if not text.strip():
            self.delete_note(kind, target)
            return None
        at = now()
        note = Note(kind, target, safe_text(text), at)
        self._do(NoteOp(note.key, note, at))
        return note

    def delete_note(self, kind: str, target: str) -> None:
        """Remove the note on ``target``; raises ``ValueError`` for an unknown ``kind``."""
        check_kind(kind)
        self._do(NoteOp((kind, target), None, now()))

    def set_position(self, position: Position) -> None:
        """Remember where the reader is; the filter and pane text are sanitized like notes."""
        if position.selected is not None:
            check_kind(position.selected[0])
        clean = position._replace(filter=safe_text(position.filter), pane=safe_text(position.pane))
        if clean != self._view.position:
            self._do(PositionOp(clean))

    def _do(self, op: Op) -> None:
        op.apply(self._view, merging=False)
        self._ops.append(op)

    # -- saving --------------------------------------------------------------------------

    def save(self) -> list[StateWarning]:
        """Merge this session's edits into the file on disk and write it atomically (mode 0600).

        Afterwards the view shows the merged state (including other instances' edits) and
        :attr:`dirty` is False. Returns warnings: a damaged file moved aside, or a note of ours
        that lost to a newer one. Writes nothing when the merged state equals the file.
        Raises ``OSError`` when the file system refuses; the session's edits are then kept, so
        a later save can retry.
        """
        with exclusive_lock(self.path):
            # Under the lock no other instance is writing this file, so leftovers are stale.
            remove_stale_temps(self.path)
            merged, on_disk, warnings = _read(self.path, self.briefing_id, self._base)
            for op in self._ops:
                conflict = op.apply(merged, merging=True)
                if conflict is not None:
                    warnings.append(_conflict_warning(conflict))
            data = encode_state(self.briefing_id, merged)
            # A missing file reads as the empty state: no need to create a file to say so.
            if data != (on_disk if on_disk is not None else encode_state(self.briefing_id, ReadingState())):
                write_atomic(self.path, data)
        self._base = merged
        self._view = merged.copy()
        self._ops.clear()
        return warnings


def _read(
    path: Path, briefing_id: str, fallback: ReadingState
) -> tuple[ReadingState, bytes | None, list[StateWarning]]:
    """The state in ``path`` and the file's bytes (None when missing or moved aside).

    A damaged file is moved aside and a copy of ``fallback`` returned. Call under the lock.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return ReadingState(), None, []
    try:
        return decode_state(data, briefing_id), data, []
    except StateFormatError as error:
        moved = move_aside(path)
        message = f"the saved reading state {path} could not be read ({error}); it was moved to {moved}"
        return fallback.copy(), None, [StateWarning(message, moved_to=moved)]


def _conflict_warning(conflict: Conflict) -> StateWarning:
    kept = conflict.kept
    what = "deletion of" if conflict.ours is None else "edit of"
    message = (f"your {what} the note on {kept.kind} '{kept.target}' was not saved: "
               f"another window saved a newer version at {format_time(kept.updated)}")
    return StateWarning(message, discarded=conflict.ours)

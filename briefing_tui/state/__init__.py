"""Reading state kept between sessions: bookmarks, notes, read marks, last position. Imports no Textual."""

from .atomic import write_atomic
from .paths import state_dir, state_path
from .records import NOTE_KINDS, Note, Position, ReadingState, StateFormatError
from .store import StateStore, StateWarning

__all__ = [
    "NOTE_KINDS", "Note", "Position", "ReadingState", "StateFormatError", "StateStore", "StateWarning",
    "state_dir", "state_path", "write_atomic",
]

"""Write a note on a claim or section, inside the app."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from ..text import literal


class NoteEditor(ModalScreen[str | None]):
    """Dismisses with the note's new text (blank deletes it), or None when cancelled."""

    DEFAULT_CSS = """
    NoteEditor { align: center middle; }
    NoteEditor > Vertical { width: 80%; max-width: 100; height: 60%; border: round $accent; background: $surface; }
    NoteEditor TextArea { height: 1fr; }
    NoteEditor #note-help { color: $text-muted; height: 1; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save note", id="note-save", tooltip="Keep the note (an empty note is deleted)."),
        Binding("escape", "cancel", "Cancel", id="note-cancel", tooltip="Close without changing the note."),
    ]

    def __init__(self, what: str, text: str) -> None:
        super().__init__()
        self.what = what
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = literal(f"Note on {self.what}")
            yield TextArea(self.text, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Static(literal("Ctrl+S saves · Esc cancels · an empty note is deleted"), id="note-help")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)

"""The filter bar: a query input and one line that says what the query did."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

PLACEHOLDER = 'Filter: actor:knyazev topic:threats "car bomb"  ·  -topic:diplomacy negates  ·  Esc clears'


class FilterBar(Vertical):
    DEFAULT_CSS = """
    FilterBar { height: auto; }
    FilterBar > Input { border: tall $panel; }
    FilterBar > Input:focus { border: tall $accent; }
    FilterBar > #filter-status { height: 1; padding: 0 1; color: $text-muted; }
    FilterBar > #filter-status.-error { color: $text-error; }
    FilterBar > #filter-status.-empty { color: $text-warning; }
    """

    def compose(self) -> ComposeResult:
        yield Input(placeholder=PLACEHOLDER, id="filter-input")
        yield Static("", id="filter-status", markup=False)

    @property
    def input(self) -> Input:
        return self.query_one("#filter-input", Input)

    def set_query(self, query: str) -> None:
        """Show ``query`` in the input without the change counting as the reader's typing."""
        if self.input.value != query:
            with self.input.prevent(Input.Changed):
                self.input.value = query
            self.input.cursor_position = len(query)

    def set_status(self, content: Content | str, kind: str = "") -> None:
        status = self.query_one("#filter-status", Static)
        status.update(content if isinstance(content, Content) else Content(content))
        for name, on in (("-error", kind == "error"), ("-empty", kind == "empty")):
            if status.has_class(name) != on:  # each class change restyles the bar: only when it changes
                status.set_class(on, name)

"""The reader's top bar: the title, a query input and one line that says what the query did."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input, Static

from .title_bar import TitleBar

PLACEHOLDER = 'Filter: actor:knyazev topic:threats "car bomb"  ·  -topic:diplomacy negates  ·  Esc clears'


class QueryInput(Input):
    """The query input. Input widens its virtual size with every character typed, and the base
    reactive answers that with a layout pass of the whole screen; this input's own size never
    changes, so a repaint is all a keystroke needs."""

    virtual_size = Reactive(Size(0, 0), layout=False)


class FilterBar(Vertical):
    """Docked on top, title included, so the three panes below can be the screen's own children: a
    container spanning them was painted, blank, under them on every frame."""

    DEFAULT_CSS = """
    FilterBar { height: auto; dock: top; }
    FilterBar > Input { border: tall $panel; }
    FilterBar > Input:focus { border: tall $accent; }
    FilterBar > #filter-status { height: 1; padding: 0 1; color: $text-muted; }
    FilterBar > #filter-status.-error { color: $text-error; }
    FilterBar > #filter-status.-empty { color: $text-warning; }
    """

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield QueryInput(placeholder=PLACEHOLDER, id="filter-input")
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
        # one line, always: no layout pass for what is typed in every keystroke
        status.update(content if isinstance(content, Content) else Content(content), layout=False)
        for name, on in (("-error", kind == "error"), ("-empty", kind == "empty")):
            if status.has_class(name) != on:  # each class change restyles the bar: only when it changes
                status.set_class(on, name)

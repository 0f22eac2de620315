"""A fuzzy picker: type a few letters of a name, Enter takes the highlighted one."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from ...query.pick import Choice, rank
from ..text import join, literal


class PickerScreen(ModalScreen[str | None]):
    DEFAULT_CSS = """
    PickerScreen { align: center middle; }
    PickerScreen > Vertical { width: 70%; max-width: 80; height: 70%; border: round $accent; background: $surface; }
    PickerScreen OptionList { height: 1fr; border: none; }
    """
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="picker-cancel", tooltip="Close without choosing."),
        Binding("down", "move(1)", "Down", show=False, id="picker-down", tooltip="Highlight the next choice."),
        Binding("up", "move(-1)", "Up", show=False, id="picker-up", tooltip="Highlight the previous choice."),
    ]

    def __init__(self, what: str, choices: list[tuple[str, str, tuple[str, ...]]]) -> None:
        super().__init__()
        self.what = what
        self.choices = [Choice(ident, label, aliases) for ident, label, aliases in choices]

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = f"Pick {self.what.lower()}"
            yield Input(placeholder=f"{self.what}: type a few letters", id="picker-input")
            yield OptionList(id="picker-options")

    def on_mount(self) -> None:
        self._refresh("")
        self.query_one(Input).focus()

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        self._refresh(event.value)

    def _refresh(self, typed: str) -> None:
        options = self.query_one(OptionList)
        options.set_options(
            Option(join([literal(c.label), literal(f"  {c.id}", "dim")]), id=c.id) for c in rank(typed, self.choices)
        )
        options.highlighted = 0 if options.option_count else None

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            options.highlighted = ((options.highlighted or 0) + step) % options.option_count

    @on(Input.Submitted)
    def _take_highlighted(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected)
    def _take_clicked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

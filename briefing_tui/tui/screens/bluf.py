"""The bottom line up front and the key judgments; Enter on a judgment shows the claims behind it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ...model.records import Briefing
from .. import keys
from ..text import join, literal
from ..widgets.nav_pane import VimOptionList
from ..widgets.scroll_pane import ScrollPane
from ..widgets.title_bar import TitleBar


class BlufScreen(Screen[str | None]):
    """Dismisses with the id of the judgment whose claims the reader wants to see, or None."""

    BINDINGS = keys.bindings(keys.BACK)
    DEFAULT_CSS = """
    BlufScreen #bluf { padding: 0 1; height: auto; max-height: 50%; border: round $panel; }
    BlufScreen #bluf:focus { border: round $accent; }
    BlufScreen #judgments { height: 1fr; border: round $accent; }
    """

    def __init__(self, briefing: Briefing) -> None:
        super().__init__()
        self.briefing = briefing
        self.title = briefing.title
        self.sub_title = "bottom line up front"

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical():
            with ScrollPane(id="bluf") as bluf:  # Tab reaches it; j/k scroll a long one
                bluf.border_title = "Bottom line up front"
                yield Static(literal(self.briefing.bluf), id="bluf-text")
            judgments = VimOptionList(id="judgments")
            judgments.border_title = "Key judgments · Enter shows the claims behind one"
            yield judgments
        yield Footer()

    def on_mount(self) -> None:
        judgments = self.query_one("#judgments", OptionList)
        for number, judgment in enumerate(self.briefing.key_judgments, 1):
            confidence = f" ({judgment.confidence} confidence)" if judgment.confidence else ""
            count = f" · {len(judgment.claims)} claims"
            judgments.add_option(Option(join([literal(f"{number}. ", "bold"), literal(judgment.text),
                                              literal(confidence + count, "dim")]), id=judgment.id))
        judgments.highlighted = 0 if judgments.option_count else None
        judgments.focus()

    @on(OptionList.OptionSelected, "#judgments")
    def _open(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_back(self) -> None:
        self.dismiss(None)

"""Every key, from the one table the footer and the palette also read."""

from __future__ import annotations

import textwrap

from textual.app import ComposeResult
from textual.content import Content
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

from .. import keys
from ..text import join, literal
from ..widgets.scroll_pane import ScrollPane
from ..widgets.title_bar import TitleBar

KEY_COLUMN = 20  # two spaces, then the key names padded to 18


class KeyHelp(Widget):
    """One key and what it does. A description too long for the line wraps under itself, so the
    keys stay a column of their own on a narrow terminal."""

    DEFAULT_CSS = "KeyHelp { height: auto; }"

    def __init__(self, key: keys.Key) -> None:
        super().__init__(name=key.id, classes="key")
        self.key = key

    @property
    def _keys_column(self) -> str:
        return f"  {keys.display(self.key.keys):<18}"

    @property
    def text(self) -> str:
        """The line as a reader reads it, unwrapped."""
        return self._keys_column + self.key.help

    def _lines(self, width: int) -> list[str]:
        return textwrap.wrap(self.key.help, max(12, width - KEY_COLUMN)) or [""]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Content:
        first, *rest = self._lines(self.size.width)
        return join([literal(self._keys_column, "bold"), literal(first),
                     *(literal("\n" + " " * KEY_COLUMN + line) for line in rest)])


class HelpScreen(Screen[None]):
    BINDINGS = keys.bindings(keys.BACK)
    DEFAULT_CSS = """
    HelpScreen #help { padding: 0 2; }
    HelpScreen .context { text-style: bold; margin-top: 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.sub_title = "keys"

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with ScrollPane(id="help"):
            current = None
            for context, key in keys.all_keys():
                if context != current:
                    current = context
                    yield Static(literal(context), classes="context")
                yield KeyHelp(key)
            yield Static(literal("\nQuery language", "bold"))
            yield Static(literal(
                "  actor:ID  about:ID  involves:ID  topic:ID  kind:K  section:ID  dispute:ID  judgment:ID  briefing:ID\n"
                "  is:bookmarked  is:read  is:unread  is:proposed  has:note\n"
                '  words or "a phrase" search quotes and summaries;  -term negates;  names and prefixes work too'
            ))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help").focus()

    def action_back(self) -> None:
        self.dismiss()

"""Every key, from the one table the footer and the palette also read."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from .. import keys
from ..text import join, literal


class HelpScreen(Screen[None]):
    BINDINGS = keys.bindings(keys.BACK, keys.SCROLL)
    DEFAULT_CSS = """
    HelpScreen #help { padding: 0 2; }
    HelpScreen .context { text-style: bold; margin-top: 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.sub_title = "keys"

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="help", can_focus=True):
            current = None
            for context, key in keys.all_keys():
                if context != current:
                    current = context
                    yield Static(literal(context), classes="context")
                yield Static(join([literal(f"  {keys.display(key.keys):<18}", "bold"), literal(key.help)]),
                             classes="key", name=key.id)
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

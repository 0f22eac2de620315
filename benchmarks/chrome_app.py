"""A reference point between the bare app and the reader: Textual's own widgets, laid out as the
reader lays out its first frame (header, query bar, three bordered panes of text, footer), with
none of briefing-tui's code or data. Its start, as a ratio to the bare app, is what the reader's
widgets cost before the reader does anything of its own.

Like the bare app, it leaves after its first paint.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import ContentSwitcher, Footer, Header, Input, Static

MARKER = "chrome-app-painted"
LINE = "Kabul assures Dushanbe that no threat to Central Asia will come from Afghan territory."


class ChromeApp(App[None]):
    TITLE = MARKER
    BINDINGS = [Binding(key, "bell", f"Key {key}") for key in "qwertyuiop"]
    CSS = """
    #bar { height: auto; }
    #query { border: tall $panel; }
    #status { height: 1; padding: 0 1; color: $text-muted; }
    #panes { height: 1fr; }
    #nav { width: 30; border: round $accent; }
    #reading { width: 1fr; border: round $panel; }
    #details { width: 36; border: round $panel; }
    .paragraph { margin-bottom: 1; }
    """

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="bar"):
            yield Input(placeholder="Filter: actor:... topic:...", id="query")
            yield Static("52 claims in 8 sections", id="status")
        with Horizontal(id="panes"):
            yield VerticalScroll(Static("\n".join(f"{n:3} {LINE[:24]}" for n in range(40))), id="nav")
            with ContentSwitcher(initial="section", id="reading"):
                with VerticalScroll(id="section"):
                    yield Static(LINE, classes="paragraph")
                    yield Static(" ".join([LINE] * 4), classes="paragraph")
                yield VerticalScroll(id="list")
            yield VerticalScroll(Static(" ".join([LINE] * 8)), id="details")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#nav").focus()
        # the same two-refresh wait the reader uses, so all three stop at the same point
        self.call_after_refresh(lambda: self.call_after_refresh(self.exit))


if __name__ == "__main__":
    ChromeApp().run()

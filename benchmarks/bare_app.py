"""The baseline: a bare Textual app that exits right after its first paint, as the reader does with
``BRIEFING_TUI_EXIT_AFTER_PAINT=1``. Start-to-first-paint of the reader is reported against this."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

MARKER = "bare-app-painted"


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(MARKER)

    def on_mount(self) -> None:
        # the same two-refresh wait the reader uses, so both stop at the same point
        self.call_after_refresh(lambda: self.call_after_refresh(self.exit))


if __name__ == "__main__":
    BareApp().run()

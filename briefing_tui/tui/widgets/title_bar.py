"""The line at the top of every screen: the screen's title and what it is showing."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget


class TitleBar(Widget):
    """What Textual's Header shows (title, then sub-title dimmed), drawn by one widget.

    Header is four widgets (an icon that opens the palette, the title, a clock space and
    their frame); on the reader's first frame they cost about as much as the whole
    navigation pane. Ctrl+P, in the footer, opens the palette.
    """

    DEFAULT_CSS = """
    TitleBar {
        dock: top; width: 100%; height: 1; padding: 0 1;
        background: $panel; color: $foreground;
        content-align: center middle; text-wrap: nowrap; text-overflow: ellipsis;
    }
    """

    def on_mount(self) -> None:
        for owner in (self.app, self.screen):
            self.watch(owner, "title", self._retitle, init=False)
            self.watch(owner, "sub_title", self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    def render(self) -> Content:
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        # Content(), never markup: titles come from briefings, and "[b]" must stay text
        return app.format_title(title, sub_title)

"""A pane of text that scrolls, from the keyboard too."""

from __future__ import annotations

from textual.containers import VerticalScroll

from .. import keys


class ScrollPane(VerticalScroll, can_focus=True):
    """Tab reaches it, and j/k/g/G scroll it as help says; bound here, on the pane that scrolls (a
    screen's own scroll actions would scroll the screen, which never moves)."""

    BINDINGS = keys.bindings(keys.SCROLL)

"""The reader application: a library of loaded briefings, each read on a ReaderScreen."""

from __future__ import annotations

import os

from textual.app import App

from ..model import LoadResult
from ..state import StateStore
from . import keys
from .commands import PROVIDERS
from .screens.help import HelpScreen
from .screens.library import LibraryScreen
from .screens.reader import ReaderScreen


class BriefingApp(App[None]):
    TITLE = "briefing-tui"
    CSS_PATH = "app.tcss"
    BINDINGS = keys.bindings(keys.APP)
    COMMANDS = App.COMMANDS | set(PROVIDERS)

    def __init__(self, results: list[LoadResult]) -> None:
        super().__init__()
        self.results = results

    def on_mount(self) -> None:
        if os.environ.get("BRIEFING_TUI_EXIT_AFTER_PAINT"):
            # benchmarks/ measure start to first paint: leave as soon as the first frame is drawn
            self.call_after_refresh(lambda: self.call_after_refresh(self.exit))
        readable = [r for r in self.results if r.briefing is not None]
        if len(self.results) == 1 and readable:
            self.open_briefing(readable[0])
        else:
            self.push_screen(LibraryScreen(self.results))

    def open_briefing(self, result: LoadResult) -> None:
        assert result.briefing is not None
        self.push_screen(ReaderScreen(result.briefing, self._open_state(result.briefing.id)))
        if result.problems:
            self.notify(f"{len(result.problems)} problem(s) in {result.path}; run briefing-tui validate for details.",
                        severity="warning", markup=False)

    def _open_state(self, briefing_id: str) -> StateStore | None:
        """The reader's saved marks for this briefing; the app still runs when they cannot be had."""
        try:
            store = StateStore.open(briefing_id)
        except OSError as error:
            self.notify(f"Your reading state cannot be opened ({error.strerror or error}); bookmarks and notes "
                        "will not be kept this session.", severity="error", timeout=30, markup=False)
            return None
        for warning in store.warnings:
            self.notify(str(warning), severity="warning", timeout=30, markup=False)
        return store

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

"""The reader application: a library of loaded briefings, each read on a ReaderScreen."""

from __future__ import annotations

import gc
import hashlib
import os

from textual.app import App
from textual.screen import Screen

from ..model import LoadResult
from ..state import StateStore
from . import keys
from .screens.reader import ReaderScreen


def _lazy_provider(name: str):  # type: ignore[no-untyped-def]
    """A palette provider imported when the palette first opens, not at start-up."""

    def load():  # type: ignore[no-untyped-def]
        from . import commands

        return getattr(commands, name)

    return load


PROVIDER_NAMES = ("ActorCommands", "TopicCommands", "SectionCommands", "DisputeCommands", "ClaimCommands", "KeyCommands")


class BriefingApp(App[None]):
    TITLE = "briefing-tui"
    CSS_PATH = "app.tcss"
    BINDINGS = keys.bindings(keys.APP)
    COMMANDS = App.COMMANDS | {_lazy_provider(name) for name in PROVIDER_NAMES}

    def __init__(self, results: list[LoadResult]) -> None:
        super().__init__()
        self.results = results

    def get_default_screen(self) -> Screen[None]:
        """The reader itself (no blank screen drawn first): on the one briefing, or on all of them as a library."""
        readable = [r for r in self.results if r.briefing is not None]
        broken = len(self.results) - len(readable)
        if broken:
            self.notify(f"{broken} briefing file(s) cannot be opened; press L to see why.", severity="warning",
                        timeout=15, markup=False)
        if len(readable) == 1:
            return self._reader(readable[0])
        from ..query.merge import merge

        briefings = [r.briefing for r in readable if r.briefing is not None]
        digest = hashlib.sha256("\n".join(sorted(b.id for b in briefings)).encode()).hexdigest()[:12]
        library = merge(briefings, library_id=f"library-{digest}")
        problems = sum(len(r.problems) for r in readable)
        if problems:
            self.notify(f"{problems} problem(s) in these briefings; press L to see them.", severity="warning",
                        markup=False)
        return ReaderScreen(library, self._open_state(library.id))

    def on_mount(self) -> None:
        self.call_after_refresh(self._settle)
        if os.environ.get("BRIEFING_TUI_EXIT_AFTER_PAINT"):
            # benchmarks/ measure start to first paint: leave as soon as the first frame is drawn
            self.call_after_refresh(lambda: self.call_after_refresh(self.exit))

    @staticmethod
    def _settle() -> None:
        """After the first frame: what was loaded lives as long as the app, so move it out of the
        collector's way for good, and let the collector run again (launch() held it off)."""
        gc.freeze()
        gc.enable()

    def open_briefing(self, result: LoadResult) -> None:
        self.push_screen(self._reader(result))

    def _reader(self, result: LoadResult) -> ReaderScreen:
        assert result.briefing is not None
        if result.problems:
            self.notify(f"{len(result.problems)} problem(s) in {result.path}; run briefing-tui validate for details.",
                        severity="warning", markup=False)
        return ReaderScreen(result.briefing, self._open_state(result.briefing.id))

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

    def action_library(self) -> None:
        """Every briefing file found, broken ones with their problems; Enter reads one on its own."""
        from .screens.library import LibraryScreen

        if not isinstance(self.screen, LibraryScreen):
            self.push_screen(LibraryScreen(self.results))

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

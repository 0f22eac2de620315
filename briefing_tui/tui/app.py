"""The reader application: a library of loaded briefings, each read on a ReaderScreen."""

from __future__ import annotations

import gc
import hashlib
import os
import time
from typing import TYPE_CHECKING

from textual.app import App
from textual.screen import Screen
from textual.worker import get_current_worker

from ..model import LoadResult
from ..state import StateStore
from ..state.settings import Settings, load_settings, save_settings
from . import keys
from .screens.reader import ReaderScreen

if TYPE_CHECKING:
    from ..query.growing import GrowingLibrary
    from ..query.search import ClaimSearch
    from ..query.merge import LibraryBriefing

LOAD_SLICE = 0.1  # seconds of loading between two reports of progress
MERGE_INTERVAL = 0.5  # seconds at least between two hand-overs of a growing library: each merges it all


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
    _restoring_theme = True  # setting the saved theme at start is not a choice to save again

    def __init__(self, results: list[LoadResult], growing: GrowingLibrary | None = None) -> None:
        """``results`` are the files loaded; ``growing``, when given, loads the rest after the first
        frame (``results`` are then its own) and names the library for its saved state."""
        super().__init__()
        self.results = list(results)  # a snapshot: a growing library appends to its own list in a thread
        self.growing = growing if growing is not None and not growing.done else None
        self.library_id = growing.library_id if growing is not None else None
        self._library_reader: ReaderScreen | None = None
        self._settings_warning: str | None = None
        self._restore_theme()
        self._restoring_theme = False

    def _restore_theme(self) -> None:
        """Use the theme chosen last time (set before the first frame, so nothing is drawn twice)."""
        try:
            settings, self._settings_warning = load_settings()
        except OSError as error:
            self._settings_warning = f"your settings cannot be read ({error.strerror or error}); using the defaults"
            return
        if settings.theme in self.available_themes:
            self.theme = settings.theme

    def watch_theme(self, theme: str) -> None:
        """A theme chosen in the palette is the theme of the next start too."""
        if self._restoring_theme:
            return
        try:
            save_settings(Settings(theme=theme))
        except OSError as error:
            self.notify(f"The theme cannot be kept for next time ({error.strerror or error}).", severity="warning",
                        markup=False)

    def get_default_screen(self) -> Screen[None]:
        """The reader itself (no blank screen drawn first): on the one briefing, or on all of them as a library."""
        readable = [r for r in self.results if r.briefing is not None]
        broken = len(self.results) - len(readable)
        if broken:
            self.notify(f"{broken} briefing file(s) cannot be opened; press L to see why.", severity="warning",
                        timeout=15, markup=False)
        if len(readable) == 1 and self.growing is None:
            return self._reader(readable[0])
        from ..query.merge import merge

        briefings = [r.briefing for r in readable if r.briefing is not None]
        library_id = self.library_id or "library-" + hashlib.sha256(
            "\n".join(sorted(b.id for b in briefings)).encode()).hexdigest()[:12]
        library = merge(briefings, library_id=library_id)
        problems = sum(len(r.problems) for r in readable)
        if problems:
            self.notify(f"{problems} problem(s) in these briefings; press L to see them.", severity="warning",
                        markup=False)
        progress = (self.growing.loaded_files, len(self.growing.files)) if self.growing is not None else None
        self._library_reader = ReaderScreen(library, self._open_state(library.id), progress)
        return self._library_reader

    def on_mount(self) -> None:
        self.call_after_refresh(self._settle)
        if self._settings_warning:
            self.notify(self._settings_warning, severity="warning", timeout=15, markup=False)
        if os.environ.get("BRIEFING_TUI_EXIT_AFTER_PAINT"):
            # benchmarks/ measure start to first paint: leave as soon as the first frame is drawn
            self.call_after_refresh(lambda: self.call_after_refresh(self.exit))
        if self.growing is not None:
            self.call_after_refresh(self.run_worker, self._keep_loading, thread=True, group="load")

    def _keep_loading(self) -> None:
        """In a worker thread: load the rest of the library, and now and then hand the reader what is
        loaded so far (when it has doubled, at most every MERGE_INTERVAL); the reader stays usable."""
        from ..query.search import ClaimSearch

        growing = self.growing
        assert growing is not None
        worker = get_current_worker()

        def hand_over(done: bool) -> None:
            library = growing.library() if growing.worth_merging() else None
            search = None
            if library is not None:
                library.build_lookups()  # here, not in the reader's thread
                search = ClaimSearch(library)
                search.facets(library.claims)
            self.call_from_thread(self._grown, library, search, list(growing.results), done)

        started = last_merge = time.monotonic()
        first = growing.loaded_files
        while not growing.done:
            growing.load_for(LOAD_SLICE, stop=lambda: worker.is_cancelled)
            if worker.is_cancelled:
                return  # the app is closing: do not hold it up
            self.call_from_thread(self._show_progress, growing.loaded_files, len(growing.files))
            now = time.monotonic()
            per_file = (now - started) / max(1, growing.loaded_files - first)
            soon_done = per_file * (len(growing.files) - growing.loaded_files) < MERGE_INTERVAL * 2
            if not soon_done and growing.worth_merging() and now - last_merge >= MERGE_INTERVAL:
                hand_over(done=False)
                last_merge = time.monotonic()
        hand_over(done=True)

    def _show_progress(self, loaded: int, total: int) -> None:
        if self._library_reader is not None and self._library_reader.more_to_load:
            self._library_reader.show_progress(loaded, total)

    def _grown(self, library: LibraryBriefing | None, search: ClaimSearch | None, results: list[LoadResult],
               done: bool) -> None:
        """More of the library is loaded (``library`` None: nothing new to show, but loading is over)."""
        self.results = results
        reader = self._library_reader
        if reader is None or not reader.is_attached:
            return
        if library is not None or done:
            reader.replace_briefing(library or reader.briefing, search or reader.search, more_to_load=not done)
        if not done:
            return
        self.growing = None
        self._settle()  # again: what was loaded since the first frame lives as long as the app too
        broken = sum(1 for r in results if r.briefing is None)
        b = reader.briefing
        message = f"Library loaded: {len(b.member_titles):,} briefings, {len(b.claims):,} claims."
        if broken:
            message += f" {broken} file(s) cannot be opened; press L to see why."
        self.notify(message, severity="warning" if broken else "information", markup=False)
        if os.environ.get("BRIEFING_TUI_EXIT_AFTER_LOAD"):
            # benchmarks/ measure start to a fully loaded library, and its memory once indexed too
            self.set_interval(0.1, lambda: self.exit() if not reader.search.wants_index or reader.search.has_index
                              else None)

    @staticmethod
    def _settle() -> None:
        """After the first frame, and again once a library is loaded: what was loaded lives as long
        as the app, so move it out of the collector's way for good, and let the collector run again
        (launch() held it off; a library loading in the background needs it, cold YAML parsing
        leaves cycles behind)."""
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
            growing = self.growing
            self.push_screen(LibraryScreen(self.results, (growing.loaded_files, len(growing.files)) if growing else None))

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

"""The library: every briefing found, broken ones listed with their problems; Enter opens one."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ...model import LoadResult
from .. import keys
from ..text import join, literal
from ..widgets.nav_pane import VimOptionList
from ..widgets.title_bar import TitleBar


class LibraryScreen(Screen[None]):
    BINDINGS = keys.bindings(keys.BACK)

    DEFAULT_CSS = """
    LibraryScreen #library { height: 1fr; border: round $accent; }
    LibraryScreen #problems { height: 40%; border: round $panel; padding: 0 1; overflow-y: auto; }
    """

    def __init__(self, results: list[LoadResult], progress: tuple[int, int] | None = None) -> None:
        """``progress``: files loaded and files in all, while the library is still loading."""
        super().__init__()
        # the files with problems first: they are what a reader comes here for
        self.results = sorted(results, key=lambda r: not r.problems)
        broken = sum(1 for r in results if r.problems)
        self.sub_title = f"{len(results)} briefing file(s), {broken} with problems" + (
            f" · still loading: {progress[0]:,} of {progress[1]:,} files read" if progress else "")

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical():
            library = VimOptionList(id="library")
            library.border_title = "Briefings · Enter opens"
            yield library
            problems = Static(literal("Highlight a briefing to see its problems, if any."), id="problems")
            problems.border_title = "Problems"
            yield problems
        yield Footer()

    def on_mount(self) -> None:
        self.app.clear_notifications()  # the toast that sent the reader here would cover the problems
        library = self.query_one("#library", OptionList)
        for index, result in enumerate(self.results):
            b = result.briefing
            if b is None:
                prompt = join([literal(result.path, "bold"), literal("  cannot be opened", "italic")])
            else:
                status = "" if not result.problems else f"  · {len(result.problems)} problem(s)"
                prompt = join([literal(b.title, "bold"), literal(f"  {b.publication}, {b.date} · {len(b.claims)} claims", "dim"),
                               literal(status, "italic"), "\n  ", literal(result.path, "dim")])
            library.add_option(Option(prompt, id=str(index), disabled=False))
        library.highlighted = 0 if library.option_count else None
        library.focus()

    @on(OptionList.OptionHighlighted, "#library")
    def _show_problems(self, event: OptionList.OptionHighlighted) -> None:
        result = self.results[int(event.option.id or 0)]
        text = "\n".join(str(p) for p in result.problems) or "No problems."
        self.query_one("#problems", Static).update(literal(text))

    @on(OptionList.OptionSelected, "#library")
    def _open(self, event: OptionList.OptionSelected) -> None:
        result = self.results[int(event.option.id or 0)]
        if result.briefing is None:
            self.notify("This file cannot be opened; its problems are listed below.", severity="error", markup=False)
            return
        self.app.open_briefing(result)  # type: ignore[attr-defined]

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.dismiss()

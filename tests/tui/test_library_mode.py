"""A folder opens as one library: briefings are a facet, claims say where they come from, broken files are listed."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList, Static

from briefing_tui.model import load_paths
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.screens.library import LibraryScreen
from briefing_tui.tui.screens.source import SourceScreen
from briefing_tui.tui.widgets.details_pane import DetailsPane
from briefing_tui.tui.widgets.nav_pane import NavPane
from briefing_tui.tui.widgets.reading_pane import ClaimList
from library_fixture import make_library

from .helpers import row_texts, option_texts, reader, static_text, type_text


async def test_a_folder_opens_as_one_library(tmp_path: Path) -> None:
    folder = make_library(tmp_path / "lib", broken=True)
    app = BriefingApp(load_paths([folder]))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        screen = reader(pilot)
        library = screen.briefing
        assert set(library.member_titles.values()) == {"A minimal briefing", next(
            t for t in library.member_titles.values() if t.startswith("Threats from Afghanistan"))}
        assert any("1 briefing file(s) cannot be opened; press L" in n.message for n in app._notifications)
        nav = row_texts(screen.query_one(NavPane))
        assert "Briefings" in nav and "   2 A minimal briefing" in nav

        await pilot.press("slash")
        await type_text(pilot, "briefing:mini")
        await pilot.press("enter")
        assert list(screen.query_one(ClaimList).ids) == ["mini/c-count", "mini/c-doubt"]
        details = static_text(screen.query_one(DetailsPane).query_one("#details-body", Static))
        assert "From     A minimal briefing" in details
        assert "(¶1)" in details  # cited as in its own article, not by its place in the library

        await pilot.press("s")
        await pilot.pause()
        source = app.screen
        assert isinstance(source, SourceScreen)
        shown = [static_text(p) for p in source.query(".paragraph").results(Static)]
        assert len(shown) == 2 and "John Smith said" in shown[0]
        await pilot.press("escape")

        await pilot.press("L")
        await pilot.pause()
        listing = app.screen
        assert isinstance(listing, LibraryScreen)
        entries = option_texts(listing.query_one("#library", OptionList))
        broken = next(i for i, e in enumerate(entries) if "broken.yaml" in e and "cannot be opened" in e)
        listing.query_one("#library", OptionList).highlighted = broken
        await pilot.pause()
        problems = static_text(listing.query_one("#problems", Static))
        assert "broken.yaml:2:11: YAML tags" in problems
        mini = next(i for i, e in enumerate(entries) if "A minimal briefing" in e)
        listing.query_one("#library", OptionList).highlighted = mini
        await pilot.press("enter")
        await pilot.pause()
        alone = reader(pilot)
        assert alone is not screen and alone.briefing.id == "mini"
        assert alone.query_one("#filter-input", Input).value == ""

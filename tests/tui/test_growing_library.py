"""A big library is read while it loads: the first frame shows what is in, the rest follows.

Loading is held at a gate (a stand-in for a slow disk) so the tests can see the reader in the
middle of it, then let it finish.
"""

from __future__ import annotations

import asyncio
import sys
import threading
from pathlib import Path

import pytest
from conftest import ROOT
from textual.widgets import Static

from briefing_tui.model import load_paths
from briefing_tui.model.records import Claim
from briefing_tui.query.growing import GrowingLibrary
from briefing_tui.query.merge import merge
from briefing_tui.state import Position, StateStore
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.widgets.nav_pane import NavPane
from briefing_tui.tui.widgets.reading_pane import ClaimList

from .helpers import reader, row_texts, type_text

if str(ROOT) not in sys.path:  # benchmarks/ is a top-level folder, not part of the installed package
    sys.path.insert(0, str(ROOT))
from benchmarks.generate import generate_library  # noqa: E402


class GatedLibrary(GrowingLibrary):
    """Loads its first ``free`` files at once and the others only once the gate opens."""

    def __init__(self, paths: list[Path], free: int) -> None:
        super().__init__(paths)
        self.gate = threading.Event()
        self.free = free

    def load_next(self):  # type: ignore[no-untyped-def]
        if self.loaded_files >= self.free:
            self.gate.wait(timeout=30)
        return super().load_next()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("growing-app")
    generate_library(folder, 12, claims=8)
    (folder / "syn-00013-broken.yaml").write_text("format: 1\nbriefing: [unclosed\n")
    return folder


def status(app: BriefingApp) -> str:
    return str(app.screen.query_one("#filter-status", Static).content)


def save_place(growing: GrowingLibrary, folder: Path, index: int) -> Claim:
    """Save the library's claim ``index`` as the reader's place, as a previous session would have."""
    whole = merge([r.briefing for r in load_paths([folder]) if r.briefing], growing.library_id)
    saved = whole.claims[index]
    store = StateStore.open(growing.library_id)
    store.set_position(Position(selected=("claim", saved.id)))
    store.save()
    return saved


async def until_loaded(pilot, app: BriefingApp) -> None:  # type: ignore[no-untyped-def]
    for _ in range(200):
        if app.growing is None:
            break
        await asyncio.sleep(0.05)
    await pilot.pause()
    assert app.growing is None, "the library never finished loading"


async def test_the_reader_opens_on_what_is_loaded_and_takes_the_rest_as_it_comes(folder: Path) -> None:
    growing = GatedLibrary([folder], free=1)
    growing.load_for(0)
    app = BriefingApp(growing.results, growing=growing)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        screen = reader(pilot)
        assert len(screen.briefing.member_titles) == 1
        assert "loading briefing files: 1 of 13" in status(app)
        assert screen.title.endswith("(loading)")
        await pilot.press("L")  # the file list says it is not complete yet, broken files first
        await pilot.pause()
        assert "still loading: 1 of 13 files read" in app.screen.sub_title
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("slash")
        await type_text(pilot, "kind:report")
        early = len(screen.matches)
        growing.gate.set()
        await until_loaded(pilot, app)

        whole = merge([r.briefing for r in load_paths([folder]) if r.briefing], "x")
        assert len(screen.briefing.claims) == len(whole.claims) == 96
        assert screen.filter_bar.input.value == "kind:report"  # the query typed meanwhile still holds
        reports = [c.id for c in whole.claims if c.kind == "report"]
        assert list(screen.query_one(ClaimList).ids) == reports and len(reports) > early
        assert "loading" not in status(app) and "loading" not in screen.title
        assert "Briefings" in row_texts(screen.query_one(NavPane))
        assert "Library loaded: 12 briefings, 96 claims. 1 file(s) cannot be opened; press L to see why." in [
            n.message for n in app._notifications]
        assert screen.search.has_index  # indexed once everything was in


async def test_the_saved_place_is_restored_when_its_briefing_arrives(folder: Path) -> None:
    growing = GatedLibrary([folder], free=1)
    saved = save_place(growing, folder, -3)  # in the last briefing: not there on the first frame

    growing.load_for(0)
    app = BriefingApp(growing.results, growing=growing)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        screen = reader(pilot)
        assert saved.id not in screen.briefing.claim_by_id and screen.claim_id != saved.id
        growing.gate.set()
        await until_loaded(pilot, app)
        assert screen.claim_id == saved.id
        assert screen.section_id == saved.section
    assert StateStore.open(growing.library_id).position.selected == ("claim", saved.id)


async def test_quitting_while_it_loads_leaves_at_once_and_keeps_the_saved_place(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing_tui.tui import app as app_module

    monkeypatch.setattr(app_module, "LOAD_SLICE", 0)  # a file per step, and a hand-over each time they double
    monkeypatch.setattr(app_module, "MERGE_INTERVAL", 0)
    growing = GatedLibrary([folder], free=6)
    saved = save_place(growing, folder, -1)

    growing.load_for(0)
    app = BriefingApp(growing.results, growing=growing)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        for _ in range(200):  # until the worker waits at the gate, having handed over what it had
            if growing.loaded_files == 6 and len(screen.briefing.member_titles) == 4:
                break
            await asyncio.sleep(0.02)
        assert len(screen.briefing.member_titles) == 4, "the loaded briefings were not handed over"
        await pilot.press("q")
        growing.gate.set()  # the worker finishes the file it was on, sees it is cancelled and stops
    assert growing.loaded_files == 7  # it stopped rather than holding the app up
    # the place it could not show yet is still the one saved, not where the first frames stood
    assert StateStore.open(growing.library_id).position.selected == ("claim", saved.id)


async def test_the_navigation_pane_does_not_scroll_by_itself_while_a_library_loads(folder: Path) -> None:
    growing = GatedLibrary([folder], free=1)
    growing.load_for(0)
    app = BriefingApp(growing.results, growing=growing)
    async with app.run_test(size=(120, 20)) as pilot:  # a short pane: the briefings push the rest below it
        await pilot.pause()
        nav = reader(pilot).query_one(NavPane)
        assert not nav.has_focus and nav.scroll_y == 0
        growing.gate.set()
        await until_loaded(pilot, app)
        assert nav.row_count > nav.scrollable_content_region.height
        assert nav.scroll_y == 0, "the pane stays where the reader left it"
        nav.focus()
        await pilot.pause()
        assert nav.cursor is not None
        top = nav.cursor * nav.row_height
        assert nav.scroll_y <= top < nav.scroll_y + nav.scrollable_content_region.height  # in view once used

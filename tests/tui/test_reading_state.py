"""Bookmarks, notes and the reader's place survive a restart; a corrupt state file never stops the app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from briefing_tui.model import load_briefing
from briefing_tui.state import StateStore, state_dir
from briefing_tui.tui.external_editor import edit_text
from briefing_tui.tui.screens.note_editor import NoteEditor
from briefing_tui.tui.widgets.details_pane import DetailsPane
from briefing_tui.tui.widgets.reading_pane import ClaimList

from .helpers import SEED, make_app, reader, static_text, type_text

BRIEFING = load_briefing(SEED).briefing
assert BRIEFING is not None


def details(pilot) -> str:  # type: ignore[no-untyped-def]
    return static_text(pilot.app.screen.query_one(DetailsPane).query_one("#details-body", Static))


async def test_bookmark_and_note_are_saved_and_filterable() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        await pilot.press("j")
        claim_id = screen.claim_id
        await pilot.press("m")
        assert "★ bookmarked" in details(pilot)
        await pilot.press("e")
        assert isinstance(pilot.app.screen, NoteEditor)
        await type_text(pilot, "check [b]this[/b] against UN data")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "check [b]this[/b] against UN data" in details(pilot)  # literal, markup not applied
        await pilot.press("slash")
        await type_text(pilot, "is:bookmarked has:note")
        assert list(screen.query_one(ClaimList).ids) == [claim_id]
    on_disk = StateStore.open(BRIEFING.id)
    assert on_disk.is_bookmarked(claim_id)
    assert on_disk.note_for("claim", claim_id).text == "check [b]this[/b] against UN data"
    assert oct(on_disk.path.stat().st_mode & 0o777) == "0o600"


async def test_the_reader_comes_back_to_the_same_place_and_filter() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        await pilot.press("slash")
        await type_text(pilot, "actor:knyazev")
        await pilot.press("enter", "j", "j")
        place = screen.claim_id
    async with make_app().run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        assert screen.query_one("#filter-input", Input).value == "actor:knyazev"
        assert screen.claim_id == place
        assert screen.query_one(ClaimList).highlighted_id == place


async def test_a_corrupt_state_file_is_set_aside_with_a_warning_and_the_app_runs() -> None:
    folder = state_dir()
    folder.mkdir(parents=True, exist_ok=True)
    damaged = StateStore.open(BRIEFING.id).path
    damaged.write_bytes(b'{"version": 1, "bookmarks": [')  # truncated mid-write by some other tool
    async with make_app().run_test(size=(160, 45)) as pilot:
        reader(pilot)  # the app still runs
        messages = [n.message for n in pilot.app._notifications]
        assert any("could not be read" in m and "moved to" in m for m in messages), messages
        aside = [p for p in folder.iterdir() if ".corrupt-" in p.name]
        assert len(aside) == 1 and aside[0].read_bytes() == b'{"version": 1, "bookmarks": ['
        await pilot.press("m")  # and marks can be kept again
        assert "★ bookmarked" in details(pilot)
    assert json.loads(damaged.read_text())["bookmarks"]


async def test_orphaned_notes_are_kept_and_reported() -> None:
    store = StateStore.open(BRIEFING.id)
    store.set_note("claim", "c-removed-in-a-later-edition", "my old note")
    store.save()
    async with make_app().run_test(size=(160, 45)) as pilot:
        reader(pilot)
        assert any("1 note(s) refer to claims or sections no longer in this briefing" in n.message
                   for n in pilot.app._notifications)
    assert StateStore.open(BRIEFING.id).note_for("claim", "c-removed-in-a-later-edition").text == "my old note"


async def test_unwritable_state_folder_still_lets_the_reader_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the state folder should be")
    monkeypatch.setenv("BRIEFING_TUI_STATE_DIR", str(blocker))
    async with make_app().run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        assert screen.store is None
        assert any("cannot be opened" in n.message for n in pilot.app._notifications)
        await pilot.press("j", "m")
        assert pilot.app.is_running


def test_external_editor_round_trip(tmp_path: Path) -> None:
    script = tmp_path / "fake-editor"
    script.write_text('#!/bin/sh\nprintf "edited: " > "$1.new"; cat "$1" >> "$1.new"; mv "$1.new" "$1"\n')
    script.chmod(0o755)
    assert edit_text("first thoughts", [str(script)]) == "edited: first thoughts"
    failing = tmp_path / "failing-editor"
    failing.write_text("#!/bin/sh\nexit 3\n")
    failing.chmod(0o755)
    assert edit_text("kept", [str(failing)]) is None


async def test_notes_export_from_the_reader_and_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from briefing_tui.cli import main

    monkeypatch.chdir(tmp_path)
    async with make_app().run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        await pilot.press("j", "m", "e")
        await type_text(pilot, "worth a second source")
        await pilot.press("ctrl+s", "ctrl+e")
        await pilot.pause()
        claim = BRIEFING.claim_by_id[screen.claim_id]
    written = (tmp_path / f"notes-{BRIEFING.id}.md").read_text(encoding="utf-8")
    assert "worth a second source" in written and claim.quote[:30] in written and "★" in written
    assert main(["export", "--notes", str(SEED)]) == 0
    assert capsys.readouterr().out == written


async def test_the_filter_saved_is_the_last_one_applied_not_one_typed_on_the_way() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "is:bookmarked")
        await pilot.press("enter", "q")
        await pilot.pause()
    assert StateStore.open(BRIEFING.id).position.filter == "is:bookmarked"


async def test_on_a_narrow_terminal_a_toast_leaves_the_claim_text_readable() -> None:
    from textual.widgets._toast import Toast

    async with make_app().run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("j", "m")
        await pilot.pause()
        toasts = list(pilot.app.screen.query(Toast))
        assert toasts, "bookmarking says so in a toast"
        claim_text = pilot.app.screen.query_one(DetailsPane).content_region
        for toast in toasts:
            # the claim pane sits at the bottom on a narrow terminal, where toasts appear
            assert not toast.region.overlaps(claim_text), (toast.region, claim_text)


async def test_the_theme_chosen_is_the_theme_of_the_next_start() -> None:
    from briefing_tui.state.settings import load_settings, settings_path

    async with make_app().run_test(size=(120, 36)) as pilot:
        default = pilot.app.theme
        assert load_settings()[0].theme is None, "starting with the default writes nothing"
        chosen = next(name for name in sorted(pilot.app.available_themes) if name != default)
        pilot.app.theme = chosen  # what the palette's theme picker sets
        await pilot.pause()
    saved = settings_path().stat()
    async with make_app().run_test(size=(120, 36)) as pilot:
        assert pilot.app.theme == chosen
    again = settings_path().stat()
    assert (again.st_ino, again.st_mtime_ns) == (saved.st_ino, saved.st_mtime_ns), "restoring is not saving"


async def test_damaged_settings_are_set_aside_with_a_warning_and_the_reader_opens() -> None:
    from briefing_tui.state import state_dir
    from briefing_tui.state.settings import SETTINGS_NAME

    state_dir().mkdir(parents=True, exist_ok=True)
    (state_dir() / SETTINGS_NAME).write_text('{"version": 1, "theme": ["not", "a", "name"]}')
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        reader(pilot)
        assert any("settings" in n.message and "moved to" in n.message for n in app._notifications)
        assert list(state_dir().glob(f"{SETTINGS_NAME}.corrupt-*"))


async def test_a_saved_theme_that_no_longer_exists_is_ignored() -> None:
    from briefing_tui.state.settings import Settings, save_settings

    save_settings(Settings(theme="a-theme-since-removed"))
    async with make_app().run_test(size=(120, 36)) as pilot:
        reader(pilot)
        assert pilot.app.theme in pilot.app.available_themes

"""Shared pieces of the Pilot tests: the app on the bundled content and ways to read what it shows."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from briefing_tui.model import load_paths
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.screens.reader import ReaderScreen

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "content" / "ng-2023-01-afghanistan-threats-to-central-asia.yaml"


def make_app(*paths: Path) -> BriefingApp:
    return BriefingApp(load_paths(list(paths or (SEED,))))


def reader(pilot: Pilot) -> ReaderScreen:
    screen = pilot.app.screen
    assert isinstance(screen, ReaderScreen), f"expected the reader, got {type(screen).__name__}"
    return screen


def static_text(widget: Static) -> str:
    return str(widget.content)


def option_texts(options: OptionList) -> list[str]:
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def row_texts(rows) -> list[str]:  # type: ignore[no-untyped-def]
    """The text of every row of a virtual list (NavPane, ClaimList), drawn or not."""
    return [str(rows.row_content(i)) for i in range(rows.row_count)]


async def type_text(pilot: Pilot, text: str) -> None:
    """Type ``text``, then pause as a reader does: what waits for a pause in typing catches up."""
    for char in text:
        await pilot.press(char if char != " " else "space")
    await pilot.pause()
    await typing_paused(pilot)


async def typing_paused(pilot: Pilot) -> None:
    screen = pilot.app.screen
    for _ in range(100):
        if not isinstance(screen, ReaderScreen) or not screen.catching_up:
            break
        await pilot.pause(0.05)
    await pilot.pause()


def steady(pilot: Pilot) -> None:
    """Snapshots must not depend on when the cursor blinked."""
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False

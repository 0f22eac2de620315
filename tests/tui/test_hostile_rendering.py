"""Hostile but valid content renders literally: no markup applied, no action run, no control sequence drawn."""

from __future__ import annotations

import html
import re

from textual.widgets import Static

from briefing_tui.tui.screens.compare import CompareScreen
from briefing_tui.tui.widgets.details_pane import DetailsPane

from .helpers import ROOT, make_app, reader, static_text, type_text

HOSTILE = ROOT / "tests" / "data" / "hostile" / "briefing.yaml"
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b]")


def screen_text(app) -> str:  # type: ignore[no-untyped-def]
    """What the terminal would show, as text: the screenshot's SVG with tags and entities undone."""
    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg))


async def test_hostile_briefing_renders_literally_and_the_app_keeps_running() -> None:
    app = make_app(HOSTILE)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = reader(pilot)
        seen = []
        for _ in range(len(screen.briefing.claims) + 1):  # every claim, in the text and the details pane
            seen.append(screen_text(app))
            await pilot.press("j")
        assert app.is_running, "[@click=app.quit] must not have run"
        shown = "\n".join(seen)
        for literal in ("[@click=app.quit]", "[b]Smith[/b]", "[R-TX]", "[$x]", "[/]"):
            assert literal in shown.replace("\xa0", " "), literal
        assert "\ufffd" in shown  # escape sequences made visible, not obeyed
        assert not CONTROL.search(shown)
        details = static_text(screen.query_one(DetailsPane).query_one("#details-body", Static))
        assert not CONTROL.search(details)


async def test_hostile_strings_in_every_screen() -> None:
    app = make_app(HOSTILE)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = reader(pilot)
        for keys_to_press in (["s"], ["b"], ["question_mark"]):
            await pilot.press(*keys_to_press)
            await pilot.pause()
            assert not CONTROL.search(screen_text(app))
            await pilot.press("escape")
        screen.open_compare((screen.briefing.disputes[0],))
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        text = screen_text(app)
        assert "[@click=app.quit]" in text.replace("\xa0", " ") and not CONTROL.search(text)
        await pilot.press("escape", "a")
        await type_text(pilot, "[/")  # a lone closing tag in a fuzzy picker's query
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running and app.screen is screen
        await pilot.press("slash")
        await type_text(pilot, '"[@click=app.quit]"')
        assert app.is_running


async def test_resizing_down_to_40x12_and_back_never_crashes() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = reader(pilot)
        for size in ((80, 24), (60, 20), (40, 12), (30, 8), (200, 60), (40, 12), (120, 36)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.press("j")
            assert app.is_running
        assert not screen.has_class("-narrow")
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert screen.has_class("-tiny")
        screen.open_compare((screen.briefing.disputes[0],))
        await pilot.pause()
        await pilot.resize_terminal(160, 45)
        await pilot.pause()
        assert app.is_running

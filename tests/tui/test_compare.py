"""The compare view: getting there, moving inside, filters, export, and every bundled dispute."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from briefing_tui.model import load_briefing
from briefing_tui.tui.screens.compare import CompareScreen
from briefing_tui.tui.screens.picker import PickerScreen
from briefing_tui.tui.screens.source import SourceScreen
from briefing_tui.tui.widgets.nav_pane import NavPane
from briefing_tui.tui.widgets.position_column import MATCH_MARK, PositionColumn

from .helpers import SEED, make_app, option_texts, reader, static_text, type_text

BRIEFING = load_briefing(SEED).briefing
assert BRIEFING is not None


def compare(pilot) -> CompareScreen:  # type: ignore[no-untyped-def]
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen), type(screen).__name__
    return screen


def column_claims(screen: CompareScreen) -> list[list[str]]:
    return [[col.get_option_at_index(i).id for i in range(col.option_count)] for col in screen.columns]


def assert_shows(screen: CompareScreen, dispute_id: str) -> None:
    dispute = BRIEFING.dispute_by_id[dispute_id]
    assert screen.current == dispute
    assert static_text(screen.query_one("#question", Static)) == dispute.question
    assert [c.position.label for c in screen.columns] == [p.label for p in dispute.positions]
    headings = [static_text(h) for h in screen.query(".position-heading").results(Static)]
    assert all(p.label in h for p, h in zip(dispute.positions, headings)) and len(headings) == len(dispute.positions)
    assert column_claims(screen) == [list(p.claims) for p in dispute.positions]


async def test_c_on_a_claim_in_one_dispute_opens_it() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        screen.jump_to_claim("c-knyazev-questions-count")
        await pilot.press("c")
        await pilot.pause()
        assert_shows(compare(pilot), "d-is-count")


async def test_c_on_a_claim_in_several_disputes_offers_a_choice() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        reader(pilot).jump_to_claim("c-lavrov-terrorist-tension")
        await pilot.press("c")
        await pilot.pause()
        picker = pilot.app.screen
        assert isinstance(picker, PickerScreen)
        offered = option_texts(picker.query_one(OptionList))
        assert len(offered) == len(BRIEFING.disputes_of("c-lavrov-terrorist-tension")) == 2
        await pilot.press("enter")
        await pilot.pause()
        assert compare(pilot).current in BRIEFING.disputes_of("c-lavrov-terrorist-tension")


async def test_c_on_a_claim_in_no_dispute_says_so() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        screen.jump_to_claim("c-ng-threats-remain")
        await pilot.press("c")
        await pilot.pause()
        assert pilot.app.screen is screen
        messages = [n.message for n in pilot.app._notifications]
        assert "No dispute involves this claim." in messages


async def test_open_from_the_navigation_list() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        nav = reader(pilot).query_one(NavPane)
        nav.focus()
        nav.cursor = list(nav.ids).index("dispute:d-imu")
        await pilot.press("enter")
        await pilot.pause()
        assert_shows(compare(pilot), "d-imu")


async def test_open_from_the_palette() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        target = BRIEFING.dispute_by_id["d-anti-taliban-movement"]
        await pilot.press("ctrl+p")
        await type_text(pilot, f"Dispute: {target.question}")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert_shows(compare(pilot), target.id)


async def test_step_through_every_dispute_and_each_renders() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        reader(pilot).open_compare((BRIEFING.disputes[0],))
        await pilot.pause()
        screen = compare(pilot)
        for dispute in BRIEFING.disputes:
            assert_shows(screen, dispute.id)
            await pilot.press("right_square_bracket")
            await pilot.pause()
        assert_shows(screen, BRIEFING.disputes[0].id)  # wraps around
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert_shows(screen, BRIEFING.disputes[-1].id)


async def test_move_between_columns_and_claims() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        reader(pilot).open_compare((BRIEFING.dispute_by_id["d-is-threat-level"],))
        await pilot.pause()
        screen = compare(pilot)
        columns = screen.columns
        assert len(columns) == 3 and pilot.app.focused is columns[0]
        await pilot.press("l")
        assert pilot.app.focused is columns[1]
        await pilot.press("l", "l")
        assert pilot.app.focused is columns[2]  # stops at the last
        await pilot.press("h")
        assert pilot.app.focused is columns[1]
        await pilot.press("j")
        assert columns[1].highlighted == 1
        await pilot.press("tab")
        assert pilot.app.focused is columns[2]


async def test_enter_opens_the_source_and_escape_comes_back_to_the_same_place() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        start = reader(pilot)
        start.jump_to_claim("c-knyazev-questions-count")
        before = (start.section_id, start.claim_id)
        await pilot.press("c")
        await pilot.pause()
        screen = compare(pilot)
        await pilot.press("l", "j")
        column = screen.columns[1]
        chosen = column.get_option_at_index(column.highlighted).id
        await pilot.press("enter")
        await pilot.pause()
        source = pilot.app.screen
        assert isinstance(source, SourceScreen) and source.claim == BRIEFING.claim_by_id[chosen]
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is screen and pilot.app.focused is column and column.highlighted == 1
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is start and (start.section_id, start.claim_id) == before


async def test_a_filter_narrows_the_disputes_and_marks_its_claims() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        await pilot.press("slash")
        await type_text(pilot, "actor:mujahid")
        await pilot.press("enter")
        mujahid = {c.id for c in BRIEFING.claims if c.actor == "mujahid"}
        involved = [d for d in BRIEFING.disputes if mujahid & set(d.claim_ids)]
        assert 0 < len(involved) < len(BRIEFING.disputes)
        screen.open_compare((involved[0],))
        await pilot.pause()
        view = compare(pilot)
        assert [o.id for o in view.query_one("#dispute-list", OptionList)._options] == [d.id for d in involved]
        for column in view.columns:
            for i in range(column.option_count):
                option = column.get_option_at_index(i)
                assert str(option.prompt).startswith(MATCH_MARK) == (option.id in mujahid)


async def test_export_writes_markdown_and_says_where(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    async with make_app().run_test(size=(160, 45)) as pilot:
        reader(pilot).open_compare((BRIEFING.dispute_by_id["d-is-count"],))
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        target = tmp_path / f"dispute-{BRIEFING.id}-d-is-count.md"
        text = target.read_text(encoding="utf-8")
        assert text.startswith(f"# {BRIEFING.dispute_by_id['d-is-count'].question}")
        for claim_id in BRIEFING.dispute_by_id["d-is-count"].claim_ids:
            assert BRIEFING.claim_by_id[claim_id].quote.replace("(", "(") in text
        assert f"Wrote {target}" in [n.message for n in pilot.app._notifications]


async def test_narrow_terminal_stacks_the_positions() -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        reader(pilot).open_compare((BRIEFING.dispute_by_id["d-is-threat-level"],))
        await pilot.pause()
        screen = compare(pilot)
        first, second = screen.columns[:2]
        assert screen.has_class("-narrow")
        assert second.region.y > first.region.y or second.region.height == 0  # below, not beside
        assert first.region.width > 60
        await pilot.press("l")
        assert pilot.app.focused is second and second.region.height > 0


async def test_the_cursor_starts_on_the_claim_the_reader_came_from() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        reader(pilot).jump_to_claim("c-sidorov-border-concentration")
        await pilot.press("c")
        await pilot.pause()
        if isinstance(pilot.app.screen, PickerScreen):  # the claim stands in two disputes
            await pilot.press("enter")
            await pilot.pause()
        compare(pilot)  # the compare view is up
        column = pilot.app.focused
        assert isinstance(column, PositionColumn)
        assert column.get_option_at_index(column.highlighted).id == "c-sidorov-border-concentration"


async def test_stacked_positions_come_into_view_heading_first_and_each_dispute_starts_at_its_top() -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        reader(pilot).open_compare(BRIEFING.disputes)
        await pilot.pause()
        assert isinstance(pilot.app.screen, PickerScreen)  # which dispute first
        await pilot.press("enter")
        await pilot.pause()
        screen = compare(pilot)
        holder = screen.query_one("#columns")
        await pilot.press("l")
        await pilot.pause()
        focused = pilot.app.focused
        assert isinstance(focused, PositionColumn)
        heading = focused.parent.query_one(".position-heading")
        assert holder.region.contains_region(heading.region), "the heading of the focused position shows"
        assert holder.scroll_y > 0
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert holder.scroll_y == 0  # the next dispute opens at its first position
        first_heading = screen.query(".position-heading").first()
        assert holder.region.contains_region(first_heading.region)

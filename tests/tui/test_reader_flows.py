"""The reader driven by keys, asserting on what the widgets hold."""

from __future__ import annotations

from textual.widgets import Input, Static

from briefing_tui.model import load_briefing
from briefing_tui.query import parse
from briefing_tui.tui import keys
from briefing_tui.tui.screens.bluf import BlufScreen
from briefing_tui.tui.screens.help import HelpScreen, KeyHelp
from briefing_tui.tui.screens.picker import PickerScreen
from briefing_tui.tui.screens.source import SourceScreen
from briefing_tui.tui.widgets.details_pane import DetailsPane
from briefing_tui.tui.widgets.nav_pane import NavPane
from briefing_tui.tui.widgets.reading_pane import ClaimList, SectionView

from .helpers import row_texts, SEED, make_app, reader, static_text, type_text

BRIEFING = load_briefing(SEED).briefing
assert BRIEFING is not None


def details(pilot) -> str:  # type: ignore[no-untyped-def]
    return static_text(pilot.app.screen.query_one(DetailsPane).query_one("#details-body", Static))


def status(pilot) -> str:  # type: ignore[no-untyped-def]
    return static_text(pilot.app.screen.query_one("#filter-status", Static))


def listed_claims(pilot) -> list[str]:  # type: ignore[no-untyped-def]
    return list(pilot.app.screen.query_one(ClaimList).ids)


async def test_opens_on_the_first_section_with_its_first_claim() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        first = BRIEFING.sections[0]
        assert screen.section_id == first.id
        assert not screen.in_list and screen.query_one(SectionView).display
        assert screen.claim_id == BRIEFING.claims_in(first.id)[0].id
        assert BRIEFING.claim_by_id[screen.claim_id].summary in details(pilot)
        assert screen.query_one(SectionView).has_focus
        assert screen.sub_title == "all claims"


async def test_j_and_k_step_through_claims_and_on_into_the_next_section() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        ordered = sorted(BRIEFING.claims, key=lambda c: c.span.start)
        await pilot.press("j")
        assert screen.claim_id == ordered[1].id
        assert screen.section_id == ordered[1].section != ordered[0].section
        assert ordered[1].summary in details(pilot)
        await pilot.press("j", "j", "k")
        assert screen.claim_id == ordered[2].id
        await pilot.press("G")
        last_in_section = [c for c in ordered if c.section == screen.section_id][-1]
        assert screen.claim_id == last_in_section.id
        await pilot.press("g")
        assert screen.claim_id == [c for c in ordered if c.section == screen.section_id][0].id


async def test_filter_by_actor_typed_in_the_bar() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        await pilot.press("slash")
        assert screen.query_one("#filter-input", Input).has_focus
        await type_text(pilot, "actor:knyazev")
        expected = [c.id for c in BRIEFING.claims if c.actor == "knyazev"]
        assert listed_claims(pilot) == expected
        assert screen.in_list and screen.query_one(ClaimList).display
        assert screen.sub_title == "actor: Alexander Knyazev"
        assert status(pilot) == f"{len(expected)} of {len(BRIEFING.claims)} claims match"
        nav = row_texts(screen.query_one(NavPane))
        assert f"{len(expected):>4} Alexander Knyazev" in nav
        assert not any(t.startswith("Taliban Foreign Ministry") for t in nav)  # actors not involved drop out


async def test_filter_by_topic_with_the_fuzzy_picker() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        await pilot.press("t")
        assert isinstance(pilot.app.screen, PickerScreen)
        await type_text(pilot, "embas")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one("#filter-input", Input).value == "topic:embassy-security"
        assert listed_claims(pilot) == [c.id for c in BRIEFING.claims if "embassy-security" in c.topics]


async def test_filter_by_actor_with_the_picker_replaces_the_actor_term() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        await pilot.press("slash")
        await type_text(pilot, "actor:lavrov topic:threats")
        await pilot.press("escape")  # back out of the bar: Esc in the bar clears, so go by the picker
        await pilot.press("slash")
        await type_text(pilot, "actor:lavrov topic:threats")
        screen.query_one(SectionView).focus()
        await pilot.press("a")
        await type_text(pilot, "mujah")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one("#filter-input", Input).value == "topic:threats actor:mujahid"
        expected = [c.id for c in BRIEFING.claims if c.actor == "mujahid" and "threats" in c.topics]
        assert listed_claims(pilot) == expected


async def test_free_text_and_combined_filters() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        await pilot.press("slash")
        await type_text(pilot, '"car bomb"')
        car_bomb = listed_claims(pilot)
        assert car_bomb and all("car bomb" in (BRIEFING.claim_by_id[c].quote + BRIEFING.claim_by_id[c].summary).lower() for c in car_bomb)
        screen.query_one("#filter-input", Input).value = ""
        await pilot.pause()
        await type_text(pilot, "about:islamic-state -topic:diplomacy")
        expected = [c.id for c in BRIEFING.claims if "islamic-state" in c.about and "diplomacy" not in c.topics]
        assert listed_claims(pilot) == expected and expected
        assert screen.sub_title == "about: Islamic State · not topic: Diplomacy"


async def test_escape_clears_the_filter_and_returns_to_the_text() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        await pilot.press("slash")
        await type_text(pilot, "topic:threats")
        assert screen.in_list and screen.query_one(ClaimList).display
        await pilot.press("escape")
        assert screen.query_one("#filter-input", Input).value == ""
        assert screen.filter.is_empty
        assert not screen.in_list and screen.query_one(SectionView).display
        assert screen.sub_title == "all claims"


async def test_malformed_query_says_so_and_keeps_running() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        await pilot.press("slash")
        await type_text(pilot, 'actr:knyazev "car')
        assert "unknown field 'actr:'; did you mean actor?" in status(pilot)
        assert "unclosed quote" in status(pilot)
        assert screen.query_one("#filter-status").has_class("-error")
        assert pilot.app.is_running


async def test_empty_result_says_how_to_widen() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "actor:mujahid topic:border-security")
        assert listed_claims(pilot) == []
        assert status(pilot).startswith("No claims match actor: Zabiullah Mujahid · topic: ")
        assert "press Esc to clear" in status(pilot)


async def test_next_and_previous_match_walk_the_matches_in_article_order() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        await pilot.press("slash")
        await type_text(pilot, "actor:sidorov")
        await pilot.press("enter")  # leaves the bar
        matches = sorted((c for c in BRIEFING.claims if c.actor == "sidorov"), key=lambda c: c.span.start)
        await pilot.press("n")
        first = screen.claim_id
        await pilot.press("n")
        assert [first, screen.claim_id] in ([matches[0].id, matches[1].id], [matches[1].id, matches[2].id])
        await pilot.press("N")
        assert screen.claim_id == first


async def test_source_view_highlights_the_quote_and_scrolls_to_it() -> None:
    async with make_app().run_test(size=(120, 36)) as pilot:
        screen = reader(pilot)
        late = max(BRIEFING.claims, key=lambda c: c.span.start)
        screen.jump_to_claim(late.id)
        await pilot.press("s")
        await pilot.pause()
        source = pilot.app.screen
        assert isinstance(source, SourceScreen)
        paragraph = source.query_one(f"#source-p{late.span.paragraph}", Static)
        content = paragraph.content
        highlighted = [content.plain[s.start : s.end] for s in content.spans if "reverse" in str(s.style)]
        assert highlighted == [late.quote]
        scroll = source.query_one("#source")
        assert scroll.scroll_y > 0 and paragraph.region.y >= scroll.region.y
        await pilot.press("escape")
        assert pilot.app.screen is screen and screen.claim_id == late.id


async def test_bluf_judgment_opens_the_claims_behind_it() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        await pilot.press("slash")
        await type_text(pilot, "topic:diplomacy")  # a judgment's claims replace this, not narrow it
        await pilot.press("enter")
        await pilot.press("b")
        bluf = pilot.app.screen
        assert isinstance(bluf, BlufScreen)
        assert BRIEFING.bluf[:40] in static_text(bluf.query_one("#bluf-text", Static))
        await pilot.press("j", "enter")
        await pilot.pause()
        judgment = BRIEFING.key_judgments[1]
        assert pilot.app.screen is screen
        assert screen.query_one("#filter-input", Input).value == f"judgment:{judgment.id}"
        assert listed_claims(pilot) == [c.id for c in BRIEFING.claims if c.id in judgment.claims]


async def test_help_lists_every_key() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        footer = {b.binding.key for b in screen.active_bindings.values() if b.binding.show}
        await pilot.press("question_mark")
        help_screen = pilot.app.screen
        assert isinstance(help_screen, HelpScreen)
        lines = [row.text for row in help_screen.query(KeyHelp)]
        for _, key in keys.all_keys():
            assert any(key.help in line for line in lines), key.id
        assert footer
        for binding_key in footer:  # every key the footer offers is explained
            assert any(line.lstrip().startswith(keys.display(binding_key)) for line in lines), binding_key
        await pilot.press("escape")
        assert pilot.app.screen is screen


async def test_palette_jumps_to_an_actor() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "Actor: Alexander Kny")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert screen.query_one("#filter-input", Input).value == "actor:knyazev"


async def test_palette_jumps_to_a_section() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        target = BRIEFING.sections[-1]
        await pilot.press("ctrl+p")
        await type_text(pilot, f"Section: {target.title}")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.section_id == target.id and not screen.in_list and screen.query_one(SectionView).display


async def test_navigation_pane_writes_the_same_query() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        nav = screen.query_one(NavPane)
        nav.focus()
        nav.cursor = list(nav.ids).index("topic:diplomacy")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one("#filter-input", Input).value == "topic:diplomacy"
        assert listed_claims(pilot) == [c.id for c in BRIEFING.claims if "diplomacy" in c.topics]
        assert parse("topic:diplomacy", BRIEFING).filter == screen.filter


async def test_tab_moves_focus_between_panes() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        reader(pilot)  # the reader is up
        seen = []
        for _ in range(4):
            await pilot.press("tab")
            seen.append(type(pilot.app.focused).__name__)
        assert {"DetailsPane", "QueryInput", "NavPane"} <= set(seen)
        await pilot.press("shift+tab")
        assert type(pilot.app.focused).__name__ == seen[-2]


async def test_q_quits() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_themes_switch_from_the_palette() -> None:
    async with make_app().run_test(size=(120, 36)) as pilot:
        screen = reader(pilot)
        before = pilot.app.theme
        await pilot.press("ctrl+p")
        await type_text(pilot, "theme")
        await pilot.pause(0.3)
        await pilot.press("enter")  # "Theme": opens Textual's theme picker
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert pilot.app.theme != before
        assert pilot.app.screen is screen and pilot.app.is_running


async def test_while_typing_the_list_answers_each_key_and_the_rest_catches_up_at_a_pause() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        details = screen.query_one(DetailsPane).query_one("#details-body", Static)
        await pilot.press("slash")
        for char in "actor:mujahid":
            await pilot.press(char)
        mujahid = [c.id for c in BRIEFING.claims if c.actor == "mujahid"]
        assert listed_claims(pilot) == mujahid  # at once, key by key (the rest may or may not have caught up)
        await type_text(pilot, "")  # a pause
        assert not screen.catching_up and screen.sub_title == "actor: Zabiullah Mujahid"
        assert mujahid[0] in static_text(details)

        await pilot.press("escape")
        await pilot.press("slash")
        for char in "actor:mujahid kind:estimate":  # no pause: matches come and go, then none is left
            await pilot.press(char if char != " " else "space")
        await type_text(pilot, "")
        assert listed_claims(pilot) == []
        assert "No claim matches the filter" in static_text(details)  # not the last match's details


async def test_keys_arriving_with_the_slash_all_go_into_the_filter() -> None:
    from textual import events

    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        # one burst, as a paste or a slow link delivers it: "q" must not quit, "a" must not pick an actor
        for key, char in [("slash", "/"), *((c if c != " " else "space", c) for c in "quote a")]:
            event = events.Key(key, char)
            event.set_sender(app)
            app._driver.send_message(event)  # as the terminal driver does, with no pause between keys
        await pilot.pause()
        await type_text(pilot, "")
        assert app.is_running and app.screen is screen
        assert screen.filter_bar.input.value == "quote a"


async def test_a_slash_typed_in_the_filter_is_text() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        await pilot.press("slash")
        await type_text(pilot, '"a/b"')
        assert screen.filter_bar.input.value == '"a/b"'


async def test_the_title_bar_names_the_briefing_and_follows_the_query() -> None:
    from briefing_tui.tui.widgets.title_bar import TitleBar

    async with make_app().run_test(size=(160, 45)) as pilot:
        bar = pilot.app.screen.query_one(TitleBar)
        assert str(bar.render()).startswith(BRIEFING.title)
        await pilot.press("slash")
        await type_text(pilot, "kind:warning")
        await pilot.pause()
        assert str(bar.render()).endswith("kind: warning")
        painted = _painted(pilot.app).replace("\xa0", " ").splitlines()
        title_line = next(line for line in painted if BRIEFING.title[:40] in line)
        assert title_line.rstrip().endswith("kind: warning")  # repainted, not just recomputed


def _painted(app) -> str:  # type: ignore[no-untyped-def]
    """What the terminal shows, as text (the screenshot's SVG without tags)."""
    import html
    import re

    return html.unescape(re.sub(r"<[^>]+>", "", app.export_screenshot()))


async def test_the_claim_list_is_made_when_a_filter_first_needs_it() -> None:
    async with make_app().run_test(size=(120, 36)) as pilot:
        screen = reader(pilot)
        assert not screen.query(ClaimList), "a start on a section does not build the hidden list"
        await pilot.press("slash")
        await type_text(pilot, "kind:warning")
        assert screen.in_list and screen.query_one(ClaimList).display
        assert listed_claims(pilot) == [c.id for c in screen.matches] and len(screen.matches) == 6
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("slash")
        await type_text(pilot, "kind:doubt")
        assert len(screen.query(ClaimList)) == 1  # made once, then reused


async def test_help_on_a_narrow_terminal_wraps_each_description_under_itself() -> None:
    from briefing_tui.tui.screens.help import KEY_COLUMN

    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        rows = list(pilot.app.screen.query(KeyHelp))
        wrapped = [row for row in rows if row.size.height > 1]
        assert wrapped, "at 80 columns some descriptions take two lines"
        for row in wrapped:
            first, *rest = str(row.render()).split("\n")
            assert first.lstrip().startswith(keys.display(row.key.keys))
            assert len(rest) == row.size.height - 1  # the height given is the height drawn
            for line in rest:  # under the description, not under the keys
                assert line[:KEY_COLUMN].isspace() and not line[KEY_COLUMN].isspace(), line


async def test_j_k_g_and_G_scroll_the_help_and_source_screens_as_help_says() -> None:
    from briefing_tui.tui.widgets.scroll_pane import ScrollPane

    async with make_app().run_test(size=(80, 24)) as pilot:
        for opening in ("question_mark", "s"):
            await pilot.press(opening)
            await pilot.pause()
            pane = pilot.app.screen.query_one(ScrollPane)
            assert pane.has_focus and pane.max_scroll_y > 2, opening
            await pilot.press("g")
            await pilot.pause()
            await pilot.press("j", "j")
            await pilot.pause()
            assert pane.scroll_y > 0, opening
            await pilot.press("G")
            await pilot.pause()
            assert pane.scroll_y == pane.max_scroll_y, opening
            await pilot.press("k")
            await pilot.pause()
            assert pane.scroll_y < pane.max_scroll_y, opening
            await pilot.press("escape")
            await pilot.pause()


async def test_a_filter_that_comes_to_nothing_leaves_the_reader_where_they_were() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        await pilot.press("j", "j", "j", "j", "j")  # into the second section, on a claim of its own
        await pilot.pause()
        place = (screen.section_id, screen.claim_id)
        assert place[0] != BRIEFING.sections[0].id
        for query in ("kind:warning", "foo:bar", "actor:lavrof"):  # matches elsewhere, an error, a miss
            await pilot.press("slash")
            await type_text(pilot, query)
            await pilot.press("escape")
            await pilot.pause()
            assert (screen.section_id, screen.claim_id) == place, query
            assert not screen.in_list


async def test_a_claim_picked_in_the_list_is_where_escape_leads() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        await pilot.press("slash")
        await type_text(pilot, "kind:warning")
        await pilot.press("enter")  # to the list
        await pilot.press("j")
        await pilot.pause()
        picked = screen.claim_id
        assert picked == screen.matches[1].id
        await pilot.press("escape")
        await pilot.pause()
        assert screen.claim_id == picked and screen.section_id == BRIEFING.claim_by_id[picked].section


async def test_on_a_tiny_terminal_a_query_error_still_shows() -> None:
    async with make_app().run_test(size=(50, 20)) as pilot:
        screen = reader(pilot)
        assert screen.has_class("-tiny")
        status_line = screen.query_one("#filter-status", Static)
        assert not status_line.display, "a tiny terminal gives the counts' line to the text"
        await pilot.press("slash")
        await type_text(pilot, "actor:lavrof")
        assert status_line.display and "did you mean lavrov" in status(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert not status_line.display


async def test_what_a_picker_or_the_bottom_line_chooses_gets_the_keys() -> None:
    async with make_app().run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        await pilot.press("tab", "tab")  # away from the text, as a reader may be
        await pilot.pause()
        assert not isinstance(pilot.app.focused, ClaimList)
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("enter")  # the claims behind the first key judgment
        await pilot.pause()
        assert screen.in_list and isinstance(pilot.app.focused, ClaimList)
        await pilot.press("j")  # so j moves through them
        await pilot.pause()
        assert screen.claim_id == screen.matches[1].id
        await pilot.press("tab")
        await pilot.press("t")
        await pilot.pause()
        await type_text(pilot, "Diplomacy")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.focused, ClaimList) and screen.filter.terms[-1].field == "topic"

"""Pictures of the screens that matter, at the sizes people use. Update with --snapshot-update after checking them."""

from __future__ import annotations

from textual.pilot import Pilot

from .helpers import make_app, reader, steady, type_text

SIZES = {"wide": (160, 45), "default": (120, 36), "narrow": (80, 24)}


def test_main_screen_120x36(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=steady)


def test_main_screen_80x24(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=steady)


def test_main_screen_200x60_after_walking(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), press=["j", "j", "j", "j"], terminal_size=(200, 60), run_before=steady)


def test_filtered_by_actor_and_topic(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        await pilot.press("slash")
        await type_text(pilot, "actor:knyazev topic:threats")
        await pilot.press("enter")
        steady(pilot)

    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=run_before)


def test_empty_result_message(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        await pilot.press("slash")
        await type_text(pilot, "actor:mujahid kind:estimate")
        steady(pilot)

    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=run_before)


def test_source_view(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()
        reader(pilot).jump_to_claim("c-knyazev-questions-count")
        await pilot.press("s")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=run_before)


def test_help_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), press=["question_mark"], terminal_size=(120, 36))


def test_bluf_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), press=["b"], terminal_size=(120, 36))


def _compare(dispute_id: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()
        screen = reader(pilot)
        screen.open_compare((screen.briefing.dispute_by_id[dispute_id],))
        await pilot.pause()

    return run_before


def test_compare_two_positions_160x45(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=SIZES["wide"], run_before=_compare("d-is-count"))


def test_compare_two_positions_120x36(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=SIZES["default"], run_before=_compare("d-is-count"))


def test_compare_two_positions_80x24(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=SIZES["narrow"], run_before=_compare("d-is-count"))


def test_compare_three_positions_160x45(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=SIZES["wide"], run_before=_compare("d-is-threat-level"))


def test_compare_three_positions_120x36(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=SIZES["default"], run_before=_compare("d-is-threat-level"))


def test_compare_three_positions_80x24(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=SIZES["narrow"], run_before=_compare("d-is-threat-level"))

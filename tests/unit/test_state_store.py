"""Reading state: round trip, file safety, damaged files, two instances, orphans, the notes export."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from platformdirs import user_data_dir

from briefing_tui.export.notes_markdown import notes_to_markdown
from briefing_tui.model import load_briefing
from briefing_tui.state import Note, Position, ReadingState, StateStore, state_dir, state_path, write_atomic
from briefing_tui.state.paths import file_stem
from briefing_tui.state.quarantine import move_aside
from briefing_tui.state.records import encode_state

MINI = Path(__file__).resolve().parents[1] / "data" / "mini" / "briefing.yaml"
ROOT = Path(__file__).resolve().parents[2]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- where and how it is written ---------------------------------------------------------


def test_state_dir_follows_the_environment_then_platformdirs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BRIEFING_TUI_STATE_DIR", str(tmp_path / "portable"))
    assert state_dir() == tmp_path / "portable"
    assert state_path("mini") == tmp_path / "portable" / "mini.json"
    monkeypatch.delenv("BRIEFING_TUI_STATE_DIR")
    assert state_dir() == Path(user_data_dir("briefing-tui", appauthor=False)) / "state"


@pytest.mark.parametrize("briefing_id", ["../../etc/passwd", "A/b", "a_b", ".hidden", "", "漢字", "x" * 500, "a\x00b"])
def test_unusual_ids_give_safe_distinct_file_names(briefing_id: str) -> None:
    stem = file_stem(briefing_id)
    assert stem and not stem.startswith(".") and "/" not in stem and "\\" not in stem and "\x00" not in stem
    assert len(stem) <= 80 and all(c.isascii() for c in stem)
    assert stem != file_stem(briefing_id + "x")


def test_slug_ids_are_used_as_they_are() -> None:
    assert file_stem("csto-count-of-is") == "csto-count-of-is"
    assert file_stem("a/b") != file_stem("a_b")


def test_round_trip_keeps_everything(tmp_path: Path) -> None:
    store = StateStore.open("mini", tmp_path)
    store.add_bookmark("c-count")
    store.mark_read("c-count")
    store.mark_read("c-doubt")
    claim_note = store.set_note("claim", "c-count", "Check the figure.\nSecond line “quoted” 漢字")
    section_note = store.set_note("section", "s-doubt", "Who is Jones?")
    store.set_position(Position(("claim", "c-doubt"), "actor:smith", "claims"))
    assert store.dirty
    assert store.save() == []
    assert not store.dirty

    again = StateStore.open("mini", tmp_path)
    assert again.warnings == ()
    assert again.bookmarks == {"c-count"} and again.read == {"c-count", "c-doubt"}
    assert again.note_for("claim", "c-count") == claim_note
    assert again.note_for("section", "s-doubt") == section_note
    assert again.position == Position(("claim", "c-doubt"), "actor:smith", "claims")
    document = json.loads((tmp_path / "mini.json").read_text(encoding="utf-8"))
    assert document["version"] == 1 and document["briefing"] == "mini"
    assert "漢字" in (tmp_path / "mini.json").read_text(encoding="utf-8")  # human-readable, not \\u escapes


def test_queries_and_edits(tmp_path: Path) -> None:
    store = StateStore.open("mini", tmp_path)
    assert not store.is_bookmarked("c-count") and not store.is_read("c-count") and not store.has_note("claim", "c-count")
    assert store.toggle_bookmark("c-count") is True and store.is_bookmarked("c-count")
    assert store.toggle_bookmark("c-count") is False and not store.is_bookmarked("c-count")
    store.mark_read("c-count")
    store.mark_unread("c-count")
    assert not store.is_read("c-count")
    store.set_note("claim", "c-count", "x")
    assert store.has_note("claim", "c-count") and not store.has_note("section", "c-count")
    assert store.set_note("claim", "c-count", "   \n") is None  # blank text deletes
    assert store.note_for("claim", "c-count") is None
    with pytest.raises(ValueError):
        store.set_note("actor", "smith", "no notes on actors")
    with pytest.raises(ValueError):
        store.set_position(Position(("dispute", "d-count")))


def test_note_text_is_made_safe_for_the_terminal(tmp_path: Path) -> None:
    store = StateStore.open("mini", tmp_path)
    note = store.set_note("claim", "c-count", "evil \x1b]52;c;SGVsbG8=\x07 [b]kept[/b]\ttab")
    assert note is not None and "\x1b" not in note.text and "\x07" not in note.text
    assert "[b]kept[/b]\ttab" in note.text


def test_files_are_private(tmp_path: Path) -> None:
    path = tmp_path / "mini.json"
    path.write_bytes(_good_bytes())
    path.chmod(0o644)  # an old file, or one copied in: the save must not inherit its mode
    store = StateStore.open("mini", tmp_path)
    assert store.warnings == ()
    store.add_bookmark("c-doubt")
    store.save()
    assert _mode(path) == 0o600
    assert _mode(tmp_path / "mini.json.lock") == 0o600


def test_write_atomic_creates_the_file_private_from_the_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[tuple[str, int, int]] = []
    real_open = os.open

    def spy(path, flags, mode=0o777, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append((str(path), flags, mode))
        return real_open(path, flags, mode, *args, **kwargs)

    def no_chmod(*args: object, **kwargs: object) -> None:
        raise AssertionError("permissions must be set when the file is created, not after")

    monkeypatch.setattr(os, "open", spy)
    monkeypatch.setattr(os, "chmod", no_chmod)
    monkeypatch.setattr(os, "fchmod", no_chmod)
    old_umask = os.umask(0)  # even a permissive umask must not widen the mode
    try:
        write_atomic(tmp_path / "sub" / "f.bin", b"data")
    finally:
        os.umask(old_umask)
    created = [(flags, mode) for path, flags, mode in opened if path.endswith(".tmp")]
    assert created and all(flags & os.O_CREAT and flags & os.O_EXCL and mode == 0o600 for flags, mode in created)
    assert (tmp_path / "sub" / "f.bin").read_bytes() == b"data"
    assert _mode(tmp_path / "sub" / "f.bin") == 0o600
    assert os.listdir(tmp_path / "sub") == ["f.bin"]  # no temporary file left behind


def test_save_sweeps_temporaries_a_killed_writer_left(tmp_path: Path) -> None:
    stale = tmp_path / ".mini.json.0123456789ab.tmp"
    stale.write_bytes(b"half a file")
    unrelated = tmp_path / ".other.json.0123456789ab.tmp"
    unrelated.write_bytes(b"not ours")
    store = StateStore.open("mini", tmp_path)
    store.add_bookmark("c-count")
    store.save()
    assert not stale.exists() and unrelated.exists()


def test_a_save_without_edits_writes_nothing(tmp_path: Path) -> None:
    store = StateStore.open("mini", tmp_path)
    store.save()
    assert not (tmp_path / "mini.json").exists()
    store.add_bookmark("c-count")
    store.save()
    before = (tmp_path / "mini.json").stat()
    StateStore.open("mini", tmp_path).save()
    after = (tmp_path / "mini.json").stat()
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)


# -- damaged files -----------------------------------------------------------------------


def _good_bytes() -> bytes:
    state = ReadingState({"c-count"}, {"c-count"}, {
        ("claim", "c-count"): Note("claim", "c-count", "a note " * 50, datetime(2024, 5, 1, tzinfo=UTC)),
    })
    return encode_state("mini", state)


DAMAGED = {
    "bad-json": b'{"version": 1, "briefing": "mini", "bookmarks": [,]}',
    "truncated": _good_bytes()[: len(_good_bytes()) // 2],
    "empty": b"",
    "wrong-version": _good_bytes().replace(b'"version": 1', b'"version": 2'),
    "version-as-text": _good_bytes().replace(b'"version": 1', b'"version": "1"'),
    "version-as-bool": _good_bytes().replace(b'"version": 1', b'"version": true'),
    "non-utf8": _good_bytes().replace(b"a note", b"a n\xf6te"),
    "utf16": _good_bytes().decode().encode("utf-16"),
    "top-level-list": b'[{"version": 1}]',
    "top-level-string": b'"version 1"',
    "deep-nesting": b"[" * 200_000 + b"]" * 200_000,
    "other-briefing": _good_bytes().replace(b'"briefing": "mini"', b'"briefing": "other"'),
    "bookmarks-not-list": _good_bytes().replace(b'"bookmarks": [', b'"bookmarks": {"x": [').replace(
        b'"c-count"\n  ],\n  "read"', b'"c-count"\n  ]},\n  "read"'),
    "unknown-key": _good_bytes().replace(b'"version": 1', b'"version": 1, "extra": 0'),
    "bad-timestamp": _good_bytes().replace(b"2024-05-01T00:00:00.000000Z", b"yesterday"),
    "naive-timestamp": _good_bytes().replace(b"2024-05-01T00:00:00.000000Z", b"2024-05-01T00:00:00"),
    "bad-note-kind": _good_bytes().replace(b'"kind": "claim"', b'"kind": "actor"'),
}


@pytest.mark.parametrize("name", sorted(DAMAGED))
def test_a_damaged_file_is_moved_aside_with_a_warning_and_a_clean_start(tmp_path: Path, name: str) -> None:
    data = DAMAGED[name]
    path = tmp_path / "mini.json"
    path.write_bytes(data)
    store = StateStore.open("mini", tmp_path)

    assert len(store.warnings) == 1
    warning = store.warnings[0]
    assert warning.moved_to is not None and warning.moved_to.read_bytes() == data
    assert warning.moved_to.name.startswith("mini.json.corrupt-") and warning.moved_to.name.endswith("Z")
    assert str(warning.moved_to) in str(warning)
    assert not path.exists()
    assert store.bookmarks == frozenset() and store.notes == {} and store.position == Position()

    store.add_bookmark("c-doubt")
    assert store.save() == []
    assert StateStore.open("mini", tmp_path).bookmarks == {"c-doubt"}
    assert warning.moved_to.read_bytes() == data  # the damaged copy is left alone


def test_the_good_file_is_not_mistaken_for_a_damaged_one(tmp_path: Path) -> None:
    (tmp_path / "mini.json").write_bytes(_good_bytes())
    store = StateStore.open("mini", tmp_path)
    assert store.warnings == () and store.bookmarks == {"c-count"}


def test_moving_aside_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "mini.json"
    moment = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)
    moved = []
    for number in range(3):
        path.write_bytes(f"damaged {number}".encode())
        moved.append(move_aside(path, moment))
    assert [m.name for m in moved] == [
        "mini.json.corrupt-20240501T120000Z", "mini.json.corrupt-20240501T120000Z-1", "mini.json.corrupt-20240501T120000Z-2",
    ]
    assert [m.read_bytes() for m in moved] == [b"damaged 0", b"damaged 1", b"damaged 2"]


def test_a_file_damaged_while_running_is_moved_aside_at_save_and_nothing_is_lost(tmp_path: Path) -> None:
    first = StateStore.open("mini", tmp_path)
    first.add_bookmark("c-count")
    first.save()
    store = StateStore.open("mini", tmp_path)
    store.add_bookmark("c-doubt")
    (tmp_path / "mini.json").write_bytes(b'{"version": 1, "bookm')  # damaged behind our back
    warnings = store.save()
    assert len(warnings) == 1 and warnings[0].moved_to is not None
    assert warnings[0].moved_to.read_bytes() == b'{"version": 1, "bookm'
    # the last good state we read, plus our edit
    assert StateStore.open("mini", tmp_path).bookmarks == {"c-count", "c-doubt"}


# -- two instances ----------------------------------------------------------------------


def test_two_instances_keep_each_others_notes_and_bookmarks(tmp_path: Path) -> None:
    a = StateStore.open("mini", tmp_path)
    b = StateStore.open("mini", tmp_path)
    a.set_note("claim", "c-count", "from A")
    a.add_bookmark("c-count")
    a.mark_read("c-count")
    b.set_note("section", "s-doubt", "from B")
    b.add_bookmark("c-doubt")
    b.mark_read("c-doubt")
    assert a.save() == []
    assert b.save() == []

    on_disk = StateStore.open("mini", tmp_path)
    assert on_disk.bookmarks == {"c-count", "c-doubt"}
    assert on_disk.read == {"c-count", "c-doubt"}
    assert on_disk.note_for("claim", "c-count").text == "from A"  # type: ignore[union-attr]
    assert on_disk.note_for("section", "s-doubt").text == "from B"  # type: ignore[union-attr]
    assert b.bookmarks == {"c-count", "c-doubt"}  # after saving, a view shows the merged state


def test_a_removal_in_one_instance_is_not_undone_by_the_other(tmp_path: Path) -> None:
    seed = StateStore.open("mini", tmp_path)
    seed.add_bookmark("c-count")
    seed.mark_read("c-count")
    seed.set_note("claim", "c-count", "old note")
    seed.save()

    a = StateStore.open("mini", tmp_path)
    b = StateStore.open("mini", tmp_path)
    a.remove_bookmark("c-count")
    a.mark_unread("c-count")
    a.delete_note("claim", "c-count")
    a.save()
    b.add_bookmark("c-doubt")  # b still believes c-count is bookmarked, read and annotated
    b.save()

    on_disk = StateStore.open("mini", tmp_path)
    assert on_disk.bookmarks == {"c-doubt"}
    assert on_disk.read == frozenset()
    assert not on_disk.has_note("claim", "c-count")


def test_the_newer_note_wins_and_the_loser_is_reported(tmp_path: Path) -> None:
    a = StateStore.open("mini", tmp_path)
    b = StateStore.open("mini", tmp_path)
    older = a.set_note("claim", "c-count", "older text from A")
    newer = b.set_note("claim", "c-count", "newer text from B")
    assert older is not None and newer is not None and newer.updated > older.updated
    assert b.save() == []
    warnings = a.save()  # A saves last, but its edit is older

    assert StateStore.open("mini", tmp_path).note_for("claim", "c-count") == newer
    assert len(warnings) == 1 and warnings[0].discarded == older
    assert a.note_for("claim", "c-count") == newer


def test_a_newer_edit_replaces_an_older_saved_one(tmp_path: Path) -> None:
    a = StateStore.open("mini", tmp_path)
    b = StateStore.open("mini", tmp_path)
    a.set_note("claim", "c-count", "first")
    a.save()
    newer = b.set_note("claim", "c-count", "second")
    assert b.save() == []
    assert StateStore.open("mini", tmp_path).note_for("claim", "c-count") == newer


def test_position_is_the_saving_sessions_only_if_it_moved(tmp_path: Path) -> None:
    a = StateStore.open("mini", tmp_path)
    b = StateStore.open("mini", tmp_path)
    a.set_position(Position(("section", "s-count"), "topic:threats", "sections"))
    a.save()
    b.add_bookmark("c-doubt")  # b never moved: it must not reset the position to what it read at start
    b.save()
    assert StateStore.open("mini", tmp_path).position.filter == "topic:threats"
    b.set_position(Position(("claim", "c-doubt"), "", "claims"))
    b.save()
    assert StateStore.open("mini", tmp_path).position == Position(("claim", "c-doubt"), "", "claims")


_WRITER = """
import sys
from pathlib import Path
from briefing_tui.state import StateStore
folder, name, rounds = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
for number in range(rounds):
    store = StateStore.open("mini", folder)
    store.add_bookmark(f"{name}-{number}")
    store.set_note("claim", f"{name}-{number}", "note")
    store.save()
"""


def test_concurrent_processes_lose_nothing(tmp_path: Path) -> None:
    names, rounds = ["p0", "p1", "p2", "p3"], 15
    processes = [
        subprocess.Popen([sys.executable, "-c", _WRITER, str(tmp_path), name, str(rounds)], cwd=ROOT)
        for name in names
    ]
    assert all(p.wait(timeout=60) == 0 for p in processes)
    store = StateStore.open("mini", tmp_path)
    expected = {f"{name}-{number}" for name in names for number in range(rounds)}
    assert store.warnings == ()
    assert store.bookmarks == expected
    assert {target for _kind, target in store.notes} == expected


# -- orphans ----------------------------------------------------------------------------


def test_orphaned_notes_are_kept_and_reported(tmp_path: Path) -> None:
    briefing = load_briefing(MINI).briefing
    assert briefing is not None
    store = StateStore.open("mini", tmp_path)
    store.set_note("claim", "c-count", "still there")
    gone_claim = store.set_note("claim", "c-removed", "its claim was deleted")
    gone_section = store.set_note("section", "s-removed", "its section was deleted")
    store.set_note("section", "c-count", "a section id that happens to equal a claim id")
    store.add_bookmark("c-removed")
    store.save()

    reopened = StateStore.open("mini", tmp_path)
    claim_ids, section_ids = set(briefing.claim_by_id), set(briefing.section_by_id)
    orphans = reopened.orphaned_notes(claim_ids, section_ids)
    assert set(orphans) == {gone_claim, gone_section, reopened.note_for("section", "c-count")}
    assert reopened.orphaned_bookmarks(claim_ids) == ("c-removed",)
    reopened.add_bookmark("c-doubt")
    reopened.save()  # saving with orphans present keeps them
    assert len(StateStore.open("mini", tmp_path).notes) == 4


# -- the notes export --------------------------------------------------------------------


def test_notes_export_lists_notes_and_bookmarks_with_their_claims(tmp_path: Path) -> None:
    briefing = load_briefing(MINI).briefing
    assert briefing is not None
    store = StateStore.open("mini", tmp_path)
    store.add_bookmark("c-count")
    store.set_note("claim", "c-doubt", "[click me](javascript:alert(1)) <script>\n- not a list\n# not a heading")
    store.set_note("section", "s-count", "Section remark")
    store.set_note("claim", "c-removed", "orphan text")
    store.add_bookmark("c-gone")

    text = notes_to_markdown(briefing, store)
    assert text.startswith("# Notes: A minimal briefing\n") and text.endswith("\n")
    assert "- ★ **John Smith, General** (estimate): Smith puts the number of fighters at 6,500." in text
    assert "> there are 6,500 fighters in the “north” (paragraph 1)" in text
    assert "**Ann Jones, Researcher** (doubt)" in text and "- ★ **Ann Jones" not in text
    assert "\\[click me\\](javascript:alert(1)) \\<script\\>" in text
    assert "\n  \\- not a list" in text and "\n  \\# not a heading" in text
    assert text.index("## The count") < text.index("Section remark") < text.index("## The doubt")
    orphaned = text[text.index("## Orphaned"):]
    assert "`c-removed`" in orphaned and "orphan text" in orphaned and "`c-gone`" in orphaned
    assert notes_to_markdown(briefing, store.snapshot()) == text


def test_notes_export_of_an_empty_state(tmp_path: Path) -> None:
    briefing = load_briefing(MINI).briefing
    assert briefing is not None
    text = notes_to_markdown(briefing, StateStore.open("mini", tmp_path))
    assert "No notes or bookmarks." in text and "## Orphaned" not in text


def test_note_timestamps_survive_to_the_microsecond(tmp_path: Path) -> None:
    store = StateStore.open("mini", tmp_path)
    note = store.set_note("claim", "c-count", "x")
    store.save()
    loaded = StateStore.open("mini", tmp_path).note_for("claim", "c-count")
    assert note is not None and loaded is not None
    assert loaded.updated == note.updated and abs(loaded.updated - datetime.now(UTC)) < timedelta(minutes=1)

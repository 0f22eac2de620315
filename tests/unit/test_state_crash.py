"""A writer killed at any moment leaves the state file either as it was or as it was going to be.

A child process saves a large state over and over; the test SIGKILLs it after a random delay,
many times, and after every kill reads the file: it must parse and be exactly one complete
version the writer produced, never a mix or a truncation, and never older than before the kill.
"""

from __future__ import annotations

import os
import random
import signal
import stat
import time
from pathlib import Path

import pytest

from briefing_tui.state import Position, StateStore
from briefing_tui.state.atomic import temp_prefix
from briefing_tui.state.records import decode_state

BRIEFING = "crash"
ITERATIONS = 200
MAX_DELAY = 0.06  # seconds; long enough for a few saves, short enough to often land inside one
PAYLOAD_CHARS = 250_000  # big enough that writing and fsyncing it is a real fraction of each save

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")


def payload(version: int) -> str:
    """The note text of ``version``: different in every byte position, so a mix would show."""
    unit = f"version {version} of the note; "
    return (unit * (PAYLOAD_CHARS // len(unit) + 1))[:PAYLOAD_CHARS]


def _write_forever(folder: Path) -> None:
    """The child: each save moves the state one version on, keeping all its parts in step."""
    store = StateStore.open(BRIEFING, folder)
    version = int(store.position.filter or 0)
    while True:
        store.remove_bookmark(f"v-{version}")
        version += 1
        store.add_bookmark(f"v-{version}")
        store.set_note("claim", "c-big", payload(version))
        store.set_position(Position(("claim", "c-big"), str(version), "claims"))
        store.save()


def _run_child_and_kill(folder: Path, delay: float) -> None:
    pid = os.fork()
    if pid == 0:  # child: never return into pytest
        try:
            _write_forever(folder)
        finally:
            os._exit(1)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, "the writer died on its own"


def _version_on_disk(path: Path) -> int:
    """The version the file holds, after checking it is one whole version; 0 when there is no file."""
    if not path.exists():
        return 0
    state = decode_state(path.read_bytes(), BRIEFING)  # raises on a truncated or mixed file
    version = int(state.position.filter)
    assert state.bookmarks == {f"v-{version}"}
    note = state.notes[("claim", "c-big")]
    assert note.text == payload(version), f"note of version {version} does not match its position"
    return version


def test_a_killed_writer_never_leaves_a_broken_state_file(tmp_path: Path) -> None:
    rng = random.Random(20240501)
    path = tmp_path / f"{BRIEFING}.json"
    seen = 0
    killed_mid_write = 0
    started = time.monotonic()
    for _ in range(ITERATIONS):
        _run_child_and_kill(tmp_path, rng.uniform(0, MAX_DELAY))
        if any(p.name.startswith(temp_prefix(path)) for p in tmp_path.iterdir()):
            killed_mid_write += 1
        version = _version_on_disk(path)
        assert version >= seen, f"the file went back from version {seen} to {version}"
        seen = version

    assert seen > 0, "the writer never completed a save; the test proved nothing"
    assert killed_mid_write > 0, "no kill landed inside a write; raise PAYLOAD_CHARS or MAX_DELAY"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not list(tmp_path.glob("*.corrupt-*")), "a writer found a damaged file and moved it aside"
    assert time.monotonic() - started < 60
    print(f"{ITERATIONS} kills, {killed_mid_write} inside a write, last version {seen}")

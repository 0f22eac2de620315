"""An exclusive, cross-process lock on a state file, held on a sidecar ``<name>.lock`` file.

The lock lives on a separate file because the state file itself is replaced on every save: a
lock on the old inode would not exclude a process that opened the new one. The sidecar is never
deleted; deleting lock files reopens exactly the race the lock is there to close.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows has no fcntl
    fcntl = None  # type: ignore[assignment]


def lock_path(path: Path) -> Path:
    """The sidecar lock file of ``path``."""
    return path.with_name(path.name + ".lock")


@contextmanager
def exclusive_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (via its sidecar) for the ``with`` block; blocks until free.

    The lock is released when the block ends or the process dies, so a killed instance never
    leaves it stuck. Creates the parent folder (0700) when missing. Where ``fcntl`` is missing
    (Windows) this only creates the sidecar: two instances there can still lose each other's
    edits made between their saves, but each save stays atomic.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(lock_path(path), os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor drops the flock

"""Move a damaged state file out of the way without ever overwriting anything."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from .atomic import fsync_dir


def move_aside(path: Path, moment: datetime | None = None) -> Path:
    """Rename ``path`` to ``<name>.corrupt-<UTC timestamp>`` (``-1``, ``-2``... if taken); return where.

    An existing file is never replaced: the new name is claimed with a hard link, which fails
    when the name exists, and only then is the old name removed. Raises ``OSError`` when the
    file system refuses (the damaged file then stays where it was).
    """
    stamp = (moment or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    base = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 0
    while True:
        target = base if counter == 0 else base.with_name(f"{base.name}-{counter}")
        try:
            _claim(path, target)
        except FileExistsError:
            counter += 1
            continue
        fsync_dir(path.parent)
        return target


def _claim(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except (PermissionError, NotImplementedError, AttributeError):
        # File systems without hard links (FAT, some network mounts). The caller holds the
        # state lock, so checking first cannot race another instance of this program.
        if target.exists():
            raise FileExistsError(target) from None
        os.replace(source, target)
        return
    os.unlink(source)

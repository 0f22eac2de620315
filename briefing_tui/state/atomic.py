"""Replace a file's contents so that a crash leaves either the old or the new version, never a mix.

The recipe: write a temporary file in the same folder (so the rename cannot cross file systems),
flush and fsync it, ``os.replace`` it over the target (atomic on POSIX and Windows), then fsync the
folder so the rename itself survives a power cut. A crash part-way leaves at most a stray
temporary file, named by :func:`temp_prefix`, which :func:`remove_stale_temps` can sweep.
"""

from __future__ import annotations

import os
import secrets
from contextlib import suppress
from pathlib import Path

_TEMP_SUFFIX = ".tmp"


def temp_prefix(path: Path) -> str:
    """The name prefix of every temporary file :func:`write_atomic` makes for ``path``."""
    return f".{path.name}."


def write_atomic(path: Path | str, data: bytes, mode: int = 0o600) -> None:
    """Make ``path`` hold exactly ``data``, atomically, with permissions ``mode`` (default 0600).

    Creates the parent folder (0700) when missing. Readers of ``path`` see either the previous
    contents or ``data``, even if this process is killed at any point. The new file is created
    with ``mode`` from the start (the umask may only remove bits), so its contents are never
    readable by others, not even briefly. Raises ``OSError`` when the file system refuses.
    """
    path = Path(path)
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    while True:
        temp = folder / f"{temp_prefix(path)}{secrets.token_hex(6)}{_TEMP_SUFFIX}"
        try:
            fd = os.open(temp, flags, mode)
            break
        except FileExistsError:  # a leftover with the same random name: astronomically rare, try another
            continue
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
    fsync_dir(folder)


def fsync_dir(folder: Path) -> None:
    """Flush ``folder``'s entries (renames, new files) to disk; a no-op where folders cannot be opened."""
    if not hasattr(os, "O_DIRECTORY"):  # Windows: NTFS journals the rename itself
        return
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_stale_temps(path: Path) -> int:
    """Delete temporary files a killed :func:`write_atomic` left for ``path``; return how many.

    Only safe while no other writer of ``path`` is running (hold the file's lock): a live
    writer's temporary file would be deleted under it.
    """
    prefix = temp_prefix(path)
    removed = 0
    with suppress(FileNotFoundError):
        for entry in os.scandir(path.parent):
            if entry.name.startswith(prefix) and entry.name.endswith(_TEMP_SUFFIX):
                with suppress(FileNotFoundError):
                    os.unlink(entry.path)
                    removed += 1
    return removed

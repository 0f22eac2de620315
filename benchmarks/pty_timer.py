"""Time a command from spawn to exit under a pseudo-terminal, and keep what it drew."""

from __future__ import annotations

import os
import re
import select
import subprocess
import time
from collections.abc import Mapping, Sequence

_ANSI = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


def run_in_pty(command: Sequence[str], env: Mapping[str, str], must_show: str,
               timeout: float = 120.0) -> tuple[float, str]:
    """Run ``command`` with a pty as its terminal until it exits; return (seconds until ``must_show``
    first reached the terminal, screen text without escapes).

    The clock stops when the first frame arrives, not at exit: what a person waits for is the
    frame, and how long an app takes to tear down afterwards is no part of it. The app must still
    exit cleanly, and ``must_show`` must be in its output, or the run fails.
    The output is drained as it comes: a full pty buffer would block the app and inflate the time.
    """
    master, slave = os.openpty()
    os.set_blocking(master, False)
    full_env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40", **env}
    started = time.perf_counter()
    process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=full_env, close_fds=True)
    os.close(slave)
    chunks = []
    shown_at = None
    try:
        while True:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    data = os.read(master, 65536)
                except OSError:  # EIO: the child closed the terminal
                    data = b""
                if data:
                    chunks.append(data)
                    if shown_at is None and must_show in _screen_text(chunks):
                        shown_at = time.perf_counter() - started
                    continue
            if process.poll() is not None:
                break
            if time.perf_counter() - started > timeout:
                process.kill()
                raise TimeoutError(f"{command} did not exit within {timeout:.0f} s")
    finally:
        os.close(master)
    if process.wait() != 0:
        raise RuntimeError(f"{command} exited with {process.returncode}: {b''.join(chunks)[-500:]!r}")
    screen = _screen_text(chunks)
    if shown_at is None:
        raise RuntimeError(f"{' '.join(command)}: its output never showed {must_show!r}; it showed: {screen[-800:]!r}")
    return shown_at, screen


def _screen_text(chunks: list[bytes]) -> str:
    return _ANSI.sub(b"", b"".join(chunks)).decode("utf-8", "replace")

"""Time a command from spawn to exit under a pseudo-terminal, and keep what it drew."""

from __future__ import annotations

import os
import re
import select
import subprocess
import time
from collections.abc import Mapping, Sequence

_ANSI = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


def run_in_pty(command: Sequence[str], env: Mapping[str, str], timeout: float = 120.0) -> tuple[float, str]:
    """Run ``command`` with a pty as its terminal; return (seconds to exit, screen text without escapes).

    The output is drained as it comes: a full pty buffer would block the app and inflate the time.
    """
    master, slave = os.openpty()
    os.set_blocking(master, False)
    full_env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40", **env}
    started = time.perf_counter()
    process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=full_env, close_fds=True)
    os.close(slave)
    chunks = []
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
                    continue
            if process.poll() is not None:
                break
            if time.perf_counter() - started > timeout:
                process.kill()
                raise TimeoutError(f"{command} did not exit within {timeout:.0f} s")
        elapsed = time.perf_counter() - started
    finally:
        os.close(master)
    if process.wait() != 0:
        raise RuntimeError(f"{command} exited with {process.returncode}: {b''.join(chunks)[-500:]!r}")
    return elapsed, _ANSI.sub(b"", b"".join(chunks)).decode("utf-8", "replace")

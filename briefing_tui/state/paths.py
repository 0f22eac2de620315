"""Where reading state lives on disk.

One JSON file per briefing under ``user_data_dir("briefing-tui")/state/`` (platformdirs picks the
right place on Linux, macOS and Windows). ``BRIEFING_TUI_STATE_DIR`` overrides it, for tests and
for a portable install that keeps its state beside it.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "briefing-tui"
STATE_DIR_ENV = "BRIEFING_TUI_STATE_DIR"
STATE_SUFFIX = ".json"

# Letters, digits, '-', '_' and '.' are safe in a file name on every platform we target; the
# first character may not be '.', so no id can name a hidden file, '.' or '..'.
_UNSAFE_NAME_CHARS = re.compile(r"[^a-z0-9_.-]")
_MAX_STEM = 80  # leaves room for suffixes (.json.corrupt-..., .lock, temp names) under NAME_MAX


def state_dir() -> Path:
    """The folder holding every state file: ``$BRIEFING_TUI_STATE_DIR`` when set and non-empty.

    The folder may not exist yet; writers create it.
    """
    override = os.environ.get(STATE_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "state"


def file_stem(briefing_id: str) -> str:
    """A file-name-safe stem for ``briefing_id``; distinct ids always give distinct stems.

    A briefing id is normally a slug and is used as is. Anything else (upper case, '/', '..',
    non-ASCII, very long) is reduced to safe characters and suffixed with a hash of the full id,
    so that "a/b" and "a_b" cannot share a state file.
    """
    if briefing_id and re.fullmatch(r"[a-z0-9][a-z0-9-]*", briefing_id) and len(briefing_id) <= _MAX_STEM:
        return briefing_id
    digest = hashlib.sha256(briefing_id.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    readable = _UNSAFE_NAME_CHARS.sub("_", briefing_id.lower()).lstrip(".")[: _MAX_STEM - 17]
    return f"{readable}-{digest}" if readable else digest


def state_path(briefing_id: str, directory: Path | None = None) -> Path:
    """The state file of ``briefing_id`` in ``directory`` (default: :func:`state_dir`)."""
    return (directory if directory is not None else state_dir()) / (file_stem(briefing_id) + STATE_SUFFIX)

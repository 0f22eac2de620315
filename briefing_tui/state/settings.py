"""What the reader keeps across briefings: for now, the theme chosen in the palette.

Kept in the state folder as ``_settings.json``: a briefing's state file is named after its id,
and no id gives a name starting with "_". Written atomically; a file that cannot be read is
moved aside with a warning, and the reader starts with the defaults.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

from ..model.sanitize import safe_text
from .atomic import write_atomic
from .paths import state_dir
from .quarantine import move_aside

SETTINGS_NAME = "_settings.json"
SETTINGS_VERSION = 1


class Settings(NamedTuple):
    theme: str | None = None  # None: Textual's default


def settings_path(directory: Path | None = None) -> Path:
    return (directory if directory is not None else state_dir()) / SETTINGS_NAME


def load_settings(directory: Path | None = None) -> tuple[Settings, str | None]:
    """The saved settings and a warning to show (None when all is well).

    A missing file gives the defaults; a damaged one is moved aside first. Raises ``OSError``
    only when the folder cannot be read at all.
    """
    path = settings_path(directory)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Settings(), None
    try:
        return _decode(data), None
    except ValueError as error:
        moved = move_aside(path)
        return Settings(), f"the saved settings {path} could not be read ({error}); they were moved to {moved}"


def save_settings(settings: Settings, directory: Path | None = None) -> None:
    """Write ``settings`` atomically. Raises ``OSError`` when the file system refuses."""
    document = {"version": SETTINGS_VERSION, "theme": settings.theme}
    write_atomic(settings_path(directory), (json.dumps(document, indent=2) + "\n").encode("utf-8"))


def _decode(data: bytes) -> Settings:
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"not UTF-8 JSON: {error}") from None
    if not isinstance(document, dict) or document.get("version") != SETTINGS_VERSION:
        raise ValueError(f"expected an object with \"version\": {SETTINGS_VERSION}")
    theme = document.get("theme")
    if theme is not None and (not isinstance(theme, str) or not theme or len(theme) > 100):
        raise ValueError("\"theme\" must be a theme's name")
    return Settings(theme=safe_text(theme) if theme is not None else None)

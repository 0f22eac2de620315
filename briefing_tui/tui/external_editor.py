"""Edit text in the user's $EDITOR (or $VISUAL), through a private temporary file."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path


def configured_editor() -> list[str] | None:
    """The editor command from $VISUAL or $EDITOR, split like a shell would; None when unset."""
    command = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    return shlex.split(command) if command and command.strip() else None


def edit_text(text: str, editor: list[str]) -> str | None:
    """Run ``editor`` on a temporary file holding ``text``; return the edited text, or None if it failed.

    The file is created 0600 because notes are private, and removed afterwards.
    """
    fd, name = tempfile.mkstemp(prefix="briefing-note-", suffix=".md")
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(text)
        if subprocess.run([*editor, str(path)], check=False).returncode != 0:
            return None
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    finally:
        path.unlink(missing_ok=True)

"""Writing an export next to the reader and saying where it went."""

from __future__ import annotations

from pathlib import Path

from textual.dom import DOMNode

from ..state.atomic import write_atomic


def save_in_working_folder(node: DOMNode, name: str, text: str, mode: int = 0o644) -> Path | None:
    """Write ``text`` to ``name`` in the current folder, atomically, and notify where (or why not)."""
    target = Path.cwd() / name
    try:
        write_atomic(target, text.encode("utf-8"), mode=mode)
    except OSError as error:
        node.notify(f"Could not write {target}: {error.strerror or error}", severity="error", markup=False)
        return None
    node.notify(f"Wrote {target}", markup=False)
    return target

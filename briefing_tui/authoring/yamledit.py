"""Edit a briefing YAML in place without disturbing it: ruamel round-trip, atomic replace.

Comments, key order and quoting style survive; the indentation is read from the file so an
untouched line is written back byte for byte.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.util import load_yaml_guess_indent

_MAPPING_INDENT = re.compile(r"^[^\s#-][^:\n]*:\s*(?:#.*)?\n(?P<indent>[ ]+)[^\s#-]", re.MULTILINE)


def _yaml(text: str) -> YAML:
    _data, sequence_indent, offset = load_yaml_guess_indent(text)
    mapping = _MAPPING_INDENT.search(text)
    yaml = YAML(typ="rt")  # round-trip mode builds plain containers only; it never runs tags as code
    yaml.preserve_quotes = True
    yaml.width = 4096  # folding long lines would rewrite lines we never touched
    yaml.indent(mapping=len(mapping["indent"]) if mapping else 2, sequence=sequence_indent or 2, offset=offset or 0)
    return yaml


def load_round_trip(path: Path) -> tuple[Any, YAML, str]:
    """The document at ``path`` for editing, the YAML instance that will write it back, and its text."""
    text = Path(path).read_text(encoding="utf-8")
    yaml = _yaml(text)
    return yaml.load(text), yaml, text


def dump(doc: Any, yaml: YAML) -> str:
    buffer = io.StringIO()
    yaml.dump(doc, buffer)
    return buffer.getvalue()


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so a reader never sees half a file: temp file beside it, fsync, rename."""
    path = Path(path)
    mode = path.stat().st_mode & 0o777 if path.exists() else None
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    try:  # make the rename itself durable where the platform allows it
        folder = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(folder)
    except OSError:
        pass
    finally:
        os.close(folder)


def find_item(doc: Any, collection: str, item_id: str) -> Any:
    """The mapping with ``id: item_id`` in the top-level list ``collection``; KeyError when absent."""
    items = doc.get(collection) if hasattr(doc, "get") else None
    for item in items or []:
        if hasattr(item, "get") and str(item.get("id")) == item_id:
            return item
    raise KeyError(f"no {collection[:-1]} '{item_id}'")

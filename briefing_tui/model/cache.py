"""A parse cache: what the loader built from a briefing file, kept as JSON so the next load skips YAML.

One entry per briefing file, named by a hash of its absolute path, in
``user_cache_dir("briefing-tui")/parsed/`` (``$BRIEFING_TUI_CACHE_DIR/parsed/`` when set). An entry is
two lines: a small JSON header with the key and a SHA-256 of the payload, then the JSON payload (the
built briefing and its problems). An entry is used only when the key still holds:

- the cache format (:data:`CACHE_FORMAT`) and the briefing format (``vocabulary.FORMAT_VERSION``);
- the YAML file's absolute path, size, ``mtime_ns`` and SHA-256 (the loader reads the bytes anyway,
  so hashing them costs little and catches edits that keep size and mtime);
- the source text it references: same size and ``mtime_ns``, or else the same SHA-256 (a ``touch``
  or a checkout that rewrites an identical file costs one hash, not a rebuild);

and when the payload's digest matches. Anything else (missing, truncated, garbage, stale, older
format) is a miss: the loader rebuilds and rewrites the entry. Nothing here raises into the loader.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from . import vocabulary
from .problems import Problem
from .records import Briefing
from .serialize import briefing_from_json, briefing_to_json, problems_from_json, problems_to_json

# Bump whenever what the loader builds, or how it is encoded here, changes: old entries are then ignored.
CACHE_FORMAT = 1
CACHE_DIR_ENV = "BRIEFING_TUI_CACHE_DIR"
_APP = "briefing-tui"


def cache_dir() -> Path:
    """The cache folder: ``$BRIEFING_TUI_CACHE_DIR`` if set, else the platform's user cache dir."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir  # only needed when no override is given

    return Path(user_cache_dir(_APP))


class Cached(NamedTuple):
    """What a cache hit gives back: the loader's result for the file, minus how the file was named."""

    briefing: Briefing | None
    problems: tuple[Problem, ...]


def _source_path(yaml_path: str, briefing: Briefing | None) -> Path | None:
    # The builder reads the source only once the briefing's metadata is complete, i.e. when it
    # returns a briefing; it resolves the path against the YAML file's folder, as written.
    return None if briefing is None else Path(yaml_path).parent / briefing.source.path


def _source_key(path: Path | None) -> dict[str, Any] | None:
    if path is None:
        return None
    try:  # stat before reading: if the file changes in between, the stat is stale and the hash decides
        st = os.stat(path)
        data = path.read_bytes()
    except OSError:
        return {"path": str(path), "missing": True}
    return {"path": str(path), "size": st.st_size, "mtime_ns": st.st_mtime_ns, "sha256": hashlib.sha256(data).hexdigest()}


def _source_still(key: Any) -> bool:
    if key is None:
        return True
    path = key["path"]
    try:
        st = os.stat(path)
    except OSError:
        return bool(key.get("missing"))
    if key.get("missing"):
        return False
    if st.st_size != key["size"]:
        return False
    if st.st_mtime_ns == key["mtime_ns"]:
        return True
    try:  # touched but maybe not changed: the content decides
        return hashlib.sha256(Path(path).read_bytes()).hexdigest() == key["sha256"]
    except OSError:
        return False


class ParseCache:
    """Reads and writes entries in ``folder``; every failure is a miss, never an exception."""

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)

    @classmethod
    def default(cls) -> ParseCache:
        """The cache in :func:`cache_dir`."""
        return cls(cache_dir())

    @staticmethod
    @contextmanager
    def batch() -> Iterator[None]:
        """Hold the cyclic garbage collector off while many briefings are loaded.

        Loading a library allocates about a million small records and none of them form cycles,
        yet each allocation burst triggers collections that rescan everything loaded so far: with
        the collector on, a warm load of 1,000 briefings takes twice as long. Collection resumes
        (and catches up) when the batch ends.
        """
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            yield
        finally:
            if was_enabled:
                gc.enable()

    def entry_path(self, yaml_path: Path | str) -> Path:
        """Where the entry for ``yaml_path`` lives (whether or not it exists)."""
        absolute = str(Path(yaml_path).absolute())
        return self.folder / "parsed" / f"{hashlib.sha256(absolute.encode('utf-8', 'surrogateescape')).hexdigest()}.json"

    @staticmethod
    def _yaml_key(yaml_path: Path, st: os.stat_result, data: bytes) -> dict[str, Any]:
        return {
            "cache_format": CACHE_FORMAT, "format_version": vocabulary.FORMAT_VERSION,
            "path": str(yaml_path.absolute()), "size": st.st_size, "mtime_ns": st.st_mtime_ns,
            "sha256": hashlib.sha256(data).hexdigest(),
        }

    def get(self, yaml_path: Path, st: os.stat_result, data: bytes, display: str) -> Cached | None:
        """The cached result for ``yaml_path`` whose stat is ``st`` and bytes ``data``, or None on a miss.

        ``display`` is how problems name the file; the briefing's ``path`` is ``str(yaml_path)``.
        """
        try:
            raw = self.entry_path(yaml_path).read_bytes()
        except OSError:
            return None
        try:
            header_line, _, payload = raw.partition(b"\n")
            header = json.loads(header_line)
            key = header["key"]
            source = key.pop("source")
            if key != self._yaml_key(yaml_path, st, data) or not _source_still(source):
                return None
            if hashlib.sha256(payload).hexdigest() != header["payload_sha256"]:
                return None
            body = json.loads(payload)
            briefing = None if body["briefing"] is None else briefing_from_json(body["briefing"], str(yaml_path))
            return Cached(briefing, problems_from_json(body["problems"], display))
        except Exception:  # noqa: BLE001 - a damaged entry of any shape is a miss, never a crash
            return None

    def put(self, yaml_path: Path, st: os.stat_result, data: bytes, briefing: Briefing | None,
            problems: tuple[Problem, ...]) -> None:
        """Record what the loader built from ``yaml_path`` (stat ``st``, bytes ``data``); best effort."""
        source_path = _source_path(str(yaml_path.absolute()), briefing)
        source_key = _source_key(source_path)
        if briefing is not None and source_key is not None and not source_key.get("missing"):
            # The source may have changed between the builder reading it and us hashing it; an entry
            # keyed by the new bytes but holding the old build would then be trusted for good.
            if briefing.source.text and not _same_text(source_path, briefing.source.text):
                return
        key = {**self._yaml_key(yaml_path, st, data), "source": source_key}
        payload = json.dumps(
            {"briefing": None if briefing is None else briefing_to_json(briefing), "problems": problems_to_json(problems)},
            ensure_ascii=False, separators=(",", ":"),
        ).encode("utf-8")
        header = json.dumps({"key": key, "payload_sha256": hashlib.sha256(payload).hexdigest()}, separators=(",", ":"))
        try:
            _write_atomic(self.entry_path(yaml_path), header.encode("utf-8") + b"\n" + payload)
        except OSError:
            pass  # a read-only or full cache dir only costs speed


def _same_text(path: Path | None, text: str) -> bool:
    from .sanitize import safe_text
    from .yamltree import decode

    try:
        return path is not None and safe_text(decode(path.read_bytes())) == text
    except Exception:  # noqa: BLE001 - unreadable now: do not cache
        return False


def _write_atomic(path: Path, data: bytes) -> None:
    # state/'s package init imports the model, so import it here rather than at module load.
    from ..state.atomic import write_atomic

    write_atomic(path, data, mode=0o600)

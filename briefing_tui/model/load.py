"""Load briefings from files and folders; every problem comes back as data, never as a traceback."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .problems import NOWHERE, ContentRefused, Mark, Problem
from .records import Briefing

from .limits import MAX_BYTES

# YAML parsing and validation are imported when a file must be built: a warm start from the
# parse cache never needs them.

if TYPE_CHECKING:
    from .cache import ParseCache

MAX_PROBLEMS = 200
BRIEFING_SUFFIXES = (".yaml", ".yml")


class LoadResult(NamedTuple):
    """What loading one file gave: the briefing (None when unusable) and every problem found."""

    path: str
    briefing: Briefing | None
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return self.briefing is not None and not self.problems

    @property
    def unusable(self) -> bool:
        """True when the file could not be read as a briefing at all."""
        return any(p.fatal for p in self.problems)


class _Collector:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.dropped = 0

    def __call__(self, mark: Mark, message: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(self.path, mark, message))
        else:
            self.dropped += 1

    def result(self, briefing: Briefing | None) -> LoadResult:
        problems = sorted(self.problems, key=lambda p: (p.mark.line, p.mark.col))
        if self.dropped:
            problems.append(Problem(self.path, NOWHERE, f"{self.dropped} more problems not shown"))
        return LoadResult(self.path, briefing, tuple(problems))


def _fatal(path: str, mark: Mark, message: str) -> LoadResult:
    return LoadResult(path, None, (Problem(path, mark, message, fatal=True),))


def load_text(text: str, path: Path, display: str | None = None) -> LoadResult:
    """Load a briefing from YAML ``text`` as if read from ``path`` (the source path is relative to it)."""
    from . import schema
    from .build import Builder
    from .fields import Rec, read
    from .yamltree import parse

    shown = display or str(path)
    try:
        root, duplicates = parse(text)
    except ContentRefused as refused:
        return _fatal(shown, refused.mark, refused.message)
    collect = _Collector(shown)
    for mark, message in duplicates:
        collect(mark, message)
    doc = read(root, schema.DOCUMENT, "document", collect)
    if not isinstance(doc, Rec):
        return _fatal(shown, root.mark, "a briefing must be a YAML mapping (key: value), not a list or a single value")
    briefing = Builder(doc, path, collect).build()
    return collect.result(briefing)


def load_briefing(path: Path | str, display: str | None = None, *, cache: ParseCache | None = None) -> LoadResult:
    """Load and validate one briefing file.

    With a ``cache``, a file whose entry still holds comes back from it without being parsed or
    validated again, and a file that had to be built is recorded for next time.
    """
    path = Path(path)
    shown = display or str(path)
    try:
        st = path.stat()
        if st.st_size > MAX_BYTES:
            return _fatal(shown, NOWHERE, f"file is {st.st_size / 1048576:.1f} MiB; briefings are capped at {MAX_BYTES // 1048576} MiB")
        data = path.read_bytes()
    except FileNotFoundError:
        return _fatal(shown, NOWHERE, "no such file")
    except IsADirectoryError:
        return _fatal(shown, NOWHERE, "is a folder, not a briefing file")
    except OSError as error:
        return _fatal(shown, NOWHERE, f"cannot read: {error.strerror or error}")
    if cache is not None:
        hit = cache.get(path, st, data, shown)
        if hit is not None:
            return LoadResult(shown, hit.briefing, hit.problems)
    result = _load_bytes(data, path, shown)
    if cache is not None:
        cache.put(path, st, data, result.briefing, result.problems)
    return result


def _load_bytes(data: bytes, path: Path, shown: str) -> LoadResult:
    from .yamltree import decode

    try:
        text = decode(data)
    except ContentRefused as refused:
        return _fatal(shown, refused.mark, refused.message)
    return load_text(text, path, shown)


def briefing_files(folder: Path) -> list[Path]:
    """Every briefing file under ``folder``, recursively, in a stable order."""
    return sorted(p for p in folder.rglob("*") if p.suffix in BRIEFING_SUFFIXES and p.is_file())


def briefing_targets(paths: list[Path]) -> tuple[list[Path], list[LoadResult]]:
    """The files ``paths`` name (each file, and each briefing file in each folder), and a result
    for every folder that holds none."""
    files: list[Path] = []
    empty: list[LoadResult] = []
    for path in paths:
        if path.is_dir():
            found = briefing_files(path)
            if not found:
                empty.append(_fatal(str(path), NOWHERE, "folder holds no briefing (*.yaml) files"))
            files += found
        else:
            files.append(path)
    return files, empty


def load_paths(paths: list[Path], *, cache: ParseCache | None = None) -> list[LoadResult]:
    """Load each file, and each briefing file in each folder (through ``cache`` when given)."""
    files, empty = briefing_targets(paths)
    with cache.batch() if cache is not None else nullcontext():
        return empty + [load_briefing(f, cache=cache) for f in files]

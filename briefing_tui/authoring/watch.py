"""``validate --watch``: re-validate whenever a briefing or its source text is saved; print what changed.

Polls modification times (no file-watching dependency). A problem is identified by its file and
message, not its line, so inserting a line above it does not report it as fixed and new again.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from ..model import LoadResult, Problem, load_paths
from ..model.load import briefing_files

Snapshot = dict[str, tuple[int, int]]


def _key(problem: Problem) -> tuple[str, str]:
    return problem.path, problem.message


def _unmatched(left: list[Problem], right: list[Problem]) -> tuple[list[Problem], list[Problem]]:
    """Pair problems off, same place first, then same file and message anywhere; return what is left unpaired."""
    pending_left, pending_right = list(left), list(right)
    for key in (lambda p: (p.path, p.mark, p.message), _key):
        pool = Counter(map(key, pending_right))
        kept_left = []
        for problem in pending_left:
            if pool[key(problem)] > 0:
                pool[key(problem)] -= 1
            else:
                kept_left.append(problem)
        pool = Counter(map(key, pending_left))
        kept_right = []
        for problem in pending_right:
            if pool[key(problem)] > 0:
                pool[key(problem)] -= 1
            else:
                kept_right.append(problem)
        pending_left, pending_right = kept_left, kept_right
    return pending_left, pending_right


def problem_lines(previous: Iterable[Problem] | None, current: Iterable[Problem]) -> list[str]:
    """The lines to print when the problems go from ``previous`` to ``current``.

    New problems get "+ ", fixed ones "- "; "clean" when nothing is left and something changed
    (or on the first run, where ``previous`` is None). Nothing at all when nothing changed.
    """
    now = list(current)
    fixed, added = _unmatched(list(previous or []), now)
    lines = [f"- {problem}" for problem in fixed] + [f"+ {problem}" for problem in added]
    if not now and (lines or previous is None):
        lines.append("clean")
    return lines


def watched_files(paths: list[Path], results: list[LoadResult]) -> list[Path]:
    """The YAML files under ``paths`` and the source texts they point at."""
    files: list[Path] = []
    for path in paths:
        files.extend(briefing_files(path) if path.is_dir() else [path])
    for result in results:
        if result.briefing is not None and result.briefing.source.path:
            files.append(Path(result.path).parent / result.briefing.source.path)
    return files


def snapshot(files: list[Path]) -> Snapshot:
    """Modification time and size of each file (absent files count too: deleting one is a change)."""
    state: Snapshot = {}
    for file in files:
        try:
            info = file.stat()
            state[str(file)] = (info.st_mtime_ns, info.st_size)
        except OSError:
            state[str(file)] = (-1, -1)
    return state


def _exit_code(results: list[LoadResult]) -> int:
    if any(r.unusable for r in results):
        return 2
    return 1 if any(r.problems for r in results) else 0


def run_validate_watch(paths: list[Path] | list[str], interval: float = 1.0, once: bool = False, *,
                       sleep: Callable[[float], None] = time.sleep, max_iterations: int | None = None,
                       out: Callable[[str], None] | None = None) -> int:
    """Validate ``paths`` now and again after every save, printing only what changed.

    ``once`` validates a single time. ``sleep``, ``max_iterations`` and ``out`` let a test drive the
    loop; the command runs until interrupted. Returns the exit code of the last validation.
    """
    emit = out or (lambda line: print(line, flush=True, file=sys.stdout))
    targets = [Path(p) for p in paths]
    previous: list[Problem] | None = None
    seen: Snapshot | None = None
    results: list[LoadResult] = []
    iterations = 0
    while True:
        files = watched_files(targets, results)
        state = snapshot(files)
        if state != seen:
            results = load_paths(targets)
            state = snapshot(watched_files(targets, results))  # the sources are known only after loading
            current = [p for r in results for p in r.problems]
            for line in problem_lines(previous, current):
                emit(line)
            previous, seen = current, state
        iterations += 1
        if once or (max_iterations is not None and iterations >= max_iterations):
            return _exit_code(results)
        sleep(interval)

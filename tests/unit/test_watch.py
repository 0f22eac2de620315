"""`validate --watch`: only what changed is printed; the loop is driven by an injected sleep."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from briefing_tui.authoring.watch import problem_lines, run_validate_watch
from briefing_tui.model import Mark, Problem
from conftest import DATA

MINI_DIR = DATA / "mini"


def _p(message: str, line: int = 3, path: str = "b.yaml") -> Problem:
    return Problem(path, Mark(line, 5), message)


def test_first_run_lists_problems_or_says_clean() -> None:
    assert problem_lines(None, []) == ["clean"]
    assert problem_lines(None, [_p("unknown actor 'x'")]) == ["+ b.yaml:3:5: unknown actor 'x'"]


def test_new_and_fixed_problems_are_marked_and_unchanged_ones_are_quiet() -> None:
    old, kept, new = _p("quote not found"), _p("unknown topic 't'"), _p("duplicate claim id 'c'")
    assert problem_lines([old, kept], [kept, new]) == ["- b.yaml:3:5: quote not found",
                                                      "+ b.yaml:3:5: duplicate claim id 'c'"]
    assert problem_lines([kept], [kept]) == []
    assert problem_lines([kept], []) == ["- b.yaml:3:5: unknown topic 't'", "clean"]
    assert problem_lines([], []) == []


def test_a_problem_that_only_shifted_lines_is_not_reported_again() -> None:
    assert problem_lines([_p("quote not found", line=3)], [_p("quote not found", line=4)]) == []


def test_the_same_message_twice_counts_twice() -> None:
    assert problem_lines([_p("empty")], [_p("empty"), _p("empty", line=9)]) == ["+ b.yaml:9:5: empty"]


def _touch(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    stamp = path.stat().st_mtime_ns + 10_000_000  # a later mtime even on coarse-grained file systems
    os.utime(path, ns=(stamp, stamp))


def test_the_loop_revalidates_after_each_save_and_prints_only_the_changes(tmp_path: Path) -> None:
    folder = tmp_path / "mini"
    shutil.copytree(MINI_DIR, folder)
    briefing = folder / "briefing.yaml"
    good = briefing.read_text(encoding="utf-8")
    article = folder / "article.txt"
    edits = [
        lambda: _touch(briefing, good.replace("actor: jones", "actor: jonas")),  # break the YAML
        lambda: None,  # nothing saved: nothing printed
        lambda: _touch(briefing, good),  # fix it
        lambda: _touch(article, article.read_text(encoding="utf-8") + "One more line.\n"),  # the source changes
    ]
    printed: list[list[str]] = []
    lines: list[str] = []

    def sleep(_seconds: float) -> None:
        printed.append(list(lines))
        lines.clear()
        edits[len(printed) - 1]()

    code = run_validate_watch([briefing], interval=0.5, sleep=sleep, max_iterations=5, out=lines.append)
    printed.append(list(lines))
    assert printed[0] == ["clean"]
    assert all(line.startswith("+ ") for line in printed[1])
    assert any("unknown actor 'jonas'" in line for line in printed[1]) and "clean" not in printed[1]
    assert printed[2] == []
    assert len(printed[3]) == len(printed[1]) + 1 and printed[3][-1] == "clean"
    assert all(line.startswith("- ") for line in printed[3][:-1])
    assert any("SHA-256" in line for line in printed[4]) and all(line.startswith("+ ") for line in printed[4])
    assert code == 1


def test_once_validates_a_single_time(tmp_path: Path) -> None:
    lines: list[str] = []
    calls: list[float] = []
    assert run_validate_watch([MINI_DIR], once=True, sleep=calls.append, out=lines.append) == 0
    assert lines == ["clean"] and calls == []

"""Input that must be refused before any object is built: clear located messages, exit 2, bounded cost."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from briefing_tui.cli import main
from briefing_tui.model import load_briefing
from conftest import DATA, MINI

REFUSED = DATA / "refused"

CASES = {
    "syntax-error.yaml": (5, 14, "YAML syntax error: did not find expected ',' or ']'"),
    "anchor.yaml": (3, 5, "YAML anchors (&name) are not allowed"),
    "alias.yaml": (4, 8, "YAML aliases (*name) are not allowed"),
    "billion-laughs.yaml": (1, 4, "YAML anchors (&name) are not allowed"),
    "python-tag.yaml": (2, 11, "YAML tags (tag:yaml.org,2002:python/object/apply:os.system) are not allowed"),
    "local-tag.yaml": (2, 11, "YAML tags (!custom) are not allowed"),
    "several-documents.yaml": (2, 1, "several YAML documents in one file"),
    "empty.yaml": (1, 1, "file is empty"),
    "comments-only.yaml": (1, 1, "file is empty"),
    "top-level-list.yaml": (1, 1, "a briefing must be a YAML mapping"),
    "top-level-scalar.yaml": (1, 1, "a briefing must be a YAML mapping"),
    "utf16.yaml": (1, 1, "file is UTF-16 or UTF-32; save it as UTF-8"),
    "latin1.yaml": (3, 13, "not valid UTF-8 (byte 0xe9)"),
    "escape-in-yaml.yaml": (3, 11, "character U+001B is not allowed in YAML"),
    "deep-nesting.yaml": (1, None, "nesting"),
}


def test_every_refused_fixture_has_an_expectation() -> None:
    assert {p.name for p in REFUSED.glob("*.yaml")} == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_refused_with_a_located_message(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    line, col, message = CASES[name]
    result = load_briefing(REFUSED / name)
    assert result.unusable and result.briefing is None
    (problem,) = result.problems
    assert message in problem.message
    assert problem.mark.line == line
    if col is not None:
        assert problem.mark.col == col
    assert main(["validate", str(REFUSED / name)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{REFUSED / name}:{line}:") and "Traceback" not in err


def test_python_tags_never_run_anything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sentinel = tmp_path / "pwned"
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text(f"format: 1\nbriefing: !!python/object/apply:os.system ['touch {sentinel}']\n")
    assert load_briefing(hostile).unusable
    assert not sentinel.exists()


def test_alias_bomb_costs_little_time_and_memory() -> None:
    bomb = REFUSED / "billion-laughs.yaml"
    tracemalloc.start()
    started = time.perf_counter()
    result = load_briefing(bomb)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert result.unusable
    # expanded, this file would be 9**9 strings; refused, it costs next to nothing
    assert peak < 5 * 1024 * 1024
    assert elapsed < 5


def test_deep_nesting_is_refused_without_crashing_the_process(tmp_path: Path) -> None:
    nested = tmp_path / "nested.yaml"
    nested.write_text("format: " + "[" * 200_000 + "]" * 200_000 + "\n")
    result = load_briefing(nested)
    assert result.unusable and "nesting" in result.problems[0].message


def test_nesting_just_past_the_format_is_refused_by_us(tmp_path: Path) -> None:
    nested = tmp_path / "nested.yaml"
    nested.write_text("format: " + "[" * 30 + "]" * 30 + "\n")
    (problem,) = load_briefing(nested).problems
    assert problem.message == "nesting deeper than 12 levels"


def test_multi_megabyte_file_is_refused_by_size(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("format: 1\nfiller: '" + "x" * (6 * 1024 * 1024) + "'\n")
    (problem,) = load_briefing(big).problems
    assert problem.fatal and "capped at 4 MiB" in problem.message


def test_very_long_lines_load(tmp_path: Path) -> None:
    text = MINI.read_text(encoding="utf-8").replace(
        "bluf: Officials disagree on the size of the threat.", "bluf: " + "w" * 200_000
    )
    target = tmp_path / "briefing.yaml"
    target.write_text(text, encoding="utf-8")
    (tmp_path / "article.txt").write_bytes((MINI.parent / "article.txt").read_bytes())
    result = load_briefing(target)
    assert result.problems == ()
    assert result.briefing is not None and len(result.briefing.bluf) == 200_000


def test_missing_file_and_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "nope.yaml")]) == 2
    assert main(["validate", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'nope.yaml'}:1:1: no such file" in err
    assert "folder holds no briefing" in err

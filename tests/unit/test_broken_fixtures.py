"""Every validation problem kind, each in a small broken fixture whose first line states what must be reported."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing_tui.cli import main
from briefing_tui.model import load_briefing
from conftest import DATA, MINI

BROKEN = sorted((DATA / "broken").glob("*.yaml"))
_EXPECT = re.compile(r"^# expect: (\d+):(\d+): (.+)$")


def _expectation(path: Path) -> tuple[int, int, str]:
    match = _EXPECT.match(path.read_text(encoding="utf-8").splitlines()[0])
    assert match, f"{path.name} must start with '# expect: LINE:COL: message'"
    return int(match[1]), int(match[2]), match[3]


def test_the_corpus_covers_every_problem_kind() -> None:
    names = {p.stem for p in BROKEN}
    assert {
        "duplicate-key", "unknown-key", "missing-field", "mistyped-field", "duplicate-id", "unknown-actor",
        "unknown-topic", "unknown-section", "unknown-claim", "quote-not-found", "quote-outside-section",
        "paragraph-twice", "paragraph-uncovered", "one-position", "sha-mismatch",
    } <= names


def test_the_unbroken_original_is_clean() -> None:
    result = load_briefing(MINI)
    assert result.problems == ()
    assert result.briefing is not None


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_problem_is_reported_at_its_line_and_column(path: Path) -> None:
    line, col, message = _expectation(path)
    result = load_briefing(path)
    located = [p for p in result.problems if message in p.message]
    assert located, f"no problem mentions {message!r}; got {[str(p) for p in result.problems]}"
    assert (located[0].mark.line, located[0].mark.col) == (line, col)
    assert str(located[0]).startswith(f"{path}:{line}:{col}: ")
    assert not result.unusable  # a broken briefing is still a briefing: the reader can show it with its problems


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_validate_exits_1_and_prints_located_problems(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line, col, message = _expectation(path)
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:{line}:{col}: " in err
    assert "Traceback" not in err


def test_every_problem_is_reported_not_only_the_first(tmp_path: Path) -> None:
    text = MINI.read_text(encoding="utf-8")
    text = text.replace("actor: jones", "actor: nobody").replace("kind: doubt", "kind: guess")
    text = text.replace("    paragraphs: [2]", "    paragraphs: [1]")
    broken = tmp_path / "briefing.yaml"
    broken.write_text(text, encoding="utf-8")
    (tmp_path / "article.txt").write_bytes((MINI.parent / "article.txt").read_bytes())
    messages = [p.message for p in load_briefing(broken).problems]
    assert any("unknown actor 'nobody'" in m for m in messages)
    assert any("'guess' must be one of" in m for m in messages)
    assert any("paragraph 1 is already in section" in m for m in messages)
    assert any("paragraph 2 of the source is in no section" in m for m in messages)

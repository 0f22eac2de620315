"""The source path and text come from untrusted content too."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from briefing_tui.model import load_briefing
from conftest import MINI


def _briefing_pointing_at(tmp_path: Path, source_path: str, sha: str = "0" * 64) -> Path:
    text = MINI.read_text(encoding="utf-8").replace("path: article.txt", f"path: {source_path}")
    text = text.replace(text.split("sha256: ")[1].split("\n")[0], sha)
    target = tmp_path / "briefing.yaml"
    target.write_text(text, encoding="utf-8")
    return target


def test_absolute_source_path_is_refused(tmp_path: Path) -> None:
    result = load_briefing(_briefing_pointing_at(tmp_path, "/etc/hostname"))
    assert any("must be relative to the briefing file" in p.message for p in result.problems)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    result = load_briefing(_briefing_pointing_at(tmp_path, "pipe.txt"))
    assert any("is not a regular file" in p.message for p in result.problems)


def test_windows_line_endings_leave_no_stray_characters(tmp_path: Path) -> None:
    data = (MINI.parent / "article.txt").read_bytes().replace(b"\n", b"\r\n")
    (tmp_path / "article.txt").write_bytes(data)
    result = load_briefing(_briefing_pointing_at(tmp_path, "article.txt", hashlib.sha256(data).hexdigest()))
    assert result.problems == ()
    assert all("\ufffd" not in p.text for p in result.briefing.source.paragraphs)
    assert len(result.briefing.source.paragraphs) == 2

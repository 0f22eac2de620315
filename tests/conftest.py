from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
DATA = TESTS / "data"
CONTENT = ROOT / "content"
MINI = DATA / "mini" / "briefing.yaml"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real user's state or cache."""
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("BRIEFING_TUI_STATE_DIR", str(base / "state"))
    monkeypatch.setenv("BRIEFING_TUI_CACHE_DIR", str(base / "cache"))

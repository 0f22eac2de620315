"""The core (model, query, state, export, CLI) imports no Textual: scripts and tests of it stay fast and headless."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "briefing_tui", "briefing_tui.model", "briefing_tui.query", "briefing_tui.query.filters",
    "briefing_tui.export.json_export", "briefing_tui.export.markdown", "briefing_tui.state", "briefing_tui.state.store",
    "briefing_tui.export.notes_markdown", "briefing_tui.cli", "briefing_tui.model.cache",
    "briefing_tui.model.serialize", "briefing_tui.query.library", "briefing_tui.authoring.commands",
]


def _ui_modules_after_importing(modules: list[str]) -> list[str]:
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return [m for m in out.strip().split(",") if m]


def test_core_imports_no_textual_or_rich() -> None:
    assert _ui_modules_after_importing(CORE) == []


def test_the_check_sees_textual_when_it_is_imported() -> None:
    assert "textual" in _ui_modules_after_importing(["textual.app"])

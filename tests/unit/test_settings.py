"""Settings kept across briefings: written atomically, a damaged file set aside, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui.state.paths import state_path
from briefing_tui.state.settings import SETTINGS_NAME, Settings, load_settings, save_settings


def test_settings_round_trip(tmp_path: Path) -> None:
    assert load_settings(tmp_path) == (Settings(), None)  # nothing saved yet: the defaults, no warning
    save_settings(Settings(theme="nord"), tmp_path)
    assert load_settings(tmp_path) == (Settings(theme="nord"), None)
    assert (tmp_path / SETTINGS_NAME).stat().st_mode & 0o077 == 0  # the reader's alone


@pytest.mark.parametrize("damage", [b"{not json", b"\xff\xfe", b'{"version": 2, "theme": "nord"}',
                                    b'{"version": 1, "theme": 7}', b'["nord"]', b'{"version": 1, "theme": ""}'])
def test_a_damaged_settings_file_is_moved_aside_with_a_warning(tmp_path: Path, damage: bytes) -> None:
    (tmp_path / SETTINGS_NAME).write_bytes(damage)
    settings, warning = load_settings(tmp_path)
    assert settings == Settings()
    assert warning is not None and "moved to" in warning
    kept = list(tmp_path.glob(f"{SETTINGS_NAME}.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == damage  # set aside as it was, not lost
    assert not (tmp_path / SETTINGS_NAME).exists()


def test_no_briefing_id_can_name_the_settings_file(tmp_path: Path) -> None:
    for briefing_id in ("_settings", "settings", "_SETTINGS", "_settings.json", "", "_"):
        assert state_path(briefing_id, tmp_path).name != SETTINGS_NAME, briefing_id

from __future__ import annotations

import sys
import unicodedata

import pytest

from briefing_tui.model.sanitize import REPLACEMENT, is_safe, safe_text


def test_table_covers_every_control_format_and_separator_character() -> None:
    kept = {"\n", "\t", "\u200c", "\u200d", "\u00ad"}
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char in kept:
            assert safe_text(char) == char
        elif unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp"):
            assert safe_text(char) == REPLACEMENT, f"U+{code:04X} passes through"


@pytest.mark.parametrize(
    "text",
    ["plain", "[b]markup[/b]", "[@click=app.quit]x[/]", "“curly” – dash", "漢字 and e\u0301", "emoji 👩\u200d💻"],
)
def test_printable_text_is_untouched(text: str) -> None:
    assert safe_text(text) == text and is_safe(text)


def test_escape_sequences_are_defused() -> None:
    assert safe_text("\x1b]52;c;SGVsbG8=\x07") == f"{REPLACEMENT}]52;c;SGVsbG8={REPLACEMENT}"
    assert safe_text("\x1b[2J\x9b31m") == f"{REPLACEMENT}[2J{REPLACEMENT}31m"
    assert not is_safe("bidi \u202e override")

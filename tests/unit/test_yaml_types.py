"""YAML 1.1 surprises: where the format wants text, the author's text is kept as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui.model import load_text
from conftest import MINI


def _load(text: str):
    return load_text(text, MINI)


@pytest.mark.parametrize("word", ["no", "yes", "off", "on", "null", "~", "2023-01-30", "1.5", "0x1F", ".inf"])
def test_plain_scalars_stay_text_where_the_format_wants_text(word: str) -> None:
    original = MINI.read_text(encoding="utf-8")
    result = _load(original.replace("    name: Threats", f"    name: {word}"))
    assert result.briefing is not None
    if word in ("null", "~"):
        assert any("topic 'name' is empty" in p.message for p in result.problems)
    else:
        assert result.problems == ()
        assert result.briefing.topic_by_id["threats"].name == word


def test_quoted_numbers_are_not_numbers_where_the_format_wants_numbers() -> None:
    text = MINI.read_text(encoding="utf-8").replace("paragraphs: [2]", "paragraphs: ['2']")
    messages = [p.message for p in _load(text).problems]
    assert "section 'paragraphs' must be a whole number, found '2'" in messages


def test_boolean_is_not_a_number() -> None:
    text = MINI.read_text(encoding="utf-8").replace("value: 6500", "value: yes")
    assert "figure 'value' must be a number, found 'yes'" in [p.message for p in _load(text).problems]


def test_figures_keep_their_numeric_type() -> None:
    text = MINI.read_text(encoding="utf-8").replace("value: 6500", "value: 6.5e3")
    claim = _load(text).briefing.claim_by_id["c-count"]
    assert claim.figures[0].value == 6500.0


def test_unquoted_impossible_date_is_a_problem_not_a_crash() -> None:
    text = MINI.read_text(encoding="utf-8").replace('date: "2023-01"', "date: 2024-02-30")
    assert "date '2024-02-30' is not a day of the calendar" in [p.message for p in _load(text).problems]


def test_control_characters_from_escapes_never_reach_the_model(tmp_path: Path) -> None:
    text = MINI.read_text(encoding="utf-8").replace(
        "title: A minimal briefing", 'title: "A\\e]0;pwned\\aB\\u202eC\\x9bD"'
    )
    briefing = _load(text).briefing
    assert briefing.title == "A\ufffd]0;pwned\ufffdB\ufffdC\ufffdD"

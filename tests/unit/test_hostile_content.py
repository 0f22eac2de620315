"""The hostile fixture loads clean, and nothing that could drive a terminal survives into the model.

tests/data/hostile/ is a valid briefing whose every string carries Textual markup, ANSI/OSC
escapes, C1 controls, bidi overrides, zero-width and wide characters, and a 10,000-character
word. The loader must accept it without a problem, replace every control and format character
with U+FFFD, and keep markup-like brackets as the literal text they are.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from briefing_tui.export.notes_markdown import notes_to_markdown
from briefing_tui.model import Briefing, load_briefing
from briefing_tui.state import Note, ReadingState
from briefing_tui.state.records import now

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"
FFFD = "\ufffd"
ALLOWED = {"\n", "\t", "\u200c", "\u200d", "\u00ad"}  # newline, tab, ZWNJ, ZWJ, soft hyphen
UNSAFE_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    result = load_briefing(HOSTILE / "briefing.yaml")
    assert [str(p) for p in result.problems] == []
    assert result.briefing is not None
    return result.briefing


def strings_in(value: object, where: str = "briefing") -> Iterator[tuple[str, str]]:
    """Every string reachable from ``value`` through dataclass fields, tuples, lists and mappings."""
    if isinstance(value, str):
        yield where, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from strings_in(getattr(value, f.name), f"{where}.{f.name}")
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from strings_in(key, f"{where}[key]")
            yield from strings_in(item, f"{where}[{key!r}]")
    elif isinstance(value, (tuple, list)):
        for index, item in enumerate(value):
            yield from strings_in(item, f"{where}[{index}]")


def unsafe_characters(text: str) -> list[str]:
    return [f"U+{ord(c):04X}" for c in text if c not in ALLOWED and unicodedata.category(c) in UNSAFE_CATEGORIES]


def test_the_fixture_really_is_hostile() -> None:
    """Guards the fixture itself: if someone 'cleans' it, the other tests would prove nothing."""
    raw = (HOSTILE / "article.txt").read_bytes()
    for needle in ("\x1b[2J", "\x1b]0;pwned\x07", "\x1b]52;c;SGVsbG8=\x07", "\x1b]8;;http://x\x1b\\", "\x9b",
                   "\u202e", "\u200b", "\u2028", "[@click=app.quit]x[/]", "[link='file:///etc/passwd']", "[/\n"):
        assert needle.encode() in raw, needle
    yaml_text = (HOSTILE / "briefing.yaml").read_text(encoding="utf-8")
    for escape in (r"\e[2J", r"\e]0;pwned\a", r"\e]52;c;SGVsbG8=\a", r"\e]8;;http://x\e\\link", r"\x9b", r"\u202e",
                   r"\u200b", "[$x]", "[R-TX]", "[Reuters]", "漢字", r"e\u0301"):
        assert escape in yaml_text, escape


def test_no_control_or_format_character_reaches_the_model(briefing: Briefing) -> None:
    found = list(strings_in(briefing))
    assert len(found) > 100  # the walk reached the records, not just the top level
    leaks = {where: unsafe_characters(text) for where, text in found if unsafe_characters(text)}
    assert leaks == {}


def test_the_walk_would_see_a_leak(briefing: Briefing) -> None:
    tampered = dataclasses.replace(briefing, bluf=briefing.bluf + "\x1b]52;c;x\x07")
    assert any(unsafe_characters(text) for _where, text in strings_in(tampered))


def test_markup_is_kept_as_literal_text(briefing: Briefing) -> None:
    smith = briefing.actor_by_id["smith"]
    assert smith.name == "[@click=app.quit]General[/] [b]Smith[/b] [R-TX]"
    assert "General [R-TX] Smith" in smith.aliases
    assert briefing.actor_by_id["hostile-times"].name == "[link='file:///etc/passwd']Hostile Times[/link]"
    assert briefing.actor_by_id["hostile-times"].aliases[0] == "[Reuters]"
    assert briefing.section_by_id["s-markup"].title.startswith("[b]Markup[/b] and [@click=app.quit]clicks[/]")
    assert briefing.topic_by_id["markup"].name == "[b]Markup[/b] [/]"
    markup = briefing.claim_by_id["c-markup"]
    assert all(tag in markup.quote for tag in ("[b]Bold[/b]", "[R-TX]", "[$x]", "[/]"))
    assert briefing.claim_by_id["c-osc"].quote.endswith("here [/")
    assert briefing.disputes[0].positions[0].label.startswith("[R-TX]")


def test_escapes_are_replaced_not_removed(briefing: Briefing) -> None:
    assert briefing.title == f"[b]Hostile[/b] briefing {FFFD}[2J [@click=app.quit]quit[/] {FFFD}evil"
    osc = briefing.claim_by_id["c-osc"].quote
    assert f"{FFFD}]52;c;SGVsbG8={FFFD}" in osc and f"{FFFD}]8;;http://x{FFFD}\\link" in osc
    assert f"{FFFD}]0;pwned{FFFD}" in briefing.claim_by_id["c-title"].summary
    assert f"{FFFD}31m" in briefing.actor_by_id["ministry"].name


def test_wide_combining_and_joined_characters_survive(briefing: Briefing) -> None:
    unicode_claim = briefing.claim_by_id["c-unicode"]
    assert "北京市 漢字 テスト" in unicode_claim.quote
    assert "e\u0301" in unicode_claim.quote and "n\u0303" in unicode_claim.quote
    assert "👩\u200d💻" in unicode_claim.quote  # the zero-width joiner is legitimate and kept
    assert "スミス将軍" in briefing.actor_by_id["smith"].aliases


def test_the_long_word_is_whole(briefing: Briefing) -> None:
    long_claim = briefing.claim_by_id["c-long"]
    assert len(long_claim.summary) == 10_000 and " " not in long_claim.summary
    assert briefing.section_by_id["s-long"].title == long_claim.summary
    assert briefing.actor_by_id["ministry"].role == long_claim.summary


def test_quotes_are_found_where_they_stand(briefing: Briefing) -> None:
    assert len(briefing.source.paragraphs) == 6  # line and paragraph separators did not split paragraph 6
    for claim in briefing.claims:
        assert claim.span is not None, claim.id
        assert briefing.source.text[claim.span.start:claim.span.end] == claim.quote


def test_every_kind_of_text_field_carries_hostile_content(briefing: Briefing) -> None:
    """Keeps the fixture covering each place the reader shows text."""
    def hostile(text: str) -> bool:
        return FFFD in text or "[" in text or len(text) >= 10_000 or not text.isascii()

    smith = briefing.actor_by_id["smith"]
    fields = {
        "actor name": smith.name, "alias": smith.aliases[1], "role": smith.role,
        "section title": briefing.sections[0].title, "claim summary": briefing.claims[0].summary,
        "dispute question": briefing.disputes[0].question, "position label": briefing.disputes[0].positions[1].label,
        "topic name": briefing.topics[1].name, "bluf": briefing.bluf, "publication": briefing.publication,
        "key judgment": briefing.key_judgments[0].text, "figure unit": briefing.claims[0].figures[0].unit,
        "grading note": briefing.claims[0].grading.note if briefing.claims[0].grading else "",
        "source text": briefing.source.text,
    }
    assert [name for name, text in fields.items() if not hostile(text)] == []


def test_the_notes_export_of_hostile_content_stays_inert(briefing: Briefing) -> None:
    state = ReadingState(bookmarks={"c-markup"}, notes={
        ("claim", "c-osc"): Note("claim", "c-osc", "[x](javascript:1) <b>", now()),
    })
    text = notes_to_markdown(briefing, state)
    assert unsafe_characters(text) == []
    body = re.sub(r"(?m)^\s*> ", "", text)  # the export's own blockquote markers
    # every bracket is escaped (a backslash before it that is not itself escaped): no link or HTML survives
    assert re.search(r"(?<!\\)(\\\\)*[\[\]<>]", body) is None
    assert "\\[@click=app.quit\\]" in text
    assert "\\[x\\](javascript:1) \\<b\\>" in text

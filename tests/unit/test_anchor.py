"""`anchor`: quotes found again after the source changed; only quote anchors and the sha256 are rewritten."""

from __future__ import annotations

import argparse
import difflib
import hashlib
from pathlib import Path

import pytest

from briefing_tui.authoring.anchor import anchor_briefing, best_window
from briefing_tui.authoring.commands import register
from briefing_tui.model import load_briefing
from briefing_tui.model.source import split_paragraphs

OLD = """\
Border talks stall
Smith said the fighters number 6,500 in the north. The army denied any losses.
Jones questioned the figure and called it inflated.
Officials promised new funding for the border. Nothing has arrived yet.
source: Example Times
"""

# Edited words in paragraph 2, paragraphs 3 and 4 swapped, one sentence deleted.
NEW = """\
Border talks stall
Smith said the fighters number about 6,500 in the north. The army denied any losses.
Officials promised new funding for the border.
Jones questioned the figure and called it inflated.
source: Example Times
"""

YAML = """\
# A briefing kept by hand: these comments must survive.
format: 1
briefing:
  id: talks
  title: Border talks stall
  publication: Example Times
  date: "2024-02"
  date_precision: month
  language: en
  source:
    path: article.txt
    sha256: {sha}
  bluf: Talks stall over a disputed count.
  key_judgments: []
topics:
  - {{id: border, name: Border}}
actors:
  - {{id: times, name: Example Times, kind: media}}
  - {{id: smith, name: John Smith, kind: person}}
  - {{id: army, name: The army, kind: organization}}
  - {{id: jones, name: Ann Jones, kind: person}}
  - {{id: officials, name: Officials, kind: government}}
sections:
  - {{id: s-count, title: The count, topics: [border], paragraphs: [1, 2]}}
  - {{id: s-doubt, title: The doubt, topics: [border], paragraphs: [3]}}
  - {{id: s-money, title: The money, topics: [border], paragraphs: [4]}}
claims:
  # the count, as Smith gives it
  - id: c-count
    section: s-count
    actor: smith
    topics: [border]
    quote: "the fighters number 6,500 in the north"
    summary: Smith counts 6,500 fighters.
    kind: estimate
    via: [times, smith]  # straight from the paper
  - id: c-denial
    section: s-count
    actor: army
    topics: [border]
    quote: The army denied any losses.
    summary: The army denies losses.
    kind: denial
  - id: c-doubt
    section: s-doubt
    actor: jones
    topics: [border]
    quote: Jones questioned the figure and called it inflated.
    summary: Jones doubts the count.
    kind: doubt
  - id: c-promise
    section: s-money
    actor: officials
    topics: [border]
    quote: Officials promised new funding for the border.
    summary: Officials promise money.
    kind: promise
  - id: c-nothing
    section: s-money
    actor: times
    topics: [border]
    quote: 'Nothing has arrived yet.'
    summary: No money yet.
    kind: assertion
"""


def _setup(tmp_path: Path) -> Path:
    (tmp_path / "article.txt").write_text(OLD, encoding="utf-8")
    briefing = tmp_path / "briefing.yaml"
    briefing.write_text(YAML.format(sha=hashlib.sha256(OLD.encode()).hexdigest()), encoding="utf-8")
    assert load_briefing(briefing).ok
    return briefing


def _changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]


def test_anchor_reports_unchanged_moved_changed_gone_and_touches_only_anchors(tmp_path: Path) -> None:
    briefing = _setup(tmp_path)
    before = briefing.read_text(encoding="utf-8")
    (tmp_path / "article.txt").write_text(NEW, encoding="utf-8")
    report = anchor_briefing(briefing)
    status = {r.claim: r.status for r in report.results}
    assert status == {"c-count": "changed", "c-denial": "unchanged", "c-doubt": "moved",
                      "c-promise": "moved", "c-nothing": "gone"}
    lines = "\n".join(report.lines())
    assert 'c-count: changed "the fighters number 6,500 in the north" -> "the fighters number about 6,500 in the north"' in lines
    assert "c-doubt: moved (same words, now in paragraph 4)" in lines
    assert "c-nothing: gone" in lines
    assert report.exit_code == 1

    after = briefing.read_text(encoding="utf-8")
    changed = _changed_lines(before, after)
    assert changed == [
        "-     sha256: " + hashlib.sha256(OLD.encode()).hexdigest(),
        "+     sha256: " + hashlib.sha256(NEW.encode()).hexdigest(),
        '-     quote: "the fighters number 6,500 in the north"',
        '+     quote: "the fighters number about 6,500 in the north"',
    ]
    result = load_briefing(briefing)
    # what is left is what the report listed: the gone quote and the two that moved out of their sections
    assert sorted(p.message.split(":")[0] for p in result.problems) == ["claim 'c-doubt'", "claim 'c-nothing'",
                                                                        "claim 'c-promise'"]


def test_anchor_with_nothing_changed_writes_nothing(tmp_path: Path) -> None:
    briefing = _setup(tmp_path)
    before = briefing.stat().st_mtime_ns, briefing.read_text(encoding="utf-8")
    report = anchor_briefing(briefing)
    assert {r.status for r in report.results} == {"unchanged"}
    assert report.exit_code == 0 and not report.written
    assert (briefing.stat().st_mtime_ns, briefing.read_text(encoding="utf-8")) == before


def test_the_old_text_finds_a_heavily_reworded_quote_by_its_surroundings(tmp_path: Path) -> None:
    briefing = _setup(tmp_path)
    old = tmp_path / "old.txt"
    old.write_text(OLD, encoding="utf-8")
    reworded = OLD.replace("the fighters number 6,500 in the north", "some 6,500 armed men are based up north")
    (tmp_path / "article.txt").write_text(reworded, encoding="utf-8")
    assert {r.claim: r.status for r in anchor_briefing(briefing, write=False).results}["c-count"] == "gone"
    report = anchor_briefing(briefing, old_source=old)
    found = {r.claim: r for r in report.results}["c-count"]
    assert (found.status, found.new) == ("changed", "some 6,500 armed men are based up north")
    assert report.exit_code == 0
    assert load_briefing(briefing).ok


def test_anchor_command_exit_codes_and_dry_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    briefing = _setup(tmp_path)
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command", required=True))
    (tmp_path / "article.txt").write_text(NEW, encoding="utf-8")
    before = briefing.read_text(encoding="utf-8")
    args = parser.parse_args(["anchor", "--dry-run", str(briefing)])
    assert args.run(args) == 1
    assert "c-nothing: gone" in capsys.readouterr().out
    assert briefing.read_text(encoding="utf-8") == before
    missing = parser.parse_args(["anchor", str(tmp_path / "nope.yaml")])
    assert missing.run(missing) == 2


def test_best_window_never_crosses_a_paragraph() -> None:
    text = "Alpha beta gamma.\nDelta epsilon zeta.\n"
    ratio, start, end = best_window(text, "gamma. Delta", list(split_paragraphs(text)))
    assert "\n" not in text[start:end] and ratio < 1

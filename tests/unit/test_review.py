"""`mark_reviewed`: one item confirmed; comments, key order and every other line kept."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from briefing_tui.authoring.review import mark_reviewed
from briefing_tui.model import load_briefing
from conftest import DATA

YAML = """\
# yaml-language-server: $schema=../briefing_tui/model/briefing.schema.json
format: 1
briefing:
  id: mini
  title: A minimal briefing
  publication: Example Times
  date: "2023-01"
  date_precision: inferred
  language: en
  source:
    path: article.txt
    sha256: {sha}
  bluf: Officials disagree on the size of the threat.   # keep it short
  key_judgments: []
topics:
  - {{id: threats, name: Threats}}
actors:
  - {{id: times, name: Example Times, kind: media, review: proposed}}  # the paper
  - id: smith
    name: John Smith
    kind: person
    review: proposed
    role: General   # role after review: order must stay
  - {{id: jones, name: Ann Jones, kind: person}}
sections:
  - {{id: s-count, title: The count, topics: [threats], paragraphs: [1], review: proposed}}
  - id: s-doubt
    title: The doubt
    topics: [threats]
    paragraphs: [2]
claims:
  # Smith's count
  - id: c-count
    section: s-count
    actor: smith
    topics: [threats]
    quote: 'there are 6,500 fighters in the “north”'
    summary: Smith puts the number of fighters at 6,500.
    kind: estimate
    review: proposed   # guessed by draft
    via: [times, smith]
"""


def _setup(tmp_path: Path) -> Path:
    shutil.copy(DATA / "mini" / "article.txt", tmp_path / "article.txt")
    sha = load_briefing(DATA / "mini" / "briefing.yaml").briefing.source.sha256  # type: ignore[union-attr]
    path = tmp_path / "briefing.yaml"
    path.write_text(YAML.format(sha=sha), encoding="utf-8")
    assert load_briefing(path).ok
    return path


def _diff(before: str, after: str) -> list[str]:
    return [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]


@pytest.mark.parametrize(("kind", "item_id", "old", "new"), [
    # the comment keeps its column, so it loses the one space "confirmed" needs over "proposed"
    ("claim", "c-count", "    review: proposed   # guessed by draft", "    review: confirmed  # guessed by draft"),
    ("actor", "smith", "    review: proposed", "    review: confirmed"),
    ("actor", "times", "  - {id: times, name: Example Times, kind: media, review: proposed}  # the paper",
     "  - {id: times, name: Example Times, kind: media, review: confirmed} # the paper"),
    ("section", "s-count", "  - {id: s-count, title: The count, topics: [threats], paragraphs: [1], review: proposed}",
     "  - {id: s-count, title: The count, topics: [threats], paragraphs: [1], review: confirmed}"),
])
def test_only_the_review_line_changes(tmp_path: Path, kind: str, item_id: str, old: str, new: str) -> None:
    path = _setup(tmp_path)
    before = path.read_text(encoding="utf-8")
    mark_reviewed(path, kind, item_id)
    after = path.read_text(encoding="utf-8")
    assert _diff(before, after) == [f"- {old}", f"+ {new}"]
    result = load_briefing(path)
    assert result.ok
    collection = {"claim": result.briefing.claims, "actor": result.briefing.actors,  # type: ignore[union-attr]
                  "section": result.briefing.sections}[kind]  # type: ignore[union-attr]
    assert {i.id: i.review for i in collection}[item_id] == "confirmed"


def test_an_item_without_review_gains_one_line(tmp_path: Path) -> None:
    path = _setup(tmp_path)
    before = path.read_text(encoding="utf-8")
    mark_reviewed(path, "section", "s-doubt")
    assert _diff(before, path.read_text(encoding="utf-8")) == ["+     review: confirmed"]
    assert load_briefing(path).ok


def test_confirming_twice_changes_nothing_the_second_time(tmp_path: Path) -> None:
    path = _setup(tmp_path)
    mark_reviewed(path, "claim", "c-count")
    once = path.read_text(encoding="utf-8"), path.stat().st_mtime_ns
    mark_reviewed(path, "claim", "c-count")
    assert (path.read_text(encoding="utf-8"), path.stat().st_mtime_ns) == once


def test_unknown_items_and_kinds_are_refused_and_leave_the_file_alone(tmp_path: Path) -> None:
    path = _setup(tmp_path)
    before = path.read_text(encoding="utf-8")
    with pytest.raises(KeyError):
        mark_reviewed(path, "claim", "c-nope")
    with pytest.raises(ValueError):
        mark_reviewed(path, "dispute", "c-count")
    assert path.read_text(encoding="utf-8") == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []  # no temp file left behind

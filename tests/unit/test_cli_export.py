"""The scripting commands: list and export, and the JSON keys scripts rely on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_tui.cli import main
from conftest import CONTENT, MINI

SEED = CONTENT / "ng-2023-01-afghanistan-threats-to-central-asia.yaml"


def _export(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["export", *args]) == 0
    return capsys.readouterr().out


def test_json_export_keeps_the_public_keys(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(_export(capsys, "--format", "json", str(SEED)))
    assert {"id", "title", "source"} <= data["briefing"].keys()
    assert {"id", "name"} <= data["topics"][0].keys()
    assert {"id", "name", "kind", "aliases"} <= data["actors"][0].keys()
    assert {"id", "title", "topics", "text", "claims"} <= data["sections"][0].keys()
    assert {"id", "section", "actor", "about", "topics", "quote", "summary", "via"} <= data["claims"][0].keys()
    assert {"id", "question", "positions"} <= data["disputes"][0].keys()
    assert {"label", "claims"} <= data["disputes"][0]["positions"][0].keys()
    source = (SEED.parent / data["briefing"]["source"]["path"]).read_text(encoding="utf-8")
    for section in data["sections"]:
        assert section["text"].split("\n\n")[0] in source  # text comes from the source, not the YAML
    for claim in data["claims"]:
        start, end = claim["location"]["start"], claim["location"]["end"]
        assert source[start:end] == claim["quote"]


def test_json_export_filtered_by_actor_and_topic(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(_export(capsys, "--format", "json", "--actor", "knyazev", "--topic", "expert-views", str(SEED)))
    assert data["claims"]
    for claim in data["claims"]:
        assert "knyazev" in (claim["actor"], *claim["about"], *claim["via"])
        assert "expert-views" in claim["topics"]
    everything = json.loads(_export(capsys, "--format", "json", str(SEED)))
    assert len(data["claims"]) < len(everything["claims"])


def test_markdown_export_reads_as_a_briefing_note(capsys: pytest.CaptureFixture[str]) -> None:
    text = _export(capsys, "--format", "markdown", str(MINI))
    assert text.startswith("# A minimal briefing\n")
    for heading in ("## Bottom line up front", "## Key judgments", "## Sections", "## Disputes"):
        assert heading in text
    assert "- **John Smith, General** (estimate): Smith puts the number of fighters at 6,500." in text
    assert "  > there are 6,500 fighters in the “north” (paragraph 1)" in text
    assert "via Example Times → John Smith · graded B3 · figures: 6,500 people (fighters)" in text


def test_markdown_export_escapes_markup_from_content(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hostile = tmp_path / "briefing.yaml"
    hostile.write_text(MINI.read_text(encoding="utf-8").replace(
        "summary: Jones doubts Smith's figure.", "summary: '[click](javascript:alert(1)) <script>'"
    ), encoding="utf-8")
    (tmp_path / "article.txt").write_bytes((MINI.parent / "article.txt").read_bytes())
    text = _export(capsys, str(hostile))
    assert r"\[click\](javascript:alert(1)) \<script\>" in text


def test_export_one_dispute(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "d.md"
    assert main(["export", "--dispute", "d-count", "-o", str(target), str(MINI)]) == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# How many fighters are there?")
    assert "**6,500**" in text and "**Fewer**" in text
    assert f"wrote {target}" in capsys.readouterr().err


def test_export_unknown_actor_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--actor", "nobody", str(MINI)]) == 2
    assert "no actor 'nobody'" in capsys.readouterr().err


def test_list_prints_one_line_per_briefing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", str(CONTENT)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == len(list(CONTENT.glob("*.yaml")))
    assert lines[0].split("\t")[1] == "ng-2023-01-afghanistan-threats"

"""The bundled briefings hold to their source text, checked independently of the validator's own code."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from briefing_tui.cli import main
from briefing_tui.model import load_briefing
from briefing_tui.model.schema import SCHEMA_PATH
from conftest import CONTENT

BRIEFINGS = sorted(CONTENT.glob("*.yaml"))


def _raw(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _source(path: Path) -> str:
    raw = _raw(path)
    return (path.parent / raw["briefing"]["source"]["path"]).read_text(encoding="utf-8")


def _body_paragraphs(text: str) -> list[str]:
    lines = [line for line in text.split("\n") if line.strip()]
    if lines[-1].startswith("source:"):
        lines.pop()
    return lines


def test_there_is_a_bundled_briefing() -> None:
    assert BRIEFINGS


def test_validate_content_folder_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(CONTENT)]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("path", BRIEFINGS, ids=lambda p: p.stem)
def test_source_hash_matches(path: Path) -> None:
    raw = _raw(path)
    data = (path.parent / raw["briefing"]["source"]["path"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == raw["briefing"]["source"]["sha256"]


@pytest.mark.parametrize("path", BRIEFINGS, ids=lambda p: p.stem)
def test_every_quote_is_verbatim_inside_its_section(path: Path) -> None:
    raw = _raw(path)
    paragraphs = _body_paragraphs(_source(path))
    sections = {s["id"]: s["paragraphs"] for s in raw["sections"]}
    for claim in raw["claims"]:
        own = [paragraphs[n - 1] for n in sections[claim["section"]]]
        assert any(claim["quote"] in p for p in own), f"{claim['id']}: quote not in section {claim['section']}"


@pytest.mark.parametrize("path", BRIEFINGS, ids=lambda p: p.stem)
def test_every_paragraph_is_covered_exactly_once(path: Path) -> None:
    raw = _raw(path)
    covered = sorted(n for s in raw["sections"] for n in s["paragraphs"])
    assert covered == list(range(1, len(_body_paragraphs(_source(path))) + 1))


@pytest.mark.parametrize("path", BRIEFINGS, ids=lambda p: p.stem)
def test_bundled_briefing_validates_against_the_json_schema(path: Path) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.validate(_raw(path), schema)


def test_seed_briefing_is_fully_segmented() -> None:
    result = load_briefing(CONTENT / "ng-2023-01-afghanistan-threats-to-central-asia.yaml")
    briefing = result.briefing
    assert result.problems == () and briefing is not None
    assert len(briefing.disputes) >= 5
    assert all(len(d.positions) >= 2 for d in briefing.disputes)
    assert all(c.span is not None for c in briefing.claims)
    # reported speech keeps its chain: the quoted speaker is the actor, the outlets stand before it
    relayed = [c for c in briefing.claims if len(c.via) > 2]
    assert relayed and all(c.via[0] == "ng" and c.via[-1] == c.actor for c in relayed)


def test_schema_file_is_in_step_with_the_field_table() -> None:
    from briefing_tui.model.schema import render_json_schema

    assert SCHEMA_PATH.read_text(encoding="utf-8") == render_json_schema(), (
        "run: python -m briefing_tui.model.schema"
    )


def test_json_schema_rejects_what_the_validator_rejects() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    raw = _raw(BRIEFINGS[0])
    raw["claims"][0]["colour"] = "red"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(raw, schema)

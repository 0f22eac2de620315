"""The briefing format as data: one field table that drives both the validator and the JSON Schema.

Run ``python -m briefing_tui.model.schema`` to regenerate ``briefing.schema.json``; a test keeps
the committed copy in step with this table.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import NamedTuple

from .vocabulary import ACTOR_KINDS, CLAIM_KINDS, FORMAT_VERSION

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
SCHEMA_PATH = Path(__file__).with_name("briefing.schema.json")


class Text(NamedTuple):
    min_length: int = 1


class Slug(NamedTuple):
    """An id, or a reference to one (``target`` names the collection it must exist in)."""

    target: str | None = None


class Integer(NamedTuple):
    minimum: int | None = None
    maximum: int | None = None


class Number(NamedTuple):
    pass


class Choice(NamedTuple):
    options: tuple[str, ...]


class Pattern(NamedTuple):
    regex: str
    hint: str


class ListOf(NamedTuple):
    item: Kind
    min_items: int = 0


class Field(NamedTuple):
    name: str
    kind: Kind
    required: bool = True
    doc: str = ""


class Obj(NamedTuple):
    name: str
    fields: tuple[Field, ...]

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


Kind = Text | Slug | Integer | Number | Choice | Pattern | ListOf | Obj

REVIEW = Choice(("proposed", "confirmed"))

TOPIC = Obj("topic", (
    Field("id", Slug()),
    Field("name", Text()),
    Field("description", Text(), required=False),
))

ACTOR = Obj("actor", (
    Field("id", Slug()),
    Field("name", Text()),
    Field("kind", Choice(ACTOR_KINDS)),
    Field("role", Text(), required=False),
    Field("affiliation", Slug("actors"), required=False, doc="id of another actor"),
    Field("aliases", ListOf(Text()), required=False),
    Field("review", REVIEW, required=False),
))

SECTION = Obj("section", (
    Field("id", Slug()),
    Field("title", Text()),
    Field("topics", ListOf(Slug("topics"), min_items=1)),
    Field("paragraphs", ListOf(Integer(minimum=1), min_items=1), doc="1-based paragraph numbers"),
    Field("review", REVIEW, required=False),
))

FIGURE = Obj("figure", (
    Field("value", Number()),
    Field("unit", Text()),
    Field("counts", Text(), doc="what is counted"),
    Field("approx", Choice(("exact", "about", "more-than", "less-than")), required=False),
))

GRADING = Obj("grading", (
    Field("reliability", Choice(tuple("ABCDEF")), doc="source reliability, A (reliable) to F (cannot judge)"),
    Field("credibility", Integer(minimum=1, maximum=6), doc="information credibility, 1 (confirmed) to 6"),
    Field("note", Text(), required=False),
))

CLAIM = Obj("claim", (
    Field("id", Slug()),
    Field("section", Slug("sections")),
    Field("actor", Slug("actors"), doc="who asserts it"),
    Field("about", ListOf(Slug("actors")), required=False),
    Field("topics", ListOf(Slug("topics"), min_items=1)),
    Field("quote", Text(), doc="verbatim text of the source inside the claim's section"),
    Field("summary", Text()),
    Field("kind", Choice(CLAIM_KINDS)),
    Field("via", ListOf(Slug("actors")), required=False, doc="attribution chain, outermost first, ending with actor"),
    Field("figures", ListOf(FIGURE), required=False),
    Field("grading", GRADING, required=False),
    Field("review", REVIEW, required=False),
))

POSITION = Obj("position", (
    Field("label", Text()),
    Field("claims", ListOf(Slug("claims"), min_items=1)),
    Field("summary", Text(), required=False),
))

DISPUTE = Obj("dispute", (
    Field("id", Slug()),
    Field("question", Text()),
    Field("topics", ListOf(Slug("topics")), required=False),
    Field("positions", ListOf(POSITION, min_items=2)),
))

KEY_JUDGMENT = Obj("key judgment", (
    Field("id", Slug()),
    Field("text", Text()),
    Field("claims", ListOf(Slug("claims"), min_items=1)),
    Field("confidence", Choice(("low", "moderate", "high")), required=False),
))

SOURCE = Obj("source", (
    Field("path", Text(), doc="path of the source text, relative to the YAML file"),
    Field("sha256", Pattern(r"^[0-9a-f]{64}$", "64 lowercase hex digits")),
))

METADATA = Obj("briefing", (
    Field("id", Slug()),
    Field("title", Text()),
    Field("publication", Text()),
    Field("date", Pattern(r"^\d{4}(-\d{2}(-\d{2})?)?$", "YYYY, YYYY-MM or YYYY-MM-DD")),
    Field("date_precision", Choice(("day", "month", "year", "inferred"))),
    Field("language", Text()),
    Field("translation", Text(), required=False),
    Field("source", SOURCE),
    Field("bluf", Text(), doc="bottom line up front"),
    Field("key_judgments", ListOf(KEY_JUDGMENT)),
))

DOCUMENT = Obj("document", (
    Field("format", Integer(minimum=FORMAT_VERSION, maximum=FORMAT_VERSION)),
    Field("briefing", METADATA),
    Field("topics", ListOf(TOPIC, min_items=1)),
    Field("actors", ListOf(ACTOR, min_items=1)),
    Field("sections", ListOf(SECTION, min_items=1)),
    Field("claims", ListOf(CLAIM)),
    Field("disputes", ListOf(DISPUTE), required=False),
))


def _json_kind(kind: Kind) -> dict[str, object]:
    if isinstance(kind, Text):
        return {"type": "string", "minLength": kind.min_length}
    if isinstance(kind, Slug):
        return {"type": "string", "pattern": SLUG_PATTERN}
    if isinstance(kind, Integer):
        schema: dict[str, object] = {"type": "integer"}
        if kind.minimum is not None:
            schema["minimum"] = kind.minimum
        if kind.maximum is not None:
            schema["maximum"] = kind.maximum
        return schema
    if isinstance(kind, Number):
        return {"type": "number"}
    if isinstance(kind, Choice):
        return {"type": "string", "enum": list(kind.options)}
    if isinstance(kind, Pattern):
        return {"type": "string", "pattern": kind.regex}
    if isinstance(kind, ListOf):
        schema = {"type": "array", "items": _json_kind(kind.item)}
        if kind.min_items:
            schema["minItems"] = kind.min_items
        return schema
    properties = {}
    for f in kind.fields:
        prop = _json_kind(f.kind)
        if f.doc:
            prop = {"description": f.doc, **prop}
        properties[f.name] = prop
    return {
        "type": "object",
        "properties": properties,
        "required": [f.name for f in kind.fields if f.required],
        "additionalProperties": False,
    }


def json_schema() -> dict[str, object]:
    """The JSON Schema (draft 2020-12) of the briefing format, for editors."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://briefing-tui.invalid/schema/briefing-v1.json",
        "title": "briefing-tui briefing",
        **_json_kind(DOCUMENT),
    }


def render_json_schema() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    SCHEMA_PATH.write_text(render_json_schema(), encoding="utf-8")
    sys.stdout.write(f"wrote {SCHEMA_PATH}\n")

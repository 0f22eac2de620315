"""Read located YAML nodes against the field table in :mod:`schema`, collecting every problem."""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable

from . import schema as s
from .problems import Mark
from .sanitize import safe_text
from .yamltree import YMap, YNode, YScalar, YSeq

_INT = re.compile(r"^[-+]?[0-9]+$")
_NUMBER = re.compile(r"^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$")
_SLUG = re.compile(s.SLUG_PATTERN)
MAX_DIGITS = 18

Report = Callable[[Mark, str], None]


class Rec:
    """A mapping whose fields were checked, with the position of every value (``"about[2]"`` for list items)."""

    __slots__ = ("values", "mark", "marks", "complete")

    def __init__(self, values: dict[str, object], mark: Mark) -> None:
        self.values = values
        self.mark = mark
        self.marks: dict[str, Mark] = {}
        self.complete = True  # False when a required field is missing or unusable

    def get(self, name: str, default: object = None) -> object:
        return self.values.get(name, default)


MISSING = object()


def _kind_name(node: YNode) -> str:
    if isinstance(node, YMap):
        return "a mapping"
    if isinstance(node, YSeq):
        return "a list"
    return f"'{_short(node.value)}'"


def _short(text: str, limit: int = 40) -> str:
    text = safe_text(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def read(node: YNode, kind: s.Kind, where: str, report: Report) -> object:
    """Return the value of ``node`` read as ``kind``, or ``MISSING`` after reporting why it is unusable."""
    if isinstance(kind, s.Obj):
        return _read_obj(node, kind, report)
    if isinstance(kind, s.ListOf):
        if not isinstance(node, YSeq):
            report(node.mark, f"{where} must be a list, found {_kind_name(node)}")
            return MISSING
        if len(node.items) < kind.min_items:
            report(node.mark, f"{where} needs at least {kind.min_items} item{'s' if kind.min_items > 1 else ''}")
        items = []
        for item in node.items:
            value = read(item, kind.item, where, report)
            if value is not MISSING:
                items.append((value, item.mark))
        return items
    if not isinstance(node, YScalar):
        report(node.mark, f"{where} must be {_expected(kind)}, found {_kind_name(node)}")
        return MISSING
    return _read_scalar(node, kind, where, report)


def _expected(kind: s.Kind) -> str:
    if isinstance(kind, s.Integer):
        return "a whole number"
    if isinstance(kind, s.Number):
        return "a number"
    if isinstance(kind, s.Slug):
        return "an id"
    return "text"


def _read_scalar(node: YScalar, kind: s.Kind, where: str, report: Report) -> object:
    text = node.value
    if isinstance(kind, s.Integer):
        if not (node.plain and _INT.match(text)):
            report(node.mark, f"{where} must be a whole number, found '{_short(text)}'")
            return MISSING
        if len(text) > MAX_DIGITS:  # int() of thousands of digits raises, and no count in a briefing needs them
            report(node.mark, f"{where} is too large ({len(text)} digits)")
            return MISSING
        number = int(text)
        if (kind.minimum is not None and number < kind.minimum) or (kind.maximum is not None and number > kind.maximum):
            bounds = f"{kind.minimum}" if kind.minimum == kind.maximum else f"between {kind.minimum} and {kind.maximum}"
            if kind.maximum is None:
                bounds = f"at least {kind.minimum}"
            report(node.mark, f"{where} must be {bounds}, found {number}")
            return MISSING
        return number
    if isinstance(kind, s.Number):
        if not (node.plain and _NUMBER.match(text)):
            report(node.mark, f"{where} must be a number, found '{_short(text)}'")
            return MISSING
        value = float(text)
        if not math.isfinite(value) or len(text) > 4 * MAX_DIGITS:
            report(node.mark, f"{where} is too large")
            return MISSING
        return int(value) if value.is_integer() and "." not in text and "e" not in text.lower() else value
    if node.is_null:
        report(node.mark, f"{where} is empty")
        return MISSING
    text = safe_text(text)
    if isinstance(kind, s.Slug):
        if not _SLUG.match(text):
            report(node.mark, f"{where} '{_short(text)}' is not an id (lowercase letters, digits and '-')")
            return MISSING
        return text
    if isinstance(kind, s.Choice):
        if text not in kind.options:
            report(node.mark, f"{where} '{_short(text)}' must be one of {', '.join(kind.options)}{did_you_mean(text, kind.options)}")
            return MISSING
        return text
    if isinstance(kind, s.Pattern):
        if not re.match(kind.regex, text):
            report(node.mark, f"{where} '{_short(text)}' must be {kind.hint}")
            return MISSING
        return text
    if len(text.strip()) < getattr(kind, "min_length", 0):
        report(node.mark, f"{where} is empty")
        return MISSING
    return text


def did_you_mean(word: str, options: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(word.lower(), list(options), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _read_obj(node: YNode, kind: s.Obj, report: Report) -> object:
    if not isinstance(node, YMap):
        report(node.mark, f"a {kind.name} must be a mapping, found {_kind_name(node)}")
        return MISSING
    rec = Rec({}, node.mark)
    known = [f.name for f in kind.fields]
    for key, (key_node, _value) in node.entries.items():
        if kind.field(key) is None:
            report(key_node.mark, f"unknown key '{_short(key)}' in {kind.name}{did_you_mean(key, known)}")
    complete = True
    for f in kind.fields:
        entry = node.entries.get(f.name)
        value_node = entry[1] if entry else None
        absent = value_node is None or (
            isinstance(value_node, YScalar) and value_node.is_null and not isinstance(f.kind, (s.Text, s.Slug))
        )
        if absent:
            if f.required:
                report(node.mark if entry is None else entry[1].mark, f"{kind.name} is missing '{f.name}'")
                complete = False
            continue
        assert value_node is not None
        value = read(value_node, f.kind, f"{kind.name} '{f.name}'", report)
        if isinstance(value, Rec) and not value.complete and f.required:
            complete = False
        if value is MISSING:
            complete = complete and not f.required
            continue
        rec.marks[f.name] = value_node.mark
        if isinstance(f.kind, s.ListOf):
            items = value  # list of (value, mark)
            assert isinstance(items, list)
            for index, (_item, mark) in enumerate(items):
                rec.marks[f"{f.name}[{index}]"] = mark
            value = [item for item, _mark in items]
        rec.values[f.name] = value
    rec.complete = complete
    return rec

"""Read untrusted YAML into a tree of located nodes, refusing what a briefing never needs.

We never let PyYAML construct Python objects. The parser's event stream is folded into
plain nodes by hand, which lets us:

- refuse anchors, aliases and explicit tags at the first event (no alias bomb can expand,
  no ``!!python/...`` tag can run anything);
- stop nesting deeper than the format needs before libyaml's recursive composer could
  overflow the C stack;
- keep every scalar as the text the author wrote, with its position, so ``no`` stays "no"
  and every later problem can be reported as ``line:col``;
- report duplicate keys, which PyYAML silently merges.
"""

from __future__ import annotations

from typing import NamedTuple

import yaml

from .problems import ContentRefused, Mark
from .sanitize import safe_text

try:  # libyaml's parser is about 3x faster; fall back to the pure-Python one when absent
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from .limits import MAX_BYTES, MAX_DEPTH  # noqa: E402


class YScalar(NamedTuple):
    value: str
    plain: bool  # written without quotes, so "1" may be read as a number where the format wants one
    mark: Mark

    @property
    def is_null(self) -> bool:
        return self.plain and self.value in ("", "~", "null", "Null", "NULL")


class YSeq(NamedTuple):
    items: list[YNode]
    mark: Mark


class YMap(NamedTuple):
    entries: dict[str, tuple[YScalar, YNode]]
    mark: Mark


YNode = YScalar | YSeq | YMap


class _Open:
    """A mapping or list still being read, with the key whose value comes next."""

    __slots__ = ("node", "pending_key", "duplicate_keys")

    def __init__(self, node: YSeq | YMap) -> None:
        self.node = node
        self.pending_key: YScalar | None = None
        self.duplicate_keys: list[YScalar] = []


def _mark(event: yaml.Event) -> Mark:
    return Mark(event.start_mark.line + 1, event.start_mark.column + 1)


def _problem_mark(error: yaml.YAMLError) -> Mark:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if mark is not None:
        return Mark(mark.line + 1, mark.column + 1)
    return Mark(1, 1)


def _position_mark(text: str, position: int) -> Mark:
    before = text[:position]
    return Mark(before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1)


def _describe(error: yaml.YAMLError) -> str:
    problem = getattr(error, "problem", None)
    context = getattr(error, "context", None)
    if problem:
        return f"YAML syntax error: {problem}" + (f" ({context})" if context else "")
    return f"YAML syntax error: {error}"


def decode(data: bytes) -> str:
    """Decode file bytes as UTF-8, refusing other encodings with a located message."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(data) >= 2 and b"\x00" in data[:4]):
        raise ContentRefused(Mark(1, 1), "file is UTF-16 or UTF-32; save it as UTF-8")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        raise ContentRefused(
            Mark(line, col), f"not valid UTF-8 (byte 0x{data[error.start]:02x}); save the file as UTF-8"
        ) from None


def parse(text: str) -> tuple[YNode, list[tuple[Mark, str]]]:
    """Parse one YAML document into located nodes.

    Returns the root node and the non-fatal problems (duplicate keys). Raises
    :class:`ContentRefused` for anything that makes the file unusable.
    """
    if len(text) > MAX_BYTES:
        raise ContentRefused(Mark(1, 1), f"file is larger than {MAX_BYTES // (1024 * 1024)} MiB")
    loader = _Loader(text)
    problems: list[tuple[Mark, str]] = []
    stack: list[_Open] = []
    root: YNode | None = None
    documents = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise ContentRefused(_mark(event), "several YAML documents in one file; keep one briefing per file")
                continue
            if isinstance(event, yaml.AliasEvent):
                raise ContentRefused(_mark(event), "YAML aliases (*name) are not allowed in a briefing")
            if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
                raise ContentRefused(_mark(event), "YAML anchors (&name) are not allowed in a briefing")
            if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)) and event.tag is not None:
                raise ContentRefused(_mark(event), f"YAML tags ({event.tag}) are not allowed in a briefing")
            if isinstance(event, yaml.ScalarEvent):
                node: YNode = YScalar(event.value, bool(event.implicit[0]), _mark(event))
                root = _attach(stack, node, problems) or root
            elif isinstance(event, yaml.MappingStartEvent):
                if len(stack) >= MAX_DEPTH:
                    raise ContentRefused(_mark(event), f"nesting deeper than {MAX_DEPTH} levels")
                stack.append(_Open(YMap({}, _mark(event))))
            elif isinstance(event, yaml.SequenceStartEvent):
                if len(stack) >= MAX_DEPTH:
                    raise ContentRefused(_mark(event), f"nesting deeper than {MAX_DEPTH} levels")
                stack.append(_Open(YSeq([], _mark(event))))
            elif isinstance(event, yaml.CollectionEndEvent):
                closed = stack.pop()
                root = _attach(stack, closed.node, problems) or root
    except yaml.reader.ReaderError as error:
        raise ContentRefused(
            _position_mark(text, error.position),
            f"character U+{error.character:04X} is not allowed in YAML; write it as an escape in a quoted string",
        ) from None
    except yaml.YAMLError as error:
        raise ContentRefused(_problem_mark(error), _describe(error)) from None
    finally:
        loader.dispose()
    if root is None:
        raise ContentRefused(Mark(1, 1), "file is empty: a briefing is a YAML mapping")
    return root, problems


def _attach(stack: list[_Open], node: YNode, problems: list[tuple[Mark, str]]) -> YNode | None:
    """Add ``node`` to the innermost open collection; return it when it is the document root."""
    if not stack:
        return node
    parent = stack[-1]
    if isinstance(parent.node, YSeq):
        parent.node.items.append(node)
        return None
    if parent.pending_key is None:
        if not isinstance(node, YScalar):
            raise ContentRefused(node.mark, "mapping keys must be plain text")
        parent.pending_key = node
        return None
    key = parent.pending_key
    parent.pending_key = None
    if key.value in parent.node.entries:
        first = parent.node.entries[key.value][0].mark
        problems.append((key.mark, f"duplicate key '{safe_text(key.value)}' (first at line {first.line})"))
    else:
        parent.node.entries[key.value] = (key, node)
    return None

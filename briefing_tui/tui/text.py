"""The one place where content strings become something Textual draws.

Content text is shown literally: it goes into :class:`~textual.content.Content` objects
(never a markup string), so ``[@click=app.quit]`` stays text. Control characters were
already replaced by the model (``briefing_tui.model.sanitize``); rich ``Text`` is only
built where a widget needs it (Tree labels, DataTable cells).
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.content import Content

from ..model.records import Actor, Briefing, Claim, Figure


def literal(text: str, style: str = "") -> Content:
    """Content that shows ``text`` exactly, optionally in one style."""
    content = Content(text)
    return content.stylize(style) if style else content


def literal_text(text: str, style: str = "") -> Text:
    """A rich Text that shows ``text`` exactly (for widgets that want rich renderables)."""
    return Text(text, style=style)


def join(parts: Iterable[Content | str], separator: str = "") -> Content:
    return Content(separator).join(Content(p) if isinstance(p, str) else p for p in parts)


def actor_line(briefing: Briefing, actor: Actor | None, actor_id: str) -> Content:
    """``Name, role (Affiliation)``: who someone is, in one line."""
    if actor is None:
        return literal(actor_id, "italic")
    parts: list[Content | str] = [literal(actor.name, "bold")]
    if actor.role:
        parts += [", ", literal(actor.role)]
    if actor.affiliation:
        parts += [" (", literal(briefing.actor_name(actor.affiliation)), ")"]
    return join(parts)


def via_line(briefing: Briefing, claim: Claim) -> Content:
    return join((literal(briefing.actor_name(a)) for a in claim.via), " → ")


def figure_text(figure: Figure) -> str:
    approx = {"about": "about ", "more-than": "more than ", "less-than": "less than "}.get(figure.approx, "")
    value = f"{figure.value:,}" if isinstance(figure.value, int) else f"{figure.value:,g}"
    return f"{approx}{value} {figure.unit} ({figure.counts})"


def topics_line(briefing: Briefing, topic_ids: Iterable[str]) -> str:
    return ", ".join(briefing.topic_by_id[t].name if t in briefing.topic_by_id else t for t in topic_ids)

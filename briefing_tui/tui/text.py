"""The one place where content strings become something Textual draws.

Content text is shown literally: it goes into :class:`~textual.content.Content` objects
(never a markup string), so ``[@click=app.quit]`` stays text. Control characters were
already replaced by the model (``briefing_tui.model.sanitize``).
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content

from ..model.records import Actor, Briefing, Claim


def literal(text: str, style: str = "") -> Content:
    """Content that shows ``text`` exactly, optionally in one style."""
    content = Content(text)
    return content.stylize(style) if style else content


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


def pilcrow(briefing: Briefing, number: int) -> str:
    """``¶3``: a paragraph as it is cited, numbered within its own article."""
    return f"¶{briefing.paragraph_in_article(number)}"


def via_line(briefing: Briefing, claim: Claim) -> Content:
    return join((literal(briefing.actor_name(a)) for a in claim.via), " → ")



def topics_line(briefing: Briefing, topic_ids: Iterable[str]) -> str:
    return ", ".join(briefing.topic_by_id[t].name if t in briefing.topic_by_id else t for t in topic_ids)

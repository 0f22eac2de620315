"""The details pane: everything about the selected claim."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from ...model.records import Briefing, Claim
from ..text import actor_line, join, literal, pilcrow, topics_line, via_line
from .scroll_pane import ScrollPane


MAX_SIBLINGS = 12  # a prolific speaker in a library has thousands; the filter shows them all


def _row(label: str, value: Content | str) -> Content:
    return join([literal(f"{label:<9}", "bold dim"), value if isinstance(value, Content) else literal(value), "\n"])


def claim_details(briefing: Briefing, claim: Claim, note: str | None = None, flags: str = "") -> Content:
    """The claim as the details pane shows it: who, quote, summary, chain, figures, grading, disputes, siblings."""
    actor = briefing.actor_by_id.get(claim.actor)
    parts: list[Content | str] = [
        join([literal(claim.kind.upper(), "bold"), literal(f"  {claim.id}", "dim"),
              literal("  · proposed, not yet reviewed" if claim.review == "proposed" else "", "italic"),
              literal(f"  {flags}" if flags else "", "bold"), "\n\n"]),
        _row("Who", actor_line(briefing, actor, claim.actor)),
    ]
    if len(briefing.member_titles) > 1:
        parts.append(_row("From", briefing.member_titles.get(briefing.origin_of(claim.id), "")))
    if claim.about:
        parts.append(_row("About", join((literal(briefing.actor_name(a)) for a in claim.about), ", ")))
    where = f"  ({pilcrow(briefing, claim.span.paragraph)})" if claim.span else "  (not found in the source)"
    parts += [
        _row("Quote", join([literal("“" + claim.quote + "”", "italic"), literal(where, "dim")])),
        _row("Summary", claim.summary),
    ]
    if claim.via:
        parts.append(_row("Via", via_line(briefing, claim)))
    for figure in claim.figures:
        parts.append(_row("Figure", figure.text))
    if claim.grading:
        grading = f"{claim.grading.code} (source {claim.grading.reliability}, information {claim.grading.credibility})"
        parts.append(_row("Grading", grading + (f": {claim.grading.note}" if claim.grading.note else "")))
    parts.append(_row("Topics", topics_line(briefing, claim.topics)))
    if note:
        parts.append(_row("Note", literal(note, "italic")))
    disputes = briefing.disputes_of(claim.id)
    if disputes:
        parts.append(literal("\nDisputes\n", "bold"))
        for dispute in disputes:
            label = next((p.label for p in dispute.positions if claim.id in p.claims), "")
            parts.append(join(["  • ", literal(dispute.question), literal(f"  [{label}]" if label else "", "dim"), "\n"]))
    siblings = [c for c in briefing.claims_by_actor.get(claim.actor, ()) if c.id != claim.id]
    if siblings:
        name = actor.name if actor else claim.actor
        parts.append(join([literal("\nOther claims by ", "bold"), literal(name, "bold"), "\n"]))
        for sibling in siblings[:MAX_SIBLINGS]:
            parts.append(join(["  • ", literal(sibling.summary), "\n"]))
        if len(siblings) > MAX_SIBLINGS:
            more = len(siblings) - MAX_SIBLINGS
            parts.append(literal(f"  … and {more} more (filter actor:{claim.actor} to see them all)\n", "dim"))
    return join(parts)


class DetailsPane(ScrollPane):
    DEFAULT_CSS = """
    DetailsPane { width: 2fr; min-width: 36; border: round $panel; padding: 0 1; }
    DetailsPane:focus { border: round $accent; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.border_title = "Claim"

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(literal("Select a claim to see who said it, how it reached us, and who disputes it."), id="details-body")

    def show(self, content: Content) -> None:
        self.query_one("#details-body", Static).update(content)
        self.scroll_home(animate=False)

"""One position of a dispute: its label, and its claims with who said them and how it reached us."""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option

from ...model.records import Briefing, Claim, Position
from ..text import actor_line, join, literal, pilcrow, via_line
from .nav_pane import VimOptionList

MATCH_MARK = "▶ "


def claim_card(briefing: Briefing, claim: Claim, matching: bool) -> Content:
    """A claim as a card in a compare column: who, the verbatim quote, chain, grading, figures."""
    actor = briefing.actor_by_id.get(claim.actor)
    lines: list[Content | str] = [
        literal(MATCH_MARK if matching else "  ", "bold"),
        actor_line(briefing, actor, claim.actor),
        "\n  ",
        literal("“" + claim.quote + "”", "italic"),
    ]
    where = pilcrow(briefing, claim.span.paragraph) if claim.span else "quote not found in source"
    details = [where, claim.kind]
    if claim.grading:
        details.append(f"graded {claim.grading.code}")
    lines += ["\n  ", literal(" · ".join(details), "dim")]
    if len(claim.via) > 1:
        lines += ["\n  ", literal("via ", "dim"), via_line(briefing, claim).stylize("dim")]
    for figure in claim.figures:
        lines += ["\n  ", literal("# " + figure.text, "bold")]
    lines.append("\n")  # a blank line between cards
    return join(lines)


def position_heading(position: Position, number: int) -> Content:
    """The position's label in full (a border title would cut it), with its summary under it."""
    heading = join([literal(f"{number}. ", "bold"), literal(position.label, "bold")])
    return join([heading, "\n", literal(position.summary, "dim italic")]) if position.summary else heading


class PositionColumn(VimOptionList):
    """A column of the compare view; j/k move between its claims, Enter opens the source at the quote."""

    DEFAULT_CSS = """
    PositionColumn { width: 1fr; height: 1fr; border: round $panel; }
    PositionColumn:focus { border: round $accent; }
    """

    def __init__(self, briefing: Briefing, position: Position, matching: frozenset[str], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.briefing = briefing
        self.position = position
        self.matching = matching

    def on_mount(self) -> None:
        for claim_id in self.position.claims:
            claim = self.briefing.claim_by_id.get(claim_id)
            if claim is not None:
                self.add_option(Option(claim_card(self.briefing, claim, claim_id in self.matching), id=claim_id))
        if self.option_count:
            self.highlighted = 0

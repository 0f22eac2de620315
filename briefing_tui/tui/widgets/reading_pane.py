"""The reading column: a section's text with its claims marked in place, or the claims a filter leaves.

The screen shows one of the two views at a time, each framed as the reading pane."""

from __future__ import annotations


from textual import on
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from ...model.records import Briefing, Claim, Section
from .. import keys
from ..text import join, literal, pilcrow, topics_line
from .virtual_list import VirtualList

SELECTED_STYLE = "reverse bold"
MATCH_STYLE = "bold underline"
CLAIM_STYLE = "underline"


class ClaimChosen(Message):
    """The reader moved to ``claim_id`` (``open``: they pressed Enter on it)."""

    def __init__(self, claim_id: str, open: bool = False) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.open = open


class SectionView(VerticalScroll, can_focus=True):
    """One section of the article. j/k step from claim to claim, on into the next section."""

    DEFAULT_CSS = """
    SectionView { width: 3fr; border: round $panel; padding: 0 1; }
    SectionView:focus { border: round $accent; }
    SectionView > .paragraph { margin-bottom: 1; }
    SectionView > .section-heading { text-style: bold; margin-bottom: 1; }
    """
    BINDINGS = [
        keys.Key("claim-down", "j,down", "step(1)", "Next claim", "Select the next claim.", show=False).binding(),
        keys.Key("claim-up", "k,up", "step(-1)", "Prev claim", "Select the previous claim.", show=False).binding(),
        keys.Key("claim-first", "g", "edge(0)", "First", "Select the first claim of the section.", show=False).binding(),
        keys.Key("claim-last", "G", "edge(-1)", "Last", "Select the last claim of the section.", show=False).binding(),
        keys.Key("claim-open", "enter", "open", "Open", "Show the selected claim's source.", show=False).binding(),
    ]

    class StepOut(Message):
        """Stepping went past the section's first or last claim; the screen moves to the next section."""

        def __init__(self, direction: int) -> None:
            super().__init__()
            self.direction = direction

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._briefing: Briefing | None = None
        self._section: Section | None = None
        self._claims: tuple[Claim, ...] = ()
        self._matching: frozenset[str] = frozenset()
        self._selected: str | None = None
        self._paragraph_widgets: dict[int, Static] = {}

    @property
    def claim_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self._claims)

    def show(self, briefing: Briefing, section: Section, selected: str | None, matching: frozenset[str]) -> None:
        changed = section is not self._section or briefing is not self._briefing
        self._briefing, self._section = briefing, section
        self._claims = briefing.claims_in(section.id)
        self._matching, self._selected = matching, selected
        if changed:
            # no ids on the children: the old ones are still being removed when the new ones mount
            self.remove_children()
            heading = join([literal(section.title), literal(f"  ({topics_line(briefing, section.topics)})", "dim")])
            self._paragraph_widgets = {n: Static(self._paragraph(n), classes="paragraph") for n in section.paragraphs}
            self.mount(Static(heading, classes="section-heading"), *self._paragraph_widgets.values())
        else:
            for number, widget in self._paragraph_widgets.items():
                widget.update(self._paragraph(number))
        self._scroll_to_selected(animate=not changed)

    def _paragraph(self, number: int) -> Content:
        assert self._briefing is not None
        paragraph = next(p for p in self._briefing.source.paragraphs if p.number == number)
        content = literal(paragraph.text)
        for claim in self._claims:
            if claim.span is None or claim.span.paragraph != number:
                continue
            style = SELECTED_STYLE if claim.id == self._selected else (
                MATCH_STYLE if claim.id in self._matching else CLAIM_STYLE
            )
            content = content.stylize(style, claim.span.start - paragraph.start, claim.span.end - paragraph.start)
        return join([literal(f"{pilcrow(self._briefing, number)} ", "dim"), content])

    def _scroll_to_selected(self, animate: bool) -> None:
        claim = next((c for c in self._claims if c.id == self._selected), None)
        if claim is None or claim.span is None:
            if not animate:
                self.scroll_home(animate=False)
            return
        target = self._paragraph_widgets.get(claim.span.paragraph)
        if target is not None:
            self.call_after_refresh(self.scroll_to_widget, target, animate=False, top=False)

    def action_step(self, direction: int) -> None:
        ids = self.claim_ids
        if self._selected not in ids:
            if ids:
                self.post_message(ClaimChosen(ids[0] if direction > 0 else ids[-1]))
            else:
                self.post_message(self.StepOut(direction))
            return
        index = ids.index(self._selected) + direction
        if 0 <= index < len(ids):
            self.post_message(ClaimChosen(ids[index]))
        else:
            self.post_message(self.StepOut(direction))

    def action_edge(self, index: int) -> None:
        if self.claim_ids:
            self.post_message(ClaimChosen(self.claim_ids[index]))

    def action_open(self) -> None:
        if self._selected:
            self.post_message(ClaimChosen(self._selected, open=True))


class ClaimList(VirtualList):
    """The claims a filter leaves, three lines each: who and where, the summary, the topics.

    Only the rows on screen are drawn, so 50,000 matches cost what 50 do.
    """

    # the scrollbar always shows: were it to come and go with the number of matches, each keystroke
    # that crossed a screenful would relay out the whole screen
    DEFAULT_CSS = """
    ClaimList { width: 3fr; border: round $panel; padding: 0; overflow-y: scroll; }
    ClaimList:focus { border: round $accent; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(row_height=3, **kwargs)
        self._briefing: Briefing | None = None
        self._claims: tuple[Claim, ...] = ()

    def show(self, briefing: Briefing, claims: tuple[Claim, ...], selected: str | None) -> None:
        same_rows = briefing is self._briefing
        self._briefing, self._claims = briefing, claims
        self.set_rows([c.id for c in claims], self.row_content, keep=selected, same_rows=same_rows)

    def row_content(self, index: int) -> Content:
        assert self._briefing is not None
        return self._prompt(self._briefing, self._claims[index])

    @staticmethod
    def _prompt(briefing: Briefing, claim: Claim) -> Content:
        section = briefing.section_by_id.get(claim.section)
        origin = briefing.member_titles.get(briefing.origin_of(claim.id), "") if len(briefing.member_titles) > 1 else ""
        head = join([
            literal(f"{origin} · " if origin else "", "italic"),
            literal(briefing.actor_name(claim.actor), "bold"), literal(f" · {claim.kind}", "dim"),
            literal(f" · {section.title}" if section else "", "dim"),
            literal(" · proposed" if claim.review == "proposed" else "", "italic"),
        ])
        return join([head, "\n  ", literal(claim.summary), "\n  ", literal(topics_line(briefing, claim.topics), "dim italic")])

    @on(VirtualList.Highlighted)
    def _highlighted(self, event: VirtualList.Highlighted) -> None:
        event.stop()
        self.post_message(ClaimChosen(event.id))

    @on(VirtualList.Selected)
    def _selected(self, event: VirtualList.Selected) -> None:
        event.stop()
        self.post_message(ClaimChosen(event.id, open=True))

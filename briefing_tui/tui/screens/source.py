"""The whole article, with the selected claim's quote highlighted and scrolled into view."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static

from ...model.records import Briefing, Claim
from .. import keys
from ..text import join, literal, pilcrow
from ..widgets.scroll_pane import ScrollPane
from ..widgets.title_bar import TitleBar

QUOTE_STYLE = "reverse bold"


class SourceScreen(Screen[None]):
    BINDINGS = keys.bindings(keys.BACK)
    DEFAULT_CSS = """
    SourceScreen #source { padding: 0 2; }
    SourceScreen .paragraph { margin-bottom: 1; }
    SourceScreen #source-note { color: $text-muted; margin-bottom: 1; }
    """

    def __init__(self, briefing: Briefing, claim: Claim | None) -> None:
        super().__init__()
        self.briefing = briefing
        self.claim = claim
        self.title = briefing.title
        self.sub_title = f"source text: {briefing.source.path}"

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with ScrollPane(id="source") as scroll:
            scroll.border_title = "Source"
            yield Static(self._note(), id="source-note")
            for paragraph in self.briefing.source_paragraphs_for(self.claim):
                content = literal(paragraph.text)
                span = self.claim.span if self.claim else None
                if span and span.paragraph == paragraph.number:
                    content = content.stylize(QUOTE_STYLE, span.start - paragraph.start, span.end - paragraph.start)
                yield Static(join([literal(f"{pilcrow(self.briefing, paragraph.number)} ", "dim"), content]), classes="paragraph",
                             id=f"source-p{paragraph.number}")
        yield Footer()

    def _note(self):  # type: ignore[no-untyped-def]
        if self.claim is None:
            return literal("No claim selected: the whole article.")
        if self.claim.span is None:
            return literal(f"The quote of {self.claim.id} was not found in this text (run briefing-tui validate).")
        who = self.briefing.actor_name(self.claim.actor)
        return join([literal("Quote of "), literal(who, "bold"), literal(f", paragraph {self.claim.span.paragraph}, highlighted.")])

    def on_mount(self) -> None:
        scroll = self.query_one("#source", ScrollPane)
        scroll.focus()
        if self.claim and self.claim.span:
            target = self.query_one(f"#source-p{self.claim.span.paragraph}", Static)
            self.call_after_refresh(scroll.scroll_to_widget, target, animate=False, top=True)

    def action_back(self) -> None:
        self.dismiss()

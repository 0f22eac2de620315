"""Competing claims side by side: one column per position of a dispute, with the exact words behind each."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.events import DescendantFocus, Resize
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ...export.markdown import dispute_markdown
from ...model.records import Briefing, Dispute
from .. import keys
from ..save_file import save_in_working_folder
from ..text import literal
from ..widgets.nav_pane import VimOptionList
from ..widgets.position_column import PositionColumn, position_heading
from ..widgets.title_bar import TitleBar

NARROW = 100

class CompareScreen(Screen[None]):
    BINDINGS = keys.bindings(keys.BACK, keys.COMPARE)
    DEFAULT_CSS = """
    CompareScreen #dispute-list { width: 32; height: 1fr; border: round $panel; }
    CompareScreen #dispute-list:focus { border: round $accent; }
    CompareScreen #question { padding: 0 1; text-style: bold; height: auto; }
    CompareScreen #figures { height: auto; }
    CompareScreen #figures > Static { width: 1fr; padding: 0 1; color: $text-warning; }
    CompareScreen #columns { height: 1fr; }
    CompareScreen .position { width: 1fr; height: 1fr; }
    CompareScreen .position-heading { padding: 0 1; height: auto; color: $accent; }
    CompareScreen.-narrow #dispute-list { display: none; }
    CompareScreen.-narrow #columns { layout: vertical; }
    CompareScreen.-narrow #figures { display: none; }
    CompareScreen.-narrow .position { width: 100%; height: auto; }
    CompareScreen.-narrow PositionColumn { height: auto; max-height: 20; min-height: 6; }
    CompareScreen.-narrow #columns { overflow-y: auto; }
    """

    def __init__(self, briefing: Briefing, disputes: tuple[Dispute, ...], current: Dispute,
                 matching: frozenset[str] = frozenset(), start_claim: str | None = None) -> None:
        super().__init__()
        self.start_claim = start_claim  # the claim the reader came from: where the cursor starts
        self.briefing = briefing
        self.disputes = disputes
        self.current = current
        self.matching = matching  # claims the reader's filter leaves: marked in the columns
        self.title = briefing.title

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal():
            dispute_list = VimOptionList(id="dispute-list")
            dispute_list.border_title = "Disputes"
            yield dispute_list
            with Vertical():
                yield Static(id="question")
                yield Horizontal(id="figures")
                yield Horizontal(id="columns")
        yield Footer()

    def on_mount(self) -> None:
        dispute_list = self.query_one("#dispute-list", OptionList)
        for dispute in self.disputes:
            dispute_list.add_option(Option(literal(dispute.question), id=dispute.id))
        self.show_dispute(self.current)

    @on(Resize)
    def _layout(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")

    @property
    def columns(self) -> list[PositionColumn]:
        return list(self.query(PositionColumn))

    def show_dispute(self, dispute: Dispute) -> None:
        self.current = dispute
        index = self.disputes.index(dispute)
        self.sub_title = f"dispute {index + 1} of {len(self.disputes)}"
        dispute_list = self.query_one("#dispute-list", OptionList)
        with dispute_list.prevent(OptionList.OptionHighlighted):
            dispute_list.highlighted = index
        self.query_one("#question", Static).update(literal(dispute.question))
        self._show_figures(dispute)
        holder = self.query_one("#columns", Horizontal)
        holder.remove_children()
        holder.scroll_home(animate=False)  # stacked on a narrow terminal: a new dispute starts at its top
        columns = [PositionColumn(self.briefing, p, self.matching) for p in dispute.positions]
        holder.mount(*(
            Vertical(Static(position_heading(p, n), classes="position-heading"), column, classes="position")
            for n, (p, column) in enumerate(zip(dispute.positions, columns), 1)
        ))
        self.call_after_refresh(self._focus_start, columns)

    @on(DescendantFocus)
    def _show_whole_position(self, event: DescendantFocus) -> None:
        """Stacked on a narrow terminal, a position's card scrolls into view when focused, but the
        heading above it (what the position says) would stay cut off: bring the two in together."""
        if isinstance(event.widget, PositionColumn) and self.has_class("-narrow") and event.widget.parent:
            position = event.widget.parent
            self.call_after_refresh(self.query_one("#columns").scroll_to_widget, position, top=True, animate=False)

    def _focus_start(self, columns: list[PositionColumn]) -> None:
        for column in columns:
            if self.start_claim in column.position.claims:
                column.highlighted = column.position.claims.index(self.start_claim)
                column.focus()
                return
        columns[0].focus()

    def _show_figures(self, dispute: Dispute) -> None:
        """A row lining up the numbers each position rests on, when any of them has figures."""
        row = self.query_one("#figures", Horizontal)
        row.remove_children()
        cells = []
        for position in dispute.positions:
            claims = [self.briefing.claim_by_id[c] for c in position.claims if c in self.briefing.claim_by_id]
            figures = [f.text for c in claims for f in c.figures]
            cells.append("; ".join(figures) if figures else "no figures")
        if any(cell != "no figures" for cell in cells):
            row.mount(*(Static(literal("# " + cell)) for cell in cells))

    @on(OptionList.OptionHighlighted, "#dispute-list")
    def _picked(self, event: OptionList.OptionHighlighted) -> None:
        dispute = self.briefing.dispute_by_id.get(event.option.id or "")
        if dispute is not None and dispute is not self.current:
            self.show_dispute(dispute)

    @on(OptionList.OptionSelected)
    def _open_source(self, event: OptionList.OptionSelected) -> None:
        if not isinstance(event.option_list, PositionColumn):
            return
        from .source import SourceScreen

        self.app.push_screen(SourceScreen(self.briefing, self.briefing.claim_by_id.get(event.option.id or "")))

    def action_step_dispute(self, step: int) -> None:
        index = (self.disputes.index(self.current) + step) % len(self.disputes)
        self.show_dispute(self.disputes[index])

    def action_column(self, step: int) -> None:
        columns = self.columns
        focused = self.focused
        index = columns.index(focused) if focused in columns else -1  # type: ignore[arg-type]
        columns[max(0, min(len(columns) - 1, index + step))].focus()

    def action_export(self) -> None:
        save_in_working_folder(self, f"dispute-{self.briefing.id}-{self.current.id}.md",
                               dispute_markdown(self.briefing, self.current))

    def action_back(self) -> None:
        self.dismiss()

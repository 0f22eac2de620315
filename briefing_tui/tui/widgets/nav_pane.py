"""The navigation pane: outline, actors, topics and disputes, with counts for the active filter."""

from __future__ import annotations

from typing import NamedTuple

from textual import on
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList

from ...model.records import Briefing
from ...query.facets import Facets
from .. import keys
from ..text import join, literal
from .virtual_list import VirtualList


class VimOptionList(OptionList):
    """An OptionList that also moves with j/k/g/G (for short lists: pickers, judgments, disputes)."""

    BINDINGS = keys.bindings(keys.LIST)


class _Entry(NamedTuple):
    """One row of the navigation pane."""

    id: str | None  # "kind:ident", or None for a heading
    label: str
    count: int | None = None


class NavPane(VirtualList):
    """Briefings, sections, actors, topics and disputes in one list; Enter chooses one.

    Only the rows on screen are drawn, so a library of thousands of actors costs what a
    briefing of forty does.
    """

    DEFAULT_CSS = """
    NavPane { width: 30; border: round $panel; }
    NavPane:focus { border: round $accent; }
    """

    class Chosen(Message):
        """The reader picked ``kind`` ("section", "actor", "topic", "dispute", "briefing") ``ident``."""

        def __init__(self, nav: NavPane, kind: str, ident: str) -> None:
            super().__init__()
            self.nav = nav
            self.kind = kind
            self.ident = ident

        @property
        def control(self) -> NavPane:
            return self.nav

    def __init__(self, **kwargs: object) -> None:
        super().__init__(row_height=1, **kwargs)  # type: ignore[arg-type]
        self.border_title = "Navigate"
        self._entries: list[_Entry] = []

    def show(self, briefing: Briefing, facets: Facets, filtered: bool) -> None:
        """Rebuild the list for ``facets``, keeping the highlighted item where it still exists."""
        entries: list[_Entry] = []
        if len(briefing.member_titles) > 1:
            entries.append(_Entry(None, "Briefings"))
            entries += [_Entry(f"briefing:{ident}", title, facets.briefings[ident])
                        for ident, title in briefing.member_titles.items()
                        if not filtered or facets.briefings[ident]]
        library = len(briefing.member_titles) > 1
        entries.append(_Entry(None, "Sections"))
        # in a library a section is named with its briefing's id: two members may share titles
        entries += [_Entry(f"section:{s.id}", f"{s.id.split('/')[0]} › {s.title}" if library else s.title,
                           facets.sections[s.id]) for s in briefing.sections
                    if not filtered or facets.sections[s.id] or len(briefing.sections) < 200]
        entries.append(_Entry(None, "Actors"))
        speakers = sorted(briefing.actors, key=lambda a: (-facets.speakers[a.id], a.name.casefold()))
        entries += [_Entry(f"actor:{a.id}", a.name, facets.speakers[a.id]) for a in speakers
                    if not filtered or facets.mentioned[a.id]]
        entries.append(_Entry(None, "Topics"))
        entries += [_Entry(f"topic:{t.id}", t.name, facets.topics[t.id]) for t in briefing.topics]
        entries.append(_Entry(None, "Disputes"))
        entries += [_Entry(f"dispute:{d.id}", d.question) for d in briefing.disputes
                    if not filtered or facets.disputes[d.id]]
        self._entries = entries
        # Rows come and go as the counts change (and a library grows a Briefings group above the
        # rest while it loads): a pane the reader is not using must not scroll by itself.
        self.set_rows([e.id for e in entries], self.row_content, keep=self.highlighted_id,
                      reveal_cursor=self.has_focus)

    def row_content(self, index: int) -> Content:
        entry = self._entries[index]
        if entry.id is None:
            return literal(entry.label)
        if entry.count is None:
            return literal(f"  {entry.label}")
        # the count leads, right-aligned, so a long name cut at the pane's edge never hides it
        return join([literal(f"{entry.count:>4} ", "dim" if entry.count else "dim italic"), literal(entry.label)])

    @on(VirtualList.Selected)
    def _chosen(self, event: VirtualList.Selected) -> None:
        if event.virtual_list is not self:
            return
        event.stop()
        kind, ident = event.id.split(":", 1)
        self.post_message(self.Chosen(self, kind, ident))

    @on(VirtualList.Highlighted)
    def _highlighted(self, event: VirtualList.Highlighted) -> None:
        event.stop()  # moving through the outline changes nothing until Enter

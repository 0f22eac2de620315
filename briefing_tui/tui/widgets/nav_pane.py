"""The navigation pane: outline, actors, topics and disputes, with counts for the active filter."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...model.records import Briefing
from ...query.facets import Facets
from .. import keys
from ..text import join, literal


class VimOptionList(OptionList):
    """An OptionList that also moves with j/k/g/G."""

    BINDINGS = keys.bindings(keys.LIST)


class NavPane(VimOptionList):
    """Sections, actors, topics and disputes in one list; Enter chooses one."""

    DEFAULT_CSS = """
    NavPane { width: 30; border: round $panel; }
    NavPane:focus { border: round $accent; }
    """

    @dataclass
    class Chosen(Message):
        """The reader picked ``kind`` ("section", "actor", "topic", "dispute") ``ident``."""

        nav: NavPane
        kind: str
        ident: str

        @property
        def control(self) -> NavPane:
            return self.nav

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.border_title = "Navigate"

    def show(self, briefing: Briefing, facets: Facets, filtered: bool) -> None:
        """Rebuild the list for ``facets``, keeping the highlighted item where it still exists."""
        highlighted = self.highlighted_option.id if self.highlighted_option is not None else None
        options: list[Option] = []

        def heading(title: str) -> None:
            options.append(Option(literal(title, "bold"), disabled=True))

        def count(n: int) -> Content:
            return literal(f" ({n})", "dim" if n else "dim italic")

        if len(briefing.member_titles) > 1:
            heading("Briefings")
            for ident, title in briefing.member_titles.items():
                options.append(Option(join([literal(title), count(facets.briefings[ident])]), id=f"briefing:{ident}"))
        heading("Sections")
        for section in briefing.sections:
            options.append(Option(join([literal(section.title), count(facets.sections[section.id])]), id=f"section:{section.id}"))
        heading("Actors")
        speakers = sorted(briefing.actors, key=lambda a: (-facets.speakers[a.id], a.name.casefold()))
        for actor in speakers:
            if filtered and not facets.mentioned[actor.id]:
                continue
            options.append(Option(join([literal(actor.name), count(facets.speakers[actor.id])]), id=f"actor:{actor.id}"))
        heading("Topics")
        for topic in briefing.topics:
            options.append(Option(join([literal(topic.name), count(facets.topics[topic.id])]), id=f"topic:{topic.id}"))
        heading("Disputes")
        for dispute in briefing.disputes:
            if filtered and not facets.disputes[dispute.id]:
                continue
            options.append(Option(literal(dispute.question), id=f"dispute:{dispute.id}"))
        self.set_options(options)
        ids = [o.id for o in options]
        if highlighted in ids:
            self.highlighted = ids.index(highlighted)
        else:
            self.highlighted = next((i for i, o in enumerate(options) if not o.disabled), None)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option_list is not self or event.option.id is None:
            return
        event.stop()
        kind, ident = event.option.id.split(":", 1)
        self.post_message(self.Chosen(self, kind, ident))

"""The main screen: navigation, reading and details panes, driven by one query.

The screen owns the state (the query, the claims it leaves, the selected section and claim)
and hands it down to the panes; the panes only draw it and post messages back up.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.events import Resize
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input

from ...model.records import Briefing, Claim, Dispute, in_article_order
from ...query import ClaimFilter, Term, describe, disputes_involving, parse, to_query
from ...query.search import ClaimSearch
from ...query.filters import NoAnnotations
from ...state import Position, StateStore
from .. import keys
from ..text import literal
from ..widgets.details_pane import DetailsPane, claim_details
from ..widgets.filter_bar import FilterBar
from ..widgets.nav_pane import NavPane
from ..widgets.reading_pane import ClaimChosen, ClaimList, SectionView
from .annotate import AnnotationActions

NARROW = 100  # below this many columns the details pane moves under the reading pane
TINY = 60  # below this the navigation pane hides; the palette and pickers still reach everything
RECOUNT_DELAY = 0.15  # seconds of quiet typing before the navigation counts and the title catch up
INDEX_IN_FOREGROUND = 5000  # claims; indexing more would hold up the first frame


class ReaderScreen(AnnotationActions, Screen[None]):
    # help and quit lead the footer, so a narrow terminal never cuts them off
    BINDINGS = [*keys.app_bindings_for_screens(), *keys.bindings(keys.READER)]
    # on_mount focuses the pane the reader left off in; Textual's default would first focus the
    # query bar and then move, restyling the screen twice before the first frame
    AUTO_FOCUS = ""

    def __init__(self, briefing: Briefing, store: StateStore | None = None,
                 progress: tuple[int, int] | None = None) -> None:
        """``progress``: files loaded and files in all, while a library is still loading."""
        super().__init__()
        self.briefing = briefing
        self.search = ClaimSearch(briefing)
        self._progress = progress
        self._awaited: tuple[str, str] | None = None  # the saved place, in a briefing not loaded yet
        self._start_place: tuple[str | None, str] | None = None  # where the first frame stood, once drawn
        self._recount: Timer | None = None
        self.store = store
        self.annotations = store if store is not None else NoAnnotations()
        self.filter = ClaimFilter()
        self.matches: tuple[Claim, ...] = briefing.claims
        self.section_id = briefing.sections[0].id
        self.claim_id: str | None = None
        self._errors: tuple[str, ...] = ()
        self._typing = False  # inside apply_query for a keystroke
        self._filter_asked = False  # "/" was pressed
        self._details_due = False  # the details pane waits for typing to pause
        self._list_shown = False  # the reading column shows the claim list, not the section text
        self._claim_list: ClaimList | None = None  # made when a filter first needs it
        # Where the reader was when a filter began; Esc goes back there, unless they have since
        # picked a claim themselves (a list that follows the typing picks its first match alone).
        self._before_filter: tuple[str, str | None] | None = None
        self.title = self._title()

    def compose(self) -> ComposeResult:
        yield FilterBar()  # with the title, docked on top
        yield NavPane(id="nav")
        yield SectionView(id="section-view")  # the claim list joins it when a filter first needs it
        yield DetailsPane(id="details")
        yield Footer()

    def on_mount(self) -> None:
        self._start_indexing()
        saved = self.store.position if self.store is not None else Position()
        kind, ident = saved.selected or ("", "")
        if kind == "claim" and ident in self.briefing.claim_by_id:
            self.claim_id = ident
            self.section_id = self.briefing.claim_by_id[ident].section
        elif kind == "section" and ident in self.briefing.section_by_id:
            self.section_id = ident
        elif self.more_to_load and ident:
            self._awaited = (kind, ident)
        self.apply_query(saved.filter)
        if self.filter.is_empty:
            first = self.briefing.claims_in(self.section_id)
            self.show_section(self.section_id, self.claim_id or (first[0].id if first else None))
        elif self.claim_id:
            self.select_claim(self.claim_id)
        if not self._filter_asked:  # a "/" pressed while the reader was opening stands
            self.set_focus(self.claim_list if self.in_list else self.query_one(SectionView))
        self._start_place = (self.claim_id, self.section_id)
        self._report_orphans()

    def on_unmount(self) -> None:
        # the position was recorded as it changed (the panes are gone by now); write it out
        if self.store is not None and self.store.dirty:
            try:
                self.store.save()
            except OSError:
                pass  # leaving anyway; the notes themselves were saved when written

    def _start_indexing(self) -> None:
        """Index a library once it is all loaded: at once when small, else in the background."""
        if not self.search.wants_index or self.search.has_index or self.more_to_load:
            return
        if len(self.briefing.claims) <= INDEX_IN_FOREGROUND:
            self.search.build_index()
        else:  # a big library: read while it indexes (from the first frame on); filters scan until then
            self.call_after_refresh(self.run_worker, self._build_index, thread=True, exclusive=True, group="index")

    def _build_index(self) -> None:
        search = self.search
        search.build_index()
        if search is self.search:
            self.app.call_from_thread(self.notify, "Library indexed: filters are now instant.", markup=False)

    def _report_orphans(self) -> None:
        if self.store is None:
            return
        orphans = self.store.orphaned_notes(self.briefing.claim_by_id.keys(), self.briefing.section_by_id.keys())
        if orphans:
            self.notify(f"{len(orphans)} note(s) refer to claims or sections no longer in this briefing; they are "
                        "kept, and listed under 'Orphaned' in the notes export.", severity="warning", timeout=15,
                        markup=False)

    def _remember_position(self) -> None:
        if self.store is None or not self.is_mounted:
            return
        selected = ("claim", self.claim_id) if self.claim_id else ("section", self.section_id)
        if self._awaited is not None:
            if self._start_place in (None, (self.claim_id, self.section_id)):
                selected = self._awaited  # not shown yet, and the reader has not moved: keep it
            else:
                self._awaited = None
        focused = self.focused.id if self.focused is not None and self.focused.id else ""
        self.store.set_position(Position(selected=selected, filter=self.filter_bar.input.value, pane=focused))

    def replace_briefing(self, briefing: Briefing, search: ClaimSearch | None = None, more_to_load: bool = False) -> None:
        """Show a reloaded edition of the same briefing, or more of a library (``search`` may come
        with its counts made), keeping the query and the selection."""
        self.briefing = briefing
        self.search = search or ClaimSearch(briefing)
        if not more_to_load:
            self._progress = None
        self.title = self._title()
        self._start_indexing()
        if self.claim_id not in briefing.claim_by_id:
            self.claim_id = None
        if self.section_id not in briefing.section_by_id:
            self.section_id = briefing.sections[0].id
        self._restore_awaited()
        self.apply_query(self.filter_bar.input.value)
        if self.claim_id:
            self.select_claim(self.claim_id)

    @property
    def more_to_load(self) -> bool:
        """The app is still handing over the rest of this library as it loads."""
        return self._progress is not None

    def _title(self) -> str:
        # while a library loads, its title counts only what is in so far: say so
        return self.briefing.title + (" (loading)" if self.more_to_load else "")

    def _restore_awaited(self) -> None:
        """The saved place has loaded: go there, unless the reader has moved on meanwhile."""
        if self._awaited is None or self._start_place not in (None, (self.claim_id, self.section_id)):
            return
        kind, ident = self._awaited
        if kind == "claim" and ident in self.briefing.claim_by_id:
            self.claim_id, self.section_id = ident, self.briefing.claim_by_id[ident].section
        elif kind == "section" and ident in self.briefing.section_by_id:
            self.claim_id, self.section_id = None, ident
        elif self.more_to_load:
            return  # not loaded yet either
        self._awaited = None

    def show_progress(self, loaded: int, total: int) -> None:
        """How far the loading of this library has gone, in the status line."""
        self._progress = (loaded, total)
        self._show_status()

    def refresh_annotations(self) -> None:
        """Bookmarks, notes or read marks changed: filters on them and the details pane follow."""
        if any(t.field in ("is", "has") for t in self.filter.terms):
            self.apply_query(self.filter_bar.input.value)
        if self.claim_id:
            self.select_claim(self.claim_id)

    @on(Resize)
    def _layout(self, event: Resize) -> None:
        # only touch classes that change: each change restyles the whole screen
        for name, wanted in (("-narrow", event.size.width < NARROW), ("-tiny", event.size.width < TINY)):
            if self.has_class(name) != wanted:
                self.set_class(wanted, name)

    # -- the query drives everything -------------------------------------------------------

    @property
    def filter_bar(self) -> FilterBar:
        return self.query_one(FilterBar)

    def apply_query(self, text: str, typing: bool = False) -> None:
        """Parse ``text`` and bring every pane in line with it (``typing``: the reader is mid-word)."""
        self._typing = typing
        try:
            self._apply_query(text)
        finally:
            self._typing = False

    def _apply_query(self, text: str) -> None:
        was_empty = self.filter.is_empty
        parsed = parse(text, self.briefing)
        self.filter = parsed.filter
        self.matches = self.search.find(self.filter, self.annotations)
        self.filter_bar.set_query(text)
        if self._typing:
            # What does not answer the keystroke itself (the navigation counts, the title's summary
            # of the query, the details of the first match) waits until typing pauses: each of them
            # repaints or relays out the screen.
            if self._recount is not None:
                self._recount.stop()
            self._recount = self.set_timer(RECOUNT_DELAY, self._catch_up)
        else:
            self._catch_up()
        self._errors = parsed.errors
        self._show_status()
        if self.filter.is_empty:
            if self._before_filter is not None:
                self.section_id, self.claim_id = self._before_filter
                self._before_filter = None
            self.show_section(self.section_id, self.claim_id)
        else:
            if was_empty:
                self._before_filter = (self.section_id, self.claim_id)
            self.show_list()
        self._remember_position()

    def _show_status(self) -> None:
        loading = ""
        if self._progress is not None:
            loaded, total = self._progress
            loading = (f"  ·  loading briefing files: {loaded:,} of {total:,}" if loaded < total
                       else f"  ·  all {total:,} briefing files read; joining them up")
        if self._errors:
            self.filter_bar.set_status("  ·  ".join(self._errors) + loading, "error")
        elif not self.matches:
            hint = "remove a term, or press Esc to clear the filter"
            self.filter_bar.set_status(f"No claims match {describe(self.filter, self.briefing)}: {hint}.{loading}", "empty")
        elif self.filter.is_empty:
            self.filter_bar.set_status(f"{len(self.briefing.claims):,} claims in {len(self.briefing.sections):,} sections{loading}")
        else:
            self.filter_bar.set_status(f"{len(self.matches):,} of {len(self.briefing.claims):,} claims match{loading}")

    @property
    def catching_up(self) -> bool:
        """True while what waits for a pause in typing has yet to be shown."""
        return self._recount is not None

    def _catch_up(self) -> None:
        self._recount = None
        self.sub_title = describe(self.filter, self.briefing)
        if self._details_due and self.selected_claim is not None:
            self._show_details(self.selected_claim)
        self.query_one(NavPane).show(self.briefing, self.search.facets(self.matches), not self.filter.is_empty)

    def write_term(self, term: Term) -> None:
        """Pickers and the navigation pane narrow the query the reader sees in the bar."""
        self.apply_query(to_query(self.filter.replacing(term)))

    def _chosen(self, term: Term, alone: bool = False) -> None:
        """A picker or the bottom line chose what to see (``alone``: instead of the filter there): show
        it, and give the keys to the list of it, which is what the reader went there for."""
        if alone:
            self.apply_query(to_query(ClaimFilter((term,))))
        else:
            self.write_term(term)
        if self.in_list:
            self.claim_list.focus()

    @on(Input.Changed, "#filter-input")
    def _typed(self, event: Input.Changed) -> None:
        self.apply_query(event.value, typing=True)

    @on(Input.Submitted, "#filter-input")
    def _submitted(self) -> None:
        (self.claim_list if self.in_list else self.query_one(SectionView)).focus()

    # -- showing things --------------------------------------------------------------------

    @property
    def in_list(self) -> bool:
        return self._list_shown

    @property
    def claim_list(self) -> ClaimList:
        """The list of the claims a filter leaves, made the first time one is shown: most readers
        start on a section, and the hidden list cost the first frame about 3 ms."""
        if self._claim_list is None:
            self._claim_list = ClaimList(id="claim-list")
            self._claim_list.border_title = "Matching claims"  # how many is in the status line
            self._claim_list.display = False
            self.mount(self._claim_list, after=self.query_one(SectionView))  # the layout places panes in order
        return self._claim_list

    def _show_in_reading_column(self, show_list: bool) -> None:
        """The claim list or the section text, in the same place: the other one hides."""
        if show_list == self._list_shown:
            return
        claim_list = self.claim_list
        self._list_shown = show_list
        claim_list.display = show_list
        self.query_one(SectionView).display = not show_list

    def show_list(self) -> None:
        claim_list = self.claim_list
        self._show_in_reading_column(True)
        claim_list.show(self.briefing, self.matches, self.claim_id)
        if not self.matches:
            self._details_due = False  # nothing to catch up with: no claim is listed
            self.query_one(DetailsPane).show(literal("No claim matches the filter. Esc clears it."))
        elif self.claim_id is None or claim_list.index_of(self.claim_id) is None:
            # the details pane follows the list, never a claim it hides
            self.select_claim(self.matches[0].id, following_list=True)

    def show_section(self, section_id: str, claim_id: str | None) -> None:
        self._show_in_reading_column(False)
        self.section_id = section_id
        section = self.briefing.section_by_id[section_id]
        section_view = self.query_one(SectionView)
        section_view.border_title = literal(section.title)
        matching = frozenset(c.id for c in self.matches) if not self.filter.is_empty else frozenset()
        section_view.show(self.briefing, section, claim_id, matching)
        if claim_id:
            self.select_claim(claim_id)

    def select_claim(self, claim_id: str, following_list: bool = False) -> None:
        """Select ``claim_id``: the reader's choice, unless ``following_list`` (the list's first match)."""
        if not following_list:
            self._before_filter = None
        claim = self.briefing.claim_by_id[claim_id]
        self.claim_id = claim_id
        if not self.in_list and claim.section != self.section_id:
            self.show_section(claim.section, claim_id)
            return
        if not self.in_list:
            matching = frozenset(c.id for c in self.matches) if not self.filter.is_empty else frozenset()
            self.query_one(SectionView).show(self.briefing, self.briefing.section_by_id[self.section_id], claim_id, matching)
        if self._typing:
            self._details_due = True  # the details pane relays out the screen: it waits for a pause
        else:
            self._show_details(claim)
        self._remember_position()

    def _show_details(self, claim: Claim) -> None:
        self._details_due = False
        note = self.store.note_for("claim", claim.id) if self.store is not None else None
        flags = " ".join(flag for flag, on in (("★ bookmarked", self.annotations.is_bookmarked(claim.id)),
                                               ("✓ read", self.annotations.is_read(claim.id))) if on)
        self.query_one(DetailsPane).show(claim_details(self.briefing, claim, note.text if note else None, flags))

    @property
    def selected_claim(self) -> Claim | None:
        return self.briefing.claim_by_id.get(self.claim_id or "")

    # -- messages from the panes -----------------------------------------------------------

    @on(ClaimChosen)
    def _claim_chosen(self, event: ClaimChosen) -> None:
        if not event.open:
            self.select_claim(event.claim_id)
        elif self.in_list:
            claim = self.briefing.claim_by_id[event.claim_id]
            self.show_section(claim.section, claim.id)
            self.query_one(SectionView).focus()
        else:
            self.action_show_source()

    @on(SectionView.StepOut)
    def _step_out(self, event: SectionView.StepOut) -> None:
        ids = [s.id for s in self.briefing.sections]
        index = ids.index(self.section_id) + event.direction
        if 0 <= index < len(ids):
            claims = self.briefing.claims_in(ids[index])
            pick = (claims[0] if event.direction > 0 else claims[-1]).id if claims else None
            self.show_section(ids[index], pick)

    @on(NavPane.Chosen)
    def _nav_chosen(self, event: NavPane.Chosen) -> None:
        if event.kind == "section":
            claims = self.briefing.claims_in(event.ident)
            self.show_section(event.ident, claims[0].id if claims else None)
            self.query_one(SectionView).focus()
        elif event.kind in ("actor", "topic", "briefing"):
            self.write_term(Term(event.kind, event.ident))
        elif event.kind == "dispute":
            self.open_compare((self.briefing.dispute_by_id[event.ident],))

    # -- actions ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "focus_filter" and self.is_mounted and self.filter_bar.input.has_focus:
            return False  # a "/" typed into the query is text
        return True

    def action_focus_filter(self) -> None:
        # At once, not after the keys already queued (Widget.focus waits): what is typed straight
        # after "/" (a paste, a fast typist, a slow link) belongs in the filter, not to the reader.
        self._filter_asked = True
        self.set_focus(self.filter_bar.input)

    def action_clear_filter(self) -> None:
        if not self.filter.is_empty or self.filter_bar.input.value:
            self.apply_query("")
            self.query_one(SectionView).focus()
        elif self.filter_bar.input.has_focus:
            self.query_one(SectionView).focus()

    def action_toggle_view(self) -> None:
        if self.in_list:
            claim = self.selected_claim
            self.show_section(claim.section if claim else self.section_id, self.claim_id)
            self.query_one(SectionView).focus()
        else:
            self.show_list()
            self.claim_list.focus()

    def _step_match(self, direction: int) -> None:
        ordered = in_article_order(self.matches)
        if not ordered:
            self.notify("No claims match the filter.", severity="warning", markup=False)
            return
        ids = [c.id for c in ordered]
        if self.claim_id in ids:
            target = ids[(ids.index(self.claim_id) + direction) % len(ids)]
        else:
            position = self.selected_claim.span.start if self.selected_claim and self.selected_claim.span else -1
            after = [c.id for c in ordered if (c.span.start if c.span else -1) > position]
            target = (after[0] if after else ids[0]) if direction > 0 else ids[-1]
        if self.in_list:
            self.claim_list.move_to(target)
        self.select_claim(target)

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def action_pick_actor(self) -> None:
        from .picker import PickerScreen

        choices = [(a.id, a.name, a.aliases) for a in self.briefing.actors]
        self.app.push_screen(PickerScreen("Actor", choices), lambda ident: ident and self._chosen(Term("actor", ident)))

    def action_pick_topic(self) -> None:
        from .picker import PickerScreen

        choices = [(t.id, t.name, ()) for t in self.briefing.topics]
        self.app.push_screen(PickerScreen("Topic", choices), lambda ident: ident and self._chosen(Term("topic", ident)))

    def action_show_source(self) -> None:
        from .source import SourceScreen

        self.app.push_screen(SourceScreen(self.briefing, self.selected_claim))

    def action_show_bluf(self) -> None:
        from .bluf import BlufScreen

        # the claims behind a judgment, on their own: not narrowed by whatever filter was there
        self.app.push_screen(BlufScreen(self.briefing),
                             lambda kj: kj and self._chosen(Term("judgment", kj), alone=True))

    def action_compare(self) -> None:
        claim = self.selected_claim
        if claim is None:
            self.notify("Select a claim first.", severity="warning", markup=False)
            return
        disputes = self.briefing.disputes_of(claim.id)
        if not disputes:
            self.notify("No dispute involves this claim.", severity="warning", markup=False)
            return
        self.open_compare(disputes)

    def open_compare(self, disputes: tuple[Dispute, ...]) -> None:
        """Open the compare view on ``disputes[0]``, or let the reader choose when there are several."""
        if len(disputes) > 1:
            from .picker import PickerScreen

            choices = [(d.id, d.question, ()) for d in disputes]
            self.app.push_screen(
                PickerScreen("Dispute", choices),
                lambda ident: ident and self.open_compare((self.briefing.dispute_by_id[ident],)),
            )
            return
        from .compare import CompareScreen

        current = disputes[0]
        involved = disputes_involving(self.briefing, self.matches) if not self.filter.is_empty else self.briefing.disputes
        listed = involved if current in involved else self.briefing.disputes
        matching = frozenset(c.id for c in self.matches) if not self.filter.is_empty else frozenset()
        self.app.push_screen(CompareScreen(self.briefing, listed, current, matching, start_claim=self.claim_id))

    # -- entry points for the command palette ----------------------------------------------

    def jump_to_section(self, section_id: str) -> None:
        if not self.filter.is_empty:
            self.apply_query("")
        claims = self.briefing.claims_in(section_id)
        self.show_section(section_id, claims[0].id if claims else None)
        self.query_one(SectionView).focus()

    def jump_to_claim(self, claim_id: str) -> None:
        claim = self.briefing.claim_by_id[claim_id]
        if self.in_list and claim in self.matches:
            self.claim_list.move_to(claim_id)
            self.select_claim(claim_id)
            return
        self.show_section(claim.section, claim_id)
        self.query_one(SectionView).focus()

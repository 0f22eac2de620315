"""The reader's own marks: bookmarks, notes and read marks, kept by a StateStore.

A mixin of the reader screen, so the screen file stays about showing the briefing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import SuspendNotSupported

from ...state import StateStore

if TYPE_CHECKING:
    from .reader import ReaderScreen


class AnnotationActions:
    store: StateStore | None

    def _annotation_target(self: ReaderScreen) -> tuple[str, str, str] | None:  # type: ignore[misc]
        """(kind, id, description) of what a note would annotate, or None after telling the reader why not."""
        if self.store is None:
            self.notify("Reading state is unavailable this session; notes cannot be kept.", severity="error", markup=False)
            return None
        claim = self.selected_claim
        if claim is not None:
            return "claim", claim.id, f"{self.briefing.actor_name(claim.actor)}: {claim.summary}"
        section = self.briefing.section_by_id[self.section_id]
        return "section", section.id, section.title

    def _saved(self: ReaderScreen, done: str) -> None:  # type: ignore[misc]
        assert self.store is not None
        try:
            warnings = self.store.save()
        except OSError as error:
            self.notify(f"Could not save your reading state ({error.strerror or error}); it is kept in memory and "
                        "saving will be retried.", severity="error", markup=False)
            return
        for warning in warnings:
            self.notify(str(warning), severity="warning", timeout=30, markup=False)
        self.notify(done, markup=False)
        self.refresh_annotations()

    def action_toggle_bookmark(self: ReaderScreen) -> None:  # type: ignore[misc]
        claim = self.selected_claim
        if claim is None or self.store is None:
            self.notify("Select a claim to bookmark.", severity="warning", markup=False)
            return
        on = self.store.toggle_bookmark(claim.id)
        self._saved("Bookmarked." if on else "Bookmark removed.")

    def action_toggle_read(self: ReaderScreen) -> None:  # type: ignore[misc]
        claim = self.selected_claim
        if claim is None or self.store is None:
            return
        if self.store.is_read(claim.id):
            self.store.mark_unread(claim.id)
            self._saved("Marked unread.")
        else:
            self.store.mark_read(claim.id)
            self._saved("Marked read.")

    def action_edit_note(self: ReaderScreen) -> None:  # type: ignore[misc]
        target = self._annotation_target()
        if target is None:
            return
        from .note_editor import NoteEditor  # TextArea is heavy to import; most sessions write no note

        kind, ident, what = target
        assert self.store is not None
        current = self.store.note_for(kind, ident)
        self.app.push_screen(NoteEditor(what, current.text if current else ""),
                             lambda text: self._keep_note(kind, ident, text))

    def action_edit_note_externally(self: ReaderScreen) -> None:  # type: ignore[misc]
        from ..external_editor import configured_editor, edit_text

        target = self._annotation_target()
        editor = configured_editor()
        if target is None:
            return
        if editor is None:
            self.notify("Set $EDITOR (or $VISUAL) to write notes in your editor; e writes them here.",
                        severity="warning", markup=False)
            return
        kind, ident, _what = target
        assert self.store is not None
        current = self.store.note_for(kind, ident)
        try:
            with self.app.suspend():
                text = edit_text(current.text if current else "", editor)
        except SuspendNotSupported:
            self.notify("This terminal cannot hand over to an editor; e writes notes here.", severity="warning",
                        markup=False)
            return
        if text is None:
            self.notify("The editor failed; the note is unchanged.", severity="error", markup=False)
            return
        self._keep_note(kind, ident, text)

    def action_mark_reviewed(self: ReaderScreen) -> None:  # type: ignore[misc]
        from ...authoring.review import mark_reviewed
        from ...model import load_briefing

        claim = self.selected_claim
        if claim is None or claim.review != "proposed":
            self.notify("Select a proposed claim to mark it reviewed.", severity="warning", markup=False)
            return
        try:
            mark_reviewed(Path(self.briefing.path), "claim", claim.id)
        except (OSError, KeyError, ValueError) as error:
            self.notify(f"Could not mark {claim.id} reviewed: {error}", severity="error", markup=False)
            return
        reloaded = load_briefing(self.briefing.path)
        if reloaded.briefing is not None:
            self.replace_briefing(reloaded.briefing)
        self.notify(f"{claim.id} marked reviewed in {self.briefing.path}.", markup=False)

    def action_export_notes(self: ReaderScreen) -> None:  # type: ignore[misc]
        from ...export.notes_markdown import notes_to_markdown
        from ..save_file import save_in_working_folder

        if self.store is None:
            self.notify("Reading state is unavailable this session; there are no notes to export.",
                        severity="error", markup=False)
            return
        # notes are private: the file is the reader's alone, like the state it comes from
        save_in_working_folder(self, f"notes-{self.briefing.id}.md", notes_to_markdown(self.briefing, self.store),
                               mode=0o600)

    def _keep_note(self: ReaderScreen, kind: str, ident: str, text: str | None) -> None:  # type: ignore[misc]
        if text is None:
            return
        assert self.store is not None
        kept = self.store.set_note(kind, ident, text)
        self._saved("Note saved." if kept else "Note deleted.")

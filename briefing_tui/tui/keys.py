"""Every key of the reader, declared once.

Footer, help screen and command palette all read this table, so they cannot disagree.
Each binding has an ``id``, so a user keymap (``App.set_keymap``) can rebind it.
"""

from __future__ import annotations

from typing import NamedTuple

from textual.binding import Binding


class Key(NamedTuple):
    """One key of the reader: what it does, and how the footer and help describe it."""

    id: str
    keys: str  # Textual key names, comma-separated
    action: str
    description: str  # short, for the footer
    help: str  # one sentence, for the help screen and the palette
    show: bool = True
    priority: bool = False
    bound_by_textual: bool = False  # documented here, bound by Textual itself (e.g. Ctrl+P)

    def binding(self) -> Binding:
        return Binding(
            self.keys, self.action, self.description, show=self.show, id=self.id, tooltip=self.help,
            priority=self.priority,
        )


APP = (
    Key("quit", "q", "quit", "Quit", "Leave the reader."),
    Key("help", "question_mark", "help", "Help", "List every key."),
    Key("library", "L", "library", "Library", "List every briefing file, with the problems of broken ones; Enter reads one alone.",
        show=False),
    Key("palette", "ctrl+p", "command_palette", "Commands", "Jump to an actor, topic, section, dispute or claim; switch theme.",
        bound_by_textual=True),
)

READER = (
    # priority: handled when the key arrives, so the keys right behind it already go to the filter
    Key("filter", "slash", "focus_filter", "Filter", "Type a query: actor:ID topic:ID kind:K section:ID \"text\", -term negates.",
        priority=True),
    Key("clear", "escape", "clear_filter", "Clear", "Clear the filter and show the section text again.", show=False),
    Key("actor", "a", "pick_actor", "Actor", "Pick an actor (fuzzy) and filter by what they say."),
    Key("topic", "t", "pick_topic", "Topic", "Pick a topic (fuzzy) and filter by it."),
    Key("next-match", "n", "next_match", "Next", "Select the next claim that matches the filter."),
    Key("prev-match", "N", "previous_match", "Prev", "Select the previous claim that matches the filter.", show=False),
    Key("source", "s", "show_source", "Source", "Show the whole article with the selected claim's quote highlighted."),
    Key("bluf", "b", "show_bluf", "BLUF", "Show the bottom line up front and the key judgments."),
    Key("compare", "c", "compare", "Compare", "Set the selected claim against the claims that dispute it."),
    Key("view", "v", "toggle_view", "Text/List", "Switch the reading pane between section text and matching claims.", show=False),
    Key("bookmark", "m", "toggle_bookmark", "Mark", "Bookmark the selected claim, or remove its bookmark (filter: is:bookmarked)."),
    Key("note", "e", "edit_note", "Note", "Write a note on the selected claim, or on the section when none is selected (filter: has:note)."),
    Key("external-note", "E", "edit_note_externally", "$EDITOR", "Write the note in $EDITOR instead.", show=False),
    Key("review", "r", "mark_reviewed", "Reviewed", "Confirm a proposed (drafted) claim: writes review: confirmed into its YAML.", show=False),
    Key("export-notes", "ctrl+e", "export_notes", "Export notes", "Write your notes and bookmarks as Markdown to a file in the current folder.", show=False),
    Key("read", "x", "toggle_read", "Read", "Mark the selected claim read or unread (filter: is:read, is:unread).", show=False),
)

LIST = (
    Key("down", "j", "cursor_down", "Down", "Move down.", show=False),
    Key("up", "k", "cursor_up", "Up", "Move up.", show=False),
    Key("first", "g", "first", "First", "Go to the first item.", show=False),
    Key("last", "G", "last", "Last", "Go to the last item.", show=False),
)

SCROLL = (
    Key("scroll-down", "j", "scroll_down", "Down", "Scroll down.", show=False),
    Key("scroll-up", "k", "scroll_up", "Up", "Scroll up.", show=False),
    Key("scroll-home", "g", "scroll_home", "Top", "Scroll to the top.", show=False),
    Key("scroll-end", "G", "scroll_end", "Bottom", "Scroll to the bottom.", show=False),
)

BACK = (Key("back", "escape", "back", "Back", "Go back to where you came from."),)

COMPARE = (
    Key("prev-dispute", "left_square_bracket", "step_dispute(-1)", "Prev dispute", "Show the previous dispute."),
    Key("next-dispute", "right_square_bracket", "step_dispute(1)", "Next dispute", "Show the next dispute."),
    Key("col-left", "h", "column(-1)", "Left", "Move to the position on the left (or above).", show=False),
    Key("col-right", "l", "column(1)", "Right", "Move to the position on the right (or below).", show=False),
    Key("export-dispute", "e", "export", "Export", "Write this dispute as Markdown to a file in the current folder."),
)

CONTEXTS = {
    "Everywhere": APP,
    "Reader": READER,
    "Lists (navigation, claims)": LIST + (
        Key("pages", "pageup,pagedown", "page", "Page", "Move a page up or down.", show=False),
        Key("open", "enter", "select", "Open", "Open the highlighted item.", show=False),
        Key("panes", "tab,shift+tab", "focus_next", "Pane", "Move to the next or previous pane.", show=False),
    ),
    "Compare view": COMPARE + (
        Key("compare-open", "enter", "select", "Source", "Open the source text at the highlighted claim's quote.", show=False),
        Key("compare-columns", "tab,shift+tab", "focus_next", "Column", "Move between the disputes list and the columns.", show=False),
    ),
    "Source, BLUF, compare and help screens": BACK + SCROLL,
}


def bindings(*groups: tuple[Key, ...]) -> list[Binding]:
    return [key.binding() for group in groups for key in group if not key.bound_by_textual]


def app_bindings_for_screens() -> list[Binding]:
    """The app's keys bound on a screen, so they come first in its footer."""
    return [Binding(k.keys, f"app.{k.action}", k.description, show=k.show, id=f"screen-{k.id}", tooltip=k.help)
            for k in APP if not k.bound_by_textual]


def all_keys() -> list[tuple[str, Key]]:
    """Every documented key with the context it works in, in help-screen order."""
    return [(context, key) for context, keys in CONTEXTS.items() for key in keys]


def display(keys: str) -> str:
    names = {"question_mark": "?", "slash": "/", "escape": "Esc", "enter": "Enter", "tab": "Tab",
             "shift+tab": "Shift+Tab", "pageup": "PgUp", "pagedown": "PgDn", "ctrl+p": "Ctrl+P",
             "left_square_bracket": "[", "right_square_bracket": "]"}
    return " / ".join(names.get(k, k) for k in keys.split(","))

"""The reader's notes and bookmarks as Markdown, each beside the claim or section it annotates."""

from __future__ import annotations

import re
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from typing import Protocol

from ..model.records import Briefing
from ..state.records import Note, NoteKey, format_time
from .markdown import claim_lines, md

# md() leaves line starts alone; a note line starting like a list item, a numbered item or a
# setext underline would change the document's structure, so its first character is escaped.
_BLOCK_START = re.compile(r"^(\s*)([-+=]|\d+[.)])")


class NotesAndBookmarks(Protocol):
    """What the export reads: a ``ReadingState`` or a ``StateStore`` both fit."""

    @property
    def bookmarks(self) -> AbstractSet[str]: ...

    @property
    def notes(self) -> Mapping[NoteKey, Note]: ...


def notes_to_markdown(briefing: Briefing, state: NotesAndBookmarks) -> str:
    """Every bookmarked or annotated claim and annotated section of ``briefing``, in briefing order.

    Content and note text are escaped, so neither can inject links, HTML or headings. Notes and
    bookmarks whose claim or section is no longer in the briefing are listed under "Orphaned",
    never left out. Ends with a newline.
    """
    bookmarks, notes = state.bookmarks, state.notes
    lines = [f"# Notes: {md(briefing.title)}", "", f"*{md(briefing.publication)}, {briefing.date}*", ""]
    if not bookmarks and not notes:
        return "\n".join(lines + ["No notes or bookmarks."]) + "\n"
    for section in briefing.sections:
        claims = [c for c in briefing.claims_in(section.id) if c.id in bookmarks or ("claim", c.id) in notes]
        section_note = notes.get(("section", section.id))
        if not claims and section_note is None:
            continue
        lines += [f"## {md(section.title)}", ""]
        if section_note is not None:
            lines += _note_lines(section_note, indent="") + [""]
        for claim in claims:
            item = claim_lines(briefing, claim)
            if claim.id in bookmarks:
                item[0] = "- ★ " + item[0][2:]
            lines += item
            claim_note = notes.get(("claim", claim.id))
            if claim_note is not None:
                lines += ["", *_note_lines(claim_note, indent="  ")]
            lines.append("")
    lines += _orphans(briefing, bookmarks, notes)
    return "\n".join(lines).rstrip() + "\n"


def _note_lines(note: Note, indent: str) -> list[str]:
    stamp = format_time(note.updated)[:16].replace("T", " ") + " UTC"
    body = [indent + _line(text) if text.strip() else "" for text in note.text.splitlines()]
    return [f"{indent}*Note ({stamp}):*", "", *body]


def _line(text: str) -> str:
    return _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), md(text))


def _orphans(briefing: Briefing, bookmarks: AbstractSet[str], notes: Mapping[NoteKey, Note]) -> list[str]:
    gone_notes = [n for key, n in sorted(notes.items())
                  if n.target not in (briefing.claim_by_id if n.kind == "claim" else briefing.section_by_id)]
    gone_bookmarks = sorted(b for b in bookmarks if b not in briefing.claim_by_id)
    if not gone_notes and not gone_bookmarks:
        return []
    lines = ["## Orphaned", "", "No longer in the briefing (it has changed since these were made).", ""]
    for claim_id in gone_bookmarks:
        lines.append(f"- ★ bookmarked claim `{_code(claim_id)}`")
    if gone_bookmarks:
        lines.append("")
    for note in gone_notes:
        lines += [f"- {note.kind} `{_code(note.target)}`", ""] + _note_lines(note, indent="  ") + [""]
    return lines


def _code(text: str) -> str:
    return text.replace("`", "'")  # an id inside a code span: a backtick would end the span early

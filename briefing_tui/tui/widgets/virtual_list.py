"""A list that draws only the rows on screen, so its cost does not grow with the data.

OptionList builds and measures every option: filling it with 5,000 of 50,000 claims took about
0.4 s per keystroke. Here a row is rendered when it scrolls into view, from a callback, at a
fixed height; setting a new list of 50,000 rows costs the same as one of 50.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from .. import keys

RenderRow = Callable[[int], Content]  # row index -> its content, one line per row height


class _RowMessage(Message):
    """A message about one row of a virtual list."""

    def __init__(self, virtual_list: VirtualList, index: int, id: str) -> None:
        super().__init__()
        self.virtual_list = virtual_list
        self.index = index
        self.id = id

    @property
    def control(self) -> VirtualList:
        return self.virtual_list


class VirtualList(ScrollView, can_focus=True):
    """Rows of ``row_height`` lines; ``ids[i] is None`` marks a heading the cursor skips."""

    BINDINGS = [
        *keys.bindings(keys.LIST),
        keys.Key("vl-down", "down", "cursor_down", "Down", "Move down.", show=False).binding(),
        keys.Key("vl-up", "up", "cursor_up", "Up", "Move up.", show=False).binding(),
        keys.Key("vl-home", "home", "first", "First", "Go to the first item.", show=False).binding(),
        keys.Key("vl-end", "end", "last", "Last", "Go to the last item.", show=False).binding(),
        keys.Key("vl-pgdn", "pagedown", "page(1)", "Page down", "Move a page down.", show=False).binding(),
        keys.Key("vl-pgup", "pageup", "page(-1)", "Page up", "Move a page up.", show=False).binding(),
        keys.Key("vl-enter", "enter", "select", "Open", "Open the highlighted item.", show=False).binding(),
    ]
    COMPONENT_CLASSES = {"virtual-list--cursor", "virtual-list--heading"}
    DEFAULT_CSS = """
    VirtualList { height: 1fr; overflow-x: hidden; }  /* rows are cut to the width: nothing to scroll sideways */
    VirtualList > .virtual-list--cursor { background: $block-cursor-blurred-background; }
    VirtualList:focus > .virtual-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold; }
    VirtualList > .virtual-list--heading { text-style: bold; color: $text-muted; }
    """

    cursor: reactive[int | None] = reactive(None, init=False)

    class Highlighted(_RowMessage):
        """The cursor moved to row ``index`` (id ``id``)."""

    class Selected(_RowMessage):
        """Enter (or a second click) on row ``index``."""

    def __init__(self, row_height: int = 1, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.row_height = row_height
        self.ids: Sequence[str | None] = ()
        self._render_row: RenderRow = lambda _index: Content("")
        self._lines: dict[tuple[str | int, int], list[Strip]] = {}
        self._pass: tuple[int, Style, Style] = (0, Style(), Style())  # set by render_lines  # (row id, or index of a heading; width)

    # -- filling -------------------------------------------------------------------------------

    def set_rows(self, ids: Sequence[str | None], render_row: RenderRow, keep: str | None = None,
                 same_rows: bool = False, reveal_cursor: bool = True) -> None:
        """Show ``len(ids)`` rows drawn by ``render_row``; put the cursor on ``keep`` if present.

        ``same_rows``: a row with the same id looks as it did (only which rows are listed changed),
        so the lines already drawn for it are kept: typing a filter mostly re-lists the same rows.
        ``reveal_cursor``: scroll to the cursor now; else where the list is scrolled stays, and the
        cursor comes into view when the list is focused.
        """
        self.ids = ids
        self._render_row = render_row
        if not same_rows:
            self._lines.clear()
        size = Size(self.size.width, len(ids) * self.row_height)
        if size != self.virtual_size:
            # A new row count changes only the scrollbar, not where any widget stands: skip the
            # layout pass of the whole screen that setting virtual_size would cost every keystroke.
            self.set_reactive(VirtualList.virtual_size, size)
            self._scroll_update(size)
            self.scroll_to(y=min(self.scroll_y, self.max_scroll_y), animate=False, immediate=True)
        index = self.index_of(keep) if keep is not None else None
        self.set_reactive(VirtualList.cursor, index if index is not None else self._first_selectable(0, 1))
        self.refresh()
        if self.cursor is not None and reveal_cursor:
            self.call_after_refresh(self._scroll_to_cursor)

    def index_of(self, ident: str) -> int | None:
        try:
            return self.ids.index(ident)  # a scan in C over strings: about a millisecond at 50,000
        except ValueError:
            return None

    @property
    def row_count(self) -> int:
        return len(self.ids)

    @property
    def highlighted_id(self) -> str | None:
        return self.ids[self.cursor] if self.cursor is not None else None

    def move_to(self, ident: str) -> None:
        index = self.index_of(ident)
        if index is not None:
            self.cursor = index

    # -- drawing -------------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # width and styles are the same for every line of one pass, and each costs a style lookup
        self._pass = (self.scrollable_content_region.width, self.rich_style,
                      self.get_component_rich_style("virtual-list--cursor"))
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width, base, cursor = self._pass
        row, line = divmod(int(self.scroll_offset.y) + y, self.row_height)
        if row >= len(self.ids) or width <= 0:
            return Strip.blank(width, base)
        ident = self.ids[row]
        key = (ident if ident is not None else row, width)
        lines = self._lines.get(key)
        if lines is None:
            lines = self._draw(row, width, base)
            if len(self._lines) > 2000:  # a few screens' worth; old widths and far rows go
                self._lines.clear()
            self._lines[key] = lines
        strip = lines[line]
        if row == self.cursor:
            # on top of the row's own colours (Strip.apply_style would put it underneath them)
            strip = Strip(Segment.apply_style(strip, post_style=cursor), strip.cell_length)
        return strip

    def _draw(self, row: int, width: int, base: Style) -> list[Strip]:
        content = self._render_row(row)
        if self.ids[row] is None:
            base = base + self.get_component_rich_style("virtual-list--heading")
        parts = content.split("\n")[: self.row_height]
        parts += [Content("")] * (self.row_height - len(parts))
        strips = []
        for part in parts:
            segments = part.truncate(width, ellipsis=True).render_segments()
            strip = Strip([Segment(s.text, base + s.style if s.style else base) for s in segments])
            strips.append(strip.extend_cell_length(width, base))
        return strips

    def watch_cursor(self, old: int | None, new: int | None) -> None:
        for index in (old, new):
            if index is not None:
                self.refresh_lines(index * self.row_height - int(self.scroll_offset.y), self.row_height)
        if new is not None:
            self._scroll_to_cursor()
            self.post_message(self.Highlighted(self, new, self.ids[new] or ""))

    def _scroll_to_cursor(self) -> None:
        if self.cursor is None:
            return
        top = self.cursor * self.row_height
        if top < self.scroll_offset.y:
            self.scroll_to(y=top, animate=False)
        elif top + self.row_height > self.scroll_offset.y + self.scrollable_content_region.height:
            self.scroll_to(y=top + self.row_height - self.scrollable_content_region.height, animate=False)

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self._restyle, init=False)

    def on_focus(self) -> None:
        self._scroll_to_cursor()

    def _restyle(self) -> None:
        """Drawn rows carry the old theme's colours: draw them again."""
        self._lines.clear()
        self.refresh()

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.ids) * self.row_height)
        self._lines.clear()

    # -- moving --------------------------------------------------------------------------------

    def _first_selectable(self, start: int, step: int) -> int | None:
        index = start
        while 0 <= index < len(self.ids):
            if self.ids[index] is not None:
                return index
            index += step
        return None

    def _move(self, start: int, step: int) -> None:
        found = self._first_selectable(start, step)
        if found is not None:
            self.cursor = found

    def action_cursor_down(self) -> None:
        self._move(0 if self.cursor is None else self.cursor + 1, 1)

    def action_cursor_up(self) -> None:
        self._move(0 if self.cursor is None else self.cursor - 1, -1)

    def action_first(self) -> None:
        self._move(0, 1)

    def action_last(self) -> None:
        self._move(len(self.ids) - 1, -1)

    def action_page(self, direction: int) -> None:
        rows = max(1, self.scrollable_content_region.height // self.row_height)
        start = (self.cursor or 0) + direction * rows
        start = max(0, min(len(self.ids) - 1, start))
        if self._first_selectable(start, direction) is not None:
            self._move(start, direction)
        else:
            self._move(start, -direction)

    def action_select(self) -> None:
        if self.cursor is not None and self.ids[self.cursor] is not None:
            self.post_message(self.Selected(self, self.cursor, self.ids[self.cursor] or ""))

    def on_click(self, event) -> None:  # type: ignore[no-untyped-def]
        row = (int(self.scroll_offset.y) + event.y) // self.row_height
        if 0 <= row < len(self.ids) and self.ids[row] is not None:
            if self.cursor == row:
                self.action_select()
            self.cursor = row

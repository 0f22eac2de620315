"""A library that can be read while it loads.

A folder of a thousand briefings takes from half a second (parse cache warm) to ten seconds (cold)
to load. Nobody should stare at an empty terminal meanwhile: the reader opens on what loads within
a first-frame budget and :class:`GrowingLibrary` loads the rest, file by file, in article order.
Each time the number of readable briefings has doubled, the caller may take a fresh merge of what
is loaded; merging all of them again each time keeps every library a plain
:class:`~.merge.LibraryBriefing`, and doubling bounds the total merging to about twice one final merge.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from ..model.load import LoadResult, briefing_targets, load_briefing

if TYPE_CHECKING:
    from ..model.cache import ParseCache
    from .merge import LibraryBriefing

FIRST_FRAME_BUDGET = 0.03  # seconds of loading before the reader draws its first frame


def library_id_for(paths: Sequence[Path]) -> str:
    """A library's identity is where it lives, not what it holds: adding a briefing to the folder
    must not cut the reader off from the notes and place kept for it."""
    where = "\n".join(sorted(str(p.resolve()) for p in paths))
    return f"library-{hashlib.sha256(where.encode('utf-8', 'surrogateescape')).hexdigest()[:12]}"


class GrowingLibrary:
    """The files of ``paths``, loaded one at a time; ``results`` holds what is loaded so far, in order."""

    def __init__(self, paths: Sequence[Path], cache: ParseCache | None = None,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        files, self.results = briefing_targets(list(paths))
        self.files: tuple[Path, ...] = tuple(files)
        self.library_id = library_id_for(paths)
        self._cache = cache
        self._clock = clock
        self._next = 0
        self._readable_at_last_merge = 0

    @property
    def done(self) -> bool:
        return self._next >= len(self.files)

    @property
    def loaded_files(self) -> int:
        return self._next

    @property
    def readable(self) -> int:
        return sum(1 for r in self.results if r.briefing is not None)

    def load_next(self) -> LoadResult | None:
        """Load the next file; None once every file is loaded."""
        if self.done:
            return None
        result = load_briefing(self.files[self._next], cache=self._cache)
        self._next += 1
        self.results.append(result)
        return result

    def load_for(self, seconds: float, stop: Callable[[], bool] = lambda: False) -> None:
        """Load at least one file, then more for about ``seconds``, and on until one briefing is
        readable (or no file is left); ``stop`` is asked before each file after the first."""
        deadline = self._clock() + seconds
        with self._cache.batch() if self._cache is not None else nullcontext():
            self.load_next()
            while not self.done and (self._clock() < deadline or not self.readable) and not stop():
                self.load_next()

    def worth_merging(self) -> bool:
        """True when the readable briefings have doubled since the last :meth:`library`, or all are in."""
        readable = self.readable
        return readable > self._readable_at_last_merge and (self.done or readable >= 2 * self._readable_at_last_merge)

    def library(self) -> LibraryBriefing | None:
        """Every readable briefing loaded so far, merged as one; None while none is readable."""
        from ..model.cache import ParseCache
        from .merge import merge  # a single briefing, the common case, never needs it

        briefings = [r.briefing for r in self.results if r.briefing is not None]
        self._readable_at_last_merge = len(briefings)
        if not briefings:
            return None
        with ParseCache.batch():  # a merge allocates no cycles: the collector would only slow it down
            return merge(briefings, library_id=self.library_id)

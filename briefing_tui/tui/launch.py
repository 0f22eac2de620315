"""Start the reader on a set of briefing paths."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..query.growing import FIRST_FRAME_BUDGET, GrowingLibrary

if TYPE_CHECKING:
    from ..model.cache import ParseCache


def launch(paths: list[Path], cache: ParseCache | None = None) -> int:
    # Start-up allocates the whole library (a million small records for 1,000 briefings) and none
    # of it forms cycles: the collector would only rescan it again and again. The app turns it
    # back on after its first frame.
    gc.disable()
    # What loads within the budget is on the first frame; a big library loads the rest while it is read.
    growing = GrowingLibrary(paths, cache)
    growing.load_for(FIRST_FRAME_BUDGET)
    if growing.done and not any(r.briefing for r in growing.results):
        for result in growing.results:
            for problem in result.problems:
                print(problem, file=sys.stderr)
        return 2
    from .app import BriefingApp

    BriefingApp(growing.results, growing=growing).run()
    return 0

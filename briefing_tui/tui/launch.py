"""Start the reader on a set of briefing paths."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import load_paths

if TYPE_CHECKING:
    from ..model.cache import ParseCache


def launch(paths: list[Path], cache: ParseCache | None = None) -> int:
    # Start-up allocates the whole library (a million small records for 1,000 briefings) and none
    # of it forms cycles: the collector would only rescan it again and again. The app turns it
    # back on after its first frame.
    gc.disable()
    results = load_paths(paths, cache=cache)
    if not any(r.briefing for r in results):
        for result in results:
            for problem in result.problems:
                print(problem, file=sys.stderr)
        return 2
    from .app import BriefingApp

    BriefingApp(results).run()
    return 0

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
    results = load_paths(paths, cache=cache)
    if not any(r.briefing for r in results):
        for result in results:
            for problem in result.problems:
                print(problem, file=sys.stderr)
        return 2
    # The loaded records live as long as the app and form no cycles: keep the collector from
    # rescanning them on every generation-2 pass while the reader runs.
    gc.freeze()
    from .app import BriefingApp

    BriefingApp(results).run()
    return 0

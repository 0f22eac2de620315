"""Start the reader on a set of briefing paths."""

from __future__ import annotations

import sys
from pathlib import Path

from ..model import load_paths


def launch(paths: list[Path]) -> int:
    results = load_paths(paths)
    if not any(r.briefing for r in results):
        for result in results:
            for problem in result.problems:
                print(problem, file=sys.stderr)
        return 2
    from .app import BriefingApp

    BriefingApp(results).run()
    return 0

"""Start the reader on a set of briefing paths."""

from __future__ import annotations

import sys
from pathlib import Path

from ..model import load_paths


def launch(paths: list[Path]) -> int:
    results = load_paths(paths)
    for result in results:
        for problem in result.problems:
            print(problem, file=sys.stderr)
    for result in results:
        b = result.briefing
        if b is None:
            continue
        print(f"{b.title} ({b.publication}, {b.date})")
        for section in b.sections:
            print(f"  {section.title}: {len(b.claims_in(section.id))} claims")
    return 0 if any(r.briefing for r in results) else 2

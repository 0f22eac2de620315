"""Filter keystroke latency in the reader itself: query, facets, lists and the repaint they cause.

    python -m benchmarks.keystroke PATH [--cache DIR]

Types a query one character at a time into the filter bar of a headless reader on PATH and
prints, as JSON, the median cost of a keystroke: the processor time the app spends from the
query to the screen being redrawn (the query, the messages it sets off, layout and render).
Wall-clock time is no good for this: Textual paints on a 60 Hz timer, so a keystroke's frame
lands on the next tick and wall time comes in steps of a frame whatever the work. Processor
time counts the work alone; an idle pause costs about a millisecond of it, measured the same
way and taken off. The wall-clock medians of a keystroke (work plus the wait for the tick) and of
an idle pause are printed too.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

from briefing_tui.model import load_paths
from briefing_tui.model.cache import ParseCache
from briefing_tui.tui.app import BriefingApp

TYPED = ["t", "to", "top", "topi", "topic", "topic:", "topic:t", "topic:th", "topic:threats",
         "topic:threats ", "topic:threats -", "topic:threats -k", "topic:threats -kind:report",
         "f", "fi", "fig", "figh", "fight", "fighte", "fighter", "fighters"]


async def _measure(path: Path, cache: ParseCache | None) -> dict[str, float]:
    app = BriefingApp(load_paths([path], cache=cache))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        screen = app.screen
        search = screen.search  # type: ignore[attr-defined]
        while search.wants_index and not search.has_index:  # the reader indexes a library in the background
            await asyncio.sleep(0.1)
        idle, idle_walls = [], []
        for _ in range(15):
            started, wall = time.process_time(), time.perf_counter()
            await pilot.pause()
            idle.append(time.process_time() - started)
            idle_walls.append(time.perf_counter() - wall)
        costs, walls = [], []
        for _round in range(3):
            for query in TYPED:
                started, wall = time.process_time(), time.perf_counter()
                screen.apply_query(query, typing=True)  # type: ignore[attr-defined]  (as the filter bar does)
                await pilot.pause()
                costs.append(time.process_time() - started)
                walls.append(time.perf_counter() - wall)
        baseline = statistics.median(idle)
        return {"claims": len(screen.briefing.claims), "median": max(0.0, statistics.median(costs) - baseline),
                "worst": max(costs) - baseline, "idle_frame": baseline, "wall_median": statistics.median(walls),
                "wall_idle": statistics.median(idle_walls)}


def main(argv: list[str]) -> int:
    path = Path(argv[0])
    cache = ParseCache(argv[argv.index("--cache") + 1]) if "--cache" in argv else None
    print(json.dumps(asyncio.run(_measure(path, cache))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

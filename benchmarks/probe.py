"""Measurements that need a fresh interpreter: load time and peak memory of a library.

    python -m benchmarks.probe load PATH [--cache DIR] [--index]

prints one JSON line: seconds to load (and to index, with --index), claims, problems, peak RSS in MiB.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    from briefing_tui.model import load_paths
    from briefing_tui.model.cache import ParseCache

    path = Path(argv[1])
    cache = ParseCache(argv[argv.index("--cache") + 1]) if "--cache" in argv else None
    started = time.perf_counter()
    results = load_paths([path], cache=cache)
    loaded = time.perf_counter()
    index_seconds = None
    if "--index" in argv:
        from briefing_tui.query.library import Library

        library = Library([r.briefing for r in results if r.briefing is not None])
        index_seconds = time.perf_counter() - loaded
        assert library.claims
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({
        "load": loaded - started, "index": index_seconds,
        "claims": sum(len(r.briefing.claims) for r in results if r.briefing is not None),
        "problems": sum(len(r.problems) for r in results), "peak_mib": peak_kib / 1024,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

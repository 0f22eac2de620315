"""Open the reader on PATH through the parse cache: what ``briefing-tui PATH`` will do once the CLI
passes a cache to the loader (until then the benchmark uses this stand-in for cached starts).

    python -m benchmarks.launch [--no-cache] PATH...
"""

from __future__ import annotations

import sys
from pathlib import Path

from briefing_tui.model import load_paths
from briefing_tui.model.cache import ParseCache


def main(argv: list[str]) -> int:
    use_cache = "--no-cache" not in argv
    paths = [Path(a) for a in argv if a != "--no-cache"]
    results = load_paths(paths, cache=ParseCache.default() if use_cache else None)
    from briefing_tui.tui.app import BriefingApp  # Textual only after loading, as the CLI does

    BriefingApp(results).run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Run the reader as ``briefing-tui`` would and record its peak memory when it exits.

    PEAK_FILE=out.txt python -m benchmarks.peak [briefing-tui arguments]

The benchmark runs this under a pseudo-terminal with ``BRIEFING_TUI_EXIT_AFTER_LOAD=1``, so the
figure is the reader's own high-water mark with a whole library loaded and indexed.
"""

from __future__ import annotations

import os
import resource
import sys

from briefing_tui.cli import main

if __name__ == "__main__":
    code = main(sys.argv[1:])
    with open(os.environ["PEAK_FILE"], "w", encoding="utf-8") as out:
        out.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))  # KiB on Linux
    sys.exit(code)

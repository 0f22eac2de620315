"""Benchmarks for briefing-tui: synthetic libraries, start-to-first-paint, load, filter and memory.

Run ``python -m benchmarks``. Nothing here is imported by the package.
"""

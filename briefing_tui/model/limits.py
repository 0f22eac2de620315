"""Caps on untrusted input, in one place. A briefing that needs more is not a briefing."""

MAX_BYTES = 4 * 1024 * 1024  # a briefing file
MAX_SOURCE_BYTES = 4 * 1024 * 1024  # the article it segments
MAX_DEPTH = 12  # the format nests six collections deep; leave room, refuse pathological input

"""briefing-tui: structured, verifiable briefings read from a terminal."""

__version__ = "0.1.0"

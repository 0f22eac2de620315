"""The briefing format's fixed words: its version and the kinds an actor or a claim may be.

Kept apart from the field table in :mod:`.schema` so that what only needs the words (the query
language, the parse cache) does not build that table at start-up.
"""

from __future__ import annotations

FORMAT_VERSION = 1

ACTOR_KINDS = (
    "person", "state", "government", "organization", "armed-group", "movement", "media", "document",
    "group", "other",
)
CLAIM_KINDS = (
    "assertion", "assurance", "estimate", "denial", "doubt", "forecast", "recommendation", "report",
    "promise", "warning", "opinion",
)

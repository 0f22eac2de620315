"""Short slugs for ids, unique within one kind."""

from __future__ import annotations

import re
import unicodedata

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_DANGLING = {"of", "for", "the", "on", "in", "and", "a", "an", "to", "at"}


def slugify(text: str, max_words: int = 5) -> str:
    """A slug from ``text``: ascii lowercase words joined by ``-`` (``"South Africa"`` -> ``south-africa``)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = [w for w in _NOT_SLUG.split(ascii_text.replace("'", "")) if w][:max_words]
    while len(words) > 1 and words[-1] in _DANGLING:
        words.pop()  # "moscow-state-institute-of" reads as cut off
    return "-".join(words) or "x"


class IdMaker:
    """Hands out ids that are unique among those it has handed out (``a``, ``a-2``, ``a-3``...)."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def make(self, base: str) -> str:
        base = base if base[:1].isalnum() else f"x-{base}"
        candidate, n = base, 2
        while candidate in self.taken:
            candidate, n = f"{base}-{n}", n + 1
        self.taken.add(candidate)
        return candidate

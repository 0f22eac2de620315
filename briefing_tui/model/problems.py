"""Problems found in content, reported as ``path:line:col: message``."""

from __future__ import annotations

from typing import NamedTuple


class Mark(NamedTuple):
    """A 1-based position in a file; positions order by line, then column."""

    line: int
    col: int


NOWHERE = Mark(1, 1)


class Problem(NamedTuple):
    """One thing wrong with a briefing file.

    ``fatal`` problems make the file unusable (it could not be read or parsed at all);
    the others leave a briefing that can still be shown, with the problem beside it.
    """

    path: str
    mark: Mark
    message: str
    fatal: bool = False

    def __str__(self) -> str:
        return f"{self.path}:{self.mark.line}:{self.mark.col}: {self.message}"


class ContentRefused(Exception):
    """Raised inside the loader when input must not be processed any further."""

    def __init__(self, mark: Mark, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message
